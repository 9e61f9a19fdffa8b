"""The pricing engine, DOMAIN.md §4: examples for every rule, then properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showroom.pricing import (
    BillingTerm,
    LineInput,
    RateCondition,
    Rounding,
    ShippingGroup,
    ShippingRate,
    TaxRate,
    TermKind,
    Terms,
    choose_shipping,
    currency_exponent,
    deposit_split,
    display_price,
    is_currency,
    quote_order,
    round_minor,
    taxes_for,
    unit_price,
)

WSP_100 = Terms(TermKind.rate, Decimal(100))
JP_10 = TaxRate("jp10", Decimal(10), "JP")
JP_8 = TaxRate("jp8", Decimal(8), "JP")


# --- currencies and rounding -----------------------------------------------------------------


def test_currency_exponents_come_from_cldr() -> None:
    assert [currency_exponent(c) for c in ("JPY", "usd", "EUR", "CNY", "KRW", "BHD")] == [
        0,
        2,
        2,
        2,
        0,
        3,
    ]
    assert is_currency("jpy")
    assert not is_currency("XYZ")
    with pytest.raises(ValueError, match="unknown currency"):
        currency_exponent("XYZ")


@pytest.mark.parametrize(
    ("value", "half_up", "down", "up"),
    [
        ("10.5", 11, 10, 11),
        ("10.49", 10, 10, 11),
        ("10.51", 11, 10, 11),
        ("10", 10, 10, 10),
        ("0.5", 1, 0, 1),
        ("0", 0, 0, 0),
    ],
)
def test_every_rounding_mode(value: str, half_up: int, down: int, up: int) -> None:
    amount = Decimal(value)
    assert round_minor(amount, Rounding.half_up) == half_up
    assert round_minor(amount, Rounding.down) == down
    assert round_minor(amount, Rounding.up) == up


# --- unit prices -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "kind", "condition", "expected"),
    [
        (10_000, TermKind.rate, "55", 5_500),  # 55 % of RRP ¥10,000
        (999, TermKind.rate, "55", 549),  # 549.45 → 549
        (1_001, TermKind.rate, "50", 501),  # 500.5 → 501 (half up)
        (12_345, TermKind.rate, "100", 12_345),  # WSP at 100 %
        (4_999, TermKind.rate, "62.5", 3_124),  # $49.99 × 62.5 % = 31.24375 → $31.24
        (10_000, TermKind.discount, "15", 8_500),  # EXW −15 %
        (1_999, TermKind.discount, "10", 1_799),  # 1799.1 → 1799
        (1_995, TermKind.discount, "10", 1_796),  # 1795.5 → 1796
        (5_000, TermKind.discount, "0", 5_000),
        (0, TermKind.rate, "55", 0),
    ],
)
def test_unit_price_per_term_kind(base: int, kind: TermKind, condition: str, expected: int) -> None:
    assert unit_price(base, Terms(kind, Decimal(condition))) == expected


@pytest.mark.parametrize(
    ("kind", "condition"),
    [
        (TermKind.rate, "0"),
        (TermKind.rate, "100.01"),
        (TermKind.rate, "-5"),
        (TermKind.discount, "100"),
        (TermKind.discount, "-1"),
    ],
)
def test_conditions_out_of_bounds_are_refused(kind: TermKind, condition: str) -> None:
    with pytest.raises(ValueError, match="must be in"):
        Terms(kind, Decimal(condition))


def test_negative_prices_are_refused() -> None:
    with pytest.raises(ValueError, match="never negative"):
        unit_price(-1, WSP_100)


# --- tax -------------------------------------------------------------------------------------


def test_tax_is_computed_once_per_rate_not_per_line() -> None:
    # Three lines of ¥105 at 10 %: per line 10.5 → 11 each would be ¥33; once over ¥315 → ¥32.
    taxable = [(JP_10, 105), (JP_10, 105), (JP_10, 105)]
    [line] = taxes_for(taxable, "JP")
    assert (line.taxable_amount, line.tax_amount) == (315, 32)


@pytest.mark.parametrize(("mode", "expected"), [("half_up", 32), ("down", 31), ("up", 32)])
def test_tax_rounding_mode_is_the_rates(mode: str, expected: int) -> None:
    rate = TaxRate("r", Decimal(10), "JP", Rounding(mode))
    assert taxes_for([(rate, 315)], "JP")[0].tax_amount == expected
    assert taxes_for([(rate, 311)], "JP")[0].tax_amount == (31 if mode != "up" else 32)


def test_tax_applies_only_in_its_country() -> None:
    assert taxes_for([(JP_10, 1000)], "US") == []
    assert taxes_for([(None, 1000)], "JP") == []


def test_each_rate_gets_its_own_line() -> None:
    lines = taxes_for([(JP_10, 1000), (JP_8, 1000), (JP_10, 500)], "JP")
    assert [(t.tax_rate_id, t.taxable_amount, t.tax_amount) for t in lines] == [
        ("jp10", 1500, 150),
        ("jp8", 1000, 80),
    ]


def test_display_price_with_tax_is_display_only() -> None:
    assert display_price(1_000, JP_10, "JP", include_tax=True) == 1_100
    assert display_price(1_000, JP_10, "JP", include_tax=False) == 1_000
    assert display_price(1_000, JP_10, "US", include_tax=True) == 1_000
    assert display_price(1_000, None, "JP", include_tax=True) == 1_000


# --- shipping --------------------------------------------------------------------------------

FREE_OVER_50K = ShippingGroup(
    "jpy-jp",
    "JPY",
    "JP",
    (
        ShippingRate(0, RateCondition.subtotal_at_least, threshold=50_000),
        ShippingRate(1_200, RateCondition.subtotal_below, threshold=50_000),
    ),
    tax_rate=JP_10,
)
JPY_ANYWHERE = ShippingGroup("jpy-all", "JPY", None, (ShippingRate(3_000),))
BY_QUANTITY = ShippingGroup(
    "jpy-qty",
    "JPY",
    None,
    (
        ShippingRate(500, RateCondition.quantity_between, min_quantity=1, max_quantity=10),
        ShippingRate(900, RateCondition.quantity_between, min_quantity=11, max_quantity=50),
    ),
)


def ship(
    candidates: list[ShippingGroup | None], subtotal: int, qty: int = 1, country: str = "JP"
) -> tuple[str | None, int]:
    quote = choose_shipping(
        candidates, currency="JPY", destination_country=country, subtotal=subtotal, quantity=qty
    )
    return quote.group_id, quote.amount


def test_first_matching_rate_wins() -> None:
    assert ship([FREE_OVER_50K], 49_999) == ("jpy-jp", 1_200)
    assert ship([FREE_OVER_50K], 50_000) == ("jpy-jp", 0)


def test_quantity_brackets() -> None:
    assert ship([BY_QUANTITY], 100, qty=10) == ("jpy-qty", 500)
    assert ship([BY_QUANTITY], 100, qty=11) == ("jpy-qty", 900)
    # No bracket matches: the next group decides.
    assert ship([BY_QUANTITY, JPY_ANYWHERE], 100, qty=51) == ("jpy-all", 3_000)


def test_link_then_catalog_then_country_then_all_countries() -> None:
    link, catalog = BY_QUANTITY, FREE_OVER_50K
    assert ship([link, catalog, JPY_ANYWHERE], 60_000, qty=5) == ("jpy-qty", 500)
    assert ship([None, catalog, JPY_ANYWHERE], 60_000) == ("jpy-jp", 0)
    # The catalog's group is for Japan: a US delivery falls through to all countries.
    assert ship([None, catalog, JPY_ANYWHERE], 60_000, country="US") == ("jpy-all", 3_000)


def test_a_group_in_another_currency_is_skipped() -> None:
    usd = ShippingGroup("usd", "USD", None, (ShippingRate(1_500),))
    assert ship([usd], 1_000) == (None, 0)


def test_no_rule_means_no_fee() -> None:
    assert ship([], 1_000) == (None, 0)


# --- deposit ---------------------------------------------------------------------------------


def test_deposit_and_balance() -> None:
    assert deposit_split(10_001, BillingTerm.with_deposit, Decimal(30)) == (3_000, 7_001)
    assert deposit_split(10_005, BillingTerm.with_deposit, Decimal(30)) == (3_002, 7_003)  # 3001.5
    assert deposit_split(10_000, BillingTerm.with_deposit, Decimal(100)) == (10_000, 0)
    assert deposit_split(10_000, BillingTerm.without_deposit, None) == (0, 10_000)
    with pytest.raises(ValueError, match="deposit"):
        deposit_split(10_000, BillingTerm.with_deposit, Decimal(0))


# --- whole orders ----------------------------------------------------------------------------


def test_a_jpy_order_end_to_end() -> None:
    quote = quote_order(
        [
            LineInput("a", base_price=10_000, quantity=3, tax_rate=JP_10),
            LineInput("b", base_price=4_999, quantity=2, tax_rate=JP_10),
            LineInput("placeholder", base_price=8_000, quantity=0, tax_rate=JP_10),
        ],
        currency="JPY",
        terms=Terms(TermKind.rate, Decimal(55)),
        destination_country="JP",
        shipping_candidates=[FREE_OVER_50K],
        billing=BillingTerm.with_deposit,
        deposit_percent=Decimal(30),
    )
    assert [(p.unit_price, p.amount) for p in quote.lines] == [
        (5_500, 16_500),
        (2_749, 5_498),
        (4_400, 0),
    ]
    assert quote.total_quantity == 5
    assert quote.subtotal == 21_998
    assert quote.shipping.amount == 1_200
    # Products and shipping share the 10 % rate: (21,998 + 1,200) × 10 % = 2,319.8 → 2,320.
    assert [(t.taxable_amount, t.tax_amount) for t in quote.tax_lines] == [(23_198, 2_320)]
    assert quote.total == 21_998 + 1_200 + 2_320
    assert (quote.deposit, quote.balance) == (7_655, 17_863)


def test_a_usd_order_abroad_has_no_japanese_tax() -> None:
    quote = quote_order(
        [LineInput("a", base_price=4_999, quantity=7, tax_rate=JP_10)],
        currency="USD",
        terms=Terms(TermKind.discount, Decimal("12.5")),
        destination_country="US",
    )
    assert quote.lines[0].unit_price == 4_374  # $49.99 × 87.5 % = $43.74125
    assert quote.subtotal == 30_618
    assert quote.tax_lines == ()
    assert quote.total == 30_618
    assert (quote.deposit, quote.balance) == (0, 30_618)


def test_an_empty_order() -> None:
    quote = quote_order([], currency="JPY", terms=WSP_100, destination_country="JP")
    assert (quote.subtotal, quote.total, quote.total_quantity) == (0, 0, 0)


def test_negative_quantities_are_refused() -> None:
    with pytest.raises(ValueError, match="never negative"):
        quote_order(
            [LineInput("a", 100, -1, None)], currency="JPY", terms=WSP_100, destination_country="JP"
        )


# --- properties ------------------------------------------------------------------------------

rates = st.builds(
    TaxRate,
    id=st.sampled_from(["t1", "t2", "t3"]),
    rate=st.decimals(min_value=0, max_value=30, places=2),
    country=st.sampled_from(["JP", "US"]),
    rounding=st.sampled_from(list(Rounding)),
)
lines = st.lists(
    st.builds(
        LineInput,
        key=st.text(max_size=3),
        base_price=st.integers(min_value=0, max_value=10_000_000),
        quantity=st.integers(min_value=0, max_value=500),
        tax_rate=st.none() | rates,
    ),
    max_size=20,
)
terms = st.one_of(
    st.builds(
        Terms,
        kind=st.just(TermKind.rate),
        condition=st.decimals(min_value="0.01", max_value=100, places=2),
    ),
    st.builds(
        Terms,
        kind=st.just(TermKind.discount),
        condition=st.decimals(min_value=0, max_value="99.99", places=2),
    ),
)
groups = st.lists(
    st.builds(
        ShippingGroup,
        id=st.text(max_size=3),
        currency=st.sampled_from(["JPY", "USD"]),
        country=st.sampled_from([None, "JP", "US"]),
        rates=st.lists(
            st.builds(
                ShippingRate,
                amount=st.integers(min_value=0, max_value=100_000),
                condition=st.sampled_from(list(RateCondition)),
                threshold=st.none() | st.integers(min_value=0, max_value=1_000_000),
                min_quantity=st.none() | st.integers(min_value=0, max_value=100),
                max_quantity=st.none() | st.integers(min_value=0, max_value=100),
            ),
            max_size=4,
        ).map(tuple),
        tax_rate=st.none() | rates,
    ),
    max_size=4,
)


@given(
    lines=lines,
    terms=terms,
    groups=groups,
    country=st.sampled_from(["JP", "US"]),
    deposit=st.none() | st.decimals(min_value="0.01", max_value=100, places=2),
)
def test_order_arithmetic_always_adds_up(
    lines: list[LineInput],
    terms: Terms,
    groups: list[ShippingGroup],
    country: str,
    deposit: Decimal | None,
) -> None:
    billing = BillingTerm.with_deposit if deposit is not None else BillingTerm.without_deposit
    quote = quote_order(
        lines,
        currency="JPY",
        terms=terms,
        destination_country=country,
        shipping_candidates=groups,
        billing=billing,
        deposit_percent=deposit,
    )
    for value in (quote.subtotal, quote.total, quote.deposit, quote.balance, quote.tax_total):
        assert isinstance(value, int)
        assert value >= 0
    assert quote.subtotal == sum(line.amount for line in quote.lines)
    assert all(line.amount == line.unit_price * line.quantity for line in quote.lines)
    assert quote.total == quote.subtotal + quote.shipping.amount + quote.tax_total
    assert quote.deposit + quote.balance == quote.total
    assert quote.tax_total == sum(t.tax_amount for t in quote.tax_lines)
    assert len({t.tax_rate_id for t in quote.tax_lines}) == len(quote.tax_lines)


@given(base=st.integers(min_value=0, max_value=10**12), terms=terms)
def test_a_unit_price_never_exceeds_its_list_price(base: int, terms: Terms) -> None:
    price = unit_price(base, terms)
    assert 0 <= price <= base
    assert abs(Decimal(price) - Decimal(base) * terms.factor) <= Decimal("0.5")
