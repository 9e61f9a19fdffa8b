"""Orders after placement (DOMAIN.md §7): the buyer's and the brand's lists and details, the
brand's status changes, and the CSV export."""

from __future__ import annotations

import csv
import io
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands.access import BrandContext
from showroom.carts.repository import CartRepository
from showroom.carts.service import merge_skus, org_scope
from showroom.core.config import Settings
from showroom.core.errors import Conflict, FieldErrors, Invalid, NotFound
from showroom.core.pagination import PageParams
from showroom.core.time import utcnow
from showroom.integrations.events import emit, emit_stock, sku_stock
from showroom.integrations.schemas import EventType
from showroom.models import (
    BuyerOrganization,
    Cart,
    CartItem,
    Order,
    OrderEvent,
    OrderStatus,
    User,
)
from showroom.orders.mails import order_status_mails
from showroom.orders.repository import OrderRepository
from showroom.orders.schemas import BuyerOrderRead, OrderListItem, OrderRead
from showroom.orders.views import list_item, order_view
from showroom.payments.gateway import PaymentGateway
from showroom.payments.service import CardPayments
from showroom.storefront.repository import StorefrontRepository

OPEN = {OrderStatus.placed, OrderStatus.confirmed}
# action → (new status, statuses it may come from)
TRANSITIONS: dict[str, tuple[OrderStatus, set[OrderStatus]]] = {
    "confirm": (OrderStatus.confirmed, {OrderStatus.placed}),
    "ship": (OrderStatus.shipped, {OrderStatus.confirmed}),
    "complete": (OrderStatus.completed, {OrderStatus.shipped}),
    "reject": (OrderStatus.rejected, OPEN),
    "return_to_cart": (OrderStatus.returned_to_cart, OPEN),
}
RETURNS_STOCK = {OrderStatus.rejected, OrderStatus.returned_to_cart}
CSV_LIMIT = 10_000


@dataclass(frozen=True)
class OrderFilters:
    statuses: list[OrderStatus] | None = None
    placed_from: datetime | None = None
    placed_to: datetime | None = None
    updated_since: datetime | None = None
    brand_id: uuid.UUID | None = None
    buyer_organization_id: uuid.UUID | None = None
    catalog_id: uuid.UUID | None = None
    link_id: uuid.UUID | None = None

    @property
    def by_change(self) -> bool:
        return self.updated_since is not None


def _not_found() -> NotFound:
    return NotFound("No such order.", code="order.not_found")


