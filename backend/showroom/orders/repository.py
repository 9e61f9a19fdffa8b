from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Select, case, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from showroom.core.idempotency import dialect_insert
from showroom.core.pagination import PageParams, changes_page, keyset_page
from showroom.models import (
    Address,
    BrandOrderCounter,
    Order,
    OrderEvent,
    OrderStatus,
    ShippingRateGroup,
    Sku,
)


def _deltas(quantities: dict[uuid.UUID, int]) -> Any:
    return case(
        {sku_id: literal(quantity, Integer) for sku_id, quantity in quantities.items()},
        value=Sku.id,
    )


def _locked_in_id_order(ids: Any) -> Any:
    """The SKUs, row-locked in id order (PostgreSQL; SQLite has one writer at a time). An
    ``UPDATE … WHERE id IN (…)`` locks rows in whatever order its plan meets them, and two
    placements sharing SKUs that meet them in different orders deadlock; taking the locks
    in one order, inside the same statement, cannot."""
    return select(Sku.id).where(Sku.id.in_(ids)).order_by(Sku.id).with_for_update()


class OrderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def addresses(self, org_id: uuid.UUID) -> list[Address]:
        return list(
            await self.session.scalars(
                select(Address)
                .where(Address.buyer_organization_id == org_id)
                .order_by(Address.kind, Address.is_default.desc(), Address.created_at, Address.id)
            )
        )

    async def shipping_groups(self, brand_id: uuid.UUID, currency: str) -> list[ShippingRateGroup]:
        return list(
            await self.session.scalars(
                select(ShippingRateGroup)
                .where(
                    ShippingRateGroup.brand_id == brand_id, ShippingRateGroup.currency == currency
                )
                .options(
                    selectinload(ShippingRateGroup.rates), joinedload(ShippingRateGroup.tax_rate)
                )
                .order_by(ShippingRateGroup.created_at)
            )
        )

    async def take_stock(
        self, quantities: dict[uuid.UUID, int]
    ) -> dict[uuid.UUID, tuple[int, bool, bool]]:
        """Take every SKU's quantity in one atomic statement; a tracked, non-backorderable SKU
        with too little stock is left out of the result (the caller refuses the order).
        Returns {sku: (stock after, track_stock, allow_backorder)}."""
        if not quantities:
            return {}
        delta = _deltas(quantities)
        rows = await self.session.execute(
            update(Sku)
            .where(
                Sku.id.in_(_locked_in_id_order(quantities)),
                or_(
                    Sku.track_stock.is_(False),
                    Sku.allow_backorder.is_(True),
                    Sku.stock_quantity >= delta,
                ),
            )
            .values(
                stock_quantity=case(
                    (Sku.track_stock.is_(True), Sku.stock_quantity - delta),
                    else_=Sku.stock_quantity,
                )
            )
            .returning(Sku.id, Sku.stock_quantity, Sku.track_stock, Sku.allow_backorder)
            .execution_options(synchronize_session=False)
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    async def return_stock(
        self, quantities: dict[uuid.UUID, int]
    ) -> list[tuple[uuid.UUID, str, uuid.UUID, int, bool, bool]]:
        """Put the quantities back; each SKU's (id, code, product, stock after, track_stock,
        allow_backorder)."""
        if not quantities:
            return []
        delta = _deltas(quantities)
        rows = await self.session.execute(
            update(Sku)
            .where(Sku.id.in_(_locked_in_id_order(quantities)))
            .values(
                stock_quantity=case(
                    (Sku.track_stock.is_(True), Sku.stock_quantity + delta),
                    else_=Sku.stock_quantity,
                )
            )
            .returning(
                Sku.id,
                Sku.code,
                Sku.product_id,
                Sku.stock_quantity,
                Sku.track_stock,
                Sku.allow_backorder,
            )
            .execution_options(synchronize_session=False)
        )
        return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    async def next_number(self, brand_id: uuid.UUID) -> int:
        """The brand's next order number: one atomic increment of its counter row."""
        await self.session.execute(
            dialect_insert(self.session)(BrandOrderCounter)
            .values(brand_id=brand_id, last_number=0)
            .on_conflict_do_nothing()
        )
        number = await self.session.scalar(
            update(BrandOrderCounter)
            .where(BrandOrderCounter.brand_id == brand_id)
            .values(last_number=BrandOrderCounter.last_number + 1)
            .returning(BrandOrderCounter.last_number)
        )
        assert number is not None
        return int(number)

    # --- reading ---------------------------------------------------------------------------

    async def order(self, order_id: uuid.UUID, **scope: uuid.UUID) -> Order | None:
        query = (
            select(Order)
            .where(Order.id == order_id)
            .options(selectinload(Order.lines), joinedload(Order.payment))
        )
        for column, value in scope.items():
            query = query.where(getattr(Order, column) == value)
        return await self.session.scalar(query)

    async def events(self, order_id: uuid.UUID) -> list[OrderEvent]:
        return list(
            await self.session.scalars(
                select(OrderEvent)
                .where(OrderEvent.order_id == order_id)
                .order_by(OrderEvent.created_at, OrderEvent.id)
            )
        )

    def filtered(
        self,
        *,
        statuses: list[OrderStatus] | None = None,
        placed_from: datetime | None = None,
        placed_to: datetime | None = None,
        updated_since: datetime | None = None,
        **equal: uuid.UUID | None,
    ) -> Select[Order]:
        query = select(Order)
        for column, value in equal.items():
            if value is not None:
                query = query.where(getattr(Order, column) == value)
        if statuses:
            query = query.where(Order.status.in_(statuses))
        if placed_from is not None:
            query = query.where(Order.created_at >= placed_from)
        if placed_to is not None:
            query = query.where(Order.created_at < placed_to)
        if updated_since is not None:
            query = query.where(Order.updated_at >= updated_since)
        return query

    async def page(
        self, query: Select[Order], params: PageParams, *, by_change: bool = False
    ) -> tuple[list[Order], str | None]:
        """Newest first, as an inbox and an order history read; ``by_change`` (an
        integrator syncing with ``updated_since``): oldest change first."""
        if by_change:
            rows, cursor = await changes_page(
                self.session, query, params, updated=Order.updated_at, ident=Order.id
            )
        else:
            rows, cursor = await keyset_page(
                self.session,
                query,
                params,
                created=Order.created_at,
                ident=Order.id,
                newest_first=True,
            )
        return [row[0] for row in rows], cursor

    async def unacknowledged(
        self, brand_id: uuid.UUID, statuses: list[OrderStatus] | None, params: PageParams
    ) -> tuple[list[Order], str | None]:
        """Orders no integrator has acknowledged yet, oldest first, with lines and payment."""
        query = (
            select(Order)
            .where(Order.brand_id == brand_id, Order.acknowledged_at.is_(None))
            .options(selectinload(Order.lines), joinedload(Order.payment))
        )
        if statuses:
            query = query.where(Order.status.in_(statuses))
        rows, cursor = await keyset_page(
            self.session, query, params, created=Order.created_at, ident=Order.id
        )
        return [row[0] for row in rows], cursor

    async def events_of(self, order_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[OrderEvent]]:
        found: dict[uuid.UUID, list[OrderEvent]] = {order_id: [] for order_id in order_ids}
        if order_ids:
            rows = await self.session.scalars(
                select(OrderEvent)
                .where(OrderEvent.order_id.in_(order_ids))
                .order_by(OrderEvent.created_at, OrderEvent.id)
            )
            for event in rows:
                found[event.order_id].append(event)
        return found

    async def acknowledgements(
        self, brand_id: uuid.UUID, order_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[str, datetime | None]]:
        rows = await self.session.execute(
            select(Order.id, Order.number, Order.acknowledged_at).where(
                Order.brand_id == brand_id, Order.id.in_(order_ids)
            )
        )
        return {order_id: (number, at) for order_id, number, at in rows}

    async def acknowledge(
        self, brand_id: uuid.UUID, order_ids: list[uuid.UUID], now: datetime
    ) -> None:
        """Only the first acknowledgement counts: a retry keeps its time."""
        await self.session.execute(
            update(Order)
            .where(
                Order.brand_id == brand_id,
                Order.id.in_(order_ids),
                Order.acknowledged_at.is_(None),
            )
            .values(acknowledged_at=now)
            .execution_options(synchronize_session=False)
        )

    async def with_lines(self, query: Select[Order], limit: int) -> list[Order]:
        return list(
            await self.session.scalars(
                query.options(selectinload(Order.lines))
                .order_by(Order.created_at, Order.id)
                .limit(limit)
            )
        )

    async def set_status(
        self, order_id: uuid.UUID, new: OrderStatus, allowed_from: set[OrderStatus], now: datetime
    ) -> bool:
        """Change the status only from an allowed one: two concurrent changes cannot both
        pass (no double stock return)."""
        result = await self.session.execute(
            update(Order)
            .where(Order.id == order_id, Order.status.in_(allowed_from))
            .values(status=new, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]
