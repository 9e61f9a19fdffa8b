from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field, ValidationInfo, field_validator

from showroom.core.validation import (
    ContentLanguage,
    CountryCode,
    Email,
    HttpUrlText,
    LocalizedText,
    ResponseSchema,
    Schema,
    UILanguage,
    check_localized,
    default_in,
    unique_languages,
)
from showroom.models import BrandRole, BrandStatus


class BrandCreate(Schema):
    languages: list[ContentLanguage] = Field(min_length=1, max_length=9)
    default_language: ContentLanguage
    name: LocalizedText = Field(description="Brand name per enabled language (all required)")
    description: LocalizedText = Field(
        default_factory=dict, description="Brand description per enabled language"
    )
    country: CountryCode
    status: BrandStatus = BrandStatus.active
    video_url: HttpUrlText | None = None
    website_url: HttpUrlText | None = None

    _unique_languages = field_validator("languages")(unique_languages)

    @field_validator("default_language")
    @classmethod
    def _default(cls, value: str, info: ValidationInfo) -> str:
        return default_in(value, info.data.get("languages"))

    @field_validator("name")
    @classmethod
    def _name(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        return check_localized(value, info.data.get("languages"), required=True)

    @field_validator("description")
    @classmethod
    def _description(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        return check_localized(value, info.data.get("languages"), required=False, max_length=2000)


class BrandUpdate(Schema):
    """Any subset of the brand's profile; the result is validated as a whole. ``null``
    clears the optional fields."""

    languages: list[ContentLanguage] | None = Field(default=None, min_length=1, max_length=9)
    default_language: ContentLanguage | None = None
    name: LocalizedText | None = None
    description: LocalizedText | None = None
    country: CountryCode | None = None
    status: BrandStatus | None = None
    video_url: HttpUrlText | None = None
    website_url: HttpUrlText | None = None
    logo_id: uuid.UUID | None = Field(default=None, description="An image of the brand's media")
    main_visual_id: uuid.UUID | None = None


class BrandRead(ResponseSchema):
    id: uuid.UUID
    languages: list[str]
    default_language: str
    name: dict[str, str]
    description: dict[str, str]
    country: str
    status: BrandStatus
    video_url: str | None
    website_url: str | None
    logo_id: uuid.UUID | None
    main_visual_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    my_role: BrandRole


class BrandMemberRead(ResponseSchema):
    user_id: uuid.UUID
    display_name: str
    email: str
    role: BrandRole
    joined_at: datetime


class BrandMemberUpdate(Schema):
    role: BrandRole


class BrandInvitationCreate(Schema):
    email: Email
    role: BrandRole = BrandRole.staff
    language: UILanguage | None = Field(
        default=None, description="Language of the invitation e-mail (default: the invitee's)"
    )
