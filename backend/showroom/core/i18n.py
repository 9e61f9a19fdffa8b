"""Locales: the UI languages, the content languages brands and buyers write in, country and
language names from Babel (CLDR), and picking a locale for a request or a recipient."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

import phonenumbers
from babel import Locale, UnknownLocaleError

UI_LANGUAGES: Final = ("en", "ja", "zh-Hans")
DEFAULT_LANGUAGE: Final = "en"
# Languages a brand or buyer organization can write its names and descriptions in.
CONTENT_LANGUAGES: Final = ("en", "ja", "zh-Hans", "zh-Hant", "ko", "fr", "de", "it", "es")


def babel_locale(tag: str) -> Locale:
    return Locale.parse(tag.replace("-", "_"))


def ui_language(tag: str | None) -> str:
    """The closest UI language for a language tag (``zh-CN`` → ``zh-Hans``, ``fr`` → ``en``)."""
    if not tag:
        return DEFAULT_LANGUAGE
    try:
        wanted = babel_locale(tag)
    except (ValueError, TypeError, UnknownLocaleError):
        return DEFAULT_LANGUAGE
    if wanted.language == "zh":
        script = wanted.script or ("Hant" if wanted.territory in {"TW", "HK", "MO"} else "Hans")
        return "zh-Hans" if script == "Hans" else DEFAULT_LANGUAGE
    return wanted.language if wanted.language in UI_LANGUAGES else DEFAULT_LANGUAGE


def negotiate(accept_language: str | None, explicit: str | None = None) -> str:
    """Pick a UI language from ``?locale=`` or the ``Accept-Language`` header."""
    if explicit:
        return ui_language(explicit)
    if not accept_language:
        return DEFAULT_LANGUAGE
    weighted: list[tuple[float, str]] = []
    for part in accept_language.split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*":
            weighted.append((quality, tag))
    for _, tag in sorted(weighted, key=lambda item: -item[0]):
        chosen = ui_language(tag)
        if chosen != DEFAULT_LANGUAGE or babel_safe_language(tag) == "en":
            return chosen
    return DEFAULT_LANGUAGE


def babel_safe_language(tag: str) -> str | None:
    try:
        return str(babel_locale(tag).language)
    except (ValueError, TypeError, UnknownLocaleError):
        return None


@lru_cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes that CLDR names and that have a telephone numbering plan."""
    names = Locale("en").territories
    return frozenset(code for code in phonenumbers.SUPPORTED_REGIONS if code in names)


@lru_cache
def country_names(locale: str) -> dict[str, str]:
    names = babel_locale(locale).territories
    return {code: str(names[code]) for code in sorted(country_codes())}


@lru_cache
def language_names(locale: str) -> dict[str, str]:
    display = babel_locale(locale)
    return {tag: str(babel_locale(tag).get_display_name(display)) for tag in CONTENT_LANGUAGES}


def pick_text(text: dict[str, str], *preferred: str | None) -> str:
    """One string of a ``{language: text}`` map: the first preferred language it has, else any."""
    for language in preferred:
        if language and text.get(language):
            return text[language]
    return next((value for value in text.values() if value), "")
