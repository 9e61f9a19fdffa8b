"""Carts (draft order lists), orders with their frozen terms, order events, per-brand order
numbers and idempotency keys (DOMAIN.md §6, §7)."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from showroom.core.time import utcnow
from showroom.models.base import Base, IdMixin, JSONType, TimestampMixin, str_enum
from showroom.models.payments import Payment


class Cart(IdMixin, TimestampMixin, Base):
    """One active cart per (buyer organization, catalog, route), or per link visitor.

    ``scope`` spells the owner out so one unique constraint keeps it single on both
    databases: ``org:<org>:<catalog>:<link or ->`` or ``guest:<link>:<grant subject>:<catalog>``.
    """

    __tablename__ = "carts"

    scope: Mapped[str] = mapped_column(String(200), unique=True)
    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    catalog_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("catalogs.id", ondelete="CASCADE"), index=True
    )
    buyer_organization_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("buyer_organizations.id", ondelete="CASCADE"), index=True
    )
    # The order link the cart was filled on: its terms price the cart.
    link_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("order_links.id", ondelete="CASCADE"), index=True
    )
    # A guest cart belongs to the holder of the link grant with this subject.
    guest_subject: Mapped[str | None] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(String(3))


class CartItem(IdMixin, TimestampMixin, Base):
    """One product in a cart. ``skus`` = ``[{"sku_id", "quantity", "options": [{"values":
    {group code: value code}, "quantity"}]}]`` in the product's SKU order."""

    __tablename__ = "cart_items"
    __table_args__ = (UniqueConstraint("cart_id", "product_id"),)

    cart_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("carts.id", ondelete="CASCADE"))
    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    skus: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    desired_delivery_date: Mapped[date | None]
    note_to_buyer_company: Mapped[str] = mapped_column(Text, default="")
    message_to_brand: Mapped[str] = mapped_column(Text, default="")


class OrderStatus(enum.StrEnum):
    placed = "placed"
    confirmed = "confirmed"
    shipped = "shipped"
    completed = "completed"
    rejected = "rejected"
    returned_to_cart = "returned_to_cart"


class Order(IdMixin, TimestampMixin, Base):
    """A placed order: everything it was placed with is copied in, so later edits to links,
    customers, prices or addresses never change it."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("brand_id", "number"),
        Index("ix_orders_brand_created", "brand_id", "created_at", "id"),
        Index("ix_orders_buyer_created", "buyer_organization_id", "created_at", "id"),
        Index("ix_orders_brand_updated", "brand_id", "updated_at", "id"),
    )

    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("brands.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(32))
    status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus, "order_status"))
    buyer_organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("buyer_organizations.id", ondelete="RESTRICT")
    )
    catalog_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("catalogs.id", ondelete="SET NULL"), index=True
    )
    link_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("order_links.id", ondelete="SET NULL"), index=True
    )
    customer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL"), index=True
    )
    placed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    language: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    payment_method: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    # Snapshots: terms (term code/name/kind, condition, billing, deposit %, tax display),
    # the buyer and both addresses as they were at placement.
    terms: Mapped[dict[str, Any]] = mapped_column(JSONType)
    buyer: Mapped[dict[str, Any]] = mapped_column(JSONType)
    billing_address: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    delivery_address: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    brand_name: Mapped[str] = mapped_column(String(400), default="")
    catalog_name: Mapped[str] = mapped_column(String(400), default="")
    total_quantity: Mapped[int]
    subtotal: Mapped[int] = mapped_column(BigInteger)
    shipping_amount: Mapped[int] = mapped_column(BigInteger)
    # [{"tax_rate_id", "name", "rate", "taxable_amount", "tax_amount"}]
    tax_lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    tax_total: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    deposit: Mapped[int] = mapped_column(BigInteger)
    balance: Mapped[int] = mapped_column(BigInteger)
    # Set once when an integrator (an ERP) acknowledges the order after exporting it.
    acknowledged_at: Mapped[datetime | None]

    lines: Mapped[list[OrderLine]] = relationship(
        lazy="raise", order_by="OrderLine.position", passive_deletes=True
    )
    payment: Mapped[Payment | None] = relationship(lazy="raise", passive_deletes=True)


class OrderLine(IdMixin, Base):
    """One SKU of an order, priced."""

    __tablename__ = "order_lines"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    product_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL")
    )
    sku_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("skus.id", ondelete="SET NULL"), index=True
    )
    model_number: Mapped[str] = mapped_column(String(64))
    product_name: Mapped[str] = mapped_column(String(400))
    sku_code: Mapped[str] = mapped_column(String(100))
    sku_label: Mapped[str] = mapped_column(String(400))
    quantity: Mapped[int]
    backordered_quantity: Mapped[int] = mapped_column(default=0)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)
    tax_rate_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tax_rates.id", ondelete="SET NULL")
    )
    # [{"values": {group: value}, "labels": {group name: value name}, "quantity"}]
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    desired_delivery_date: Mapped[date | None]
    message_to_brand: Mapped[str] = mapped_column(Text, default="")
    # The buyer's internal note: never shown to the brand.
    note_to_buyer_company: Mapped[str] = mapped_column(Text, default="")


class OrderEvent(IdMixin, Base):
    """A status change of an order: who, when, from what to what."""

    __tablename__ = "order_events"
    __table_args__ = (Index("ix_order_events_order", "order_id", "created_at"),)

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus, "order_event_status"))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    actor_side: Mapped[str] = mapped_column(String(16))  # buyer | brand
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BrandOrderCounter(Base):
    """The next order number of a brand, taken with one atomic UPDATE … RETURNING."""

    __tablename__ = "brand_order_counters"

    brand_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), primary_key=True
    )
    last_number: Mapped[int] = mapped_column(default=0)


class IdempotencyKey(IdMixin, Base):
    """The stored response of a request made with an ``Idempotency-Key`` (7 days)."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("principal", "key"),)

    principal: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(255))
    fingerprint: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int | None]
    response_body: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
