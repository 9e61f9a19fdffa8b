"""A whole order priced: lines, subtotal, shipping, tax, total, deposit and balance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from showroom.pricing.shipping import ShippingGroup, ShippingQuote, choose_shipping
from showroom.pricing.tax import TaxLine, TaxRate, taxes_for
from showroom.pricing.terms import BillingTerm, Terms, deposit_split, unit_price


@dataclass(frozen=True)
class LineInput:
    key: str  # the caller's id for the line (cart item + SKU)
    base_price: int  # the term × currency list price, SKU override already applied
    quantity: int
    tax_rate: TaxRate | None


@dataclass(frozen=True)
class PricedLine:
    key: str
    unit_price: int
    quantity: int
    amount: int
    tax_rate_id: str | None


@dataclass(frozen=True)
class OrderQuote:
    currency: str
    lines: tuple[PricedLine, ...]
    total_quantity: int
    subtotal: int
    shipping: ShippingQuote
    tax_lines: tuple[TaxLine, ...]
    tax_total: int
    total: int
    deposit: int
    balance: int


def quote_order(
    lines: Sequence[LineInput],
    *,
    currency: str,
    terms: Terms,
    destination_country: str,
    shipping_candidates: Sequence[ShippingGroup | None] = (),
    billing: BillingTerm = BillingTerm.without_deposit,
    deposit_percent: Decimal | None = None,
) -> OrderQuote:
    if any(line.quantity < 0 for line in lines):
        raise ValueError("quantities are never negative")
    priced = tuple(
        PricedLine(
            key=line.key,
            unit_price=(unit := unit_price(line.base_price, terms)),
            quantity=line.quantity,
            amount=unit * line.quantity,
            tax_rate_id=line.tax_rate.id if line.tax_rate else None,
        )
        for line in lines
    )
    subtotal = sum(line.amount for line in priced)
    quantity = sum(line.quantity for line in priced)
    shipping = choose_shipping(
        shipping_candidates,
        currency=currency,
        destination_country=destination_country,
        subtotal=subtotal,
        quantity=quantity,
    )
    taxable = [(line.tax_rate, p.amount) for line, p in zip(lines, priced, strict=True)]
    taxable.append((shipping.tax_rate, shipping.amount))
    tax_lines = tuple(taxes_for(taxable, destination_country))
    tax_total = sum(tax.tax_amount for tax in tax_lines)
    total = subtotal + shipping.amount + tax_total
    deposit, balance = deposit_split(total, billing, deposit_percent)
    return OrderQuote(
        currency=currency,
        lines=priced,
        total_quantity=quantity,
        subtotal=subtotal,
        shipping=shipping,
        tax_lines=tax_lines,
        tax_total=tax_total,
        total=total,
        deposit=deposit,
        balance=balance,
    )
