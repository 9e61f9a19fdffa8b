"""Product imports: template → upload → dry-run report (nothing written) → apply as a
background job, all or nothing, with progress."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from showroom.brands.access import BrandContext
from showroom.core.config import Settings
from showroom.core.errors import Conflict, Invalid, NotFound
from showroom.core.outbox import Handler, enqueue
from showroom.core.pagination import PageParams, keyset_page
from showroom.core.storage import Storage
from showroom.core.time import utcnow
from showroom.imports import files
from showroom.imports.plan import (
    BrandData,
    Plan,
    PriceKey,
    ProductPlan,
    build_plan,
    check_sku_owners,
    template_headers,
)
from showroom.models import (
    AuditEvent,
    Brand,
    Category,
    ImportStatus,
    OutboxMessage,
    Product,
    ProductImport,
    ProductPrice,
    Sku,
    SkuPrice,
    TaxRate,
    TransactionTerm,
    User,
)
from showroom.products.repository import search_text

logger = logging.getLogger("showroom.imports")

IMPORT_TOPIC = "product_import"
MAX_REPORTED_ERRORS = 1000
PROGRESS_EVERY = 250
CHUNK = 500

TEMPLATE_NOTES = [
    "One row per SKU. Rows with the same model_number form one product; its name, description,",
    "category, tax and prices come from its first row. A later row whose price differs gets its",
    "own SKU price.",
    "sku_code may be left blank: it becomes <model_number>_<value1>_<value2>.",
    "property1..3 name the axes of the SKU template (e.g. color, size); value1..3 are the codes",
    "of this row's values; value1_name:<language> their display names.",
    "Prices are in the currency's normal unit (4800 for ¥4,800; 35.50 for $35.50).",
    "category is a category code; tax is the name of a tax rate (blank: the default tax).",
    "track_stock and allow_backorder: yes or no. Existing products are updated by model number;",
    "their SKUs by SKU code. Upload the file: nothing is written until you apply the dry run.",
]


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


async def brand_data(session: AsyncSession, brand: Brand, models: Sequence[str]) -> BrandData:
    terms = await session.scalars(
        select(TransactionTerm).where(TransactionTerm.brand_id == brand.id)
    )
    categories = await session.scalars(select(Category).where(Category.brand_id == brand.id))
    taxes = list(await session.scalars(select(TaxRate).where(TaxRate.brand_id == brand.id)))
    existing: set[str] = set()
    for chunk in _chunks(sorted(set(models))):
        existing |= set(
            await session.scalars(
                select(Product.model_number).where(
                    Product.brand_id == brand.id, Product.model_number.in_(chunk)
                )
            )
        )
    return BrandData(
        languages=brand.languages,
        default_language=brand.default_language,
        currencies=brand.currencies,
        terms={term.code.upper(): term.id for term in terms},
        categories={category.code: category.id for category in categories},
        taxes={tax.name.get(brand.default_language, "").lower(): tax.id for tax in taxes},
        default_tax_id=next((tax.id for tax in taxes if tax.is_default), None),
        existing_models=existing,
    )


async def sku_owners(
    session: AsyncSession, brand_id: uuid.UUID, codes: Sequence[str]
) -> dict[str, str]:
    owners: dict[str, str] = {}
    for chunk in _chunks(sorted(set(codes))):
        rows = await session.execute(
            select(Sku.code, Product.model_number)
            .join(Product, Product.id == Sku.product_id)
            .where(Sku.brand_id == brand_id, Sku.code.in_(chunk))
        )
        owners.update({code: model for code, model in rows})
    return owners


async def plan_sheet(session: AsyncSession, brand: Brand, sheet: files.Sheet) -> Plan:
    """The dry run: every check the apply will rely on, against the database as it is now."""
    models = [row.get("model_number", "").strip() for _, row in sheet.rows]
    plan = build_plan(sheet, await brand_data(session, brand, models))
    codes = [sku.code for product in plan.products for sku in product.skus]
    check_sku_owners(plan, await sku_owners(session, brand.id, codes))
    return plan


PriceRows = dict[PriceKey, tuple[uuid.UUID, int]]  # (term, currency) → (row id, amount)


@dataclass
class _SkuRow:
    id: uuid.UUID
    code: str
    values: dict[str, str]
    track_stock: bool
    stock_quantity: int
    allow_backorder: bool
    prices: PriceRows = field(default_factory=dict)


@dataclass
class _ProductRow:
    """A product as the database has it, as plain rows: thousands of ORM objects (and the
    unit of work flushing them) took most of the time and memory of a 10,000-row import."""

    id: uuid.UUID
    name: dict[str, str]
    description: dict[str, str]
    category_id: uuid.UUID | None
    tax_rate_id: uuid.UUID | None
    sku_properties: list[dict[str, Any]]
    prices: PriceRows = field(default_factory=dict)
    skus: list[_SkuRow] = field(default_factory=list)  # in position order


async def load_products(
    session: AsyncSession, brand_id: uuid.UUID, models: Sequence[str]
) -> dict[str, _ProductRow]:
    """The products with these model numbers, four queries per chunk of 500."""
    found: dict[str, _ProductRow] = {}
    for chunk in _chunks(sorted(set(models))):
        by_id: dict[uuid.UUID, _ProductRow] = {}
        rows = await session.execute(
            select(
                Product.id,
                Product.model_number,
                Product.name,
                Product.description,
                Product.category_id,
                Product.tax_rate_id,
                Product.sku_properties,
            ).where(Product.brand_id == brand_id, Product.model_number.in_(chunk))
        )
        for product_id, model, name, description, category, tax, properties in rows:
            by_id[product_id] = found[model] = _ProductRow(
                product_id, name, description, category, tax, properties
            )
        if not by_id:
            continue
        ids = list(by_id)
        for price in await session.execute(
            select(
                ProductPrice.product_id,
                ProductPrice.term_id,
                ProductPrice.currency,
                ProductPrice.id,
                ProductPrice.amount,
            ).where(ProductPrice.product_id.in_(ids))
        ):
            by_id[price[0]].prices[(price[1], price[2])] = (price[3], price[4])
        skus: dict[uuid.UUID, _SkuRow] = {}
        for sku in await session.execute(
            select(
                Sku.product_id,
                Sku.id,
                Sku.code,
                Sku.values,
                Sku.track_stock,
                Sku.stock_quantity,
                Sku.allow_backorder,
            )
            .where(Sku.product_id.in_(ids))
            .order_by(Sku.product_id, Sku.position, Sku.code)
        ):
            skus[sku[1]] = _SkuRow(*sku[1:])
            by_id[sku[0]].skus.append(skus[sku[1]])
        for price in await session.execute(
            select(
                SkuPrice.sku_id, SkuPrice.term_id, SkuPrice.currency, SkuPrice.id, SkuPrice.amount
            )
            .join(Sku, Sku.id == SkuPrice.sku_id)
            .where(Sku.product_id.in_(ids))
        ):
            skus[price[0]].prices[(price[1], price[2])] = (price[3], price[4])
    return found


@dataclass
class _Writes:
    """One step's changes, written with one bulk statement per table and kind."""

    inserts: dict[type[Any], list[dict[str, Any]]] = field(
        default_factory=lambda: {Product: [], ProductPrice: [], Sku: [], SkuPrice: []}
    )
    updates: dict[type[Any], list[dict[str, Any]]] = field(
        default_factory=lambda: {Product: [], ProductPrice: [], Sku: [], SkuPrice: []}
    )
    deletes: dict[type[Any], list[uuid.UUID]] = field(
        default_factory=lambda: {ProductPrice: [], SkuPrice: []}
    )

    def prices(
        self,
        model: type[Any],
        owner: dict[str, uuid.UUID],
        current: PriceRows,
        wanted: dict[PriceKey, int],
    ) -> None:
        """Make ``current`` (one product's or SKU's prices) into ``wanted``."""
        self.deletes[model] += [row_id for key, (row_id, _) in current.items() if key not in wanted]
        for (term, currency), amount in wanted.items():
            if (term, currency) not in current:
                self.inserts[model].append(
                    {**owner, "term_id": term, "currency": currency, "amount": amount}
                )
            elif current[(term, currency)][1] != amount:
                self.updates[model].append({"id": current[(term, currency)][0], "amount": amount})

    async def run(self, session: AsyncSession) -> None:
        # Parents before children; a dropped price before a new one.
        for model in (Product, ProductPrice, Sku, SkuPrice):
            dropped = self.deletes.get(model, [])
            for chunk in range(0, len(dropped), CHUNK):
                ids = dropped[chunk : chunk + CHUNK]
                await session.execute(delete(model).where(model.id.in_(ids)))
            if self.updates[model]:
                await session.execute(update(model), self.updates[model])
            if self.inserts[model]:
                await session.execute(insert(model), self.inserts[model])


