"""The audit log: who changed which link, terms, price, setting or order status, and when;
readable by the brand's owners only."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Mailbox
from tests.factories import join_brand, problem
from tests.integrations.keys import bearer, new_key
from tests.ordering import Connected, Season
from tests.orders.test_orders import filled_cart, place
from tests.shop import Shop, new_link


async def log(shop: Shop, **params: Any) -> list[dict[str, Any]]:
    response = await shop.get("/audit-events", **params)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_link_terms_price_and_order_changes_are_logged(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    owner = shop.owner.user["display_name"]
    link = await new_link(shop, "instant", [season.catalog])
    await shop.patch(f"/links/{link['id']}", {"name": "Press preview", "passcode": "s3cret"})
    await shop.post(f"/links/{link['id']}/token", {})
    await shop.patch(f"/transaction-terms/{shop.terms['RRP']}", {"name": {"en": "Retail"}})
    sku = season.tee["skus"][0]
    await shop.patch(
        f"/products/{season.tee['id']}/skus/{sku['id']}",
        {"prices": [{"term_id": shop.terms["WSP"], "currency": "JPY", "amount": 4500}]},
    )
    order = (await place(client, connected, await filled_cart(client, connected, season))).json()
    await shop.post(f"/orders/{order['id']}/confirm", {})

    events = await log(shop)
    summary = [(e["entity"], e["action"], e["label"]) for e in events]
    assert summary[0] == ("order", "changed", order["number"])  # newest first
    assert events[0]["changes"] == {"status": ["placed", "confirmed"]}
    assert ("price", "created", f"{sku['code']} · WSP · JPY") in summary
    assert ("transaction_term", "changed", "RRP") in summary
    assert {e["actor_name"] for e in events} == {owner}

    link_events = await log(shop, entity="link", entity_id=link["id"])
    assert [e["action"] for e in link_events] == ["changed", "changed", "created"]
    renamed, token = link_events[1]["changes"], link_events[0]["changes"]
    assert renamed["name"] == ["instant link", "Press preview"]
    assert renamed["passcode_hash"] == [None, "(changed)"]  # never the secret itself
    assert token == {"token": ["(changed)", "(changed)"]}
    assert "s3cret" not in str(events)
    # The buyer placing the order is not a brand admin change.
    assert all(e["action"] != "created" for e in events if e["entity"] == "order")


async def test_settings_customer_terms_and_roles_are_logged(
    shop: Shop, client: httpx.AsyncClient, connected: Connected, mailbox: Mailbox
) -> None:
    await shop.patch("/settings", {"delivery_date_allowed": True})
    await shop.patch(
        f"/customers/{connected.customer['customer_id']}",
        {
            "terms": {
                "language": "ja",
                "currency": "JPY",
                "transaction_term_id": shop.terms["WSP"],
                "condition": "50",
                "billing_term": "without_deposit",
            }
        },
    )
    brand_id = shop.url.rsplit("/", 1)[1]
    staff = await join_brand(client, mailbox, shop.owner, brand_id, "staff")
    await shop.patch(f"/members/{staff.user['id']}", {"role": "admin"})
    events = {e["entity"]: e for e in reversed(await log(shop))}  # the newest of each
    assert events["settings"]["changes"] == {"delivery_date_allowed": [False, True]}
    assert events["customer_terms"]["changes"]["condition"][1] in ("50", "50.0000")
    assert events["member"]["changes"] == {"role": ["staff", "admin"]}
    assert events["member"]["label"] == staff.user["display_name"]


async def test_only_owners_read_it_and_only_their_brands(
    shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    brand_id = shop.url.rsplit("/", 1)[1]
    admin = await join_brand(client, mailbox, shop.owner, brand_id, "admin")
    refused = await client.get(f"{shop.url}/audit-events", headers=admin.headers)
    assert refused.status_code == 403
    assert problem(refused)["code"] == "brand.owner_required"
    bad = await shop.get("/audit-events", entity="nope")
    assert bad.status_code == 422


async def test_an_api_key_is_named_as_the_actor_and_cannot_read_the_log(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    key = await new_key(shop, "catalog:write", name="ERP sync")
    sku = season.tee["skus"][0]
    prices = [{"term_code": "WSP", "currency": "JPY", "amount": 4700}]
    updated = await client.post(
        f"{shop.url}/skus/bulk",
        json={"items": [{"code": sku["code"], "prices": prices}]},
        headers=bearer(key),
    )
    assert updated.status_code == 200, updated.text
    price = (await log(shop, entity="price"))[0]  # the newest: the products came with prices
    assert price["actor_name"] == "API key “ERP sync”"
    assert (price["actor_id"], price["changes"]) == (None, {"amount": [None, 4700]})
    assert price["label"] == f"{sku['code']} · WSP · JPY"
    refused = await client.get(f"{shop.url}/audit-events", headers=bearer(key))
    assert (refused.status_code, problem(refused)["code"]) == (403, "api_key.not_allowed")
