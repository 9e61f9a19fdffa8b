"""How ``showroom serve --spa-dist`` sends the built SPA: precompressed gzip when the client
accepts it, a year's cache for fingerprinted assets, revalidation for pages, and the same
security headers as before."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from showroom.core.compression import accepts_gzip
from showroom.core.config import Settings
from showroom.main import create_app

SCRIPT = b"export const answer = 42;\n" * 200
INDEX = b"<!doctype html><html><body><div id=root></div><script src=/assets/app-1a2b.js></script>"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A build like Vite's: hashed assets with their .gz beside them, and one without."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_bytes(INDEX)
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(INDEX, 9))
    (tmp_path / "assets" / "app-1a2b.js").write_bytes(SCRIPT)
    (tmp_path / "assets" / "app-1a2b.js.gz").write_bytes(gzip.compress(SCRIPT, 9))
    (tmp_path / "assets" / "logo-9f8e.png").write_bytes(b"\x89PNG not really")
    return tmp_path


@pytest.fixture
async def http(settings: Settings, dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings.model_copy(update={"spa_dist": dist}))
    transport = httpx.ASGITransport(app=app)
    # httpx would decode gzip itself: ask for the raw bytes to see what is on the wire.
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await app.state.engine.dispose()


async def raw_get(
    http: httpx.AsyncClient, path: str, **headers: str
) -> tuple[httpx.Response, bytes]:
    async with http.stream("GET", path, headers=headers) as response:
        body = b"".join([chunk async for chunk in response.aiter_raw()])
    return response, body


async def test_an_asset_is_sent_gzipped_to_a_client_that_accepts_gzip(
    http: httpx.AsyncClient, dist: Path
) -> None:
    response, body = await raw_get(http, "/assets/app-1a2b.js", **{"Accept-Encoding": "br, gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert body == (dist / "assets" / "app-1a2b.js.gz").read_bytes()
    assert int(response.headers["content-length"]) == len(body) < len(SCRIPT) / 10
    assert gzip.decompress(body) == SCRIPT


@pytest.mark.parametrize("accept", ["identity", "gzip;q=0", "br", ""])
async def test_a_client_without_gzip_gets_the_plain_file(
    http: httpx.AsyncClient, accept: str
) -> None:
    response, body = await raw_get(http, "/assets/app-1a2b.js", **{"Accept-Encoding": accept})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert response.headers["vary"] == "Accept-Encoding"
    assert body == SCRIPT


async def test_pages_and_client_side_routes_are_gzipped_and_revalidated(
    http: httpx.AsyncClient,
) -> None:
    for path in ("/", "/l/some-token/catalogs/123"):
        response, body = await raw_get(http, path, **{"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip"
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["cache-control"] == "no-cache"
        assert gzip.decompress(body) == INDEX


async def test_a_file_without_a_precompressed_twin_is_sent_as_it_is(
    http: httpx.AsyncClient,
) -> None:
    response, body = await raw_get(http, "/assets/logo-9f8e.png", **{"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert body == b"\x89PNG not really"


async def test_each_variant_revalidates_with_its_own_etag(http: httpx.AsyncClient) -> None:
    zipped, _ = await raw_get(http, "/assets/app-1a2b.js", **{"Accept-Encoding": "gzip"})
    plain, _ = await raw_get(http, "/assets/app-1a2b.js", **{"Accept-Encoding": "identity"})
    assert zipped.headers["etag"] != plain.headers["etag"]
    again, body = await raw_get(
        http,
        "/assets/app-1a2b.js",
        **{"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["etag"]},
    )
    assert again.status_code == 304
    assert body == b""
    assert again.headers["vary"] == "Accept-Encoding"
    assert again.headers["cache-control"] == "public, max-age=31536000, immutable"
    # The plain variant's ETag does not validate the gzipped one.
    other, _ = await raw_get(
        http,
        "/assets/app-1a2b.js",
        **{"Accept-Encoding": "gzip", "If-None-Match": plain.headers["etag"]},
    )
    assert other.status_code == 200


async def test_security_headers_stay_on_gzipped_responses(http: httpx.AsyncClient) -> None:
    for path in ("/", "/assets/app-1a2b.js"):
        response, _ = await raw_get(http, path, **{"Accept-Encoding": "gzip"})
        assert response.headers["content-encoding"] == "gzip"
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


async def test_the_api_is_not_answered_by_the_spa(http: httpx.AsyncClient) -> None:
    response = await http.get("/api/v1/nope", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip", True),
        ("gzip, deflate, br, zstd", True),
        ("br;q=1.0, gzip;q=0.8", True),
        ("GZIP", True),
        ("x-gzip", True),
        ("*", True),
        ("gzip;q=0", False),
        ("gzip;q=0.0", False),
        ("gzip;q=nonsense", False),
        ("identity", False),
        ("deflate, br", False),
        ("", False),
    ],
)
def test_accept_encoding(header: str, expected: bool) -> None:
    assert accepts_gzip(header) is expected
