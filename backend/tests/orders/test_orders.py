"""Checkout, preview and placing orders; orders for buyers and brands afterwards."""

from __future__ import annotations

import asyncio
import csv
import io
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, func, select, text, update

from showroom.core.idempotency import lock_id
from showroom.core.time import utcnow
from showroom.models import (
    BuyerMember,
    BuyerOrganization,
    BuyerRole,
    Cart,
    CartItem,
    Order,
    OrderLine,
    Sku,
)
from tests.conftest import Mailbox
from tests.factories import error_locs, new_org, new_user, problem
from tests.links.test_storefront import grant_for
from tests.ordering import Connected, Season, add_tee, add_tote, standard_cart
from tests.shop import Shop, new_link


def form(who: Connected, **overrides: Any) -> dict[str, Any]:
    body = {
        "comment": "Please ship together.",
        "payment_method": "offline",
        "billing_address_id": who.billing["id"],
        "delivery_address_id": who.delivery["id"],
    }
    body.update(overrides)
    return body


async def filled_cart(client: httpx.AsyncClient, who: Connected, season: Season) -> dict[str, Any]:
    cart = await standard_cart(client, who, season.catalog)
    added = await add_tee(
        client,
        cart,
        season,
        2,
        1,
        0,
        headers=who.buyer.headers,
        note_to_buyer_company="internal: for the Shibuya store",
        message_to_brand="pack by size",
    )
    assert added.status_code == 201, added.text
    return cart


async def place(
    client: httpx.AsyncClient,
    who: Connected,
    cart: dict[str, Any],
    key: str | None = None,
    **overrides: Any,
) -> httpx.Response:
    return await client.post(
        f"/api/v1/carts/{cart['id']}/orders",
        json=form(who, **overrides),
        headers={**who.buyer.headers, "Idempotency-Key": key or uuid.uuid4().hex},
    )


