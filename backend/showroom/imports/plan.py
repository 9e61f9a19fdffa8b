"""Turning a product sheet into a plan — what to create and update — or into a list of errors,
each with its row and column. Pure: the brand's current data comes in, nothing is written."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from showroom.imports.files import Sheet
from showroom.pricing import currency_exponent

MAX_PROPERTIES = 3
_PRICE = re.compile(r"^price:([^:]+):([A-Za-z]{3})$", re.IGNORECASE)
_LOCALIZED = re.compile(r"^(name|description):(.+)$")
_VALUE_NAME = re.compile(r"^value([1-3])_name:(.+)$")
_PROPERTY = re.compile(r"^(property|value)([1-3])$")
FIXED = (
    "model_number",
    "sku_code",
    "category",
    "tax",
    "track_stock",
    "stock_quantity",
    "allow_backorder",
)
_TRUE = {"yes", "y", "true", "1", "○", "はい", "是"}
_FALSE = {"no", "n", "false", "0", "", "×", "いいえ", "否"}

PriceKey = tuple[uuid.UUID, str]


@dataclass(frozen=True)
class BrandData:
    """What the plan is checked against."""

    languages: list[str]
    default_language: str
    currencies: list[str]
    terms: dict[str, uuid.UUID]  # code (upper case) → id
    categories: dict[str, uuid.UUID]  # code → id
    taxes: dict[str, uuid.UUID]  # default-language name (lower case) → id
    default_tax_id: uuid.UUID | None
    existing_models: set[str]


@dataclass
class SkuPlan:
    row: int
    code: str
    values: dict[str, str]
    track_stock: bool | None
    stock_quantity: int | None
    allow_backorder: bool | None
    prices: dict[PriceKey, int]


@dataclass
class ProductPlan:
    model_number: str
    row: int
    exists: bool
    name: dict[str, str]
    description: dict[str, str]
    category_id: uuid.UUID | None
    category_given: bool
    tax_rate_id: uuid.UUID | None
    tax_given: bool
    properties: list[dict[str, Any]]
    prices: dict[PriceKey, int]
    skus: list[SkuPlan] = field(default_factory=list)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class Plan:
    products: list[ProductPlan]
    errors: list[RowError]
    row_count: int


class _Columns:
    def __init__(self, sheet: Sheet, brand: BrandData, errors: list[RowError]) -> None:
        self.prices: dict[str, PriceKey] = {}
        self.localized: dict[str, tuple[str, str]] = {}
        self.value_names: dict[str, tuple[int, str]] = {}
        seen: set[str] = set()
        for header in sheet.headers:
            key = header.strip()
            if not key:
                errors.append(RowError(1, header, "A column has no header."))
                continue
            if key in seen:
                errors.append(RowError(1, key, "This column appears twice."))
            seen.add(key)
            if key in FIXED or _PROPERTY.match(key):
                continue
            if price := _PRICE.match(key):
                term_code, currency = price.group(1).upper(), price.group(2).upper()
                if term_code not in brand.terms:
                    errors.append(RowError(1, key, f"No transaction term {term_code}."))
                elif currency not in brand.currencies:
                    errors.append(
                        RowError(1, key, f"{currency} is not one of the brand's currencies.")
                    )
                else:
                    self.prices[key] = (brand.terms[term_code], currency)
            elif localized := _LOCALIZED.match(key):
                if localized.group(2) not in brand.languages:
                    errors.append(
                        RowError(
                            1, key, f"{localized.group(2)} is not one of the brand's languages."
                        )
                    )
                else:
                    self.localized[key] = (localized.group(1), localized.group(2))
            elif value_name := _VALUE_NAME.match(key):
                if value_name.group(2) not in brand.languages:
                    errors.append(
                        RowError(
                            1, key, f"{value_name.group(2)} is not one of the brand's languages."
                        )
                    )
                else:
                    self.value_names[key] = (int(value_name.group(1)), value_name.group(2))
            else:
                errors.append(RowError(1, key, "Unknown column; download the template."))
        if "model_number" not in seen:
            errors.append(RowError(1, "model_number", "The model_number column is missing."))


def _amount(text: str, currency: str) -> int:
    value = Decimal(text.replace(",", ""))
    if value < 0 or not value.is_finite():
        raise ValueError("must not be negative")
    exponent = currency_exponent(currency)
    minor = value * (10**exponent)
    if minor != minor.to_integral_value():
        raise ValueError(f"{currency} has {exponent} decimal places")
    return int(minor)


def _flag(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError("use yes or no")


def build_plan(sheet: Sheet, brand: BrandData) -> Plan:
    errors: list[RowError] = []
    columns = _Columns(sheet, brand, errors)
    if errors:
        return Plan([], errors, len(sheet.rows))

    products: dict[str, ProductPlan] = {}
    codes_in_file: dict[str, int] = {}
    combos: dict[str, set[tuple[tuple[str, str], ...]]] = {}

    for number, row in sheet.rows:

        def fail(column: str, message: str, number: int = number) -> None:
            errors.append(RowError(number, column, message))

        model = row.get("model_number", "").strip()
        if not model:
            fail("model_number", "Enter the model number.")
            continue
        if len(model) > 64 or re.search(r"[\s/]", model):
            fail("model_number", "At most 64 characters, without spaces or slashes.")
            continue
        plan = products.get(model)
        if plan is None:
            plan = _product(model, number, row, columns, brand, fail)
            products[model] = plan

        # SKU template position by position: property code, value code, value names.
        values: dict[str, str] = {}
        for position in range(1, MAX_PROPERTIES + 1):
            prop = row.get(f"property{position}", "").strip()
            value = row.get(f"value{position}", "").strip()
            if not prop and not value:
                continue
            if not prop or not value:
                fail(
                    f"value{position}" if prop else f"property{position}",
                    "Give both the property and its value.",
                )
                continue
            if len(plan.properties) < position:
                plan.properties.append(
                    {"code": prop, "name": {brand.default_language: prop}, "values": []}
                )
            definition = plan.properties[position - 1]
            if definition["code"] != prop:
                fail(
                    f"property{position}",
                    f"Rows of {model} must use the same property here ({definition['code']}).",
                )
                continue
            if value not in [v["code"] for v in definition["values"]]:
                names = {
                    language: row[header].strip()
                    for header, (index, language) in columns.value_names.items()
                    if index == position and row.get(header, "").strip()
                }
                definition["values"].append(
                    {"code": value, "name": names or {brand.default_language: value}}
                )
            values[prop] = value
        combo = tuple(sorted(values.items()))
        if combo in combos.setdefault(model, set()):
            fail("value1", f"{model} already has a row for this combination.")
            continue
        combos[model].add(combo)

        code = row.get("sku_code", "").strip() or "_".join([model, *values.values()])
        if len(code) > 100 or re.search(r"\s", code):
            fail("sku_code", "At most 100 characters, without spaces.")
        elif code in codes_in_file:
            fail("sku_code", f"The SKU code {code} is also on row {codes_in_file[code]}.")
        codes_in_file.setdefault(code, number)

        prices: dict[PriceKey, int] = {}
        for header, key in columns.prices.items():
            text = row.get(header, "").strip()
            if not text:
                continue
            try:
                prices[key] = _amount(text, key[1])
            except (ValueError, InvalidOperation) as exc:
                fail(header, f"Not a price: {exc}." if str(exc) else "Not a price.")
        if not plan.skus:
            plan.prices = dict(prices)

        stock: dict[str, Any] = {
            "track_stock": None,
            "stock_quantity": None,
            "allow_backorder": None,
        }
        for flag in ("track_stock", "allow_backorder"):
            text = row.get(flag, "").strip()
            if text:
                try:
                    stock[flag] = _flag(text)
                except ValueError:
                    fail(flag, "Use yes or no.")
        quantity = row.get("stock_quantity", "").strip()
        if quantity:
            try:
                stock["stock_quantity"] = int(Decimal(quantity))
                if (
                    Decimal(quantity) != int(Decimal(quantity))
                    or abs(stock["stock_quantity"]) > 10**9
                ):
                    raise ValueError
            except (ValueError, InvalidOperation):
                fail("stock_quantity", "Enter a whole number.")
        plan.skus.append(SkuPlan(number, code, values, prices=prices, **stock))

    for plan in products.values():
        for sku in plan.skus:
            if len(sku.values) != len(plan.properties):
                errors.append(
                    RowError(
                        sku.row,
                        f"value{len(sku.values) + 1}",
                        f"Every row of {plan.model_number} needs a value for each of its "
                        f"{len(plan.properties)} properties.",
                    )
                )
    errors.sort(key=lambda error: (error.row, error.column))
    return Plan(list(products.values()), errors, len(sheet.rows))


def check_sku_owners(plan: Plan, owners: dict[str, str]) -> None:
    """``owners``: SKU code → model number of the product that has it now. A code may only
    move within its own product."""
    for product in plan.products:
        for sku in product.skus:
            owner = owners.get(sku.code, product.model_number)
            if owner != product.model_number:
                plan.errors.append(
                    RowError(
                        sku.row, "sku_code", f"The SKU code {sku.code} belongs to product {owner}."
                    )
                )
    plan.errors.sort(key=lambda error: (error.row, error.column))


def _product(
    model: str,
    number: int,
    row: dict[str, str],
    columns: _Columns,
    brand: BrandData,
    fail: Any,
) -> ProductPlan:
    exists = model in brand.existing_models
    texts: dict[str, dict[str, str]] = {"name": {}, "description": {}}
    for header, (kind, language) in columns.localized.items():
        text = row.get(header, "").strip()
        if text:
            texts[kind][language] = text[: 2000 if kind == "description" else 200]
    if not exists and brand.default_language not in texts["name"]:
        fail(
            f"name:{brand.default_language}",
            "Enter the product name on the first row of each model.",
        )
    category_code = row.get("category", "").strip()
    category_id = brand.categories.get(category_code) if category_code else None
    if category_code and category_id is None:
        fail("category", f"No category with the code {category_code}.")
    tax_name = row.get("tax", "").strip()
    tax_id = brand.taxes.get(tax_name.lower()) if tax_name else brand.default_tax_id
    if tax_name and tax_id is None:
        fail("tax", f"No tax rate named {tax_name}.")
    return ProductPlan(
        model_number=model,
        row=number,
        exists=exists,
        name=texts["name"],
        description=texts["description"],
        category_id=category_id,
        category_given=bool(category_code),
        tax_rate_id=tax_id,
        tax_given=bool(tax_name),
        properties=[],
        prices={},
    )


def template_headers(brand: BrandData, term_codes: Sequence[str]) -> list[str]:
    headers = ["model_number", "sku_code"]
    headers += [f"name:{language}" for language in brand.languages]
    headers += [f"description:{language}" for language in brand.languages]
    headers += ["category", "tax"]
    for position in range(1, MAX_PROPERTIES + 1):
        headers += [
            f"property{position}",
            f"value{position}",
            f"value{position}_name:{brand.default_language}",
        ]
    headers += [f"price:{code}:{currency}" for code in term_codes for currency in brand.currencies]
    headers += ["track_stock", "stock_quantity", "allow_backorder"]
    return headers
