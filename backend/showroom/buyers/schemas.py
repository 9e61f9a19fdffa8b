from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field, ValidationInfo, field_validator

from showroom.core.validation import (
    AddressLine,
    ContentLanguage,
    CountryCode,
    Email,
    LocalizedText,
    Name,
    OptionalLine,
    PhoneInput,
    ResponseSchema,
    Schema,
    ShortCode,
    UILanguage,
    check_localized,
    default_in,
    normalize_phone,
    unique_languages,
)
from showroom.models import AddressKind, BuyerKind, BuyerRole


def _unique_emails(value: list[str]) -> list[str]:
    seen: list[str] = []
    for email in value:
        if email not in seen:
            seen.append(email)
    return seen


class BuyerOrganizationCreate(Schema):
    """Every field of "Create a New Buyer Organization", in the order of its form."""

    kind: BuyerKind = BuyerKind.organization
    languages: list[ContentLanguage] = Field(min_length=1, max_length=9)
    default_language: ContentLanguage
    name: LocalizedText = Field(description="Company/organization name per enabled language")
    representative: LocalizedText = Field(description="Name of representative per language")
    emails: list[Email] = Field(
        min_length=1, max_length=10, description="The first is the one disclosed to brands"
    )
    recipients: list[Email] = Field(
        min_length=1, max_length=10, description="Addresses that receive notification e-mails"
    )
    country: CountryCode
    phone: PhoneInput
    contact_email: Email

    _unique_languages = field_validator("languages")(unique_languages)

    @field_validator("default_language")
    @classmethod
    def _default(cls, value: str, info: ValidationInfo) -> str:
        return default_in(value, info.data.get("languages"))

    @field_validator("name", "representative")
    @classmethod
    def _localized(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        return check_localized(value, info.data.get("languages"), required=True)

    @field_validator("emails", "recipients")
    @classmethod
    def _dedupe(cls, value: list[str]) -> list[str]:
        return _unique_emails(value)

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str, info: ValidationInfo) -> str:
        return normalize_phone(value, info.data.get("country"))


class BuyerOrganizationUpdate(Schema):
    """Any subset of the creation fields; the result is validated as a whole."""

    languages: list[ContentLanguage] | None = Field(default=None, min_length=1, max_length=9)
    default_language: ContentLanguage | None = None
    name: LocalizedText | None = None
    representative: LocalizedText | None = None
    emails: list[Email] | None = Field(default=None, min_length=1, max_length=10)
    recipients: list[Email] | None = Field(default=None, min_length=1, max_length=10)
    country: CountryCode | None = None
    phone: PhoneInput | None = None
    contact_email: Email | None = None


class BuyerOrganizationRead(ResponseSchema):
    id: uuid.UUID
    kind: BuyerKind
    languages: list[str]
    default_language: str
    name: dict[str, str]
    representative: dict[str, str]
    emails: list[str]
    recipients: list[str]
    country: str
    phone: str
    contact_email: str
    created_at: datetime
    updated_at: datetime
    my_role: BuyerRole
    is_primary_owner: bool


class BuyerMemberRead(ResponseSchema):
    user_id: uuid.UUID
    display_name: str
    email: str
    role: BuyerRole
    is_primary_owner: bool
    joined_at: datetime


class BuyerMemberUpdate(Schema):
    role: BuyerRole


class PrimaryOwnerTransfer(Schema):
    user_id: uuid.UUID


class AddressFields(Schema):
    recipient: Name
    postal_code: ShortCode
    country: CountryCode
    state: Name
    city: Name
    line1: AddressLine
    line2: OptionalLine = ""
    phone: PhoneInput
    is_default: bool = False

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str, info: ValidationInfo) -> str:
        return normalize_phone(value, info.data.get("country"))


class AddressCreate(AddressFields):
    kind: AddressKind


class AddressUpdate(Schema):
    """Any subset of the address fields; the result is validated as a whole."""

    recipient: Name | None = None
    postal_code: ShortCode | None = None
    country: CountryCode | None = None
    state: Name | None = None
    city: Name | None = None
    line1: AddressLine | None = None
    line2: OptionalLine | None = None
    phone: PhoneInput | None = None
    is_default: bool | None = None


class AddressRead(ResponseSchema):
    id: uuid.UUID
    kind: AddressKind
    recipient: str
    postal_code: str
    country: str
    state: str
    city: str
    line1: str
    line2: str
    phone: str
    is_default: bool
    created_at: datetime
    updated_at: datetime


class BuyerInvitationCreate(Schema):
    email: Email
    role: BuyerRole = BuyerRole.member
    language: UILanguage | None = Field(
        default=None, description="Language of the invitation e-mail (default: the invitee's)"
    )
