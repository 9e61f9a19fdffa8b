from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, status

from showroom.brands.access import CatalogBrand
from showroom.commerce.schemas import (
    BrandSettingsRead,
    BrandSettingsUpdate,
    CategoryCreate,
    CategoryRead,
    CategoryUpdate,
    ShippingRateGroupCreate,
    ShippingRateGroupRead,
    ShippingRateGroupUpdate,
    TaxRateCreate,
    TaxRateRead,
    TaxRateUpdate,
    TransactionTermCreate,
    TransactionTermRead,
    TransactionTermUpdate,
)
from showroom.commerce.service import CommerceService
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination
from showroom.models import Category, ShippingRateGroup, TaxRate, TransactionTerm

router = APIRouter(prefix="/brands/{brand_id}", tags=["commerce"])


def get_commerce_service(
    session: DbSession, settings: AppSettings, ctx: CatalogBrand
) -> CommerceService:
    return CommerceService(session, settings, ctx)


Commerce = Annotated[CommerceService, Depends(get_commerce_service)]
NOT_FOUND = errors(404)
WRITE = errors(403, 404, 409)


@router.get("/settings", responses=NOT_FOUND, summary="Commerce settings")
async def get_brand_settings(commerce: Commerce) -> BrandSettingsRead:
    return commerce.settings_view()


@router.patch("/settings", responses=WRITE, summary="Change commerce settings (owners, admins)")
async def update_brand_settings(body: BrandSettingsUpdate, commerce: Commerce) -> BrandSettingsRead:
    return await commerce.update_settings(body)


# --- transaction terms -----------------------------------------------------------------------


@router.get("/transaction-terms", responses=NOT_FOUND, summary="Transaction terms (WSP, RRP, EXW…)")
async def list_transaction_terms(commerce: Commerce, page: Pagination) -> Page[TransactionTermRead]:
    rows, cursor = await commerce.list_page(TransactionTerm, page)
    return Page(items=[TransactionTermRead.model_validate(r) for r in rows], next_cursor=cursor)


@router.post(
    "/transaction-terms", status_code=status.HTTP_201_CREATED, responses=WRITE, summary="Add a term"
)
async def create_transaction_term(
    body: TransactionTermCreate, commerce: Commerce
) -> TransactionTermRead:
    return TransactionTermRead.model_validate(await commerce.create_term(body))


@router.get("/transaction-terms/{term_id}", responses=NOT_FOUND, summary="One term")
async def get_transaction_term(term_id: uuid.UUID, commerce: Commerce) -> TransactionTermRead:
    return TransactionTermRead.model_validate(await commerce.get(TransactionTerm, term_id))


@router.patch("/transaction-terms/{term_id}", responses=WRITE, summary="Rename or reorder a term")
async def update_transaction_term(
    term_id: uuid.UUID, body: TransactionTermUpdate, commerce: Commerce
) -> TransactionTermRead:
    return TransactionTermRead.model_validate(await commerce.update_term(term_id, body))


@router.delete(
    "/transaction-terms/{term_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE,
    summary="Delete a term (with its prices)",
)
async def delete_transaction_term(term_id: uuid.UUID, commerce: Commerce) -> None:
    await commerce.delete_term(term_id)


# --- tax rates -------------------------------------------------------------------------------


async def _tax_views(commerce: CommerceService, taxes: list[TaxRate]) -> list[TaxRateRead]:
    used = await commerce.taxes_in_use(taxes)
    return [
        TaxRateRead.model_validate({**_fields(tax, TaxRateRead), "in_use": tax.id in used})
        for tax in taxes
    ]


def _fields(obj: object, schema: type[TaxRateRead]) -> dict[str, object]:
    return {name: getattr(obj, name) for name in schema.model_fields if hasattr(obj, name)}


@router.get("/tax-rates", responses=NOT_FOUND, summary="Tax rates")
async def list_tax_rates(commerce: Commerce, page: Pagination) -> Page[TaxRateRead]:
    rows, cursor = await commerce.list_page(TaxRate, page)
    return Page(items=await _tax_views(commerce, rows), next_cursor=cursor)


