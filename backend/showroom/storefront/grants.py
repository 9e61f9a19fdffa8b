"""Link access grants: short-lived signed tokens that say "this visitor may use this link"
(and, on a Customer Order Link, as which customer)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from jose import JWTError, jwt

from showroom.core.security import JWT_ALGORITHM
from showroom.core.time import utcnow
from showroom.models import OrderLink

GRANT_TYPE = "link_grant"


@dataclass(frozen=True)
class Grant:
    link_id: uuid.UUID
    customer_id: uuid.UUID | None
    buyer_organization_id: uuid.UUID | None
    # Random per grant: a guest cart belongs to whoever holds the grant it was made with.
    subject: str | None = None


def link_version(link: OrderLink) -> str:
    """Changes when the URL or the passcode does, so older grants stop working."""
    raw = f"{link.token}:{link.passcode_hash or ''}".encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def issue_grant(
    link: OrderLink,
    key: str,
    ttl: timedelta,
    *,
    customer_id: uuid.UUID | None = None,
    buyer_organization_id: uuid.UUID | None = None,
) -> tuple[str, datetime]:
    expires = utcnow() + ttl
    claims = {
        "typ": GRANT_TYPE,
        "lid": str(link.id),
        "ver": link_version(link),
        "cus": str(customer_id) if customer_id else None,
        "org": str(buyer_organization_id) if buyer_organization_id else None,
        "sub": uuid.uuid4().hex,
        "exp": int(expires.timestamp()),
    }
    return jwt.encode(claims, key, algorithm=JWT_ALGORITHM), expires


def read_grant(token: str, key: str) -> tuple[Grant, str] | None:
    """The grant and the link version it was issued for; None when forged or expired."""
    try:
        claims = jwt.decode(token, key, algorithms=[JWT_ALGORITHM])
        if claims.get("typ") != GRANT_TYPE:
            return None
        grant = Grant(
            link_id=uuid.UUID(str(claims["lid"])),
            customer_id=uuid.UUID(claims["cus"]) if claims.get("cus") else None,
            buyer_organization_id=uuid.UUID(claims["org"]) if claims.get("org") else None,
            subject=str(claims["sub"]) if claims.get("sub") else None,
        )
        return grant, str(claims.get("ver"))
    except (JWTError, KeyError, ValueError, TypeError):
        return None
