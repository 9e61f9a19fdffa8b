"""Currencies and rounding to whole minor units."""

from __future__ import annotations

import enum
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import get_currency_precision, list_currencies


class Rounding(enum.StrEnum):
    """How a fractional minor unit becomes whole (tax rates choose one)."""

    half_up = "half_up"
    down = "down"
    up = "up"


_DECIMAL_MODES = {
    # Amounts here are never negative, so floor/ceiling are "down"/"up".
    Rounding.half_up: ROUND_HALF_UP,
    Rounding.down: ROUND_FLOOR,
    Rounding.up: ROUND_CEILING,
}


# ISO 4217 codes that are not money one trades in: testing, "no currency", metals, units.
_NOT_TRADED = {
    "XXX",
    "XTS",
    "XAU",
    "XAG",
    "XPD",
    "XPT",
    "XDR",
    "XBA",
    "XBB",
    "XBC",
    "XBD",
    "XSU",
    "XUA",
}


@lru_cache
def _currencies() -> frozenset[str]:
    return frozenset(code.upper() for code in list_currencies()) - _NOT_TRADED


def is_currency(code: str) -> bool:
    return code.upper() in _currencies()


@lru_cache
def currency_exponent(code: str) -> int:
    """Digits after the decimal point (JPY 0, USD 2, BHD 3), from CLDR via Babel."""
    if not is_currency(code):
        raise ValueError(f"unknown currency {code!r}")
    return int(get_currency_precision(code.upper()))


def round_minor(value: Decimal, mode: Rounding = Rounding.half_up) -> int:
    """Round an amount already expressed in minor units to a whole number of them."""
    return int(value.quantize(Decimal(1), rounding=_DECIMAL_MODES[mode]))


def percent(value: Decimal | int | str) -> Decimal:
    return Decimal(value) / 100
