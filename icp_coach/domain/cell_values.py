"""What a CRM cell means beyond its plain text: a quantity that may be a range or carry a unit
("51-200", "1,001-5,000", "500+", "100-499人", "$12.5M", "1.2亿", "3500万"), a yes/no in any
common spelling (Y/N, 是/否, ✓, √, 1/0), a cell holding several values ("US; Canada"), and the
unit a header names for its whole column ("年营收（万元）", "Revenue ($M)").

Pure functions; the scorer and the table cleaner both read cells through them.
"""

from __future__ import annotations

import math
import re
from typing import Any

from icp_coach.domain.cells import EMPTY_WORDS, normalise_cell

YES_WORDS = frozenset({"true", "t", "yes", "y", "1", "x", "✓", "✔", "☑", "√", "on", "checked", "是", "对", "有",
                       "真", "已", "是的", "yes ✓"})
NO_WORDS = frozenset({"false", "f", "no", "n", "0", "✗", "✘", "×", "☐", "off", "unchecked", "否", "不", "无", "没有",
                      "假", "未", "不是"})
MORE_EMPTY = frozenset({"#n/a", "n.a.", "n/a.", "unknown", "不详", "未知", "空", "无数据", "—", "–", "/"})

_SCALES = {"k": 1e3, "thousand": 1e3, "千": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6, "百万": 1e6,
           "千万": 1e7, "万": 1e4, "b": 1e9, "bn": 1e9, "billion": 1e9, "亿": 1e8, "十亿": 1e9}
_UNIT = r"(十亿|千万|百万|thousand|million|billion|mm|mn|bn|k|m|b|千|万|亿)?"
_AMOUNT = rf"([0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|\.[0-9]+)\s*{_UNIT}"
_CNY_MARK = re.compile(r"rmb|cny|人民币|元|[¥￥]")
_USD_MARK = re.compile(r"usd|us\$|\$|美元")
_CN_SCALE = re.compile(r"[0-9]\s*(十亿|千万|百万|万|亿)")
_NOISE = re.compile(r"rmb|cny|人民币|usd|us\$|美元|元|[¥￥$€£]|employees?|staff|people|persons?|名|人|约|approx\.?"
                    r"|about|around|~|≈")
_RANGE = re.compile(rf"^{_AMOUNT}\s*(?:-|–|—|~|～|to|至|到)\s*{_AMOUNT}$")
_AT_LEAST = re.compile(rf"^(?:>=?|≥|over|more than|at least|above)?\s*{_AMOUNT}\s*(?:\+|以上|及以上|or more|and above|plus)$"
                       rf"|^(?:>=?|≥|over|more than|at least|above)\s*{_AMOUNT}$")
_BELOW = re.compile(rf"^(?:<=?|≤|under|less than|fewer than|below|up to|少于|小于|不足|低于)\s*{_AMOUNT}$"
                    rf"|^{_AMOUNT}\s*(?:以下|以内|or less|or fewer|and below)$")
_ONE = re.compile(rf"^{_AMOUNT}$")
_LIST_SPLIT = re.compile(r"\s*[;；|，、,]\s*|\s+/\s+")
_LIST_SPLIT_NO_COMMA = re.compile(r"\s*[;；|、]\s*|\s+/\s+")
_HEADER_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]?\s*)?([^()（）]*)\s*[)）]\s*$")


def is_blank(text: str) -> bool:
    word = text.strip().lower()
    return word in EMPTY_WORDS or word in MORE_EMPTY


def read_flag(text: str) -> bool | None:
    """'Y' / '是' / '✓' / '1' -> True, 'N' / '否' / '✗' / '0' -> False, anything else -> None."""
    word = text.strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return None


def _amount(number: str, unit: str | None) -> float:
    return float(number.replace(",", "")) * _SCALES.get((unit or "").lower(), 1.0)


def read_quantity(text: str, *, money: bool = False, column_scale: float = 1.0, column_cny: bool = False,
                  cny_per_usd: float = 7.2) -> tuple[float, float] | None:
    """A cell as the range of values it states, (low, high) with high = inf when open; a single
    value is (v, v). With `money`, CNY amounts (亿, 万, 元, ¥, or a 万元 header) become USD.
    `column_scale` is the header's unit (1e4 for 万元), used when the cell has no unit of its own.
    None when the cell states no quantity."""
    raw = text.strip().lower().replace("\u00a0", " ")
    if not raw or is_blank(raw):
        return None
    # 万 / 亿 without a dollar sign are yuan: Chinese CRMs write amounts that way
    cny = bool(_CNY_MARK.search(raw)) or (not _USD_MARK.search(raw) and (column_cny or bool(_CN_SCALE.search(raw))))
    bare = _NOISE.sub("", raw).strip()
    bare = re.sub(r"\s+", " ", bare)
    found: tuple[float, float] | None = None
    has_unit = False
    if match := _RANGE.match(bare):
        low_unit, high_unit = match.group(2), match.group(4)
        has_unit = bool(low_unit or high_unit)
        found = (_amount(match.group(1), low_unit or high_unit), _amount(match.group(3), high_unit))
    elif match := _AT_LEAST.match(bare):
        number, unit = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        has_unit = bool(unit)
        found = (_amount(number, unit), math.inf)
    elif match := _BELOW.match(bare):
        number, unit = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        has_unit = bool(unit)
        found = (0.0, _amount(number, unit))
    elif match := _ONE.match(bare):
        has_unit = bool(match.group(2))
        value = _amount(match.group(1), match.group(2))
        found = (value, value)
    if found is None:
        return None
    low, high = found
    if not has_unit and column_scale != 1.0:
        low, high = low * column_scale, high * column_scale
    if money and cny:
        low, high = low / cny_per_usd, high / cny_per_usd
    if low > high:
        low, high = high, low
    return (low, high)


