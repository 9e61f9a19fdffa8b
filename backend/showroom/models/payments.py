"""Card payments of orders and the processor's events we have handled."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from showroom.core.time import utcnow
from showroom.models.base import Base, IdMixin, TimestampMixin, str_enum


class PaymentStatus(enum.StrEnum):
    authorized = "authorized"  # held on the card until the brand confirms
    captured = "captured"
    canceled = "canceled"  # the hold was released (order rejected or returned)
    refunded = "refunded"
    failed = "failed"


class Payment(IdMixin, TimestampMixin, Base):
    __tablename__ = "payments"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), unique=True
    )
    intent_id: Mapped[str] = mapped_column(String(255), unique=True)
    status: Mapped[PaymentStatus] = mapped_column(str_enum(PaymentStatus, "payment_status"))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    card_brand: Mapped[str] = mapped_column(String(32), default="")
    card_last4: Mapped[str] = mapped_column(String(4), default="")


class StripeEvent(Base):
    """A webhook event once handled: Stripe may deliver the same event more than once."""

    __tablename__ = "stripe_events"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
