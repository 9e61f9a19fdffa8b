from __future__ import annotations

import uuid

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.pagination import PageParams, keyset_page
from showroom.models import Address, AddressKind, BuyerMember, BuyerOrganization, User


class BuyerRepository:
    """Queries are scoped to organizations the given user belongs to: a row the user cannot
    see does not exist for them."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, obj: BuyerOrganization | BuyerMember | Address) -> None:
        self.session.add(obj)

    async def list_for_user(
        self, user_id: uuid.UUID, page: PageParams
    ) -> tuple[list[tuple[BuyerOrganization, BuyerMember]], str | None]:
        rows, next_cursor = await keyset_page(
            self.session,
            select(BuyerOrganization, BuyerMember)
            .join(BuyerMember, BuyerMember.buyer_organization_id == BuyerOrganization.id)
            .where(BuyerMember.user_id == user_id),
            page,
            created=BuyerOrganization.created_at,
            ident=BuyerOrganization.id,
        )
        return [(org, member) for org, member in rows], next_cursor

    async def get_for_user(
        self, org_id: uuid.UUID, user_id: uuid.UUID
    ) -> tuple[BuyerOrganization, BuyerMember] | None:
        row = (
            await self.session.execute(
                select(BuyerOrganization, BuyerMember)
                .join(BuyerMember, BuyerMember.buyer_organization_id == BuyerOrganization.id)
                .where(BuyerOrganization.id == org_id, BuyerMember.user_id == user_id)
            )
        ).first()
        return (row[0], row[1]) if row else None

    async def members(
        self, org_id: uuid.UUID, page: PageParams
    ) -> tuple[list[tuple[BuyerMember, User]], str | None]:
        rows, next_cursor = await keyset_page(
            self.session,
            select(BuyerMember, User)
            .join(User, User.id == BuyerMember.user_id)
            .where(BuyerMember.buyer_organization_id == org_id),
            page,
            created=BuyerMember.created_at,
            ident=BuyerMember.id,
        )
        return [(member, user) for member, user in rows], next_cursor

    async def member(self, org_id: uuid.UUID, user_id: uuid.UUID) -> BuyerMember | None:
        return await self.session.scalar(
            select(BuyerMember).where(
                BuyerMember.buyer_organization_id == org_id, BuyerMember.user_id == user_id
            )
        )

    async def delete(self, obj: BuyerMember | Address) -> None:
        await self.session.delete(obj)

    # --- addresses ---------------------------------------------------------------------

    def _addresses(self, org_id: uuid.UUID) -> Select[Address]:
        return select(Address).where(Address.buyer_organization_id == org_id)

    async def addresses(
        self, org_id: uuid.UUID, kind: AddressKind | None, page: PageParams
    ) -> tuple[list[Address], str | None]:
        query = self._addresses(org_id)
        if kind is not None:
            query = query.where(Address.kind == kind)
        rows, next_cursor = await keyset_page(
            self.session,
            query,
            page,
            created=Address.created_at,
            ident=Address.id,
        )
        return [row[0] for row in rows], next_cursor

    async def address(self, org_id: uuid.UUID, address_id: uuid.UUID) -> Address | None:
        return await self.session.scalar(self._addresses(org_id).where(Address.id == address_id))

    async def clear_default(
        self, org_id: uuid.UUID, kind: AddressKind, *, keep: uuid.UUID | None = None
    ) -> None:
        query = update(Address).where(
            Address.buyer_organization_id == org_id,
            Address.kind == kind,
            Address.is_default.is_(True),
        )
        if keep is not None:
            query = query.where(Address.id != keep)
        await self.session.execute(query.values(is_default=False))

    async def latest_address(self, org_id: uuid.UUID, kind: AddressKind) -> Address | None:
        return await self.session.scalar(
            self._addresses(org_id)
            .where(Address.kind == kind)
            .order_by(Address.created_at.desc(), Address.id.desc())
            .limit(1)
        )

    async def has_default(self, org_id: uuid.UUID, kind: AddressKind) -> bool:
        found = await self.session.scalar(
            select(Address.id)
            .where(
                Address.buyer_organization_id == org_id,
                Address.kind == kind,
                Address.is_default.is_(True),
            )
            .limit(1)
        )
        return found is not None
