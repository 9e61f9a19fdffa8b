"""The PostgreSQL backup and restore README.md documents, done for real: pg_dump of a database
with orders, pg_restore into an empty one, and the same rows and money come back."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import uuid
from pathlib import Path

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from showroom.core.config import Settings
from showroom.models import Base
from tests.conftest import DEFAULT_PG_ADMIN_URL
from tests.ordering import Connected, Season
from tests.orders.test_orders import filled_cart, place

pytestmark = pytest.mark.postgresql_only


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _run(*command: str) -> None:
    """The commands README.md documents, as an operator types them."""
    await asyncio.to_thread(subprocess.run, command, check=True)


async def _counts_and_money(dsn: str) -> dict[str, object]:
    connection = await asyncpg.connect(dsn)
    try:
        found: dict[str, object] = {
            table.name: await connection.fetchval(f'SELECT count(*) FROM "{table.name}"')  # noqa: S608
            for table in Base.metadata.sorted_tables
        }
        found["order totals"] = await connection.fetchval("SELECT sum(total) FROM orders")
        found["stock"] = await connection.fetchval("SELECT sum(stock_quantity) FROM skus")
        found["alembic"] = await connection.fetchval("SELECT version_num FROM alembic_version")
        return found
    finally:
        await connection.close()


async def test_dump_and_restore_give_back_the_same_data(
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    settings: Settings,
    tmp_path: Path,
) -> None:
    if shutil.which("pg_dump") is None:
        pytest.fail("pg_dump is missing: install the PostgreSQL client (bash .ci/run does)")
    for _ in range(2):
        placed = await place(client, connected, await filled_cart(client, connected, season))
        assert placed.status_code == 201, placed.text
    source = _libpq(settings.database_url)
    dump = tmp_path / "showroom.dump"
    await _run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source)

    copy = f"showroom_restore_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(DEFAULT_PG_ADMIN_URL)
    await admin.execute(f'CREATE DATABASE "{copy}"')
    target = make_url(source).set(database=copy).render_as_string(hide_password=False)
    try:
        await _run("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={target}", str(dump))
        before, after = await asyncio.gather(_counts_and_money(source), _counts_and_money(target))
        assert after == before
        assert before["orders"] == 2
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        await admin.close()
