from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from showroom.core.pagination import PageParams, keyset_page
from showroom.models import (
    Category,
    Customer,
    LinkStatus,
    OrderLink,
    Product,
    ShippingRateGroup,
    TaxRate,
    TransactionTerm,
)

BrandOwned = TypeVar("BrandOwned", TransactionTerm, TaxRate, ShippingRateGroup, Category)
Coded = TypeVar("Coded", TransactionTerm, ShippingRateGroup, Category)


class CommerceRepository:
    """Queries over one brand's commerce settings; nothing outside that brand is visible."""

    def __init__(self, session: AsyncSession, brand_id: uuid.UUID) -> None:
        self.session = session
        self.brand_id = brand_id

    def add(self, obj: Any) -> None:
        self.session.add(obj)

    async def delete(self, obj: Any) -> None:
        await self.session.delete(obj)

    async def page(
        self, model: type[BrandOwned], page: PageParams
    ) -> tuple[list[BrandOwned], str | None]:
        query = select(model).where(model.brand_id == self.brand_id)
        if model is ShippingRateGroup:
            query = query.options(selectinload(ShippingRateGroup.rates))
        rows, next_cursor = await keyset_page(
            self.session,
            query,
            page,
            created=model.created_at,
            ident=model.id,
        )
        return [row[0] for row in rows], next_cursor

    async def get(self, model: type[BrandOwned], item_id: uuid.UUID) -> BrandOwned | None:
        query = select(model).where(model.brand_id == self.brand_id, model.id == item_id)
        if model is ShippingRateGroup:
            query = query.options(selectinload(ShippingRateGroup.rates))
        return await self.session.scalar(query)

    async def code_taken(
        self, model: type[Coded], code: str, *, except_id: uuid.UUID | None = None
    ) -> bool:
        query = select(model.id).where(model.brand_id == self.brand_id, model.code == code)
        if except_id is not None:
            query = query.where(model.id != except_id)
        return await self.session.scalar(query.limit(1)) is not None

    async def clear_default_tax(self, except_id: uuid.UUID | None) -> None:
        query = update(TaxRate).where(TaxRate.brand_id == self.brand_id, TaxRate.is_default)
        if except_id is not None:
            query = query.where(TaxRate.id != except_id)
        await self.session.execute(query.values(is_default=False))

    async def taxes_in_use(self, tax_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        if not tax_ids:
            return set()
        by_products = select(Product.tax_rate_id).where(Product.tax_rate_id.in_(tax_ids))
        by_groups = select(ShippingRateGroup.tax_rate_id).where(
            ShippingRateGroup.tax_rate_id.in_(tax_ids)
        )
        used = await self.session.scalars(by_products.union(by_groups))
        return {tax_id for tax_id in used if tax_id is not None}

    async def term_in_use(self, term_id: uuid.UUID) -> bool:
        """Customers trade on it, or a live order link prices with it."""
        live_link = exists().where(
            OrderLink.transaction_term_id == term_id, OrderLink.status != LinkStatus.deleted
        )
        return bool(
            await self.session.scalar(
                select(exists().where(Customer.transaction_term_id == term_id) | live_link)
            )
        )

    async def all_countries_group(
        self, currency: str, *, except_id: uuid.UUID | None = None
    ) -> ShippingRateGroup | None:
        query = select(ShippingRateGroup).where(
            ShippingRateGroup.brand_id == self.brand_id,
            ShippingRateGroup.currency == currency,
            ShippingRateGroup.country.is_(None),
        )
        if except_id is not None:
            query = query.where(ShippingRateGroup.id != except_id)
        return await self.session.scalar(query)

    async def currency_in_use(self, currency: str) -> bool:
        users = (
            select(Customer.id).where(
                Customer.brand_id == self.brand_id, Customer.currency == currency
            ),
            select(ShippingRateGroup.id).where(
                ShippingRateGroup.brand_id == self.brand_id, ShippingRateGroup.currency == currency
            ),
        )
        for query in users:
            if await self.session.scalar(query.limit(1)) is not None:
                return True
        return False
