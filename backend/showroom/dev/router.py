"""The development mailbox: mails "sent" while no SMTP server is configured, so someone trying
Showroom locally can read their sign-up code. Answers 404 outside development."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import NotFound, errors
from showroom.core.validation import Email, ResponseSchema
from showroom.notifications.repository import DevMailRepository

router = APIRouter(prefix="/dev", tags=["dev"])


class DevMailRead(ResponseSchema):
    id: uuid.UUID
    to_address: str
    subject: str
    text_body: str
    created_at: datetime


@router.get(
    "/mailbox",
    responses=errors(404),
    summary="Development mailbox (newest first; only when SHOWROOM_ENV=development without SMTP)",
)
async def list_dev_mail(
    session: DbSession,
    settings: AppSettings,
    to: Annotated[Email | None, Query(description="Only mail sent to this address")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> list[DevMailRead]:
    if not settings.dev_mailbox_enabled:
        raise NotFound("The development mailbox is off.", code="dev.mailbox_disabled")
    mails = await DevMailRepository(session).latest(to, limit)
    return [DevMailRead.model_validate(mail) for mail in mails]
