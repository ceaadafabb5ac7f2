"""Read a CSV or XLSX export into a table of text cells, keeping each row's line number.

Every cell is read as text (cleaning decides what it means later). Rows with the wrong number of
fields are reported with their line and kept out of the table, never dropped silently. Encoding
problems name the line and say how to fix them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from icp_coach.analysis.errors import TableInputError

LINE = "__line__"  # the file line (CSV) or sheet row (XLSX) each record came from
_DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "reason": self.reason}


@dataclass
class RawTable:
    """Text cells plus a LINE column; `problems` lists rows that could not be read."""

    frame: Any  # polars.DataFrame, all columns Utf8 plus LINE (Int64)
    source: str
    problems: list[RowProblem] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ","
    # True when a streaming scan of the file yields exactly these rows (line = row index + 2)
    scan_safe: bool = False

    @property
    def columns(self) -> list[str]:
        return [name for name in self.frame.columns if name != LINE]


def read_table(path: str | Path, *, encoding: str | None = None, sheet: str | None = None) -> RawTable:
    source = Path(path)
    if not source.exists():
        raise TableInputError(f"{source}: no such file")
    if source.is_dir():
        raise TableInputError(f"{source}: is a folder, expected a CSV or XLSX file")
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(source, sheet)
    if source.suffix.lower() == ".xls":
        raise TableInputError(f"{source}: old Excel .xls is not supported; save it as .xlsx or CSV")
    return _read_csv(source, encoding)


def decode_bytes(raw: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding used. UTF-8 (with or without BOM) and UTF-16 with a BOM are found
    automatically; anything else needs `encoding` (e.g. gb18030 for Excel CSV saved in China)."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError as error:
            raise TableInputError(f"{source}: unknown encoding {encoding!r}") from error
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise TableInputError(
                f"{source}:{line}: cannot be read as {encoding} (byte {error.start}); "
                "check the --encoding value"
            ) from error
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TableInputError(
            f"{source}:{line}: not UTF-8 text (byte {error.start}); save the file as UTF-8, or "
            "name its encoding with --encoding (gb18030 for Chinese Excel, cp1252 for Western Excel)"
        ) from error


def sniff_delimiter(header: str) -> str:
    outside_quotes = header.split('"')[::2]
    counts = {d: sum(part.count(d) for part in outside_quotes) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(source: Path, encoding: str | None) -> RawTable:
    import polars as pl

    raw = source.read_bytes()
    text, used = decode_bytes(raw, str(source), encoding)
    if not text.strip():
        raise TableInputError(f"{source}: the file is empty; expected a header row and data rows")
    header = text.split("\n", 1)[0].rstrip("\r")
    delimiter = sniff_delimiter(header)
    _check_headers(next(csv.reader([header], delimiter=delimiter)), str(source))
    utf8_as_is = used == "utf-8" and not raw.startswith(b"\xef\xbb\xbf")
    data = raw if utf8_as_is else text.encode("utf-8")
    problems: list[RowProblem] = []
    layout = record_layout(data, delimiter, str(source))
    expected = int(layout.fields[0])
    bad = [int(i) for i in ((layout.fields != expected) & ~layout.blank).nonzero()[0] if i > 0]
    for index in bad:
        problems.append(RowProblem(int(layout.lines[index]),
                                   f"has {int(layout.fields[index])} fields, the header has {expected}"))
    if bad:  # blank the bad records so the rows keep their place and their line numbers
        pieces, position = [], 0
        for index in bad:
            pieces.append(data[position:int(layout.starts[index])])
            position = int(layout.ends[index])
        pieces.append(data[position:])
        data = b"".join(pieces)
    try:
        frame = pl.read_csv(data, separator=delimiter, infer_schema=False)
    except Exception as error:  # polars reports structure problems without a line; find it
        frame_py, problems_py = _read_csv_with_python(text, delimiter, str(source))
        if problems_py or frame_py.height:
            return RawTable(frame_py, str(source), problems_py, used, delimiter, scan_safe=False)
        raise TableInputError(f"{source}: cannot be read as CSV: {error}") from error
    if frame.height > len(layout.lines) - 1:  # the two readers disagree: trust the careful one
        frame_py, problems_py = _read_csv_with_python(text, delimiter, str(source))
        return RawTable(frame_py, str(source), problems_py, used, delimiter, scan_safe=False)
    _check_headers(frame.columns, str(source))
    frame = frame.with_columns(pl.Series(LINE, layout.lines[1:1 + frame.height], dtype=pl.Int64))
    frame = _drop_blank_rows(pl, frame)
    scan_safe = utf8_as_is and not bad and delimiter == "," and not bool(layout.blank[1:].any())
    return RawTable(frame, str(source), problems, used, delimiter, scan_safe=scan_safe)


@dataclass(frozen=True)
class RecordLayout:
    """Where each CSV record starts and ends, its first line and how many fields it has,
    found with numpy over the bytes (quote-aware, so quoted line breaks stay inside a cell)."""

    starts: Any
    ends: Any
    lines: Any
    fields: Any
    blank: Any


def record_layout(data: bytes, delimiter: str, source: str = "") -> RecordLayout:
    import numpy as np

    array = np.frombuffer(data, dtype=np.uint8)
    newline = array == 10
    separator = array == ord(delimiter)
    if b'"' in data:
        quotes = array == 34
        inside = np.bitwise_xor.accumulate(quotes.view(np.uint8)).view(bool)
        if inside[-1]:
            opener = int(np.flatnonzero(quotes)[-1])
            line = int(np.count_nonzero(newline[:opener])) + 1
            raise TableInputError(f"{source}:{line}: a quoted cell is never closed; add the closing quote")
        record_breaks = np.flatnonzero(newline & ~inside)
        separators = np.flatnonzero(separator & ~inside)
        del quotes, inside
    else:
        record_breaks = np.flatnonzero(newline)
        separators = np.flatnonzero(separator)
    starts = np.concatenate([[0], record_breaks + 1])
    ends = np.concatenate([record_breaks, [array.size]])
    if starts[-1] >= array.size:  # the file ends with a line break
        starts, ends = starts[:-1], ends[:-1]
    fields = np.searchsorted(separators, ends) - np.searchsorted(separators, starts) + 1
    lengths = ends - starts
    last = np.clip(ends - 1, 0, max(array.size - 1, 0))
    blank = (lengths == 0) | ((lengths == 1) & (array[last] == 13))
    lines = np.searchsorted(np.flatnonzero(newline), starts) + 1
    return RecordLayout(starts, ends, lines, fields, blank)


def _read_csv_with_python(text: str, delimiter: str, source: str) -> tuple[Any, list[RowProblem]]:
    import polars as pl

    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as error:
        raise TableInputError(f"{source}: the file is empty") from error
    _check_headers(header, source)
    rows: list[list[str | None]] = []
    lines: list[int] = []
    problems: list[RowProblem] = []
    start = reader.line_num + 1
    try:
        for row in reader:
            if not row:
                start = reader.line_num + 1
                continue
            if len(row) != len(header):
                problems.append(RowProblem(start, f"has {len(row)} fields, the header has {len(header)}"))
            else:
                rows.append([cell if cell != "" else None for cell in row])
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as error:
        raise TableInputError(f"{source}:{reader.line_num}: cannot be read as CSV: {error}") from error
    columns = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    frame = pl.DataFrame(columns, schema={name: pl.Utf8 for name in header})
    frame = frame.with_columns(pl.Series(LINE, lines, dtype=pl.Int64))
    return _drop_blank_rows(pl, frame), problems


def _check_headers(header: list[str], source: str) -> None:
    names = [name.strip() for name in header]
    if not any(names):
        raise TableInputError(f"{source}:1: the header row is empty; the first row must name the columns")
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise TableInputError(f"{source}:1: column {name!r} appears twice in the header; rename one")
        seen.add(name)


def _drop_blank_rows(pl: Any, frame: Any) -> Any:
    data_columns = [name for name in frame.columns if name != LINE]
    if not data_columns:
        return frame
    return frame.filter(~pl.all_horizontal(pl.col(data_columns).is_null()))


def _read_xlsx(source: Path, sheet: str | None) -> RawTable:
    import polars as pl
    from openpyxl import load_workbook

    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except Exception as error:
        raise TableInputError(f"{source}: cannot be opened as an Excel workbook: {error}") from error
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise TableInputError(f"{source}: no sheet {sheet!r}; sheets: {', '.join(book.sheetnames)}")
        worksheet = book[sheet] if sheet else book.worksheets[0]
        rows = worksheet.iter_rows(values_only=True)
        try:
            header_cells = next(rows)
        except StopIteration as error:
            raise TableInputError(f"{source}: the sheet is empty") from error
        header = [_excel_text(cell) or "" for cell in header_cells]
        while header and not header[-1]:
            header.pop()
        _check_headers(header, f"{source} (sheet {worksheet.title})")
        records: list[list[str | None]] = []
        lines: list[int] = []
        for line_no, values in enumerate(rows, start=2):
            cells = [_excel_text(value) for value in values[: len(header)]]
            cells += [None] * (len(header) - len(cells))
            if any(cell is not None for cell in cells):
                records.append(cells)
                lines.append(line_no)
    finally:
        book.close()
    columns = {name: [row[i] for row in records] for i, name in enumerate(header)}
    frame = pl.DataFrame(columns, schema={name: pl.Utf8 for name in header})
    frame = frame.with_columns(pl.Series(LINE, lines, dtype=pl.Int64))
    return RawTable(frame, str(source), [], "xlsx", "", scan_safe=False)


def _excel_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    text = str(value)
    return text if text.strip() != "" else None


def csv_scan_problems(path: Path) -> list[str]:
    """Why a CSV cannot be scanned straight from disk (empty list: it can): not UTF-8, a BOM,
    not comma-separated, blank lines, or rows with the wrong number of fields."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf") or raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return ["byte-order mark"]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return ["not UTF-8"]
    header = raw.split(b"\n", 1)[0].decode("utf-8").rstrip("\r")
    if sniff_delimiter(header) != ",":
        return ["not comma-separated"]
    layout = record_layout(raw, ",", str(path))
    expected = int(layout.fields[0])
    bad = ((layout.fields != expected) | layout.blank).nonzero()[0]
    return [f"line {int(layout.lines[i])}: {int(layout.fields[i])} fields" for i in bad[:20]]
