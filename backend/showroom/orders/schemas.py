"""Checkout, preview and orders as buyers and brands read them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from showroom.buyers.schemas import AddressRead
from showroom.carts.schemas import OptionRowRead
from showroom.core.validation import ResponseSchema, Schema
from showroom.customers.schemas import TermsSummary
from showroom.models import CommentMode, OrderStatus, PaymentStatus
from showroom.payments.schemas import StripeId

PaymentMethod = Literal["offline", "card"]


class OrderForm(Schema):
    """The order form (DOMAIN.md §6 step 5); the same body previews and places."""

    comment: Annotated[str, Field(max_length=2000)] = Field(
        default="", description="Free text, or one of the brand's presets (any language)"
    )
    payment_method: PaymentMethod = Field(
        default="offline", description="`offline`: “Not Use Credit Card”"
    )
    billing_address_id: uuid.UUID | None = None
    delivery_address_id: uuid.UUID | None = Field(
        default=None, description="Decides tax and shipping; default: the organization's country"
    )
    payment_method_id: StripeId | None = Field(
        default=None, description="`card`: one of the organization's saved cards"
    )
    payment_intent_id: StripeId | None = Field(
        default=None,
        description="`card`, after 3-D Secure: the intent from the `payment.requires_action` "
        "problem, once the buyer has confirmed it",
    )


class PaymentChoice(ResponseSchema):
    code: PaymentMethod
    label: str


class CommentSettings(ResponseSchema):
    mode: CommentMode
    presets: list[str] = Field(description="In the shopper's language")


class TaxLineRead(ResponseSchema):
    tax_rate_id: uuid.UUID | None
    name: str
    rate: Decimal
    taxable_amount: int
    tax_amount: int


class OrderAmounts(ResponseSchema):
    currency: str
    total_quantity: int
    subtotal: int
    shipping_amount: int
    tax_lines: list[TaxLineRead]
    tax_total: int
    total: int
    deposit: int = Field(description="0 without a deposit")
    balance: int


class AddressSnapshot(ResponseSchema):
    recipient: str
    postal_code: str
    country: str
    state: str
    city: str
    line1: str
    line2: str
    phone: str


class BuyerSnapshot(ResponseSchema):
    id: uuid.UUID
    kind: str
    name: str
    representative: str
    email: str = Field(description="The e-mail disclosed to brands")
    country: str
    phone: str
    contact_email: str
    customer_code: str | None


class OrderLineRead(ResponseSchema):
    product_id: uuid.UUID | None
    sku_id: uuid.UUID | None
    model_number: str
    product_name: str
    sku_code: str
    sku_label: str
    quantity: int
    backordered_quantity: int = Field(description="Ordered beyond the stock (backorder)")
    unit_price: int
    amount: int
    options: list[OptionRowRead]
    desired_delivery_date: date | None
    message_to_brand: str


class BuyerOrderLineRead(OrderLineRead):
    note_to_buyer_company: str = Field(description="The buyer's internal note")


class CheckoutRead(ResponseSchema):
    """What the order form needs."""

    cart_id: uuid.UUID
    buyer: BuyerSnapshot
    comment: CommentSettings
    payment_methods: list[PaymentChoice]
    card_step: bool = Field(description="Show the payment step (card payment available)")
    billing_addresses: list[AddressRead]
    delivery_addresses: list[AddressRead]
    default_billing_address_id: uuid.UUID | None
    default_delivery_address_id: uuid.UUID | None
    require_address: bool
    amounts: OrderAmounts = Field(description="For the default delivery address")
    terms: TermsSummary | None


class OrderPreview(ResponseSchema):
    """Order summary, transaction details and order details, as they will be placed."""

    amounts: OrderAmounts
    buyer: BuyerSnapshot
    billing_address: AddressSnapshot | None
    delivery_address: AddressSnapshot | None
    terms: TermsSummary | None = Field(description="When the terms are displayed to the buyer")
    payment_method: PaymentMethod
    card: CardSummary | None = Field(description="The card to be charged")
    card_amount: int | None = Field(
        description="What the card will be charged: the deposit with deposit terms, else the total"
    )
    comment: str
    brand_name: str
    catalog_name: str
    lines: list[BuyerOrderLineRead]


class CardSummary(ResponseSchema):
    brand: str
    last4: str


class PaymentRead(ResponseSchema):
    status: PaymentStatus = Field(
        description="`authorized` (held) → `captured` on confirmation; `canceled` or `refunded` "
        "when the order is rejected or returned"
    )
    amount: int = Field(description="Held on the card: the deposit with deposit terms, else all")
    currency: str
    card: CardSummary


class OrderEventRead(ResponseSchema):
    status: OrderStatus
    actor_side: str
    actor_name: str
    note: str
    created_at: datetime


class OrderRead(ResponseSchema):
    """An order as its brand sees it: never the buyer's internal notes."""

    id: uuid.UUID
    number: str
    status: OrderStatus
    brand_id: uuid.UUID
    brand_name: str
    buyer_organization_id: uuid.UUID
    catalog_id: uuid.UUID | None
    catalog_name: str
    link_id: uuid.UUID | None
    customer_id: uuid.UUID | None
    payment_method: str
    payment: PaymentRead | None = Field(description="Card payments only")
    comment: str
    terms: TermsSummary | None
    buyer: BuyerSnapshot
    billing_address: AddressSnapshot | None
    delivery_address: AddressSnapshot | None
    amounts: OrderAmounts
    lines: list[OrderLineRead]
    events: list[OrderEventRead]
    created_at: datetime = Field(description="When it was placed")
    updated_at: datetime
    acknowledged_at: datetime | None = Field(
        default=None, description="When an integrator acknowledged it after an export"
    )


class BuyerOrderRead(OrderRead):
    """An order as the buyer sees it, with its internal notes."""

    lines: list[BuyerOrderLineRead]  # type: ignore[assignment]


class OrderListItem(ResponseSchema):
    id: uuid.UUID
    number: str
    status: OrderStatus
    brand_id: uuid.UUID
    brand_name: str
    buyer_organization_id: uuid.UUID
    buyer_name: str
    catalog_id: uuid.UUID | None
    catalog_name: str
    link_id: uuid.UUID | None
    payment_method: str
    currency: str
    total_quantity: int
    total: int
    created_at: datetime
    updated_at: datetime


class OrderTransition(Schema):
    note: Annotated[str, Field(max_length=2000)] = Field(
        default="", description="Told to the buyer in the e-mail"
    )


class OrderAcknowledge(Schema):
    order_ids: list[uuid.UUID] = Field(
        min_length=1,
        max_length=100,
        description="Orders of the last export now safely stored on your side",
        examples=[["3f1c1f7e-8a52-4c2e-9d53-5b7f6a0c2e11", "a4b0e9d2-6c3f-4f4e-8f1a-2d9b7c5e8a03"]],
    )


class AcknowledgedOrder(ResponseSchema):
    id: uuid.UUID
    number: str
    acknowledged_at: datetime = Field(description="The first acknowledgement's time")


class OrderAcknowledgement(ResponseSchema):
    items: list[AcknowledgedOrder] = Field(description="In the order of the request")
