"""Brand API keys: created with the secret shown once and kept hashed, usable on the brand's
endpoints within their scopes, rate-limited, revocable; never a way into another brand,
the buyer side or /me, and never a way to manage keys."""

from __future__ import annotations

import hashlib
import uuid

import httpx
import pytest
from fastapi import FastAPI

from showroom.models import ApiKey
from tests.conftest import Mailbox
from tests.factories import join_brand, new_brand, new_org, new_user, problem
from tests.integrations.keys import bearer, new_key
from tests.shop import Shop, tee


async def test_the_secret_is_shown_once_and_kept_hashed(shop: Shop, app: FastAPI) -> None:
    key = await new_key(shop, "orders:read", "catalog:write", name="  ERP  ")
    assert key["secret"].startswith("sk_")
    assert len(key["secret"]) > 40
    assert key["prefix"] == key["secret"][:16]
    assert key["name"] == "ERP"
    assert key["scopes"] == ["catalog:write", "orders:read"]
    assert key["last_used_at"] is None
    assert key["revoked_at"] is None

    listed = (await shop.get("/api-keys")).json()["items"]
    assert [k["id"] for k in listed] == [key["id"]]
    assert "secret" not in listed[0]
    async with app.state.sessionmaker() as session:
        stored = await session.get(ApiKey, uuid.UUID(key["id"]))
    assert stored is not None
    assert stored.secret_hash == hashlib.sha256(key["secret"].encode()).hexdigest()
    assert key["secret"] not in (stored.secret_hash, stored.prefix)


async def test_a_key_works_within_its_scopes(shop: Shop, client: httpx.AsyncClient) -> None:
    await shop.post("/products", tee(shop))
    key = await new_key(shop, "catalog:write", "orders:read")
    headers = bearer(key)

    products = await client.get(f"{shop.url}/products", headers=headers)
    assert products.status_code == 200, products.text  # write includes read
    assert [p["model_number"] for p in products.json()["items"]] == ["TEE-01"]
    created = await client.post(
        f"{shop.url}/products", json=tee(shop, model_number="TEE-02"), headers=headers
    )
    assert created.status_code == 201, created.text
    assert (await client.get(f"{shop.url}/orders", headers=headers)).status_code == 200

    refused = await client.post(
        f"{shop.url}/customers", json={"company_name": "X"}, headers=headers
    )
    assert refused.status_code == 403
    assert problem(refused)["code"] == "api_key.scope_missing"
    assert "customers:write" in problem(refused)["detail"]
    listing = await client.get(f"{shop.url}/links", headers=headers)
    assert problem(listing)["code"] == "api_key.scope_missing"

    used = (await shop.get("/api-keys")).json()["items"][0]
    assert used["last_used_at"] is not None


async def test_read_scope_does_not_write(shop: Shop, client: httpx.AsyncClient) -> None:
    headers = bearer(await new_key(shop, "catalog:read"))
    assert (await client.get(f"{shop.url}/products", headers=headers)).status_code == 200
    refused = await client.post(f"{shop.url}/products", json=tee(shop), headers=headers)
    assert refused.status_code == 403
    assert problem(refused)["code"] == "api_key.scope_missing"
    assert (await shop.get("/products")).json()["items"] == []


async def test_revoked_and_unknown_keys_are_refused(shop: Shop, client: httpx.AsyncClient) -> None:
    key = await new_key(shop, "catalog:read")
    url = f"{shop.url}/products"
    assert (await client.get(url, headers=bearer(key))).status_code == 200

    revoked = await client.delete(f"{shop.url}/api-keys/{key['id']}", headers=shop.owner.headers)
    assert revoked.status_code == 204
    again = await client.delete(f"{shop.url}/api-keys/{key['id']}", headers=shop.owner.headers)
    assert again.status_code == 204  # idempotent
    refused = await client.get(url, headers=bearer(key))
    assert refused.status_code == 401
    assert problem(refused)["code"] == "api_key.invalid"
    assert refused.headers["www-authenticate"] == "Bearer"
    [listed] = (await shop.get("/api-keys")).json()["items"]
    assert listed["revoked_at"] is not None

    forged = key["secret"][:16] + "x" * (len(key["secret"]) - 16)
    for secret in (forged, "sk_nothing", "sk_" + "a" * 300):
        response = await client.get(url, headers=bearer(secret))
        assert response.status_code == 401, secret
        assert problem(response)["code"] == "api_key.invalid"


async def test_a_key_reaches_only_its_own_brand(shop: Shop, client: httpx.AsyncClient) -> None:
    other = await new_brand(client, await new_user(client))
    headers = bearer(await new_key(shop, *ALL_SCOPES))
    response = await client.get(f"/api/v1/brands/{other['id']}/products", headers=headers)
    assert response.status_code == 404
    assert problem(response)["code"] == "brand.not_found"


