from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.factories import error_locs, new_brand, new_user, problem
from tests.images import image_bytes
from tests.shop import Shop, tee


async def test_a_2_by_3_product_generates_six_skus(shop: Shop) -> None:
    response = await shop.post("/products", tee(shop))
    assert response.status_code == 201, response.text
    product = response.json()
    assert [sku["code"] for sku in product["skus"]] == [
        "TEE-01_IND_S",
        "TEE-01_IND_M",
        "TEE-01_IND_L",
        "TEE-01_WHT_S",
        "TEE-01_WHT_M",
        "TEE-01_WHT_L",
    ]
    assert product["skus"][1]["values"] == {"color": "IND", "size": "M"}
    assert all(sku["track_stock"] and sku["stock_quantity"] == 20 for sku in product["skus"])
    assert product["tax_rate_id"] == shop.tax_id  # the default tax
    assert len(product["prices"]) == 3
    assert product["option_groups"][0]["values"][0] == {"code": "gift", "name": {"en": "Gift box"}}


async def test_a_product_without_properties_has_one_sku(shop: Shop) -> None:
    product = (
        await shop.post("/products", tee(shop, sku_properties=[], model_number="BAG"))
    ).json()
    assert [(s["code"], s["values"]) for s in product["skus"]] == [("BAG", {})]


async def test_duplicate_model_number_or_sku_code_is_409(shop: Shop) -> None:
    await shop.post("/products", tee(shop))
    again = await shop.post("/products", tee(shop))
    assert again.status_code == 409
    assert problem(again)["code"] == "product.model_number_taken"
    # Another model whose generated SKU code collides with an existing one.
    single = await shop.post("/products", tee(shop, model_number="TEE-01_IND_S", sku_properties=[]))
    assert single.status_code == 409
    assert problem(single)["code"] == "sku.code_taken"


async def test_price_in_a_currency_not_enabled_is_422(shop: Shop) -> None:
    response = await shop.post(
        "/products",
        tee(shop, prices=[{"term_id": shop.terms["WSP"], "currency": "EUR", "amount": 100}]),
    )
    assert response.status_code == 422
    assert error_locs(response) == [["body", "prices", 0, "currency"]]


@pytest.mark.parametrize(
    ("override", "loc"),
    [
        (
            {"option_groups": [{"code": "box", "name": {"en": "Box"}, "values": []}]},
            ["body", "option_groups", 0, "values"],
        ),
        ({"name": {"ja": "名前だけ"}}, ["body", "name", "en"]),
        ({"model_number": "has space"}, ["body", "model_number"]),
        (
            {
                "prices": [
                    {
                        "term_id": "00000000-0000-4000-8000-000000000000",
                        "currency": "JPY",
                        "amount": 1,
                    }
                ]
            },
            ["body", "prices", 0, "term_id"],
        ),
        (
            {"prices": [{"term_id": None, "currency": "JPY", "amount": -5}]},
            ["body", "prices", 0, "amount"],
        ),
        ({"category_id": "00000000-0000-4000-8000-000000000000"}, ["body", "category_id"]),
        ({"image_ids": ["00000000-0000-4000-8000-000000000000"]}, ["body", "image_ids", 0]),
    ],
)
async def test_invalid_products_point_at_the_field(
    shop: Shop, override: dict[str, Any], loc: list[Any]
) -> None:
    response = await shop.post("/products", tee(shop, **override))
    assert response.status_code == 422, response.text
    assert loc in error_locs(response)


async def test_duplicate_value_codes_are_refused(shop: Shop) -> None:
    body = tee(shop)
    body["sku_properties"][1]["values"].append({"code": "M", "name": {"en": "M again"}})
    response = await shop.post("/products", body)
    assert error_locs(response) == [["body", "sku_properties", 1, "values", 3, "code"]]


async def test_edit_one_sku(shop: Shop) -> None:
    product = (await shop.post("/products", tee(shop))).json()
    sku = product["skus"][0]
    response = await shop.patch(
        f"/products/{product['id']}/skus/{sku['id']}",
        {
            "code": "TEE01-INDIGO-S",
            "stock_quantity": 3,
            "allow_backorder": True,
            "prices": [{"term_id": shop.terms["WSP"], "currency": "JPY", "amount": 5000}],
        },
    )
    assert response.status_code == 200, response.text
    edited = response.json()["skus"][0]
    assert edited["code"] == "TEE01-INDIGO-S"
    assert (edited["stock_quantity"], edited["allow_backorder"]) == (3, True)
    assert edited["prices"] == [{"term_id": shop.terms["WSP"], "currency": "JPY", "amount": 5000}]
    taken = await shop.patch(
        f"/products/{product['id']}/skus/{sku['id']}", {"code": product["skus"][1]["code"]}
    )
    assert taken.status_code == 409


