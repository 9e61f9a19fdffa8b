from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Request, UploadFile, status
from fastapi.responses import FileResponse

from showroom.brands.access import CatalogBrand
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import NotFound, errors
from showroom.core.pagination import Page, Pagination
from showroom.core.storage import Storage
from showroom.media.schemas import MediaRead
from showroom.media.service import MediaService

router = APIRouter(tags=["media"])

IMMUTABLE = "public, max-age=31536000, immutable"
IMAGE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/*": {}}, "description": "The image"}
}


def get_storage(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


def get_media_service(
    session: DbSession, settings: AppSettings, storage: Annotated[Storage, Depends(get_storage)]
) -> MediaService:
    return MediaService(session, settings, storage)


MediaFiles = Annotated[MediaService, Depends(get_media_service)]


@router.post(
    "/brands/{brand_id}/media",
    status_code=status.HTTP_201_CREATED,
    responses=errors(404),
    summary="Upload an image (JPEG, PNG, WebP or GIF, at most 3 MB; checked by decoding it)",
)
async def upload_media(
    ctx: CatalogBrand, media: MediaFiles, file: Annotated[UploadFile, File()]
) -> MediaRead:
    data = await file.read()
    return MediaRead.model_validate(await media.upload(ctx, file.filename or "", data))


@router.get("/brands/{brand_id}/media", responses=errors(404), summary="The brand's images")
async def list_media(ctx: CatalogBrand, media: MediaFiles, page: Pagination) -> Page[MediaRead]:
    rows, cursor = await media.page(ctx, page)
    return Page(items=[MediaRead.model_validate(m) for m in rows], next_cursor=cursor)


@router.delete(
    "/brands/{brand_id}/media/{media_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(404),
    summary="Delete an image (it disappears from products, catalogs and lookbooks)",
)
async def delete_media(media_id: uuid.UUID, ctx: CatalogBrand, media: MediaFiles) -> None:
    await media.delete(ctx, media_id)


async def _serve(
    media: MediaService, storage: Storage, media_id: uuid.UUID, *, thumbnail: bool
) -> FileResponse:
    row, key = await media.file(media_id, thumbnail=thumbnail)
    path = storage.path(key)
    if path is None:
        raise NotFound("The image file is missing.", code="media.not_found")
    return FileResponse(
        path,
        media_type="image/webp" if thumbnail else row.content_type,
        headers={"Cache-Control": IMMUTABLE},
    )


@router.get(
    "/media/{media_id}",
    response_class=FileResponse,
    responses={**IMAGE_RESPONSE, **errors(404)},
    summary="An image as uploaded",
)
async def get_media_file(
    media_id: uuid.UUID, media: MediaFiles, storage: Annotated[Storage, Depends(get_storage)]
) -> FileResponse:
    return await _serve(media, storage, media_id, thumbnail=False)


@router.get(
    "/media/{media_id}/thumbnail",
    response_class=FileResponse,
    responses={**IMAGE_RESPONSE, **errors(404)},
    summary="A WebP thumbnail (at most 480 × 480)",
)
async def get_media_thumbnail(
    media_id: uuid.UUID, media: MediaFiles, storage: Annotated[Storage, Depends(get_storage)]
) -> FileResponse:
    return await _serve(media, storage, media_id, thumbnail=True)
