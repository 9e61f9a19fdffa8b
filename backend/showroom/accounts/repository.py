from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.models import PasswordResetToken, RefreshToken, SignupCode, User


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)

    async def get_by_email(self, email: str) -> User | None:
        return await self.session.scalar(select(User).where(User.email == email))

    async def get_many_by_id(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, User]:
        if not ids:
            return {}
        users = await self.session.scalars(select(User).where(User.id.in_(ids)))
        return {user.id: user for user in users}

    def add(self, user: User) -> None:
        self.session.add(user)


class SignupCodeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, email: str) -> SignupCode | None:
        return await self.session.scalar(select(SignupCode).where(SignupCode.email == email))

    async def replace(self, code: SignupCode) -> None:
        await self.session.execute(delete(SignupCode).where(SignupCode.email == code.email))
        self.session.add(code)

    async def delete(self, code: SignupCode) -> None:
        await self.session.delete(code)


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get_by_hash(self, token_hash: str) -> RefreshToken | None:
        return await self.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash)
        )

    def add(self, token: RefreshToken) -> None:
        self.session.add(token)

    async def revoke_family(self, family_id: uuid.UUID, at: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=at)
        )

    async def revoke_all_for_user(self, user_id: uuid.UUID, at: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=at)
        )


class PasswordResetRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, token: PasswordResetToken) -> None:
        self.session.add(token)

    async def get_by_hash(self, token_hash: str) -> PasswordResetToken | None:
        return await self.session.scalar(
            select(PasswordResetToken).where(PasswordResetToken.token_hash == token_hash)
        )
