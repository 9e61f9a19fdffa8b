from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from showroom.core.config import Settings
from showroom.demo import DEMO_LOGINS, seed_demo
from showroom.main import create_app
from showroom.models import Address, Brand, BuyerOrganization, Catalog, Customer, Product, User
from tests.factories import login, problem


@pytest.fixture
async def spa_client(settings: Settings, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets" / "app-1a2b3c.js").write_text("console.log(1)")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    spa_app = create_app(settings.model_copy(update={"spa_dist": tmp_path}))
    transport = httpx.ASGITransport(app=spa_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
    await spa_app.state.engine.dispose()


async def test_spa_routes_assets_and_api_share_one_port(spa_client: httpx.AsyncClient) -> None:
    index = await spa_client.get("/")
    assert index.status_code == 200
    assert "root" in index.text
    deep_link = await spa_client.get("/buyer/123/addresses")
    assert deep_link.status_code == 200
    assert deep_link.text == index.text
    assert deep_link.headers["cache-control"] == "no-cache"
    asset = await spa_client.get("/assets/app-1a2b3c.js")
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert (await spa_client.get("/favicon.svg")).text == "<svg/>"
    api = await spa_client.get("/api/v1/health")
    assert api.json()["status"] == "ok"
    missing_api = await spa_client.get("/api/v1/nope")
    assert missing_api.status_code == 404
    assert problem(missing_api)["code"] == "not_found"


async def test_demo_data_is_seeded_once_and_can_log_in(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    settings = app.state.settings
    assert await seed_demo(settings, app.state.sessionmaker) is True
    assert await seed_demo(settings, app.state.sessionmaker) is False
    async with app.state.sessionmaker() as session:
        counts = [
            await session.scalar(select(func.count()).select_from(model))
            for model in (User, BuyerOrganization, Address, Brand)
        ]
    assert counts == [2, 1, 2, 1]
    async with app.state.sessionmaker() as session:
        products = await session.scalar(select(func.count()).select_from(Product))
        catalogs = await session.scalar(select(func.count()).select_from(Catalog))
        customers = list(await session.scalars(select(Customer)))
    assert (products, catalogs) == (60, 2)
    assert [c.kind for c in customers] == ["connected"]
    for demo in DEMO_LOGINS:
        assert await login(client, demo.email, demo.password)
