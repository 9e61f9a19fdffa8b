from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, status

from showroom.brands.access import CatalogBrand
from showroom.catalogs.schemas import (
    AccessGrantsRead,
    AccessGrantsUpdate,
    CatalogCreate,
    CatalogProductsRead,
    CatalogProductsUpdate,
    CatalogRead,
    CatalogUpdate,
    LookbookCreate,
    LookbookImageRead,
    LookbookRead,
    LookbookUpdate,
)
from showroom.catalogs.service import CatalogService
from showroom.core.db import DbSession
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination, UpdatedSince
from showroom.media.schemas import media_url, thumbnail_url
from showroom.models import Catalog, Lookbook, Media

router = APIRouter(prefix="/brands/{brand_id}", tags=["catalogs"])


def get_catalog_service(session: DbSession, ctx: CatalogBrand) -> CatalogService:
    return CatalogService(session, ctx)


Catalogs = Annotated[CatalogService, Depends(get_catalog_service)]
WRITE = errors(404, 409)


def catalog_view(catalog: Catalog, product_count: int) -> CatalogRead:
    return CatalogRead.model_validate(
        {
            **{
                name: getattr(catalog, name)
                for name in CatalogRead.model_fields
                if hasattr(catalog, name)
            },
            "product_count": product_count,
        }
    )


def lookbook_view(lookbook: Lookbook, media: dict[uuid.UUID, Media]) -> LookbookRead:
    images = []
    for image in lookbook.images:
        media_id = uuid.UUID(image["media_id"])
        if media_id in media:  # an image deleted since is simply gone
            images.append(
                LookbookImageRead(
                    media_id=media_id,
                    url=media_url(media_id),
                    thumbnail_url=thumbnail_url(media_id),
                    product_ids=image["product_ids"],
                )
            )
    return LookbookRead(
        id=lookbook.id,
        name=lookbook.name,
        status=lookbook.status,
        images=images,
        created_at=lookbook.created_at,
        updated_at=lookbook.updated_at,
    )


@router.get("/catalogs", responses=errors(404), summary="Catalogs (line sheets)")
async def list_catalogs(
    catalogs: Catalogs, page: Pagination, updated_since: UpdatedSince = None
) -> Page[CatalogRead]:
    rows, counts, cursor = await catalogs.page(page, updated_since)
    return Page(items=[catalog_view(c, counts.get(c.id, 0)) for c in rows], next_cursor=cursor)


@router.post("/catalogs", status_code=status.HTTP_201_CREATED, responses=WRITE, summary="Create")
async def create_catalog(body: CatalogCreate, catalogs: Catalogs) -> CatalogRead:
    return catalog_view(*await catalogs.create(body))


@router.get("/catalogs/{catalog_id}", responses=errors(404), summary="One catalog")
async def get_catalog(catalog_id: uuid.UUID, catalogs: Catalogs) -> CatalogRead:
    return catalog_view(*await catalogs.get(catalog_id))


@router.patch("/catalogs/{catalog_id}", responses=WRITE, summary="Change a catalog")
async def update_catalog(
    catalog_id: uuid.UUID, body: CatalogUpdate, catalogs: Catalogs
) -> CatalogRead:
    return catalog_view(*await catalogs.update(catalog_id, body))


@router.delete(
    "/catalogs/{catalog_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(404),
    summary="Delete a catalog",
)
async def delete_catalog(catalog_id: uuid.UUID, catalogs: Catalogs) -> None:
    await catalogs.delete(catalog_id)


@router.get("/catalogs/{catalog_id}/products", responses=errors(404), summary="Products, in order")
async def get_catalog_products(catalog_id: uuid.UUID, catalogs: Catalogs) -> CatalogProductsRead:
    return CatalogProductsRead(product_ids=await catalogs.products(catalog_id))


@router.put(
    "/catalogs/{catalog_id}/products", responses=WRITE, summary="Set the products and their order"
)
async def set_catalog_products(
    catalog_id: uuid.UUID, body: CatalogProductsUpdate, catalogs: Catalogs
) -> CatalogProductsRead:
    return CatalogProductsRead(
        product_ids=await catalogs.set_products(catalog_id, body.product_ids)
    )


@router.get(
    "/catalogs/{catalog_id}/access-grants",
    responses=errors(404),
    summary="Customers who may see this limited catalog",
)
async def get_catalog_access_grants(catalog_id: uuid.UUID, catalogs: Catalogs) -> AccessGrantsRead:
    return AccessGrantsRead(customer_ids=await catalogs.grants(catalog_id))


@router.put(
    "/catalogs/{catalog_id}/access-grants",
    responses=WRITE,
    summary="Set who may see this limited catalog (409 catalog.not_limited otherwise)",
)
async def set_catalog_access_grants(
    catalog_id: uuid.UUID, body: AccessGrantsUpdate, catalogs: Catalogs
) -> AccessGrantsRead:
    return AccessGrantsRead(customer_ids=await catalogs.set_grants(catalog_id, body.customer_ids))


@router.get("/lookbooks", responses=errors(404), summary="Lookbooks")
async def list_lookbooks(catalogs: Catalogs, page: Pagination) -> Page[LookbookRead]:
    rows, media, cursor = await catalogs.lookbooks(page)
    return Page(items=[lookbook_view(lb, media) for lb in rows], next_cursor=cursor)


@router.post("/lookbooks", status_code=status.HTTP_201_CREATED, responses=WRITE, summary="Create")
async def create_lookbook(body: LookbookCreate, catalogs: Catalogs) -> LookbookRead:
    return lookbook_view(*await catalogs.create_lookbook(body))


@router.get("/lookbooks/{lookbook_id}", responses=errors(404), summary="One lookbook")
async def get_lookbook(lookbook_id: uuid.UUID, catalogs: Catalogs) -> LookbookRead:
    return lookbook_view(*await catalogs.lookbook(lookbook_id))


@router.patch("/lookbooks/{lookbook_id}", responses=WRITE, summary="Change a lookbook")
async def update_lookbook(
    lookbook_id: uuid.UUID, body: LookbookUpdate, catalogs: Catalogs
) -> LookbookRead:
    return lookbook_view(*await catalogs.update_lookbook(lookbook_id, body))


@router.delete(
    "/lookbooks/{lookbook_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(404),
    summary="Delete a lookbook",
)
async def delete_lookbook(lookbook_id: uuid.UUID, catalogs: Catalogs) -> None:
    await catalogs.delete_lookbook(lookbook_id)
