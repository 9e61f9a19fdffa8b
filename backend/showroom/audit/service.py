from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.audit.repository import AuditRepository
from showroom.brands import policies
from showroom.brands.access import BrandContext
from showroom.core.errors import Forbidden
from showroom.core.pagination import PageParams
from showroom.models import AuditEvent


class AuditService:
    def __init__(self, session: AsyncSession, ctx: BrandContext) -> None:
        self.ctx = ctx
        self.repo = AuditRepository(session, ctx.brand_id)

    async def page(
        self, params: PageParams, entity: str | None, entity_id: uuid.UUID | None
    ) -> tuple[list[AuditEvent], str | None]:
        member = self.ctx.member
        if member is None:  # an API key: the log is for the people who answer for the brand
            raise Forbidden("An API key cannot read the audit log.", code="api_key.not_allowed")
        if not policies.can_read_audit_log(member):
            raise Forbidden("Only owners can read the audit log.", code="brand.owner_required")
        return await self.repo.page(params, entity=entity, entity_id=entity_id)