def _merge_product(
    writes: _Writes,
    brand_id: uuid.UUID,
    item: ProductPlan,
    current: _ProductRow | None,
    stamp: datetime,
) -> None:
    """Add to ``writes`` what makes ``current`` (None: a new product) what ``item`` says.
    Names and descriptions merge by language, properties by value, prices by term and
    currency; SKUs are matched by code, and a SKU keeps a price of its own only where it
    differs from its product's. ``stamp``: when the product was created (if new) or
    updated."""
    new = current is None
    if current is None:
        current = _ProductRow(uuid.uuid4(), {}, {}, None, None, [])
    name = {**current.name, **item.name}
    description = {**current.description, **item.description}
    category_id = (
        item.category_id if item.category_given or not item.exists else current.category_id
    )
    tax_rate_id = item.tax_rate_id if item.tax_given or not item.exists else current.tax_rate_id
    merged_prices = {key: amount for key, (_, amount) in current.prices.items()} | item.prices
    writes.prices(ProductPrice, {"product_id": current.id}, current.prices, merged_prices)

    by_code = {sku.code: sku for sku in current.skus}
    codes = [sku.code for sku in current.skus]
    position = len(current.skus)
    for planned in item.skus:
        sku = by_code.get(planned.code)
        if sku is None:
            sku = _SkuRow(uuid.uuid4(), planned.code, {}, False, 0, False)
            sku_fields: dict[str, Any] = {
                "id": sku.id,
                "brand_id": brand_id,
                "product_id": current.id,
                "code": sku.code,
                "position": position,
                "created_at": stamp,
                "updated_at": stamp,
            }
            position += 1
            codes.append(sku.code)
        else:
            sku_fields = {"id": sku.id, "updated_at": stamp}
        values = {
            "values": planned.values,
            "track_stock": sku.track_stock if planned.track_stock is None else planned.track_stock,
            "stock_quantity": (
                sku.stock_quantity if planned.stock_quantity is None else planned.stock_quantity
            ),
            "allow_backorder": (
                sku.allow_backorder if planned.allow_backorder is None else planned.allow_backorder
            ),
        }
        if "code" in sku_fields:
            writes.inserts[Sku].append(sku_fields | values)
        elif values != {column: getattr(sku, column) for column in values}:
            writes.updates[Sku].append(sku_fields | values)
        overrides = {
            key: amount
            for key, amount in planned.prices.items()
            if merged_prices.get(key) != amount
        }
        kept = {key: amount for key, (_, amount) in sku.prices.items() if key not in planned.prices}
        writes.prices(SkuPrice, {"sku_id": sku.id}, sku.prices, kept | overrides)

    fields: dict[str, Any] = {
        "id": current.id,
        "updated_at": stamp,
        "name": name,
        "description": description,
        "category_id": category_id,
        "tax_rate_id": tax_rate_id,
        "sku_properties": _merge_properties(current.sku_properties, item.properties),
        "search_text": search_text(Product(model_number=item.model_number, name=name), codes),
    }
    if new:
        fields |= {
            "created_at": stamp,
            "brand_id": brand_id,
            "model_number": item.model_number,
            "option_groups": [],
        }
        writes.inserts[Product].append(fields)
    else:
        writes.updates[Product].append(fields)


