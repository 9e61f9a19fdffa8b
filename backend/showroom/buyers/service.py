"""Buyer organizations: creation, settings, members and the address book."""

from __future__ import annotations

import uuid

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.buyers import policies
from showroom.buyers.repository import BuyerRepository
from showroom.buyers.schemas import (
    AddressCreate,
    AddressUpdate,
    BuyerOrganizationCreate,
    BuyerOrganizationUpdate,
)
from showroom.core.config import Settings
from showroom.core.errors import Conflict, Forbidden, Invalid, NotFound, invalid_from
from showroom.core.pagination import PageParams
from showroom.invitations.service import InvitationService, InvitationTarget
from showroom.models import (
    Address,
    AddressKind,
    BuyerMember,
    BuyerOrganization,
    BuyerRole,
    MemberInvitation,
    User,
)

Membership = tuple[BuyerOrganization, BuyerMember]


class BuyerService:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.repo = BuyerRepository(session)
        self.invitations = InvitationService(session, settings)

    # --- organizations -------------------------------------------------------------------

    async def create(self, user: User, data: BuyerOrganizationCreate) -> Membership:
        org = BuyerOrganization(id=uuid.uuid4(), **data.model_dump())
        member = BuyerMember(
            buyer_organization_id=org.id,
            user_id=user.id,
            role=BuyerRole.owner,
            is_primary_owner=True,
        )
        self.repo.add(org)
        await self.session.flush()
        self.repo.add(member)
        await self.session.flush()
        return org, member

    async def list_mine(self, user: User, page: PageParams) -> tuple[list[Membership], str | None]:
        return await self.repo.list_for_user(user.id, page)

    async def get(self, user: User, org_id: uuid.UUID) -> Membership:
        found = await self.repo.get_for_user(org_id, user.id)
        if found is None:
            raise NotFound("No such buyer organization.", code="buyer_organization.not_found")
        return found

    async def update(
        self, user: User, org_id: uuid.UUID, data: BuyerOrganizationUpdate
    ) -> Membership:
        org, member = await self.get(user, org_id)
        if not policies.can_edit_organization(member):
            raise Forbidden("You may not change this organization.")
        changes = data.model_dump(exclude_unset=True, exclude_none=True)
        merged = {
            name: getattr(org, name) for name in BuyerOrganizationCreate.model_fields
        } | changes
        languages = merged["languages"]
        for field in ("name", "representative"):
            if field not in changes:  # drop texts of languages that were just turned off
                merged[field] = {k: v for k, v in merged[field].items() if k in languages}
        try:
            valid = BuyerOrganizationCreate.model_validate(merged)
        except ValidationError as exc:
            raise invalid_from(exc) from exc
        for name, value in valid.model_dump(exclude={"kind"}).items():
            setattr(org, name, value)
        await self.session.flush()
        return org, member

    # --- members -------------------------------------------------------------------------

    async def members(
        self, user: User, org_id: uuid.UUID, page: PageParams
    ) -> tuple[list[tuple[BuyerMember, User]], str | None]:
        await self.get(user, org_id)
        return await self.repo.members(org_id, page)

    async def _manageable_member(
        self, user: User, org_id: uuid.UUID, target_user_id: uuid.UUID
    ) -> BuyerMember:
        _, me = await self.get(user, org_id)
        if not policies.can_manage_members(me):
            raise Forbidden("Only owners can manage members.", code="buyer_member.owner_required")
        target = await self.repo.member(org_id, target_user_id)
        if target is None:
            raise NotFound("No such member.", code="buyer_member.not_found")
        return target

    async def change_role(
        self, user: User, org_id: uuid.UUID, target_user_id: uuid.UUID, role: BuyerRole
    ) -> tuple[BuyerMember, User]:
        target = await self._manageable_member(user, org_id, target_user_id)
        if target.is_primary_owner and role != BuyerRole.owner:
            raise Conflict(
                "The primary owner stays an owner; transfer the primary owner first.",
                code="buyer_member.primary_owner",
                loc=("body", "role"),
            )
        target.role = role
        await self.session.flush()
        target_user = await self.session.get(User, target.user_id)
        assert target_user is not None
        return target, target_user

    async def remove_member(self, user: User, org_id: uuid.UUID, target_user_id: uuid.UUID) -> None:
        if target_user_id == user.id:  # leaving is always allowed, except for the primary owner
            _, target = await self.get(user, org_id)
        else:
            target = await self._manageable_member(user, org_id, target_user_id)
        if target.is_primary_owner:
            raise Conflict(
                "The primary owner cannot be removed; transfer the primary owner first.",
                code="buyer_member.primary_owner",
            )
        await self.repo.delete(target)

    async def transfer_primary_owner(
        self, user: User, org_id: uuid.UUID, target_user_id: uuid.UUID
    ) -> None:
        _, me = await self.get(user, org_id)
        if not policies.can_transfer_primary_owner(me):
            raise Forbidden(
                "Only the primary owner can hand over that role.",
                code="buyer_member.primary_owner_required",
            )
        target = await self.repo.member(org_id, target_user_id)
        if target is None:
            raise NotFound(
                "No such member.", code="buyer_member.not_found", loc=("body", "user_id")
            )
        if target.id == me.id:
            return
        me.is_primary_owner = False
        await self.session.flush()
        target.is_primary_owner = True
        target.role = BuyerRole.owner
        await self.session.flush()

    async def invite(
        self, user: User, org_id: uuid.UUID, email: str, role: BuyerRole, language: str | None
    ) -> MemberInvitation:
        org, me = await self.get(user, org_id)
        if not policies.can_manage_members(me):
            raise Forbidden("Only owners can invite members.", code="buyer_member.owner_required")
        return await self.invitations.invite(
            InvitationTarget.of(org), email, role.value, language, user
        )

    async def pending_invitations(
        self, user: User, org_id: uuid.UUID, page: PageParams
    ) -> tuple[list[MemberInvitation], str | None]:
        org, _ = await self.get(user, org_id)
        return await self.invitations.pending(InvitationTarget.of(org), page)

    async def revoke_invitation(
        self, user: User, org_id: uuid.UUID, invitation_id: uuid.UUID
    ) -> None:
        org, me = await self.get(user, org_id)
        if not policies.can_manage_members(me):
            raise Forbidden(
                "Only owners can revoke invitations.", code="buyer_member.owner_required"
            )
        await self.invitations.revoke(InvitationTarget.of(org), invitation_id)

    # --- address book --------------------------------------------------------------------

    async def addresses(
        self, user: User, org_id: uuid.UUID, kind: AddressKind | None, page: PageParams
    ) -> tuple[list[Address], str | None]:
        await self.get(user, org_id)
        return await self.repo.addresses(org_id, kind, page)

    async def address(self, user: User, org_id: uuid.UUID, address_id: uuid.UUID) -> Address:
        await self.get(user, org_id)
        found = await self.repo.address(org_id, address_id)
        if found is None:
            raise NotFound("No such address.", code="address.not_found")
        return found

    async def add_address(self, user: User, org_id: uuid.UUID, data: AddressCreate) -> Address:
        _, member = await self.get(user, org_id)
        if not policies.can_manage_addresses(member):
            raise Forbidden("You may not change the address book.")
        address = Address(id=uuid.uuid4(), buyer_organization_id=org_id, **data.model_dump())
        # The first address of a kind is the default one.
        if not address.is_default and not await self.repo.has_default(org_id, data.kind):
            address.is_default = True
        if address.is_default:
            await self.repo.clear_default(org_id, data.kind)
        self.repo.add(address)
        await self.session.flush()
        return address

    async def update_address(
        self, user: User, org_id: uuid.UUID, address_id: uuid.UUID, data: AddressUpdate
    ) -> Address:
        address = await self.address(user, org_id, address_id)
        merged = {
            name: getattr(address, name) for name in AddressCreate.model_fields
        } | data.model_dump(exclude_unset=True, exclude_none=True)
        try:
            valid = AddressCreate.model_validate(merged)
        except ValidationError as exc:
            raise invalid_from(exc) from exc
        if address.is_default and not valid.is_default:
            raise Invalid(
                "Choose another default address instead of unsetting this one.",
                code="address.default_required",
                loc=("body", "is_default"),
            )
        if valid.is_default and not address.is_default:
            await self.repo.clear_default(org_id, address.kind, keep=address.id)
            await self.session.flush()
        for name, value in valid.model_dump(exclude={"kind"}).items():
            setattr(address, name, value)
        await self.session.flush()
        return address

    async def delete_address(self, user: User, org_id: uuid.UUID, address_id: uuid.UUID) -> None:
        address = await self.address(user, org_id, address_id)
        await self.repo.delete(address)
        await self.session.flush()
        if address.is_default:
            successor = await self.repo.latest_address(org_id, address.kind)
            if successor is not None:
                successor.is_default = True
                await self.session.flush()
