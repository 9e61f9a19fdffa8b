"""Carts (draft order lists): what the buyer sends and reads."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from showroom.core.validation import ResponseSchema, Schema
from showroom.storefront.schemas import ChoiceGroup, StockState

Quantity = Annotated[int, Field(ge=0, le=1_000_000)]
Note = Annotated[str, Field(max_length=2000)]


class OptionRowInput(Schema):
    """Part of a SKU's quantity with one value chosen per option group."""

    values: dict[Annotated[str, Field(max_length=32)], Annotated[str, Field(max_length=32)]] = (
        Field(max_length=20, description="Option group code → value code")
    )
    quantity: Quantity


class SkuQuantityInput(Schema):
    sku_id: uuid.UUID
    quantity: Quantity = Field(description="0 keeps the SKU as a placeholder")
    options: list[OptionRowInput] = Field(
        default_factory=list,
        max_length=50,
        description="When the product has option groups: rows adding up to `quantity`",
    )


class CartItemCreate(Schema):
    product_id: uuid.UUID
    skus: list[SkuQuantityInput] = Field(max_length=200)
    desired_delivery_date: date | None = Field(
        default=None, description="Only when the brand allows it; today or later"
    )
    note_to_buyer_company: Note = Field(default="", description="Internal; never shown to brands")
    message_to_brand: Note = ""


class CartItemUpdate(Schema):
    skus: list[SkuQuantityInput] | None = Field(
        default=None, max_length=200, description="Replaces every SKU quantity of the item"
    )
    desired_delivery_date: date | None = None
    note_to_buyer_company: Note | None = None
    message_to_brand: Note | None = None


class CartCreate(Schema):
    """Open (or find) the cart for a catalog: with a link grant for a guest, or as a user
    acting for ``buyer_organization_id`` on the standard route."""

    catalog_id: uuid.UUID
    buyer_organization_id: uuid.UUID | None = None
    currency: str | None = Field(
        default=None,
        max_length=3,
        description="One of the link's currencies (another one: the link's first)",
    )


class CartClaim(Schema):
    buyer_organization_id: uuid.UUID | None = Field(
        default=None,
        description="The organization taking the cart; omitted on a link for private orders: "
        "the user's personal buyer organization (created on first use)",
    )


class CartProblem(ResponseSchema):
    """Why (part of) the cart cannot be ordered as it is."""

    code: str
    message: str
    loc: list[str | int] = Field(description="Inside the item, e.g. ['skus', 0, 'quantity']")


class OptionRowRead(ResponseSchema):
    values: dict[str, str]
    labels: list[str] = Field(description="The chosen values' names, in option group order")
    quantity: int


class CartSkuRead(ResponseSchema):
    sku_id: uuid.UUID
    code: str
    label: str
    quantity: int
    unit_price: int | None = Field(description="Before tax; null: no price in this currency")
    display_price: int | None
    amount: int | None
    stock_state: StockState | None = Field(description="null: the SKU no longer exists")
    available_quantity: int | None
    options: list[OptionRowRead]


class CartItemRead(ResponseSchema):
    id: uuid.UUID
    product_id: uuid.UUID
    model_number: str
    name: str
    image_url: str | None
    option_groups: list[ChoiceGroup]
    skus: list[CartSkuRead]
    quantity: int
    amount: int
    desired_delivery_date: date | None
    note_to_buyer_company: str
    message_to_brand: str
    problems: list[CartProblem]
    created_at: datetime
    updated_at: datetime


class CartRead(ResponseSchema):
    id: uuid.UUID
    brand_id: uuid.UUID
    brand_name: str
    catalog_id: uuid.UUID
    catalog_name: str
    buyer_organization_id: uuid.UUID | None = Field(description="null: a link guest's cart")
    link_id: uuid.UUID | None
    currency: str
    tax_inclusive: bool = Field(description="display_price includes tax")
    order_deadline: datetime | None
    ordering_open: bool
    can_order: bool
    delivery_date_allowed: bool
    items: list[CartItemRead]
    total_quantity: int
    subtotal: int = Field(description="Σ line amounts before shipping and tax")
    problems: list[CartProblem] = Field(description="About the whole cart")
    created_at: datetime
    updated_at: datetime


class CartSummary(ResponseSchema):
    id: uuid.UUID
    brand_id: uuid.UUID
    brand_name: str
    catalog_id: uuid.UUID
    catalog_name: str
    buyer_organization_id: uuid.UUID | None
    link_id: uuid.UUID | None
    link_name: str | None = Field(description="The order link the cart was filled on, if any")
    currency: str
    order_deadline: datetime | None
    ordering_open: bool
    item_count: int = Field(description="Products in the cart")
    total_quantity: int = Field(description="SKU quantities added up")
    created_at: datetime
    updated_at: datetime
