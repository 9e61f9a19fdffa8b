"""What buyers and link visitors read: one resolved string per text, prices for their terms."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from showroom.core.validation import Email, ResponseSchema, Schema
from showroom.customers.schemas import TermsSummary
from showroom.links.schemas import ContactRead
from showroom.models import BackgroundType, BuyerKind, LinkKind
from showroom.products.schemas import ImageRead

LinkState = Literal[
    "available", "passcode_required", "login_required", "not_yet_released", "expired", "unavailable"
]
StockState = Literal["unlimited", "in_stock", "backorder", "sold_out"]


class StoreBrand(ResponseSchema):
    id: uuid.UUID
    name: str
    description: str
    logo_url: str | None
    main_visual_url: str | None
    website_url: str | None


class StoreCatalogCard(ResponseSchema):
    id: uuid.UUID
    name: str
    description: str
    release_at: datetime | None
    order_deadline: datetime | None
    ordering_open: bool = Field(description="False after the catalog's order deadline")
    main_visual_url: str | None


class Background(ResponseSchema):
    type: BackgroundType
    image_url: str | None
    video_url: str | None


class LookbookImageView(ResponseSchema):
    url: str
    thumbnail_url: str
    product_ids: list[uuid.UUID]


class StoreLookbook(ResponseSchema):
    id: uuid.UUID
    name: str
    images: list[LookbookImageView]


class CustomerBadge(ResponseSchema):
    """Who a Customer Order Link visitor is shopping as."""

    id: uuid.UUID
    code: str
    company_name: str
    contact_name: str
    buyer_organization_id: uuid.UUID | None


class LinkGrant(ResponseSchema):
    grant: str = Field(description="Send as the `X-Link-Grant` header while on this link")
    expires_at: datetime
    customer: CustomerBadge | None = None


class LinkLanding(ResponseSchema):
    """An order link as its visitor first sees it. Catalogs, lookbooks, video and terms are
    given only when ``state`` is ``available``."""

    state: LinkState
    kind: LinkKind
    name: str
    description: str
    brand: StoreBrand
    background: Background
    contacts: list[ContactRead]
    release_at: datetime | None
    expires_at: datetime | None
    languages: list[str]
    currencies: list[str]
    target_buyer_type: BuyerKind
    use_as_catalog: bool
    require_address: bool
    video_url: str | None
    terms: TermsSummary | None = Field(description="When the link displays its terms")
    catalogs: list[StoreCatalogCard]
    lookbooks: list[StoreLookbook]
    grant: LinkGrant | None = Field(
        description="A fresh grant when the link needs no passcode or login and none was sent"
    )
    customer: CustomerBadge | None = Field(description="The customer a grant is for")


class LinkAccess(Schema):
    """Open a link: its passcode; or, on a Customer Order Link, the buyer organization the
    logged-in user acts for, or an offline customer's link e-mail and password."""

    passcode: Annotated[str, Field(max_length=200)] | None = None
    buyer_organization_id: uuid.UUID | None = None
    email: Email | None = None
    password: Annotated[str, Field(max_length=256)] | None = None


class Category(ResponseSchema):
    id: uuid.UUID
    name: str


class PricingView(ResponseSchema):
    """The terms the prices are computed for."""

    currency: str
    currencies: list[str] = Field(description="Currencies the visitor may switch to")
    language: str
    languages: list[str] = Field(description="Languages the visitor may switch to")
    tax_inclusive: bool = Field(description="Unit prices include tax (apply tax to price)")
    shows_rrp: bool = Field(description="The term is WSP: the RRP is shown beside the price")
    terms: TermsSummary | None = Field(description="When the terms are displayed to the buyer")


class StoreCatalog(ResponseSchema):
    id: uuid.UUID
    brand: StoreBrand
    name: str
    description: str
    release_at: datetime | None
    order_deadline: datetime | None
    ordering_open: bool = Field(description="False after the order deadline")
    can_order: bool = Field(description="A cart is offered: ordering open, not a browse-only link")
    main_visual_url: str | None
    video_url: str | None
    delivery_date_allowed: bool
    lookbooks: list[StoreLookbook]
    categories: list[Category]
    pricing: PricingView


class Choice(ResponseSchema):
    code: str
    name: str


class ChoiceGroup(ResponseSchema):
    code: str
    name: str
    values: list[Choice]


class StoreSku(ResponseSchema):
    id: uuid.UUID
    code: str
    values: dict[str, str] = Field(description="Property code → value code")
    label: str = Field(description="Its values' names, e.g. “Indigo / M”")
    unit_price: int | None = Field(description="For the terms, before tax; null: no price")
    display_price: int | None = Field(description="As shown: with tax when tax-inclusive")
    rrp: int | None
    stock_state: StockState
    available_quantity: int | None = Field(
        description="The most that can be ordered now; null: no limit"
    )


class StoreProduct(ResponseSchema):
    id: uuid.UUID
    model_number: str
    name: str
    description: str
    category: Category | None
    images: list[ImageRead]
    properties: list[ChoiceGroup]
    option_groups: list[ChoiceGroup]
    currency: str
    price_from: int | None = Field(description="The lowest SKU display price")
    rrp_from: int | None
    skus: list[StoreSku]
