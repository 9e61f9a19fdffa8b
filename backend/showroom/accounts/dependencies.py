"""The authenticated principal of a request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from showroom.accounts.service import AccountService
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import Unauthorized
from showroom.models import User

bearer = HTTPBearer(auto_error=False, description="An access token from POST /auth/token.")


def get_account_service(session: DbSession, settings: AppSettings) -> AccountService:
    return AccountService(session, settings)


Accounts = Annotated[AccountService, Depends(get_account_service)]


async def get_current_user(
    accounts: Accounts,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Log in to continue.")
    user = await accounts.authenticate_access_token(credentials.credentials)
    if user is None:
        raise Unauthorized("The access token is invalid or has expired.", code="auth.token_invalid")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
