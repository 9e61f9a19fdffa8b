"""Member invitations for buyer organizations and brands: invite by e-mail, preview the link,
accept it while logged in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal, cast

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core import security
from showroom.core.config import Settings
from showroom.core.errors import Conflict, NotFound
from showroom.core.i18n import ui_language
from showroom.core.pagination import PageParams, keyset_page
from showroom.core.time import utcnow
from showroom.invitations.schemas import (
    MemberInvitationAccepted,
    MemberInvitationPreview,
    Role,
)
from showroom.models import (
    Brand,
    BrandMember,
    BrandRole,
    BuyerMember,
    BuyerOrganization,
    BuyerRole,
    MemberInvitation,
    User,
)
from showroom.notifications.mail import queue_mail

TargetKind = Literal["buyer_organization", "brand"]


@dataclass(frozen=True)
class InvitationTarget:
    kind: TargetKind
    id: uuid.UUID
    name: dict[str, str]
    default_language: str

    @classmethod
    def of(cls, org: BuyerOrganization | Brand) -> InvitationTarget:
        kind: TargetKind = "brand" if isinstance(org, Brand) else "buyer_organization"
        return cls(kind, org.id, org.name, org.default_language)

    def display_name(self, language: str) -> str:
        return self.name.get(language) or self.name.get(self.default_language) or ""


class InvitationService:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.settings = settings

    @staticmethod
    def _for_target(target: InvitationTarget) -> ColumnElement[bool]:
        column = (
            MemberInvitation.brand_id
            if target.kind == "brand"
            else MemberInvitation.buyer_organization_id
        )
        return column == target.id

    async def invite(
        self, target: InvitationTarget, email: str, role: str, language: str | None, inviter: User
    ) -> MemberInvitation:
        if await self._is_member(target, email=email):
            raise Conflict(
                "This person is already a member.",
                code="invitation.already_member",
                loc=("body", "email"),
            )
        now = utcnow()
        # A new invitation replaces any pending one for the same person.
        await self.session.execute(
            update(MemberInvitation)
            .where(
                self._for_target(target),
                MemberInvitation.email == email,
                MemberInvitation.accepted_at.is_(None),
                MemberInvitation.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        invitee = await self.session.scalar(select(User).where(User.email == email))
        mail_language = language or (
            invitee.language if invitee else ui_language(target.default_language)
        )
        raw = security.new_secret()
        invitation = MemberInvitation(
            buyer_organization_id=target.id if target.kind == "buyer_organization" else None,
            brand_id=target.id if target.kind == "brand" else None,
            email=email,
            role=role,
            language=mail_language,
            token_hash=security.hash_secret(raw),
            invited_by_id=inviter.id,
            expires_at=now + timedelta(days=self.settings.member_invitation_days),
        )
        self.session.add(invitation)
        queue_mail(
            self.session,
            email,
            "brand_member_invitation" if target.kind == "brand" else "buyer_member_invitation",
            mail_language,
            inviter=inviter.display_name,
            organization=target.display_name(mail_language),
            role=role,
            url=f"{self.settings.public_url}/invitations/{raw}",
            expires=invitation.expires_at,
        )
        await self.session.flush()
        return invitation

    async def _is_member(
        self,
        target: InvitationTarget,
        *,
        email: str | None = None,
        user_id: uuid.UUID | None = None,
    ) -> bool:
        member: type[BrandMember] | type[BuyerMember]
        if target.kind == "brand":
            member = BrandMember
            query = select(BrandMember.id).where(BrandMember.brand_id == target.id)
        else:
            member = BuyerMember
            query = select(BuyerMember.id).where(BuyerMember.buyer_organization_id == target.id)
        if user_id is not None:
            query = query.where(member.user_id == user_id)
        if email is not None:
            query = query.join(User, User.id == member.user_id).where(User.email == email)
        return await self.session.scalar(query.limit(1)) is not None

    async def pending(
        self, target: InvitationTarget, page: PageParams
    ) -> tuple[list[MemberInvitation], str | None]:
        rows, next_cursor = await keyset_page(
            self.session,
            select(MemberInvitation).where(
                self._for_target(target),
                MemberInvitation.accepted_at.is_(None),
                MemberInvitation.revoked_at.is_(None),
                MemberInvitation.expires_at > utcnow(),
            ),
            page,
            created=MemberInvitation.created_at,
            ident=MemberInvitation.id,
        )
        return [row[0] for row in rows], next_cursor

    async def revoke(self, target: InvitationTarget, invitation_id: uuid.UUID) -> None:
        invitation = await self.session.scalar(
            select(MemberInvitation).where(
                self._for_target(target), MemberInvitation.id == invitation_id
            )
        )
        if invitation is None or invitation.accepted_at is not None:
            raise NotFound("No such pending invitation.", code="invitation.not_found")
        invitation.revoked_at = invitation.revoked_at or utcnow()

    async def _by_token(self, raw_token: str) -> MemberInvitation:
        invitation = await self.session.scalar(
            select(MemberInvitation).where(
                MemberInvitation.token_hash == security.hash_secret(raw_token)
            )
        )
        if invitation is None:
            raise NotFound("This invitation link is not valid.", code="invitation.not_found")
        return invitation

    async def _target_of(self, invitation: MemberInvitation) -> InvitationTarget:
        org: Brand | BuyerOrganization | None
        if invitation.brand_id is not None:
            org = await self.session.get(Brand, invitation.brand_id)
        else:
            assert invitation.buyer_organization_id is not None
            org = await self.session.get(BuyerOrganization, invitation.buyer_organization_id)
        if org is None:
            raise NotFound("This invitation link is not valid.", code="invitation.not_found")
        return InvitationTarget.of(org)

    @staticmethod
    def _state(
        invitation: MemberInvitation,
    ) -> Literal["pending", "accepted", "expired", "revoked"]:
        if invitation.accepted_at is not None:
            return "accepted"
        if invitation.revoked_at is not None:
            return "revoked"
        if invitation.expires_at <= utcnow():
            return "expired"
        return "pending"

    async def preview(self, raw_token: str) -> MemberInvitationPreview:
        invitation = await self._by_token(raw_token)
        target = await self._target_of(invitation)
        inviter = (
            await self.session.get(User, invitation.invited_by_id)
            if invitation.invited_by_id
            else None
        )
        return MemberInvitationPreview(
            target=target.kind,
            target_id=target.id,
            name=target.name,
            default_language=target.default_language,
            role=cast(Role, invitation.role),
            email=invitation.email,
            invited_by=inviter.display_name if inviter else None,
            expires_at=invitation.expires_at,
            state=self._state(invitation),
        )

    async def accept(self, raw_token: str, user: User) -> MemberInvitationAccepted:
        invitation = await self._by_token(raw_token)
        state = self._state(invitation)
        if state != "pending":
            raise Conflict(
                f"This invitation is {state}; ask for a new one.", code=f"invitation.{state}"
            )
        target = await self._target_of(invitation)
        if await self._is_member(target, user_id=user.id):
            raise Conflict("You are already a member.", code="invitation.already_member")
        if target.kind == "brand":
            self.session.add(
                BrandMember(brand_id=target.id, user_id=user.id, role=BrandRole(invitation.role))
            )
        else:
            self.session.add(
                BuyerMember(
                    buyer_organization_id=target.id,
                    user_id=user.id,
                    role=BuyerRole(invitation.role),
                )
            )
        invitation.accepted_at = utcnow()
        invitation.accepted_by_id = user.id
        try:
            await self.session.flush()
        except IntegrityError as exc:
            raise Conflict("You are already a member.", code="invitation.already_member") from exc
        return MemberInvitationAccepted(
            target=target.kind, target_id=target.id, role=cast(Role, invitation.role)
        )
