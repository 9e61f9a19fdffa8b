"""Test fixtures: a migrated database (SQLite by default, PostgreSQL with ``--db postgresql``),
the app, an HTTP client, a real SMTP server (aiosmtpd) and a statement counter."""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

os.environ.setdefault("SHOWROOM_ARGON2_MEMORY_KIB", "1024")
os.environ.setdefault("SHOWROOM_ARGON2_TIME_COST", "1")
os.environ["SHOWROOM_ENV"] = "test"

import asyncpg
import httpx
import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from showroom.cli import migrate
from showroom.core.config import Settings
from showroom.dev import localstripe
from showroom.main import create_app
from showroom.models import Base
from showroom.worker import build_outbox_worker
from tests.stripe_js import StripeJs

DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"

pytest_plugins = ["tests.shop", "tests.ordering"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=["sqlite", "postgresql"],
        default=os.environ.get("SHOWROOM_TEST_DB", "sqlite"),
        help="database to run the suite on",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--db") == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (run with --db postgresql)")
    for item in items:
        if "postgresql_only" in item.keywords:
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- database ------------------------------------------------------------------------------


async def _pg_admin(sql: str, admin_url: str) -> None:
    connection = await asyncpg.connect(admin_url, timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.config.getoption("--db") == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'showroom.db'}"
        migrate(url, configure_logging=False)
        yield url
        return

    given = os.environ.get("SHOWROOM_TEST_DATABASE_URL")
    if given:
        migrate(given, configure_logging=False)
        yield given
        return
    name = f"showroom_test_{uuid.uuid4().hex[:12]}"
    try:
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"', DEFAULT_PG_ADMIN_URL))
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.exit(
            f"\n\n*** PostgreSQL is unreachable at 127.0.0.1:5432 ({exc}).\n"
            "*** Start it (see README) or set SHOWROOM_TEST_DATABASE_URL.\n",
            returncode=3,
        )
    url = str(make_url(DEFAULT_PG_ADMIN_URL).set(drivername="postgresql+asyncpg", database=name))
    migrate(url, configure_logging=False)
    yield url
    asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', DEFAULT_PG_ADMIN_URL))


# --- SMTP ----------------------------------------------------------------------------------


class SmtpCollector:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 Message accepted"


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[Controller]:
    controller = Controller(SmtpCollector(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


# --- app -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def localstripe_port() -> Iterator[int]:
    """A fake Stripe (localstripe) on loopback, its data kept in memory only."""
    port = free_port()
    process = localstripe.start(port)
    yield port
    localstripe.stop(process)


@pytest.fixture
def stripe_js(localstripe_port: int) -> StripeJs:
    return StripeJs(localstripe_port)


@pytest.fixture
def without_card_payments(app: FastAPI) -> Iterator[None]:
    """The app as deployed without a card processor."""
    settings, gateway = app.state.settings, app.state.payment_gateway
    app.state.settings = settings.model_copy(
        update={"stripe_secret_key": None, "stripe_publishable_key": None}
    )
    app.state.payment_gateway = None
    yield
    app.state.settings, app.state.payment_gateway = settings, gateway


@pytest.fixture(scope="session")
def settings(
    database_url: str,
    smtp_server: Controller,
    tmp_path_factory: pytest.TempPathFactory,
    localstripe_port: int,
) -> Settings:
    stripe = f"http://127.0.0.1:{localstripe_port}"
    return Settings(
        stripe_secret_key=localstripe.SECRET_KEY,
        stripe_publishable_key=localstripe.PUBLISHABLE_KEY,
        stripe_webhook_secret=localstripe.WEBHOOK_SECRET,
        stripe_api_base=stripe,
        stripe_js_url=f"{stripe}/js.stripe.com/v3/",
        env="test",
        database_url=database_url,
        secret_key="test-secret-key-that-is-long-enough-0123456789",
        public_url="http://testserver",
        smtp_host="127.0.0.1",
        smtp_port=smtp_server.port,
        smtp_timeout_seconds=5,
        media_root=tmp_path_factory.mktemp("media"),
    )


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    yield application
    await application.state.engine.dispose()


@pytest.fixture(autouse=True)
async def _clean_database(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    yield
    if "app" not in request.fixturenames:
        return
    application: FastAPI = request.getfixturevalue("app")
    engine = application.state.engine
    tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))
        else:
            for table in tables:
                await connection.execute(text(f"DELETE FROM {table}"))  # noqa: S608


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


# --- mail ----------------------------------------------------------------------------------


@dataclass
class Mailbox:
    """Runs the outbox worker and returns what the SMTP server received."""

    app: FastAPI
    collector: SmtpCollector
    seen: int = field(default=0)

    async def deliver(self) -> list[EmailMessage]:
        worker = build_outbox_worker(self.app.state.settings, self.app.state.sessionmaker)
        await worker.drain()
        new = self.collector.messages[self.seen :]
        self.seen = len(self.collector.messages)
        return new

    async def last_to(self, address: str) -> EmailMessage:
        await self.deliver()
        for message in reversed(self.collector.messages):
            if message["To"] == address:
                found: EmailMessage = message
                return found
        raise AssertionError(f"no mail to {address}")


@pytest.fixture
def mailbox(app: FastAPI, smtp_server: Controller) -> Mailbox:
    collector: SmtpCollector = smtp_server.handler
    collector.messages.clear()
    return Mailbox(app, collector)


# --- statement counting --------------------------------------------------------------------


@dataclass
class StatementCounter:
    statements: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_statements(app: FastAPI) -> Any:
    @contextmanager
    def counting() -> Iterator[StatementCounter]:
        counter = StatementCounter()

        def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            counter.statements.append(statement)

        target = app.state.engine.sync_engine
        event.listen(target, "before_cursor_execute", before)
        try:
            yield counter
        finally:
            event.remove(target, "before_cursor_execute", before)

    return counting
