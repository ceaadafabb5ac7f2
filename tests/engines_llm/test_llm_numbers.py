"""Code, not the model, turns size and revenue spans into numbers (and yuan into dollars)."""

from __future__ import annotations

import pytest

from icp_coach.text.numbers import parse_count_range, parse_money_range_usd


@pytest.mark.parametrize(("span", "low", "high"), [
    ("50 to 300 people", 50, 300),
    ("员工 200 到 2000 人之间", 200, 2000),
    ("headcount: 1,200-5,000", 1200, 5000),
    ("500+ employees", 500, None),
    ("under 50 people", None, 50),
    ("100 人以下", None, 100),
    ("200 名以上", 200, None),
])
def test_headcount_spans(span: str, low: float | None, high: float | None) -> None:
    parsed = parse_count_range(span)
    assert parsed is not None and (parsed.min, parsed.max) == (low, high)


def test_a_single_bare_number_is_not_a_range() -> None:
    assert parse_count_range("about 8% of vet time") is None


@pytest.mark.parametrize(("span", "low", "high"), [
    ("$5M-$40M ARR", 5_000_000, 40_000_000),
    ("$5-40M", 5_000_000, 40_000_000),
    ("between $1M and $12M a year", 1_000_000, 12_000_000),
    ("< $2M ARR", None, 2_000_000),
])
def test_dollar_spans(span: str, low: float | None, high: float | None) -> None:
    parsed = parse_money_range_usd(span, cny_per_usd=7.2)
    assert parsed is not None and (parsed.min, parsed.max) == (low, high) and parsed.note == ""


@pytest.mark.parametrize(("span", "low", "high"), [
    ("年收入 1 亿到 10 亿人民币", 13_888_889, 138_888_889),
    ("年营收 5000 万到 5 亿元", 6_944_444, 69_444_444),
    ("RMB 50M to 200M", 6_944_444, 27_777_778),
])
def test_yuan_spans_are_converted_at_the_configured_rate(span: str, low: float, high: float) -> None:
    parsed = parse_money_range_usd(span, cny_per_usd=7.2)
    assert parsed is not None and (parsed.min, parsed.max) == (low, high)
    assert "7.2" in parsed.note
    other_rate = parse_money_range_usd(span, cny_per_usd=7.0)
    assert other_rate is not None and other_rate.min == pytest.approx(low * 7.2 / 7.0, abs=1)