@router.post(
    "/tax-rates", status_code=status.HTTP_201_CREATED, responses=WRITE, summary="Add a tax"
)
async def create_tax_rate(body: TaxRateCreate, commerce: Commerce) -> TaxRateRead:
    return (await _tax_views(commerce, [await commerce.create_tax(body)]))[0]


@router.get("/tax-rates/{tax_rate_id}", responses=NOT_FOUND, summary="One tax rate")
async def get_tax_rate(tax_rate_id: uuid.UUID, commerce: Commerce) -> TaxRateRead:
    return (await _tax_views(commerce, [await commerce.get(TaxRate, tax_rate_id)]))[0]


@router.patch(
    "/tax-rates/{tax_rate_id}",
    responses=WRITE,
    summary="Change a tax (rate and country are fixed once in use: 409 tax_rate.immutable)",
)
async def update_tax_rate(
    tax_rate_id: uuid.UUID, body: TaxRateUpdate, commerce: Commerce
) -> TaxRateRead:
    return (await _tax_views(commerce, [await commerce.update_tax(tax_rate_id, body)]))[0]


@router.delete(
    "/tax-rates/{tax_rate_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE,
    summary="Delete an unused tax",
)
async def delete_tax_rate(tax_rate_id: uuid.UUID, commerce: Commerce) -> None:
    await commerce.delete_tax(tax_rate_id)


# --- shipping --------------------------------------------------------------------------------


@router.get("/shipping-rate-groups", responses=NOT_FOUND, summary="Shipping rate groups")
async def list_shipping_rate_groups(
    commerce: Commerce, page: Pagination
) -> Page[ShippingRateGroupRead]:
    rows, cursor = await commerce.list_page(ShippingRateGroup, page)
    return Page(items=[ShippingRateGroupRead.model_validate(r) for r in rows], next_cursor=cursor)


@router.post(
    "/shipping-rate-groups",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE,
    summary="Add a shipping rate group with its ordered rates",
)
async def create_shipping_rate_group(
    body: ShippingRateGroupCreate, commerce: Commerce
) -> ShippingRateGroupRead:
    return ShippingRateGroupRead.model_validate(await commerce.create_group(body))


@router.get("/shipping-rate-groups/{group_id}", responses=NOT_FOUND, summary="One group")
async def get_shipping_rate_group(group_id: uuid.UUID, commerce: Commerce) -> ShippingRateGroupRead:
    return ShippingRateGroupRead.model_validate(await commerce.get(ShippingRateGroup, group_id))


@router.patch("/shipping-rate-groups/{group_id}", responses=WRITE, summary="Change a group")
async def update_shipping_rate_group(
    group_id: uuid.UUID, body: ShippingRateGroupUpdate, commerce: Commerce
) -> ShippingRateGroupRead:
    return ShippingRateGroupRead.model_validate(await commerce.update_group(group_id, body))


@router.delete(
    "/shipping-rate-groups/{group_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE,
    summary="Delete a group",
)
async def delete_shipping_rate_group(group_id: uuid.UUID, commerce: Commerce) -> None:
    await commerce.delete_group(group_id)


# --- categories ------------------------------------------------------------------------------


@router.get("/categories", responses=NOT_FOUND, summary="Product categories")
async def list_categories(commerce: Commerce, page: Pagination) -> Page[CategoryRead]:
    rows, cursor = await commerce.list_page(Category, page)
    return Page(items=[CategoryRead.model_validate(r) for r in rows], next_cursor=cursor)


@router.post("/categories", status_code=status.HTTP_201_CREATED, responses=WRITE, summary="Add")
async def create_category(body: CategoryCreate, commerce: Commerce) -> CategoryRead:
    return CategoryRead.model_validate(await commerce.create_category(body))


@router.patch("/categories/{category_id}", responses=WRITE, summary="Change a category")
async def update_category(
    category_id: uuid.UUID, body: CategoryUpdate, commerce: Commerce
) -> CategoryRead:
    return CategoryRead.model_validate(await commerce.update_category(category_id, body))


@router.delete(
    "/categories/{category_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE,
    summary="Delete a category (its products keep no category)",
)
async def delete_category(category_id: uuid.UUID, commerce: Commerce) -> None:
    await commerce.delete_category(category_id)
