"""Security headers on every response, SPA and API alike.

The Content-Security-Policy lets pages load code only from our own origin and the configured
Stripe.js (cards are typed into Stripe's frames, never into our page), allows no framing of
our pages (click-jacking), and lets media play from other https hosts because brands link
their videos there. API responses get the strictest policy: JSON needs nothing."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from showroom.core.config import Settings

# Stripe's own hosts besides js.stripe.com (https://docs.stripe.com/security/guide#content-security-policy).
_STRIPE_FRAMES = ("https://js.stripe.com", "https://hooks.stripe.com")
_STRIPE_API = "https://api.stripe.com"
# FastAPI's Swagger UI page loads its script and styles from this CDN, with an inline script.
_DOCS_CDN = "https://cdn.jsdelivr.net"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def content_security_policies(settings: Settings) -> tuple[str, str, str]:
    """The policies for the SPA's pages, for API responses and for the API docs page."""
    stripe = _origin(settings.stripe_js_url)
    real_stripe = stripe == "https://js.stripe.com"
    frames = list(_STRIPE_FRAMES) if real_stripe else [stripe]
    connect = ["'self'", _STRIPE_API if real_stripe else stripe]
    spa = _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'", stripe],
            # Mantine writes its theme variables into a <style> element at run time.
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:", "blob:"],
            "font-src": ["'self'", "data:"],
            "connect-src": connect,
            "frame-src": [*frames, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
            "media-src": ["'self'", "https:", "blob:"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'none'"],
        }
    )
    api = _policy({"default-src": ["'none'"], "frame-ancestors": ["'none'"]})
    docs = _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'", "'unsafe-inline'", _DOCS_CDN],
            "style-src": ["'self'", "'unsafe-inline'", _DOCS_CDN],
            "img-src": ["'self'", "data:", "https://fastapi.tiangolo.com"],
            "frame-ancestors": ["'none'"],
        }
    )
    return spa, api, docs


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        spa, api, docs = content_security_policies(settings)
        common = [
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            # Order link tokens are in page URLs: never send a path to another site.
            (b"referrer-policy", b"strict-origin-when-cross-origin"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
        ]
        if settings.env == "production":
            common.append((b"strict-transport-security", b"max-age=63072000; includeSubDomains"))
        self.spa = [*common, (b"content-security-policy", spa.encode())]
        self.api = [*common, (b"content-security-policy", api.encode())]
        self.docs = [*common, (b"content-security-policy", docs.encode())]

    def _headers_for(self, path: str) -> list[tuple[bytes, bytes]]:
        if path == "/api/docs" or path.startswith("/api/docs/"):
            return self.docs
        if path == "/api" or path.startswith("/api/"):
            return self.api
        return self.spa

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self._headers_for(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)
