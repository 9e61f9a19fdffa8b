"""Fixtures for the integrations tests: an order placed with the connected buyer, a local
webhook receiver (a real HTTP server on 127.0.0.1) and a worker run that delivers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, update

from showroom.core.time import utcnow
from showroom.integrations.delivery import DELIVERY_TOPIC
from showroom.models import OutboxMessage, OutboxStatus
from showroom.worker import build_outbox_worker
from tests.integrations.receiver import Receiver, serve
from tests.ordering import Connected, Season
from tests.orders.test_orders import filled_cart, place
from tests.shop import Shop


async def place_order(client: httpx.AsyncClient, who: Connected, season: Season) -> dict[str, Any]:
    placed = await place(client, who, await filled_cart(client, who, season))
    assert placed.status_code == 201, placed.text
    return dict(placed.json())


@pytest.fixture
async def placed_order(
    client: httpx.AsyncClient, connected: Connected, season: Season
) -> dict[str, Any]:
    return await place_order(client, connected, season)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from serve()


@dataclass
class Webhooks:
    app: FastAPI
    shop: Shop
    timeout: float = 2.0

    async def endpoint(self, url: str, *events: str) -> dict[str, Any]:
        created = await self.shop.post("/webhook-endpoints", {"url": url, "events": list(events)})
        assert created.status_code == 201, created.text
        return dict(created.json())

    async def deliver(self) -> int:
        """What a worker does now: fan events out, then post what is due."""
        settings = self.app.state.settings.model_copy(
            update={"webhook_timeout_seconds": self.timeout}
        )
        return await build_outbox_worker(settings, self.app.state.sessionmaker).drain()

    async def retries(self) -> list[OutboxMessage]:
        async with self.app.state.sessionmaker() as session:
            return list(
                await session.scalars(
                    select(OutboxMessage).where(
                        OutboxMessage.topic == DELIVERY_TOPIC,
                        OutboxMessage.status == OutboxStatus.pending,
                    )
                )
            )

    async def make_due(self) -> None:
        """Let the backoff pass."""
        async with self.app.state.sessionmaker() as session, session.begin():
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.pending)
                .values(available_at=utcnow())
            )

    async def log(self, endpoint: dict[str, Any]) -> list[dict[str, Any]]:
        response = await self.shop.get(f"/webhook-endpoints/{endpoint['id']}/deliveries")
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items


@pytest.fixture
def webhooks(app: FastAPI, shop: Shop) -> Webhooks:
    return Webhooks(app, shop)
