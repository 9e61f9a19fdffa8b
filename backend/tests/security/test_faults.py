"""Faults (QUALITY.md): the database lost in the middle of placing an order, and the e-mail
worker killed with SIGKILL in the middle of a delivery. (A declined card and an unreachable
Stripe are in tests/payments/test_card_orders.py; SMTP down in tests/core/test_outbox.py.)"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from sqlalchemy import event, func, select, update
from sqlalchemy.engine import make_url

from showroom.core.config import Settings
from showroom.core.time import utcnow
from showroom.main import create_app
from showroom.models import Order, OutboxMessage, OutboxStatus, Sku
from showroom.notifications.mail import EMAIL_TOPIC
from showroom.worker import build_outbox_worker
from tests.conftest import SmtpCollector, free_port
from tests.factories import problem
from tests.ordering import Connected, Season
from tests.orders.test_orders import filled_cart, place
from tests.security.proxy import CuttableProxy
from tests.shop import Shop


@pytest.fixture
async def proxied(settings: Settings) -> AsyncIterator[tuple[CuttableProxy, FastAPI]]:
    """A second app whose database connections run through a proxy the test can cut."""
    url = make_url(settings.database_url)
    proxy = CuttableProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    app = create_app(
        settings.model_copy(
            update={"database_url": url.set(port=proxy.port).render_as_string(hide_password=False)}
        )
    )
    yield proxy, app
    await app.state.engine.dispose()
    await proxy.stop()


@pytest.mark.postgresql_only
async def test_database_lost_mid_placement_changes_nothing_and_recovers(
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    app: FastAPI,
    proxied: tuple[CuttableProxy, FastAPI],
) -> None:
    proxy, proxied_app = proxied
    cart = await filled_cart(client, connected, season)
    cart_before = (
        await client.get(f"/api/v1/carts/{cart['id']}", headers=connected.buyer.headers)
    ).json()
    sku = uuid.UUID(season.tee_skus[0])

    async def stock() -> int:
        async with app.state.sessionmaker() as session:
            left = await session.scalar(select(Sku.stock_quantity).where(Sku.id == sku))
        assert isinstance(left, int)
        return left

    stock_before = await stock()
    armed = True

    def lose_the_database(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        nonlocal armed
        if armed and statement.lstrip().upper().startswith("UPDATE SKUS"):
            armed = False
            proxy.cut()  # PostgreSQL gone just as the stock is taken

    engine = proxied_app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", lose_the_database)
    transport = httpx.ASGITransport(app=proxied_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as other:
        lost = await place(other, connected, cart)
        assert lost.status_code == 503, lost.text
        assert problem(lost)["code"] == "database.unavailable"
        assert lost.headers["Retry-After"] == "5"

        # Nothing half-written: no order, the stock and the cart as they were.
        async with app.state.sessionmaker() as session:
            assert await session.scalar(select(func.count()).select_from(Order)) == 0
        assert await stock() == stock_before
        cart_after = (
            await client.get(f"/api/v1/carts/{cart['id']}", headers=connected.buyer.headers)
        ).json()
        assert cart_after == cart_before

        still_down = await other.get("/api/v1/health")
        assert still_down.status_code == 503
        # PostgreSQL is back: the same process serves again, without a restart.
        await proxy.restore()
        placed = await place(other, connected, cart)
        assert placed.status_code == 201, placed.text
    event.remove(engine, "before_cursor_execute", lose_the_database)
    assert await stock() == stock_before - 2


class StallingSmtp(SmtpCollector):
    """Takes its first delivery's recipient and never answers, as a server does while the
    sending worker is killed; delivers normally afterwards."""

    def __init__(self) -> None:
        super().__init__()
        self.stalled = threading.Event()

    async def handle_RCPT(  # noqa: N802
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if not self.stalled.is_set():
            self.stalled.set()
            await asyncio.sleep(60)
        envelope.rcpt_tos.append(address)
        return "250 OK"


def _worker(settings: Settings, smtp_port: int, tmp: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SHOWROOM_ENV": "test",
        "SHOWROOM_DATABASE_URL": settings.database_url,
        "SHOWROOM_SECRET_KEY": settings.secret_key,
        "SHOWROOM_SMTP_HOST": "127.0.0.1",
        "SHOWROOM_SMTP_PORT": str(smtp_port),
        "SHOWROOM_SMTP_TIMEOUT_SECONDS": "60",
        "SHOWROOM_OUTBOX_POLL_SECONDS": "0.2",
        "SHOWROOM_OUTBOX_LEASE_SECONDS": "2",
        "SHOWROOM_MEDIA_ROOT": str(tmp),
    }
    showroom = Path(sys.executable).with_name("showroom")
    return subprocess.Popen(
        [str(showroom), "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


async def _wait_for(predicate: Any, seconds: float) -> None:
    for _ in range(int(seconds * 10)):
        if predicate():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("timed out")


async def test_worker_killed_mid_delivery_delivers_exactly_once(
    client: httpx.AsyncClient, app: FastAPI, settings: Settings, tmp_path: Path
) -> None:
    smtp = StallingSmtp()
    controller = Controller(smtp, hostname="127.0.0.1", port=free_port())
    controller.start()
    workers: list[subprocess.Popen[bytes]] = []
    try:
        sent = await client.post("/api/v1/auth/signup/code", json={"email": "kill@example.com"})
        assert sent.status_code == 202
        async with app.state.sessionmaker() as session:
            message = await session.scalar(select(OutboxMessage))
        assert message is not None

        workers.append(_worker(settings, controller.port, tmp_path))
        await _wait_for(smtp.stalled.is_set, 30)
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(10)
        async with app.state.sessionmaker() as session:
            claimed = await session.get(OutboxMessage, message.id)
        assert claimed is not None
        assert (claimed.status, claimed.locked_until is not None) == (OutboxStatus.pending, True)
        assert smtp.messages == []

        # Another worker takes the message over once the dead one's lease runs out.
        workers.append(_worker(settings, controller.port, tmp_path))
        await _wait_for(lambda: smtp.messages, 30)
        await asyncio.sleep(2.5)  # past another lease and several polls: nothing more comes
        assert [m["Message-ID"] for m in smtp.messages] == [f"<{message.id.hex}@showroom>"]
        assert smtp.messages[0]["To"] == "kill@example.com"
        async with app.state.sessionmaker() as session:
            done = await session.get(OutboxMessage, message.id)
        assert done is not None
        assert done.status == OutboxStatus.done
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(10)
                except subprocess.TimeoutExpired:
                    worker.kill()
        controller.stop()


async def test_orders_go_through_while_smtp_is_down_and_are_mailed_once_it_is_back(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected, app: FastAPI
) -> None:
    await shop.patch("/settings", {"notification_emails": ["orders@maison-aoi.example.com"]})
    down_port = free_port()
    settings = app.state.settings.model_copy(
        update={"smtp_port": down_port, "smtp_timeout_seconds": 2}
    )
    placed = await place(client, connected, await filled_cart(client, connected, season))
    assert placed.status_code == 201, placed.text  # placing never waits for mail
    worker = build_outbox_worker(settings, app.state.sessionmaker)
    assert await worker.run_once() >= 1

    async def order_mails() -> list[OutboxMessage]:
        async with app.state.sessionmaker() as session:
            rows = await session.scalars(select(OutboxMessage))
            number = placed.json()["number"]
            return [m for m in rows if m.topic == EMAIL_TOPIC and number in str(m.payload)]

    pending = await order_mails()
    assert len(pending) == 2  # the buyer's recipient and the brand's
    assert {(m.status, m.attempts) for m in pending} == {(OutboxStatus.pending, 1)}

    collector = SmtpCollector()
    controller = Controller(collector, hostname="127.0.0.1", port=down_port)
    controller.start()
    try:
        for _ in range(2):  # the retry, and one more round that must send nothing again
            async with app.state.sessionmaker() as session, session.begin():
                await session.execute(
                    update(OutboxMessage).values(available_at=utcnow() - timedelta(seconds=1))
                )
            await worker.run_once()
    finally:
        controller.stop()
    ids = [m["Message-ID"] for m in collector.messages]
    assert sorted(ids) == sorted(f"<{m.id.hex}@showroom>" for m in pending)
    assert {m.status for m in await order_mails()} == {OutboxStatus.done}
    assert any(placed.json()["number"] in m["Subject"] for m in collector.messages)
