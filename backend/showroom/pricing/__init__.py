"""The pricing engine (DOMAIN.md §4): pure functions, no I/O. Amounts are integers in the
currency's minor unit; percentages and intermediate values are ``Decimal``, never floats."""

from showroom.pricing.money import Rounding, currency_exponent, is_currency, round_minor
from showroom.pricing.quote import LineInput, OrderQuote, PricedLine, quote_order
from showroom.pricing.shipping import (
    RateCondition,
    ShippingGroup,
    ShippingQuote,
    ShippingRate,
    choose_shipping,
)
from showroom.pricing.tax import TaxLine, TaxRate, display_price, taxes_for
from showroom.pricing.terms import BillingTerm, TermKind, Terms, deposit_split, unit_price

__all__ = [
    "BillingTerm",
    "LineInput",
    "OrderQuote",
    "PricedLine",
    "RateCondition",
    "Rounding",
    "ShippingGroup",
    "ShippingQuote",
    "ShippingRate",
    "TaxLine",
    "TaxRate",
    "TermKind",
    "Terms",
    "choose_shipping",
    "currency_exponent",
    "deposit_split",
    "display_price",
    "is_currency",
    "quote_order",
    "round_minor",
    "taxes_for",
    "unit_price",
]
