"""The authenticated principal of a request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from showroom.accounts.service import AccountService
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import Unauthorized
from showroom.integrations.credentials import is_api_key
from showroom.models import User

bearer = HTTPBearer(
    auto_error=False,
    description="A user's access token from POST /auth/token, or, on the brand endpoints "
    "(`/brands/{brand_id}/…`), one of the brand's API keys `sk_…` whose scopes cover the "
    "operation (listed as this requirement's scopes).",
)


async def get_account_service(session: DbSession, settings: AppSettings) -> AccountService:
    return AccountService(session, settings)


Accounts = Annotated[AccountService, Depends(get_account_service)]


async def user_from_credentials(
    accounts: Accounts, credentials: HTTPAuthorizationCredentials | None
) -> User:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Log in to continue.")
    if is_api_key(credentials.credentials):
        raise Unauthorized(
            "API keys work only on the brand endpoints (/brands/{brand_id}/…) their scopes "
            "cover; this one needs a user's access token.",
            code="api_key.not_accepted",
        )
    user = await accounts.authenticate_access_token(credentials.credentials)
    if user is None:
        raise Unauthorized("The access token is invalid or has expired.", code="auth.token_invalid")
    return user


async def get_current_user(
    accounts: Accounts,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    return await user_from_credentials(accounts, credentials)


CurrentUser = Annotated[User, Depends(get_current_user)]
