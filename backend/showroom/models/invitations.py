"""Invitations to join a buyer organization or a brand as a member."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from showroom.core.time import utcnow
from showroom.models.base import Base, IdMixin


class MemberInvitation(IdMixin, Base):
    __tablename__ = "member_invitations"
    __table_args__ = (
        CheckConstraint(
            "(buyer_organization_id IS NULL) <> (brand_id IS NULL)", name="exactly_one_target"
        ),
    )

    buyer_organization_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("buyer_organizations.id", ondelete="CASCADE"), index=True
    )
    brand_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("brands.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    invited_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    expires_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[datetime | None]
    accepted_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    revoked_at: Mapped[datetime | None]
