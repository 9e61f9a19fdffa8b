"""``Idempotency-Key`` (API.md): the first response of a request is stored per principal for
7 days and replayed for a retry with the same key and body.

The key row is written in the request's own transaction, as its first write: if the request
fails, the key goes with it and a retry runs afresh; if it succeeds, the stored response
commits with the order. While one request with a key runs, another with the same key gets
409 ``idempotency.in_progress``: on PostgreSQL a transaction-level advisory lock on the key
says so without waiting; SQLite runs one writer at a time, so there the second request waits
for the first and then replays its response."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.errors import Conflict, Invalid
from showroom.core.time import utcnow
from showroom.models import IdempotencyKey

RETENTION = timedelta(days=7)
HEADER_LOC = ("header", "Idempotency-Key")


@dataclass(frozen=True)
class Replay:
    status: int
    body: dict[str, Any]


def fingerprint(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def lock_id(principal: str, key: str) -> int:
    """The PostgreSQL advisory lock held while a request with this key runs."""
    digest = hashlib.sha256(f"{principal}\x00{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def dialect_insert(session: AsyncSession) -> Any:
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


class IdempotencyGuard:
    def __init__(self, session: AsyncSession, principal: str, key: str, print_: str) -> None:
        self.session = session
        self.principal = principal
        self.key = key
        self.fingerprint = print_

    async def begin(self) -> Replay | None:
        """None: this request runs (and must ``finish``); else the stored response."""
        if self.session.get_bind().dialect.name == "postgresql":
            locked = await self.session.scalar(
                select(func.pg_try_advisory_xact_lock(lock_id(self.principal, self.key)))
            )
            if not locked:
                raise _in_progress()
        where = (IdempotencyKey.principal == self.principal, IdempotencyKey.key == self.key)
        existing = await self.session.scalar(select(IdempotencyKey).where(*where))
        if existing is not None and existing.created_at < utcnow() - RETENTION:
            await self.session.delete(existing)
            await self.session.flush()
            existing = None
        if existing is None:
            inserted = await self.session.scalar(
                dialect_insert(self.session)(IdempotencyKey)
                .values(principal=self.principal, key=self.key, fingerprint=self.fingerprint)
                .on_conflict_do_nothing()
                .returning(IdempotencyKey.id)
            )
            if inserted is not None:
                return None
            existing = await self.session.scalar(select(IdempotencyKey).where(*where))
            assert existing is not None
        if existing.fingerprint != self.fingerprint:
            raise Invalid(
                "This Idempotency-Key was used for a different request; use a new key.",
                code="idempotency.key_reused",
                loc=HEADER_LOC,
            )
        if existing.response_status is None or existing.response_body is None:
            raise _in_progress()
        return Replay(existing.response_status, existing.response_body)

    async def finish(self, status: int, body: dict[str, Any]) -> None:
        await self.session.execute(
            update(IdempotencyKey)
            .where(IdempotencyKey.principal == self.principal, IdempotencyKey.key == self.key)
            .values(response_status=status, response_body=body)
        )


def _in_progress() -> Conflict:
    return Conflict(
        "A request with this Idempotency-Key is still running; retry in a moment.",
        code="idempotency.in_progress",
    )
