"""An opt-in ``X-Statement-Count`` response header: how many SQL statements the request ran.

For the benchmark harness (``make bench`` reports statements per request under load), switched
on by ``SHOWROOM_STATEMENT_COUNT_HEADER=true``; off by default and refused in production, where
it would tell anyone about the queries behind an endpoint."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from fastapi import FastAPI
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from showroom.core.config import Settings

HEADER = b"x-statement-count"
# A one-element list per request: the listener mutates it, so a value set by the middleware
# is seen from SQLAlchemy's greenlet, which runs in a copy of the request's context.
_counter: ContextVar[list[int] | None] = ContextVar("statement_counter", default=None)


def _count(*_: Any) -> None:
    counter = _counter.get()
    if counter is not None:
        counter[0] += 1


class StatementCountMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        counter = [0]
        token = _counter.set(counter)

        async def send_with_count(message: Message) -> None:
            # The transaction is committed before the response starts (core/db.py), so the
            # count is complete here.
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    (HEADER, str(counter[0]).encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_count)
        finally:
            _counter.reset(token)


def install_statement_count(app: FastAPI, engine: AsyncEngine, settings: Settings) -> None:
    if not settings.statement_count_header:
        return
    event.listen(engine.sync_engine, "before_cursor_execute", _count)
    app.add_middleware(StatementCountMiddleware)
