from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Query, UploadFile, status
from fastapi.responses import Response

from showroom.brands.access import CatalogBrand
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination
from showroom.core.storage import Storage
from showroom.imports.schemas import ProductImportRead
from showroom.imports.service import ImportService
from showroom.media.router import get_storage

router = APIRouter(prefix="/brands/{brand_id}/products/imports", tags=["imports"])


def get_import_service(
    session: DbSession,
    settings: AppSettings,
    storage: Annotated[Storage, Depends(get_storage)],
    ctx: CatalogBrand,
) -> ImportService:
    return ImportService(session, settings, storage, ctx)


Imports = Annotated[ImportService, Depends(get_import_service)]
FILE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The template",
        "content": {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
            "text/csv": {},
        },
    }
}


@router.get(
    "/template",
    response_class=Response,
    responses={**FILE_RESPONSE, **errors(404)},
    summary="Download the import template for this brand (its languages, terms, currencies)",
)
async def download_import_template(
    imports: Imports, format: Annotated[Literal["xlsx", "csv"], Query()] = "xlsx"
) -> Response:
    data, filename, media_type = await imports.template(format)
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=errors(404),
    summary="Upload an XLSX or CSV file: a dry run reports every problem; nothing is written",
)
async def upload_import(imports: Imports, file: Annotated[UploadFile, File()]) -> ProductImportRead:
    data = await file.read()
    return ProductImportRead.model_validate(await imports.upload(file.filename or "", data))


@router.get("", responses=errors(404), summary="Imports, oldest first")
async def list_imports(imports: Imports, page: Pagination) -> Page[ProductImportRead]:
    rows, cursor = await imports.page(page)
    return Page(items=[ProductImportRead.model_validate(r) for r in rows], next_cursor=cursor)


@router.get("/{import_id}", responses=errors(404), summary="An import: report, status, progress")
async def get_import(import_id: uuid.UUID, imports: Imports) -> ProductImportRead:
    return ProductImportRead.model_validate(await imports.get(import_id))


@router.post(
    "/{import_id}/apply",
    status_code=status.HTTP_202_ACCEPTED,
    responses=errors(404, 409),
    summary="Apply a clean dry run in the background, all or nothing; poll for progress",
)
async def apply_import(import_id: uuid.UUID, imports: Imports) -> ProductImportRead:
    return ProductImportRead.model_validate(await imports.apply(import_id))
