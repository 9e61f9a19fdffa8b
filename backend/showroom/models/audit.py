"""The audit log of a brand's admin changes: who changed which link, terms, price, setting
or order status, and when (written by showroom/core/audit.py as changes are flushed)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from showroom.core.time import utcnow
from showroom.models.base import Base, IdMixin, JSONType


class AuditEvent(IdMixin, Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_brand_created", "brand_id", "created_at", "id"),
        Index("ix_audit_events_brand_entity", "brand_id", "entity", "entity_id"),
    )

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    # link | transaction_term | price | customer_terms | order | settings | tax_rate |
    # shipping_rate_group | member | product_import
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID]
    # What a reader recognises it by: the link's name, the order number, "TEE-01 · WSP · JPY".
    label: Mapped[str] = mapped_column(String(300), default="")
    action: Mapped[str] = mapped_column(String(16))  # created | changed | deleted
    # {field: [before, after]}, JSON values; secrets appear only as "changed".
    changes: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
