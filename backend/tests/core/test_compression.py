"""Gzip on the API's answers (``showroom.core.compression``); the products page's own test is in
``tests/links/test_storefront.py``, the SPA's precompressed files in ``test_spa_serving.py``."""

from __future__ import annotations

import gzip

import httpx
import pytest


async def raw_get(
    client: httpx.AsyncClient, path: str, accept: str
) -> tuple[httpx.Response, bytes]:
    async with client.stream("GET", path, headers={"Accept-Encoding": accept}) as response:
        return response, b"".join([chunk async for chunk in response.aiter_raw()])


async def test_a_large_answer_is_gzipped(client: httpx.AsyncClient) -> None:
    response, body = await raw_get(client, "/api/v1/openapi.json", "gzip")
    assert response.headers["content-encoding"] == "gzip"
    _, plain = await raw_get(client, "/api/v1/openapi.json", "identity")
    assert gzip.decompress(body) == plain
    assert len(body) < len(plain) / 4


@pytest.mark.parametrize("accept", ["identity", "gzip;q=0", "br", ""])
async def test_a_client_that_does_not_take_gzip_gets_plain_json(
    client: httpx.AsyncClient, accept: str
) -> None:
    response, body = await raw_get(client, "/api/v1/openapi.json", accept)
    assert "content-encoding" not in response.headers
    assert body.startswith(b"{")


async def test_a_small_answer_is_sent_as_it_is(client: httpx.AsyncClient) -> None:
    response, body = await raw_get(client, "/api/v1/health", "gzip")
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert body.startswith(b"{")
