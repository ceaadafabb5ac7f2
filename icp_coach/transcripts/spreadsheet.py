"""Transcripts kept in a spreadsheet: .xlsx / .xlsm workbooks, read-only, cached values.

The sheet read is the first one with a header row naming a speaker and a text column (in English
or Chinese, see `table_columns`), else the first whose columns look like times, names and
sentences, else the first sheet; the others (notes, summaries) are left out with a warning. The
rows become a tab-separated table, row N of the sheet on line N, and go through the same table
reading as a CSV export (`tabular`): title rows above the header, blank rows, a merged speaker
cell over several rows (the rows below it continue that speaker), roles, `Name:` labels in the
text all behave as they do in a CSV, and a quote is cited at its row.

A workbook under another name (`calls.zip`, a download without its suffix) is recognised by its
content. Old .xls, Apple Numbers and OpenDocument sheets are refused, naming what to save them as.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.table_columns import (
    header_columns,
    inferred_columns,
    names_speaker_and_text,
)

WORKBOOKS = (".xlsx", ".xlsm")
_SAVE_AS = "save it from the spreadsheet as .xlsx or .csv (UTF-8)"
_REFUSED = {
    ".xls": ("an old Excel .xls workbook, which icp-coach does not read", _SAVE_AS),
    ".numbers": ("an Apple Numbers file, which icp-coach does not read",
                 "in Numbers choose File > Export To > Excel (.xlsx) or CSV"),
    ".ods": ("an OpenDocument spreadsheet, which icp-coach does not read", _SAVE_AS),
}
_HEADER_ROWS = 10  # a header row is looked for among a sheet's first non-empty rows
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _cell_text(value: Any) -> str:
    """A cell as the user sees it: times as 00:01:02, whole numbers without ".0", one line."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.time() if value.year < 1901 else value
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        whole = int(value.total_seconds())
        return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _one_line(str(value))


def _one_line(text: str) -> str:
    """A cell's lines joined: nothing between Chinese characters, a space otherwise; tabs as spaces."""
    lines = [line.strip() for line in text.replace("\t", " ").splitlines() if line.strip()]
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        joined += line if _CJK.match(joined[-1]) or _CJK.match(line[0]) else " " + line
    return joined


def _transcript_likeness(rows: list[list[str]]) -> int:
    """2: a header names speaker and text; 1: a text header, or columns that read as names and
    sentences; 0: neither."""
    filled = [cells for cells in rows if any(cells)][:_HEADER_ROWS]
    if any(names_speaker_and_text(cells) for cells in filled):
        return 2
    if any(header_columns(cells) is not None for cells in filled):
        return 1
    inferred = inferred_columns([cells for cells in rows if any(cells)])
    return 1 if inferred is not None and inferred.speaker is not None else 0


def _sheet_rows(sheet: Any) -> list[list[str]]:
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # some exporters write a wrong size; read every cell there is
    rows = [[_cell_text(value) for value in values] for values in sheet.iter_rows(values_only=True)]
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def _as_table(rows: list[list[str]]) -> str:
    """Tab-separated, every cell quoted, row N on line N (blank rows kept as empty cells)."""
    width = max((len(cells) for cells in rows), default=0)
    while width > 1 and not any(len(cells) >= width and cells[width - 1] for cells in rows):
        width -= 1
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_ALL, lineterminator="\n")
    for cells in rows:
        writer.writerow((cells + [""] * width)[:width])
    return out.getvalue()


def _is_workbook(file: Path) -> bool:
    """An Excel workbook under another name (a ZIP holding `xl/workbook.xml`)."""
    try:
        with file.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(file) as package:
            return "xl/workbook.xml" in package.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _open(file: Path, source: str) -> Any:
    from openpyxl import load_workbook

    raw = file.read_bytes()
    if raw[:4] == b"\xd0\xcf\x11\xe0":
        raise TranscriptError(source, "a password-protected workbook, or an old .xls renamed to "
                              f"{file.suffix}", what_to_do="remove the password, or " + _SAVE_AS)
    try:  # from bytes: a workbook is read whatever its file is called
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise TranscriptError(source, f"cannot be opened as an Excel workbook ({error})",
                              what_to_do=_SAVE_AS) from error


def _worksheets(book: Any) -> Iterable[Any]:
    return [sheet for sheet in book.worksheets if hasattr(sheet, "iter_rows")]


def read_spreadsheet(file: Path, source: str) -> tuple[str, list[str]] | None:
    """The transcript sheet of a workbook as a table (text for the CSV reader) and warnings;
    None for a file that is no spreadsheet. Raises for the spreadsheets icp-coach does not read."""
    suffix = file.suffix.lower()
    if suffix in _REFUSED:
        what, what_to_do = _REFUSED[suffix]
        raise TranscriptError(source, f"is {what}", what_to_do=what_to_do)
    if suffix not in WORKBOOKS and not (file.is_file() and _is_workbook(file)):
        return None
    book = _open(file, source)
    try:
        sheets = [(sheet.title, _sheet_rows(sheet)) for sheet in _worksheets(book)]
    finally:
        book.close()
    filled = [(title, rows) for title, rows in sheets if any(any(cells) for cells in rows)]
    if not filled:
        raise TranscriptError(source, "a workbook with no filled cells", what_to_do="export the transcript again")
    title, rows = max(filled, key=lambda sheet: _transcript_likeness(sheet[1]))
    warnings = []
    if len(sheets) > 1:
        others = ", ".join(repr(other) for other, _ in sheets if other != title)
        warnings.append(f"{source}: read sheet {title!r} (rows cited as lines); left out: {others}")
    return _as_table(rows), warnings