async def test_changing_properties_keeps_existing_skus(shop: Shop) -> None:
    product = (await shop.post("/products", tee(shop))).json()
    ids = {sku["code"]: sku["id"] for sku in product["skus"]}
    properties = tee(shop)["sku_properties"]
    properties[1]["values"] = [
        {"code": c, "name": {"en": c}} for c in ("M", "L", "XL")
    ]  # S gone, XL new
    response = await shop.patch(f"/products/{product['id']}", {"sku_properties": properties})
    assert response.status_code == 200, response.text
    skus = response.json()["skus"]
    assert [s["code"] for s in skus] == [
        "TEE-01_IND_M",
        "TEE-01_IND_L",
        "TEE-01_IND_XL",
        "TEE-01_WHT_M",
        "TEE-01_WHT_L",
        "TEE-01_WHT_XL",
    ]
    assert skus[0]["id"] == ids["TEE-01_IND_M"]  # kept, with its stock
    assert skus[0]["stock_quantity"] == 20
    assert skus[2]["track_stock"] is False  # new

    renamed = await shop.patch(f"/products/{product['id']}", {"model_number": "TEE-02"})
    assert [s["code"] for s in renamed.json()["skus"]][:2] == ["TEE-02_IND_M", "TEE-02_IND_L"]


async def test_images_in_order(shop: Shop, client: httpx.AsyncClient) -> None:
    media = []
    for color in ("red", "blue"):
        uploaded = await client.post(
            f"{shop.url}/media",
            files={"file": ("x.png", image_bytes(color=color))},
            headers=shop.owner.headers,
        )
        media.append(uploaded.json()["id"])
    product = (await shop.post("/products", tee(shop, image_ids=media))).json()
    assert [i["media_id"] for i in product["images"]] == media
    reordered = await shop.patch(f"/products/{product['id']}", {"image_ids": media[::-1]})
    assert [i["media_id"] for i in reordered.json()["images"]] == media[::-1]


async def test_list_search_filter_and_statement_count(shop: Shop, count_statements: Any) -> None:
    category = (await shop.post("/categories", {"code": "TOPS", "name": {"en": "Tops"}})).json()
    await shop.post("/products", tee(shop, category_id=category["id"]))
    await shop.post(
        "/products",
        tee(shop, model_number="PANT-9", name={"en": "Linen trousers"}, sku_properties=[]),
    )
    with count_statements() as few:
        listed = (await shop.get("/products")).json()
    assert [p["model_number"] for p in listed["items"]] == ["TEE-01", "PANT-9"]
    assert listed["items"][0]["sku_count"] == 6
    assert listed["items"][0]["tracked_stock"] == 120
    assert [
        p["model_number"] for p in (await shop.get("/products", search="linen")).json()["items"]
    ] == ["PANT-9"]
    assert [
        p["model_number"]
        for p in (await shop.get("/products", search="tee-01_wht")).json()["items"]
    ] == ["TEE-01"]
    filtered = (await shop.get("/products", category_id=category["id"])).json()
    assert [p["model_number"] for p in filtered["items"]] == ["TEE-01"]

    for index in range(10):
        await shop.post("/products", tee(shop, model_number=f"M{index}"))
    with count_statements() as many:
        listed = (await shop.get("/products")).json()
    assert len(listed["items"]) == 12
    assert few.count == many.count <= 6


async def test_product_detail_statement_count_does_not_grow_with_skus(
    shop: Shop, count_statements: Any
) -> None:
    small = (await shop.post("/products", tee(shop, model_number="S1", sku_properties=[]))).json()
    big = (await shop.post("/products", tee(shop, model_number="B1"))).json()
    with count_statements() as one:
        await shop.get(f"/products/{small['id']}")
    with count_statements() as six:
        await shop.get(f"/products/{big['id']}")
    assert one.count == six.count <= 8


async def test_another_brand_cannot_touch_products(shop: Shop, client: httpx.AsyncClient) -> None:
    product = (await shop.post("/products", tee(shop))).json()
    other = await new_user(client)
    other_brand = await new_brand(client, other)
    url = f"/api/v1/brands/{other_brand['id']}/products/{product['id']}"
    assert (await client.get(url, headers=other.headers)).status_code == 404
    assert (
        await client.patch(url, json={"name": {"en": "x"}}, headers=other.headers)
    ).status_code == 404
    assert (await client.delete(url, headers=other.headers)).status_code == 404
    # And their own brand URL with someone else's id is just as missing.
    own = f"{shop.url}/products/{product['id']}"
    assert (await client.get(own, headers=other.headers)).status_code == 404
