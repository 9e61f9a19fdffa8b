"""Tenant isolation, generated from the OpenAPI document: every operation is tried with the
rows of one brand and one buyer organization by everyone who is neither — anonymous, a
member of another brand, a member of another buyer organization, a guest of another link —
and none of them reads or writes anything there (404 for rows they cannot see, 401 without
credentials, 403 for actions they may not take). A new operation that this file does not
know fails the test until it is classified. Brand staff are refused what only owners and
admins may do."""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi import FastAPI

from tests.conftest import Mailbox
from tests.factories import address_payload
from tests.images import image_bytes
from tests.security.world import INTERNAL_NOTE, Outsiders, World, snapshot

# Operations anyone may call: they take the caller's own credentials or a token that is
# itself the capability (link, invitation, media id), and read or write nothing of a tenant
# by id.
PUBLIC = {
    "POST /api/v1/auth/logout",
    "POST /api/v1/auth/password-reset",
    "POST /api/v1/auth/password-reset/confirm",
    "POST /api/v1/auth/refresh",
    "POST /api/v1/auth/signup",
    "POST /api/v1/auth/signup/code",
    "POST /api/v1/auth/token",
    "GET /api/v1/brand-invitations/{token}",
    "GET /api/v1/member-invitations/{token}",
    "GET /api/v1/order-links/{token}",
    "POST /api/v1/order-links/{token}/access",
    "GET /api/v1/media/{media_id}",  # storefront images: the unguessable id is the key
    "GET /api/v1/media/{media_id}/thumbnail",
    "GET /api/v1/payments/config",
    "GET /api/v1/reference/countries",
    "GET /api/v1/reference/languages",
    "GET /api/v1/health",
    "GET /api/v1/dev/mailbox",  # development only (404 in the test settings)
    "POST /api/v1/webhooks/stripe",  # Stripe's signature is the credential
}

# Operations on the caller's own things (their user, their brands, their organizations and
# carts): an outsider gets only their own, which the leak check below verifies.
OWN = {
    "GET /api/v1/me",
    "PATCH /api/v1/me",
    "POST /api/v1/me/password",
    "GET /api/v1/brands",
    "POST /api/v1/brands",
    "GET /api/v1/buyer-organizations",
    "POST /api/v1/buyer-organizations",
    "GET /api/v1/carts",
    "POST /api/v1/carts",
    "POST /api/v1/brand-invitations/{token}/accept",
    "POST /api/v1/member-invitations/{token}/accept",
}

# Brand operations staff may not take (DOMAIN.md §1).
ADMIN_ONLY = {
    "PATCH /api/v1/brands/{brand_id}",
    "PATCH /api/v1/brands/{brand_id}/settings",
    "POST /api/v1/brands/{brand_id}/member-invitations",
    "DELETE /api/v1/brands/{brand_id}/member-invitations/{invitation_id}",
    "PATCH /api/v1/brands/{brand_id}/members/{user_id}",
    "DELETE /api/v1/brands/{brand_id}/members/{user_id}",
    # Integrations: API keys and webhook endpoints (staff cannot manage API keys).
    "POST /api/v1/brands/{brand_id}/api-keys",
    "DELETE /api/v1/brands/{brand_id}/api-keys/{key_id}",
    "POST /api/v1/brands/{brand_id}/webhook-endpoints",
    "PATCH /api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}",
    "DELETE /api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}",
    "POST /api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}/rotate-secret",
    "POST /api/v1/brands/{brand_id}/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}"
    "/replay",
}

TENANT_PREFIXES = ("/api/v1/brands/{brand_id}", "/api/v1/buyer-organizations/{org_id}")
SHOPPING = ("/api/v1/carts/{cart_id}", "/api/v1/catalogs/{catalog_id}")


def operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for path, item in app.openapi()["paths"].items():
        for method, operation in item.items():
            found.append((method.upper(), path, operation))
    return sorted(found, key=lambda o: (o[1], o[0]))


