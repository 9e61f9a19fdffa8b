"""What ``make bench`` relies on: ``showroom seed-bench``'s data set (deterministic, the shape
of QUALITY.md, usable through the API end to end) and the opt-in statement-count header."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import func, select, text

from showroom.core.config import Settings
from showroom.core.pagination import Page
from showroom.dev.benchdata import BENCH_PASSWORD, DatabaseNotEmpty, Scale, seed_bench
from showroom.main import create_app
from showroom.models import (
    Address,
    Base,
    Customer,
    LinkKind,
    OrderLink,
    Product,
    ProductImage,
    ProductPrice,
    Sku,
    User,
)
from showroom.storefront.schemas import StoreProduct
from tests.factories import login

SMALL = Scale(products=30, skus=12, buyers=6)


async def _seed(app: FastAPI, **kwargs: Any) -> dict[str, Any]:
    return await seed_bench(app.state.settings, app.state.sessionmaker, scale=SMALL, **kwargs)


async def _wipe(app: FastAPI) -> None:
    tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
    async with app.state.engine.begin() as connection:
        for table in tables:
            await connection.execute(text(f"DELETE FROM {table}"))  # noqa: S608


async def _count(app: FastAPI, model: Any, *where: Any) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def test_seed_bench_is_deterministic_and_refuses_a_database_with_data(
    app: FastAPI,
) -> None:
    first = await _seed(app, seed=7)
    with pytest.raises(DatabaseNotEmpty):
        await _seed(app, seed=7)
    async with app.state.sessionmaker() as session:
        names = list(await session.scalars(select(Product.name).order_by(Product.model_number)))
        amounts = list(await session.scalars(select(ProductPrice.amount).order_by("id")))
    await _wipe(app)
    again = await _seed(app, seed=7)
    assert again == first
    async with app.state.sessionmaker() as session:
        assert list(await session.scalars(select(Product.name).order_by(Product.model_number))) == (
            names
        )
        assert list(await session.scalars(select(ProductPrice.amount).order_by("id"))) == amounts
    await _wipe(app)
    other = await _seed(app, seed=8)
    assert other["catalog_id"] != first["catalog_id"]
    assert other["links"] != first["links"]


async def test_seed_bench_has_the_shape_of_the_reference_set(app: FastAPI) -> None:
    manifest = await _seed(app)
    products, skus = SMALL.products, SMALL.products * SMALL.skus
    assert await _count(app, Product) == products
    assert await _count(app, Sku) == skus
    assert await _count(app, Sku, Sku.track_stock) == skus // 2
    # 2 terms × 2 currencies on every product.
    assert await _count(app, ProductPrice) == products * 4
    assert await _count(app, ProductImage) == products
    assert await _count(app, Product, Product.option_groups != []) == products // 10
    assert await _count(app, Customer) == SMALL.buyers
    assert await _count(app, Address) == SMALL.buyers * 2
    assert await _count(app, User) == SMALL.buyers + 1
    for kind in LinkKind:
        assert await _count(app, OrderLink, OrderLink.kind == kind) == 5
    assert all(len(p["sku_ids"]) == SMALL.skus for p in manifest["products"])
    assert len(manifest["buyers"]) == SMALL.buyers


async def test_seed_bench_data_takes_an_order_through_the_api(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """A guest walks into the passcode-less instant link, a seeded buyer logs in and places a
    12-SKU order: the bulk-written rows obey the services' rules."""
    manifest = await _seed(app)
    token = next(
        link["token"]
        for link in manifest["links"]
        if link["kind"] == "instant" and not link["passcode"]
    )
    landing = await client.get(f"/api/v1/order-links/{token}")
    assert landing.status_code == 200, landing.text
    assert landing.json()["state"] == "available"
    access = await client.post(f"/api/v1/order-links/{token}/access", json={})
    assert access.status_code == 200, access.text
    grant = {"X-Link-Grant": access.json()["grant"]}
    page = await client.get(
        f"/api/v1/catalogs/{manifest['catalog_id']}/products", params={"limit": 50}, headers=grant
    )
    assert page.status_code == 200, page.text
    # The page skips response-model validation (written straight to JSON), so check here
    # that it is exactly what the model would have produced.
    adapter = TypeAdapter(Page[StoreProduct])
    assert adapter.dump_python(adapter.validate_python(page.json()), mode="json") == page.json()
    items = page.json()["items"]
    assert len(items) == SMALL.products
    assert all(len(item["skus"]) == SMALL.skus and item["images"] for item in items)

    buyer = manifest["buyers"][0]
    headers = {**grant, **await login(client, buyer["email"], BENCH_PASSWORD)}
    cart = await client.post(
        "/api/v1/carts",
        json={
            "catalog_id": manifest["catalog_id"],
            "buyer_organization_id": buyer["organization_id"],
        },
        headers=headers,
    )
    assert cart.status_code in (200, 201), cart.text
    product = manifest["products"][0]
    assert product["options"]
    added = await client.post(
        f"/api/v1/carts/{cart.json()['id']}/items",
        json={
            "product_id": product["id"],
            "skus": [
                {
                    "sku_id": sku,
                    "quantity": 2,
                    "options": [{"values": {"packaging": "gift"}, "quantity": 2}],
                }
                for sku in product["sku_ids"]
            ],
        },
        headers=headers,
    )
    assert added.status_code == 201, added.text
    form = {
        "payment_method": "offline",
        "billing_address_id": buyer["billing_address_id"],
        "delivery_address_id": buyer["delivery_address_id"],
    }
    placed = await client.post(
        f"/api/v1/carts/{cart.json()['id']}/orders",
        json=form,
        headers={**headers, "Idempotency-Key": "bench-support-order"},
    )
    assert placed.status_code == 201, placed.text


@pytest.fixture
async def counting_app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings.model_copy(update={"statement_count_header": True}))
    yield application
    await application.state.engine.dispose()


async def test_the_statement_count_header_when_on(counting_app: FastAPI, app: FastAPI) -> None:
    manifest = await _seed(app)
    token = manifest["links"][0]["token"]
    transport = httpx.ASGITransport(app=counting_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        landing = await client.get(f"/api/v1/order-links/{token}")
        missing = await client.get("/api/v1/order-links/nope")
        unrouted = await client.get("/api/v1/no-such-endpoint")
    assert landing.status_code == 200
    # The landing reads the link and its catalogs: a real count, within QUALITY.md's budget.
    assert 1 <= int(landing.headers["x-statement-count"]) <= 4
    assert missing.status_code == 404
    assert int(missing.headers["x-statement-count"]) >= 1
    # No handler ran, so no statement: the count is per request, not a running total.
    assert unrouted.headers["x-statement-count"] == "0"


async def test_the_statement_count_header_is_off_by_default(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    manifest = await _seed(app)
    landing = await client.get(f"/api/v1/order-links/{manifest['links'][0]['token']}")
    assert landing.status_code == 200
    assert "x-statement-count" not in landing.headers
    assert Settings().statement_count_header is False


def test_the_statement_count_header_is_refused_in_production() -> None:
    production: dict[str, Any] = {
        "env": "production",
        "secret_key": "a-production-secret-key-of-enough-length-0123456789",
        "database_url": "postgresql+asyncpg://showroom@db/showroom",
        "smtp_host": "smtp.example.com",
    }
    Settings.model_validate(production)
    with pytest.raises(ValidationError, match="STATEMENT_COUNT_HEADER"):
        Settings.model_validate({**production, "statement_count_header": True})
