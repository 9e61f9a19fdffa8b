from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Row,
    Select,
    and_,
    bindparam,
    exists,
    func,
    null,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, joinedload, selectinload, with_expression

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
    Media,
    OrderLink,
    OrderLinkCatalog,
    Product,
    ProductImage,
    ProductPrice,
    Sku,
    SkuPrice,
    TaxRate,
    TransactionTerm,
)

RRP_CODE = "RRP"


@dataclass(frozen=True)
class PriceList:
    """The list prices a shopper's SKUs are selected with: the shopper's term in the
    shopper's currency, and the RRP beside it when the shopper buys at WSP."""

    term_id: uuid.UUID
    currency: str
    rrp_term_id: uuid.UUID | None = None


def _list_amount(term_id: uuid.UUID, currency: str) -> ColumnElement[int | None]:
    """The SKU's own price for the term and currency, else its product's."""
    own = (
        select(SkuPrice.amount)
        .where(SkuPrice.sku_id == Sku.id, SkuPrice.term_id == term_id)
        .where(SkuPrice.currency == currency)
        .scalar_subquery()
    )
    product = (
        select(ProductPrice.amount)
        .where(ProductPrice.product_id == Sku.product_id, ProductPrice.term_id == term_id)
        .where(ProductPrice.currency == currency)
        .scalar_subquery()
    )
    return func.coalesce(own, product)


def _amount_joins(which: str) -> tuple[list[Any], ColumnElement[Any]]:
    """Outer joins of a SKU to its own price and its product's for the term
    (``{which}_term_id``) and currency, and the amount to show: the SKU's, else the product's.
    ``_list_amount`` as joins, which the planner runs as one pass over the page's SKUs instead
    of two subqueries per SKU."""
    own = aliased(SkuPrice, name=f"{which}_own")
    product = aliased(ProductPrice, name=f"{which}_product")
    term_id: BindParameter[Any] = bindparam(f"{which}_term_id")
    currency: BindParameter[Any] = bindparam("currency")
    joins = [
        (own, and_(own.sku_id == Sku.id, own.term_id == term_id, own.currency == currency)),
        (
            product,
            and_(
                product.product_id == Sku.product_id,
                product.term_id == term_id,
                product.currency == currency,
            ),
        ),
    ]
    return joins, func.coalesce(own.amount, product.amount)


# The catalog page's statements are built once, with bound parameters: building a select of
# a dozen columns and four joins cost more CPU than the database spent running it, and a
# statement object that is reused also keeps its cache key.


@cache
def _page_products(*, after: bool, category: bool) -> Select[Any]:
    query = (
        select(
            CatalogProduct.position,
            Product.id,
            Product.model_number,
            Product.name,
            Product.description,
            Product.sku_properties,
            Product.option_groups,
            Category.id.label("category_id"),
            Category.name.label("category_name"),
            TaxRate.id.label("tax_id"),
            TaxRate.rate.label("tax_rate"),
            TaxRate.country.label("tax_country"),
            TaxRate.rounding.label("tax_rounding"),
        )
        .join(Product, Product.id == CatalogProduct.product_id)
        .outerjoin(Category, Category.id == Product.category_id)
        .outerjoin(TaxRate, TaxRate.id == Product.tax_rate_id)
        .where(CatalogProduct.catalog_id == bindparam("catalog_id"))
        .order_by(CatalogProduct.position)
        .limit(bindparam("limit"))
    )
    if after:
        query = query.where(CatalogProduct.position > bindparam("after_position"))
    if category:
        query = query.where(Product.category_id == bindparam("category_id"))
    return query


@cache
def _page_skus(*, rrp: bool) -> Select[Any]:
    list_joins, list_amount = _amount_joins("list")
    rrp_joins, rrp_amount = _amount_joins("rrp") if rrp else ([], null())
    query = select(
        Sku.product_id,
        Sku.id,
        Sku.code,
        Sku.values,
        Sku.track_stock,
        Sku.stock_quantity,
        Sku.allow_backorder,
        list_amount.label("list_amount"),
        rrp_amount.label("rrp_amount"),
    ).select_from(Sku)
    for target, onclause in [*list_joins, *rrp_joins]:
        query = query.outerjoin(target, onclause)
    return query.where(Sku.product_id.in_(bindparam("ids", expanding=True))).order_by(
        Sku.product_id, Sku.position
    )


