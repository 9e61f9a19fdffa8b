from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from showroom.audit.schemas import AuditEntity, AuditEventRead
from showroom.audit.service import AuditService
from showroom.brands.access import ManagingBrand
from showroom.core.db import DbSession
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination

router = APIRouter(prefix="/brands/{brand_id}", tags=["audit"])


def get_audit_service(session: DbSession, ctx: ManagingBrand) -> AuditService:
    return AuditService(session, ctx)


Audit = Annotated[AuditService, Depends(get_audit_service)]


@router.get(
    "/audit-events",
    responses=errors(403, 404),
    summary="Who changed which link, terms, price, setting or order status, newest first "
    "(owners only)",
)
async def list_audit_events(
    audit: Audit,
    page: Pagination,
    entity: Annotated[AuditEntity | None, Query(description="Only changes of this kind")] = None,
    entity_id: Annotated[uuid.UUID | None, Query(description="Only this link, order…")] = None,
) -> Page[AuditEventRead]:
    rows, cursor = await audit.page(page, entity, entity_id)
    return Page(
        items=[AuditEventRead.model_validate(row, from_attributes=True) for row in rows],
        next_cursor=cursor,
    )
