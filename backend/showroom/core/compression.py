"""Gzip for the API's answers. The catalog products page is about 180 KB of JSON for 50
products and their SKUs; gzipped it is about 27 KB, which on a phone's connection is most of a
second less before the catalog shows. Level 3 compresses that page in under a millisecond,
nearly as small as level 9 does in four (measured, docs/benchmarks.md). The SPA's files come
precompressed (``showroom.spa`` serves them, Vary header and all), so only ``/api/`` is
compressed here, and not what is already encoded or not worth it (images, spreadsheets, which
are zip files)."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.gzip import (
    DEFAULT_EXCLUDED_CONTENT_TYPES,
    GZipMiddleware,
    GZipResponder,
    IdentityResponder,
)
from starlette.types import ASGIApp, Receive, Scope, Send

API_PREFIX = "/api/"
COMPRESS_LEVEL = 3
MINIMUM_SIZE = 1024  # below this, the gzip header and checksum eat most of the saving
# Starlette hands bodies from 128 KiB on to a thread, which costs more than level 3 takes to
# compress them (the products page: 180 KB in 0.7 ms); at 1 MiB the event loop waits ~4 ms.
THREAD_MINIMUM_SIZE = 1024 * 1024
NOT_COMPRESSED = (
    *DEFAULT_EXCLUDED_CONTENT_TYPES,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/pdf",
)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an ``Accept-Encoding`` header allows gzip (``gzip;q=0`` refuses it)."""
    for part in accept_encoding.split(","):
        coding, _, params = part.partition(";")
        if coding.strip().lower() not in ("gzip", "x-gzip", "*"):
            continue
        quality = params.strip().lower()
        if quality.startswith("q="):
            try:
                return float(quality[2:]) > 0
            except ValueError:
                return False
        return True
    return False


class CompressionMiddleware(GZipMiddleware):
    """Starlette's gzip, but deciding by ``accepts_gzip``: Starlette compresses whenever the
    header mentions gzip, even ``gzip;q=0``, which refuses it."""

    def __init__(self, app: ASGIApp) -> None:
        super().__init__(
            app,
            minimum_size=MINIMUM_SIZE,
            compresslevel=COMPRESS_LEVEL,
            thread_minimum_size=THREAD_MINIMUM_SIZE,
            exclude_content_types=NOT_COMPRESSED,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        responder: ASGIApp
        if accepts_gzip(Headers(scope=scope).get("accept-encoding", "")):
            responder = GZipResponder(
                self.app,
                self.minimum_size,
                compresslevel=self.compresslevel,
                thread_minimum_size=self.thread_minimum_size,
                exclude_content_types=self.exclude_content_types,
            )
        else:
            responder = IdentityResponder(
                self.app, self.minimum_size, exclude_content_types=self.exclude_content_types
            )
        await responder(scope, receive, send)
