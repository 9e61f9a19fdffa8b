from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.pagination import PageParams, changes_page, keyset_page
from showroom.models import (
    Catalog,
    CatalogAccessGrant,
    CatalogProduct,
    Customer,
    LinkStatus,
    Lookbook,
    Media,
    OrderLink,
    OrderLinkCatalog,
    Product,
    ShippingRateGroup,
    TransactionTerm,
)

Owned = (
    type[Catalog]
    | type[Lookbook]
    | type[Media]
    | type[Product]
    | type[ShippingRateGroup]
    | type[Customer]
    | type[TransactionTerm]
)


class CatalogRepository:
    """Catalogs and lookbooks of one brand."""

    def __init__(self, session: AsyncSession, brand_id: uuid.UUID) -> None:
        self.session = session
        self.brand_id = brand_id

    def add(self, obj: Any) -> None:
        self.session.add(obj)

    async def delete(self, obj: Any) -> None:
        await self.session.delete(obj)

    async def page(
        self,
        model: type[Catalog] | type[Lookbook],
        page: PageParams,
        updated_since: datetime | None = None,
    ) -> tuple[list[Any], str | None]:
        query = select(model).where(model.brand_id == self.brand_id)
        if updated_since is not None:
            query = query.where(model.updated_at >= updated_since)
            rows, cursor = await changes_page(
                self.session, query, page, updated=model.updated_at, ident=model.id
            )
        else:
            rows, cursor = await keyset_page(
                self.session, query, page, created=model.created_at, ident=model.id
            )
        return [row[0] for row in rows], cursor

    async def get_catalog(self, catalog_id: uuid.UUID) -> Catalog | None:
        return await self.session.scalar(
            select(Catalog).where(Catalog.brand_id == self.brand_id, Catalog.id == catalog_id)
        )

    async def get_lookbook(self, lookbook_id: uuid.UUID) -> Lookbook | None:
        return await self.session.scalar(
            select(Lookbook).where(Lookbook.brand_id == self.brand_id, Lookbook.id == lookbook_id)
        )

    async def missing(self, model: Owned, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``ids`` are not rows of this brand."""
        wanted = set(ids)
        if not wanted:
            return set()
        found = await self.session.scalars(
            select(model.id).where(model.brand_id == self.brand_id, model.id.in_(wanted))
        )
        return wanted - set(found)

    async def code_taken(self, code: str, except_id: uuid.UUID | None) -> bool:
        query = select(Catalog.id).where(Catalog.brand_id == self.brand_id, Catalog.code == code)
        if except_id is not None:
            query = query.where(Catalog.id != except_id)
        return await self.session.scalar(query.limit(1)) is not None

    async def used_by_links(self, catalog_id: uuid.UUID) -> bool:
        found = await self.session.scalar(
            select(OrderLinkCatalog.id)
            .join(OrderLink, OrderLink.id == OrderLinkCatalog.link_id)
            .where(
                OrderLinkCatalog.catalog_id == catalog_id, OrderLink.status != LinkStatus.deleted
            )
            .limit(1)
        )
        return found is not None

    async def product_counts(self, catalog_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        if not catalog_ids:
            return {}
        rows = await self.session.execute(
            select(CatalogProduct.catalog_id, func.count())
            .where(CatalogProduct.catalog_id.in_(catalog_ids))
            .group_by(CatalogProduct.catalog_id)
        )
        return {catalog_id: count for catalog_id, count in rows}

    async def product_ids(self, catalog_id: uuid.UUID) -> list[uuid.UUID]:
        rows = await self.session.scalars(
            select(CatalogProduct.product_id)
            .where(CatalogProduct.catalog_id == catalog_id)
            .order_by(CatalogProduct.position)
        )
        return list(rows)

    async def replace_products(self, catalog_id: uuid.UUID, product_ids: list[uuid.UUID]) -> None:
        await self.session.execute(
            delete(CatalogProduct).where(CatalogProduct.catalog_id == catalog_id)
        )
        if product_ids:
            await self.session.execute(
                insert(CatalogProduct),
                [
                    {"id": uuid.uuid4(), "catalog_id": catalog_id, "product_id": pid, "position": i}
                    for i, pid in enumerate(product_ids)
                ],
            )

    async def grant_ids(self, catalog_id: uuid.UUID) -> list[uuid.UUID]:
        rows = await self.session.scalars(
            select(CatalogAccessGrant.customer_id)
            .where(CatalogAccessGrant.catalog_id == catalog_id)
            .order_by(CatalogAccessGrant.customer_id)
        )
        return list(rows)

    async def replace_grants(self, catalog_id: uuid.UUID, customer_ids: list[uuid.UUID]) -> None:
        await self.session.execute(
            delete(CatalogAccessGrant).where(CatalogAccessGrant.catalog_id == catalog_id)
        )
        if customer_ids:
            await self.session.execute(
                insert(CatalogAccessGrant),
                [
                    {"id": uuid.uuid4(), "catalog_id": catalog_id, "customer_id": cid}
                    for cid in customer_ids
                ],
            )

    async def media(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Media]:
        wanted = set(ids)
        if not wanted:
            return {}
        rows = await self.session.scalars(
            select(Media).where(Media.brand_id == self.brand_id, Media.id.in_(wanted))
        )
        return {media.id: media for media in rows}
