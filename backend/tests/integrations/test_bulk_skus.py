"""Stock and prices in bulk by SKU code, for ERPs that own inventory: all or nothing, every
bad item reported with its pointer, and idempotent."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories import problem
from tests.integrations.conftest import Webhooks
from tests.integrations.keys import bearer, new_key
from tests.integrations.receiver import Receiver
from tests.shop import Shop, tee


async def _product(shop: Shop) -> dict[str, Any]:
    created = await shop.post("/products", tee(shop))
    assert created.status_code == 201, created.text
    return dict(created.json())


async def test_stock_and_prices_by_code(shop: Shop, client: httpx.AsyncClient) -> None:
    product = await _product(shop)
    codes = [sku["code"] for sku in product["skus"]]
    headers = bearer(await new_key(shop, "catalog:write"))
    body = {
        "items": [
            {"code": codes[0], "stock_quantity": 5},
            {
                "code": codes[1],
                "stock_quantity": 0,
                "allow_backorder": True,
                "prices": [
                    {"term_code": "WSP", "currency": "JPY", "amount": 5000},
                    {"term_id": shop.terms["RRP"], "currency": "USD", "amount": 7000},
                ],
            },
            {"code": codes[2], "track_stock": False},
        ]
    }
    response = await client.post(f"{shop.url}/skus/bulk", json=body, headers=headers)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["changed"] == 3
    assert [(i["code"], i["stock_quantity"], i["changed"]) for i in report["items"]] == [
        (codes[0], 5, True),
        (codes[1], 0, True),
        (codes[2], 20, True),
    ]
    assert sorted((p["currency"], p["amount"]) for p in report["items"][1]["prices"]) == [
        ("JPY", 5000),
        ("USD", 7000),
    ]
    after = (await shop.get(f"/products/{product['id']}")).json()
    skus = {sku["code"]: sku for sku in after["skus"]}
    assert skus[codes[0]]["stock_quantity"] == 5
    assert skus[codes[1]]["allow_backorder"] is True
    assert skus[codes[2]]["track_stock"] is False
    assert skus[codes[3]]["stock_quantity"] == 20  # not named, not touched
    assert after["updated_at"] > product["updated_at"]

    # The same body again: nothing changes.
    again = await client.post(f"{shop.url}/skus/bulk", json=body, headers=headers)
    assert again.json()["changed"] == 0
    assert not any(item["changed"] for item in again.json()["items"])
    assert (await shop.get(f"/products/{product['id']}")).json()["updated_at"] == after[
        "updated_at"
    ]

    # A price given again replaces that one and keeps the others.
    priced = await client.post(
        f"{shop.url}/skus/bulk",
        json={
            "items": [
                {
                    "code": codes[1],
                    "prices": [{"term_code": "WSP", "currency": "JPY", "amount": 5100}],
                }
            ]
        },
        headers=headers,
    )
    assert sorted(p["amount"] for p in priced.json()["items"][0]["prices"]) == [5100, 7000]


async def test_unknown_codes_are_each_reported_and_nothing_changes(
    shop: Shop, client: httpx.AsyncClient
) -> None:
    product = await _product(shop)
    codes = [sku["code"] for sku in product["skus"]]
    response = await shop.post(
        "/skus/bulk",
        {
            "items": [
                {"code": codes[0], "stock_quantity": 1},
                {"code": "NOPE-1", "stock_quantity": 1},
                {
                    "code": codes[1],
                    "prices": [{"term_code": "FOB", "currency": "JPY", "amount": 1}],
                },
                {"code": "NOPE-2", "stock_quantity": 2},
                {
                    "code": codes[2],
                    "prices": [{"term_code": "WSP", "currency": "EUR", "amount": 1}],
                },
                {"code": codes[0], "stock_quantity": 3},
            ]
        },
    )
    assert response.status_code == 422
    body = problem(response)
    assert body["code"] == "skus.bulk_rejected"
    assert [(e["loc"], e["type"]) for e in body["errors"]] == [
        (["body", "items", 1, "code"], "sku.not_found"),
        (["body", "items", 2, "prices", 0, "term_code"], "not_found"),
        (["body", "items", 3, "code"], "sku.not_found"),
        (["body", "items", 4, "prices", 0, "currency"], "currency_not_enabled"),
        (["body", "items", 5, "code"], "duplicate"),
    ]
    assert "NOPE-2" in body["errors"][2]["msg"]
    unchanged = (await shop.get(f"/products/{product['id']}")).json()
    assert unchanged == product


async def test_bulk_input_is_checked(shop: Shop) -> None:
    for items, loc in (
        ([], ["body", "items"]),
        ([{"code": "X", "stock_quantity": "many"}], ["body", "items", 0, "stock_quantity"]),
        (
            [{"code": "X", "prices": [{"currency": "JPY", "amount": 1}]}],
            ["body", "items", 0, "prices", 0],
        ),
        ([{"code": "X", "colour": "red"}], ["body", "items", 0, "colour"]),
    ):
        response = await shop.post("/skus/bulk", {"items": items})
        assert response.status_code == 422, items
        assert problem(response)["errors"][0]["loc"] == loc, items


async def test_bulk_changes_are_announced_once(
    shop: Shop, webhooks: Webhooks, receiver: Receiver
) -> None:
    product = await _product(shop)
    codes = [sku["code"] for sku in product["skus"]]
    await webhooks.endpoint(receiver.url, "stock.changed", "product.updated")
    body = {
        "items": [{"code": codes[0], "stock_quantity": 3}, {"code": codes[1], "stock_quantity": 4}]
    }
    await shop.post("/skus/bulk", body)
    await shop.post("/skus/bulk", body)
    await webhooks.deliver()
    assert [r.headers["showroom-event-type"] for r in receiver.received].count("stock.changed") == 1
    assert len(receiver.of_type("product.updated")) == 1
