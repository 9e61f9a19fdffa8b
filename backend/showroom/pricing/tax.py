"""Tax: once per tax rate over the whole order, when the rate's country is the destination."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from showroom.pricing.money import Rounding, percent, round_minor


@dataclass(frozen=True)
class TaxRate:
    id: str
    rate: Decimal  # percent, e.g. Decimal("10")
    country: str  # ISO 3166-1 alpha-2
    rounding: Rounding = Rounding.half_up

    def applies_to(self, destination_country: str) -> bool:
        return self.country == destination_country

    def tax_on(self, amount: int) -> int:
        return round_minor(Decimal(amount) * percent(self.rate), self.rounding)


@dataclass(frozen=True)
class TaxLine:
    tax_rate_id: str
    rate: Decimal
    taxable_amount: int
    tax_amount: int


def taxes_for(
    taxable: Iterable[tuple[TaxRate | None, int]], destination_country: str
) -> list[TaxLine]:
    """Group taxable amounts by tax rate and tax each group once, with its rounding mode.
    Amounts whose rate targets another country (or that have no rate) are not taxed."""
    totals: dict[str, int] = {}
    rates: dict[str, TaxRate] = {}
    for tax_rate, amount in taxable:
        if tax_rate is None or not tax_rate.applies_to(destination_country):
            continue
        rates[tax_rate.id] = tax_rate
        totals[tax_rate.id] = totals.get(tax_rate.id, 0) + amount
    return [
        TaxLine(rate_id, rates[rate_id].rate, amount, rates[rate_id].tax_on(amount))
        for rate_id, amount in sorted(totals.items())
    ]


def display_price(
    unit: int, tax_rate: TaxRate | None, destination_country: str, *, include_tax: bool
) -> int:
    """A unit price as shown to the buyer: with tax when the terms say "apply tax to price".
    Display only; the order's tax is always computed by ``taxes_for``."""
    if not include_tax or tax_rate is None or not tax_rate.applies_to(destination_country):
        return unit
    return unit + tax_rate.tax_on(unit)