def _param_value(world: World, path: str, name: str) -> str:
    under_org = path.startswith("/api/v1/buyer-organizations/")
    if name == "invitation_id":
        if "/member-invitations/" in path:
            return world.ids[
                "org_member_invitation_id" if under_org else "brand_member_invitation_id"
            ]
        return world.ids["brand_invitation_id"]
    if name == "user_id":
        return world.ids["org_user_id" if under_org else "brand_user_id"]
    if name == "token":
        return world.tokens["link"]
    assert name in world.ids, f"the isolation world has no row for {{{name}}}: add one"
    return world.ids[name]


def url_of(world: World, path: str) -> str:
    return re.sub(r"{(\w+)}", lambda m: _param_value(world, path, m.group(1)), path)


def bodies(world: World) -> dict[str, dict[str, Any]]:
    """Valid bodies for the operations that read the body before deciding who may act: a
    refusal there must come from who is asking, not from an empty body."""
    org = "/api/v1/buyer-organizations/{org_id}"
    catalog = "/api/v1/brands/{brand_id}/catalogs/{catalog_id}"
    return {
        f"PUT {catalog}/access-grants": {"customer_ids": [world.ids["customer_id"]]},
        f"PUT {catalog}/products": {"product_ids": [world.ids["product_id"]]},
        "POST /api/v1/brands/{brand_id}/member-invitations": {"email": "x@example.com"},
        "PATCH /api/v1/brands/{brand_id}/members/{user_id}": {"role": "staff"},
        f"POST {org}/addresses": address_payload(),
        f"POST {org}/member-invitations": {"email": "y@example.com"},
        f"PATCH {org}/members/{{user_id}}": {"role": "member"},
        f"POST {org}/payment-methods": {"payment_method_id": "pm_1Outsider"},
        f"POST {org}/primary-owner": {"user_id": world.ids["org_user_id"]},
    }


def _request(operation: dict[str, Any], key: str, world: World) -> dict[str, Any]:
    """The request an outsider sends: an empty but well-formed one, or a valid body where
    the body is read first."""
    body = bodies(world).get(key)
    if body is not None:
        return {"json": body}
    content = operation.get("requestBody", {}).get("content", {})
    if "multipart/form-data" in content:
        return {"files": {"file": ("a.png", image_bytes())}}
    if "application/x-www-form-urlencoded" in content:
        return {"data": {}}
    if "application/json" in content:
        return {"json": {}}
    return {}


def _attempts(
    world: World, outsiders: Outsiders, path: str
) -> list[tuple[str, dict[str, str], str]]:
    """Who tries, with which headers, on which URL: everyone on the tenant's own URL, and the
    other brand's (or organization's) member also through their own tenant, asking it for
    the first tenant's rows by id."""
    url = url_of(world, path)
    tries = [(who, headers, url) for who, headers in outsiders.all().items()]
    has_child = len(re.findall(r"{\w+}", path)) > 1
    own = {
        "/api/v1/brands/{brand_id}/": ("member of another brand", outsiders.other_brand_id),
        "/api/v1/buyer-organizations/{org_id}/": (
            "member of another buyer organization",
            outsiders.other_buyer_org,
        ),
    }
    for prefix, (who, tenant_id) in own.items():
        if path.startswith(prefix) and has_child:
            param = "brand_id" if "brand_id" in prefix else "org_id"
            mine = url.replace(world.ids[param], tenant_id, 1)
            tries.append((f"{who}, through their own", outsiders.all()[who], mine))
    return tries


def _leaks(world: World, response: httpx.Response) -> set[str]:
    return {secret for secret in world.secrets if secret in response.text}


