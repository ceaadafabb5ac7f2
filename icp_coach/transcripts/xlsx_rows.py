"""An Excel workbook (.xlsx), as Airtable, 飞书多维表格, Notion and spreadsheets export a transcript
table, turned into CSV text for `tabular`: the sheet with the most filled rows, one CSV line per
row (a cell's line breaks kept inside quotes), empty rows left out."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime, time
from pathlib import Path
from typing import Any

from icp_coach.transcripts.errors import TranscriptError


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%H:%M:%S") if value.date() == datetime(1899, 12, 30).date() else str(value)
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_as_csv(path: Path) -> str:
    """The workbook's fullest sheet as CSV text. Raises `TranscriptError` for a broken file."""
    from openpyxl import load_workbook  # only when a workbook is read

    source = str(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise TranscriptError(source, f"not a readable Excel workbook ({error})",
                              what_to_do="open it in the spreadsheet and save it again as .xlsx or .csv") from error
    sheets = []
    for sheet in workbook.worksheets:
        rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        sheets.append([row for row in rows if any(cell.strip() for cell in row)])
    workbook.close()
    rows = max(sheets, key=len, default=[])
    if not rows:
        raise TranscriptError(source, "an Excel workbook with no filled rows",
                              what_to_do="export the sheet that holds the transcript")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()
