from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Cookie, Form, Response, status
from pydantic import AfterValidator

from showroom.accounts.dependencies import Accounts, CurrentUser
from showroom.accounts.schemas import (
    PasswordChange,
    PasswordResetConfirm,
    PasswordResetRequest,
    SignupCodeRequest,
    SignupCodeSent,
    SignupRequest,
    TokenResponse,
    UserRead,
    UserUpdate,
)
from showroom.accounts.service import IssuedTokens
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.core.validation import no_nul

auth = APIRouter(prefix="/auth", tags=["auth"])
me = APIRouter(prefix="/me", tags=["me"])

REFRESH_COOKIE = "showroom_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"
RefreshCookie = Annotated[str | None, Cookie(alias=REFRESH_COOKIE)]


def _set_refresh_cookie(response: Response, settings: AppSettings, tokens: IssuedTokens) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        tokens.refresh_token,
        expires=tokens.refresh_expires_at,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        secure=settings.public_url.startswith("https://"),
        samesite="strict",
    )


def _token_response(tokens: IssuedTokens) -> TokenResponse:
    return TokenResponse(access_token=tokens.access_token, expires_in=tokens.access_expires_in)


@auth.post(
    "/signup/code",
    status_code=status.HTTP_202_ACCEPTED,
    responses=errors(409, 429),
    summary="E-mail a 6-digit sign-up verification code",
)
async def send_signup_code(body: SignupCodeRequest, accounts: Accounts) -> SignupCodeSent:
    expires_in = await accounts.send_signup_code(body.email, body.language)
    return SignupCodeSent(email=body.email, expires_in=expires_in)


@auth.post(
    "/signup",
    status_code=status.HTTP_201_CREATED,
    responses=errors(409),
    summary="Create a user account",
)
async def signup(body: SignupRequest, accounts: Accounts) -> UserRead:
    return UserRead.model_validate(await accounts.signup(body))


@auth.post(
    "/token",
    responses=errors(401, 429),
    summary="Log in (OAuth2 password grant); sets the refresh-token cookie",
)
async def login(
    username: Annotated[
        str, Form(max_length=320, description="The account's e-mail"), AfterValidator(no_nul)
    ],
    password: Annotated[str, Form(max_length=256), AfterValidator(no_nul)],
    response: Response,
    accounts: Accounts,
    settings: AppSettings,
) -> TokenResponse:
    _, tokens = await accounts.login(username, password)
    _set_refresh_cookie(response, settings, tokens)
    return _token_response(tokens)


@auth.post(
    "/refresh",
    responses=errors(401),
    summary="Exchange the refresh-token cookie for a new access token (rotates the cookie)",
)
async def refresh(
    response: Response,
    accounts: Accounts,
    settings: AppSettings,
    showroom_refresh: RefreshCookie = None,
) -> TokenResponse:
    tokens = await accounts.refresh(showroom_refresh)
    _set_refresh_cookie(response, settings, tokens)
    return _token_response(tokens)


@auth.post("/logout", status_code=status.HTTP_204_NO_CONTENT, summary="End this session")
async def logout(
    response: Response, accounts: Accounts, showroom_refresh: RefreshCookie = None
) -> None:
    await accounts.logout(showroom_refresh)
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_COOKIE_PATH)


@auth.post(
    "/password-reset",
    status_code=status.HTTP_202_ACCEPTED,
    summary="E-mail a password reset link (same answer whether or not the account exists)",
)
async def request_password_reset(body: PasswordResetRequest, accounts: Accounts) -> None:
    await accounts.request_password_reset(body.email)


@auth.post(
    "/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Set a new password with the token from the e-mail",
)
async def confirm_password_reset(body: PasswordResetConfirm, accounts: Accounts) -> None:
    await accounts.confirm_password_reset(body.token, body.password)


@me.get("", summary="The logged-in user")
async def get_me(user: CurrentUser) -> UserRead:
    return UserRead.model_validate(user)


@me.patch("", summary="Update the logged-in user's profile")
async def update_me(body: UserUpdate, user: CurrentUser, accounts: Accounts) -> UserRead:
    return UserRead.model_validate(await accounts.update_profile(user, body))


@me.post("/password", status_code=status.HTTP_204_NO_CONTENT, summary="Change the password")
async def change_password(body: PasswordChange, user: CurrentUser, accounts: Accounts) -> None:
    await accounts.change_password(user, body)
