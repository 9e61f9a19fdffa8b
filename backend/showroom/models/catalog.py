"""Products with their SKUs, prices, stock and images; catalogs (line sheets); lookbooks."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from showroom.models.base import Base, IdMixin, JSONType, TimestampMixin, str_enum
from showroom.models.commerce import TaxRate
from showroom.models.media import Media


class Category(IdMixin, TimestampMixin, Base):
    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("brand_id", "code"),)

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    position: Mapped[int] = mapped_column(default=0)


class Product(IdMixin, TimestampMixin, Base):
    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint("brand_id", "model_number"),
        Index("ix_products_brand_updated", "brand_id", "updated_at", "id"),
    )

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    model_number: Mapped[str] = mapped_column(String(64))
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    description: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    category_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL"), index=True
    )
    tax_rate_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tax_rates.id", ondelete="RESTRICT"), index=True
    )
    # The SKU template: ordered properties, each with ordered, localized values, e.g.
    # [{"code": "color", "name": {...}, "values": [{"code": "BLK", "name": {...}}]}]
    sku_properties: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    # Option groups the buyer picks per SKU quantity row (DOMAIN.md §2), same shape.
    option_groups: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    # Lowercased text of model number, SKU codes and names, for search.
    search_text: Mapped[str] = mapped_column(String(4000), default="")

    skus: Mapped[list[Sku]] = relationship(
        lazy="raise", order_by="Sku.position", cascade="all, delete-orphan", passive_deletes=True
    )
    prices: Mapped[list[ProductPrice]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )
    images: Mapped[list[ProductImage]] = relationship(
        lazy="raise",
        order_by="ProductImage.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    category: Mapped[Category | None] = relationship(lazy="raise")
    tax_rate: Mapped[TaxRate | None] = relationship(lazy="raise")


class Sku(IdMixin, TimestampMixin, Base):
    __tablename__ = "skus"
    __table_args__ = (UniqueConstraint("brand_id", "code"),)

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)
    # {property code: value code}
    values: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    track_stock: Mapped[bool] = mapped_column(default=False)
    stock_quantity: Mapped[int] = mapped_column(default=0)
    allow_backorder: Mapped[bool] = mapped_column(default=False)

    prices: Mapped[list[SkuPrice]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )
    # A shopper's list prices, selected with the SKU by storefront/repository.py's loaders
    # (the SKU's own price first, else its product's) so pricing costs no extra statement.
    list_amount: Mapped[int | None] = query_expression()
    rrp_amount: Mapped[int | None] = query_expression()


class ProductPrice(IdMixin, Base):
    """The list price of a product for one transaction term in one currency."""

    __tablename__ = "product_prices"
    __table_args__ = (UniqueConstraint("product_id", "term_id", "currency"),)

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    term_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("transaction_terms.id", ondelete="CASCADE"), index=True
    )
    currency: Mapped[str] = mapped_column(String(3))
    amount: Mapped[int] = mapped_column(BigInteger)


class SkuPrice(IdMixin, Base):
    """A SKU's own price, overriding its product's for that term and currency."""

    __tablename__ = "sku_prices"
    __table_args__ = (UniqueConstraint("sku_id", "term_id", "currency"),)

    sku_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("skus.id", ondelete="CASCADE"))
    term_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("transaction_terms.id", ondelete="CASCADE"), index=True
    )
    currency: Mapped[str] = mapped_column(String(3))
    amount: Mapped[int] = mapped_column(BigInteger)


class ProductImage(IdMixin, Base):
    __tablename__ = "product_images"
    __table_args__ = (UniqueConstraint("product_id", "media_id"),)

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    media_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("media.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)

    media: Mapped[Media] = relationship(lazy="raise")


class CatalogStatus(enum.StrEnum):
    open = "open"
    limited = "limited"
    closed = "closed"


class Catalog(IdMixin, TimestampMixin, Base):
    """A line sheet / season."""

    __tablename__ = "catalogs"
    __table_args__ = (UniqueConstraint("brand_id", "code"),)

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    description: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    status: Mapped[CatalogStatus] = mapped_column(str_enum(CatalogStatus, "catalog_status"))
    release_at: Mapped[datetime | None]
    order_deadline: Mapped[datetime | None]
    main_visual_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("media.id", ondelete="SET NULL")
    )
    video_url: Mapped[str | None] = mapped_column(String(2000))
    shipping_rate_group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("shipping_rate_groups.id", ondelete="SET NULL")
    )
    # Subset of {"card", "offline"}: how buyers may pay for orders from this catalog.
    payment_methods: Mapped[list[str]] = mapped_column(JSONType, default=list)
    lookbook_ids: Mapped[list[str]] = mapped_column(JSONType, default=list)


class CatalogProduct(IdMixin, Base):
    __tablename__ = "catalog_products"
    __table_args__ = (
        UniqueConstraint("catalog_id", "product_id"),
        Index("ix_catalog_products_order", "catalog_id", "position"),
    )

    catalog_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("catalogs.id", ondelete="CASCADE"))
    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]


class CatalogAccessGrant(IdMixin, Base):
    """A customer allowed to see a ``limited`` catalog."""

    __tablename__ = "catalog_access_grants"
    __table_args__ = (UniqueConstraint("catalog_id", "customer_id"),)

    catalog_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("catalogs.id", ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )


class LookbookStatus(enum.StrEnum):
    public = "public"
    draft = "draft"


class Lookbook(IdMixin, TimestampMixin, Base):
    __tablename__ = "lookbooks"

    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[dict[str, str]] = mapped_column(JSONType)
    status: Mapped[LookbookStatus] = mapped_column(str_enum(LookbookStatus, "lookbook_status"))
    # [{"media_id": "...", "product_ids": ["..."]}] in display order
    images: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)


class ImportStatus(enum.StrEnum):
    validated = "validated"  # dry run passed; nothing written yet
    invalid = "invalid"  # dry run found errors; nothing written
    queued = "queued"
    applying = "applying"
    done = "done"
    failed = "failed"


class ProductImport(IdMixin, TimestampMixin, Base):
    """An uploaded product file: its dry-run report, then its application as a job."""

    __tablename__ = "product_imports"

    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    storage_key: Mapped[str] = mapped_column(String(255))
    status: Mapped[ImportStatus] = mapped_column(str_enum(ImportStatus, "import_status"))
    row_count: Mapped[int] = mapped_column(default=0)
    product_count: Mapped[int] = mapped_column(default=0)
    processed_rows: Mapped[int] = mapped_column(default=0)
    # [{"row": 3, "column": "price:WSP:JPY", "message": "..."}], at most 1000
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    message: Mapped[str] = mapped_column(String(2000), default="")
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    finished_at: Mapped[datetime | None]
