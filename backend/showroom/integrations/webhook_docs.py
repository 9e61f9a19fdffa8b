"""The outbound webhooks in the OpenAPI document (its ``webhooks`` section): one entry per
event type with the exact envelope and ``data`` a receiver gets. Documentation only: the
worker sends them (``delivery.py``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Header
from pydantic import BaseModel, Field

from showroom.customers.schemas import CustomerRead
from showroom.links.schemas import LinkRead
from showroom.orders.schemas import OrderRead
from showroom.products.schemas import ProductRead

webhooks = APIRouter(tags=["webhooks"])


class Envelope(BaseModel):
    id: uuid.UUID = Field(description="The event's id: the same on retries and replays")
    version: Literal[1] = Field(description="Payload version; fields are only added within one")
    created_at: datetime = Field(description="When the change happened")
    brand_id: uuid.UUID


class OrderStatusChange(BaseModel):
    previous_status: str
    status: str
    order: OrderRead


class SkuStock(BaseModel):
    sku_id: uuid.UUID
    code: str
    product_id: uuid.UUID | None
    stock_quantity: int
    track_stock: bool
    allow_backorder: bool


class StockChange(BaseModel):
    reason: Literal[
        "order.placed", "order.rejected", "order.returned_to_cart", "sku.updated", "skus.bulk"
    ]
    skus: list[SkuStock] = Field(description="Each tracked SKU's stock after the change")


class OrderPlacedEvent(Envelope):
    type: Literal["order.placed"]
    data: OrderRead


class OrderUpdatedEvent(Envelope):
    type: Literal["order.updated"]
    data: OrderRead


class OrderStatusChangedEvent(Envelope):
    type: Literal["order.status_changed"]
    data: OrderStatusChange


class CustomerConnectedEvent(Envelope):
    type: Literal["customer.connected"]
    data: CustomerRead


class LinkUpdatedEvent(Envelope):
    type: Literal["link.updated"]
    data: LinkRead


class ProductUpdatedEvent(Envelope):
    type: Literal["product.updated"]
    data: ProductRead


class StockChangedEvent(Envelope):
    type: Literal["stock.changed"]
    data: StockChange


SIGNATURE = Header(
    alias="Showroom-Signature",
    description='`t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint\'s '
    "secret>`; see docs/integrating.md for the verification recipe",
    examples=["t=1764806400,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"],
)
EVENT_ID = Header(alias="Showroom-Event-Id", description="The event's id (deduplicate on it)")
ACCEPTED: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Any 2xx answer: delivered. Anything else, or no answer within the "
        "timeout (5 s): retried after 1 min, 2 min, 4 min … at most 6 h apart, for 3 days."
    }
}


EVENTS: list[tuple[str, type[Envelope], str]] = [
    ("order.placed", OrderPlacedEvent, "An order was placed (the brand's view of it)"),
    ("order.updated", OrderUpdatedEvent, "An order changed after placement (status included)"),
    ("order.status_changed", OrderStatusChangedEvent, "An order's status changed"),
    ("customer.connected", CustomerConnectedEvent, "A buyer accepted an invitation"),
    ("link.updated", LinkUpdatedEvent, "An order link changed (status, URL, passcode, fields)"),
    ("product.updated", ProductUpdatedEvent, "A product or one of its SKUs changed"),
    ("stock.changed", StockChangedEvent, "Stock of tracked SKUs changed"),
]


def event_schemas() -> dict[str, Any]:
    """The events' JSON schemas as they are sent (serialization mode, like the API's
    answers, so ``OrderRead`` is the one schema the responses use too)."""
    found: dict[str, Any] = {}
    for _, model, _ in EVENTS:
        schema = model.model_json_schema(
            mode="serialization", ref_template="#/components/schemas/{model}"
        )
        found.update(schema.pop("$defs", {}))
        found[model.__name__] = schema
    return found


def _document(event_type: str, model: type[Envelope], summary: str) -> None:
    async def receive(
        signature: str = SIGNATURE, event_id: str = EVENT_ID
    ) -> None:  # pragma: no cover — never served
        return None

    receive.__name__ = event_type.replace(".", "_")
    webhooks.post(
        event_type,
        summary=summary,
        responses=ACCEPTED,
        operation_id=f"webhooks_{receive.__name__}",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"$ref": f"#/components/schemas/{model.__name__}"}
                    }
                },
            }
        },
    )(receive)


for _type, _model, _summary in EVENTS:
    _document(_type, _model, _summary)
