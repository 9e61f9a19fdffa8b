"""Reference data for forms: countries and languages, named in the reader's language."""

from __future__ import annotations

from fastapi import APIRouter

from showroom.core.deps import RequestLanguage
from showroom.core.i18n import CONTENT_LANGUAGES, UI_LANGUAGES, country_names, language_names
from showroom.core.validation import ResponseSchema

router = APIRouter(prefix="/reference", tags=["reference"])


class Country(ResponseSchema):
    code: str
    name: str


class Language(ResponseSchema):
    code: str
    name: str


class Languages(ResponseSchema):
    ui: list[Language]
    content: list[Language]


@router.get("/countries", summary="Countries (ISO 3166-1 alpha-2), named in the request language")
async def list_countries(language: RequestLanguage) -> list[Country]:
    names = country_names(language)
    return [
        Country(code=code, name=name) for code, name in sorted(names.items(), key=lambda i: i[1])
    ]


@router.get("/languages", summary="UI and content languages, named in the request language")
async def list_languages(language: RequestLanguage) -> Languages:
    names = language_names(language)
    ui_names = {tag: names.get(tag) or tag for tag in UI_LANGUAGES}
    return Languages(
        ui=[Language(code=tag, name=ui_names[tag]) for tag in UI_LANGUAGES],
        content=[Language(code=tag, name=names[tag]) for tag in CONTENT_LANGUAGES],
    )