class OrderService:
    def __init__(
        self, session: AsyncSession, settings: Settings, gateway: PaymentGateway | None = None
    ) -> None:
        self.session = session
        self.settings = settings
        self.repo = OrderRepository(session)
        self.store = StorefrontRepository(session)
        self.cards = CardPayments(session, gateway)

    # --- the buyer's side ------------------------------------------------------------------

    async def _org(self, user: User, org_id: uuid.UUID) -> BuyerOrganization:
        org = await self.store.membership(org_id, user.id)
        if org is None:
            raise NotFound("No such buyer organization.", code="buyer.not_found")
        return org

    async def buyer_page(
        self, user: User, org_id: uuid.UUID, filters: OrderFilters, params: PageParams
    ) -> tuple[list[OrderListItem], str | None]:
        await self._org(user, org_id)
        query = self.repo.filtered(**{**filters.__dict__, "buyer_organization_id": org_id})
        rows, cursor = await self.repo.page(query, params, by_change=filters.by_change)
        return [list_item(order) for order in rows], cursor

    async def buyer_order(
        self, user: User, org_id: uuid.UUID, order_id: uuid.UUID
    ) -> BuyerOrderRead:
        await self._org(user, org_id)
        order = await self.repo.order(order_id, buyer_organization_id=org_id)
        if order is None:
            raise _not_found()
        return order_view(
            order, order.lines, await self.repo.events(order.id), BuyerOrderRead, order.payment
        )

    # --- the brand's side ------------------------------------------------------------------

    async def brand_page(
        self, ctx: BrandContext, filters: OrderFilters, params: PageParams
    ) -> tuple[list[OrderListItem], str | None]:
        query = self.repo.filtered(**{**filters.__dict__, "brand_id": ctx.brand_id})
        rows, cursor = await self.repo.page(query, params, by_change=filters.by_change)
        return [list_item(order) for order in rows], cursor

    async def brand_order(self, ctx: BrandContext, order_id: uuid.UUID) -> OrderRead:
        order = await self.repo.order(order_id, brand_id=ctx.brand_id)
        if order is None:
            raise _not_found()
        return order_view(
            order, order.lines, await self.repo.events(order.id), OrderRead, order.payment
        )

    async def change(
        self, ctx: BrandContext, order_id: uuid.UUID, action: str, note: str
    ) -> OrderRead:
        new, allowed = TRANSITIONS[action]
        order = await self.repo.order(order_id, brand_id=ctx.brand_id)
        if order is None:
            raise _not_found()
        previous = order.status
        now = utcnow()
        if not await self.repo.set_status(order.id, new, allowed, now):
            raise Conflict(
                f"An order that is {order.status.value.replace('_', ' ')} cannot be "
                f"{new.value.replace('_', ' ')}.",
                code="order.transition_invalid",
            )
        order.status, order.updated_at = new, now
        if order.payment is not None:
            # The money moves with the order; if the processor refuses, nothing changes.
            await self.cards.follow(order.payment, new)
        if new in RETURNS_STOCK:
            returned: dict[uuid.UUID, int] = defaultdict(int)
            for line in order.lines:
                if line.sku_id is not None:
                    returned[line.sku_id] += line.quantity
            stock = await self.repo.return_stock(returned)
            emit_stock(
                self.session,
                ctx.brand_id,
                f"order.{new.value}",
                [sku_stock(*row) for row in stock if row[3]],
            )
        if new is OrderStatus.returned_to_cart:
            await self._back_to_cart(order)
        self.session.add(
            OrderEvent(
                order_id=order.id,
                status=new,
                actor_id=ctx.actor_id,
                actor_name=ctx.actor_name,
                actor_side="brand",
                note=note,
                created_at=now,
            )
        )
        org = await self.session.get(BuyerOrganization, order.buyer_organization_id)
        assert org is not None  # RESTRICT keeps an order's organization
        order_status_mails(self.session, self.settings, order, org, ctx.brand, note)
        await self.session.flush()
        view = order_view(
            order, order.lines, await self.repo.events(order.id), OrderRead, order.payment
        )
        data = view.model_dump(mode="json")
        emit(
            self.session,
            ctx.brand_id,
            EventType.order_status_changed,
            {"previous_status": previous.value, "status": new.value, "order": data},
        )
        emit(self.session, ctx.brand_id, EventType.order_updated, data)
        return view

    async def _back_to_cart(self, order: Order) -> None:
        """The order's lines go back into the buyer's cart for the catalog (and link),
        merged with what is already there."""
        if order.catalog_id is None:
            raise Conflict("The order's catalog no longer exists.", code="order.catalog_gone")
        carts = CartRepository(self.session)
        scope = org_scope(order.buyer_organization_id, order.catalog_id, order.link_id)
        cart = await carts.by_scope(scope)
        if cart is None:
            cart = Cart(
                scope=scope,
                brand_id=order.brand_id,
                catalog_id=order.catalog_id,
                buyer_organization_id=order.buyer_organization_id,
                link_id=order.link_id,
                currency=order.currency,
            )
            carts.add(cart)
            await self.session.flush()
        items = {item.product_id: item for item in await carts.items(cart.id)}
        for line in order.lines:
            if line.product_id is None or line.sku_id is None:
                continue
            row = {
                "sku_id": str(line.sku_id),
                "quantity": line.quantity,
                "options": [
                    {"values": o["values"], "quantity": o["quantity"]} for o in line.options
                ],
            }
            item = items.get(line.product_id)
            if item is None:
                item = items[line.product_id] = CartItem(
                    cart_id=cart.id,
                    product_id=line.product_id,
                    skus=[],
                    desired_delivery_date=line.desired_delivery_date,
                    note_to_buyer_company=line.note_to_buyer_company,
                    message_to_brand=line.message_to_brand,
                )
                carts.add(item)
            item.skus = merge_skus(item.skus, [row])
        cart.updated_at = utcnow()

    # --- the integrator's export ---------------------------------------------------------

    async def export_page(
        self, ctx: BrandContext, statuses: list[OrderStatus] | None, params: PageParams
    ) -> tuple[list[OrderRead], str | None]:
        orders, cursor = await self.repo.unacknowledged(ctx.brand_id, statuses, params)
        events = await self.repo.events_of([order.id for order in orders])
        return [
            order_view(order, order.lines, events[order.id], OrderRead, order.payment)
            for order in orders
        ], cursor

    async def acknowledge(
        self, ctx: BrandContext, order_ids: list[uuid.UUID]
    ) -> list[tuple[uuid.UUID, str, datetime]]:
        """Idempotent, and all or nothing: an order of no such id (in this brand) is
        reported by its position and nothing is acknowledged."""
        found = await self.repo.acknowledgements(ctx.brand_id, order_ids)
        errors = FieldErrors()
        for index, order_id in enumerate(order_ids):
            if order_id not in found:
                errors.add(("body", "order_ids", index), "No such order.", "order.not_found")
        if errors.errors:
            raise Invalid(
                "Nothing was acknowledged: some orders do not exist.",
                code="order.acknowledge_rejected",
                errors=errors.errors,
            )
        now = utcnow()
        await self.repo.acknowledge(ctx.brand_id, order_ids, now)
        return [(i, found[i][0], found[i][1] or now) for i in order_ids]

    async def csv(self, ctx: BrandContext, filters: OrderFilters) -> str:
        query = self.repo.filtered(**{**filters.__dict__, "brand_id": ctx.brand_id})
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "order_number",
                "placed_at",
                "status",
                "buyer",
                "customer_code",
                "catalog",
                "model_number",
                "product",
                "sku",
                "sku_label",
                "options",
                "quantity",
                "backordered_quantity",
                "unit_price",
                "amount",
                "currency",
                "desired_delivery_date",
                "message_to_brand",
            ]
        )
        for order in await self.repo.with_lines(query, CSV_LIMIT):
            for line in order.lines:
                writer.writerow(
                    [
                        order.number,
                        order.created_at.isoformat(),
                        order.status.value,
                        order.buyer.get("name", ""),
                        order.buyer.get("customer_code") or "",
                        order.catalog_name,
                        line.model_number,
                        line.product_name,
                        line.sku_code,
                        line.sku_label,
                        "; ".join(
                            f"{' / '.join(o.get('labels', []))} × {o['quantity']}"
                            for o in line.options
                        ),
                        line.quantity,
                        line.backordered_quantity,
                        line.unit_price,
                        line.amount,
                        order.currency,
                        line.desired_delivery_date.isoformat()
                        if line.desired_delivery_date
                        else "",
                        line.message_to_brand,
                    ]
                )
        return out.getvalue()