async def test_no_operation_reaches_another_tenant(
    app: FastAPI, client: httpx.AsyncClient, world: World, outsiders: Outsiders
) -> None:
    before = await snapshot(app)
    unclassified, wrong = [], []
    for method, path, operation in operations(app):
        key = f"{method} {path}"
        tenant = path.startswith(TENANT_PREFIXES) or path.startswith(SHOPPING)
        if key not in PUBLIC | OWN and not tenant:
            unclassified.append(key)
            continue
        for who, headers, url in _attempts(world, outsiders, path):
            client.cookies.clear()  # the shared client keeps the last log-in's refresh cookie
            params = {}
            if path.startswith("/api/v1/catalogs/") and who.startswith("member of another buyer"):
                # A standard order's way in: "I am this organization, show me the catalog".
                params["buyer_organization_id"] = outsiders.other_buyer_org
            response = await client.request(
                method, url, headers=headers, params=params, **_request(operation, key, world)
            )
            leaks = _leaks(world, response)
            if leaks:
                wrong.append(f"{who}: {key} → {response.status_code} shows {sorted(leaks)}")
            if key in PUBLIC | OWN:
                continue
            allowed = {401} if who == "anonymous" else {401, 403, 404}
            if response.status_code not in allowed:
                wrong.append(f"{who}: {key} → {response.status_code} {response.text[:160]}")
    assert not unclassified, f"classify these operations in {__file__}: {unclassified}"
    assert not wrong, "\n".join(wrong)
    after = await snapshot(app)
    assert [t for t in before if before[t] != after.get(t)] == []


async def test_the_tenants_own_members_reach_every_row(
    client: httpx.AsyncClient, app: FastAPI, world: World
) -> None:
    """The other side of the coin: the ids above are real, so the outsiders' 404s mean
    "not yours", not "not there"."""
    missing = []
    for method, path, _ in operations(app):
        if method != "GET" or not path.startswith(TENANT_PREFIXES + SHOPPING):
            continue
        buyer_side = path.startswith(("/api/v1/buyer-organizations/", *SHOPPING))
        headers = world.buyer.headers if buyer_side else world.owner.headers
        params = (
            {"buyer_organization_id": world.ids["org_id"]}
            if path.startswith("/api/v1/catalogs/")
            else {}
        )
        response = await client.get(url_of(world, path), headers=headers, params=params)
        if response.status_code != 200:
            missing.append(f"{path} → {response.status_code} {response.text[:120]}")
    assert missing == []


async def test_staff_are_refused_what_only_owners_and_admins_may_do(
    client: httpx.AsyncClient, app: FastAPI, world: World
) -> None:
    refused, wrongly_refused = [], []
    for method, path, operation in operations(app):
        if not path.startswith("/api/v1/brands/{brand_id}") or method == "GET":
            continue
        key = f"{method} {path}"
        response = await client.request(
            method,
            url_of(world, path),
            headers=world.staff.headers,
            **_request(operation, key, world),
        )
        admin_required = (
            response.status_code == 403 and response.json().get("code") == "brand.admin_required"
        )
        if key in ADMIN_ONLY and not admin_required:
            refused.append(f"{key} → {response.status_code} {response.text[:120]}")
        if key not in ADMIN_ONLY and admin_required:
            wrongly_refused.append(key)
    assert refused == [], "staff could take an owner's action"
    assert wrongly_refused == [], f"add to ADMIN_ONLY (or let staff do it): {wrongly_refused}"


async def test_the_brand_never_receives_a_buyers_internal_note(
    client: httpx.AsyncClient, app: FastAPI, world: World, mailbox: Mailbox
) -> None:
    """Not on any endpoint of the brand's (the CSV export included), for owners and staff,
    nor in any e-mail to the brand, before and after the order moves on."""
    order = f"/api/v1/brands/{world.ids['brand_id']}/orders/{world.ids['order_id']}"
    confirmed = await client.post(f"{order}/confirm", json={}, headers=world.owner.headers)
    assert confirmed.status_code == 200, confirmed.text
    seen = []
    for method, path, _ in operations(app):
        if method != "GET" or not path.startswith("/api/v1/brands/{brand_id}"):
            continue
        for member in (world.owner, world.staff):
            response = await client.get(url_of(world, path), headers=member.headers)
            seen.append(response.status_code)
            assert INTERNAL_NOTE not in response.text, path
    assert 200 in seen
    buyer_mailed = await client.get(
        f"/api/v1/buyer-organizations/{world.ids['org_id']}/orders/{world.ids['order_id']}",
        headers=world.buyer.headers,
    )
    assert INTERNAL_NOTE in buyer_mailed.text  # the note is there, for the buyer only
    await mailbox.deliver()
    to_brand = [m for m in mailbox.collector.messages if m["To"] == world.tokens["brand_inbox"]]
    assert to_brand, "the brand was told of the order"
    for message in to_brand:
        assert INTERNAL_NOTE not in message.as_string()
