"""Normalising spreadsheet-style cells, shared by the criteria evaluator and the table cleaners.

Rules: trim; lower-case text; "1,200" -> 1200; TRUE/yes/y/1/是 -> True and FALSE/no/n/0/否 -> False
for boolean fields; an empty cell is None (it fails every filter and matches no signal).
"""

from __future__ import annotations

import re
from typing import Any

Cell = str | float | bool | None

TRUE_WORDS = frozenset({"true", "t", "yes", "y", "1", "是", "对", "有", "真"})
FALSE_WORDS = frozenset({"false", "f", "no", "n", "0", "否", "不", "无", "没有", "假"})
EMPTY_WORDS = frozenset({"", "n/a", "na", "null", "none", "-", "--", "nan"})

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def is_empty(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, float) and raw != raw:  # NaN
        return True
    return isinstance(raw, str) and raw.strip().lower() in EMPTY_WORDS


def parse_plain_number(text: str) -> float | None:
    """'1,200' -> 1200.0, ' 42 ' -> 42.0; anything else -> None."""
    candidate = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(candidate):
        return None
    return float(candidate.replace(",", ""))


def parse_bool(raw: Any) -> bool | None:
    if isinstance(raw, bool):
        return raw
    if is_empty(raw):
        return None
    word = str(raw).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def normalise_cell(raw: Any) -> Cell:
    """A cell as the evaluator compares it: None, bool, float or trimmed lower-case text."""
    if is_empty(raw):
        return None
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip()
    number = parse_plain_number(text)
    if number is not None:
        return number
    lowered = text.lower()
    if lowered in ("true", "false", "yes", "no"):
        return lowered in ("true", "yes")
    return lowered


def split_list(text: str) -> list[str]:
    """Semicolon (or Chinese semicolon / pipe) separated lists: 'A; b|c' -> ['a', 'b', 'c']."""
    return [part.strip().lower() for part in re.split(r"[;；|]", text) if part.strip()]
