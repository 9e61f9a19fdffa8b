"""Buyer organizations, their members and their address book."""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from showroom.models.base import Base, IdMixin, JSONType, TimestampMixin, str_enum


class BuyerKind(enum.StrEnum):
    organization = "organization"
    personal = "personal"


class BuyerRole(enum.StrEnum):
    owner = "owner"
    member = "member"


class AddressKind(enum.StrEnum):
    billing = "billing"
    delivery = "delivery"


class BuyerOrganization(IdMixin, TimestampMixin, Base):
    __tablename__ = "buyer_organizations"

    kind: Mapped[BuyerKind] = mapped_column(str_enum(BuyerKind, "buyer_kind"))
    languages: Mapped[list[str]] = mapped_column(JSONType)
    default_language: Mapped[str] = mapped_column(String(16))
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    representative: Mapped[dict[str, str]] = mapped_column(JSONType)
    emails: Mapped[list[str]] = mapped_column(JSONType)
    recipients: Mapped[list[str]] = mapped_column(JSONType)
    country: Mapped[str] = mapped_column(String(2))
    phone: Mapped[str] = mapped_column(String(32))
    contact_email: Mapped[str] = mapped_column(String(320))
    # The organization's customer at the card processor, created with its first card.
    stripe_customer_id: Mapped[str | None] = mapped_column(String(255), unique=True)


class BuyerMember(IdMixin, TimestampMixin, Base):
    __tablename__ = "buyer_members"
    __table_args__ = (
        UniqueConstraint("buyer_organization_id", "user_id"),
        # Exactly one primary owner per organization.
        Index(
            "uq_buyer_members_primary_owner",
            "buyer_organization_id",
            unique=True,
            postgresql_where=text("is_primary_owner"),
            sqlite_where=text("is_primary_owner"),
        ),
    )

    buyer_organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("buyer_organizations.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[BuyerRole] = mapped_column(str_enum(BuyerRole, "buyer_role"))
    is_primary_owner: Mapped[bool] = mapped_column(default=False)


class Address(IdMixin, TimestampMixin, Base):
    __tablename__ = "buyer_addresses"
    __table_args__ = (
        # At most one default address per kind.
        Index(
            "uq_buyer_addresses_default",
            "buyer_organization_id",
            "kind",
            unique=True,
            postgresql_where=text("is_default"),
            sqlite_where=text("is_default"),
        ),
    )

    buyer_organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("buyer_organizations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[AddressKind] = mapped_column(str_enum(AddressKind, "address_kind"))
    recipient: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str] = mapped_column(String(32))
    country: Mapped[str] = mapped_column(String(2))
    state: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(200))
    line1: Mapped[str] = mapped_column(String(300))
    line2: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(32))
    is_default: Mapped[bool] = mapped_column(default=False)
