from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from showroom.core.validation import (
    HttpUrlText,
    LocalizedText,
    ResponseSchema,
    Schema,
    ShortCode,
    UtcDateTime,
)
from showroom.models import CatalogStatus, LookbookStatus

PaymentMethod = Literal["card", "offline"]


def _offline_only() -> list[PaymentMethod]:
    return ["offline"]


class CatalogFields(Schema):
    name: LocalizedText
    description: LocalizedText = Field(default_factory=dict)
    status: CatalogStatus = CatalogStatus.closed
    release_at: UtcDateTime | None = Field(default=None, description="Nothing is visible before")
    order_deadline: UtcDateTime | None = Field(
        default=None, description="Visible after, but nothing can be ordered"
    )
    main_visual_id: uuid.UUID | None = None
    video_url: HttpUrlText | None = None
    shipping_rate_group_id: uuid.UUID | None = None
    payment_methods: list[PaymentMethod] = Field(
        default_factory=_offline_only, min_length=1, max_length=2
    )
    lookbook_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)


class CatalogCreate(CatalogFields):
    code: ShortCode = Field(examples=["SS27"])
    product_ids: list[uuid.UUID] = Field(default_factory=list, max_length=5000)


class CatalogUpdate(Schema):
    """Any subset; ``null`` clears an optional field."""

    code: ShortCode | None = None
    name: LocalizedText | None = None
    description: LocalizedText | None = None
    status: CatalogStatus | None = None
    release_at: UtcDateTime | None = None
    order_deadline: UtcDateTime | None = None
    main_visual_id: uuid.UUID | None = None
    video_url: HttpUrlText | None = None
    shipping_rate_group_id: uuid.UUID | None = None
    payment_methods: list[PaymentMethod] | None = Field(default=None, min_length=1, max_length=2)
    lookbook_ids: list[uuid.UUID] | None = Field(default=None, max_length=20)


class CatalogRead(ResponseSchema):
    id: uuid.UUID
    code: str
    name: dict[str, str]
    description: dict[str, str]
    status: CatalogStatus
    release_at: datetime | None
    order_deadline: datetime | None
    main_visual_id: uuid.UUID | None
    video_url: str | None
    shipping_rate_group_id: uuid.UUID | None
    payment_methods: list[str]
    lookbook_ids: list[uuid.UUID]
    product_count: int
    created_at: datetime
    updated_at: datetime


class CatalogProductsUpdate(Schema):
    product_ids: list[uuid.UUID] = Field(max_length=5000, description="The whole list, in order")


class CatalogProductsRead(ResponseSchema):
    product_ids: list[uuid.UUID]


class AccessGrantsUpdate(Schema):
    customer_ids: list[uuid.UUID] = Field(max_length=10000, description="Everyone granted")


class AccessGrantsRead(ResponseSchema):
    customer_ids: list[uuid.UUID]


class LookbookImage(Schema):
    media_id: uuid.UUID
    product_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)


class LookbookCreate(Schema):
    name: LocalizedText
    status: LookbookStatus = LookbookStatus.draft
    images: Annotated[list[LookbookImage], Field(min_length=1, max_length=100)]


class LookbookUpdate(Schema):
    name: LocalizedText | None = None
    status: LookbookStatus | None = None
    images: list[LookbookImage] | None = Field(default=None, min_length=1, max_length=100)


class LookbookImageRead(ResponseSchema):
    media_id: uuid.UUID
    url: str
    thumbnail_url: str
    product_ids: list[uuid.UUID]


class LookbookRead(ResponseSchema):
    id: uuid.UUID
    name: dict[str, str]
    status: LookbookStatus
    images: list[LookbookImageRead]
    created_at: datetime
    updated_at: datetime
