"""Field types shared by request schemas: countries, languages, phone numbers, e-mails,
passwords, and the rule that no text may contain NUL characters."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

import phonenumbers
from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    TypeAdapter,
    model_validator,
)
from pydantic_core import PydanticCustomError

from showroom.core.i18n import CONTENT_LANGUAGES, UI_LANGUAGES, country_codes

NUL_ERROR = "string_contains_nul"
# Errors raised with ``{"path": [...]}`` in their context point below the field they were
# raised for (``name`` → ``name.ja``); the problem handler appends the path to ``loc``.
PATH_CONTEXT_KEY = "path"


def _find_nul(value: Any, path: tuple[str | int, ...] = ()) -> tuple[str | int, ...] | None:
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and "\x00" in key:
                return (*path, key.replace("\x00", ""))
            found = _find_nul(item, (*path, key))
            if found is not None:
                return found
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = _find_nul(item, (*path, index))
            if found is not None:
                return found
    return None


def no_nul(value: str) -> str:
    """For single parameters (forms, queries) that do not go through ``Schema``."""
    if "\x00" in value:
        raise PydanticCustomError(NUL_ERROR, "Text must not contain NUL characters.")
    return value


class Schema(BaseModel):
    """Base of every request body: unknown fields are refused, NUL characters never pass
    (PostgreSQL cannot store them), and the error points at the offending field."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _refuse_nul(cls, data: Any) -> Any:
        found = _find_nul(data)
        if found is not None:
            raise PydanticCustomError(
                NUL_ERROR, "Text must not contain NUL characters.", {PATH_CONTEXT_KEY: list(found)}
            )
        return data


class ResponseSchema(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _country(value: str) -> str:
    code = value.strip().upper()
    if code not in country_codes():
        raise PydanticCustomError("country_invalid", "Unknown country code.")
    return code


def _content_language(value: str) -> str:
    if value not in CONTENT_LANGUAGES:
        raise PydanticCustomError(
            "language_invalid",
            "Unsupported language; use one of {allowed}.",
            {"allowed": ", ".join(CONTENT_LANGUAGES)},
        )
    return value


def _ui_language(value: str) -> str:
    if value not in UI_LANGUAGES:
        raise PydanticCustomError(
            "language_invalid",
            "Unsupported language; use one of {allowed}.",
            {"allowed": ", ".join(UI_LANGUAGES)},
        )
    return value


def _email(value: str) -> str:
    if len(value) > 320:
        raise PydanticCustomError("email_too_long", "E-mail address is too long.")
    return value.strip().lower()


_PASSWORD_LETTER = re.compile(r"[^\W\d_]")
_PASSWORD_DIGIT = re.compile(r"\d")


def _password(value: str) -> str:
    if len(value) < 8 or not _PASSWORD_LETTER.search(value) or not _PASSWORD_DIGIT.search(value):
        raise PydanticCustomError(
            "password_weak", "Use at least 8 characters with both letters and digits."
        )
    return value


CountryCode = Annotated[
    str,
    Field(min_length=2, max_length=2, examples=["JP"], description="ISO 3166-1 alpha-2"),
    AfterValidator(_country),
]
ContentLanguage = Annotated[str, Field(examples=["ja"]), AfterValidator(_content_language)]
UILanguage = Annotated[str, Field(examples=["en"]), AfterValidator(_ui_language)]
Email = Annotated[EmailStr, Field(examples=["buyer@example.com"]), AfterValidator(_email)]
Password = Annotated[str, Field(max_length=256), AfterValidator(_password)]

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ShortCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]
AddressLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
OptionalLine = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
PhoneInput = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=32),
    Field(examples=["+81 3-1234-5678"]),
]


