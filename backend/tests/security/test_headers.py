"""Security headers on the SPA and the API, the CORS allow-list and cookie flags."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from showroom.core.config import Settings
from showroom.core.security_headers import content_security_policies
from showroom.main import create_app
from tests.core.test_spa_and_demo import spa_client  # noqa: F401  (fixture)
from tests.factories import PASSWORD, new_user


def directives(policy: str) -> dict[str, list[str]]:
    parts = (p.split() for p in policy.split(";") if p.strip())
    return {name: values for name, *values in parts}


async def test_spa_pages_allow_only_our_origin_and_stripe(
    spa_client: httpx.AsyncClient,  # noqa: F811
    settings: Settings,
) -> None:
    page = await spa_client.get("/l/some-link-token")
    csp = directives(page.headers["content-security-policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    stripe_js = urlsplit(settings.stripe_js_url)  # the test session's localstripe
    assert csp["script-src"] == ["'self'", f"{stripe_js.scheme}://{stripe_js.netloc}"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    # The link token in the URL never travels to another site.
    assert page.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "strict-transport-security" not in page.headers  # not in production


async def test_api_answers_carry_the_strictest_policy(client: httpx.AsyncClient) -> None:
    for response in (
        await client.get("/api/v1/health"),
        await client.get("/api/v1/nope"),
        await client.post("/api/v1/auth/token", data={"username": "x", "password": "y"}),
    ):
        csp = directives(response.headers["content-security-policy"])
        assert csp == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
        assert response.headers["x-content-type-options"] == "nosniff"
    docs = await client.get("/api/docs")
    assert (
        "https://cdn.jsdelivr.net"
        in directives(docs.headers["content-security-policy"])["script-src"]
    )


def test_stripe_origins_follow_the_configured_stripe_js(settings: Settings) -> None:
    local = settings.model_copy(update={"stripe_js_url": "http://127.0.0.1:8420/js.stripe.com/v3/"})
    csp = directives(content_security_policies(local)[0])
    assert csp["script-src"] == ["'self'", "http://127.0.0.1:8420"]
    assert csp["connect-src"] == ["'self'", "http://127.0.0.1:8420"]
    real = settings.model_copy(update={"stripe_js_url": "https://js.stripe.com/v3/"})
    csp = directives(content_security_policies(real)[0])
    assert csp["script-src"] == ["'self'", "https://js.stripe.com"]
    assert csp["connect-src"] == ["'self'", "https://api.stripe.com"]
    assert {"https://js.stripe.com", "https://hooks.stripe.com"} <= set(csp["frame-src"])


async def test_production_adds_hsts(settings: Settings) -> None:
    production = create_app(
        settings.model_copy(update={"env": "production", "public_url": "https://shop.example"})
    )
    transport = httpx.ASGITransport(app=production)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
        response = await http.get("/api/v1/nope")
    await production.state.engine.dispose()
    assert response.headers["strict-transport-security"].startswith("max-age=63072000")


async def test_cors_allows_only_listed_origins(settings: Settings) -> None:
    allowed = "https://shop.example.com"
    app = create_app(settings.model_copy(update={"cors_origins": [allowed]}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        preflight = {"Access-Control-Request-Method": "POST"}
        good = await http.options("/api/v1/auth/token", headers={"Origin": allowed, **preflight})
        bad = await http.options(
            "/api/v1/auth/token", headers={"Origin": "https://evil.example", **preflight}
        )
        simple = await http.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    await app.state.engine.dispose()
    assert good.headers["access-control-allow-origin"] == allowed
    assert "access-control-allow-origin" not in bad.headers
    assert "access-control-allow-origin" not in simple.headers


async def test_default_has_no_cross_origin_access(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


async def test_refresh_cookie_is_http_only_strict_and_scoped(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.post(
        "/api/v1/auth/token", data={"username": who.email, "password": PASSWORD}
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=strict" in cookie
    assert "path=/api/v1/auth" in cookie
    assert "secure" not in cookie  # http public URL in tests; https adds it (README)


def test_nginx_sends_the_same_spa_policy(settings: Settings) -> None:
    """docker-compose's nginx serves the SPA itself: its headers must not drift from ours."""
    snippet = Path(__file__).parents[3] / "frontend" / "nginx-security-headers.conf"
    headers = dict(re.findall(r'add_header ([\w-]+) "([^"]*)" always;', snippet.read_text()))
    real = settings.model_copy(update={"stripe_js_url": "https://js.stripe.com/v3/"})
    assert directives(headers["Content-Security-Policy"]) == directives(
        content_security_policies(real)[0]
    )
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"
