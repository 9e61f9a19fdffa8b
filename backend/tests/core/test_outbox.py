from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from sqlalchemy import select, update

from showroom.core.outbox import OutboxWorker, backoff, enqueue
from showroom.core.time import utcnow
from showroom.models import DevMail, OutboxMessage, OutboxStatus
from showroom.notifications.mail import EMAIL_TOPIC, queue_mail
from showroom.notifications.senders import dev_mailbox_handler, smtp_handler
from showroom.worker import build_outbox_worker
from tests.conftest import Mailbox, SmtpCollector, free_port


async def _messages(app: FastAPI) -> list[OutboxMessage]:
    async with app.state.sessionmaker() as session:
        return list(await session.scalars(select(OutboxMessage).order_by(OutboxMessage.created_at)))


async def _make_due(app: FastAPI) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(
            update(OutboxMessage).values(available_at=utcnow() - timedelta(seconds=1))
        )


async def test_mail_is_written_in_the_same_transaction_and_sent_by_the_worker(
    client: httpx.AsyncClient, mailbox: Mailbox, app: FastAPI
) -> None:
    await client.post(
        "/api/v1/auth/signup/code", json={"email": "a@example.com", "language": "zh-Hans"}
    )
    [message] = await _messages(app)
    assert message.status == OutboxStatus.pending
    [mail] = await mailbox.deliver()
    assert mail["Subject"] == "验证您的电子邮箱 | Showroom"
    assert mail["Message-ID"] == f"<{message.id.hex}@showroom>"
    [message] = await _messages(app)
    assert message.status == OutboxStatus.done
    assert await mailbox.deliver() == []  # never twice


async def test_refused_request_writes_no_mail(client: httpx.AsyncClient, app: FastAPI) -> None:
    response = await client.post(
        "/api/v1/auth/signup/code", json={"email": "bad", "language": "en"}
    )
    assert response.status_code == 422
    assert await _messages(app) == []


async def test_smtp_down_retries_with_backoff_then_delivers_once(app: FastAPI) -> None:
    down_port = free_port()
    settings = app.state.settings.model_copy(
        update={"smtp_port": down_port, "smtp_timeout_seconds": 2}
    )
    async with app.state.sessionmaker() as session, session.begin():
        queue_mail(session, "late@example.com", "signup_code", "en", code="123456", minutes=10)

    worker = build_outbox_worker(settings, app.state.sessionmaker)
    assert await worker.run_once() == 1
    [message] = await _messages(app)
    assert message.status == OutboxStatus.pending
    assert message.attempts == 1
    assert (
        "Connect" in (message.last_error or "") or "refused" in (message.last_error or "").lower()
    )
    assert message.available_at > utcnow()
    assert await worker.run_once() == 0  # not due yet

    collector = SmtpCollector()
    controller = Controller(collector, hostname="127.0.0.1", port=down_port)
    controller.start()
    try:
        await _make_due(app)
        assert await worker.run_once() == 1
        await _make_due(app)
        assert await worker.run_once() == 0
    finally:
        controller.stop()
    assert [m["To"] for m in collector.messages] == ["late@example.com"]
    [message] = await _messages(app)
    assert message.status == OutboxStatus.done
    assert message.attempts == 2


async def test_gives_up_after_max_attempts(app: FastAPI) -> None:
    async def always_fails(*_: object) -> None:
        raise RuntimeError("boom")

    async with app.state.sessionmaker() as session, session.begin():
        enqueue(session, "broken", {})
    worker = OutboxWorker(app.state.sessionmaker, {"broken": always_fails}, max_attempts=3)
    for _ in range(3):
        await _make_due(app)
        await worker.run_once()
    [message] = await _messages(app)
    assert message.status == OutboxStatus.dead
    assert message.attempts == 3
    assert message.last_error == "RuntimeError: boom"


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert backoff(30) == timedelta(hours=1)


async def test_dev_mailbox_delivery_is_exactly_once(app: FastAPI) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        queue_mail(session, "dev@example.com", "signup_code", "ja", code="654321", minutes=10)
    worker = OutboxWorker(app.state.sessionmaker, {EMAIL_TOPIC: dev_mailbox_handler})
    await worker.drain()
    await _make_due(app)
    await worker.drain()
    async with app.state.sessionmaker() as session:
        mails = list(await session.scalars(select(DevMail)))
    assert len(mails) == 1
    assert "654321" in mails[0].text_body


@pytest.mark.postgresql_only
async def test_concurrent_workers_never_take_the_same_message(
    app: FastAPI, mailbox: Mailbox
) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        for i in range(40):
            queue_mail(session, f"r{i}@example.com", "signup_code", "en", code="111111", minutes=10)
    handler = smtp_handler(app.state.settings)
    workers = [
        OutboxWorker(app.state.sessionmaker, {EMAIL_TOPIC: handler}, batch_size=5) for _ in range(4)
    ]
    await asyncio.gather(*(w.drain(rounds=20) for w in workers))
    delivered = await mailbox.deliver()
    assert sorted(m["To"] for m in delivered) == sorted(f"r{i}@example.com" for i in range(40))
