from __future__ import annotations

from typing import Any

import httpx

from tests.factories import error_locs, new_brand, new_user, problem
from tests.images import image_bytes
from tests.shop import Shop, tee


async def products(shop: Shop, count: int) -> list[str]:
    ids = []
    for index in range(count):
        created = await shop.post(
            "/products", tee(shop, model_number=f"P{index}", sku_properties=[])
        )
        ids.append(created.json()["id"])
    return ids


def season(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": "SS27",
        "name": {"en": "Spring/Summer 2027", "ja": "2027年春夏"},
        "status": "open",
        "release_at": "2026-12-01T00:00:00+09:00",
        "order_deadline": "2027-01-31T23:59:59+09:00",
        "video_url": "https://video.example.com/ss27",
        "payment_methods": ["offline"],
    }
    body.update(overrides)
    return body


async def test_create_a_catalog_with_ordered_products(shop: Shop) -> None:
    ids = await products(shop, 3)
    response = await shop.post("/catalogs", season(product_ids=ids[::-1]))
    assert response.status_code == 201, response.text
    catalog = response.json()
    assert catalog["product_count"] == 3
    assert catalog["order_deadline"] == "2027-01-31T14:59:59Z"
    ordered = (await shop.get(f"/catalogs/{catalog['id']}/products")).json()
    assert ordered["product_ids"] == ids[::-1]

    moved = await shop.client.put(
        f"{shop.url}/catalogs/{catalog['id']}/products",
        json={"product_ids": [ids[1], ids[0]]},
        headers=shop.owner.headers,
    )
    assert moved.json()["product_ids"] == [ids[1], ids[0]]
    assert (await shop.get(f"/catalogs/{catalog['id']}")).json()["product_count"] == 2


async def test_catalog_rules(shop: Shop) -> None:
    backwards = await shop.post(
        "/catalogs",
        season(release_at="2027-02-01T00:00:00Z", order_deadline="2027-01-01T00:00:00Z"),
    )
    assert error_locs(backwards) == [["body", "order_deadline"]]
    card = await shop.post("/catalogs", season(payment_methods=["card"]))
    assert error_locs(card) == [["body", "payment_methods"]]
    naive = await shop.post("/catalogs", season(order_deadline="2027-01-31T23:59:59"))
    assert error_locs(naive) == [["body", "order_deadline"]]
    unknown_product = await shop.post(
        "/catalogs", season(product_ids=["00000000-0000-4000-8000-000000000000"])
    )
    assert error_locs(unknown_product) == [["body", "product_ids", 0]]
    assert (await shop.post("/catalogs", season())).status_code == 201
    dup = await shop.post("/catalogs", season())
    assert dup.status_code == 409
    assert problem(dup)["code"] == "catalog.code_taken"


async def test_update_and_clear_fields(shop: Shop) -> None:
    group = await shop.post(
        "/shipping-rate-groups", {"code": "ALL", "name": {"en": "All"}, "currency": "JPY"}
    )
    catalog = (
        await shop.post("/catalogs", season(shipping_rate_group_id=group.json()["id"]))
    ).json()
    changed = await shop.patch(
        f"/catalogs/{catalog['id']}",
        {"status": "limited", "order_deadline": None, "shipping_rate_group_id": None},
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["status"], body["order_deadline"], body["shipping_rate_group_id"]) == (
        "limited",
        None,
        None,
    )
    assert body["release_at"] == "2026-11-30T15:00:00Z"
    bad = await shop.patch(f"/catalogs/{catalog['id']}", {"order_deadline": "2026-01-01T00:00:00Z"})
    assert error_locs(bad) == [["body", "order_deadline"]]


async def test_grants_only_on_limited_catalogs(shop: Shop) -> None:
    catalog = (await shop.post("/catalogs", season(status="open"))).json()
    response = await shop.client.put(
        f"{shop.url}/catalogs/{catalog['id']}/access-grants",
        json={"customer_ids": []},
        headers=shop.owner.headers,
    )
    assert response.status_code == 409
    assert problem(response)["code"] == "catalog.not_limited"
    await shop.patch(f"/catalogs/{catalog['id']}", {"status": "limited"})
    unknown = await shop.client.put(
        f"{shop.url}/catalogs/{catalog['id']}/access-grants",
        json={"customer_ids": ["00000000-0000-4000-8000-000000000000"]},
        headers=shop.owner.headers,
    )
    assert error_locs(unknown) == [["body", "customer_ids", 0]]


async def test_catalog_list_costs_the_same_for_any_number(
    shop: Shop, count_statements: Any
) -> None:
    ids = await products(shop, 2)
    await shop.post("/catalogs", season(product_ids=ids))
    with count_statements() as one:
        first = (await shop.get("/catalogs")).json()
    for index in range(5):
        await shop.post("/catalogs", season(code=f"C{index}", product_ids=ids))
    with count_statements() as six:
        listed = (await shop.get("/catalogs")).json()
    assert [c["product_count"] for c in first["items"]] == [2]
    assert len(listed["items"]) == 6
    assert one.count == six.count <= 5


async def test_lookbooks(shop: Shop) -> None:
    media = await shop.client.post(
        f"{shop.url}/media",
        files={"file": ("look.jpg", image_bytes("JPEG"))},
        headers=shop.owner.headers,
    )
    [product_id] = await products(shop, 1)
    created = await shop.post(
        "/lookbooks",
        {
            "name": {"en": "SS27 look"},
            "status": "public",
            "images": [{"media_id": media.json()["id"], "product_ids": [product_id]}],
        },
    )
    assert created.status_code == 201, created.text
    lookbook = created.json()
    assert lookbook["images"][0]["product_ids"] == [product_id]
    assert lookbook["images"][0]["thumbnail_url"].endswith("/thumbnail")
    empty = await shop.post("/lookbooks", {"name": {"en": "x"}, "images": []})
    assert error_locs(empty) == [["body", "images"]]
    catalog = await shop.post("/catalogs", season(lookbook_ids=[lookbook["id"]]))
    assert catalog.json()["lookbook_ids"] == [lookbook["id"]]
    drafted = await shop.patch(f"/lookbooks/{lookbook['id']}", {"status": "draft"})
    assert drafted.json()["status"] == "draft"


async def test_another_brand_cannot_see_catalogs(shop: Shop, client: httpx.AsyncClient) -> None:
    catalog = (await shop.post("/catalogs", season())).json()
    other = await new_user(client)
    brand = await new_brand(client, other)
    for url in (
        f"/api/v1/brands/{brand['id']}/catalogs/{catalog['id']}",
        f"{shop.url}/catalogs/{catalog['id']}",
    ):
        assert (await client.get(url, headers=other.headers)).status_code == 404