async def test_a_key_is_not_a_user(shop: Shop, client: httpx.AsyncClient) -> None:
    buyer = await new_user(client)
    org = await new_org(client, buyer)
    headers = bearer(await new_key(shop, *ALL_SCOPES))
    for method, url in (
        ("GET", "/api/v1/me"),
        ("GET", "/api/v1/brands"),
        ("GET", f"{shop.url}"),
        ("GET", f"{shop.url}/members"),
        ("GET", "/api/v1/buyer-organizations"),
        ("GET", f"/api/v1/buyer-organizations/{org['id']}/orders"),
        ("GET", "/api/v1/carts"),
    ):
        response = await client.request(method, url, headers=headers)
        assert response.status_code == 401, url
        assert problem(response)["code"] == "api_key.not_accepted", url


async def test_only_owners_and_admins_manage_keys(
    shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    brand_id = shop.url.rsplit("/", 1)[1]
    admin = await join_brand(client, mailbox, shop.owner, brand_id, "admin")
    staff = await join_brand(client, mailbox, shop.owner, brand_id, "staff")
    made = await client.post(
        f"{shop.url}/api-keys",
        json={"name": "BI", "scopes": ["orders:read"]},
        headers=admin.headers,
    )
    assert made.status_code == 201
    for method, path in (
        ("GET", "/api-keys"),
        ("POST", "/api-keys"),
        ("GET", "/webhook-endpoints"),
    ):
        response = await client.request(
            method,
            f"{shop.url}{path}",
            json={"name": "x", "scopes": ["orders:read"]} if method == "POST" else None,
            headers=staff.headers,
        )
        assert response.status_code == 403, path
        assert problem(response)["code"] == "brand.admin_required"

    key = bearer(made.json())
    for method, path in (
        ("GET", "/api-keys"),
        ("DELETE", f"/api-keys/{made.json()['id']}"),
        ("GET", "/webhook-endpoints"),
        ("PATCH", "/settings"),
    ):
        response = await client.request(
            method, f"{shop.url}{path}", json={} if method == "PATCH" else None, headers=key
        )
        assert response.status_code == 403, path
        assert problem(response)["code"] in ("api_key.not_allowed", "api_key.scope_missing")
    # The key survived its own attempt to revoke itself.
    assert (await client.get(f"{shop.url}/orders", headers=key)).status_code == 200


async def test_settings_stay_with_people(shop: Shop, client: httpx.AsyncClient) -> None:
    headers = bearer(await new_key(shop, "catalog:write"))
    assert (await client.get(f"{shop.url}/settings", headers=headers)).status_code == 200
    response = await client.patch(
        f"{shop.url}/settings", json={"delivery_date_allowed": True}, headers=headers
    )
    assert response.status_code == 403
    assert problem(response)["code"] == "api_key.not_allowed"


@pytest.fixture
def three_per_minute(app: FastAPI) -> object:
    settings = app.state.settings
    app.state.settings = settings.model_copy(update={"api_key_requests_per_minute": 3})
    yield
    app.state.settings = settings


async def test_each_key_has_its_own_rate_limit(
    shop: Shop, client: httpx.AsyncClient, three_per_minute: object
) -> None:
    first, second = await new_key(shop, "catalog:read"), await new_key(shop, "catalog:read")
    url = f"{shop.url}/products"
    statuses = [(await client.get(url, headers=bearer(first))).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    limited = await client.get(url, headers=bearer(first))
    assert limited.status_code == 429
    assert problem(limited)["code"] == "api_key.rate_limited"
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    # Refused requests count too, and the other key is unaffected.
    assert (await client.get(url, headers=bearer(first))).status_code == 429
    assert (await client.get(url, headers=bearer(second))).status_code == 200
    # People are not limited by the keys' counter.
    assert (await shop.get("/products")).status_code == 200


async def test_order_events_name_the_key(
    shop: Shop, client: httpx.AsyncClient, placed_order: dict[str, object]
) -> None:
    headers = bearer(await new_key(shop, "orders:write", name="Warehouse"))
    confirmed = await client.post(
        f"{shop.url}/orders/{placed_order['id']}/confirm", json={}, headers=headers
    )
    assert confirmed.status_code == 200, confirmed.text
    event = confirmed.json()["events"][-1]
    assert (event["status"], event["actor_side"]) == ("confirmed", "brand")
    assert "Warehouse" in event["actor_name"]


ALL_SCOPES = [f"{area}:write" for area in ("catalog", "customers", "links", "orders")]