def normalize_phone(value: str, country: str | None) -> str:
    """Parse a phone number written nationally (for ``country``) or internationally and
    return it in E.164."""
    try:
        number = phonenumbers.parse(value, country if value.strip()[:1] != "+" else None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise PydanticCustomError("phone_invalid", "Not a valid phone number for this country.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


LocalizedText = Annotated[
    dict[str, Annotated[str, Field(max_length=2000)]],
    Field(examples=[{"en": "Maison Aoi", "ja": "メゾン葵"}], description="Text per language tag"),
]


def check_localized(
    value: dict[str, str],
    languages: list[str] | None,
    *,
    required: bool,
    max_length: int = 200,
) -> dict[str, str]:
    """Trim each entry; refuse languages that are not enabled; when ``required``, every enabled
    language needs a non-blank value. The error points at the language (``name.ja``)."""
    enabled = languages or []
    cleaned: dict[str, str] = {}
    for language, text in value.items():
        if language not in enabled:
            raise PydanticCustomError(
                "language_not_enabled",
                "{language} is not one of the enabled languages.",
                {"language": language, PATH_CONTEXT_KEY: [language]},
            )
        text = text.strip()
        if len(text) > max_length:
            raise PydanticCustomError(
                "string_too_long",
                "Use at most {max_length} characters.",
                {"max_length": max_length, PATH_CONTEXT_KEY: [language]},
            )
        if text:
            cleaned[language] = text
    if required:
        for language in enabled:
            if language not in cleaned:
                raise PydanticCustomError(
                    "localized_text_missing",
                    "Enter a value in {language}.",
                    {"language": language, PATH_CONTEXT_KEY: [language]},
                )
    return cleaned


def unique_languages(value: list[str]) -> list[str]:
    if len(set(value)) != len(value):
        raise PydanticCustomError("languages_duplicate", "Each language can be chosen once.")
    return value


def default_in(value: str, languages: list[str] | None) -> str:
    if languages is not None and value not in languages:
        raise PydanticCustomError(
            "default_language_not_enabled",
            "The default language must be one of the chosen languages.",
        )
    return value


_http_url: TypeAdapter[AnyHttpUrl] = TypeAdapter(AnyHttpUrl)


def _url(value: str) -> str:
    return str(_http_url.validate_python(value.strip()))


HttpUrlText = Annotated[
    str, Field(max_length=2000, examples=["https://example.com/"]), AfterValidator(_url)
]


def _currency(value: str) -> str:
    from showroom.pricing import is_currency

    code = value.strip().upper()
    if not is_currency(code):
        raise PydanticCustomError("currency_invalid", "Unknown currency code.")
    return code


CurrencyCode = Annotated[
    str,
    Field(min_length=3, max_length=3, examples=["JPY"], description="ISO 4217"),
    AfterValidator(_currency),
]


def localized_errors(
    value: dict[str, str], languages: list[str], default_language: str, loc: tuple[str | int, ...]
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Trim a ``{language: text}`` map written in a brand's languages: languages that are not
    enabled are errors; the default language is required, the others optional. Returns the
    cleaned map and error dicts (``loc``, ``msg``, ``type``)."""
    cleaned: dict[str, str] = {}
    problems: list[dict[str, Any]] = []
    for language, text in value.items():
        if language not in languages:
            problems.append(
                {
                    "loc": [*loc, language],
                    "msg": f"{language} is not one of the brand's languages.",
                    "type": "language_not_enabled",
                }
            )
        elif text.strip():
            cleaned[language] = text.strip()
    if default_language not in cleaned:
        problems.append(
            {
                "loc": [*loc, default_language],
                "msg": f"Enter a value in {default_language}.",
                "type": "localized_text_missing",
            }
        )
    return cleaned, problems


def to_utc(value: datetime) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:  # 9999-12-31T23:00:00-05:00 has no UTC time
        raise PydanticCustomError("datetime_out_of_range", "The time is out of range.") from exc


UtcDateTime = Annotated[
    AwareDatetime,
    AfterValidator(to_utc),
    Field(description="RFC 3339 with a time zone; answered in UTC"),
]
