"""Brands: creation (the creator becomes owner), profile, members."""

from __future__ import annotations

import uuid

from babel.numbers import get_territory_currencies
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands import policies
from showroom.brands.repository import BrandRepository
from showroom.brands.schemas import BrandCreate, BrandUpdate
from showroom.core.audit import Actor, act_as
from showroom.core.config import Settings
from showroom.core.errors import Conflict, Forbidden, Invalid, NotFound, invalid_from
from showroom.core.pagination import PageParams
from showroom.invitations.service import InvitationService, InvitationTarget
from showroom.models import Brand, BrandMember, BrandRole, MemberInvitation, User

BrandMembership = tuple[Brand, BrandMember]


def default_currency_for(country: str) -> str:
    """The currency a new brand starts with: its country's (CLDR), else USD."""
    current = get_territory_currencies(country, tender=True, non_tender=False)
    return current[0] if current else "USD"


# Optional fields a PATCH may clear with null; for the others null means "leave as is".
_CLEARABLE = {"video_url", "website_url", "logo_id", "main_visual_id"}
_IMAGES = ("logo_id", "main_visual_id")


class BrandService:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.repo = BrandRepository(session)
        self.invitations = InvitationService(session, settings)

    async def create(self, user: User, data: BrandCreate) -> BrandMembership:
        currency = default_currency_for(data.country)
        brand = Brand(
            id=uuid.uuid4(), currencies=[currency], default_currency=currency, **data.model_dump()
        )
        self.repo.add(brand)
        await self.session.flush()
        member = BrandMember(brand_id=brand.id, user_id=user.id, role=BrandRole.owner)
        self.repo.add(member)
        await self.session.flush()
        return brand, member

    async def list_mine(
        self, user: User, page: PageParams
    ) -> tuple[list[BrandMembership], str | None]:
        return await self.repo.list_for_user(user.id, page)

    async def get(self, user: User, brand_id: uuid.UUID) -> BrandMembership:
        found = await self.repo.get_for_user(brand_id, user.id)
        if found is None:
            raise NotFound("No such brand.", code="brand.not_found")
        act_as(self.session, Actor(brand_id, user.id, user.display_name))
        return found

    async def update(self, user: User, brand_id: uuid.UUID, data: BrandUpdate) -> BrandMembership:
        brand, member = await self.get(user, brand_id)
        if not policies.can_edit_brand(member):
            raise Forbidden(
                "Only owners and admins can edit the brand.", code="brand.admin_required"
            )
        changes = {
            key: value
            for key, value in data.model_dump(exclude_unset=True).items()
            if value is not None or key in _CLEARABLE
        }
        images = {key: changes.pop(key) for key in _IMAGES if key in changes}
        merged = {name: getattr(brand, name) for name in BrandCreate.model_fields} | changes
        for field in ("name", "description"):
            if field not in changes:  # drop texts of languages that were just turned off
                merged[field] = {k: v for k, v in merged[field].items() if k in merged["languages"]}
        try:
            valid = BrandCreate.model_validate(merged)
        except ValidationError as exc:
            raise invalid_from(exc) from exc
        for key, media_id in images.items():
            if media_id is not None and not await self.repo.owns_media(brand.id, media_id):
                raise Invalid(
                    "No such image in this brand.", code="media.not_found", loc=("body", key)
                )
        for name, value in (valid.model_dump() | images).items():
            setattr(brand, name, value)
        await self.session.flush()
        return brand, member

    # --- members -------------------------------------------------------------------------

    async def members(
        self, user: User, brand_id: uuid.UUID, page: PageParams
    ) -> tuple[list[tuple[BrandMember, User]], str | None]:
        await self.get(user, brand_id)
        return await self.repo.members(brand_id, page)

    async def _target(
        self, user: User, brand_id: uuid.UUID, target_user_id: uuid.UUID
    ) -> tuple[BrandMember, BrandMember]:
        _, me = await self.get(user, brand_id)
        if not policies.can_manage_members(me):
            raise Forbidden("Only owners and admins manage members.", code="brand.admin_required")
        target = await self.repo.member(brand_id, target_user_id)
        if target is None:
            raise NotFound("No such member.", code="brand_member.not_found")
        return me, target

    async def _keep_an_owner(self, brand_id: uuid.UUID, target: BrandMember) -> None:
        if target.role == BrandRole.owner and await self.repo.count_owners(brand_id) <= 1:
            raise Conflict(
                "A brand needs at least one owner; make someone else owner first.",
                code="brand_member.last_owner",
            )

    async def change_role(
        self, user: User, brand_id: uuid.UUID, target_user_id: uuid.UUID, role: BrandRole
    ) -> tuple[BrandMember, User]:
        me, target = await self._target(user, brand_id, target_user_id)
        if not (policies.can_grant_role(me, role) and policies.can_grant_role(me, target.role)):
            raise Forbidden(
                "Only owners can grant or take the owner role.", code="brand.owner_required"
            )
        if role != BrandRole.owner:
            await self._keep_an_owner(brand_id, target)
        target.role = role
        await self.session.flush()
        target_user = await self.session.get(User, target.user_id)
        assert target_user is not None
        return target, target_user

    async def remove_member(
        self, user: User, brand_id: uuid.UUID, target_user_id: uuid.UUID
    ) -> None:
        if target_user_id == user.id:  # leaving
            _, target = await self.get(user, brand_id)
        else:
            me, target = await self._target(user, brand_id, target_user_id)
            if not policies.can_grant_role(me, target.role):
                raise Forbidden("Only owners can remove an owner.", code="brand.owner_required")
        await self._keep_an_owner(brand_id, target)
        await self.repo.delete(target)

    async def invite(
        self, user: User, brand_id: uuid.UUID, email: str, role: BrandRole, language: str | None
    ) -> MemberInvitation:
        brand, me = await self.get(user, brand_id)
        if not policies.can_manage_members(me):
            raise Forbidden("Only owners and admins invite members.", code="brand.admin_required")
        if not policies.can_grant_role(me, role):
            raise Forbidden("Only owners can invite owners.", code="brand.owner_required")
        return await self.invitations.invite(
            InvitationTarget.of(brand), email, role.value, language, user
        )

    async def pending_invitations(
        self, user: User, brand_id: uuid.UUID, page: PageParams
    ) -> tuple[list[MemberInvitation], str | None]:
        brand, _ = await self.get(user, brand_id)
        return await self.invitations.pending(InvitationTarget.of(brand), page)

    async def revoke_invitation(
        self, user: User, brand_id: uuid.UUID, invitation_id: uuid.UUID
    ) -> None:
        brand, me = await self.get(user, brand_id)
        if not policies.can_manage_members(me):
            raise Forbidden(
                "Only owners and admins revoke invitations.", code="brand.admin_required"
            )
        await self.invitations.revoke(InvitationTarget.of(brand), invitation_id)
