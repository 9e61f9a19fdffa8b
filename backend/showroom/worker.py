"""Background work: the outbox (e-mails now, webhooks later) and periodic housekeeping.
Runs as ``showroom worker``, or inside the API process in ``make run``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from showroom.core.config import Settings
from showroom.core.outbox import OutboxWorker, forget_done
from showroom.core.storage import LocalStorage
from showroom.core.time import utcnow
from showroom.imports.service import IMPORT_TOPIC, import_handler
from showroom.integrations import delivery as webhooks
from showroom.integrations.events import EVENT_TOPIC
from showroom.integrations.repository import ApiKeyRepository, WebhookRepository
from showroom.models import RateLimitHit, SignupCode
from showroom.notifications.mail import EMAIL_TOPIC
from showroom.notifications.senders import email_handler

logger = logging.getLogger("showroom.worker")

HOUSEKEEPING_EVERY = timedelta(minutes=10)
DELIVERY_LOG_KEPT = timedelta(days=30)
# Delivered outbox messages (mails sent, webhooks fanned out, imports run) are history.
DONE_MESSAGES_KEPT = timedelta(days=7)


def build_outbox_worker(
    settings: Settings, sessionmaker: async_sessionmaker[AsyncSession]
) -> OutboxWorker:
    storage = LocalStorage(settings.media_root)
    return OutboxWorker(
        sessionmaker,
        {
            EMAIL_TOPIC: email_handler(settings),
            IMPORT_TOPIC: import_handler(storage, sessionmaker),
            EVENT_TOPIC: webhooks.fan_out,
            webhooks.DELIVERY_TOPIC: webhooks.delivery_handler(settings),
        },
        max_attempts=settings.outbox_max_attempts,
        lease=timedelta(seconds=settings.outbox_lease_seconds),
        policies={webhooks.DELIVERY_TOPIC: webhooks.RETRY},
    )


async def housekeeping(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    """Forget what no longer matters: rate-limit hits older than a day, expired sign-up codes,
    delivered outbox messages after a week, webhook deliveries after a month (their retries
    end after three days)."""
    now = utcnow()
    async with sessionmaker() as session, session.begin():
        await session.execute(
            delete(RateLimitHit).where(RateLimitHit.created_at < now - timedelta(days=1))
        )
        await session.execute(
            delete(SignupCode).where(SignupCode.expires_at < now - timedelta(days=1))
        )
        await ApiKeyRepository(session).forget_windows(now - timedelta(days=1))
        await forget_done(session, now - DONE_MESSAGES_KEPT)
        await WebhookRepository(session).forget(deliveries_before=now - DELIVERY_LOG_KEPT)


async def run_worker(
    settings: Settings, sessionmaker: async_sessionmaker[AsyncSession], stop: asyncio.Event
) -> None:
    outbox = build_outbox_worker(settings, sessionmaker)
    outbox_task = asyncio.create_task(outbox.run_forever(stop, settings.outbox_poll_seconds))
    try:
        while not stop.is_set():
            try:
                await housekeeping(sessionmaker)
            except Exception:
                logger.exception("housekeeping failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=HOUSEKEEPING_EVERY.total_seconds())
    finally:
        stop.set()
        await outbox_task