async def test_checkout_and_preview(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    cart = await filled_cart(client, connected, season)
    checkout = await client.get(
        f"/api/v1/carts/{cart['id']}/checkout", headers=connected.buyer.headers
    )
    assert checkout.status_code == 200, checkout.text
    info = checkout.json()
    assert [p["code"] for p in info["payment_methods"]] == ["offline"]
    assert info["card_step"] is False
    assert info["comment"] == {"mode": "free_text", "presets": []}
    assert info["default_delivery_address_id"] == connected.delivery["id"]
    assert [a["id"] for a in info["billing_addresses"]] == [connected.billing["id"]]
    assert info["terms"]["transaction_term"] == "RRP"
    amounts = info["amounts"]
    assert (amounts["total_quantity"], amounts["subtotal"]) == (3, 3 * 5280)

    preview = await client.post(
        f"/api/v1/carts/{cart['id']}/preview", json=form(connected), headers=connected.buyer.headers
    )
    assert preview.status_code == 200, preview.text
    seen = preview.json()
    taxes = sum(t["tax_amount"] for t in seen["amounts"]["tax_lines"])
    total = seen["amounts"]["subtotal"] + seen["amounts"]["shipping_amount"] + taxes
    assert seen["amounts"]["total"] == total
    assert seen["amounts"]["deposit"] == round(total * 0.3)  # with a 30 % deposit
    assert seen["delivery_address"]["city"] == "Shibuya-ku"
    assert seen["comment"] == "Please ship together."
    assert [(line["sku_code"], line["quantity"]) for line in seen["lines"]] == [
        (season.tee["skus"][0]["code"], 2),
        (season.tee["skus"][1]["code"], 1),
    ]
    assert seen["lines"][0]["options"][0]["labels"] == ["Gift box"]
    assert seen["lines"][0]["note_to_buyer_company"] == "internal: for the Shibuya store"


async def test_order_form_refusals_point_at_the_field(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    cart = await filled_cart(client, connected, season)
    url = f"/api/v1/carts/{cart['id']}/preview"
    headers = connected.buyer.headers
    card = await client.post(url, json=form(connected, payment_method="card"), headers=headers)
    assert (problem(card)["code"], error_locs(card)) == (
        "order.payment_method_unavailable",
        [["body", "payment_method"]],
    )
    other = await client.post(
        url, json=form(connected, delivery_address_id=connected.billing["id"]), headers=headers
    )
    assert (problem(other)["code"], error_locs(other)) == (
        "order.address_unknown",
        [["body", "delivery_address_id"]],
    )
    await shop.patch("/settings", {"comment_mode": "off"})
    off = await client.post(url, json=form(connected), headers=headers)
    assert (problem(off)["code"], error_locs(off)) == (
        "order.comment_not_allowed",
        [["body", "comment"]],
    )


async def test_guests_claim_before_checkout_and_links_choose_their_buyers(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    china = await new_link(shop, "instant", [season.catalog], china_only=True)
    grant = await grant_for(client, china)
    guest = (
        await client.post("/api/v1/carts", json={"catalog_id": season.catalog}, headers=grant)
    ).json()
    refused = await client.get(f"/api/v1/carts/{guest['id']}/checkout", headers=grant)
    assert (refused.status_code, problem(refused)["code"]) == (409, "cart.claim_required")

    buyer = await new_user(client)
    tokyo = await new_org(client, buyer)
    both = {**grant, **buyer.headers}
    claim = await client.post(
        f"/api/v1/carts/{guest['id']}/claim",
        json={"buyer_organization_id": tokyo["id"]},
        headers=both,
    )
    assert claim.status_code == 200, claim.text
    not_cn = await client.get(f"/api/v1/carts/{guest['id']}/checkout", headers=both)
    assert (not_cn.status_code, problem(not_cn)["code"]) == (403, "checkout.china_only")

    private = await new_link(shop, "instant", [season.catalog], target_buyer_type="personal")
    grant = await grant_for(client, private)
    both = {**grant, **buyer.headers}
    cart = await client.post(
        "/api/v1/carts",
        json={"catalog_id": season.catalog, "buyer_organization_id": tokyo["id"]},
        headers=both,
    )
    wrong = await client.get(f"/api/v1/carts/{cart.json()['id']}/checkout", headers=both)
    assert (wrong.status_code, problem(wrong)["code"]) == (403, "checkout.buyer_type")


async def test_place_an_order(
    shop: Shop,
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    mailbox: Mailbox,
) -> None:
    await shop.patch("/settings", {"notification_emails": ["orders@maison-aoi.example.com"]})
    cart = await filled_cart(client, connected, season)
    no_key = await client.post(
        f"/api/v1/carts/{cart['id']}/orders", json=form(connected), headers=connected.buyer.headers
    )
    assert no_key.status_code == 422
    assert error_locs(no_key) == [["header", "Idempotency-Key"]]

    placed = await place(client, connected, cart, key="order-1")
    assert placed.status_code == 201, placed.text
    order = placed.json()
    assert (order["number"], order["status"]) == ("ORD-000001", "placed")
    assert order["amounts"]["subtotal"] == 3 * 5280
    assert [e["status"] for e in order["events"]] == ["placed"]
    assert order["lines"][0]["note_to_buyer_company"] == "internal: for the Shibuya store"

    again = await place(client, connected, cart, key="order-1")
    assert (again.status_code, again.json()) == (201, order)
    reused = await place(client, connected, cart, key="order-1", comment="Another order")
    assert (reused.status_code, problem(reused)["code"]) == (422, "idempotency.key_reused")
    assert error_locs(reused) == [["header", "Idempotency-Key"]]

    emptied = (
        await client.get(f"/api/v1/carts/{cart['id']}", headers=connected.buyer.headers)
    ).json()
    assert emptied["items"] == []
    skus = (await shop.get(f"/products/{season.tee['id']}")).json()["skus"]
    assert [s["stock_quantity"] for s in skus[:3]] == [18, 19, 20]

    mails = await mailbox.deliver()
    to = {m["To"]: m for m in mails}
    assert "ORD-000001" in to["orders@maison-aoi.example.com"]["Subject"]
    buyer_mail = to[connected.org["recipients"][0]]
    assert "ORD-000001" in buyer_mail["Subject"]
    assert "注文" in buyer_mail["Subject"]  # the organization's default language

    # Later price changes never change a placed order.
    await shop.patch(
        f"/products/{season.tee['id']}",
        {"prices": [{"term_id": shop.terms["RRP"], "currency": "JPY", "amount": 20000}]},
    )
    url = f"/api/v1/buyer-organizations/{connected.org['id']}/orders/{order['id']}"
    read = (await client.get(url, headers=connected.buyer.headers)).json()
    assert read["lines"][0]["unit_price"] == 5280
    assert read["amounts"] == order["amounts"]

    second = await place(client, connected, await filled_cart(client, connected, season))
    assert second.json()["number"] == "ORD-000002"


async def test_a_refused_order_leaves_the_cart_as_it_was(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected, app: FastAPI
) -> None:
    cart = await filled_cart(client, connected, season)
    url = f"/api/v1/carts/{cart['id']}"
    before = (await client.get(url, headers=connected.buyer.headers)).json()
    async with app.state.sessionmaker() as session:
        await session.execute(
            update(Sku).where(Sku.id == uuid.UUID(season.tee_skus[0])).values(stock_quantity=1)
        )
        await session.commit()
    short = await place(client, connected, cart)
    assert (short.status_code, problem(short)["code"]) == (409, "stock.insufficient")
    item = before["items"][0]["id"]
    assert error_locs(short) == [["items", item, "skus", 0, "quantity"]]
    # The order form still opens; the cart shows the problem, and the preview refuses it.
    checkout = await client.get(f"{url}/checkout", headers=connected.buyer.headers)
    assert checkout.status_code == 200, checkout.text
    preview = await client.post(
        f"{url}/preview", json=form(connected), headers=connected.buyer.headers
    )
    assert problem(preview)["code"] == "stock.insufficient"

    await shop.patch(
        f"/catalogs/{season.catalog}",
        {"order_deadline": (utcnow() - timedelta(minutes=1)).isoformat()},
    )
    closed = await place(client, connected, cart)
    assert (closed.status_code, problem(closed)["code"]) == (409, "cart.ordering_closed")

    after = (await client.get(url, headers=connected.buyer.headers)).json()
    for read in (before, after):
        for item_read in read["items"]:
            item_read.pop("problems")
            for sku in item_read["skus"]:
                sku.pop("stock_state")
                sku.pop("available_quantity")
        read.pop("problems")
        read.pop("ordering_open")
        read.pop("can_order")
        read.pop("order_deadline")
    assert after == before
    orders = await client.get(
        f"/api/v1/buyer-organizations/{connected.org['id']}/orders", headers=connected.buyer.headers
    )
    assert orders.json()["items"] == []


async def test_orders_for_the_buyer_and_the_brand(
    shop: Shop,
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    mailbox: Mailbox,
) -> None:
    first = (await place(client, connected, await filled_cart(client, connected, season))).json()
    second = (await place(client, connected, await filled_cart(client, connected, season))).json()
    buyer_url = f"/api/v1/buyer-organizations/{connected.org['id']}/orders"
    headers = connected.buyer.headers

    inbox = (await shop.get("/orders")).json()
    assert [o["number"] for o in inbox["items"]] == ["ORD-000002", "ORD-000001"]  # newest first
    assert inbox["items"][0]["buyer_name"] == "東京セレクトショップ"
    newest = (await shop.get("/orders", limit=1)).json()
    older = (await shop.get("/orders", limit=1, cursor=newest["next_cursor"])).json()
    assert [newest["items"][0]["number"], older["items"][0]["number"], older["next_cursor"]] == [
        "ORD-000002",
        "ORD-000001",
        None,
    ]
    history = (await client.get(buyer_url, headers=headers, params={"limit": 1})).json()
    assert history["items"][0]["id"] == second["id"]
    seen = (await shop.get(f"/orders/{first['id']}")).json()
    assert "note_to_buyer_company" not in seen["lines"][0]
    assert "internal" not in str(seen)
    assert seen["lines"][0]["message_to_brand"] == "pack by size"

    await mailbox.deliver()
    confirmed = await shop.post(f"/orders/{first['id']}/confirm", {"note": "Thank you!"})
    assert confirmed.status_code == 200, confirmed.text
    assert [e["status"] for e in confirmed.json()["events"]] == ["placed", "confirmed"]
    mail = await mailbox.last_to(connected.org["recipients"][0])
    assert "ORD-000001" in mail["Subject"]
    again = await shop.post(f"/orders/{first['id']}/confirm", {})
    assert (again.status_code, problem(again)["code"]) == (409, "order.transition_invalid")
    for action in ("ship", "complete"):
        assert (await shop.post(f"/orders/{first['id']}/{action}", {})).status_code == 200

    # Rejecting returns the stock.
    skus = (await shop.get(f"/products/{season.tee['id']}")).json()["skus"]
    assert skus[0]["stock_quantity"] == 16
    rejected = await shop.post(f"/orders/{second['id']}/reject", {})
    assert rejected.json()["status"] == "rejected"
    skus = (await shop.get(f"/products/{season.tee['id']}")).json()["skus"]
    assert skus[0]["stock_quantity"] == 18
    late = await shop.post(f"/orders/{second['id']}/return-to-cart", {})
    assert late.status_code == 409

    statuses = await client.get(buyer_url, params={"status": "completed"}, headers=headers)
    assert [o["id"] for o in statuses.json()["items"]] == [first["id"]]
    by_brand = await client.get(buyer_url, params={"brand_id": str(uuid.uuid4())}, headers=headers)
    assert by_brand.json()["items"] == []
    detail = (await client.get(f"{buyer_url}/{first['id']}", headers=headers)).json()
    assert [e["status"] for e in detail["events"]] == [
        "placed",
        "confirmed",
        "shipped",
        "completed",
    ]
    assert detail["lines"][0]["note_to_buyer_company"] == "internal: for the Shibuya store"

    since = (await shop.get("/orders", updated_since=rejected.json()["updated_at"])).json()
    assert [o["id"] for o in since["items"]] == [second["id"]]
    future = (utcnow() + timedelta(days=1)).isoformat()
    assert (await shop.get("/orders", placed_from=future)).json()["items"] == []

    stranger = await new_user(client)
    hidden = await client.get(f"{buyer_url}/{first['id']}", headers=stranger.headers)
    assert hidden.status_code == 404

    export = await shop.get("/orders.csv")
    assert export.headers["content-type"].startswith("text/csv")
    exported = list(csv.DictReader(io.StringIO(export.text)))
    assert [(r["order_number"], r["quantity"], r["unit_price"]) for r in exported] == [
        ("ORD-000001", "2", "5280"),
        ("ORD-000001", "1", "5280"),
        ("ORD-000002", "2", "5280"),
        ("ORD-000002", "1", "5280"),
    ]
    assert exported[0]["currency"] == "JPY"
    assert "internal" not in export.text


async def test_return_to_cart_puts_the_lines_back(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    cart = await filled_cart(client, connected, season)
    order = (await place(client, connected, cart)).json()
    await add_tote(client, cart, season.totes[0], 1, connected.buyer.headers)
    returned = await shop.post(f"/orders/{order['id']}/return-to-cart", {})
    assert returned.status_code == 200, returned.text
    assert returned.json()["status"] == "returned_to_cart"
    read = (await client.get(f"/api/v1/carts/{cart['id']}", headers=connected.buyer.headers)).json()
    tee_item = next(i for i in read["items"] if i["product_id"] == season.tee["id"])
    assert [s["quantity"] for s in tee_item["skus"]] == [2, 1]
    assert tee_item["skus"][0]["options"][0]["values"] == {"packaging": "gift"}
    assert tee_item["note_to_buyer_company"] == "internal: for the Shibuya store"
    assert read["total_quantity"] == 4
    skus = (await shop.get(f"/products/{season.tee['id']}")).json()["skus"]
    assert skus[0]["stock_quantity"] == 20


# --- races (PostgreSQL) ----------------------------------------------------------------


@pytest.mark.postgresql_only
async def test_idempotency_race_places_one_order(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected, app: FastAPI
) -> None:
    cart = await filled_cart(client, connected, season)
    answers = await asyncio.gather(*[place(client, connected, cart, key="same") for _ in range(50)])
    codes = sorted({a.status_code for a in answers})
    assert set(codes) <= {201, 409}, [a.text for a in answers if a.status_code not in (201, 409)]
    numbers = {a.json()["number"] for a in answers if a.status_code == 201}
    assert numbers == {"ORD-000001"}
    assert all(
        problem(a)["code"] == "idempotency.in_progress" for a in answers if a.status_code == 409
    )
    async with app.state.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Order)) == 1
    # While a request holds its key, another with the same key is answered 409 at once.
    lock = lock_id(f"user:{connected.buyer.user['id']}", "held")
    async with app.state.engine.connect() as connection:
        await connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": lock})
        try:
            held = await place(client, connected, cart, key="held")
            assert (held.status_code, problem(held)["code"]) == (409, "idempotency.in_progress")
        finally:
            await connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock})


