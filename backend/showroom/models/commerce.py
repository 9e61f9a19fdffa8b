"""A brand's commerce settings: transaction terms, tax rates, shipping rate groups."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from showroom.models.base import (
    Base,
    ExactDecimal,
    IdMixin,
    JSONType,
    TimestampMixin,
    str_enum,
)
from showroom.pricing import RateCondition, Rounding, TermKind


class TransactionTerm(IdMixin, TimestampMixin, Base):
    __tablename__ = "transaction_terms"
    __table_args__ = (UniqueConstraint("brand_id", "code"),)

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    kind: Mapped[TermKind] = mapped_column(str_enum(TermKind, "term_kind"))
    position: Mapped[int] = mapped_column(default=0)


class TaxRate(IdMixin, TimestampMixin, Base):
    __tablename__ = "tax_rates"
    __table_args__ = (
        Index(
            "uq_tax_rates_default",
            "brand_id",
            unique=True,
            postgresql_where=text("is_default"),
            sqlite_where=text("is_default"),
        ),
    )

    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    rate: Mapped[Decimal] = mapped_column(ExactDecimal())
    country: Mapped[str] = mapped_column(String(2))
    rounding: Mapped[Rounding] = mapped_column(str_enum(Rounding, "tax_rounding"))
    is_default: Mapped[bool] = mapped_column(default=False)


class ShippingRateGroup(IdMixin, TimestampMixin, Base):
    __tablename__ = "shipping_rate_groups"
    __table_args__ = (
        UniqueConstraint("brand_id", "code"),
        # The all-countries group is the currency's default: one per currency.
        Index(
            "uq_shipping_rate_groups_all_countries",
            "brand_id",
            "currency",
            unique=True,
            postgresql_where=text("country IS NULL"),
            sqlite_where=text("country IS NULL"),
        ),
    )

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    currency: Mapped[str] = mapped_column(String(3))
    country: Mapped[str | None] = mapped_column(String(2))  # None: all countries
    tax_rate_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tax_rates.id", ondelete="RESTRICT"), index=True
    )
    description: Mapped[str] = mapped_column(String(2000), default="")

    rates: Mapped[list[ShippingRate]] = relationship(
        lazy="raise",
        order_by="ShippingRate.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    tax_rate: Mapped[TaxRate | None] = relationship(lazy="raise")


class ShippingRate(IdMixin, Base):
    __tablename__ = "shipping_rates"

    group_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("shipping_rate_groups.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    amount: Mapped[int] = mapped_column(BigInteger)
    condition: Mapped[RateCondition] = mapped_column(str_enum(RateCondition, "shipping_condition"))
    threshold: Mapped[int | None] = mapped_column(BigInteger)
    min_quantity: Mapped[int | None]
    max_quantity: Mapped[int | None]
