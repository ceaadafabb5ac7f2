"""Transcripts as tables: CSV, TSV and `;`-separated exports, and Markdown pipe tables.

A header row names the columns (see `table_columns`); every row below it is one piece of speech,
or, in a table with a column per speaker (`问题 | 回答`, `主持人 | 受访者`: see `column_speakers`),
one piece per filled speech cell.
A row with an empty speaker cell continues the speaker above; without a speaker column, a
`Name:` label in the text names the speaker. Quoted cells may span lines: each line of the text
keeps its own source line.
"""

from __future__ import annotations

import csv
import io
import re

from icp_coach.transcripts.column_speakers import column_speakers
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.speech_pieces import Piece, pieces_to_turns, split_role
from icp_coach.transcripts.table_columns import (
    EXPECTED,
    Columns,
    clock_column,
    header_columns,
    inferred_columns,
    names_speaker_and_text,
    unnamed_header,
)
from icp_coach.transcripts.turns import TurnBuilder

_DELIMITERS = (",", "\t", ";", "|")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")
_EXCEL_SEP = re.compile(r"^\s*sep=(.)\s*$")  # Excel's first line naming the delimiter
Rows = list[tuple[int, list[str]]]  # (line of the row's first character, cells)


def _delimiter(first_line: str) -> str:
    sep = _EXCEL_SEP.match(first_line)
    if sep:
        return sep.group(1)
    counts = {d: len(next(csv.reader([first_line], delimiter=d))) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d])


def _md_cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [cell.replace("\\|", "|").strip() for cell in cells]


def looks_like_table(text: str, suffix: str) -> str | None:
    """"csv" or "table" (Markdown) when `text` opens with a header naming speaker and text columns."""
    lines = text.lstrip("\ufeff").splitlines()[:40]
    for index, line in enumerate(lines[:-1]):
        if line.lstrip().startswith("|") and _MD_RULE.match(lines[index + 1]) \
                and (names_speaker_and_text(_md_cells(line)) or _speaker_rows_below(lines, index)):
            return "table"
    if suffix in (".csv", ".tsv"):
        return "csv"
    first = next((line for line in lines if line.strip()), "")
    cells = next(csv.reader([first], delimiter=_delimiter(first)), [])
    return "csv" if 2 <= len(cells) <= 12 and names_speaker_and_text(cells) else None


def _speaker_rows_below(lines: list[str], header: int) -> bool:
    """A Markdown table whose header names nothing known, but whose rows hold a speaker column
    and a text column (see `unnamed_header`)."""
    body = []
    for line in lines[header + 2:]:
        if not line.lstrip().startswith("|"):
            break
        body.append(_md_cells(line))
    cells = _md_cells(lines[header])
    return unnamed_header(cells, body) is not None or column_speakers(cells, body) is not None


def _rows(text: str, fmt: str, source: str) -> tuple[Rows, str]:
    """Every non-empty row, and the delimiter."""
    if fmt == "table":
        return [(number, _md_cells(line)) for number, line in enumerate(text.splitlines(), start=1)
                if line.lstrip().startswith("|") and not _MD_RULE.match(line)], "|"
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Rows = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells) and not (start == 1 and _EXCEL_SEP.match(first)):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise TranscriptError(source, f"broken CSV ({error})", line=reader.line_num,
                              what_to_do="save it again as CSV (UTF-8) from the spreadsheet") from error
    return rows, delimiter


def _layout(rows: Rows, source: str) -> tuple[Columns, Rows, int, list[str]]:
    """Which column is which, the rows below the header, how many columns, and warnings."""
    for at, (line, cells) in enumerate(rows[:10]):
        named = header_columns(cells)
        if named is not None:
            skipped = [f"line {line}: {at} row(s) above the header row left out"] if at else []
            return named, rows[at + 1:], len(cells), skipped
    told = unnamed_header(rows[0][1], [cells for _, cells in rows[1:]])
    if told is not None and told.speaker is not None:
        header = rows[0][1]
        return told, rows[1:], len(header), [
            f"line {rows[0][0]}: header row read by what its columns hold: "
            f"{header[told.speaker].strip()!r} as the speaker, {header[told.text].strip()!r} as the text"]
    inferred = inferred_columns([cells for _, cells in rows])
    if inferred is not None and inferred.speaker is not None:
        width = min(len(cells) for _, cells in rows)
        return inferred, rows, width, [f"line {rows[0][0]}: no header row; column {inferred.speaker + 1} read as "
                                f"the speaker and column {inferred.text + 1} as the text"]
    seen = ", ".join(repr(cell.strip()) for cell in rows[0][1] if cell.strip())[:300]
    raise TranscriptError(source, f"no speaker and text columns in the header row (columns seen: "
                          f"{seen or 'none'})", line=rows[0][0],
                          what_to_do=f"give the table a header row with {EXPECTED}")


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _text_lines(line: int, cells: list[str], index: int) -> list[int]:
    """The source line of each line of a (multi-line) text cell."""
    raw = cells[index] if index < len(cells) else ""
    first = line + sum(cell.count("\n") for cell in cells[:index])
    first += raw[:len(raw) - len(raw.lstrip())].count("\n")
    return [first + offset for offset in range(raw.strip().count("\n") + 1)]


