"""Transactional outbox: work recorded in the same transaction as the change that caused it,
delivered afterwards by a worker with retries and exponential backoff.

Claiming uses ``UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`` so several workers
on PostgreSQL never take the same row; SQLite serializes writers, which gives the same
guarantee there. A claimed row carries a lease (``locked_until``); if a worker dies, the row
becomes claimable again when the lease runs out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from showroom.core.time import utcnow
from showroom.models import OutboxMessage, OutboxStatus

logger = logging.getLogger("showroom.outbox")

# A handler delivers one message. It gets a session whose transaction also marks the row
# done, so a handler that only writes to the database is exactly-once.
Handler = Callable[[AsyncSession, OutboxMessage], Awaitable[None]]

LEASE = timedelta(minutes=5)  # longer than any one delivery takes


def enqueue(session: AsyncSession, topic: str, payload: dict[str, Any]) -> OutboxMessage:
    message = OutboxMessage(id=uuid.uuid4(), topic=topic, payload=payload)
    session.add(message)
    return message


async def forget_done(session: AsyncSession, before: datetime) -> None:
    """Deletes the messages delivered before ``before``: once done, a row is only history, and
    every order and sign-up adds some. Dead ones stay, for someone to look into."""
    await session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.status == OutboxStatus.done, OutboxMessage.processed_at < before
        )
    )


@dataclass(frozen=True)
class RetryPolicy:
    """When a failed message is tried again: after ``first_delay``, doubling up to
    ``max_delay``; given up after ``max_attempts`` tries, or once the next try would come
    later than ``give_up_after`` from the message's creation."""

    first_delay: timedelta = timedelta(seconds=5)
    max_delay: timedelta = timedelta(hours=1)
    max_attempts: int | None = 12
    give_up_after: timedelta | None = None

    def delay(self, attempts: int) -> timedelta:
        return min(self.first_delay * (1 << min(max(attempts - 1, 0), 30)), self.max_delay)

    def next_attempt_at(
        self, attempts: int, created_at: datetime, now: datetime
    ) -> datetime | None:
        """After ``attempts`` failed tries: when to try again, or None to give up."""
        if self.max_attempts is not None and attempts >= self.max_attempts:
            return None
        at = now + self.delay(attempts)
        if self.give_up_after is not None and at > created_at + self.give_up_after:
            return None
        return at


def backoff(attempts: int) -> timedelta:
    """The default schedule: 5 s, 10 s, 20 s … capped at one hour."""
    return RetryPolicy().delay(attempts)


class RetryLater(Exception):
    """Raised by a handler whose try failed but whose writes (a log of the try) are to be
    kept: they commit together with the rescheduling. ``at`` overrides the policy's time."""

    def __init__(self, reason: str, *, at: datetime | None = None) -> None:
        super().__init__(reason)
        self.at = at


class OutboxWorker:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        handlers: Mapping[str, Handler],
        *,
        max_attempts: int = 12,
        batch_size: int = 20,
        lease: timedelta = LEASE,
        policies: Mapping[str, RetryPolicy] | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.handlers = handlers
        self.max_attempts = max_attempts
        self.batch_size = batch_size
        self.lease = lease
        self.default_policy = RetryPolicy(max_attempts=max_attempts)
        self.policies = dict(policies or {})

    async def claim(self) -> list[uuid.UUID]:
        now = utcnow()
        due = (
            select(OutboxMessage.id)
            .where(
                OutboxMessage.status == OutboxStatus.pending,
                OutboxMessage.available_at <= now,
                or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now),
            )
            .order_by(OutboxMessage.available_at)
            .limit(self.batch_size)
            .with_for_update(skip_locked=True)
        )
        async with self.sessionmaker() as session, session.begin():
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(due.scalar_subquery()))
                .values(locked_until=now + self.lease)
                .returning(OutboxMessage.id)
                .execution_options(synchronize_session=False)
            )
            return list(result.scalars())

    async def run_once(self) -> int:
        """Deliver what is due now; returns how many messages were handled."""
        handled = 0
        for message_id in await self.claim():
            await self._deliver(message_id)
            handled += 1
        return handled

    async def drain(self, rounds: int = 10) -> int:
        total = 0
        for _ in range(rounds):
            count = await self.run_once()
            total += count
            if count == 0:
                break
        return total

    async def _deliver(self, message_id: uuid.UUID) -> None:
        async with self.sessionmaker() as session:
            message = await session.get(OutboxMessage, message_id)
            if message is None or message.status != OutboxStatus.pending:
                return
            handler = self.handlers.get(message.topic)
            try:
                if handler is None:
                    raise LookupError(f"no handler for topic {message.topic!r}")
                await handler(session, message)
            except RetryLater as exc:
                self._failed(message, exc, exc.at)
                await session.commit()
                return
            except Exception as exc:  # noqa: BLE001 — any failure is retried later
                await session.rollback()
                await self._record_failure(message_id, exc)
                return
            message.status = OutboxStatus.done
            message.processed_at = utcnow()
            message.locked_until = None
            message.attempts += 1
            await session.commit()

    async def _record_failure(self, message_id: uuid.UUID, exc: Exception) -> None:
        async with self.sessionmaker() as session, session.begin():
            message = await session.get(OutboxMessage, message_id)
            if message is None:
                return
            self._failed(message, exc)

    def policy(self, topic: str) -> RetryPolicy:
        return self.policies.get(topic, self.default_policy)

    def _failed(self, message: OutboxMessage, exc: Exception, at: datetime | None = None) -> None:
        message.attempts += 1
        message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        message.locked_until = None
        now = utcnow()
        retry_at = at or self.policy(message.topic).next_attempt_at(
            message.attempts, message.created_at, now
        )
        if retry_at is None:
            message.status = OutboxStatus.dead
            logger.error("outbox message %s gave up: %s", message.id, message.last_error)
        else:
            message.available_at = retry_at
            logger.warning(
                "outbox message %s failed (attempt %s): %s",
                message.id,
                message.attempts,
                message.last_error,
            )

    async def run_forever(self, stop: asyncio.Event, poll_seconds: float = 1.0) -> None:
        while not stop.is_set():
            try:
                handled = await self.run_once()
            except Exception:
                logger.exception("outbox worker round failed")
                handled = 0
            if handled == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
