from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from showroom.core.validation import ResponseSchema

Role = Literal["owner", "admin", "staff", "member"]


class MemberInvitationRead(ResponseSchema):
    id: uuid.UUID
    email: str
    role: Role
    language: str
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None


class MemberInvitationPreview(ResponseSchema):
    """What the person opening an invitation link sees before accepting."""

    target: Literal["buyer_organization", "brand"]
    target_id: uuid.UUID
    name: dict[str, str]
    default_language: str
    role: Role
    email: str
    invited_by: str | None
    expires_at: datetime
    state: Literal["pending", "accepted", "expired", "revoked"]


class MemberInvitationAccepted(ResponseSchema):
    target: Literal["buyer_organization", "brand"]
    target_id: uuid.UUID
    role: Role
