"""Dependencies every router shares.

Dependencies that do no I/O are ``async def`` all the same: FastAPI runs a plain ``def``
dependency in a worker thread, a thread hop per request for nothing."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from showroom.core.config import Settings
from showroom.core.i18n import negotiate


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(get_app_settings)]


async def get_request_language(
    request: Request,
    locale: Annotated[
        str | None,
        Query(max_length=35, description="Language of the answer; default: Accept-Language"),
    ] = None,
) -> str:
    return negotiate(request.headers.get("accept-language"), locale)


RequestLanguage = Annotated[str, Depends(get_request_language)]
