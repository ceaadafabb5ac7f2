"""Numbers, ranges and money in English and Chinese, as a note writer types them."""

from __future__ import annotations

import pytest

from icp_coach.text.money import to_usd
from icp_coach.text.numbers import (
    find_quantities,
    find_ranges,
    parse_chinese_number,
    parse_english_number,
)


@pytest.mark.parametrize(
    ("text", "low", "high", "currency"),
    [
        ("50 to 200 people", 50, 200, None),
        ("50-200 名员工", 50, 200, None),
        ("a couple hundred up to fifteen hundred employees", 200, 1500, None),
        ("$5M-$30M ARR", 5_000_000, 30_000_000, "USD"),
        ("$5-40M in revenue", 5_000_000, 40_000_000, "USD"),
        ("年收入 1000 万到 5000 万人民币", 10_000_000, 50_000_000, "CNY"),
        ("1000 到 5000 万", 10_000_000, 50_000_000, None),
        ("年收入 1 亿到 10 亿人民币", 100_000_000, 1_000_000_000, "CNY"),
        ("between 50 and 250 staff", 50, 250, None),
        ("1.5k to 3k seats", 1500, 3000, None),
        ("€10M to €50M", 10_000_000, 50_000_000, "EUR"),
        ("员工 200 到 2000 人之间", 200, 2000, None),
        ("1,200-5,000 employees", 1200, 5000, None),
    ],
)
def test_ranges(text: str, low: float, high: float, currency: str | None) -> None:
    [found] = find_ranges(text)
    assert (found.min, found.max, found.currency, found.kind) == (low, high, currency, "range")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("under 50", "at_most", 50),
        ("< $2M ARR", "at_most", 2_000_000),
        ("100 人以下的小作坊", "at_most", 100),
        ("200+ employees", "at_least", 200),
        ("超过 500 人", "at_least", 500),
        ("at least 1,000 staff", "at_least", 1000),
    ],
)
def test_one_sided_bounds(text: str, kind: str, value: float) -> None:
    [found] = find_ranges(text)
    assert found.kind == kind
    assert (found.max if kind == "at_most" else found.min) == value


def test_percentages_and_product_names_are_not_sizes() -> None:
    assert find_ranges("30% to 40% of new customers") == []
    assert find_quantities("B2B SaaS after the Q2 review, G2 reviews") == []


@pytest.mark.parametrize(
    ("words", "value"),
    [("fifteen hundred", 1500), ("a couple hundred", 200), ("two thousand five hundred", 2500),
     ("a few thousand", 3000), ("twenty-five", 25), ("ten million", 10_000_000),
     ("a hundred and fifty", 150), ("two and a half million", 2_500_000),
     ("a million and a half", 1_500_000), ("three dozen", 36), ("half a billion", 500_000_000)],
)
def test_english_number_words(words: str, value: float) -> None:
    assert parse_english_number(words) == value


@pytest.mark.parametrize(
    ("text", "value", "approx"),
    [("两千", 2000, False), ("一千五", 1500, False), ("十五", 15, False), ("三百", 300, False),
     ("五六百", 550, True), ("三百零五", 305, False), ("一万五", 15000, False),
     ("一亿五千万", 150_000_000, False), ("十万零十", 100_010, False), ("三五十", 40, True)],
)
def test_chinese_numerals(text: str, value: float, approx: bool) -> None:
    assert parse_chinese_number(text) == (value, approx)


def test_cny_is_converted_at_the_configured_rate() -> None:
    assert to_usd(100_000_000, "CNY", 7.2) == 13_888_889
    assert to_usd(100_000_000, "CNY", 7.0) == 14_285_714
    assert to_usd(5_000_000, "USD", 7.2) == 5_000_000
