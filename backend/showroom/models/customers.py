"""A brand's customers (connected buyer organizations or offline records) and the invitations
that connect them."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from showroom.core.time import utcnow
from showroom.models.base import Base, ExactDecimal, IdMixin, JSONType, TimestampMixin, str_enum
from showroom.models.buyers import BuyerKind
from showroom.pricing import BillingTerm


class CustomerKind(enum.StrEnum):
    connected = "connected"
    offline = "offline"


class Customer(IdMixin, TimestampMixin, Base):
    __tablename__ = "customers"
    __table_args__ = (
        UniqueConstraint("brand_id", "code"),
        # A buyer organization is one customer of a brand.
        Index(
            "uq_customers_brand_buyer",
            "brand_id",
            "buyer_organization_id",
            unique=True,
            postgresql_where=text("buyer_organization_id IS NOT NULL"),
            sqlite_where=text("buyer_organization_id IS NOT NULL"),
        ),
        Index("ix_customers_brand_updated", "brand_id", "updated_at", "id"),
    )

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    kind: Mapped[CustomerKind] = mapped_column(str_enum(CustomerKind, "customer_kind"))
    buyer_organization_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("buyer_organizations.id", ondelete="SET NULL"), index=True
    )
    buyer_type: Mapped[BuyerKind] = mapped_column(str_enum(BuyerKind, "customer_buyer_type"))
    company_name: Mapped[str] = mapped_column(String(200), default="")
    contact_name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    email: Mapped[str] = mapped_column(String(320), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    # The established terms (DOMAIN.md §4) for standard orders and Customer Order Links.
    language: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    transaction_term_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("transaction_terms.id", ondelete="RESTRICT"), index=True
    )
    condition: Mapped[Decimal] = mapped_column(ExactDecimal())
    billing_term: Mapped[BillingTerm] = mapped_column(str_enum(BillingTerm, "billing_term"))
    deposit_percent: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    apply_tax_to_price: Mapped[bool] = mapped_column(default=False)

    # Credentials used only to enter a Customer Order Link as this (offline) customer.
    link_login_email: Mapped[str | None] = mapped_column(String(320))
    link_password_hash: Mapped[str | None] = mapped_column(String(255))


class CustomerInvitation(IdMixin, Base):
    """A brand's invitation to trade: accepted by a buyer organization, which then becomes a
    connected customer with the terms the brand set here."""

    __tablename__ = "customer_invitations"

    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    # Set when an offline customer is invited: accepting connects that very record.
    customer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(320), index=True)
    language: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[dict[str, Any]] = mapped_column(JSONType)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    invited_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    expires_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[datetime | None]
    accepted_by_organization_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("buyer_organizations.id", ondelete="SET NULL")
    )
    revoked_at: Mapped[datetime | None]
