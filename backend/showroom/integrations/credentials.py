"""Brand API keys as credentials: their format, how they are stored, and how a request made
with one is authenticated, counted against the key's rate limit and checked for scope.

Hashing: a key carries 256 random bits, so unlike a password it cannot be guessed and needs
no slow hash (argon2 would cost every API request tens of milliseconds for nothing). A plain
SHA-256 is kept; the key's first characters (``prefix``) are stored as they are to find the
row, and the hashes are compared in constant time."""

from __future__ import annotations

import hmac
import math
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from showroom.core.config import Settings
from showroom.core.errors import Forbidden, NotFound, TooManyRequests, Unauthorized
from showroom.core.security import hash_secret, new_secret
from showroom.core.time import utcnow
from showroom.integrations.repository import ApiKeyRepository
from showroom.models import ApiKey

KEY_PREFIX = "sk_"
LOOKUP_LENGTH = 16  # "sk_" and 13 random characters (78 bits): unique, and safe to show
WINDOW = timedelta(minutes=1)
TOUCH_EVERY = timedelta(minutes=1)


def is_api_key(token: str) -> bool:
    return token.startswith(KEY_PREFIX)


def new_api_key() -> tuple[str, str, str]:
    """A new key: (the key, shown once; its lookup prefix; its hash)."""
    key = KEY_PREFIX + new_secret(32)
    return key, key[:LOOKUP_LENGTH], hash_secret(key)


def implied(scopes: list[str]) -> set[str]:
    """A key's effective scopes: ``<area>:write`` also reads."""
    effective = set(scopes)
    effective.update(
        scope.replace(":write", ":read") for scope in scopes if scope.endswith(":write")
    )
    return effective


def _invalid() -> Unauthorized:
    return Unauthorized("The API key is invalid or has been revoked.", code="api_key.invalid")


class ApiKeyAuthenticator:
    """Runs in a session of its own, committed before the request's work starts: a request
    counts against the key's limit even when its own transaction is rolled back, so a client
    repeating failing requests is slowed down too."""

    def __init__(self, settings: Settings, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker

    async def authenticate(self, token: str, brand_id: uuid.UUID, scope: str | None) -> ApiKey:
        """The key, if it is live, under its limit, of this brand and has ``scope``.
        ``scope`` None: any live key of the brand (the route's service decides)."""
        if len(token) > 200:
            raise _invalid()
        now = utcnow()
        async with self.sessionmaker() as session, session.begin():
            keys = ApiKeyRepository(session)
            key = await keys.by_prefix(token[:LOOKUP_LENGTH])
            if key is None or not hmac.compare_digest(key.secret_hash, hash_secret(token)):
                raise _invalid()
            if key.revoked_at is not None:
                raise _invalid()
            window_start = _window_start(now)
            count = await keys.count_request(key.id, window_start)
            await keys.touch(key.id, now, now - TOUCH_EVERY)
        limit = self.settings.api_key_requests_per_minute
        if count > limit:
            retry_after = math.ceil((window_start + WINDOW - now).total_seconds())
            raise TooManyRequests(
                f"This key made more than {limit} requests this minute.",
                code="api_key.rate_limited",
                retry_after=retry_after,
            )
        if key.brand_id != brand_id:
            # Another brand's rows are not found, whoever asks.
            raise NotFound("No such brand.", code="brand.not_found")
        if scope is not None and scope not in implied(key.scopes):
            raise Forbidden(
                f"This API key lacks the scope {scope}.",
                code="api_key.scope_missing",
            )
        return key


def _window_start(now: datetime) -> datetime:
    epoch = int(now.timestamp())
    seconds = int(WINDOW.total_seconds())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=UTC)
