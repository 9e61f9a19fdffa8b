"""Outbound webhook events, emitted by the services where the change happens, in the change's
own transaction: one outbox message per event (the same INSERT as the change's e-mails), so an
event is never lost nor sent for a change that rolled back, and placing an order never waits
for — nor fails because of — an integrator's server. The worker fans each event out to the
brand's subscribed endpoints (``delivery.py``)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.outbox import enqueue
from showroom.core.time import utcnow
from showroom.integrations.schemas import EventType

EVENT_TOPIC = "webhooks.event"
# Bumped, with the old shape still sent to endpoints that asked for it, only when a payload
# changes incompatibly; fields are only ever added within a version.
PAYLOAD_VERSION = 1


def emit(
    session: AsyncSession, brand_id: uuid.UUID, event_type: EventType, data: dict[str, Any]
) -> None:
    """Record ``event_type`` with ``data`` (JSON-ready, as the brand's API answers it) as of
    now; delivered once the transaction commits."""
    enqueue(
        session,
        EVENT_TOPIC,
        {
            "id": str(uuid.uuid4()),
            "type": event_type.value,
            "version": PAYLOAD_VERSION,
            "created_at": utcnow().isoformat(),
            "brand_id": str(brand_id),
            "data": data,
        },
    )


def sku_stock(
    sku_id: uuid.UUID,
    code: str,
    product_id: uuid.UUID | None,
    stock_quantity: int,
    track_stock: bool,
    allow_backorder: bool,
) -> dict[str, Any]:
    return {
        "sku_id": str(sku_id),
        "code": code,
        "product_id": str(product_id) if product_id else None,
        "stock_quantity": stock_quantity,
        "track_stock": track_stock,
        "allow_backorder": allow_backorder,
    }


def emit_stock(
    session: AsyncSession, brand_id: uuid.UUID, reason: str, skus: list[dict[str, Any]]
) -> None:
    """``stock.changed``: why (``order.placed``, ``order.rejected``, ``order.returned_to_cart``,
    ``sku.updated``, ``skus.bulk``), and each SKU's stock after the change."""
    if skus:
        emit(session, brand_id, EventType.stock_changed, {"reason": reason, "skus": skus})
