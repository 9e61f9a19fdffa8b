"""Incremental sync: ``updated_since`` on every list an integrator reads, answered oldest
change first by (updated_at, id); and the orders export an ERP pulls once, acknowledging
what it stored, without duplicates."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import update

from showroom.core.time import utcnow
from showroom.models import Product
from tests.factories import new_brand, new_user, problem
from tests.integrations.conftest import place_order
from tests.integrations.keys import bearer, new_key
from tests.ordering import Connected, Season
from tests.shop import Shop, new_link, tee


async def _all(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: Any
) -> list[Any]:
    items: list[Any] = []
    cursor = None
    while True:
        query = {**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
        response = await client.get(url, params=query, headers=headers)
        assert response.status_code == 200, response.text
        items.extend(response.json()["items"])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return items


async def test_products_changed_since_come_oldest_change_first(
    shop: Shop, client: httpx.AsyncClient, app: FastAPI
) -> None:
    made = [
        (await shop.post("/products", tee(shop, model_number=f"P-{i}"))).json() for i in range(5)
    ]
    start = utcnow() - timedelta(hours=1)
    # Set the change times by hand: P-3 changed first, then P-0, then P-4; P-1 and P-2 before.
    async with app.state.sessionmaker() as session, session.begin():
        for i, minutes in ((1, -120), (2, -90), (3, 1), (0, 2), (4, 3)):
            await session.execute(
                update(Product)
                .where(Product.id == uuid.UUID(made[i]["id"]))
                .values(updated_at=utcnow() + timedelta(minutes=minutes))
            )
    headers = bearer(await new_key(shop, "catalog:read"))
    url = f"{shop.url}/products"
    changed = await _all(client, url, headers, updated_since=start.isoformat())
    assert [p["model_number"] for p in changed] == ["P-3", "P-0", "P-4"]
    usual = await _all(client, url, headers)
    assert [p["model_number"] for p in usual] == ["P-0", "P-1", "P-2", "P-3", "P-4"]


async def test_a_row_changed_while_paging_is_read_again_not_skipped(
    shop: Shop, client: httpx.AsyncClient
) -> None:
    made = [
        (await shop.post("/products", tee(shop, model_number=f"Q-{i}"))).json() for i in range(3)
    ]
    since = made[0]["updated_at"]
    first = await shop.get("/products", updated_since=since, limit=2)
    assert [p["model_number"] for p in first.json()["items"]] == ["Q-0", "Q-1"]
    await shop.patch(f"/products/{made[0]['id']}", {"name": {"en": "Renamed"}})
    rest = await shop.get(
        "/products", updated_since=since, limit=2, cursor=first.json()["next_cursor"]
    )
    assert [p["model_number"] for p in rest.json()["items"]] == ["Q-2", "Q-0"]


async def test_every_synced_list_takes_updated_since(
    shop: Shop, client: httpx.AsyncClient, season: Season, placed_order: dict[str, Any]
) -> None:
    link = await new_link(shop, "instant", [season.catalog])
    headers = bearer(
        await new_key(shop, "catalog:read", "customers:read", "links:read", "orders:read")
    )
    past = (utcnow() - timedelta(days=1)).isoformat()
    future = (utcnow() + timedelta(days=1)).isoformat()
    for path, expected in (
        ("/orders", placed_order["id"]),
        ("/catalogs", season.catalog),
        ("/links", link["id"]),
        ("/customers", None),
        ("/products", season.tee["id"]),
    ):
        url = f"{shop.url}{path}"
        everything = await _all(client, url, headers, updated_since=past)
        if expected:
            assert expected in [row["id"] for row in everything], path
        assert len(everything) >= 1, path
        updated = [row["updated_at"] for row in everything]
        assert updated == sorted(updated), path
        assert await _all(client, url, headers, updated_since=future) == [], path

        naive = await client.get(
            url, params={"updated_since": "2026-01-01T00:00:00"}, headers=headers
        )
        assert naive.status_code == 422, path
        assert problem(naive)["errors"][0]["loc"] == ["query", "updated_since"]
        huge = await client.get(
            url, params={"updated_since": "9999-12-31T23:00:00-05:00"}, headers=headers
        )
        assert huge.status_code == 422, path


async def test_orders_sync_by_change_while_the_inbox_reads_newest_first(
    shop: Shop, client: httpx.AsyncClient, connected: Connected, season: Season
) -> None:
    first = await place_order(client, connected, season)
    second = await place_order(client, connected, season)
    await shop.post(f"/orders/{first['id']}/confirm", {})
    inbox = (await shop.get("/orders")).json()["items"]
    assert [o["id"] for o in inbox] == [second["id"], first["id"]]
    synced = (await shop.get("/orders", updated_since=first["created_at"])).json()["items"]
    assert [o["id"] for o in synced] == [second["id"], first["id"]]  # first changed last


async def test_an_erp_pulls_each_order_once(
    shop: Shop, client: httpx.AsyncClient, connected: Connected, season: Season
) -> None:
    orders = [await place_order(client, connected, season) for _ in range(3)]
    headers = bearer(await new_key(shop, "orders:write"))
    url = f"{shop.url}/orders/export"

    page = (await client.get(url, params={"limit": 2}, headers=headers)).json()
    assert [o["id"] for o in page["items"]] == [orders[0]["id"], orders[1]["id"]]
    line = page["items"][0]["lines"][0]
    assert line["sku_code"]
    assert line["quantity"] == 2
    assert "note_to_buyer_company" not in line
    assert page["items"][0]["events"][0]["status"] == "placed"
    assert page["items"][0]["acknowledged_at"] is None

    ids = [o["id"] for o in page["items"]]
    acked = await client.post(
        f"{shop.url}/orders/acknowledge", json={"order_ids": ids}, headers=headers
    )
    assert acked.status_code == 200, acked.text
    first_ack = acked.json()["items"]
    assert [a["number"] for a in first_ack] == [orders[0]["number"], orders[1]["number"]]
    again = await client.post(
        f"{shop.url}/orders/acknowledge", json={"order_ids": ids}, headers=headers
    )
    assert again.json()["items"] == first_ack  # idempotent: the first time stays

    rest = (await client.get(url, headers=headers)).json()
    assert [o["id"] for o in rest["items"]] == [orders[2]["id"]]
    detail = (await shop.get(f"/orders/{orders[0]['id']}")).json()
    assert detail["acknowledged_at"] == first_ack[0]["acknowledged_at"]

    other_brand = await new_brand(client, await new_user(client))
    stranger = await client.get(
        f"/api/v1/brands/{other_brand['id']}/orders/export", headers=headers
    )
    assert stranger.status_code == 404

    unknown = str(uuid.uuid4())
    refused = await client.post(
        f"{shop.url}/orders/acknowledge",
        json={"order_ids": [orders[2]["id"], unknown]},
        headers=headers,
    )
    assert refused.status_code == 422
    assert problem(refused)["code"] == "order.acknowledge_rejected"
    assert [e["loc"] for e in problem(refused)["errors"]] == [["body", "order_ids", 1]]
    still = (await client.get(url, headers=headers)).json()["items"]
    assert [o["id"] for o in still] == [orders[2]["id"]]  # nothing was acknowledged

    reader = bearer(await new_key(shop, "orders:read"))
    assert (await client.get(url, headers=reader)).status_code == 200
    denied = await client.post(
        f"{shop.url}/orders/acknowledge", json={"order_ids": [orders[2]["id"]]}, headers=reader
    )
    assert problem(denied)["code"] == "api_key.scope_missing"


async def test_export_filters_by_status(
    shop: Shop, client: httpx.AsyncClient, connected: Connected, season: Season
) -> None:
    first = await place_order(client, connected, season)
    second = await place_order(client, connected, season)
    await shop.post(f"/orders/{first['id']}/confirm", {})
    confirmed = (await shop.get("/orders/export", status="confirmed")).json()["items"]
    assert [o["id"] for o in confirmed] == [first["id"]]
    placed = (await shop.get("/orders/export", status="placed")).json()["items"]
    assert [o["id"] for o in placed] == [second["id"]]
