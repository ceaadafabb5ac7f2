"""The unit a label, a table header or an aside declares for the bare figures it heads.

"Revenue ($K): 3,000 - 15,000", "Rev: 5-15 (USD M)", "Revenue in $M: 10-75", "营收（万元）：
3000-15000", "员工（千人）：1-3": the figures carry no scale or currency of their own; the
declaration gives both. A figure with its own scale ("$5M") keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from icp_coach.text.money import currency_code
from icp_coach.text.numbers import NumberRange

_CURRENCY = r"(?:US\$|USD|\$|RMB|CNY|¥|￥|€|EUR|£|GBP|人民币|美元)"
_SCALE_WORD = (r"(?:MM|mm|M|m|mn|mil|millions?|K|k|thousands?|B|bn|billions?|千万|百万|十万|万|亿|千)")
# "($K)", "(USD M)", "(US$ millions)", "(in millions)", "（万元）", "（亿元人民币）", "(千人)".
_DECLARED = re.compile(
    rf"[（(]\s*(?:in\s+)?(?P<cur1>{_CURRENCY})?[\s,，]*(?P<scale>{_SCALE_WORD})?\s*(?P<cur2>元|{_CURRENCY})?"
    rf"\s*(?:人民币)?\s*(?P<people>人)?\s*[)）]"
    # "in $M", "in USD millions", "in thousands": said without brackets
    rf"|(?<![A-Za-z])in\s+(?P<cur3>{_CURRENCY})?\s*(?P<scale2>M|MM|K|B|mn|bn|millions|thousands"
    rf"|billions)(?![A-Za-z])")
_FACTOR = {"M": 1e6, "MM": 1e6, "K": 1e3, "B": 1e9, "mm": 1e6, "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
           "k": 1e3, "thousand": 1e3, "thousands": 1e3, "b": 1e9, "bn": 1e9, "billion": 1e9,
           "billions": 1e9, "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "亿": 1e8, "千": 1e3}


@dataclass(frozen=True)
class Declared:
    factor: float
    currency: str | None


def declared_unit(text: str) -> Declared | None:
    """The last unit declaration in text, or None ("(FTE)", "(2023)" declare none)."""
    best: Declared | None = None
    for match in _DECLARED.finditer(text):
        scale = match.group("scale") or match.group("scale2")
        symbol = match.group("cur1") or match.group("cur2") or match.group("cur3")
        if not scale and not symbol:
            continue
        factor = _FACTOR[scale if scale in _FACTOR else scale.lower()] if scale else 1.0
        currency = None
        if symbol:
            currency = "CNY" if symbol in ("元", "人民币") else currency_code(symbol)
        best = Declared(factor, currency)
    return best


def apply_declared(found: NumberRange, declared: Declared | None) -> NumberRange:
    """The figure in the declared unit, unless it states its own scale or currency."""
    if declared is None or found.scaled or found.currency:
        return found

    def scaled(value: float | None) -> float | None:
        return None if value is None else value * declared.factor

    return replace(found, min=scaled(found.min), max=scaled(found.max),
                   currency=declared.currency or found.currency, scaled=True)
