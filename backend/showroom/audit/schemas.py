from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from showroom.core.validation import ResponseSchema

AuditEntity = Literal[
    "link",
    "transaction_term",
    "price",
    "customer_terms",
    "order",
    "settings",
    "tax_rate",
    "shipping_rate_group",
    "member",
    "product_import",  # one entry per applied file, not per price it wrote
]


class AuditEventRead(ResponseSchema):
    id: uuid.UUID
    created_at: datetime
    actor_id: uuid.UUID | None = Field(description="None once the member's account is gone")
    actor_name: str
    entity: AuditEntity
    entity_id: uuid.UUID
    label: str = Field(
        description="What the changed thing is called: a link's name, an order number…"
    )
    action: Literal["created", "changed", "deleted"]
    changes: dict[str, list[Any]] = Field(
        description="Each changed field as [before, after]; secrets show only that they changed"
    )
