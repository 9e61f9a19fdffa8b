from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from showroom.core.config import Settings
from showroom.main import create_app
from tests.factories import problem


async def test_countries_are_named_in_the_readers_language(client: httpx.AsyncClient) -> None:
    english = (await client.get("/api/v1/reference/countries")).json()
    japanese = (await client.get("/api/v1/reference/countries", params={"locale": "ja"})).json()
    chinese = (
        await client.get(
            "/api/v1/reference/countries", headers={"Accept-Language": "zh-CN,zh;q=0.9"}
        )
    ).json()
    assert {"code": "JP", "name": "Japan"} in english
    assert {"code": "JP", "name": "日本"} in japanese
    assert {"code": "CN", "name": "中国"} in chinese
    assert len(english) > 200
    assert [c["name"] for c in english] == sorted(c["name"] for c in english)


async def test_languages(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/reference/languages", params={"locale": "ja"})).json()
    assert [lang["code"] for lang in body["ui"]] == ["en", "ja", "zh-Hans"]
    assert {"code": "en", "name": "英語"} in body["content"]


async def test_dev_mailbox_is_off_outside_development(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/dev/mailbox")
    assert response.status_code == 404
    assert problem(response)["code"] == "dev.mailbox_disabled"


@pytest.fixture
async def dev_client(settings: Settings, app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app as `make run` configures it: development, no SMTP."""
    dev_app = create_app(settings.model_copy(update={"env": "development", "smtp_host": None}))
    transport = httpx.ASGITransport(app=dev_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
    await dev_app.state.engine.dispose()


async def test_dev_mailbox_shows_the_signup_code(
    dev_client: httpx.AsyncClient, app: FastAPI
) -> None:
    from showroom.worker import build_outbox_worker

    await dev_client.post(
        "/api/v1/auth/signup/code", json={"email": "new@example.com", "language": "ja"}
    )
    dev_settings = app.state.settings.model_copy(update={"env": "development", "smtp_host": None})
    await build_outbox_worker(dev_settings, app.state.sessionmaker).drain()

    mails = (await dev_client.get("/api/v1/dev/mailbox", params={"to": "new@example.com"})).json()
    assert len(mails) == 1
    assert mails[0]["subject"] == "メールアドレスの確認 | Showroom"
    assert "分以内" in mails[0]["text_body"]
    assert (
        await dev_client.get("/api/v1/dev/mailbox", params={"to": "x@example.com"})
    ).json() == []
