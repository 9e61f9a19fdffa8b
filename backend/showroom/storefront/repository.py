from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from showroom.models import (
    Brand,
    BuyerMember,
    BuyerOrganization,
    Catalog,
    CatalogProduct,
    Category,
    Customer,
    LinkStatus,
    Lookbook,
    LookbookStatus,
    OrderLink,
    Product,
    ProductImage,
    Sku,
    TaxRate,
    TransactionTerm,
)


class StorefrontRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def link_by_token(self, token: str) -> OrderLink | None:
        return await self.session.scalar(
            select(OrderLink).where(
                OrderLink.token == token, OrderLink.status != LinkStatus.deleted
            )
        )

    async def link(self, link_id: uuid.UUID) -> OrderLink | None:
        return await self.session.scalar(
            select(OrderLink).where(OrderLink.id == link_id, OrderLink.status != LinkStatus.deleted)
        )

    async def brand(self, brand_id: uuid.UUID) -> Brand | None:
        return await self.session.get(Brand, brand_id)

    async def catalog(self, catalog_id: uuid.UUID) -> Catalog | None:
        return await self.session.get(Catalog, catalog_id)

    async def term(self, brand_id: uuid.UUID, term_id: uuid.UUID) -> TransactionTerm | None:
        return await self.session.scalar(
            select(TransactionTerm).where(
                TransactionTerm.brand_id == brand_id, TransactionTerm.id == term_id
            )
        )

    async def term_by_code(self, brand_id: uuid.UUID, code: str) -> TransactionTerm | None:
        return await self.session.scalar(
            select(TransactionTerm).where(
                TransactionTerm.brand_id == brand_id, func.upper(TransactionTerm.code) == code
            )
        )

    async def customer(self, brand_id: uuid.UUID, customer_id: uuid.UUID) -> Customer | None:
        return await self.session.scalar(
            select(Customer).where(Customer.brand_id == brand_id, Customer.id == customer_id)
        )

    async def customer_by_link_login(self, brand_id: uuid.UUID, email: str) -> Customer | None:
        return await self.session.scalar(
            select(Customer).where(
                Customer.brand_id == brand_id, Customer.link_login_email == email
            )
        )

    async def membership(self, org_id: uuid.UUID, user_id: uuid.UUID) -> BuyerOrganization | None:
        return await self.session.scalar(
            select(BuyerOrganization)
            .join(BuyerMember, BuyerMember.buyer_organization_id == BuyerOrganization.id)
            .where(BuyerOrganization.id == org_id, BuyerMember.user_id == user_id)
        )

    async def public_lookbooks(self, brand_id: uuid.UUID, ids: Sequence[str]) -> list[Lookbook]:
        if not ids:
            return []
        wanted = [uuid.UUID(str(i)) for i in ids]
        found = await self.session.scalars(
            select(Lookbook).where(
                Lookbook.brand_id == brand_id,
                Lookbook.id.in_(wanted),
                Lookbook.status == LookbookStatus.public,
            )
        )
        by_id = {lookbook.id: lookbook for lookbook in found}
        return [by_id[i] for i in wanted if i in by_id]

    async def categories_in(self, catalog_id: uuid.UUID) -> list[Category]:
        used = (
            select(Product.category_id)
            .join(CatalogProduct, CatalogProduct.product_id == Product.id)
            .where(CatalogProduct.catalog_id == catalog_id)
        )
        return list(
            await self.session.scalars(
                select(Category)
                .where(Category.id.in_(used))
                .order_by(Category.position, Category.code)
            )
        )

    async def tax_rates(self, brand_id: uuid.UUID) -> dict[uuid.UUID, TaxRate]:
        rows = await self.session.scalars(select(TaxRate).where(TaxRate.brand_id == brand_id))
        return {rate.id: rate for rate in rows}

    async def catalog_products(
        self,
        catalog_id: uuid.UUID,
        *,
        after_position: int | None,
        limit: int,
        search: str | None,
        category_id: uuid.UUID | None,
    ) -> list[tuple[int, Product]]:
        """One page of a catalog's products in the catalog's order, with everything a buyer
        sees of them loaded in a fixed number of statements."""
        query = (
            select(CatalogProduct.position, Product)
            .join(Product, Product.id == CatalogProduct.product_id)
            .where(CatalogProduct.catalog_id == catalog_id)
            .options(
                selectinload(Product.skus).selectinload(Sku.prices),
                selectinload(Product.prices),
                selectinload(Product.images).joinedload(ProductImage.media),
            )
            .order_by(CatalogProduct.position)
            .limit(limit)
        )
        if after_position is not None:
            query = query.where(CatalogProduct.position > after_position)
        if search:
            query = query.where(Product.search_text.contains(search.lower(), autoescape=True))
        if category_id is not None:
            query = query.where(Product.category_id == category_id)
        return [(position, product) for position, product in await self.session.execute(query)]

    async def categories(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Category]:
        wanted = set(ids)
        if not wanted:
            return {}
        rows = await self.session.scalars(select(Category).where(Category.id.in_(wanted)))
        return {category.id: category for category in rows}
