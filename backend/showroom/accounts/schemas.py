from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from showroom.core.validation import (
    CountryCode,
    Email,
    Password,
    PhoneInput,
    ResponseSchema,
    Schema,
    UILanguage,
    normalize_phone,
)

DisplayName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


def _passwords_match(password: str, confirm: str) -> None:
    if password != confirm:
        raise PydanticCustomError("password_mismatch", "The two passwords do not match.")


class SignupCodeRequest(Schema):
    email: Email
    language: UILanguage = "en"


class SignupCodeSent(ResponseSchema):
    email: str
    expires_in: int = Field(description="Seconds until the code expires.")


class SignupRequest(Schema):
    email: Email
    verification_code: Annotated[str, Field(pattern=r"^\d{6}$")] | None = Field(
        default=None,
        description="The 6-digit code e-mailed by POST /auth/signup/code. Omitted only when "
        "signing up during checkout; the e-mail then stays unverified.",
    )
    display_name: DisplayName
    country: CountryCode
    language: UILanguage
    phone: PhoneInput
    password: Password
    password_confirm: str = Field(max_length=256)
    accept_terms: bool

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str, info: ValidationInfo) -> str:
        return normalize_phone(value, info.data.get("country"))

    @field_validator("password_confirm")
    @classmethod
    def _confirm(cls, value: str, info: ValidationInfo) -> str:
        if "password" in info.data:
            _passwords_match(info.data["password"], value)
        return value

    @field_validator("accept_terms")
    @classmethod
    def _terms(cls, value: bool) -> bool:
        if not value:
            raise PydanticCustomError("terms_not_accepted", "Accept the terms of service.")
        return value


class UserRead(ResponseSchema):
    id: uuid.UUID
    email: str
    email_verified: bool
    display_name: str
    country: str
    language: str
    phone: str
    created_at: datetime


class UserUpdate(Schema):
    display_name: DisplayName | None = None
    country: CountryCode | None = None
    language: UILanguage | None = None
    phone: PhoneInput | None = None


class PasswordChange(Schema):
    current_password: str = Field(max_length=256)
    password: Password
    password_confirm: str = Field(max_length=256)

    @field_validator("password_confirm")
    @classmethod
    def _confirm(cls, value: str, info: ValidationInfo) -> str:
        if "password" in info.data:
            _passwords_match(info.data["password"], value)
        return value


class TokenResponse(ResponseSchema):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105
    expires_in: int = Field(description="Seconds until the access token expires.")


class PasswordResetRequest(Schema):
    email: Email


class PasswordResetConfirm(Schema):
    token: str = Field(min_length=1, max_length=200)
    password: Password
    password_confirm: str = Field(max_length=256)

    @field_validator("password_confirm")
    @classmethod
    def _confirm(cls, value: str, info: ValidationInfo) -> str:
        if "password" in info.data:
            _passwords_match(info.data["password"], value)
        return value
