"""Carts on both routes: items with SKU quantities and option rows, refusals pointing at the
field, guest carts bound to their grant, and claiming a guest cart."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from showroom.core.time import utcnow
from tests.factories import error_locs, new_org, new_user, problem
from tests.links.test_storefront import grant_for
from tests.ordering import Connected, Season, add_tee, add_tote, rows, standard_cart
from tests.shop import Shop, new_link


async def test_standard_cart_add_edit_remove(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    headers = connected.buyer.headers
    cart = await standard_cart(client, connected, season.catalog)
    assert cart["buyer_organization_id"] == connected.org["id"]
    assert cart["items"] == []
    assert [p["code"] for p in cart["problems"]] == ["cart.empty"]
    again = await client.post(
        "/api/v1/carts",
        json={"catalog_id": season.catalog, "buyer_organization_id": connected.org["id"]},
        headers=headers,
    )
    assert again.status_code == 200
    assert again.json()["id"] == cart["id"]

    added = await add_tee(
        client,
        cart,
        season,
        2,
        0,
        3,
        headers=headers,
        note_to_buyer_company="for the Shibuya store",
        message_to_brand="please pack by size",
    )
    assert added.status_code == 201, added.text
    item = added.json()
    assert [s["quantity"] for s in item["skus"]] == [2, 0, 3]
    assert item["skus"][0]["unit_price"] == 5280  # RRP 9,600 × 55 %
    assert item["skus"][0]["label"] == "Indigo / S"
    assert item["skus"][0]["options"][0]["labels"] == ["Gift box"]
    assert (item["quantity"], item["amount"], item["problems"]) == (5, 26400, [])

    await add_tote(client, cart, season.totes[0], 4, headers)
    read = (await client.get(f"/api/v1/carts/{cart['id']}", headers=headers)).json()
    assert (read["total_quantity"], read["subtotal"]) == (9, 26400 + 4 * 5280)
    assert read["problems"] == []
    assert read["can_order"] is True

    patched = await client.patch(
        f"/api/v1/carts/{cart['id']}/items/{item['id']}",
        json={"skus": rows(season.tee_skus, 1, options=True), "message_to_brand": ""},
        headers=headers,
    )
    assert patched.status_code == 200, patched.text
    assert (patched.json()["quantity"], patched.json()["message_to_brand"]) == (1, "")
    assert patched.json()["note_to_buyer_company"] == "for the Shibuya store"

    removed = await client.delete(f"/api/v1/carts/{cart['id']}/items/{item['id']}", headers=headers)
    assert removed.status_code == 204
    read = (await client.get(f"/api/v1/carts/{cart['id']}", headers=headers)).json()
    assert [i["product_id"] for i in read["items"]] == [season.totes[0]["id"]]
    listed = await client.get("/api/v1/carts", params=connected.params, headers=headers)
    assert [(c["id"], c["item_count"]) for c in listed.json()["items"]] == [(cart["id"], 1)]

    stranger = await new_user(client)
    assert (
        await client.get(f"/api/v1/carts/{cart['id']}", headers=stranger.headers)
    ).status_code == 404
    anonymous = await client.get(f"/api/v1/carts/{cart['id']}")
    assert anonymous.status_code == 401


async def test_item_refusals_point_at_the_field(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    headers = connected.buyer.headers
    cart = await standard_cart(client, connected, season.catalog)
    url = f"/api/v1/carts/{cart['id']}/items"
    sku = season.tee_skus[0]

    def body(*sku_rows: dict[str, Any], **fields: Any) -> dict[str, Any]:
        return {"product_id": season.tee["id"], "skus": list(sku_rows), **fields}

    cases: list[tuple[dict[str, Any], str, list[Any]]] = [
        (
            body(
                {
                    "sku_id": sku,
                    "quantity": 3,
                    "options": [{"values": {"packaging": "gift"}, "quantity": 2}],
                }
            ),
            "cart.options_mismatch",
            ["body", "skus", 0, "options"],
        ),
        (
            body(
                {
                    "sku_id": sku,
                    "quantity": 1,
                    "options": [{"values": {"packaging": "silk"}, "quantity": 1}],
                }
            ),
            "cart.option_unknown",
            ["body", "skus", 0, "options", 0, "values", "packaging"],
        ),
        (
            body({"sku_id": season.totes[0]["skus"][0]["id"], "quantity": 1}),
            "cart.sku_unknown",
            ["body", "skus", 0],
        ),
        (
            body(*rows([sku], 21, options=True)),
            "cart.stock_short",
            ["body", "skus", 0, "quantity"],
        ),
        (
            body(*rows([sku], 1, options=True), desired_delivery_date="2030-01-01"),
            "cart.delivery_date_not_allowed",
            ["body", "desired_delivery_date"],
        ),
        (
            {"product_id": season.totes[0]["id"], "skus": [{"sku_id": sku, "quantity": 1}], "x": 1},
            "validation_error",
            ["body", "x"],
        ),
    ]
    for sent, code, loc in cases:
        refused = await client.post(url, json=sent, headers=headers)
        assert refused.status_code == 422, (code, refused.text)
        assert problem(refused)["code"] == code
        assert loc in error_locs(refused), (code, error_locs(refused))

    stranger_product = (
        await shop.post("/products", {**_tote_body(shop), "model_number": "NOT-IN-SEASON"})
    ).json()
    unknown = await client.post(
        url,
        json={"product_id": stranger_product["id"], "skus": []},
        headers=headers,
    )
    assert (problem(unknown)["code"], error_locs(unknown)) == (
        "cart.product_unknown",
        [["body", "product_id"]],
    )

    await shop.patch("/settings", {"delivery_date_allowed": True})
    yesterday = (utcnow() - timedelta(days=2)).date().isoformat()
    past = await client.post(
        url,
        json=body(*rows([sku], 1, options=True), desired_delivery_date=yesterday),
        headers=headers,
    )
    assert problem(past)["code"] == "cart.delivery_date_past"
    today = utcnow().date().isoformat()
    ok = await client.post(
        url, json=body(*rows([sku], 1, options=True), desired_delivery_date=today), headers=headers
    )
    assert ok.status_code == 201, ok.text
    twice = await client.post(url, json=body(*rows([sku], 1, options=True)), headers=headers)
    assert (twice.status_code, problem(twice)["code"]) == (409, "cart.item_exists")

    # A stock drop after adding shows as a problem on the line, not a refusal to read.
    await shop.patch(f"/products/{season.tee['id']}/skus/{sku}", {"stock_quantity": 0})
    read = (await client.get(f"/api/v1/carts/{cart['id']}", headers=headers)).json()
    assert read["items"][0]["problems"] == [
        {"code": "cart.stock_short", "message": "Only 0 available.", "loc": ["skus", 0, "quantity"]}
    ]


def _tote_body(shop: Shop) -> dict[str, Any]:
    return {
        "model_number": "TOTE",
        "name": {"en": "Tote"},
        "prices": [{"term_id": shop.terms["RRP"], "currency": "JPY", "amount": 1000}],
    }


async def test_after_the_deadline_nothing_can_be_added(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    headers = connected.buyer.headers
    cart = await standard_cart(client, connected, season.catalog)
    await add_tote(client, cart, season.totes[0], 1, headers)
    past = (utcnow() - timedelta(minutes=1)).isoformat()
    await shop.patch(f"/catalogs/{season.catalog}", {"order_deadline": past})
    refused = await add_tee(client, cart, season, 1, headers=headers)
    assert (refused.status_code, problem(refused)["code"]) == (409, "cart.ordering_closed")
    read = (await client.get(f"/api/v1/carts/{cart['id']}", headers=headers)).json()
    assert [p["code"] for p in read["problems"]] == ["cart.ordering_closed"]
    assert read["can_order"] is False


async def test_guest_carts_belong_to_their_grant(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog])
    grant = await grant_for(client, link)
    created = await client.post(
        "/api/v1/carts", json={"catalog_id": season.catalog, "currency": "USD"}, headers=grant
    )
    assert created.status_code == 201, created.text
    cart = created.json()
    assert (cart["buyer_organization_id"], cart["link_id"], cart["currency"]) == (
        None,
        link["id"],
        "USD",
    )
    added = await add_tee(client, cart, season, 1, 2, headers=grant)
    assert added.json()["skus"][0]["unit_price"] == 2100  # WSP $35.00 × 60 %
    listed = await client.get("/api/v1/carts", headers=grant)
    assert [c["id"] for c in listed.json()["items"]] == [cart["id"]]

    other_visitor = await grant_for(client, link)
    hidden = await client.get(f"/api/v1/carts/{cart['id']}", headers=other_visitor)
    assert (hidden.status_code, problem(hidden)["code"]) == (404, "cart.not_found")
    no_grant = await client.get(f"/api/v1/carts/{cart['id']}")
    assert problem(no_grant)["code"] == "link.grant_required"

    await shop.patch(f"/links/{link['id']}", {"status": "void"})
    void = await client.get(f"/api/v1/carts/{cart['id']}", headers=grant)
    assert (void.status_code, problem(void)["code"]) == (401, "link.grant_invalid")


async def test_browse_only_link_has_no_cart(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog], use_as_catalog=True)
    grant = await grant_for(client, link)
    refused = await client.post("/api/v1/carts", json={"catalog_id": season.catalog}, headers=grant)
    assert (refused.status_code, problem(refused)["code"]) == (409, "cart.catalog_only")


async def test_claim_merges_into_the_organization_cart(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog])
    buyer = await new_user(client)
    org = await new_org(client, buyer)
    grant = await grant_for(client, link)
    both = {**grant, **buyer.headers}

    # The organization already has a cart on this link with 1 of the first SKU …
    first = await client.post(
        "/api/v1/carts",
        json={"catalog_id": season.catalog, "buyer_organization_id": org["id"]},
        headers=both,
    )
    assert first.status_code == 201, first.text
    await add_tee(client, first.json(), season, 1, headers=both)
    # … and the visitor, before logging in, put 2 + 1 in a guest cart.
    guest = (
        await client.post("/api/v1/carts", json={"catalog_id": season.catalog}, headers=grant)
    ).json()
    await add_tee(client, guest, season, 2, 1, headers=grant)
    await add_tote(client, guest, season.totes[0], 5, grant)

    anonymous = await client.post(f"/api/v1/carts/{guest['id']}/claim", json={}, headers=grant)
    assert anonymous.status_code == 401
    no_org = await client.post(f"/api/v1/carts/{guest['id']}/claim", json={}, headers=both)
    assert error_locs(no_org) == [["body", "buyer_organization_id"]]
    claimed = await client.post(
        f"/api/v1/carts/{guest['id']}/claim",
        json={"buyer_organization_id": org["id"]},
        headers=both,
    )
    assert claimed.status_code == 200, claimed.text
    cart = claimed.json()
    assert cart["id"] == first.json()["id"]
    tee_item = next(i for i in cart["items"] if i["product_id"] == season.tee["id"])
    assert [s["quantity"] for s in tee_item["skus"]] == [3, 1]
    assert tee_item["skus"][0]["options"] == [
        {"values": {"packaging": "gift"}, "labels": ["Gift box"], "quantity": 3}
    ]
    assert cart["total_quantity"] == 9
    gone = await client.get(f"/api/v1/carts/{guest['id']}", headers=both)
    assert gone.status_code == 404


async def test_claim_for_a_private_order_creates_the_personal_organization(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog], target_buyer_type="personal")
    buyer = await new_user(client)
    grant = await grant_for(client, link)
    guest = (
        await client.post("/api/v1/carts", json={"catalog_id": season.catalog}, headers=grant)
    ).json()
    claimed = await client.post(
        f"/api/v1/carts/{guest['id']}/claim", json={}, headers={**grant, **buyer.headers}
    )
    assert claimed.status_code == 200, claimed.text
    orgs = (await client.get("/api/v1/buyer-organizations", headers=buyer.headers)).json()["items"]
    assert [(o["id"], o["kind"]) for o in orgs] == [
        (claimed.json()["buyer_organization_id"], "personal")
    ]


async def test_draft_order_lists_overview(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    """The organization's carts, newest first, named by brand, catalog and link, with how
    much is in each; ``with_items`` leaves out the carts opened but never filled."""
    headers = connected.buyer.headers
    standard = await standard_cart(client, connected, season.catalog)
    await add_tee(client, standard, season, 2, 1, headers=headers)
    await add_tote(client, standard, season.totes[0], 3, headers)
    link = await new_link(shop, "instant", [season.catalog])
    on_link = {**await grant_for(client, link), **headers}
    linked = await client.post(
        "/api/v1/carts",
        json={"catalog_id": season.catalog, "buyer_organization_id": connected.org["id"]},
        headers=on_link,
    )
    assert linked.status_code == 201, linked.text
    url = "/api/v1/carts"
    everything = (await client.get(url, params=connected.params, headers=headers)).json()
    assert [c["id"] for c in everything["items"]] == [linked.json()["id"], standard["id"]]
    filled = (
        await client.get(url, params={**connected.params, "with_items": True}, headers=headers)
    ).json()["items"]
    assert [
        (c["id"], c["brand_name"], c["catalog_name"], c["link_name"], c["item_count"])
        for c in filled
    ] == [(standard["id"], "Maison Aoi", "Spring/Summer 2027", None, 2)]
    assert (filled[0]["total_quantity"], filled[0]["ordering_open"]) == (6, True)
    japanese = await client.get(
        url, params={**connected.params, "with_items": True, "locale": "ja"}, headers=headers
    )
    assert japanese.json()["items"][0]["catalog_name"] == "2027年春夏"
    linked_summary = everything["items"][0]
    assert (linked_summary["link_name"], linked_summary["item_count"]) == ("instant link", 0)
