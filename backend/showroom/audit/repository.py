from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.pagination import PageParams, keyset_page
from showroom.models import AuditEvent


class AuditRepository:
    def __init__(self, session: AsyncSession, brand_id: uuid.UUID) -> None:
        self.session = session
        self.brand_id = brand_id

    async def page(
        self, params: PageParams, *, entity: str | None, entity_id: uuid.UUID | None
    ) -> tuple[list[AuditEvent], str | None]:
        query = select(AuditEvent).where(AuditEvent.brand_id == self.brand_id)
        if entity is not None:
            query = query.where(AuditEvent.entity == entity)
        if entity_id is not None:
            query = query.where(AuditEvent.entity_id == entity_id)
        rows, cursor = await keyset_page(
            self.session,
            query,
            params,
            created=AuditEvent.created_at,
            ident=AuditEvent.id,
            newest_first=True,
        )
        return [row[0] for row in rows], cursor
