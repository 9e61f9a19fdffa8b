from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from showroom.core.pagination import PageParams, changes_page, keyset_page
from showroom.models import (
    Category,
    Media,
    Product,
    ProductImage,
    Sku,
    TaxRate,
    TransactionTerm,
)

_FULL = (
    selectinload(Product.skus).selectinload(Sku.prices),
    selectinload(Product.prices),
    selectinload(Product.images).selectinload(ProductImage.media),
)


class ProductRepository:
    """Products of one brand."""

    def __init__(self, session: AsyncSession, brand_id: uuid.UUID) -> None:
        self.session = session
        self.brand_id = brand_id

    def add(self, product: Product) -> None:
        self.session.add(product)

    async def delete(self, product: Product) -> None:
        await self.session.delete(product)

    async def get(self, product_id: uuid.UUID) -> Product | None:
        return await self.session.scalar(
            select(Product)
            .where(Product.brand_id == self.brand_id, Product.id == product_id)
            .options(*_FULL)
            .execution_options(populate_existing=True)
        )

    async def page(
        self,
        page: PageParams,
        *,
        search: str | None,
        category_id: uuid.UUID | None,
        updated_since: datetime | None,
    ) -> tuple[list[Product], str | None]:
        query = select(Product).where(Product.brand_id == self.brand_id)
        if search:
            words = search.lower().split()
            query = query.where(
                *(Product.search_text.contains(word, autoescape=True) for word in words)
            )
        if category_id is not None:
            query = query.where(Product.category_id == category_id)
        if updated_since is not None:
            query = query.where(Product.updated_at >= updated_since)
            rows, cursor = await changes_page(
                self.session, query, page, updated=Product.updated_at, ident=Product.id
            )
        else:
            rows, cursor = await keyset_page(
                self.session, query, page, created=Product.created_at, ident=Product.id
            )
        return [row[0] for row in rows], cursor

    async def sku_stats(
        self, product_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[int, int | None]]:
        """(SKU count, units in stock over tracked SKUs or None if none tracks) per product."""
        if not product_ids:
            return {}
        rows = await self.session.execute(
            select(
                Sku.product_id,
                func.count(),
                func.sum(case((Sku.track_stock, Sku.stock_quantity), else_=None)),
            )
            .where(Sku.product_id.in_(product_ids))
            .group_by(Sku.product_id)
        )
        return {product_id: (count, tracked) for product_id, count, tracked in rows}

    async def first_images(self, product_ids: list[uuid.UUID]) -> dict[uuid.UUID, Media]:
        if not product_ids:
            return {}
        rows = await self.session.execute(
            select(ProductImage.product_id, Media)
            .join(Media, Media.id == ProductImage.media_id)
            .where(ProductImage.product_id.in_(product_ids))
            .order_by(ProductImage.product_id, ProductImage.position)
        )
        first: dict[uuid.UUID, Media] = {}
        for product_id, media in rows:
            first.setdefault(product_id, media)
        return first

    async def model_number_taken(self, model_number: str, except_id: uuid.UUID | None) -> bool:
        query = select(Product.id).where(
            Product.brand_id == self.brand_id, Product.model_number == model_number
        )
        if except_id is not None:
            query = query.where(Product.id != except_id)
        return await self.session.scalar(query.limit(1)) is not None

    async def sku_codes_taken(
        self, codes: Iterable[str], except_product_id: uuid.UUID | None
    ) -> set[str]:
        wanted = list(codes)
        if not wanted:
            return set()
        query = select(Sku.code).where(Sku.brand_id == self.brand_id, Sku.code.in_(wanted))
        if except_product_id is not None:
            query = query.where(Sku.product_id != except_product_id)
        return set(await self.session.scalars(query))

    async def get_many(self, product_ids: Iterable[uuid.UUID]) -> list[Product]:
        wanted = list(product_ids)
        if not wanted:
            return []
        return list(
            await self.session.scalars(
                select(Product)
                .where(Product.brand_id == self.brand_id, Product.id.in_(wanted))
                .options(*_FULL)
                .order_by(Product.created_at, Product.id)
                .execution_options(populate_existing=True)
            )
        )

    async def skus_by_code(self, codes: Iterable[str]) -> dict[str, Sku]:
        wanted = list(set(codes))
        if not wanted:
            return {}
        rows = await self.session.scalars(
            select(Sku)
            .where(Sku.brand_id == self.brand_id, Sku.code.in_(wanted))
            .options(selectinload(Sku.prices))
        )
        return {sku.code: sku for sku in rows}

    async def touch(self, product_ids: Iterable[uuid.UUID], now: datetime) -> None:
        wanted = list(product_ids)
        if wanted:
            await self.session.execute(
                update(Product)
                .where(Product.brand_id == self.brand_id, Product.id.in_(wanted))
                .values(updated_at=now)
                .execution_options(synchronize_session=False)
            )

    async def terms(self) -> dict[uuid.UUID, TransactionTerm]:
        terms = await self.session.scalars(
            select(TransactionTerm).where(TransactionTerm.brand_id == self.brand_id)
        )
        return {term.id: term for term in terms}

    async def default_tax_id(self) -> uuid.UUID | None:
        return await self.session.scalar(
            select(TaxRate.id).where(TaxRate.brand_id == self.brand_id, TaxRate.is_default)
        )

    async def owns(self, model: type[TaxRate] | type[Category], item_id: uuid.UUID) -> bool:
        return (
            await self.session.scalar(
                select(model.id).where(model.brand_id == self.brand_id, model.id == item_id)
            )
            is not None
        )

    async def media(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, Media]:
        if not ids:
            return {}
        rows = await self.session.scalars(
            select(Media).where(Media.brand_id == self.brand_id, Media.id.in_(ids))
        )
        return {media.id: media for media in rows}


def search_text(product: Product, sku_codes: Iterable[str]) -> str:
    parts = [product.model_number, *product.name.values(), *sku_codes]
    return " ".join(parts).lower()[:4000]
