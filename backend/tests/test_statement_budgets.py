"""QUALITY.md's SQL statement budgets, counted exactly: an N+1 fails here on any machine.

Every budgeted operation is measured on both shopping routes (an order link's grant, and a
standard order from Connected Brands) at two sizes, so a count that grows with the page or
the cart fails even while it is still under its budget."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.conftest import StatementCounter
from tests.factories import address_payload, new_org, new_user
from tests.links.test_storefront import grant_for
from tests.ordering import Connected
from tests.shop import Shop, new_catalog, new_link, tee

LANDING, PRODUCTS_PAGE, ADD_ITEM, PREVIEW, PLACE = 4, 6, 10, 12, 30


def _product(shop: Shop, number: int) -> dict[str, Any]:
    """A product of 12 SKUs (4 colours × 3 sizes) with a packaging option."""
    body = tee(shop, model_number=f"BUDGET-{number:02d}", name={"en": f"Shirt {number}"})
    body["sku_properties"][0]["values"] = [
        {"code": code, "name": {"en": code}} for code in ("IND", "WHT", "BLK", "RED")
    ]
    return body


@dataclass
class Route:
    name: str
    catalog: str
    products: list[dict[str, Any]]
    headers: dict[str, str]
    cart_body: dict[str, Any]
    form: dict[str, Any]


async def _linked_buyer(client: httpx.AsyncClient) -> tuple[dict[str, str], dict[str, Any]]:
    buyer = await new_user(client)
    org = await new_org(client, buyer)
    url = f"/api/v1/buyer-organizations/{org['id']}/addresses"
    delivery = (await client.post(url, json=address_payload(), headers=buyer.headers)).json()
    billing = (
        await client.post(url, json=address_payload(kind="billing"), headers=buyer.headers)
    ).json()
    form = {
        "payment_method": "offline",
        "billing_address_id": billing["id"],
        "delivery_address_id": delivery["id"],
    }
    return buyer.headers, {"org": org["id"], "form": form}


@pytest.fixture(params=["link", "standard"])
async def route(
    request: pytest.FixtureRequest, shop: Shop, client: httpx.AsyncClient, connected: Connected
) -> Route:
    products = [(await shop.post("/products", _product(shop, n))).json() for n in range(4)]
    catalog = (await new_catalog(shop, [p["id"] for p in products]))["id"]
    if request.param == "standard":
        return Route(
            "standard",
            catalog,
            products,
            connected.buyer.headers,
            {"catalog_id": catalog, "buyer_organization_id": connected.org["id"]},
            {
                "payment_method": "offline",
                "billing_address_id": connected.billing["id"],
                "delivery_address_id": connected.delivery["id"],
            },
        )
    link = await new_link(shop, "instant", [catalog])
    user_headers, buyer = await _linked_buyer(client)
    return Route(
        "link",
        catalog,
        products,
        {**await grant_for(client, link), **user_headers},
        {"catalog_id": catalog, "buyer_organization_id": buyer["org"]},
        buyer["form"],
    )


Measure = Callable[..., Awaitable[StatementCounter]]


@pytest.fixture
def measure(client: httpx.AsyncClient, count_statements: Any) -> Measure:
    """The statements of one request, which must answer ``status``."""

    async def measuring(method: str, url: str, status: int, **request: Any) -> Any:
        with count_statements() as counter:
            response = await client.request(method, url, **request)
        assert response.status_code == status, response.text
        return counter

    return measuring


def within(budget: int, *counters: StatementCounter) -> None:
    counts = [c.count for c in counters]
    shown = "\n".join(s.split("\n")[0][:150] for s in counters[-1].statements)
    assert len(set(counts)) == 1, f"{counts} grow with the size:\n{shown}"
    assert counts[0] <= budget, f"{counts[0]} > {budget}:\n{shown}"


def _skus(product: dict[str, Any], count: int) -> list[dict[str, Any]]:
    return [
        {
            "sku_id": sku["id"],
            "quantity": 1,
            "options": [{"values": {"packaging": "gift"}, "quantity": 1}],
        }
        for sku in product["skus"][:count]
    ]


async def _cart_of(client: httpx.AsyncClient, route: Route, lines: int) -> str:
    created = await client.post("/api/v1/carts", json=route.cart_body, headers=route.headers)
    assert created.status_code in (200, 201), created.text
    cart = str(created.json()["id"])
    for product in route.products:
        take = min(lines, 12)
        if take == 0:
            break
        added = await client.post(
            f"/api/v1/carts/{cart}/items",
            json={"product_id": product["id"], "skus": _skus(product, take)},
            headers=route.headers,
        )
        assert added.status_code == 201, added.text
        lines -= take
    return cart


async def test_landing_and_products_page(shop: Shop, route: Route, measure: Measure) -> None:
    if route.name == "link":
        link = await new_link(shop, "instant", [route.catalog])
        within(LANDING, await measure("GET", f"/api/v1/order-links/{link['token']}", 200))
    org = (
        {}
        if route.name == "link"
        else {"buyer_organization_id": route.cart_body["buyer_organization_id"]}
    )
    url = f"/api/v1/catalogs/{route.catalog}/products"
    pages = [
        await measure("GET", url, 200, headers=route.headers, params={**org, "limit": n})
        for n in (1, 4)
    ]
    within(PRODUCTS_PAGE, *pages)


async def test_adding_a_12_sku_item(
    route: Route, client: httpx.AsyncClient, measure: Measure
) -> None:
    counters = []
    for count in (1, 12):
        created = await client.post("/api/v1/carts", json=route.cart_body, headers=route.headers)
        cart = created.json()["id"]
        body = {"product_id": route.products[0]["id"], "skus": _skus(route.products[0], count)}
        url = f"/api/v1/carts/{cart}/items"
        counters.append(await measure("POST", url, 201, json=body, headers=route.headers))
        await client.delete(f"/api/v1/carts/{cart}", headers=route.headers)
    within(ADD_ITEM, *counters)


async def test_preview_and_place_a_40_line_cart(
    route: Route, client: httpx.AsyncClient, measure: Measure
) -> None:
    previews, placements = [], []
    for lines in (2, 40):
        cart = await _cart_of(client, route, lines)
        url = f"/api/v1/carts/{cart}"
        previews.append(
            await measure("POST", f"{url}/preview", 200, json=route.form, headers=route.headers)
        )
        key = {"Idempotency-Key": uuid.uuid4().hex}
        placements.append(
            await measure(
                "POST", f"{url}/orders", 201, json=route.form, headers={**route.headers, **key}
            )
        )
    within(PREVIEW, *previews)
    within(PLACE, *placements)
