"""Shipping fees: the first group that serves the order's currency and destination and has a
matching rate decides; inside a group the first matching rate wins."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from showroom.pricing.tax import TaxRate


class RateCondition(enum.StrEnum):
    always = "always"
    subtotal_at_least = "subtotal_at_least"  # subtotal ≥ threshold
    subtotal_below = "subtotal_below"  # subtotal < threshold
    quantity_between = "quantity_between"  # min_quantity ≤ total quantity ≤ max_quantity


@dataclass(frozen=True)
class ShippingRate:
    amount: int
    condition: RateCondition = RateCondition.always
    threshold: int | None = None
    min_quantity: int | None = None
    max_quantity: int | None = None

    def matches(self, subtotal: int, quantity: int) -> bool:
        match self.condition:
            case RateCondition.always:
                return True
            case RateCondition.subtotal_at_least:
                return self.threshold is not None and subtotal >= self.threshold
            case RateCondition.subtotal_below:
                return self.threshold is not None and subtotal < self.threshold
            case RateCondition.quantity_between:
                low = self.min_quantity if self.min_quantity is not None else 0
                high = self.max_quantity
                return quantity >= low and (high is None or quantity <= high)


@dataclass(frozen=True)
class ShippingGroup:
    id: str
    currency: str
    country: str | None  # None: every country (the currency's default group)
    rates: tuple[ShippingRate, ...]
    tax_rate: TaxRate | None = None

    def serves(self, currency: str, destination_country: str) -> bool:
        return self.currency == currency and self.country in (None, destination_country)

    def rate_for(self, subtotal: int, quantity: int) -> ShippingRate | None:
        return next((rate for rate in self.rates if rate.matches(subtotal, quantity)), None)


@dataclass(frozen=True)
class ShippingQuote:
    group_id: str | None
    amount: int
    tax_rate: TaxRate | None


NO_SHIPPING = ShippingQuote(None, 0, None)


def choose_shipping(
    candidates: Sequence[ShippingGroup | None],
    *,
    currency: str,
    destination_country: str,
    subtotal: int,
    quantity: int,
) -> ShippingQuote:
    """``candidates`` in priority order — the link's group, the catalog's, the brand's group
    for the destination country, the brand's all-countries group for the currency. A group
    that does not serve the order, or has no matching rate, gives way to the next."""
    for group in candidates:
        if group is None or not group.serves(currency, destination_country):
            continue
        rate = group.rate_for(subtotal, quantity)
        if rate is not None:
            return ShippingQuote(group.id, rate.amount, group.tax_rate)
    return NO_SHIPPING
