"""Transaction terms and billing terms: the unit price a buyer pays and the deposit split."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from showroom.pricing.money import Rounding, percent, round_minor


class TermKind(enum.StrEnum):
    """``rate``: the condition is a rate of the list price (WSP, RRP: 55 % of RRP).
    ``discount``: the condition is a discount off the term's price (EXW, FOB, DDP …)."""

    rate = "rate"
    discount = "discount"


class BillingTerm(enum.StrEnum):
    without_deposit = "without_deposit"
    with_deposit = "with_deposit"


@dataclass(frozen=True)
class Terms:
    kind: TermKind
    condition: Decimal  # rate % for rate terms, discount % for discount terms

    def __post_init__(self) -> None:
        if self.kind is TermKind.rate and not Decimal(0) < self.condition <= Decimal(100):
            raise ValueError("a rate must be in (0, 100] %")
        if self.kind is TermKind.discount and not Decimal(0) <= self.condition < Decimal(100):
            raise ValueError("a discount must be in [0, 100) %")

    @property
    def factor(self) -> Decimal:
        if self.kind is TermKind.rate:
            return percent(self.condition)
        return percent(Decimal(100) - self.condition)


def unit_price(base_price: int, terms: Terms) -> int:
    """The buyer's unit price: the term's list price (SKU override first, chosen by the
    caller) × rate, or × (100 − discount) %, rounded half-up to the minor unit."""
    if base_price < 0:
        raise ValueError("prices are never negative")
    return round_minor(Decimal(base_price) * terms.factor, Rounding.half_up)


def deposit_split(
    total: int, billing: BillingTerm, deposit_percent: Decimal | None
) -> tuple[int, int]:
    """(deposit, balance): the deposit is total × deposit %, rounded half-up."""
    if billing is BillingTerm.without_deposit:
        return 0, total
    if deposit_percent is None or not Decimal(0) < deposit_percent <= Decimal(100):
        raise ValueError("a deposit must be in (0, 100] %")
    deposit = round_minor(Decimal(total) * percent(deposit_percent), Rounding.half_up)
    return deposit, total - deposit
