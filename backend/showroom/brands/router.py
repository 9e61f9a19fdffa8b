from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, status

from showroom.accounts.dependencies import CurrentUser
from showroom.brands.schemas import (
    BrandCreate,
    BrandInvitationCreate,
    BrandMemberRead,
    BrandMemberUpdate,
    BrandRead,
    BrandUpdate,
)
from showroom.brands.service import BrandMembership, BrandService
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination
from showroom.invitations.schemas import MemberInvitationRead
from showroom.models import BrandMember, User

router = APIRouter(prefix="/brands", tags=["brands"])


def get_brand_service(session: DbSession, settings: AppSettings) -> BrandService:
    return BrandService(session, settings)


Brands = Annotated[BrandService, Depends(get_brand_service)]


def _read(membership: BrandMembership) -> BrandRead:
    brand, member = membership
    fields = {name: getattr(brand, name) for name in BrandRead.model_fields if hasattr(brand, name)}
    return BrandRead.model_validate({**fields, "my_role": member.role})


def _member(member: BrandMember, user: User) -> BrandMemberRead:
    return BrandMemberRead(
        user_id=user.id,
        display_name=user.display_name,
        email=user.email,
        role=member.role,
        joined_at=member.created_at,
    )


@router.post(
    "", status_code=status.HTTP_201_CREATED, summary="Create a brand (you become its owner)"
)
async def create_brand(body: BrandCreate, user: CurrentUser, brands: Brands) -> BrandRead:
    return _read(await brands.create(user, body))


@router.get("", summary="Brands I am a member of")
async def list_brands(user: CurrentUser, brands: Brands, page: Pagination) -> Page[BrandRead]:
    rows, next_cursor = await brands.list_mine(user, page)
    return Page(items=[_read(row) for row in rows], next_cursor=next_cursor)


@router.get("/{brand_id}", responses=errors(404), summary="One of my brands")
async def get_brand(brand_id: uuid.UUID, user: CurrentUser, brands: Brands) -> BrandRead:
    return _read(await brands.get(user, brand_id))


@router.patch("/{brand_id}", responses=errors(403, 404), summary="Update the brand profile")
async def update_brand(
    brand_id: uuid.UUID, body: BrandUpdate, user: CurrentUser, brands: Brands
) -> BrandRead:
    return _read(await brands.update(user, brand_id, body))


@router.get("/{brand_id}/members", responses=errors(404), summary="Brand members")
async def list_brand_members(
    brand_id: uuid.UUID, user: CurrentUser, brands: Brands, page: Pagination
) -> Page[BrandMemberRead]:
    rows, next_cursor = await brands.members(user, brand_id, page)
    return Page(items=[_member(m, u) for m, u in rows], next_cursor=next_cursor)


@router.patch(
    "/{brand_id}/members/{user_id}",
    responses=errors(403, 404, 409),
    summary="Change a member's role",
)
async def update_brand_member(
    brand_id: uuid.UUID,
    user_id: uuid.UUID,
    body: BrandMemberUpdate,
    user: CurrentUser,
    brands: Brands,
) -> BrandMemberRead:
    return _member(*await brands.change_role(user, brand_id, user_id, body.role))


@router.delete(
    "/{brand_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(403, 404, 409),
    summary="Remove a member (or leave)",
)
async def remove_brand_member(
    brand_id: uuid.UUID, user_id: uuid.UUID, user: CurrentUser, brands: Brands
) -> None:
    await brands.remove_member(user, brand_id, user_id)


@router.post(
    "/{brand_id}/member-invitations",
    status_code=status.HTTP_201_CREATED,
    responses=errors(403, 404, 409),
    summary="Invite someone by e-mail to join the brand",
)
async def invite_brand_member(
    brand_id: uuid.UUID, body: BrandInvitationCreate, user: CurrentUser, brands: Brands
) -> MemberInvitationRead:
    invitation = await brands.invite(user, brand_id, body.email, body.role, body.language)
    return MemberInvitationRead.model_validate(invitation)


@router.get(
    "/{brand_id}/member-invitations", responses=errors(404), summary="Pending member invitations"
)
async def list_brand_member_invitations(
    brand_id: uuid.UUID, user: CurrentUser, brands: Brands, page: Pagination
) -> Page[MemberInvitationRead]:
    rows, next_cursor = await brands.pending_invitations(user, brand_id, page)
    return Page(
        items=[MemberInvitationRead.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.delete(
    "/{brand_id}/member-invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(403, 404),
    summary="Revoke a pending member invitation",
)
async def revoke_brand_member_invitation(
    brand_id: uuid.UUID, invitation_id: uuid.UUID, user: CurrentUser, brands: Brands
) -> None:
    await brands.revoke_invitation(user, brand_id, invitation_id)
