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
_UNIT_SEPARATOR = "\x1f"


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
    structure = _check_structure(pl, data, delimiter)
    if structure is None:  # multi-line quoted cells or odd characters: the careful, slower reader
        frame, problems = _read_csv_with_python(text, delimiter, str(source))
        return RawTable(frame, str(source), problems, used, delimiter, scan_safe=False)
    bad_lines, expected = structure
    if bad_lines:
        lines = data.decode("utf-8").split("\n")
        for line_no, found in bad_lines:
            problems.append(RowProblem(line_no, f"has {found} fields, the header has {expected}"))
        bad = {line_no for line_no, _ in bad_lines}
        kept = [line if (index + 1) not in bad else "" for index, line in enumerate(lines)]
        data = "\n".join(kept).encode("utf-8")
    try:
        frame = pl.read_csv(data, separator=delimiter, infer_schema=False)
    except Exception as error:  # polars reports structure problems without a line; find it
        frame_py, problems_py = _read_csv_with_python(text, delimiter, str(source))
        if problems_py or frame_py.height:
            return RawTable(frame_py, str(source), problems_py, used, delimiter, scan_safe=False)
        raise TableInputError(f"{source}: cannot be read as CSV: {error}") from error
    _check_headers(frame.columns, str(source))
    frame = frame.with_row_index(LINE, offset=2).with_columns(pl.col(LINE).cast(pl.Int64))
    frame = _drop_blank_rows(pl, frame)
    return RawTable(frame, str(source), problems, used, delimiter,
                    scan_safe=utf8_as_is and not bad_lines and delimiter == ",")


def _check_structure(pl: Any, data: bytes, delimiter: str) -> tuple[list[tuple[int, int]], int] | None:
    """Lines whose field count differs from the header's, counted with vectorised string ops.
    None when the file needs the careful reader (quoted line breaks, a unit-separator byte)."""
    if _UNIT_SEPARATOR.encode() in data:
        return None
    lines = pl.read_csv(data, has_header=False, separator=_UNIT_SEPARATOR, quote_char=None,
                        infer_schema=False, new_columns=["line"])["line"]
    quotes = lines.str.count_matches('"', literal=True).fill_null(0)
    if (quotes % 2 != 0).any():
        return None
    unquoted = lines.str.replace_all(r'"[^"]*"', "")
    fields = unquoted.str.count_matches(delimiter, literal=True) + 1
    expected = int(fields[0])
    frame = pl.DataFrame({"fields": fields, "blank": lines.is_null()}).with_row_index("index")
    bad = frame.filter((pl.col("fields") != expected) & ~pl.col("blank") & (pl.col("index") > 0))
    return [(int(i) + 1, int(n)) for i, n in zip(bad["index"], bad["fields"], strict=True)], expected


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
    not comma-separated, multi-line cells, or rows with the wrong number of fields."""
    import polars as pl

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
    structure = _check_structure(pl, raw, ",")
    if structure is None:
        return ["multi-line cells"]
    if structure[0]:
        return [f"line {line}: {found} fields" for line, found in structure[0]]
    return []
