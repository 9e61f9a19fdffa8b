from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from showroom.brands.access import CatalogBrand
from showroom.core.db import DbSession
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination, UpdatedSince
from showroom.products.schemas import (
    PriceRead,
    ProductCreate,
    ProductRead,
    ProductSummary,
    ProductUpdate,
    SkuBulkReport,
    SkuBulkResult,
    SkuBulkUpdate,
    SkuUpdate,
)
from showroom.products.service import ProductService
from showroom.products.views import image_view, product_view

router = APIRouter(prefix="/brands/{brand_id}/products", tags=["products"])
skus_router = APIRouter(prefix="/brands/{brand_id}/skus", tags=["products"])


def get_product_service(session: DbSession, ctx: CatalogBrand) -> ProductService:
    return ProductService(session, ctx)


Products = Annotated[ProductService, Depends(get_product_service)]


@router.get("", responses=errors(404), summary="Products, newest last; search and filter")
async def list_products(
    products: Products,
    page: Pagination,
    search: Annotated[
        str | None, Query(max_length=200, description="Words in model number, name or SKU code")
    ] = None,
    category_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: UpdatedSince = None,
) -> Page[ProductSummary]:
    rows, stats, images, cursor = await products.page(
        page, search=search, category_id=category_id, updated_since=updated_since
    )
    return Page(
        items=[
            ProductSummary(
                id=product.id,
                model_number=product.model_number,
                name=product.name,
                category_id=product.category_id,
                sku_count=stats.get(product.id, (0, None))[0],
                tracked_stock=stats.get(product.id, (0, None))[1],
                image=image_view(images[product.id]) if product.id in images else None,
                updated_at=product.updated_at,
            )
            for product in rows
        ],
        next_cursor=cursor,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=errors(404, 409),
    summary="Create a product; its SKUs are generated from the property values",
)
async def create_product(body: ProductCreate, products: Products) -> ProductRead:
    return product_view(await products.create(body))


@router.get("/{product_id}", responses=errors(404), summary="A product with SKUs, prices, images")
async def get_product(product_id: uuid.UUID, products: Products) -> ProductRead:
    return product_view(await products.get(product_id))


@router.patch("/{product_id}", responses=errors(404, 409), summary="Change a product")
async def update_product(
    product_id: uuid.UUID, body: ProductUpdate, products: Products
) -> ProductRead:
    return product_view(await products.update(product_id, body))


@router.delete(
    "/{product_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(404),
    summary="Delete a product",
)
async def delete_product(product_id: uuid.UUID, products: Products) -> None:
    await products.delete(product_id)


@router.patch(
    "/{product_id}/skus/{sku_id}",
    responses=errors(404, 409),
    summary="Change one SKU: code, stock, its own prices",
)
async def update_sku(
    product_id: uuid.UUID, sku_id: uuid.UUID, body: SkuUpdate, products: Products
) -> ProductRead:
    return product_view(await products.update_sku(product_id, sku_id, body))


@skus_router.post(
    "/bulk",
    responses=errors(404),
    summary="Set stock and prices of many SKUs by code (all or nothing; idempotent)",
    description="For ERPs that own inventory. Every unknown SKU code, transaction term or "
    'currency is reported in `errors` with its pointer (`["body", "items", 3, '
    '"code"]`) and then nothing changes. Fields left out stay as they are; `prices` '
    "sets the given term × currency prices of the SKU's own and keeps the others. Sending "
    "the same body again changes nothing and emits no event.",
)
async def bulk_update_skus(body: SkuBulkUpdate, products: Products) -> SkuBulkReport:
    results = await products.bulk_update_skus(body)
    return SkuBulkReport(
        items=[
            SkuBulkResult(
                code=sku.code,
                sku_id=sku.id,
                product_id=sku.product_id,
                track_stock=sku.track_stock,
                stock_quantity=sku.stock_quantity,
                allow_backorder=sku.allow_backorder,
                prices=[PriceRead.model_validate(price) for price in sku.prices],
                changed=changed,
            )
            for sku, changed in results
        ],
        changed=sum(1 for _, changed in results if changed),
    )
