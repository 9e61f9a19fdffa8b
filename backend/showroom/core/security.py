"""Password hashing, access tokens and opaque secrets."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from jose import JWTError, jwt
from passlib.context import CryptContext

from showroom.core.config import get_settings
from showroom.core.time import utcnow


@lru_cache
def _password_context() -> tuple[CryptContext, str]:
    settings = get_settings()
    context = CryptContext(
        schemes=["argon2"],
        deprecated="auto",
        argon2__memory_cost=settings.argon2_memory_kib,
        argon2__rounds=settings.argon2_time_cost,
    )
    # Verified when the e-mail is unknown, so a failed login takes as long either way.
    dummy_hash = context.hash("not-a-real-password-0")
    return context, dummy_hash


JWT_ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    context, _ = _password_context()
    return context.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    context, dummy_hash = _password_context()
    if password_hash is None:
        context.verify(password, dummy_hash)
        return False
    return bool(context.verify(password, password_hash))


def new_secret(nbytes: int = 32) -> str:
    """An opaque, URL-safe secret (refresh tokens, reset tokens, invitation tokens)."""
    return secrets.token_urlsafe(nbytes)


def hash_secret(secret: str) -> str:
    """Opaque secrets are high-entropy, so a plain SHA-256 is enough to store them."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_numeric_code(digits: int = 6) -> str:
    return f"{secrets.randbelow(10**digits):0{digits}d}"


def hash_code(code: str, salt: str, key: str) -> str:
    """Short codes have little entropy: key the hash with the server secret and the e-mail."""
    return hmac.new(key.encode(), f"{salt}:{code}".encode(), hashlib.sha256).hexdigest()


def codes_match(a: str, b: str) -> bool:
    return hmac.compare_digest(a, b)


def create_access_token(
    user_id: uuid.UUID, key: str, ttl: timedelta, *, now: datetime | None = None
) -> tuple[str, datetime]:
    issued = now or utcnow()
    expires = issued + ttl
    claims: dict[str, Any] = {
        "sub": str(user_id),
        "iat": int(issued.timestamp()),
        "exp": int(expires.timestamp()),
        "typ": "access",
    }
    return jwt.encode(claims, key, algorithm=JWT_ALGORITHM), expires


def decode_access_token(token: str, key: str) -> uuid.UUID | None:
    try:
        claims = jwt.decode(token, key, algorithms=[JWT_ALGORITHM])
    except JWTError:
        return None
    if claims.get("typ") != "access":
        return None
    try:
        return uuid.UUID(str(claims.get("sub")))
    except ValueError:
        return None
