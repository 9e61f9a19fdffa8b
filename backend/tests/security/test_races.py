"""Races on PostgreSQL (QUALITY.md): two brand members deciding one order at once, and many
edits of one cart at once, end in one consistent state. (The oversell and idempotency races
are in tests/orders/test_orders.py.)"""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from showroom.models import CartItem, OrderEvent, Sku
from tests.conftest import Mailbox
from tests.factories import join_brand, problem
from tests.ordering import Connected, Season, add_tee, rows, standard_cart
from tests.orders.test_orders import filled_cart, place
from tests.shop import Shop

pytestmark = pytest.mark.postgresql_only


async def test_members_deciding_one_order_at_once_end_consistent(
    shop: Shop,
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    mailbox: Mailbox,
    app: FastAPI,
) -> None:
    """The owner confirms while the owner and a staff member both reject: one rejection
    wins (a confirmed order may still be rejected, a rejected one nothing), every success is
    one order event, and the stock comes back exactly once."""
    brand_id = shop.url.rsplit("/", 1)[1]
    staff = await join_brand(client, mailbox, shop.owner, brand_id, "staff")
    sku = uuid.UUID(season.tee_skus[0])
    for _ in range(10):
        order = (
            await place(client, connected, await filled_cart(client, connected, season))
        ).json()
        url = f"{shop.url}/orders/{order['id']}"
        async with app.state.sessionmaker() as session:
            sold = await session.scalar(select(Sku.stock_quantity).where(Sku.id == sku))
        confirm, *rejects = await asyncio.gather(
            client.post(f"{url}/confirm", json={}, headers=shop.owner.headers),
            client.post(f"{url}/reject", json={"note": "sold out"}, headers=staff.headers),
            client.post(f"{url}/reject", json={"note": "sold out"}, headers=shop.owner.headers),
        )
        answers = [confirm, *rejects]
        assert {a.status_code for a in answers} <= {200, 409}, [a.text for a in answers]
        assert sorted(r.status_code for r in rejects) == [200, 409]
        for lost in (a for a in answers if a.status_code == 409):
            assert problem(lost)["code"] == "order.transition_invalid"
        final = (await shop.get(f"/orders/{order['id']}")).json()
        assert final["status"] == "rejected"
        async with app.state.sessionmaker() as session:
            events = await session.scalar(
                select(func.count()).where(OrderEvent.order_id == uuid.UUID(order["id"]))
            )
            stock = await session.scalar(select(Sku.stock_quantity).where(Sku.id == sku))
        assert events == 1 + sum(a.status_code == 200 for a in answers)
        assert stock == sold + 2  # the order's 2 units of this SKU, returned once


async def test_concurrent_edits_of_one_cart_stay_whole(
    season: Season, client: httpx.AsyncClient, connected: Connected, app: FastAPI
) -> None:
    headers = connected.buyer.headers
    cart = await standard_cart(client, connected, season.catalog)
    item = (await add_tee(client, cart, season, 1, headers=headers)).json()
    url = f"/api/v1/carts/{cart['id']}"
    bodies = [{"skus": rows(season.tee_skus, n, n, options=True)} for n in range(1, 21)]
    edits = [client.patch(f"{url}/items/{item['id']}", json=b, headers=headers) for b in bodies]
    # Meanwhile the same tote is added twice, and other totes once each.
    tote = season.totes[0]
    adds = [
        client.post(
            f"{url}/items",
            json={"product_id": t["id"], "skus": rows([t["skus"][0]["id"]], 1)},
            headers=headers,
        )
        for t in [tote, tote, *season.totes[1:6]]
    ]
    answers = await asyncio.gather(*edits, *adds)
    assert {a.status_code for a in answers[: len(edits)]} == {200}
    added = answers[len(edits) :]
    assert sorted(a.status_code for a in added[:2]) == [201, 409], [a.text for a in added[:2]]
    # Seen before the other's insert, or stopped by the one-item-per-product constraint.
    assert problem(next(a for a in added[:2] if a.status_code == 409))["code"] in {
        "cart.item_exists",
        "conflict.concurrent_change",
    }
    assert {a.status_code for a in added[2:]} == {201}
    read = (await client.get(url, headers=headers)).json()
    tee = next(i for i in read["items"] if i["product_id"] == season.tee["id"])
    # One of the edits, whole: both SKUs at the same quantity, option rows adding up.
    quantities = [s["quantity"] for s in tee["skus"]]
    assert quantities[0] == quantities[1], quantities
    assert 1 <= quantities[0] <= 20
    assert [o["quantity"] for o in tee["skus"][0]["options"]] == [quantities[0]]
    assert tee["problems"] == []
    async with app.state.sessionmaker() as session:
        count = await session.scalar(
            select(func.count()).where(CartItem.cart_id == uuid.UUID(cart["id"]))
        )
    assert count == 1 + 6