def _piece(line: int, cells: list[str], columns: Columns, width: int, delimiter: str) -> Piece | None:
    if columns.text == width - 1 and len(cells) > width:  # unquoted delimiters in the last column
        cells = cells[:columns.text] + [delimiter.join(cells[columns.text:])]
    spoken = _cell(cells, columns.text).replace("\r\n", "\n")
    if not spoken:
        return None
    written = _cell(cells, columns.speaker)
    name, role = split_role(written) if written else ("", "")
    lines = _text_lines(line, cells, columns.text)
    return Piece(lines[0], spoken, _cell(cells, columns.time) or None, speaker=name or None,
                 role=_cell(cells, columns.role) or role, part_lines=lines, written=written if name else "")


def _first_block(rows: Rows) -> Rows:
    """The Markdown table the header starts: its rows up to the first line that is not one (a
    second table further down, a summary, is not part of it)."""
    block = rows[:1]
    for row in rows[1:]:
        if row[0] > block[-1][0] + 2:  # the header's rule line sits between header and first row
            break
        block.append(row)
    return block


def _per_column_pieces(rows: Rows, columns: list[int]) -> tuple[list[Piece], list[str]]:
    """One piece per filled speech cell, spoken by the person its header names."""
    header = rows[0][1]
    time_index = clock_column([cells for _, cells in rows[1:]])
    pieces = []
    for line, cells in rows[1:]:
        for index in columns:
            spoken = _cell(cells, index).replace("\r\n", "\n")
            if not spoken:
                continue
            written = header[index].strip()
            name, role = split_role(written)
            lines = _text_lines(line, cells, index)
            pieces.append(Piece(lines[0], spoken, _cell(cells, time_index) or None, speaker=name, role=role,
                                part_lines=lines, written=written))
    names = " and ".join(repr(header[index].strip()) for index in columns)
    return pieces, [f"line {rows[0][0]}: a column per speaker: {names}"]


def parse_table(text: str, source: str, fmt: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns and warnings from a CSV/TSV export (`fmt` "csv") or a Markdown table ("table")."""
    rows, delimiter = _rows(text, fmt, source)
    if not rows:
        raise TranscriptError(source, "has no rows", what_to_do="export the transcript again")
    named = header_columns(rows[0][1])
    block = _first_block(rows) if fmt == "table" else rows
    per_column = None if named is not None and named.speaker is not None else \
        column_speakers(block[0][1], [cells for _, cells in block[1:]])
    if per_column is not None and unnamed_header(block[0][1], [cells for _, cells in block[1:]]) is None:
        pieces, warnings = _per_column_pieces(block, per_column)
        turns, found = pieces_to_turns(pieces, "table" if fmt == "table" else "CSV")
        return turns, warnings + found
    columns, body, width, warnings = _layout(rows, source)
    pieces = [piece for line, cells in body
              if (piece := _piece(line, cells, columns, width, delimiter)) is not None]
    if not pieces:
        raise TranscriptError(source, "has a header row but no rows with text", line=rows[0][0],
                              what_to_do="export the transcript again")
    turns, found = pieces_to_turns(pieces, "table" if fmt == "table" else "CSV")
    if columns.speaker is None and not any(turn.speaker for turn in turns):
        raise TranscriptError(source, "no speaker column, and no 'Name:' labels in the text column",
                              line=rows[0][0], what_to_do=f"give the table a header row with {EXPECTED}")
    return turns, warnings + found
