from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from showroom.core.validation import ResponseSchema, Schema

StripeId = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9_]{3,255}$")
]


class PaymentConfig(ResponseSchema):
    card_payments_available: bool = Field(description="This server can take card payments")
    publishable_key: str | None
    js_url: str | None = Field(description="Load Stripe.js from here")


class CardRead(ResponseSchema):
    id: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int


class CardSetup(ResponseSchema):
    """Give ``client_secret`` to Stripe.js ``confirmCardSetup``, then register the card."""

    setup_intent_id: str
    client_secret: str


class CardRegistration(Schema):
    payment_method_id: StripeId = Field(description="The PaymentMethod Stripe.js created")


class WebhookReceipt(ResponseSchema):
    received: bool
    duplicate: bool = Field(description="The event had been handled before")
