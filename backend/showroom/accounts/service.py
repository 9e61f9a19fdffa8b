"""Sign-up, log-in, tokens, password reset and the user's own profile."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.accounts.repository import (
    PasswordResetRepository,
    RefreshTokenRepository,
    SignupCodeRepository,
    UserRepository,
)
from showroom.accounts.schemas import PasswordChange, SignupRequest, UserUpdate
from showroom.core import security
from showroom.core.config import Settings
from showroom.core.errors import Conflict, Invalid, TooManyRequests, Unauthorized
from showroom.core.ratelimit import SlidingWindow
from showroom.core.time import utcnow
from showroom.core.validation import normalize_phone
from showroom.models import PasswordResetToken, RefreshToken, SignupCode, User
from showroom.notifications.mail import queue_mail

# Reusing a refresh token within this interval (two tabs refreshing at once) is not theft.
REFRESH_REUSE_GRACE = timedelta(seconds=30)


class InvalidCode(Invalid):
    keep_changes = True


class InvalidCredentials(Unauthorized):
    code = "auth.invalid_credentials"
    keep_changes = True


class InvalidRefreshToken(Unauthorized):
    code = "auth.refresh_invalid"
    keep_changes = True


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    access_expires_in: int
    refresh_token: str
    refresh_expires_at: datetime


class AccountService:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.settings = settings
        self.users = UserRepository(session)
        self.codes = SignupCodeRepository(session)
        self.refresh_tokens = RefreshTokenRepository(session)
        self.resets = PasswordResetRepository(session)
        self.login_failures = SlidingWindow(
            "login_failure",
            settings.login_failures_allowed,
            timedelta(minutes=settings.login_failure_window_minutes),
        )
        self.code_sends = SlidingWindow("signup_code_send", 5, timedelta(hours=1))
        self.reset_requests = SlidingWindow("password_reset_request", 5, timedelta(hours=1))

    # --- sign-up -------------------------------------------------------------------------

    async def send_signup_code(self, email: str, language: str) -> int:
        """E-mail a 6-digit code; returns its lifetime in seconds."""
        await self._ensure_email_free(email)
        retry = await self.code_sends.retry_after(self.session, email)
        if retry is not None:
            raise TooManyRequests(
                "Too many codes were requested for this e-mail; try again later.",
                code="signup.too_many_codes",
                retry_after=retry,
            )
        self.code_sends.hit(self.session, email)
        code = security.new_numeric_code()
        lifetime = timedelta(minutes=self.settings.signup_code_minutes)
        await self.codes.replace(
            SignupCode(
                email=email,
                code_hash=security.hash_code(code, email, self.settings.secret_key),
                expires_at=utcnow() + lifetime,
            )
        )
        queue_mail(
            self.session,
            email,
            "signup_code",
            language,
            code=code,
            minutes=self.settings.signup_code_minutes,
        )
        return int(lifetime.total_seconds())

    async def signup(self, data: SignupRequest) -> User:
        await self._ensure_email_free(data.email)
        verified = False
        if data.verification_code is not None:
            await self._consume_code(data.email, data.verification_code)
            verified = True
        user = User(
            email=data.email,
            email_verified=verified,
            display_name=data.display_name,
            country=data.country,
            language=data.language,
            phone=data.phone,
            password_hash=security.hash_password(data.password),
        )
        self.users.add(user)
        try:
            await self.session.flush()
        except IntegrityError as exc:
            raise _email_taken() from exc
        return user

    async def _ensure_email_free(self, email: str) -> None:
        if await self.users.get_by_email(email) is not None:
            raise _email_taken()

    async def _consume_code(self, email: str, code: str) -> None:
        loc = ("body", "verification_code")
        stored = await self.codes.get(email)
        if stored is None or stored.expires_at <= utcnow():
            raise Invalid(
                "The code has expired or was never sent; request a new one.",
                code="signup.code_expired",
                loc=loc,
            )
        if stored.attempts >= self.settings.signup_code_max_attempts:
            raise Invalid(
                "Too many wrong codes; request a new one.",
                code="signup.code_attempts_exceeded",
                loc=loc,
            )
        expected = security.hash_code(code, email, self.settings.secret_key)
        if not security.codes_match(expected, stored.code_hash):
            stored.attempts += 1
            raise InvalidCode("The code is not correct.", code="signup.code_invalid", loc=loc)
        await self.codes.delete(stored)

    # --- log-in and tokens ---------------------------------------------------------------

    async def login(self, email: str, password: str) -> tuple[User, IssuedTokens]:
        email = email.strip().lower()
        retry = await self.login_failures.retry_after(self.session, email)
        if retry is not None:
            raise TooManyRequests(
                "Too many failed log-ins for this account; try again later.",
                code="auth.too_many_attempts",
                retry_after=retry,
            )
        user = await self.users.get_by_email(email)
        valid = security.verify_password(password, user.password_hash if user else None)
        if user is None or not valid or not user.is_active:
            self.login_failures.hit(self.session, email)
            raise InvalidCredentials("The e-mail or password is not correct.")
        await self.login_failures.reset(self.session, email)
        return user, self._issue(user.id, uuid.uuid4())

    async def refresh(self, raw_token: str | None) -> IssuedTokens:
        if not raw_token:
            raise InvalidRefreshToken("No session; log in again.")
        token = await self.refresh_tokens.get_by_hash(security.hash_secret(raw_token))
        now = utcnow()
        if token is None or token.revoked_at is not None or token.expires_at <= now:
            raise InvalidRefreshToken("The session has ended; log in again.")
        if token.rotated_at is not None and now - token.rotated_at > REFRESH_REUSE_GRACE:
            # A rotated token came back: someone kept a copy. End every session of this login.
            await self.refresh_tokens.revoke_family(token.family_id, now)
            raise InvalidRefreshToken("The session has ended; log in again.")
        user = await self.users.get(token.user_id)
        if user is None or not user.is_active:
            raise InvalidRefreshToken("The session has ended; log in again.")
        token.rotated_at = token.rotated_at or now
        return self._issue(user.id, token.family_id)

    async def logout(self, raw_token: str | None) -> None:
        if not raw_token:
            return
        token = await self.refresh_tokens.get_by_hash(security.hash_secret(raw_token))
        if token is not None:
            await self.refresh_tokens.revoke_family(token.family_id, utcnow())

    def _issue(self, user_id: uuid.UUID, family_id: uuid.UUID) -> IssuedTokens:
        ttl = timedelta(minutes=self.settings.access_token_minutes)
        access, _ = security.create_access_token(user_id, self.settings.secret_key, ttl)
        raw_refresh = security.new_secret()
        refresh_expires = utcnow() + timedelta(days=self.settings.refresh_token_days)
        self.refresh_tokens.add(
            RefreshToken(
                user_id=user_id,
                family_id=family_id,
                token_hash=security.hash_secret(raw_refresh),
                expires_at=refresh_expires,
            )
        )
        return IssuedTokens(access, int(ttl.total_seconds()), raw_refresh, refresh_expires)

    async def authenticate_access_token(self, token: str) -> User | None:
        user_id = security.decode_access_token(token, self.settings.secret_key)
        if user_id is None:
            return None
        user = await self.users.get(user_id)
        return user if user is not None and user.is_active else None

    # --- password reset ------------------------------------------------------------------

    async def request_password_reset(self, email: str) -> None:
        """Answers the same whether or not the e-mail has an account."""
        user = await self.users.get_by_email(email)
        if user is None:
            return
        if await self.reset_requests.retry_after(self.session, email) is not None:
            return
        self.reset_requests.hit(self.session, email)
        raw = security.new_secret()
        self.resets.add(
            PasswordResetToken(
                user_id=user.id,
                token_hash=security.hash_secret(raw),
                expires_at=utcnow() + timedelta(minutes=self.settings.password_reset_minutes),
            )
        )
        queue_mail(
            self.session,
            user.email,
            "password_reset",
            user.language,
            name=user.display_name,
            url=f"{self.settings.public_url}/reset-password?token={raw}",
        )

    async def confirm_password_reset(self, raw_token: str, password: str) -> None:
        reset = await self.resets.get_by_hash(security.hash_secret(raw_token))
        now = utcnow()
        if reset is None or reset.used_at is not None or reset.expires_at <= now:
            raise Invalid(
                "This reset link is invalid or has expired; ask for a new one.",
                code="password_reset.token_invalid",
                loc=("body", "token"),
            )
        user = await self.users.get(reset.user_id)
        if user is None:
            raise Invalid(
                "This reset link is invalid.",
                code="password_reset.token_invalid",
                loc=("body", "token"),
            )
        reset.used_at = now
        user.password_hash = security.hash_password(password)
        await self.refresh_tokens.revoke_all_for_user(user.id, now)
        await self.login_failures.reset(self.session, user.email)

    # --- the user's own account ----------------------------------------------------------

    async def update_profile(self, user: User, data: UserUpdate) -> User:
        if data.display_name is not None:
            user.display_name = data.display_name
        if data.country is not None:
            user.country = data.country
        if data.language is not None:
            user.language = data.language
        if data.phone is not None:
            try:
                user.phone = normalize_phone(data.phone, user.country)
            except ValueError as exc:
                raise Invalid(
                    "Not a valid phone number for this country.",
                    code="phone_invalid",
                    loc=("body", "phone"),
                ) from exc
        await self.session.flush()
        return user

    async def change_password(self, user: User, data: PasswordChange) -> None:
        if not security.verify_password(data.current_password, user.password_hash):
            raise Invalid(
                "The current password is not correct.",
                code="auth.wrong_password",
                loc=("body", "current_password"),
            )
        user.password_hash = security.hash_password(data.password)


def _email_taken() -> Conflict:
    return Conflict(
        "An account with this e-mail already exists; log in instead.",
        code="account.email_taken",
        loc=("body", "email"),
    )
