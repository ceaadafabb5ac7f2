"""Code, not the model, turns a span such as "50 to 300 people", "$5M-$40M ARR" or
"年收入 1 亿到 10 亿人民币" into numbers. Small models copy spans well but get arithmetic and
currency conversion wrong, so they are asked for the words only."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "k": 1e3, "thousand": 1e3, "千": 1e3,
    "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
    "万": 1e4, "亿": 1e8,
}
_AMOUNT = re.compile(
    r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>million|millions|billion|thousand|mm|mn|bn|[kmb](?![a-z])|万|亿|千)?",
    re.IGNORECASE,
)
_RANGE_JOINER = re.compile(r"^\s*(?:-|–|—|~|～|to|and|到|至|—|－)\s*[$¥￥]?\s*$", re.IGNORECASE)
_MAX_WORDS = re.compile(r"(under|below|less than|fewer than|up to|at most|<|不超过|以下|以内|低于|少于)",
                        re.IGNORECASE)
_MIN_WORDS = re.compile(r"(over|above|more than|at least|\+|>|以上|超过|至少|起)", re.IGNORECASE)
_CNY_WORDS = re.compile(r"(人民币|rmb|cny|元|¥|￥)", re.IGNORECASE)
_USD_WORDS = re.compile(r"(\$|usd|美元|dollars?)", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedRange:
    min: float | None
    max: float | None
    note: str = ""


def _amounts(text: str) -> list[tuple[float, float | None, int, int]]:
    """(number, unit multiplier or None, start, end) for every amount in the text."""
    found = []
    for match in _AMOUNT.finditer(text):
        number = float(match.group("number").replace(",", ""))
        unit = match.group("unit")
        found.append((number, _UNITS[unit.lower()] if unit else None, match.start(), match.end()))
    return found


def _range(text: str) -> tuple[float | None, float | None]:
    amounts = _amounts(text)
    if not amounts:
        return None, None
    first = amounts[0]
    if len(amounts) >= 2 and _RANGE_JOINER.match(text[first[3]:amounts[1][2]]):
        second = amounts[1]
        # "1 到 10 亿", "$5-40M": a unit written once applies to both ends.
        low_unit = first[1] if first[1] is not None else second[1]
        return first[0] * (low_unit or 1), second[0] * (second[1] or 1)
    value = first[0] * (first[1] or 1)
    before, after = text[:first[2]], text[first[3]:first[3] + 6]
    # "100 人以下", "200 名以上": a counter word may sit between the number and the bound.
    if _MAX_WORDS.search(before) or re.match(r"\s*[人名家个]?\s*(以下|以内)", after):
        return None, value
    if _MIN_WORDS.search(before) or re.match(r"\s*[人名家个]?\s*(\+|以上|起)", after):
        return value, None
    return None, None  # one bare number is not a range; let another source decide


def parse_count_range(text: str) -> ParsedRange | None:
    """A headcount range from a span; None when the span holds no clear range."""
    low, high = _range(text)
    if low is None and high is None:
        return None
    return ParsedRange(min=low, max=high)


def parse_money_range_usd(text: str, *, cny_per_usd: float) -> ParsedRange | None:
    """A money range in USD. Chinese units (万, 亿) or a yuan marker without a dollar marker mean
    CNY, converted at `cny_per_usd` and rounded to the dollar."""
    low, high = _range(text)
    if low is None and high is None:
        return None
    is_cny = bool(_CNY_WORDS.search(text)) or (
        bool(re.search(r"[万亿]", text)) and not _USD_WORDS.search(text))
    if not is_cny:
        return ParsedRange(min=low, max=high)

    def convert(value: float | None) -> float | None:
        return None if value is None else float(round(value / cny_per_usd))

    return ParsedRange(min=convert(low), max=convert(high),
                       note=f"converted CNY to USD at {cny_per_usd:g} CNY per USD")
