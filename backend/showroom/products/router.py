from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from showroom.brands.access import CurrentBrand
from showroom.core.db import DbSession
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination
from showroom.media.schemas import media_url, thumbnail_url
from showroom.models import Media, Product
from showroom.products.schemas import (
    ImageRead,
    OptionGroup,
    PriceRead,
    ProductCreate,
    ProductRead,
    ProductSummary,
    ProductUpdate,
    Property,
    SkuRead,
    SkuUpdate,
)
from showroom.products.service import ProductService

router = APIRouter(prefix="/brands/{brand_id}/products", tags=["products"])


def get_product_service(session: DbSession, ctx: CurrentBrand) -> ProductService:
    return ProductService(session, ctx)


Products = Annotated[ProductService, Depends(get_product_service)]


def image_view(media: Media) -> ImageRead:
    return ImageRead(
        media_id=media.id,
        url=media_url(media.id),
        thumbnail_url=thumbnail_url(media.id),
        width=media.width,
        height=media.height,
    )


def product_view(product: Product) -> ProductRead:
    return ProductRead(
        id=product.id,
        model_number=product.model_number,
        name=product.name,
        description=product.description,
        category_id=product.category_id,
        tax_rate_id=product.tax_rate_id,
        sku_properties=[Property.model_validate(p) for p in product.sku_properties],
        option_groups=[OptionGroup.model_validate(g) for g in product.option_groups],
        prices=[PriceRead.model_validate(price) for price in product.prices],
        skus=[
            SkuRead(
                id=sku.id,
                code=sku.code,
                position=sku.position,
                values=sku.values,
                track_stock=sku.track_stock,
                stock_quantity=sku.stock_quantity,
                allow_backorder=sku.allow_backorder,
                prices=[PriceRead.model_validate(price) for price in sku.prices],
            )
            for sku in product.skus
        ],
        images=[image_view(image.media) for image in product.images],
        created_at=product.created_at,
        updated_at=product.updated_at,
    )


@router.get("", responses=errors(404), summary="Products, newest last; search and filter")
async def list_products(
    products: Products,
    page: Pagination,
    search: Annotated[
        str | None, Query(max_length=200, description="Words in model number, name or SKU code")
    ] = None,
    category_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: Annotated[datetime | None, Query(description="RFC 3339 timestamp")] = None,
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
