"""Order links (DOMAIN.md §5): Instant Order Links, Dynamic Brand Links, Customer Order Links."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from showroom.models.base import Base, ExactDecimal, IdMixin, JSONType, TimestampMixin, str_enum
from showroom.models.buyers import BuyerKind
from showroom.pricing import BillingTerm


class LinkKind(enum.StrEnum):
    instant = "instant"
    dynamic = "dynamic"
    customer = "customer"


class LinkStatus(enum.StrEnum):
    open = "open"
    void = "void"  # reversible
    deleted = "deleted"  # final: the link answers 404 from then on


class BackgroundType(enum.StrEnum):
    empty = "empty"
    image = "image"
    video = "video"


class OrderLink(IdMixin, TimestampMixin, Base):
    __tablename__ = "order_links"
    __table_args__ = (Index("ix_order_links_brand_kind", "brand_id", "kind", "created_at", "id"),)

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    kind: Mapped[LinkKind] = mapped_column(str_enum(LinkKind, "link_kind"))
    status: Mapped[LinkStatus] = mapped_column(str_enum(LinkStatus, "link_status"))
    # The URL token is shown to the brand on every visit to the list, so it is kept as is;
    # 32 random bytes make it unguessable.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    china_only: Mapped[bool] = mapped_column(default=False)
    use_as_catalog: Mapped[bool] = mapped_column(default=False)
    target_buyer_type: Mapped[BuyerKind] = mapped_column(
        str_enum(BuyerKind, "link_target_buyer_type")
    )
    require_address: Mapped[bool] = mapped_column(default=False)
    release_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]
    passcode_hash: Mapped[str | None] = mapped_column(String(255))

    # The link's own terms (instant and dynamic links); customer links use the customer's.
    languages: Mapped[list[str]] = mapped_column(JSONType, default=list)
    currencies: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # Live links keep their term (the brand cannot delete it); deleted ones let it go.
    transaction_term_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("transaction_terms.id", ondelete="SET NULL"), index=True
    )
    condition: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    billing_term: Mapped[BillingTerm | None] = mapped_column(
        str_enum(BillingTerm, "link_billing_term")
    )
    deposit_percent: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    apply_tax_to_price: Mapped[bool] = mapped_column(default=False)
    display_transaction_terms: Mapped[bool] = mapped_column(default=False)

    video_url: Mapped[str | None] = mapped_column(String(2000))
    background_type: Mapped[BackgroundType] = mapped_column(
        str_enum(BackgroundType, "link_background_type"), default=BackgroundType.empty
    )
    background_media_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("media.id", ondelete="SET NULL")
    )
    background_video_url: Mapped[str | None] = mapped_column(String(2000))
    lookbook_ids: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # [{"name": "...", "email": "...", "phone": "...", "note": "..."}]
    contacts: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    # Overrides of the catalogs' shipping group and payment methods; None: the catalog's.
    shipping_rate_group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("shipping_rate_groups.id", ondelete="SET NULL")
    )
    payment_methods: Mapped[list[str] | None] = mapped_column(JSONType)


class OrderLinkCatalog(IdMixin, Base):
    __tablename__ = "order_link_catalogs"
    __table_args__ = (UniqueConstraint("link_id", "catalog_id"),)

    link_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_links.id", ondelete="CASCADE"))
    catalog_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("catalogs.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
