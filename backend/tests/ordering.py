"""Fixtures for carts and orders: a season with a tee (6 SKUs, options, tracked stock) and
totes, a buyer organization connected to the brand, and helpers to fill carts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.conftest import Mailbox
from tests.customers.test_customers import invite_and_accept, terms
from tests.factories import LoggedIn, address_payload
from tests.shop import Shop, new_catalog, tee


@dataclass
class Season:
    catalog: str
    tee: dict[str, Any]  # the product as the brand reads it (with SKUs)
    totes: list[dict[str, Any]]

    @property
    def tee_skus(self) -> list[str]:
        return [sku["id"] for sku in self.tee["skus"]]


@pytest.fixture
async def season(shop: Shop) -> Season:
    shirt = (await shop.post("/products", tee(shop))).json()
    totes = [
        (
            await shop.post(
                "/products",
                tee(
                    shop,
                    model_number=f"BAG-{i}",
                    name={"en": f"Tote {i}"},
                    sku_properties=[],
                    option_groups=[],
                    stock={"track_stock": False},
                ),
            )
        ).json()
        for i in range(12)
    ]
    catalog = await new_catalog(shop, [shirt["id"], *[t["id"] for t in totes]])
    return Season(catalog["id"], shirt, totes)


@dataclass
class Connected:
    buyer: LoggedIn
    org: dict[str, Any]
    customer: dict[str, Any]
    delivery: dict[str, Any]
    billing: dict[str, Any]

    @property
    def params(self) -> dict[str, str]:
        return {"buyer_organization_id": self.org["id"]}


@pytest.fixture
async def connected(shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox) -> Connected:
    """A Japanese buyer organization trading with the brand at RRP × 55 %, 30 % deposit,
    with a default delivery and billing address in Japan."""
    buyer, org, customer = await invite_and_accept(
        shop, client, mailbox, {"terms": terms(shop, apply_tax_to_price=False)}
    )
    url = f"/api/v1/buyer-organizations/{org['id']}/addresses"
    delivery = await client.post(url, json=address_payload(), headers=buyer.headers)
    billing = await client.post(url, json=address_payload(kind="billing"), headers=buyer.headers)
    assert delivery.status_code == billing.status_code == 201, delivery.text
    return Connected(buyer, org, customer, delivery.json(), billing.json())


def rows(skus: list[str], *quantities: int, options: bool = False) -> list[dict[str, Any]]:
    """SKU rows with the given quantities; with ``options``, each quantity as a gift box."""
    return [
        {
            "sku_id": sku,
            "quantity": quantity,
            "options": [{"values": {"packaging": "gift"}, "quantity": quantity}]
            if options and quantity
            else [],
        }
        for sku, quantity in zip(skus, quantities, strict=False)
    ]


async def standard_cart(client: httpx.AsyncClient, who: Connected, catalog: str) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/carts",
        json={"catalog_id": catalog, "buyer_organization_id": who.org["id"]},
        headers=who.buyer.headers,
    )
    assert response.status_code in (200, 201), response.text
    return dict(response.json())


async def add_tee(
    client: httpx.AsyncClient,
    cart: dict[str, Any],
    season: Season,
    *quantities: int,
    headers: dict[str, str],
    **fields: Any,
) -> httpx.Response:
    return await client.post(
        f"/api/v1/carts/{cart['id']}/items",
        json={
            "product_id": season.tee["id"],
            "skus": rows(season.tee_skus, *quantities, options=True),
            **fields,
        },
        headers=headers,
    )


async def add_tote(
    client: httpx.AsyncClient,
    cart: dict[str, Any],
    tote: dict[str, Any],
    quantity: int,
    headers: dict[str, str],
) -> httpx.Response:
    response = await client.post(
        f"/api/v1/carts/{cart['id']}/items",
        json={"product_id": tote["id"], "skus": rows([tote["skus"][0]["id"]], quantity)},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response
