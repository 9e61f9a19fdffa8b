"""All models share one metadata; importing this package registers every table."""

from showroom.models.accounts import (
    PasswordResetToken,
    RateLimitHit,
    RefreshToken,
    SignupCode,
    User,
)
from showroom.models.base import Base
from showroom.models.brands import Brand, BrandMember, BrandRole, BrandStatus
from showroom.models.buyers import (
    Address,
    AddressKind,
    BuyerKind,
    BuyerMember,
    BuyerOrganization,
    BuyerRole,
)
from showroom.models.invitations import MemberInvitation
from showroom.models.outbox import DevMail, OutboxMessage, OutboxStatus

__all__ = [
    "Address",
    "AddressKind",
    "Base",
    "Brand",
    "BrandMember",
    "BrandRole",
    "BrandStatus",
    "BuyerKind",
    "BuyerMember",
    "BuyerOrganization",
    "BuyerRole",
    "DevMail",
    "MemberInvitation",
    "OutboxMessage",
    "OutboxStatus",
    "PasswordResetToken",
    "RateLimitHit",
    "RefreshToken",
    "SignupCode",
    "User",
]
