"""The committed contract and the migrations match the code."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from fastapi import FastAPI

from showroom.cli import alembic_config
from showroom.core.openapi import dump

CONTRACT = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"


def test_committed_openapi_document_is_current(app: FastAPI) -> None:
    assert CONTRACT.read_text(encoding="utf-8") == dump(app), (
        "openapi/openapi.json is stale: run `make openapi` and commit it"
    )


def test_models_and_migrations_agree(database_url: str) -> None:
    # Raises if autogenerate would produce any operation.
    command.check(alembic_config(database_url, configure_logging=False))
