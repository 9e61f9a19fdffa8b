from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from showroom.core.validation import (
    CountryCode,
    CurrencyCode,
    Email,
    LocalizedText,
    ResponseSchema,
    Schema,
    ShortCode,
)
from showroom.models import CommentMode
from showroom.pricing import RateCondition, Rounding, TermKind

Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=7, decimal_places=3)]
Amount = Annotated[int, Field(ge=0, le=10**13, description="Minor units of the currency")]


# --- settings ------------------------------------------------------------------------------


class BrandSettingsRead(ResponseSchema):
    languages: list[str]
    default_language: str
    currencies: list[str]
    default_currency: str
    card_payments_enabled: bool
    card_payments_available: bool = Field(
        description="Whether the platform has card payments configured at all"
    )
    offline_payment_accepted: bool = Field(description='"Not Use Credit Card" is accepted')
    comment_mode: CommentMode
    comment_presets: list[dict[str, str]]
    delivery_date_allowed: bool
    notification_emails: list[str]


class BrandSettingsUpdate(Schema):
    currencies: list[CurrencyCode] | None = Field(default=None, min_length=1, max_length=10)
    default_currency: CurrencyCode | None = None
    card_payments_enabled: bool | None = None
    offline_payment_accepted: bool | None = None
    comment_mode: CommentMode | None = None
    comment_presets: list[LocalizedText] | None = Field(default=None, max_length=20)
    delivery_date_allowed: bool | None = None
    notification_emails: list[Email] | None = Field(default=None, max_length=5)


# --- transaction terms ---------------------------------------------------------------------


class TransactionTermCreate(Schema):
    code: ShortCode = Field(examples=["WSP"])
    name: LocalizedText
    kind: TermKind
    position: int = Field(default=0, ge=0, le=1000)


class TransactionTermUpdate(Schema):
    code: ShortCode | None = None
    name: LocalizedText | None = None
    position: int | None = Field(default=None, ge=0, le=1000)


class TransactionTermRead(ResponseSchema):
    id: uuid.UUID
    code: str
    name: dict[str, str]
    kind: TermKind
    position: int
    created_at: datetime
    updated_at: datetime


# --- tax rates -----------------------------------------------------------------------------


class TaxRateCreate(Schema):
    name: LocalizedText
    rate: Percent = Field(examples=["10"])
    country: CountryCode
    rounding: Rounding = Rounding.half_up
    is_default: bool = False


class TaxRateUpdate(Schema):
    name: LocalizedText | None = None
    rate: Percent | None = None
    country: CountryCode | None = None
    rounding: Rounding | None = None
    is_default: bool | None = None


class TaxRateRead(ResponseSchema):
    id: uuid.UUID
    name: dict[str, str]
    rate: Decimal
    country: str
    rounding: Rounding
    is_default: bool
    in_use: bool = Field(
        description="Used by a product or shipping group: rate and country are fixed"
    )
    created_at: datetime
    updated_at: datetime


# --- shipping ------------------------------------------------------------------------------


class ShippingRateIn(Schema):
    amount: Amount
    condition: RateCondition = RateCondition.always
    threshold: Amount | None = Field(default=None, description="For subtotal conditions")
    min_quantity: int | None = Field(default=None, ge=0, le=10**9)
    max_quantity: int | None = Field(default=None, ge=0, le=10**9)


class ShippingRateRead(ResponseSchema):
    id: uuid.UUID
    position: int
    amount: int
    condition: RateCondition
    threshold: int | None
    min_quantity: int | None
    max_quantity: int | None


class ShippingRateGroupCreate(Schema):
    code: ShortCode
    name: LocalizedText
    currency: CurrencyCode
    country: CountryCode | None = Field(default=None, description="None: all countries")
    tax_rate_id: uuid.UUID | None = None
    description: Annotated[str, Field(max_length=2000)] = ""
    rates: list[ShippingRateIn] = Field(default_factory=list, max_length=50)


class ShippingRateGroupUpdate(Schema):
    """Currency is fixed at creation. ``rates`` replaces the whole ordered list; ``null``
    clears ``country`` (all countries) or ``tax_rate_id`` (untaxed)."""

    code: ShortCode | None = None
    name: LocalizedText | None = None
    country: CountryCode | None = None
    tax_rate_id: uuid.UUID | None = None
    description: Annotated[str, Field(max_length=2000)] | None = None
    rates: list[ShippingRateIn] | None = Field(default=None, max_length=50)


class ShippingRateGroupRead(ResponseSchema):
    id: uuid.UUID
    code: str
    name: dict[str, str]
    currency: str
    country: str | None
    tax_rate_id: uuid.UUID | None
    description: str
    rates: list[ShippingRateRead]
    created_at: datetime
    updated_at: datetime


# --- categories ----------------------------------------------------------------------------


class CategoryCreate(Schema):
    code: ShortCode
    name: LocalizedText
    position: int = Field(default=0, ge=0, le=10000)


class CategoryUpdate(Schema):
    code: ShortCode | None = None
    name: LocalizedText | None = None
    position: int | None = Field(default=None, ge=0, le=10000)


class CategoryRead(ResponseSchema):
    id: uuid.UUID
    code: str
    name: dict[str, str]
    position: int
    created_at: datetime
    updated_at: datetime
