from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from showroom.accounts.dependencies import CurrentUser
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.invitations.schemas import MemberInvitationAccepted, MemberInvitationPreview
from showroom.invitations.service import InvitationService

router = APIRouter(prefix="/member-invitations", tags=["invitations"])

Token = Annotated[str, Path(min_length=10, max_length=200)]


def get_invitation_service(session: DbSession, settings: AppSettings) -> InvitationService:
    return InvitationService(session, settings)


Invitations = Annotated[InvitationService, Depends(get_invitation_service)]


@router.get(
    "/{token}", responses=errors(404), summary="What an invitation link offers (no login needed)"
)
async def preview_member_invitation(
    token: Token, invitations: Invitations
) -> MemberInvitationPreview:
    return await invitations.preview(token)


@router.post(
    "/{token}/accept",
    responses=errors(404, 409),
    summary="Accept an invitation as the logged-in user",
)
async def accept_member_invitation(
    token: Token, user: CurrentUser, invitations: Invitations
) -> MemberInvitationAccepted:
    return await invitations.accept(token, user)
