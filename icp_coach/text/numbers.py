"""Numbers, ranges and bounds in English and Chinese text: the one parser of the package.

Understands "1,200", "1.5k", "$5M", "fifteen hundred", "a couple hundred", "两千", "1000 万",
"1 亿"; ranges "50 to 200", "50-200", "between 50 and 200", "a couple hundred up to fifteen
hundred", "1000 到 5000 万" (the scale on the upper bound applies to both); bounds "under 50",
"< $2M", "200+", "100 人以下", "超过 500 人".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from icp_coach.text.money import (
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    conversion_note,
    currency_code,
    to_usd,
)

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_QUALIFIERS = {"a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2, "a few": 3, "few": 3,
               "several": 3, "a": 1, "an": 1, "half a": 0.5, "a dozen": 12, "dozen": 12}
_WORD_MAGNITUDE = re.compile(r"thousand|million|billion", re.IGNORECASE)
_WORD = "|".join(sorted([*_SMALL, "hundred", *_BIG, "dozen"], key=len, reverse=True))
_QUAL = "|".join(sorted(_QUALIFIERS, key=len, reverse=True)).replace(" ", r"\s+")
# "and" only continues a number after a scale word ("two hundred and fifty"); "ten and eighty
# million" is a range.
_WORDS_NUMBER = (rf"(?:(?:{_QUAL})\s+)?(?:{_WORD})(?:(?:\s+|-)"
                 r"(?:(?:(?<=hundred )|(?<=thousand )|(?<=million )|(?<=billion ))and\s+)?"
                 rf"(?:{_WORD}))*")

_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}
_ZH_NUMBER = r"[零〇一二两三四五六七八九十百千]{2,}|[一二两三四五六七八九十](?=[十百千万亿人名个家])"

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_CORE = re.compile(
    rf"(?<![A-Za-z0-9.,])(?P<arabic>{_ARABIC})(?![A-Za-z]*\d)|(?P<zh>{_ZH_NUMBER})|(?<![A-Za-z])(?P<words>{_WORDS_NUMBER})(?![A-Za-z])",
    re.IGNORECASE)

# Scale words right after a number. Chinese compounds first: "千万" is ten million.
_SCALE = re.compile(
    r"^\s*个?(?P<scale>千万|百万|万|亿|千|k(?![a-z])|K|thousand|mm(?![a-z])|MM|mn(?![a-z])|m(?![a-z])|M(?![a-z])"
    r"|million|bn(?![a-z])|b(?![a-z])|B(?![a-z])|billion)",
)
_SCALE_VALUE = {"千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8, "千": 1e3, "k": 1e3,
                "thousand": 1e3, "mm": 1e6, "mn": 1e6, "m": 1e6, "million": 1e6, "bn": 1e9,
                "b": 1e9, "billion": 1e9}

_AT_MOST_BEFORE = re.compile(
    r"(?:under|below|less than|fewer than|up to|at most|max(?:imum)?|no more than|not more than"
    r"|smaller than|<=?|≤|不到|少于|低于|小于|最多|不超过)\s*(?:~|≈|about|around|roughly|approx\.?)?\s*$",
    re.IGNORECASE)
_AT_LEAST_BEFORE = re.compile(
    r"(?:over|above|more than|at least|min(?:imum)?|north of|bigger than|larger than|>=?|≥|超过|大于"
    r"|多于|至少|不少于|不低于)\s*(?:~|≈|about|around|roughly|approx\.?)?\s*$", re.IGNORECASE)
_AT_MOST_AFTER = re.compile(r"^\s*(?:人|名|家|元)?\s*(?:或?以下|以内|or (?:less|fewer)|and (?:below|under)|max\b)",
                            re.IGNORECASE)
_AT_LEAST_AFTER = re.compile(r"^\s*(?:人|名|家|元)?\s*(?:\+|或?以上|or more|and (?:up|above)|plus\b|起)",
                             re.IGNORECASE)
_APPROX_BEFORE = re.compile(r"(?:~|≈|about|around|roughly|approx\.?|circa|约|大约|大概|左右)\s*$",
                            re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|％|percent|per cent|pct)", re.IGNORECASE)
_PERCENT_BEFORE = re.compile(r"百分之$")
_VAGUE_BEFORE = re.compile(r"[几数上]$")

# "200 to 1,500", "a couple hundred people up to maybe fifteen hundred", "一千人上下到五千人左右".
_RANGE_JOIN = re.compile(
    r"^\s*(?:来|多|余)?\s*(?:人|名|家|个|people|employees|staff|ppl)?\s*(?:上下|左右)?\s*"
    r"(?:-|–|—|~|～|－|to|up to|upto|through|thru|until|到|至|~)\s*"
    r"(?:maybe|perhaps|about|around|roughly|approximately|approx\.?|~|大概|大约|差不多|约)?\s*$",
    re.IGNORECASE)
_BETWEEN_JOIN = re.compile(r"^\s*(?:and|&|和|与|-|–)\s*$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"(?:between|from|在)\s*(?:~|about|around)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """One amount in the text, with its scale, currency and any bound word around it."""

    value: float
    raw: float  # before the scale ("5" in "5M")
    start: int
    end: int
    scale: float | None = None
    currency: str | None = None
    bound: str | None = None  # "at_most" | "at_least"
    approx: bool = False
    percent: bool = False
    vague: bool = False  # "几十人", "数百家", "dozens of": no number to take as a bound


@dataclass(frozen=True)
class NumberRange:
    """A range or a one-sided bound found in text."""

    min: float | None
    max: float | None
    start: int
    end: int
    currency: str | None = None
    kind: str = "range"  # "range" | "at_least" | "at_most"


def parse_english_number(words: str) -> float | None:
    """ "fifteen hundred" -> 1500, "a couple hundred" -> 200, "two thousand five hundred" -> 2500."""
    text = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    multiplier = 1.0
    for qualifier in sorted(_QUALIFIERS, key=len, reverse=True):
        if text.startswith(qualifier + " "):
            multiplier = float(_QUALIFIERS[qualifier])
            text = text[len(qualifier) + 1:]
            break
    total, current, seen = 0.0, 0.0, False
    for word in text.split():
        if word == "and":
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word == "hundred":
            current = (current or multiplier) * 100
            multiplier = 1.0
        elif word == "dozen":
            current = (current or multiplier) * 12
            multiplier = 1.0
        elif word in _BIG:
            total += (current or multiplier) * _BIG[word]
            current, multiplier = 0.0, 1.0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = (total + current) * (multiplier if multiplier != 1.0 and not total and current else 1.0)
    return value


def parse_chinese_number(text: str) -> tuple[float, bool] | None:
    """ "两千" -> 2000, "一千五" -> 1500, "十五" -> 15; "五六百" -> 550 (approximate)."""
    if not text:
        return None
    # "五六百": two digits side by side mean "five or six hundred".
    pair = re.fullmatch(r"([一二两三四五六七八九])([一二两三四五六七八九])([十百千])", text)
    if pair:
        unit = _ZH_UNIT[pair.group(3)]
        return (_ZH_DIGIT[pair.group(1)] + _ZH_DIGIT[pair.group(2)]) / 2 * unit, True
    total, digit, last_unit = 0, None, 1
    for char in text:
        if char in _ZH_DIGIT:
            digit = _ZH_DIGIT[char]
        elif char in _ZH_UNIT:
            unit = _ZH_UNIT[char]
            total += (digit if digit is not None else 1) * unit
            digit, last_unit = None, unit
        else:
            return None
    if digit is not None:
        # "一千五" means 1500: a trailing digit counts in the next lower unit.
        total += digit * (last_unit // 10 if last_unit >= 10 else 1)
    return float(total), False


def find_quantities(text: str) -> list[Quantity]:
    """Every amount in text order, with scale, currency, bound and percent read from around it."""
    found: list[Quantity] = []
    for match in _CORE.finditer(text):
        approx = False
        if match.group("arabic"):
            raw = float(match.group("arabic").replace(",", ""))
        elif match.group("zh"):
            parsed = parse_chinese_number(match.group("zh"))
            if parsed is None:
                continue
            raw, approx = parsed
        else:
            value = parse_english_number(match.group("words"))
            if value is None or match.group("words").strip().lower() in _QUALIFIERS:
                continue
            raw = value
        start, end = match.start(), match.end()
        after, before = text[end:], text[:start]
        scale = None
        scale_match = _SCALE.match(after)
        if scale_match:
            word = scale_match.group("scale")
            scale = _SCALE_VALUE.get(word, _SCALE_VALUE.get(word.lower()))
            end += scale_match.end()
            after = text[end:]
        currency = None
        prefix = CURRENCY_PREFIX.search(before)
        if prefix:
            currency = currency_code(prefix.group())
            start -= len(prefix.group())
            before = text[:start]
        suffix = CURRENCY_SUFFIX.match(after)
        if suffix:
            currency = currency or currency_code(suffix.group())
            if currency_code(suffix.group()) == currency:
                end += suffix.end()
                after = text[end:]
        percent = bool(_PERCENT_AFTER.match(after) or _PERCENT_BEFORE.search(before))
        vague = bool(match.group("zh") and _VAGUE_BEFORE.search(before)
                     and match.group("zh")[0] in "十百千万")
        bound = None
        if _AT_MOST_BEFORE.search(before) or _AT_MOST_AFTER.match(after):
            bound = "at_most"
        elif _AT_LEAST_BEFORE.search(before) or _AT_LEAST_AFTER.match(after):
            bound = "at_least"
        approx = approx or bool(_APPROX_BEFORE.search(before))
        found.append(Quantity(value=raw * (scale or 1.0), raw=raw, start=start, end=end,
                              scale=scale, currency=currency, bound=bound, approx=approx,
                              percent=percent, vague=vague))
    return found


def _joined(text: str, first: Quantity, second: Quantity) -> bool:
    between = text[first.end:second.start]
    if _RANGE_JOIN.match(between):
        return True
    return bool(_BETWEEN_JOIN.match(between) and _BETWEEN_BEFORE.search(text[:first.start]))


def find_ranges(text: str) -> list[NumberRange]:
    """Ranges ("50 to 200") and one-sided bounds ("under 50", "200+"), in text order.

    Percentages are left out: they are shares, not sizes.
    """
    quantities = [q for q in find_quantities(text) if not q.percent]
    ranges: list[NumberRange] = []
    index = 0
    while index < len(quantities):
        first = quantities[index]
        second = quantities[index + 1] if index + 1 < len(quantities) else None
        if second is not None and _joined(text, first, second):
            low, high = first, second
            if low.scale is None and high.scale is not None and low.raw <= high.raw:
                low = replace(low, scale=high.scale, value=low.raw * high.scale)
            elif low.scale is None and high.scale is None:
                # "between ten and eighty million": the magnitude word said once serves both.
                magnitude = _WORD_MAGNITUDE.search(text[high.start:high.end])
                if magnitude and not _WORD_MAGNITUDE.search(text[low.start:low.end]):
                    scale = _BIG[magnitude.group().lower()]
                    if low.value * scale <= high.value:
                        low = replace(low, scale=scale, value=low.value * scale)
            currency = low.currency or high.currency
            if low.vague or high.vague:  # "几十人到三百人": only the clear end is a bound
                kind = "at_least" if high.vague else "at_most"
                ranges.append(NumberRange(None if low.vague else low.value,
                                          None if high.vague else high.value, low.start,
                                          high.end, currency, kind))
            else:
                ranges.append(NumberRange(min=low.value, max=high.value, start=low.start,
                                          end=high.end, currency=currency))
            index += 2
            continue
        if first.vague:
            pass
        elif first.bound == "at_most":
            ranges.append(NumberRange(None, first.value, first.start, first.end, first.currency,
                                      "at_most"))
        elif first.bound == "at_least":
            ranges.append(NumberRange(first.value, None, first.start, first.end, first.currency,
                                      "at_least"))
        index += 1
    return ranges


@dataclass(frozen=True)
class ParsedRange:
    """A span read as one range (or one-sided bound), in the span's own unit or in USD."""

    min: float | None
    max: float | None
    note: str = ""


