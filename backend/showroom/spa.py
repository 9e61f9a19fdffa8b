"""Serving the built SPA (``showroom serve --spa-dist``) on the API's port.

Fingerprinted ``/assets/*`` are cached for a year (their names change with their content),
``index.html`` and every client-side route are revalidated on each visit. Each file that the
build precompressed (``app.js`` → ``app.js.gz``, written by the SPA's Vite build) is sent
gzipped to clients that accept gzip: a buyer opening an order link downloads a fraction of
the bytes (QUALITY.md, "SPA budgets"), and the server spends no CPU compressing."""

from __future__ import annotations

import logging
import os
import stat
from mimetypes import guess_type
from pathlib import Path

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import FileResponse, Response
from starlette.staticfiles import NotModifiedResponse, PathLike, StaticFiles
from starlette.types import Scope

from showroom.core.compression import accepts_gzip
from showroom.core.errors import NotFound

logger = logging.getLogger("showroom")

IMMUTABLE = "public, max-age=31536000, immutable"


class SpaFiles(StaticFiles):
    """The built SPA: fingerprinted assets cached forever, precompressed files sent gzipped,
    and every unknown path answered with ``index.html`` because it is a client-side route."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if path == "api" or path.startswith("api/"):
            raise NotFound("No such API endpoint.")
        try:
            response = await super().get_response(path, scope)
        except StarletteHTTPException as exc:
            if exc.status_code != 404:
                raise
            response = await super().get_response("index.html", scope)
        if path.startswith("assets/") and response.status_code in (200, 304):
            response.headers["Cache-Control"] = IMMUTABLE
        else:
            response.headers["Cache-Control"] = "no-cache"
        return response

    def file_response(
        self,
        full_path: PathLike,
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        compressed = f"{os.fspath(full_path)}.gz"
        try:
            compressed_stat: os.stat_result | None = os.stat(compressed)
        except OSError:
            compressed_stat = None
        if compressed_stat is None or not stat.S_ISREG(compressed_stat.st_mode):
            return super().file_response(full_path, stat_result, scope, status_code)

        # Both variants say that they vary, so that no cache hands gzip to a client without it.
        request_headers = Headers(scope=scope)
        media_type = guess_type(os.fspath(full_path))[0] or "application/octet-stream"
        response: Response
        if accepts_gzip(request_headers.get("accept-encoding", "")):
            response = FileResponse(
                compressed,
                status_code=status_code,
                stat_result=compressed_stat,
                media_type=media_type,
                headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"},
            )
        else:
            response = FileResponse(
                full_path,
                status_code=status_code,
                stat_result=stat_result,
                media_type=media_type,
                headers={"Vary": "Accept-Encoding"},
            )
        # Each variant has its own ETag (size and time of the file sent), so revalidation
        # never confuses them.
        if self.is_not_modified(response.headers, request_headers):
            return NotModifiedResponse(response.headers)
        return response


def mount_spa(app: FastAPI, dist: Path) -> None:
    if not (dist / "index.html").is_file():
        logger.warning("SPA build not found at %s; serving the API only", dist)
        return
    app.mount("/", SpaFiles(directory=dist, html=True), name="spa")
