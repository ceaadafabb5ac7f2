"""Read a CSV or XLSX export into a table of text cells, keeping each row's line number.

Every cell is read as text (cleaning decides what it means later). Rows with the wrong number of
fields are reported with their line and kept out of the table, never dropped silently. Encoding
problems name the line and say how to fix them.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
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
        return set_aside_summary_rows(_read_xlsx(source, sheet))
    if source.suffix.lower() == ".xls":
        raise TableInputError(f"{source}: old Excel .xls is not supported; save it as .xlsx or CSV")
    return set_aside_summary_rows(_read_csv(source, encoding))


_SUMMARY_WORDS = re.compile(r"^\s*((grand\s+)?totals?\b|sum\b|subtotal|count\b|records?\b|合计|总计|小计|共计|总数|汇总)",
                            re.IGNORECASE)


def set_aside_summary_rows(table: RawTable) -> RawTable:
    """A report's summary and footer lines are not accounts: a row starting 'Total' / 合计 with
    most cells empty, and, at the end of the file, rows with a single filled cell ('Generated
    By ...', 'Confidential ...'). They leave the table and are listed with their line, so
    nothing vanishes unexplained."""
    import polars as pl

    columns = table.columns
    if table.frame.height == 0 or len(columns) < 3:
        return table
    filled_cells = [pl.col(c).cast(pl.Utf8).str.strip_chars().replace("", None) for c in columns]
    probe = table.frame.select(pl.sum_horizontal([cell.is_not_null() for cell in filled_cells]).alias("n"),
                               pl.coalesce(filled_cells).alias("first"))
    limit = max(1, int(0.3 * len(columns)))
    sparse = probe.with_row_index("i").filter(pl.col("n") <= limit)  # few rows: the rest is Python
    if sparse.height == 0:
        return table
    filled = dict(zip(sparse["i"].to_list(), sparse["n"].to_list(), strict=True))
    first = dict(zip(sparse["i"].to_list(), sparse["first"].to_list(), strict=True))
    lines = table.frame[LINE].to_list()
    drop: dict[int, str] = {}
    for index, text in first.items():
        if text is not None and _SUMMARY_WORDS.match(text):
            drop[index] = text
    index = table.frame.height - 1
    while index >= 0 and (filled.get(index, len(columns)) <= 1 or index in drop):
        if first.get(index) is not None:
            drop.setdefault(index, first[index])
        index -= 1
    if not drop or len(drop) == table.frame.height:
        return table
    problems = [RowProblem(int(lines[i]), f"a summary or footer line ({_shown(text)}), not an account; left out")
                for i, text in drop.items()]
    keep = ~pl.int_range(0, table.frame.height, eager=True).is_in(list(drop))
    return RawTable(table.frame.filter(keep), table.source, sorted(table.problems + problems, key=lambda p: p.line),
                    table.encoding, table.delimiter, scan_safe=False)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


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
        chinese = _as_chinese_excel(raw)
        if chinese is not None:  # Excel in China saves CSV as GBK (gb18030 reads it and more)
            return chinese, "gb18030"
        line = raw[: error.start].count(b"\n") + 1
        raise TableInputError(
            f"{source}:{line}: not UTF-8 text (byte {error.start}); save the file as UTF-8, or "
            "name its encoding with --encoding (gb18030 for Chinese Excel, cp1252 for Western Excel)"
        ) from error


def _as_chinese_excel(raw: bytes) -> str | None:
    """The text when the bytes read cleanly as gb18030 and their non-ASCII characters are
    mostly Chinese (so a Western file is never taken for Chinese); else None."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 127]
    han = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return text if wide and han >= 0.8 * len(wide) else None


def sniff_delimiter(header: str) -> str:
    outside_quotes = header.split('"')[::2]
    counts = {d: sum(part.count(d) for part in outside_quotes) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(source: Path, encoding: str | None) -> RawTable:
    import polars as pl

    raw = source.read_bytes()
    if encoding is None and raw[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        quick = _read_plain_utf8_csv(pl, source, raw)
        if quick is not None:
            return quick
    text, used = decode_bytes(raw, str(source), encoding)
    if not text or text.isspace():
        raise TableInputError(f"{source}: the file is empty; expected a header row and data rows")
    header = text[: text.find("\n")] if "\n" in text[:1_000_000] else text
    header = header.rstrip("\r")
    delimiter = sniff_delimiter(header)
    _check_headers(next(csv.reader([header.replace("\r", " ")], delimiter=delimiter)), str(source))
    utf8_as_is = used == "utf-8" and not raw.startswith(b"\xef\xbb\xbf")
    data = raw if utf8_as_is else text.encode("utf-8")
    problems: list[RowProblem] = []
    layout = record_layout(data, delimiter, str(source))
    expected = layout.count_fields(0)
    frame = None
    with contextlib.suppress(Exception):  # too many fields somewhere: found below, with their lines
        frame = pl.read_csv(data, separator=delimiter, infer_schema=False)
    if frame is not None and frame.height > layout.starts.size - 1:  # readers disagree: the careful one
        frame_py, problems_py = _read_csv_with_python(text, delimiter, str(source))
        return RawTable(frame_py, str(source), problems_py, used, delimiter, scan_safe=False)
    bad = _bad_records(layout, frame)
    for index in bad:
        found = layout.count_fields(index)
        problems.append(RowProblem(int(layout.lines[index]), f"has {found} fields, the header has {expected}"))
    if frame is None or bad:
        if bad:  # blank the bad records so the rows keep their place and their line numbers
            pieces, position = [], 0
            for index in bad:
                pieces.append(data[position:int(layout.starts[index])])
                position = int(layout.ends[index])
            pieces.append(data[position:])
            data = b"".join(pieces)
        try:
            frame = pl.read_csv(data, separator=delimiter, infer_schema=False)
        except Exception as error:
            frame_py, problems_py = _read_csv_with_python(text, delimiter, str(source))
            if problems_py or frame_py.height:
                return RawTable(frame_py, str(source), problems_py, used, delimiter, scan_safe=False)
            raise TableInputError(f"{source}: cannot be read as CSV: {error}") from error
    _check_headers(frame.columns, str(source))
    frame = frame.with_columns(pl.Series(LINE, layout.lines[1:1 + frame.height], dtype=pl.Int64))
    frame = _drop_blank_rows(pl, frame)
    scan_safe = utf8_as_is and not bad and delimiter == "," and not bool(layout.blank[1:].any())
    return RawTable(frame, str(source), problems, used, delimiter, scan_safe=scan_safe)


def _read_plain_utf8_csv(pl: Any, source: Path, raw: bytes) -> RawTable | None:
    """The fast path for the common case: valid UTF-8 (polars checks it), one line per record,
    no row with the wrong number of fields. None sends the file to the careful path, which
    finds and reports whatever is unusual, with line numbers."""
    import numpy as np

    bom = raw.startswith(b"\xef\xbb\xbf")
    data = raw[3:] if bom else raw
    if not data or data.isspace():
        raise TableInputError(f"{source}: the file is empty; expected a header row and data rows")
    end = data.find(b"\n")
    try:
        header = (data if end < 0 else data[:end]).decode("utf-8").rstrip("\r")
    except UnicodeDecodeError:
        return None
    delimiter = sniff_delimiter(header)
    _check_headers(next(csv.reader([header.replace("\r", " ")], delimiter=delimiter)), str(source))
    try:
        frame = pl.read_csv(data, separator=delimiter, infer_schema=False)
    except Exception:
        return None
    records = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    if records != frame.height + 1 or not frame.columns:  # quoted line breaks or trailing blanks
        return None
    last_empty = frame[frame.columns[-1]].is_null()
    if last_empty.any():  # only rows with an empty last cell can be short: count their fields
        array = np.frombuffer(data, dtype=np.uint8)
        newlines = np.flatnonzero(array == 10)
        starts = np.concatenate([[0], newlines + 1])[:records]
        ends = np.concatenate([newlines, [array.size]])[:records]
        lengths = ends - starts
        blank = (lengths == 0) | ((lengths == 1) & (array[np.clip(ends - 1, 0, None)] == 13))
        layout = RecordLayout(data, delimiter, starts, ends, np.arange(1, records + 1), blank,
                              np.empty(0, dtype=np.int64))
        if _bad_records(layout, frame):
            return None
    _check_headers(frame.columns, str(source))
    frame = frame.with_columns(pl.int_range(2, frame.height + 2, dtype=pl.Int64).alias(LINE))
    kept = _drop_blank_rows(pl, frame)
    scan_safe = not bom and delimiter == "," and kept.height == frame.height
    return RawTable(kept, str(source), [], "utf-8", delimiter, scan_safe=scan_safe)


@dataclass(frozen=True)
class RecordLayout:
    """Where each CSV record starts and ends and its first line, found with numpy over the
    bytes (quote-aware, so a quoted line break stays inside its cell)."""

    data: bytes
    delimiter: str
    starts: Any
    ends: Any
    lines: Any
    blank: Any
    quotes: Any

    def fields(self, indices: Any = None) -> Any:
        """Field counts of the given records (all when None), vectorised."""
        import numpy as np

        array = np.frombuffer(self.data, dtype=np.uint8)
        separators = np.flatnonzero(array == ord(self.delimiter))
        starts = self.starts if indices is None else self.starts[indices]
        ends = self.ends if indices is None else self.ends[indices]
        counts = np.searchsorted(separators, ends) - np.searchsorted(separators, starts) + 1
        if self.quotes.size:  # separators inside quoted spans [open, close) do not split fields
            opens, closes = self.quotes[0::2], self.quotes[1::2]
            inside = np.searchsorted(separators, closes) - np.searchsorted(separators, opens)
            owner = np.searchsorted(starts, opens, side="right") - 1
            keep = (owner >= 0) & (opens < ends[np.clip(owner, 0, None)])
            counts = counts - np.bincount(owner[keep], weights=inside[keep], minlength=starts.size).astype(counts.dtype)
        return counts

    def count_fields(self, index: int) -> int:
        """One record's field count with the csv module (for the few rows that need it)."""
        text = self.data[int(self.starts[index]):int(self.ends[index])].decode("utf-8").rstrip("\r")
        # a line break the layout kept inside this record (a bare carriage return, or one in a
        # broken quote) counts as a field character here, not as a record end
        flat = text.replace("\r", " ").replace("\n", " ")
        rows = list(csv.reader([flat], delimiter=self.delimiter))
        return len(rows[0]) if rows else 0


def record_layout(data: bytes, delimiter: str, source: str = "") -> RecordLayout:
    import numpy as np

    array = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(array == 10)
    record_breaks = newlines
    quotes = np.flatnonzero(array == 34) if b'"' in data else np.empty(0, dtype=np.int64)
    if quotes.size % 2:
        line = int(np.searchsorted(newlines, quotes[-1])) + 1
        raise TableInputError(f"{source}:{line}: a quoted cell is never closed; add the closing quote")
    if quotes.size:  # a line break is a record break when an even number of quotes precede it
        record_breaks = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
    starts = np.concatenate([[0], record_breaks + 1])
    ends = np.concatenate([record_breaks, [array.size]])
    if starts[-1] >= array.size:  # the file ends with a line break
        starts, ends = starts[:-1], ends[:-1]
    lengths = ends - starts
    last = np.clip(ends - 1, 0, max(array.size - 1, 0))
    blank = (lengths == 0) | ((lengths == 1) & (array[last] == 13))
    lines = np.searchsorted(newlines, starts) + 1
    return RecordLayout(data, delimiter, starts, ends, lines, blank, quotes)


def _bad_records(layout: RecordLayout, frame: Any | None) -> list[int]:
    """Records whose field count differs from the header's. With a parsed `frame`, only rows
    whose last cell is empty can be short (polars refuses long rows), so only those are checked."""
    import numpy as np

    expected = layout.count_fields(0)
    if frame is None:
        counts = layout.fields()
        return [int(i) for i in np.flatnonzero((counts != expected) & ~layout.blank) if i > 0]
    last_empty = frame[frame.columns[-1]].is_null().to_numpy()
    candidates = np.flatnonzero(last_empty) + 1
    candidates = candidates[~layout.blank[candidates]]
    if candidates.size > 2_000:  # many empty last cells: count their separators vectorised
        import polars as pl

        starts, ends = layout.starts[candidates], layout.ends[candidates]
        texts = pl.Series([layout.data[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)],
                          dtype=pl.Binary).cast(pl.Utf8)
        counts = (texts.str.replace_all(r'"[^"]*"', "").str.count_matches(layout.delimiter, literal=True) + 1)
        return [int(i) for i in candidates[(counts != expected).to_numpy()]]
    return [int(i) for i in candidates if layout.count_fields(int(i)) != expected]


def _read_csv_with_python(text: str, delimiter: str, source: str) -> tuple[Any, list[RowProblem]]:
    import polars as pl

    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as error:
        raise TableInputError(f"{source}: the file is empty") from error
    except csv.Error as error:  # a stray carriage return or NUL in the header row
        raise TableInputError(f"{source}:1: the header row cannot be read as CSV: {error}; save the "
                              "file again as CSV from the spreadsheet") from error
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


SCAN_CHUNK_BYTES = 16 * 1024 * 1024


def _ends_with_summary_lines(stream: Any, header: str) -> bool:
    """Does the file end with a report's 'Total' or 'Generated By' lines (the careful reader sets
    them aside; a streaming scan would score them)? Reads only the last 64 KB."""
    width = len(next(csv.reader([header])))
    if width < 3:
        return False
    position = stream.tell()
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(max(0, size - 65536))
    tail = stream.read().decode("utf-8", errors="replace")
    stream.seek(position)
    lines = [line for line in tail.splitlines()[1:] if line.strip()][-5:]
    limit = max(1, int(0.3 * width))
    for line in lines:
        cells = [cell.strip() for cell in next(csv.reader([line]), [])]
        filled = [cell for cell in cells if cell]
        if filled and len(filled) <= limit and _SUMMARY_WORDS.match(filled[0]):
            return True
    last = [cell.strip() for cell in next(csv.reader(lines[-1:]), []) if cell.strip()] if lines else []
    return len(last) <= 1


def csv_scan_problems(path: Path, chunk_bytes: int = SCAN_CHUNK_BYTES) -> list[str]:
    """Why a CSV cannot be scanned straight from disk (empty list: it can): not UTF-8, a BOM,
    not comma-separated, blank lines, an unclosed quote, or rows with the wrong number of
    fields. Reads the file in chunks cut at record boundaries, so memory stays bounded."""
    import codecs

    import numpy as np

    with path.open("rb") as stream:
        first = stream.read(chunk_bytes)
        if first.startswith(b"\xef\xbb\xbf") or first[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return ["byte-order mark"]
        decoder = codecs.getincrementaldecoder("utf-8")()
        end = first.find(b"\n")
        header = (first if end < 0 else first[:end]).decode("utf-8", errors="replace").rstrip("\r")
        if sniff_delimiter(header) != ",":
            return ["not comma-separated"]
        if _ends_with_summary_lines(stream, header):
            return ["summary or footer lines at the end"]
        expected: int | None = None
        pending, chunk, line_offset = b"", first, 0
        problems: list[str] = []
        while chunk or pending:
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                return ["not UTF-8"]
            buffer = pending + chunk
            if chunk:  # cut after the last line break that is outside quotes
                array = np.frombuffer(buffer, dtype=np.uint8)
                newlines = np.flatnonzero(array == 10)
                quotes = np.flatnonzero(array == 34)
                breaks = newlines[np.searchsorted(quotes, newlines) % 2 == 0] if quotes.size else newlines
                if not breaks.size:
                    pending, chunk = buffer, stream.read(chunk_bytes)
                    continue
                cut = int(breaks[-1]) + 1
                body, pending = buffer[:cut], buffer[cut:]
            else:
                body, pending = buffer, b""
            try:
                layout = record_layout(body, ",", str(path))
            except TableInputError:
                return ["unclosed quote"]
            counts = layout.fields()
            if expected is None:
                expected = int(counts[0])
                counts[0] = expected
            if bool(layout.blank.any()):
                return ["blank lines"]
            for index in np.flatnonzero(counts != expected)[:20]:
                problems.append(f"line {line_offset + int(layout.lines[index])}: wrong number of fields")
            if problems:
                return problems
            line_offset += body.count(b"\n")
            chunk = stream.read(chunk_bytes) if chunk else b""
    return problems
