from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from sqlalchemy import text

from showroom.core.db import DbSession
from showroom.core.errors import errors
from showroom.core.validation import ResponseSchema

router = APIRouter(tags=["health"])


class Health(ResponseSchema):
    status: Literal["ok"]
    database: Literal["ok"]


@router.get("/health", responses=errors(503), summary="Liveness and database check")
async def health(session: DbSession) -> Health:
    await session.execute(text("SELECT 1"))
    return Health(status="ok", database="ok")
