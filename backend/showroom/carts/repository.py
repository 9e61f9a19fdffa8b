from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, delete, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from showroom.core.pagination import PageParams, keyset_page
from showroom.models import (
    Brand,
    BuyerKind,
    BuyerMember,
    BuyerOrganization,
    Cart,
    CartItem,
    Catalog,
    CatalogProduct,
    OrderLink,
    Product,
)
from showroom.storefront.repository import PriceList, priced


@dataclass(frozen=True)
class CartRow:
    cart: Cart
    item_count: int
    brand: Brand
    catalog: Catalog
    link_name: str | None


@lru_cache(maxsize=256)
def _priced(prices: PriceList, images: bool) -> tuple[Any, ...]:
    # A cart shows each product's first image: joined, it costs no statement of its own.
    # Kept per price list (a brand has a handful): building these loader options took about
    # 1 ms of every cart request, and options are immutable, made to be reused.
    return (*priced(prices, images=False), *([joinedload(Product.images)] if images else []))


class CartRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, obj: Cart | CartItem) -> None:
        self.session.add(obj)

    async def delete(self, obj: Cart | CartItem) -> None:
        await self.session.delete(obj)

    async def cart(
        self, cart_id: uuid.UUID, user_id: uuid.UUID | None
    ) -> tuple[Cart, BuyerOrganization | None] | None:
        """The cart, with its buyer organization when the user is a member of it."""
        member = exists().where(
            BuyerMember.buyer_organization_id == Cart.buyer_organization_id,
            BuyerMember.user_id == user_id,
        )
        row = (
            await self.session.execute(
                select(Cart, BuyerOrganization)
                .outerjoin(
                    BuyerOrganization,
                    and_(BuyerOrganization.id == Cart.buyer_organization_id, member),
                )
                .where(Cart.id == cart_id)
            )
        ).first()
        return (row[0], row[1]) if row else None

    async def by_scope(self, scope: str) -> Cart | None:
        return await self.session.scalar(select(Cart).where(Cart.scope == scope))

    async def items(self, cart_id: uuid.UUID) -> list[CartItem]:
        return list(
            await self.session.scalars(
                select(CartItem)
                .where(CartItem.cart_id == cart_id)
                .order_by(CartItem.created_at, CartItem.id)
            )
        )

    async def item(self, cart_id: uuid.UUID, item_id: uuid.UUID) -> CartItem | None:
        return await self.session.scalar(
            select(CartItem).where(CartItem.cart_id == cart_id, CartItem.id == item_id)
        )

    async def item_for_product(self, cart_id: uuid.UUID, product_id: uuid.UUID) -> CartItem | None:
        return await self.session.scalar(
            select(CartItem).where(CartItem.cart_id == cart_id, CartItem.product_id == product_id)
        )

    async def clear(self, cart_id: uuid.UUID) -> None:
        await self.session.execute(delete(CartItem).where(CartItem.cart_id == cart_id))

    async def catalog_product(
        self, catalog_id: uuid.UUID, product_id: uuid.UUID, prices: PriceList
    ) -> Product | None:
        """A product of the catalog with its SKUs priced for the shopper, and its images."""
        return (
            (
                await self.session.scalars(
                    select(Product)
                    .join(CatalogProduct, CatalogProduct.product_id == Product.id)
                    .where(CatalogProduct.catalog_id == catalog_id, Product.id == product_id)
                    .options(*_priced(prices, images=True))
                )
            )
            .unique()
            .first()
        )

    async def products(
        self, ids: Iterable[uuid.UUID], prices: PriceList, *, images: bool = True
    ) -> dict[uuid.UUID, Product]:
        """Products with their SKUs priced for the shopper (and their images if wanted)."""
        wanted = set(ids)
        if not wanted:
            return {}
        rows = await self.session.scalars(
            select(Product).where(Product.id.in_(wanted)).options(*_priced(prices, images))
        )
        return {product.id: product for product in rows.unique()}

    async def page(
        self,
        params: PageParams,
        *,
        org_id: uuid.UUID | None = None,
        guest: tuple[uuid.UUID, str] | None = None,
        with_items: bool = False,
    ) -> tuple[list[CartRow], str | None]:
        """Carts, most recent first, with what a list of them shows: brand and catalog (and
        the link, for carts on one) and the number of items."""
        counts = (
            select(func.count(CartItem.id))
            .where(CartItem.cart_id == Cart.id)
            .correlate(Cart)
            .scalar_subquery()
        )
        query = (
            select(Cart, counts, Brand, Catalog, OrderLink.name)
            .join(Brand, Brand.id == Cart.brand_id)
            .join(Catalog, Catalog.id == Cart.catalog_id)
            .outerjoin(OrderLink, OrderLink.id == Cart.link_id)
        )
        if org_id is not None:
            query = query.where(Cart.buyer_organization_id == org_id)
        elif guest is not None:
            query = query.where(
                Cart.buyer_organization_id.is_(None),
                Cart.link_id == guest[0],
                Cart.guest_subject == guest[1],
            )
        if with_items:
            query = query.where(counts > 0)
        rows, cursor = await keyset_page(
            self.session, query, params, created=Cart.created_at, ident=Cart.id, newest_first=True
        )
        return [CartRow(row[0], int(row[1]), row[2], row[3], row[4]) for row in rows], cursor

    async def quantities(self, cart_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        """Each cart's total SKU quantity (summed here: it lives in each item's JSON rows)."""
        totals = dict.fromkeys(cart_ids, 0)
        if cart_ids:
            rows = await self.session.execute(
                select(CartItem.cart_id, CartItem.skus).where(CartItem.cart_id.in_(cart_ids))
            )
            for cart_id, skus in rows:
                totals[cart_id] += sum(int(row["quantity"]) for row in skus)
        return totals

    async def personal_organization(self, user_id: uuid.UUID) -> BuyerOrganization | None:
        return await self.session.scalar(
            select(BuyerOrganization)
            .join(BuyerMember, BuyerMember.buyer_organization_id == BuyerOrganization.id)
            .where(
                BuyerMember.user_id == user_id,
                BuyerMember.is_primary_owner.is_(True),
                BuyerOrganization.kind == BuyerKind.personal,
            )
            .order_by(BuyerOrganization.created_at)
            .limit(1)
        )
