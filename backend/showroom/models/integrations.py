"""Integrator credentials and outbound webhooks: brand API keys with their request counters,
webhook endpoints, and the delivery log (one delivery per event and endpoint, each with its
attempts)."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from showroom.core.time import utcnow
from showroom.models.base import Base, IdMixin, JSONType, TimestampMixin, str_enum


class ApiKey(IdMixin, Base):
    """A brand's integrator credential ``sk_…``. Only its SHA-256 is kept; ``prefix`` (the
    key's first characters) finds the row and tells keys apart in lists."""

    __tablename__ = "api_keys"

    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    # e.g. ["catalog:read", "orders:write"]
    scopes: Mapped[list[str]] = mapped_column(JSONType, default=list)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class ApiKeyWindow(Base):
    """Requests made with a key in one fixed rate-limit window, counted by one atomic upsert."""

    __tablename__ = "api_key_windows"

    api_key_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("api_keys.id", ondelete="CASCADE"), primary_key=True
    )
    window_start: Mapped[datetime] = mapped_column(primary_key=True, index=True)
    count: Mapped[int] = mapped_column(default=0)


class WebhookEndpoint(IdMixin, TimestampMixin, Base):
    __tablename__ = "webhook_endpoints"

    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(200), default="")
    # Event types sent to this endpoint, e.g. ["order.placed", "stock.changed"].
    events: Mapped[list[str]] = mapped_column(JSONType, default=list)
    enabled: Mapped[bool] = mapped_column(default=True)
    # Kept as it is, not hashed: every delivery is signed with it (HMAC-SHA256).
    secret: Mapped[str] = mapped_column(String(100))


class DeliveryStatus(enum.StrEnum):
    pending = "pending"  # not yet sent, or failed and to be retried
    succeeded = "succeeded"
    failed = "failed"  # gave up (retries exhausted, or the endpoint was disabled)


class WebhookDelivery(IdMixin, Base):
    """One event sent to one endpoint; a replay is a new delivery of the same event."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        Index("ix_webhook_deliveries_endpoint_created", "endpoint_id", "created_at", "id"),
    )

    endpoint_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[uuid.UUID] = mapped_column(index=True)
    event_type: Mapped[str] = mapped_column(String(64))
    # The event as it is sent (the envelope with its data), frozen when the change happened.
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    status: Mapped[DeliveryStatus] = mapped_column(
        str_enum(DeliveryStatus, "webhook_delivery_status"), default=DeliveryStatus.pending
    )
    attempt_count: Mapped[int] = mapped_column(default=0)
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime | None]
    replay_of_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]

    endpoint: Mapped[WebhookEndpoint] = relationship(lazy="raise")
    attempts: Mapped[list[WebhookAttempt]] = relationship(
        lazy="raise", order_by="WebhookAttempt.attempted_at", passive_deletes=True
    )


class WebhookAttempt(IdMixin, Base):
    """One HTTP request of a delivery: what the endpoint answered, and how fast."""

    __tablename__ = "webhook_attempts"

    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True
    )
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_code: Mapped[int | None]
    duration_ms: Mapped[int]
    error: Mapped[str | None] = mapped_column(String(500))
    response_excerpt: Mapped[str] = mapped_column(Text, default="")
