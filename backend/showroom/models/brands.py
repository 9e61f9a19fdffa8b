"""Brands (seller tenants) and their members."""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from showroom.models.base import Base, IdMixin, JSONType, TimestampMixin, str_enum


class CommentMode(enum.StrEnum):
    free_text = "free_text"
    presets = "presets"
    off = "off"


class BrandStatus(enum.StrEnum):
    active = "active"
    inactive = "inactive"


class BrandRole(enum.StrEnum):
    owner = "owner"
    admin = "admin"
    staff = "staff"


class Brand(IdMixin, TimestampMixin, Base):
    __tablename__ = "brands"

    languages: Mapped[list[str]] = mapped_column(JSONType)
    default_language: Mapped[str] = mapped_column(String(16))
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    description: Mapped[dict[str, str]] = mapped_column(JSONType)
    status: Mapped[BrandStatus] = mapped_column(str_enum(BrandStatus, "brand_status"))
    country: Mapped[str] = mapped_column(String(2))
    video_url: Mapped[str | None] = mapped_column(String(2000))
    website_url: Mapped[str | None] = mapped_column(String(2000))
    # use_alter: media rows belong to a brand, and a brand points at two of them.
    logo_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("media.id", ondelete="SET NULL", use_alter=True)
    )
    main_visual_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("media.id", ondelete="SET NULL", use_alter=True)
    )

    # Commerce settings (DOMAIN.md §3)
    currencies: Mapped[list[str]] = mapped_column(JSONType, default=list)
    default_currency: Mapped[str] = mapped_column(String(3))
    card_payments_enabled: Mapped[bool] = mapped_column(default=False)
    offline_payment_accepted: Mapped[bool] = mapped_column(default=True)
    comment_mode: Mapped[CommentMode] = mapped_column(
        str_enum(CommentMode, "comment_mode"), default=CommentMode.free_text
    )
    comment_presets: Mapped[list[dict[str, str]]] = mapped_column(JSONType, default=list)
    delivery_date_allowed: Mapped[bool] = mapped_column(default=False)
    notification_emails: Mapped[list[str]] = mapped_column(JSONType, default=list)


class BrandMember(IdMixin, TimestampMixin, Base):
    __tablename__ = "brand_members"
    __table_args__ = (UniqueConstraint("brand_id", "user_id"),)

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[BrandRole] = mapped_column(str_enum(BrandRole, "brand_role"))