_PAGE_IMAGES = (
    select(ProductImage.product_id, Media.id, Media.width, Media.height)
    .join(Media, Media.id == ProductImage.media_id)
    .where(ProductImage.product_id.in_(bindparam("ids", expanding=True)))
    .order_by(ProductImage.product_id, ProductImage.position)
)


@dataclass(frozen=True)
class CatalogPage:
    """A page of a catalog's products as plain rows (no ORM objects: the page is read-only
    and large, 50 products × 12 SKUs, so identity-mapping it would cost more than the
    queries). ``products`` may hold one row past the page, to tell that more follow; the
    SKUs and images are those of the page's rows only, in display order. A SKU row is
    (product_id, id, code, values, track_stock, stock_quantity, allow_backorder, list_amount,
    rrp_amount), in that order: the page unpacks it."""

    products: Sequence[Row[Any]]
    skus: dict[uuid.UUID, list[Row[Any]]]
    images: dict[uuid.UUID, list[Any]]


def priced(prices: PriceList, *, images: bool = True) -> list[Any]:
    """Loader options for products as a shopper sees them: SKUs with their list prices,
    the tax rate and category joined, and (unless not wanted) the images."""
    expressions = [with_expression(Sku.list_amount, _list_amount(prices.term_id, prices.currency))]
    if prices.rrp_term_id is not None:
        expressions.append(
            with_expression(Sku.rrp_amount, _list_amount(prices.rrp_term_id, prices.currency))
        )
    options: list[Any] = [
        selectinload(Product.skus).options(*expressions),
        joinedload(Product.tax_rate),
        joinedload(Product.category),
    ]
    if images:
        options.append(selectinload(Product.images).joinedload(ProductImage.media))
    return options


# The outer query may select the shopper's own term; made once: building an ORM alias costs
# more than the query it goes into.
_RRP_TERM = aliased(TransactionTerm, name="rrp_term")


def _rrp_term_id(brand_id: Any) -> Any:
    rrp = _RRP_TERM
    return (
        select(rrp.id)
        .where(rrp.brand_id == brand_id, func.upper(rrp.code) == RRP_CODE)
        .correlate_except(rrp)
        .limit(1)
        .scalar_subquery()
    )


@dataclass(frozen=True)
class LinkContext:
    link: OrderLink
    brand: Brand
    term: TransactionTerm | None  # the link's own terms; None on a Customer Order Link
    rrp_term_id: uuid.UUID | None
    catalogs: list[Catalog]  # the link's, in its order


@dataclass(frozen=True)
class CustomerContext:
    customer: Customer
    term: TransactionTerm
    rrp_term_id: uuid.UUID | None


@dataclass(frozen=True)
class OrganizationContext:
    """A user's buyer organization and, when it trades with the brand, its customer record."""

    organization: BuyerOrganization
    brand: Brand | None
    customer: CustomerContext | None


# Built once (see the catalog page's statements): every grant-carrying request reads its link.
# One row per catalog of the link (a handful), so that its catalogs take no statement of their own.
_LINK_CONTEXT = (
    select(OrderLink, Brand, TransactionTerm, _rrp_term_id(Brand.id), Catalog)
    .join(Brand, Brand.id == OrderLink.brand_id)
    .outerjoin(TransactionTerm, TransactionTerm.id == OrderLink.transaction_term_id)
    .outerjoin(OrderLinkCatalog, OrderLinkCatalog.link_id == OrderLink.id)
    .outerjoin(Catalog, Catalog.id == OrderLinkCatalog.catalog_id)
    .where(OrderLink.status != LinkStatus.deleted)
    .order_by(OrderLinkCatalog.position)
)
_LINK_BY_ID = _LINK_CONTEXT.where(OrderLink.id == bindparam("link_id"))
_LINK_BY_TOKEN = _LINK_CONTEXT.where(OrderLink.token == bindparam("token"))


class StorefrontRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def link_context(
        self, *, link_id: uuid.UUID | None = None, token: str | None = None
    ) -> LinkContext | None:
        """A link that is not deleted, with its brand, terms and catalogs, in one statement."""
        if link_id is not None:
            rows = (await self.session.execute(_LINK_BY_ID, {"link_id": link_id})).all()
        else:
            rows = (await self.session.execute(_LINK_BY_TOKEN, {"token": token})).all()
        if not rows:
            return None
        link, brand, term, rrp_term_id, _ = rows[0]
        catalogs = [row[4] for row in rows if row[4] is not None]
        return LinkContext(link, brand, term, rrp_term_id, catalogs)

    async def customer_context(
        self, brand_id: uuid.UUID, customer_id: uuid.UUID
    ) -> CustomerContext | None:
        query = (
            select(Customer, TransactionTerm, _rrp_term_id(Customer.brand_id))
            .join(TransactionTerm, TransactionTerm.id == Customer.transaction_term_id)
            .where(Customer.brand_id == brand_id, Customer.id == customer_id)
        )
        row = (await self.session.execute(query)).first()
        return CustomerContext(*row) if row else None

    async def organization_context(
        self,
        org_id: uuid.UUID,
        user_id: uuid.UUID,
        *,
        brand_id: uuid.UUID | None = None,
        catalog_id: uuid.UUID | None = None,
    ) -> OrganizationContext | None:
        """The user's buyer organization (None if the user is not a member) with the brand
        (given, or the catalog's) and the organization's customer record there, if any: one
        statement for everything a standard order is priced with."""
        catalog_brand = select(Catalog.brand_id).where(Catalog.id == catalog_id)
        brand = Brand.id == (brand_id if brand_id is not None else catalog_brand.scalar_subquery())
        query = (
            select(BuyerOrganization, Brand, Customer, TransactionTerm, _rrp_term_id(Brand.id))
            .select_from(BuyerOrganization)
            .outerjoin(Brand, brand)
            .outerjoin(
                Customer,
                and_(
                    Customer.brand_id == Brand.id,
                    Customer.buyer_organization_id == BuyerOrganization.id,
                ),
            )
            .outerjoin(TransactionTerm, TransactionTerm.id == Customer.transaction_term_id)
            .where(BuyerOrganization.id == org_id, _is_member(user_id))
        )
        row = (await self.session.execute(query)).first()
        if row is None:
            return None
        org, found_brand, customer, term, rrp = row
        return OrganizationContext(
            org, found_brand, CustomerContext(customer, term, rrp) if customer else None
        )

    async def brand(self, brand_id: uuid.UUID) -> Brand | None:
        return await self.session.get(Brand, brand_id)

    async def catalog(self, catalog_id: uuid.UUID) -> Catalog | None:
        return await self.session.get(Catalog, catalog_id)

    async def customer_by_link_login(self, brand_id: uuid.UUID, email: str) -> Customer | None:
        return await self.session.scalar(
            select(Customer).where(
                Customer.brand_id == brand_id, Customer.link_login_email == email
            )
        )

    async def membership(self, org_id: uuid.UUID, user_id: uuid.UUID) -> BuyerOrganization | None:
        return await self.session.scalar(
            select(BuyerOrganization).where(BuyerOrganization.id == org_id, _is_member(user_id))
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

    async def catalog_page(
        self,
        catalog_id: uuid.UUID,
        prices: PriceList,
        *,
        after_position: int | None,
        limit: int,
        search: str | None,
        category_id: uuid.UUID | None,
    ) -> CatalogPage:
        """One page of a catalog's products in the catalog's order, with everything a buyer
        sees of them (SKUs priced for the shopper, stock, images, category, tax rate): three
        statements, whatever the page and catalog size."""
        query = _page_products(after=after_position is not None, category=category_id is not None)
        if search:  # a text search is rare enough to build its statement each time
            query = query.where(Product.search_text.contains(search.lower(), autoescape=True))
        params = {
            "catalog_id": catalog_id,
            "limit": limit + 1,
            "after_position": after_position,
            "category_id": category_id,
        }
        # On the connection, not the session: the rows need no ORM loading step.
        connection = await self.session.connection()
        products = (await connection.execute(query, params)).all()
        ids = [row.id for row in products[:limit]]
        skus: dict[uuid.UUID, list[Row[Any]]] = {i: [] for i in ids}
        images: dict[uuid.UUID, list[Any]] = {i: [] for i in ids}
        if not ids:
            return CatalogPage(products, skus, images)

        sku_params = {
            "ids": ids,
            "list_term_id": prices.term_id,
            "rrp_term_id": prices.rrp_term_id,
            "currency": prices.currency,
        }
        sku_query = _page_skus(rrp=prices.rrp_term_id is not None)
        for sku in (await connection.execute(sku_query, sku_params)).all():
            skus[sku.product_id].append(sku)
        for image in (await connection.execute(_PAGE_IMAGES, {"ids": ids})).all():
            images[image.product_id].append(image)
        return CatalogPage(products, skus, images)


def _is_member(user_id: uuid.UUID) -> ColumnElement[bool]:
    return exists().where(
        BuyerMember.buyer_organization_id == BuyerOrganization.id, BuyerMember.user_id == user_id
    )
