from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.models import DevMail


class DevMailRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def latest(self, to: str | None, limit: int) -> list[DevMail]:
        query = select(DevMail).order_by(DevMail.created_at.desc(), DevMail.id.desc()).limit(limit)
        if to is not None:
            query = query.where(DevMail.to_address == to)
        return list(await self.session.scalars(query))