@pytest.mark.postgresql_only
async def test_oversell_race(
    shop: Shop, season: Season, client: httpx.AsyncClient, app: FastAPI
) -> None:
    """200 buyers race for the last 50 units, round after round: exactly 50 are sold, the
    stock never goes below zero, every loser is told stock.insufficient, no partial order."""
    sku = uuid.UUID(season.tee_skus[0])
    link = await new_link(shop, "instant", [season.catalog])
    grant = await grant_for(client, link)
    buyer = await new_user(client)
    headers = {**grant, **buyer.headers}
    template = await new_org(client, buyer)
    # 200 organizations of the same user, each with its own cart on the link (written
    # directly: the API paths that fill carts are tested above).
    carts: list[uuid.UUID] = []
    async with app.state.sessionmaker() as session:
        org_row = await session.get(BuyerOrganization, uuid.UUID(template["id"]))
        assert org_row is not None
        for _ in range(200):
            org = BuyerOrganization(
                id=uuid.uuid4(),
                **{
                    c: getattr(org_row, c)
                    for c in ("kind", "languages", "default_language", "name", "representative")
                },
                emails=org_row.emails,
                recipients=org_row.recipients,
                country="JP",
                phone=org_row.phone,
                contact_email=org_row.contact_email,
            )
            cart_id = uuid.uuid4()
            session.add(org)
            await session.flush()
            session.add_all(
                [
                    BuyerMember(
                        buyer_organization_id=org.id,
                        user_id=uuid.UUID(buyer.user["id"]),
                        role=BuyerRole.owner,
                        is_primary_owner=True,
                    ),
                    Cart(
                        id=cart_id,
                        scope=f"org:{org.id}:{season.catalog}:{link['id']}",
                        brand_id=uuid.UUID(shop.url.rsplit("/", 1)[1]),
                        catalog_id=uuid.UUID(season.catalog),
                        buyer_organization_id=org.id,
                        link_id=uuid.UUID(link["id"]),
                        currency="JPY",
                    ),
                ]
            )
            carts.append(cart_id)
        await session.commit()

    async def attempt(cart_id: uuid.UUID) -> httpx.Response:
        return await client.post(
            f"/api/v1/carts/{cart_id}/orders",
            json={"payment_method": "offline"},
            headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
        )

    one = [
        {
            "sku_id": str(sku),
            "quantity": 1,
            "options": [{"values": {"packaging": "gift"}, "quantity": 1}],
        }
    ]
    product = uuid.UUID(season.tee["id"])
    for _ in range(ROUNDS):
        async with app.state.sessionmaker() as session:
            await session.execute(update(Sku).where(Sku.id == sku).values(stock_quantity=50))
            await session.execute(delete(CartItem))
            session.add_all(CartItem(cart_id=c, product_id=product, skus=one) for c in carts)
            await session.commit()
        answers = await asyncio.gather(*[attempt(cart_id) for cart_id in carts])
        won = [a for a in answers if a.status_code == 201]
        lost = [a for a in answers if a.status_code != 201]
        assert len(won) == 50, sorted({a.text[:300] for a in lost})
        assert {problem(a)["code"] for a in lost} == {"stock.insufficient"}
        async with app.state.sessionmaker() as session:
            left = await session.scalar(select(Sku.stock_quantity).where(Sku.id == sku))
            assert left == 0
            in_carts = await session.scalar(select(func.count()).select_from(CartItem))
            assert in_carts == 150  # the losers' carts are untouched
    async with app.state.sessionmaker() as session:
        lines = await session.scalar(select(func.sum(OrderLine.quantity)))
        numbers = await session.scalar(select(func.count(func.distinct(Order.number))))
    assert lines == numbers == 50 * ROUNDS


# QUALITY.md's 20 rounds: one round of 200 requests through the in-process app takes about 4 s
# here, and `make backend-test` runs this test beside the rest of the suite.
ROUNDS = 20