def _first_range(text: str) -> NumberRange | None:
    """The first range or bound of a span; None when it holds only bare numbers."""
    found = find_ranges(text)
    return found[0] if found else None


def parse_count_range(text: str) -> ParsedRange | None:
    """A headcount range from a span ("50 to 300 people", "100 人以下"); None when no clear range."""
    found = _first_range(text)
    return None if found is None else ParsedRange(min=found.min, max=found.max)


def parse_money_range_usd(text: str, *, cny_per_usd: float) -> ParsedRange | None:
    """A money range in USD. A yuan marker, or Chinese units (万, 亿) with no dollar marker, mean
    CNY, converted at `cny_per_usd`; EUR and GBP at the fixed reference rates."""
    found = _first_range(text)
    if found is None:
        return None
    currency = found.currency or ("CNY" if re.search(r"[万亿]", text) else "USD")

    def convert(value: float | None) -> float | None:
        return None if value is None else (value if currency == "USD"
                                           else to_usd(value, currency, cny_per_usd))

    return ParsedRange(min=convert(found.min), max=convert(found.max),
                       note=conversion_note(currency, cny_per_usd) or "")


# One table cell holding a number ("1,200", "1.2m", "3亿"), for vectorised table cleaning: the
# same scale words as the text parser, as a regex that Polars (Rust regex) understands.
CELL_SCALES = {"k": 1e3, "thousand": 1e3, "千": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6,
               "million": 1e6, "百万": 1e6, "千万": 1e7, "万": 1e4, "b": 1e9, "bn": 1e9,
               "billion": 1e9, "亿": 1e8, "十亿": 1e9}
CELL_NUMBER = (r"^(?P<number>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+)"
               r"(?P<unit>k|thousand|千|mm|mn|million|m|百万|千万|万|bn|billion|b|十亿|亿)?$")
