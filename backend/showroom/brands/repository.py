from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.pagination import PageParams, keyset_page
from showroom.models import Brand, BrandMember, BrandRole, Media, User


class BrandRepository:
    """Queries are scoped to brands the given user is a member of."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, obj: Brand | BrandMember) -> None:
        self.session.add(obj)

    async def list_for_user(
        self, user_id: uuid.UUID, page: PageParams
    ) -> tuple[list[tuple[Brand, BrandMember]], str | None]:
        rows, next_cursor = await keyset_page(
            self.session,
            select(Brand, BrandMember)
            .join(BrandMember, BrandMember.brand_id == Brand.id)
            .where(BrandMember.user_id == user_id),
            page,
            created=Brand.created_at,
            ident=Brand.id,
        )
        return [(brand, member) for brand, member in rows], next_cursor

    async def get(self, brand_id: uuid.UUID) -> Brand | None:
        return await self.session.get(Brand, brand_id)

    async def get_for_user(
        self, brand_id: uuid.UUID, user_id: uuid.UUID
    ) -> tuple[Brand, BrandMember] | None:
        row = (
            await self.session.execute(
                select(Brand, BrandMember)
                .join(BrandMember, BrandMember.brand_id == Brand.id)
                .where(Brand.id == brand_id, BrandMember.user_id == user_id)
            )
        ).first()
        return (row[0], row[1]) if row else None

    async def members(
        self, brand_id: uuid.UUID, page: PageParams
    ) -> tuple[list[tuple[BrandMember, User]], str | None]:
        rows, next_cursor = await keyset_page(
            self.session,
            select(BrandMember, User)
            .join(User, User.id == BrandMember.user_id)
            .where(BrandMember.brand_id == brand_id),
            page,
            created=BrandMember.created_at,
            ident=BrandMember.id,
        )
        return [(member, user) for member, user in rows], next_cursor

    async def member(self, brand_id: uuid.UUID, user_id: uuid.UUID) -> BrandMember | None:
        return await self.session.scalar(
            select(BrandMember).where(
                BrandMember.brand_id == brand_id, BrandMember.user_id == user_id
            )
        )

    async def count_owners(self, brand_id: uuid.UUID) -> int:
        count = await self.session.scalar(
            select(func.count()).where(
                BrandMember.brand_id == brand_id, BrandMember.role == BrandRole.owner
            )
        )
        return count or 0

    async def owns_media(self, brand_id: uuid.UUID, media_id: uuid.UUID) -> bool:
        found = await self.session.scalar(
            select(Media.id).where(Media.brand_id == brand_id, Media.id == media_id)
        )
        return found is not None

    async def delete(self, obj: BrandMember) -> None:
        await self.session.delete(obj)
