"""A brand set up for catalog work: JPY and USD, WSP and RRP terms, a default JP tax."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.factories import LoggedIn, new_brand, new_user


class Shop:
    """A brand with JPY and USD, WSP and RRP terms and a default JP tax."""

    def __init__(self, client: httpx.AsyncClient, owner: LoggedIn, url: str) -> None:
        self.client = client
        self.owner = owner
        self.url = url
        self.terms: dict[str, str] = {}
        self.tax_id = ""

    async def post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return await self.client.post(f"{self.url}{path}", json=body, headers=self.owner.headers)

    async def patch(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return await self.client.patch(f"{self.url}{path}", json=body, headers=self.owner.headers)

    async def get(self, path: str, **params: Any) -> httpx.Response:
        return await self.client.get(f"{self.url}{path}", params=params, headers=self.owner.headers)


@pytest.fixture
async def shop(client: httpx.AsyncClient) -> Shop:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    shop = Shop(client, owner, f"/api/v1/brands/{brand['id']}")
    await shop.patch("/settings", {"currencies": ["JPY", "USD"]})
    for code, kind in (("WSP", "rate"), ("RRP", "rate")):
        term = await shop.post(
            "/transaction-terms", {"code": code, "name": {"en": code}, "kind": kind}
        )
        shop.terms[code] = term.json()["id"]
    tax = await shop.post(
        "/tax-rates", {"name": {"en": "JP 10%"}, "rate": "10", "country": "JP", "is_default": True}
    )
    shop.tax_id = tax.json()["id"]
    return shop


def tee(shop: Shop, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model_number": "TEE-01",
        "name": {"en": "Indigo tee", "ja": "藍染Tシャツ"},
        "sku_properties": [
            {
                "code": "color",
                "name": {"en": "Colour"},
                "values": [
                    {"code": "IND", "name": {"en": "Indigo"}},
                    {"code": "WHT", "name": {"en": "White"}},
                ],
            },
            {
                "code": "size",
                "name": {"en": "Size"},
                "values": [{"code": c, "name": {"en": c}} for c in ("S", "M", "L")],
            },
        ],
        "option_groups": [
            {
                "code": "packaging",
                "name": {"en": "Packaging"},
                "values": [
                    {"code": "gift", "name": {"en": "Gift box"}},
                    {"code": "plain", "name": {"en": "Plain"}},
                ],
            }
        ],
        "prices": [
            {"term_id": shop.terms["WSP"], "currency": "JPY", "amount": 4800},
            {"term_id": shop.terms["RRP"], "currency": "JPY", "amount": 9600},
            {"term_id": shop.terms["WSP"], "currency": "USD", "amount": 3500},
        ],
        "stock": {"track_stock": True, "stock_quantity": 20},
    }
    body.update(overrides)
    return body


def season_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": "SS27",
        "name": {"en": "Spring/Summer 2027", "ja": "2027年春夏"},
        "status": "open",
        "payment_methods": ["offline"],
    }
    body.update(overrides)
    return body


async def new_catalog(shop: Shop, product_ids: list[str], **overrides: Any) -> dict[str, Any]:
    created = await shop.post("/catalogs", season_body(product_ids=product_ids, **overrides))
    assert created.status_code == 201, created.text
    return dict(created.json())


def link_body(shop: Shop, kind: str, catalog_ids: list[str], **overrides: Any) -> dict[str, Any]:
    """A link of ``kind`` with the fields that kind needs: own terms (WSP at 60 %) for
    instant and dynamic links, none for customer links."""
    body: dict[str, Any] = {"kind": kind, "name": f"{kind} link", "catalog_ids": catalog_ids}
    if kind != "customer":
        body |= {
            "languages": ["en", "ja"],
            "currencies": ["JPY", "USD"],
            "terms": {
                "transaction_term_id": shop.terms["WSP"],
                "condition": "60",
                "display_transaction_terms": True,
            },
        }
    body.update(overrides)
    return body


async def new_link(
    shop: Shop, kind: str, catalog_ids: list[str], **overrides: Any
) -> dict[str, Any]:
    created = await shop.post("/links", link_body(shop, kind, catalog_ids, **overrides))
    assert created.status_code == 201, created.text
    return dict(created.json())
