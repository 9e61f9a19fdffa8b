"""API keys and webhook endpoints as integrators and the brand admin read and write them."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from showroom.core.validation import HttpUrlText, ResponseSchema, Schema
from showroom.models import DeliveryStatus


class ApiScope(enum.StrEnum):
    """``<area>:read`` or ``<area>:write``; write also reads."""

    catalog_read = "catalog:read"
    catalog_write = "catalog:write"
    customers_read = "customers:read"
    customers_write = "customers:write"
    links_read = "links:read"
    links_write = "links:write"
    orders_read = "orders:read"
    orders_write = "orders:write"


class EventType(enum.StrEnum):
    order_placed = "order.placed"
    order_updated = "order.updated"
    order_status_changed = "order.status_changed"
    customer_connected = "customer.connected"
    link_updated = "link.updated"
    product_updated = "product.updated"
    stock_changed = "stock.changed"


KeyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class ApiKeyCreate(Schema):
    name: KeyName = Field(examples=["ERP (Business Central)"])
    scopes: list[ApiScope] = Field(
        min_length=1, max_length=8, examples=[["catalog:write", "orders:write"]]
    )


class ApiKeyRead(ResponseSchema):
    id: uuid.UUID
    name: str
    prefix: str = Field(description="The key's first characters, to tell keys apart")
    scopes: list[ApiScope]
    created_at: datetime
    last_used_at: datetime | None = Field(description="Updated at most once a minute")
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    secret: str = Field(
        description="The key itself, `sk_…`. Shown this once: only its hash is kept.",
        examples=["sk_4fJ2kq9VxYb7Rm3aT0pLwE8sNcHdUuZi1oGvXyQe5Bk"],
    )


class WebhookEndpointCreate(Schema):
    url: HttpUrlText = Field(examples=["https://erp.example.com/showroom/webhooks"])
    description: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    events: list[EventType] = Field(min_length=1, max_length=len(EventType))
    enabled: bool = True


class WebhookEndpointUpdate(Schema):
    url: HttpUrlText | None = None
    description: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = (
        None
    )
    events: list[EventType] | None = Field(default=None, min_length=1, max_length=len(EventType))
    enabled: bool | None = None


class WebhookEndpointRead(ResponseSchema):
    id: uuid.UUID
    url: str
    description: str
    events: list[EventType]
    enabled: bool
    secret_hint: str = Field(description="The signing secret's last characters")
    pending_deliveries: int = Field(description="Deliveries not yet accepted, being retried")
    created_at: datetime
    updated_at: datetime


class WebhookEndpointCreated(WebhookEndpointRead):
    secret: str = Field(
        description="The signing secret `whsec_…`, shown once (rotate it to get a new one)",
        examples=["whsec_Jt7mD1qXo0bN4lVe9cKz2sR8uHfYaP5gWiT3nE6jQy"],
    )


class WebhookAttemptRead(ResponseSchema):
    attempted_at: datetime
    status_code: int | None = Field(description="None: no answer (timeout, refused connection)")
    duration_ms: int
    error: str | None
    response_excerpt: str = Field(description="The first 500 characters of the answer")


class WebhookDeliveryRead(ResponseSchema):
    id: uuid.UUID
    event_id: uuid.UUID
    event_type: EventType
    status: DeliveryStatus = Field(
        description="`pending` (not yet accepted: retried with backoff for up to 3 days), "
        "`succeeded` (answered 2xx), `failed` (given up)"
    )
    attempt_count: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    replay_of_id: uuid.UUID | None
    created_at: datetime
    completed_at: datetime | None
    payload: dict[str, Any] = Field(description="The event as it is sent")
    attempts: list[WebhookAttemptRead]