async def write_plan(
    session: AsyncSession,
    brand: Brand,
    plan: Plan,
    existing: dict[str, _ProductRow],
    step_done: Callable[[int], Awaitable[None]],
) -> None:
    """Create or update the products of a valid plan, ``PROGRESS_EVERY`` products at a time,
    telling ``step_done`` how many rows are written after each step."""
    started = utcnow()
    done = 0
    for start in range(0, len(plan.products), PROGRESS_EVERY):
        window = plan.products[start : start + PROGRESS_EVERY]
        writes = _Writes()
        for index, item in enumerate(window, start=start):
            # New products keep the file's order in lists sorted by creation.
            stamp = started + timedelta(microseconds=index)
            _merge_product(writes, brand.id, item, existing.get(item.model_number), stamp)
        await writes.run(session)
        done += sum(len(item.skus) for item in window)
        await step_done(done)


def _merge_properties(
    current: list[dict[str, Any]], incoming: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    merged = [dict(prop, values=list(prop["values"])) for prop in current]
    for position, prop in enumerate(incoming):
        if position >= len(merged):
            merged.append(prop)
            continue
        known = {value["code"] for value in merged[position]["values"]}
        merged[position]["values"] += [v for v in prop["values"] if v["code"] not in known]
    return merged


def parsed_key(storage_key: str) -> str:
    """Where the upload keeps the parsed rows of an applicable file for the worker."""
    return f"{storage_key}.rows.json.gz"


def _report(plan: Plan) -> list[dict[str, Any]]:
    return [error.as_dict() for error in plan.errors[:MAX_REPORTED_ERRORS]]


class ImportService:
    def __init__(
        self, session: AsyncSession, settings: Settings, storage: Storage, ctx: BrandContext
    ) -> None:
        self.session = session
        self.settings = settings
        self.storage = storage
        self.ctx = ctx

    async def template(self, file_format: str) -> tuple[bytes, str, str]:
        data = await brand_data(self.session, self.ctx.brand, [])
        terms = list(
            await self.session.scalars(
                select(TransactionTerm.code)
                .where(TransactionTerm.brand_id == self.ctx.brand_id)
                .order_by(TransactionTerm.position, TransactionTerm.code)
            )
        )
        headers = template_headers(data, terms)
        example = {
            "model_number": "TEE-01",
            f"name:{data.default_language}": "Indigo tee",
            "property1": "color",
            "value1": "IND",
            f"value1_name:{data.default_language}": "Indigo",
            "property2": "size",
            "value2": "M",
            "track_stock": "yes",
            "stock_quantity": "20",
            "allow_backorder": "no",
        }
        rows = [[example.get(header, "") for header in headers]]
        if file_format == "csv":
            return (
                files.write_csv(headers, rows),
                "products-template.csv",
                "text/csv; charset=utf-8",
            )
        return (
            files.write_xlsx(headers, rows, TEMPLATE_NOTES),
            "products-template.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    async def upload(self, filename: str, data: bytes) -> ProductImport:
        try:
            sheet = files.read(data, filename)
        except files.UnreadableFile as exc:
            raise Invalid(
                f"The file cannot be read: {exc}.", code="import.unreadable", loc=("body", "file")
            ) from exc
        plan = await plan_sheet(self.session, self.ctx.brand, sheet)
        import_id = uuid.uuid4()
        extension = "csv" if filename.lower().endswith(".csv") else "xlsx"
        key = f"imports/{self.ctx.brand_id}/{import_id}.{extension}"
        await self.storage.put(key, data)
        if not plan.errors:
            await self.storage.put(parsed_key(key), files.dump(sheet))
        record = ProductImport(
            id=import_id,
            brand_id=self.ctx.brand_id,
            filename=(filename or f"products.{extension}")[:255],
            storage_key=key,
            status=ImportStatus.invalid if plan.errors else ImportStatus.validated,
            row_count=plan.row_count,
            product_count=len(plan.products),
            errors=_report(plan),
            message=f"{len(plan.errors)} problems found." if plan.errors else "Ready to apply.",
            created_by_id=self.ctx.actor_id,
        )
        self.session.add(record)
        await self.session.flush()
        return record

    async def get(self, import_id: uuid.UUID) -> ProductImport:
        record = await self.session.scalar(
            select(ProductImport).where(
                ProductImport.brand_id == self.ctx.brand_id, ProductImport.id == import_id
            )
        )
        if record is None:
            raise NotFound("No such import.", code="import.not_found")
        return record

    async def page(self, page: PageParams) -> tuple[list[ProductImport], str | None]:
        rows, cursor = await keyset_page(
            self.session,
            select(ProductImport).where(ProductImport.brand_id == self.ctx.brand_id),
            page,
            created=ProductImport.created_at,
            ident=ProductImport.id,
        )
        return [row[0] for row in rows], cursor

    async def apply(self, import_id: uuid.UUID) -> ProductImport:
        record = await self.get(import_id)
        if record.status is not ImportStatus.validated:
            raise Conflict(
                f"Only a dry run without errors can be applied (this one is {record.status}).",
                code="import.not_applicable",
            )
        record.status = ImportStatus.queued
        record.message = "Waiting for a worker."
        record.updated_at = utcnow()
        enqueue(self.session, IMPORT_TOPIC, {"import_id": str(record.id)})
        await self.session.flush()
        return record


def import_handler(storage: Storage, sessionmaker: async_sessionmaker[AsyncSession]) -> Handler:
    """Applies an import inside the outbox worker's transaction (so the products and the
    finished job commit together), re-checking everything first: the catalog may have changed
    since the dry run."""

    async def progress(import_id: uuid.UUID, status: ImportStatus, done: int, message: str) -> None:
        async with sessionmaker() as side, side.begin():
            record = await side.get(ProductImport, import_id)
            if record is not None:
                record.status, record.processed_rows, record.message = status, done, message
                record.updated_at = utcnow()

    async def handle(session: AsyncSession, message: OutboxMessage) -> None:
        import_id = uuid.UUID(message.payload["import_id"])
        record = await session.get(ProductImport, import_id)
        if record is None or record.status is not ImportStatus.queued:
            return
        brand = await session.get(Brand, record.brand_id)
        path = storage.path(record.storage_key)
        if brand is None or path is None:
            record.status, record.message = ImportStatus.failed, "The uploaded file is gone."
            return
        # Visible at once to the SPA's progress bar (before this transaction takes locks).
        await progress(import_id, ImportStatus.applying, 0, "Checking rows.")
        incremental = session.get_bind().dialect.name == "postgresql"
        try:
            # The rows as the dry run parsed them; imports uploaded before those were kept (or
            # whose copy is gone) are parsed again.
            parsed = storage.path(parsed_key(record.storage_key))
            if parsed is not None:
                sheet = files.load(parsed.read_bytes())
            else:
                sheet = files.read(path.read_bytes(), record.filename)
            plan = await plan_sheet(session, brand, sheet)
            if plan.errors:
                record.status = ImportStatus.invalid
                record.errors = _report(plan)
                record.message = "The catalog changed since the dry run; nothing was applied."
                return
            models = [item.model_number for item in plan.products if item.exists]

            async def step_done(done: int) -> None:
                if incremental:
                    # PostgreSQL: another connection can record progress meanwhile.
                    await progress(import_id, ImportStatus.applying, done, "Writing products.")

            existing = await load_products(session, brand.id, models)
            await write_plan(session, brand, plan, existing, step_done)
        except Exception as exc:
            await session.rollback()
            logger.exception("import %s failed", import_id)
            await progress(
                import_id, ImportStatus.failed, 0, f"Nothing was applied: {type(exc).__name__}."
            )
            raise  # the outbox worker records it; the next attempt sees "failed" and stops
        record.status = ImportStatus.done
        record.processed_rows = record.row_count
        record.product_count = len(plan.products)
        record.message = f"{len(plan.products)} products written."
        record.finished_at = utcnow()
        record.updated_at = utcnow()
        # One entry for the whole file, not one per price: an import writes thousands.
        author = await session.get(User, record.created_by_id) if record.created_by_id else None
        session.add(
            AuditEvent(
                brand_id=brand.id,
                actor_id=author.id if author else None,
                actor_name=author.display_name if author else "",
                entity="product_import",
                entity_id=record.id,
                label=record.filename,
                action="created",
                changes={"products": [None, len(plan.products)], "rows": [None, record.row_count]},
            )
        )

    return handle
