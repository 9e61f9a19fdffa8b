"""Products: the SKU template and its generated SKUs, option groups, prices per transaction
term × currency (with per-SKU overrides), stock per SKU, images."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Hashable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands.access import BrandContext
from showroom.core.errors import Conflict, FieldErrors, Invalid, Loc, NotFound
from showroom.core.pagination import PageParams
from showroom.core.time import utcnow
from showroom.integrations.events import emit, emit_stock, sku_stock
from showroom.integrations.schemas import EventType
from showroom.models import (
    Category,
    Media,
    Product,
    ProductImage,
    ProductPrice,
    Sku,
    SkuPrice,
    TaxRate,
    TransactionTerm,
)
from showroom.products.repository import ProductRepository, search_text
from showroom.products.schemas import (
    BulkPrice,
    OptionGroup,
    PriceIn,
    ProductCreate,
    ProductUpdate,
    Property,
    SkuBulkItem,
    SkuBulkUpdate,
    SkuUpdate,
)
from showroom.products.views import product_view


def sku_code(model_number: str, value_codes: Sequence[str]) -> str:
    """``<model>_<value1>_<value2>``, the import convention; the bare model number when the
    product has a single SKU."""
    return "_".join([model_number, *value_codes])


def combinations(properties: Sequence[dict[str, Any]]) -> list[dict[str, str]]:
    """Every combination of property values, in template order (colour-major)."""
    axes = [[(prop["code"], value["code"]) for value in prop["values"]] for prop in properties]
    return [dict(combo) for combo in itertools.product(*axes)]


Child = TypeVar("Child", ProductPrice, SkuPrice, ProductImage)


def merge_children(
    current: list[Child],
    wanted: Sequence[tuple[Hashable, dict[str, Any]]],
    key: Callable[[Child], Hashable],
    make: Callable[..., Child],
) -> list[Child]:
    """The new list of child rows: rows whose key is still wanted are updated in place, the
    others dropped, new ones made. (Replacing rows wholesale would insert the new ones before
    deleting the old and trip the unique constraints.)"""
    existing = {key(child): child for child in current}
    result = []
    for wanted_key, values in wanted:
        child = existing.get(wanted_key)
        if child is None:
            child = make(**values)
        else:
            for name, value in values.items():
                setattr(child, name, value)
        result.append(child)
    return result


def _price_rows(
    prices: Sequence[tuple[uuid.UUID, str, int]],
) -> list[tuple[Hashable, dict[str, Any]]]:
    return [((t, c), {"term_id": t, "currency": c, "amount": a}) for t, c, a in prices]


def _image_rows(image_ids: Sequence[uuid.UUID]) -> list[tuple[Hashable, dict[str, Any]]]:
    return [(m, {"media_id": m, "position": p}) for p, m in enumerate(image_ids)]


def _price_key(price: ProductPrice | SkuPrice) -> Hashable:
    return (price.term_id, price.currency)


def _stock(sku: Sku) -> tuple[int, bool, bool]:
    return (sku.stock_quantity, sku.track_stock, sku.allow_backorder)


def _stock_row(sku: Sku) -> tuple[uuid.UUID, str, uuid.UUID, int, bool, bool]:
    return (sku.id, sku.code, sku.product_id, *_stock(sku))


def _own_prices(sku: Sku) -> dict[tuple[uuid.UUID, str], int]:
    return {(p.term_id, p.currency): p.amount for p in sku.prices}


class ProductService:
    def __init__(self, session: AsyncSession, ctx: BrandContext) -> None:
        self.session = session
        self.ctx = ctx
        self.brand = ctx.brand
        self.repo = ProductRepository(session, ctx.brand_id)

    # --- reading ---------------------------------------------------------------------------

    async def get(self, product_id: uuid.UUID) -> Product:
        product = await self.repo.get(product_id)
        if product is None:
            raise NotFound("No such product.", code="product.not_found")
        return product

    async def page(
        self,
        page: PageParams,
        *,
        search: str | None,
        category_id: uuid.UUID | None,
        updated_since: datetime | None,
    ) -> tuple[
        list[Product], dict[uuid.UUID, tuple[int, int | None]], dict[uuid.UUID, Media], str | None
    ]:
        products, cursor = await self.repo.page(
            page, search=search, category_id=category_id, updated_since=updated_since
        )
        ids = [product.id for product in products]
        return products, await self.repo.sku_stats(ids), await self.repo.first_images(ids), cursor

    # --- validation ------------------------------------------------------------------------

    def _choices(
        self, errors: FieldErrors, groups: Sequence[Property | OptionGroup], field: str
    ) -> list[dict[str, Any]]:
        seen_codes: set[str] = set()
        cleaned = []
        for index, group in enumerate(groups):
            loc: Loc = ("body", field, index)
            if group.code in seen_codes:
                errors.add((*loc, "code"), f"The code {group.code} is used twice.", "duplicate")
            seen_codes.add(group.code)
            value_codes: set[str] = set()
            values = []
            for value_index, value in enumerate(group.values):
                value_loc: Loc = (*loc, "values", value_index)
                if value.code in value_codes:
                    errors.add(
                        (*value_loc, "code"), f"The code {value.code} is used twice.", "duplicate"
                    )
                value_codes.add(value.code)
                values.append(
                    {
                        "code": value.code,
                        "name": self.ctx.localized(errors, value.name, (*value_loc, "name")),
                    }
                )
            cleaned.append(
                {
                    "code": group.code,
                    "name": self.ctx.localized(errors, group.name, (*loc, "name")),
                    "values": values,
                }
            )
        return cleaned

    async def _prices(
        self, errors: FieldErrors, prices: Sequence[PriceIn], loc: Loc
    ) -> list[tuple[uuid.UUID, str, int]]:
        terms = await self.repo.terms()
        seen: set[tuple[uuid.UUID, str]] = set()
        cleaned = []
        for index, price in enumerate(prices):
            if price.term_id not in terms:
                errors.add((*loc, index, "term_id"), "No such transaction term.", "not_found")
            if price.currency not in self.brand.currencies:
                errors.add(
                    (*loc, index, "currency"),
                    f"{price.currency} is not one of the brand's currencies.",
                    "currency_not_enabled",
                )
            key = (price.term_id, price.currency)
            if key in seen:
                errors.add((*loc, index), "This term and currency appear twice.", "duplicate")
            seen.add(key)
            cleaned.append((price.term_id, price.currency, price.amount))
        return cleaned

    async def _references(
        self,
        errors: FieldErrors,
        category_id: uuid.UUID | None,
        tax_rate_id: uuid.UUID | None,
        image_ids: Sequence[uuid.UUID] | None,
    ) -> dict[uuid.UUID, Media]:
        if category_id is not None and not await self.repo.owns(Category, category_id):
            errors.add(("body", "category_id"), "No such category.", "not_found")
        if tax_rate_id is not None and not await self.repo.owns(TaxRate, tax_rate_id):
            errors.add(("body", "tax_rate_id"), "No such tax rate.", "not_found")
        media: dict[uuid.UUID, Media] = {}
        if image_ids:
            media = await self.repo.media(list(image_ids))
            for index, image_id in enumerate(image_ids):
                if image_id not in media:
                    errors.add(("body", "image_ids", index), "No such image.", "not_found")
            if len(set(image_ids)) != len(image_ids):
                errors.add(("body", "image_ids"), "Each image once.", "duplicate")
        return media

    async def _model_number_free(self, model_number: str, except_id: uuid.UUID | None) -> None:
        if await self.repo.model_number_taken(model_number, except_id):
            raise Conflict(
                f"Another product already has the model number {model_number}.",
                code="product.model_number_taken",
                loc=("body", "model_number"),
            )

    async def _sku_codes_free(
        self, codes: Sequence[str], except_product_id: uuid.UUID | None, loc: Loc
    ) -> None:
        duplicates = {code for code in codes if codes.count(code) > 1}
        taken = await self.repo.sku_codes_taken(codes, except_product_id) | duplicates
        if taken:
            raise Conflict(
                f"SKU code already in use: {', '.join(sorted(taken))}.",
                code="sku.code_taken",
                loc=loc,
            )

    # --- writing ---------------------------------------------------------------------------

    async def create(self, data: ProductCreate) -> Product:
        errors = FieldErrors()
        name = self.ctx.localized(errors, data.name, ("body", "name"))
        description = self.ctx.localized(
            errors, data.description, ("body", "description"), required=False
        )
        properties = self._choices(errors, data.sku_properties, "sku_properties")
        options = self._choices(errors, data.option_groups, "option_groups")
        prices = await self._prices(errors, data.prices, ("body", "prices"))
        tax_rate_id = (
            data.tax_rate_id
            if "tax_rate_id" in data.model_fields_set
            else await self.repo.default_tax_id()
        )
        await self._references(errors, data.category_id, tax_rate_id, data.image_ids)
        errors.raise_if_any()

        await self._model_number_free(data.model_number, None)
        combos = combinations(properties)
        codes = [sku_code(data.model_number, list(combo.values())) for combo in combos]
        await self._sku_codes_free(codes, None, ("body", "model_number"))

        product = Product(
            id=uuid.uuid4(),
            brand_id=self.brand.id,
            model_number=data.model_number,
            name=name,
            description=description,
            category_id=data.category_id,
            tax_rate_id=tax_rate_id,
            sku_properties=properties,
            option_groups=options,
            skus=[
                Sku(
                    brand_id=self.brand.id,
                    code=code,
                    position=position,
                    values=combo,
                    prices=[],
                    **data.stock.model_dump(),
                )
                for position, (combo, code) in enumerate(zip(combos, codes, strict=True))
            ],
            prices=[ProductPrice(term_id=t, currency=c, amount=a) for t, c, a in prices],
            images=[
                ProductImage(media_id=media_id, position=position)
                for position, media_id in enumerate(data.image_ids)
            ],
        )
        product.search_text = search_text(product, codes)
        self.repo.add(product)
        await self.session.flush()
        return await self.get(product.id)

    async def update(self, product_id: uuid.UUID, data: ProductUpdate) -> Product:
        product = await self.get(product_id)
        given = data.model_fields_set
        errors = FieldErrors()
        if data.name is not None:
            product.name = self.ctx.localized(errors, data.name, ("body", "name"))
        if data.description is not None:
            product.description = self.ctx.localized(
                errors, data.description, ("body", "description"), required=False
            )
        properties = (
            self._choices(errors, data.sku_properties, "sku_properties")
            if data.sku_properties is not None
            else None
        )
        if data.option_groups is not None:
            product.option_groups = self._choices(errors, data.option_groups, "option_groups")
        prices = (
            await self._prices(errors, data.prices, ("body", "prices"))
            if data.prices is not None
            else None
        )
        category_id = data.category_id if "category_id" in given else product.category_id
        tax_rate_id = data.tax_rate_id if "tax_rate_id" in given else product.tax_rate_id
        await self._references(errors, category_id, tax_rate_id, data.image_ids)
        errors.raise_if_any()

        old_model = product.model_number
        if data.model_number is not None and data.model_number != old_model:
            await self._model_number_free(data.model_number, product.id)
            product.model_number = data.model_number
        product.category_id = category_id
        product.tax_rate_id = tax_rate_id
        if properties is not None:
            product.sku_properties = properties
        await self._reconcile_skus(product, old_model)
        if prices is not None:
            product.prices = merge_children(
                product.prices, _price_rows(prices), _price_key, ProductPrice
            )
        if data.image_ids is not None:
            product.images = merge_children(
                product.images, _image_rows(data.image_ids), lambda i: i.media_id, ProductImage
            )
        product.search_text = search_text(product, [sku.code for sku in product.skus])
        product.updated_at = utcnow()
        await self.session.flush()
        return self._updated(await self.get(product.id))

    def _updated(self, product: Product) -> Product:
        emit(
            self.session,
            self.brand.id,
            EventType.product_updated,
            product_view(product).model_dump(mode="json"),
        )
        return product

    async def _reconcile_skus(self, product: Product, old_model: str) -> None:
        """Keep SKUs whose combination still exists, add the new ones, drop the vanished.
        Generated codes follow a model-number change; codes set by hand stay."""
        by_values = {tuple(sorted(sku.values.items())): sku for sku in product.skus}
        kept: list[Sku] = []
        new_codes: list[str] = []
        for position, combo in enumerate(combinations(product.sku_properties)):
            values = list(combo.values())
            existing = by_values.get(tuple(sorted(combo.items())))
            if existing is None:
                existing = Sku(
                    brand_id=product.brand_id,
                    code=sku_code(product.model_number, values),
                    values=combo,
                    prices=[],
                )
                new_codes.append(existing.code)
            elif existing.code == sku_code(old_model, values):
                existing.code = sku_code(product.model_number, values)
                new_codes.append(existing.code)
            existing.position = position
            kept.append(existing)
        await self._sku_codes_free(new_codes, product.id, ("body", "sku_properties"))
        product.skus = kept

    async def update_sku(
        self, product_id: uuid.UUID, sku_id: uuid.UUID, data: SkuUpdate
    ) -> Product:
        product = await self.get(product_id)
        sku = next((s for s in product.skus if s.id == sku_id), None)
        if sku is None:
            raise NotFound("No such SKU.", code="sku.not_found")
        errors = FieldErrors()
        prices = (
            await self._prices(errors, data.prices, ("body", "prices"))
            if data.prices is not None
            else None
        )
        errors.raise_if_any()
        if data.code is not None and data.code != sku.code:
            await self._sku_codes_free([data.code], None, ("body", "code"))
            sku.code = data.code
        stock_before = _stock(sku)
        for field in ("position", "track_stock", "stock_quantity", "allow_backorder"):
            value = getattr(data, field)
            if value is not None:
                setattr(sku, field, value)
        if prices is not None:
            sku.prices = merge_children(sku.prices, _price_rows(prices), _price_key, SkuPrice)
        product.search_text = search_text(product, [s.code for s in product.skus])
        product.updated_at = utcnow()
        await self.session.flush()
        if _stock(sku) != stock_before:
            emit_stock(self.session, self.brand.id, "sku.updated", [sku_stock(*_stock_row(sku))])
        return self._updated(await self.get(product.id))

    async def bulk_update_skus(self, data: SkuBulkUpdate) -> list[tuple[Sku, bool]]:
        """Stock and own prices of many SKUs by code, all or nothing: every unknown code,
        term or currency is reported with its field pointer and nothing changes. Asking for
        what is already there changes nothing (and emits no event), so a retry is harmless."""
        skus = await self.repo.skus_by_code(item.code for item in data.items)
        terms = await self.repo.terms()
        by_code = {term.code: term.id for term in terms.values()}
        errors = FieldErrors()
        seen: set[str] = set()
        wanted: list[tuple[Sku, SkuBulkItem, dict[tuple[uuid.UUID, str], int]]] = []
        for index, item in enumerate(data.items):
            loc: Loc = ("body", "items", index)
            if item.code in seen:
                errors.add((*loc, "code"), "This SKU code appears twice.", "duplicate")
            seen.add(item.code)
            sku = skus.get(item.code)
            if sku is None:
                errors.add((*loc, "code"), f"No SKU has the code {item.code}.", "sku.not_found")
            prices = self._bulk_prices(errors, item.prices or [], terms, by_code, (*loc, "prices"))
            if sku is not None:
                wanted.append((sku, item, prices))
        if errors.errors:
            raise Invalid(
                "Nothing was changed: some items cannot be applied.",
                code="skus.bulk_rejected",
                errors=errors.errors,
            )
        results: list[tuple[Sku, bool]] = []
        for sku, item, prices in wanted:
            before = (_stock(sku), _own_prices(sku))
            for field in ("track_stock", "stock_quantity", "allow_backorder"):
                value = getattr(item, field)
                if value is not None:
                    setattr(sku, field, value)
            current = {(p.term_id, p.currency): p for p in sku.prices}
            for (term_id, currency), amount in prices.items():
                if (term_id, currency) in current:
                    current[(term_id, currency)].amount = amount
                else:
                    sku.prices.append(SkuPrice(term_id=term_id, currency=currency, amount=amount))
            results.append((sku, (_stock(sku), _own_prices(sku)) != before))
        changed = [sku for sku, did in results if did]
        if not changed:
            return results
        now = utcnow()
        await self.session.flush()
        await self.repo.touch({sku.product_id for sku in changed}, now)
        emit_stock(
            self.session,
            self.brand.id,
            "skus.bulk",
            [sku_stock(*_stock_row(sku)) for sku, did in results if did and sku.track_stock],
        )
        for product in await self.repo.get_many({sku.product_id for sku in changed}):
            self._updated(product)
        return results

    def _bulk_prices(
        self,
        errors: FieldErrors,
        prices: Sequence[BulkPrice],
        terms: dict[uuid.UUID, TransactionTerm],
        by_code: dict[str, uuid.UUID],
        loc: Loc,
    ) -> dict[tuple[uuid.UUID, str], int]:
        cleaned: dict[tuple[uuid.UUID, str], int] = {}
        for index, price in enumerate(prices):
            if price.term_id is not None:
                term_id: uuid.UUID | None = price.term_id if price.term_id in terms else None
                field = "term_id"
            else:
                term_id = by_code.get(price.term_code or "")
                field = "term_code"
            if term_id is None:
                errors.add((*loc, index, field), "No such transaction term.", "not_found")
                continue
            if price.currency not in self.brand.currencies:
                errors.add(
                    (*loc, index, "currency"),
                    f"{price.currency} is not one of the brand's currencies.",
                    "currency_not_enabled",
                )
                continue
            if (term_id, price.currency) in cleaned:
                errors.add((*loc, index), "This term and currency appear twice.", "duplicate")
            cleaned[(term_id, price.currency)] = price.amount
        return cleaned

    async def delete(self, product_id: uuid.UUID) -> None:
        await self.repo.delete(await self.get(product_id))
