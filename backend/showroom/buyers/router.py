from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from showroom.accounts.dependencies import CurrentUser
from showroom.buyers.schemas import (
    AddressCreate,
    AddressRead,
    AddressUpdate,
    BuyerInvitationCreate,
    BuyerMemberRead,
    BuyerMemberUpdate,
    BuyerOrganizationCreate,
    BuyerOrganizationRead,
    BuyerOrganizationUpdate,
    PrimaryOwnerTransfer,
)
from showroom.buyers.service import BuyerService, Membership
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination
from showroom.invitations.schemas import MemberInvitationRead
from showroom.models import AddressKind, BuyerMember, User

router = APIRouter(prefix="/buyer-organizations", tags=["buyers"])


def get_buyer_service(session: DbSession, settings: AppSettings) -> BuyerService:
    return BuyerService(session, settings)


Buyers = Annotated[BuyerService, Depends(get_buyer_service)]


def _read(membership: Membership) -> BuyerOrganizationRead:
    org, member = membership
    return BuyerOrganizationRead.model_validate(
        {
            **{
                name: getattr(org, name)
                for name in BuyerOrganizationRead.model_fields
                if hasattr(org, name)
            },
            "my_role": member.role,
            "is_primary_owner": member.is_primary_owner,
        }
    )


def _member(member: BuyerMember, user: User) -> BuyerMemberRead:
    return BuyerMemberRead(
        user_id=user.id,
        display_name=user.display_name,
        email=user.email,
        role=member.role,
        is_primary_owner=member.is_primary_owner,
        joined_at=member.created_at,
    )


@router.post("", status_code=status.HTTP_201_CREATED, summary="Create a buyer organization")
async def create_buyer_organization(
    body: BuyerOrganizationCreate, user: CurrentUser, buyers: Buyers
) -> BuyerOrganizationRead:
    return _read(await buyers.create(user, body))


@router.get("", summary="Buyer organizations I belong to")
async def list_buyer_organizations(
    user: CurrentUser, buyers: Buyers, page: Pagination
) -> Page[BuyerOrganizationRead]:
    rows, next_cursor = await buyers.list_mine(user, page)
    return Page(items=[_read(row) for row in rows], next_cursor=next_cursor)


@router.get("/{org_id}", responses=errors(404), summary="One of my buyer organizations")
async def get_buyer_organization(
    org_id: uuid.UUID, user: CurrentUser, buyers: Buyers
) -> BuyerOrganizationRead:
    return _read(await buyers.get(user, org_id))


@router.patch("/{org_id}", responses=errors(403, 404), summary="Update a buyer organization")
async def update_buyer_organization(
    org_id: uuid.UUID, body: BuyerOrganizationUpdate, user: CurrentUser, buyers: Buyers
) -> BuyerOrganizationRead:
    return _read(await buyers.update(user, org_id, body))


@router.get("/{org_id}/members", responses=errors(404), summary="Members")
async def list_buyer_members(
    org_id: uuid.UUID, user: CurrentUser, buyers: Buyers, page: Pagination
) -> Page[BuyerMemberRead]:
    rows, next_cursor = await buyers.members(user, org_id, page)
    return Page(items=[_member(m, u) for m, u in rows], next_cursor=next_cursor)


@router.patch(
    "/{org_id}/members/{user_id}", responses=errors(403, 404, 409), summary="Change a member's role"
)
async def update_buyer_member(
    org_id: uuid.UUID,
    user_id: uuid.UUID,
    body: BuyerMemberUpdate,
    user: CurrentUser,
    buyers: Buyers,
) -> BuyerMemberRead:
    return _member(*await buyers.change_role(user, org_id, user_id, body.role))


@router.delete(
    "/{org_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(403, 404, 409),
    summary="Remove a member (or leave)",
)
async def remove_buyer_member(
    org_id: uuid.UUID, user_id: uuid.UUID, user: CurrentUser, buyers: Buyers
) -> None:
    await buyers.remove_member(user, org_id, user_id)


@router.post(
    "/{org_id}/primary-owner",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(403, 404),
    summary="Hand the primary owner role to another member",
)
async def transfer_buyer_primary_owner(
    org_id: uuid.UUID, body: PrimaryOwnerTransfer, user: CurrentUser, buyers: Buyers
) -> None:
    await buyers.transfer_primary_owner(user, org_id, body.user_id)


@router.post(
    "/{org_id}/member-invitations",
    status_code=status.HTTP_201_CREATED,
    responses=errors(403, 404, 409),
    summary="Invite someone by e-mail to join",
)
async def invite_buyer_member(
    org_id: uuid.UUID, body: BuyerInvitationCreate, user: CurrentUser, buyers: Buyers
) -> MemberInvitationRead:
    invitation = await buyers.invite(user, org_id, body.email, body.role, body.language)
    return MemberInvitationRead.model_validate(invitation)


@router.get("/{org_id}/member-invitations", responses=errors(404), summary="Pending invitations")
async def list_buyer_member_invitations(
    org_id: uuid.UUID, user: CurrentUser, buyers: Buyers, page: Pagination
) -> Page[MemberInvitationRead]:
    rows, next_cursor = await buyers.pending_invitations(user, org_id, page)
    return Page(
        items=[MemberInvitationRead.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.delete(
    "/{org_id}/member-invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(403, 404),
    summary="Revoke a pending invitation",
)
async def revoke_buyer_member_invitation(
    org_id: uuid.UUID, invitation_id: uuid.UUID, user: CurrentUser, buyers: Buyers
) -> None:
    await buyers.revoke_invitation(user, org_id, invitation_id)


@router.get("/{org_id}/addresses", responses=errors(404), summary="Address book")
async def list_addresses(
    org_id: uuid.UUID,
    user: CurrentUser,
    buyers: Buyers,
    page: Pagination,
    kind: Annotated[AddressKind | None, Query()] = None,
) -> Page[AddressRead]:
    rows, next_cursor = await buyers.addresses(user, org_id, kind, page)
    return Page(items=[AddressRead.model_validate(a) for a in rows], next_cursor=next_cursor)


@router.post(
    "/{org_id}/addresses",
    status_code=status.HTTP_201_CREATED,
    responses=errors(403, 404),
    summary="Add a billing or delivery address",
)
async def create_address(
    org_id: uuid.UUID, body: AddressCreate, user: CurrentUser, buyers: Buyers
) -> AddressRead:
    return AddressRead.model_validate(await buyers.add_address(user, org_id, body))


@router.get("/{org_id}/addresses/{address_id}", responses=errors(404), summary="One address")
async def get_address(
    org_id: uuid.UUID, address_id: uuid.UUID, user: CurrentUser, buyers: Buyers
) -> AddressRead:
    return AddressRead.model_validate(await buyers.address(user, org_id, address_id))


@router.patch("/{org_id}/addresses/{address_id}", responses=errors(404), summary="Edit an address")
async def update_address(
    org_id: uuid.UUID, address_id: uuid.UUID, body: AddressUpdate, user: CurrentUser, buyers: Buyers
) -> AddressRead:
    return AddressRead.model_validate(await buyers.update_address(user, org_id, address_id, body))


@router.delete(
    "/{org_id}/addresses/{address_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(404),
    summary="Delete an address",
)
async def delete_address(
    org_id: uuid.UUID, address_id: uuid.UUID, user: CurrentUser, buyers: Buyers
) -> None:
    await buyers.delete_address(user, org_id, address_id)