def middle(quantity: tuple[float, float]) -> float:
    """One number for a range: its middle, or its lower end when it is open ('500+')."""
    low, high = quantity
    return low if math.isinf(high) else (low + high) / 2


def header_unit(header: str) -> tuple[float, bool]:
    """The scale and whether the amounts are CNY, from a header's unit: '年营收（万元）' ->
    (1e4, True), 'Revenue ($M)' -> (1e6, False), 'ARR (USD, thousands)' -> (1e3, False)."""
    match = _HEADER_UNIT.search(header.strip())
    text = (match.group(1) if match else "").lower()
    if not text:
        tail = header.strip().lower()
        for suffix, scale in (("万元", 1e4), ("千元", 1e3), ("亿元", 1e8), ("百万元", 1e6)):
            if tail.endswith(suffix):
                return scale, True
        return 1.0, "元" in tail[-2:]
    cny = bool(_CNY_MARK.search(text))
    for word, scale in (("十亿", 1e9), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3),
                        ("billion", 1e9), ("bn", 1e9), ("million", 1e6), ("millions", 1e6), ("mm", 1e6),
                        ("thousand", 1e3), ("thousands", 1e3)):
        if word in text:
            return scale, cny
    letters = re.sub(r"usd|us\$|cny|rmb|[$¥￥€£,\s]|in", "", text)
    return {"k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9}.get(letters, 1.0), cny


def split_values(text: str, *, commas: bool = True) -> list[str]:
    """'US; Canada' -> ['US', 'Canada']; 'slack, Salesforce | AWS' -> three; one value -> [it].
    Without `commas` a comma stays inside a value ('Austin, Texas' is one place)."""
    pattern = _LIST_SPLIT if commas else _LIST_SPLIT_NO_COMMA
    parts = [part.strip() for part in pattern.split(text.strip()) if part.strip()]
    return parts or [text.strip()]


def _shown_number(value: float) -> str:
    if math.isinf(value):
        return "no upper bound"
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:,.2f}"


def _range_passes(low: float, high: float, op: str, value: Any) -> bool:
    """A range passes when all of it does, fails when none of it does; else its middle decides."""
    def test(x: float) -> bool:
        if op == "between":
            return float(value[0]) <= x <= float(value[1])
        if op == "gte":
            return x >= float(value)
        if op == "lte":
            return x <= float(value)
        return x == float(value)

    if low == high:
        return test(low)
    if op == "gte" and (low >= float(value) or high < float(value)):
        return low >= float(value)
    if op == "lte" and (high <= float(value) or low > float(value)):
        return high <= float(value)
    return test(middle((low, high)))


def reading_reason(field: str, op: str, value: Any, cell: str, *, money: bool = False, column_scale: float = 1.0,
                   column_cny: bool = False, cny_per_usd: float = 7.2) -> str | None:
    """Why a cell the exact comparison does not match passes the rule when read for what it
    means, or None: a range or an amount with a unit against a number rule, a yes/no spelling
    against a yes/no rule, one of several values in the cell against an `in` / `eq` rule."""
    numeric = op in ("between", "gte", "lte") or (op == "eq" and isinstance(value, int | float)
                                                  and not isinstance(value, bool))
    if numeric:
        quantity = read_quantity(cell, money=money, column_scale=column_scale, column_cny=column_cny,
                                 cny_per_usd=cny_per_usd)
        if quantity is None or not _range_passes(*quantity, op, value):
            return None
        low, high = quantity
        shown = _shown_number(low) if low == high else f"{_shown_number(low)}-{_shown_number(high)}"
        return f"{field} {cell.strip()} read as {shown}{' USD' if money else ''}"
    if op == "eq" and isinstance(value, bool):
        return f"{field} {cell.strip()} read as {'yes' if value else 'no'}" if read_flag(cell) is value else None
    if op in ("in", "eq") and isinstance(normalise_cell(cell), str):  # '1,200' is a number, not a list
        targets = [normalise_cell(v) for v in (value if op == "in" else [value])]
        items = split_values(cell)
        if len(items) > 1:
            hit = next((item for item in items if normalise_cell(item) in targets), None)
            if hit is not None:
                return f"{field} {hit} (one of {cell.strip()})"
    return None
