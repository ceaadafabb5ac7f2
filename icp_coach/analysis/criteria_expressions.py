"""ICP filters and signals compiled to Polars expressions over raw text cells.

The semantics are exactly those of `icp_coach.domain.criteria.matches` (the per-record
reference), reproduced column-wise: trim, blank words are empty, "1,200" is a number, true/false/
yes/no are booleans, other text is compared lower-cased; an empty cell never matches; numeric
comparisons never match text or booleans; "1"/"0" count as yes/no against a boolean value.
tests/analysis/test_prospect_scoring.py checks the two against each other with hypothesis.
Known difference: digits of scripts other than ASCII and full-width are numbers for the
reference but text here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from icp_coach.domain.cells import EMPTY_WORDS, normalise_cell
from icp_coach.domain.criteria import Criterion

# the characters Python's str.strip() removes (str.isspace), so trimming agrees with the reference
PY_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
                 "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_PLAIN_NUMBER = r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$"
_FULLWIDTH = [chr(0xFF10 + digit) for digit in range(10)]
_BOOL_WORDS = {"true": True, "yes": True, "false": False, "no": False}


@dataclass(frozen=True)
class CellParts:
    """One column read the way `normalise_cell` reads a cell: exactly one of number / flag /
    text is set for a non-empty cell."""

    empty: Any
    number: Any
    flag: Any
    text: Any


def cell_parts(column: str) -> CellParts:
    import polars as pl

    raw = pl.col(column).cast(pl.Utf8)
    trimmed = raw.str.strip_chars(PY_WHITESPACE)
    lowered = trimmed.str.to_lowercase()
    empty = raw.is_null() | lowered.is_in(sorted(EMPTY_WORDS))
    compact = trimmed.str.replace_all("[\u00a0 ]", "")
    is_number = compact.str.contains(_PLAIN_NUMBER)
    ascii_digits = compact.str.replace_many(_FULLWIDTH, [str(d) for d in range(10)]).str.replace_all(",", "")
    number = pl.when(~empty & is_number).then(ascii_digits.cast(pl.Float64, strict=False))
    is_word = lowered.is_in(list(_BOOL_WORDS))
    flag = pl.when(~empty & ~is_number & is_word).then(lowered.is_in(["true", "yes"]))
    text = pl.when(~empty & ~is_number & ~is_word).then(lowered)
    return CellParts(empty.fill_null(True), number, flag, text)


def _target(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return normalise_cell(value)


def _same_expr(parts: CellParts, target: Any) -> Any:
    import polars as pl

    if target is None:
        return pl.lit(False)
    if isinstance(target, bool):
        as_number = parts.number.is_in([0.0, 1.0]) & ((parts.number == 1.0) == target)
        return (parts.flag == target) | as_number
    if isinstance(target, float):
        return parts.number == target
    return parts.text == target


def criterion_expr(criterion: Criterion, column: str | None = None) -> Any:
    """True where the record matches; never null."""
    import polars as pl

    parts = cell_parts(column or criterion.field)
    op, value = criterion.op, criterion.value
    if op == "contains":
        as_text = pl.coalesce(
            parts.text,
            pl.when(parts.flag).then(pl.lit("true")).when(parts.flag.not_()).then(pl.lit("false")),
            parts.number.cast(pl.Utf8),
        )
        result = pl.any_horizontal([as_text.str.contains(needle, literal=True) for needle in criterion.needles()])
    elif op == "eq":
        result = _same_expr(parts, _target(value))
    elif op == "in":
        result = pl.any_horizontal([_same_expr(parts, _target(item)) for item in value])
    elif op == "not_in":
        result = ~parts.empty & ~pl.any_horizontal([_same_expr(parts, _target(item)).fill_null(False)
                                                    for item in value])
    elif op == "between":
        result = parts.number.is_between(float(value[0]), float(value[1]), closed="both")
    elif op == "gte":
        result = parts.number >= float(value)
    elif op == "lte":
        result = parts.number <= float(value)
    else:  # pydantic already refuses unknown ops; this guards hand-built criteria
        raise ValueError(f"unknown op {op!r}")
    return result.fill_null(False)


def present_expr(column: str) -> Any:
    """True where the cell holds data (the same test as the reference's empty cell)."""
    return ~cell_parts(column).empty


def shown_cell_expr(column: str) -> Any:
    """The cell as the user typed it, for messages: 'empty' when blank."""
    import polars as pl

    return pl.when(present_expr(column)).then(pl.col(column).cast(pl.Utf8).str.strip_chars()).otherwise(pl.lit("empty"))
