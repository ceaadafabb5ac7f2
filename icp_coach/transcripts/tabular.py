"""Transcripts as tables: CSV, TSV and `;`-separated exports, and Markdown pipe tables.

The header row names the columns, in English or Chinese and in any order: a speaker column
(Speaker, Name, Participant, 发言人, 说话人, 角色), a text column (Text, Transcript, Utterance,
Content, 内容, 文本) and optionally a time column (Start, Timestamp, 开始时间, 时间). Every row is
one piece of speech; a row with an empty speaker cell continues the speaker above.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.label_lines import TS, plausible_name
from icp_coach.transcripts.speech_pieces import Piece, pieces_to_turns, split_role
from icp_coach.transcripts.turns import TurnBuilder

SPEAKER_COLUMNS = ("speaker", "speaker name", "speakers", "name", "participant", "participant name",
                   "person", "who", "user", "author", "发言人", "说话人", "发言者", "讲话人", "角色",
                   "发言人姓名", "姓名", "用户")
TEXT_COLUMNS = ("text", "transcript", "transcription", "utterance", "content", "message", "sentence",
                "words", "speech", "dialogue", "caption", "内容", "文本", "发言内容", "转写内容",
                "转写文本", "原文", "对话内容", "文字")
TIME_COLUMNS = ("start", "start time", "starttime", "start_time", "begin", "timestamp", "time",
                "offset", "开始时间", "时间", "时间戳", "起始时间")
ROLE_COLUMNS = ("role", "title", "角色", "职位", "身份")
_DELIMITERS = (",", "\t", ";", "|")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")


def _key(cell: str) -> str:
    key = cell.strip().lstrip("\ufeff").strip(" \"'*_`").lower()
    key = re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", key)  # "Start (s)", "时间（秒）"
    return re.sub(r"[\s_\-]+", " ", key).strip()


def _find(header: list[str], names: tuple[str, ...], taken: set[int]) -> int | None:
    keys = [_key(cell) for cell in header]
    for name in names:  # the more specific name first: "speaker" before "name"
        for index, key in enumerate(keys):
            if index not in taken and key == name.replace("_", " "):
                return index
    return None


def columns(header: list[str]) -> tuple[int | None, int | None, int | None, int | None]:
    """(speaker, text, time, role) column indexes in a header row, None where absent."""
    speaker = _find(header, SPEAKER_COLUMNS, set())
    text = _find(header, TEXT_COLUMNS, {speaker} if speaker is not None else set())
    taken = {i for i in (speaker, text) if i is not None}
    time = _find(header, TIME_COLUMNS, taken)
    role = _find(header, ROLE_COLUMNS, taken | ({time} if time is not None else set()))
    return speaker, text, time, role


def _delimiter(first_line: str) -> str:
    counts = {d: len(next(csv.reader([first_line], delimiter=d))) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d])


def looks_like_table(text: str, suffix: str) -> str | None:
    """"csv" or "table" (Markdown) when `text` opens with a header naming speaker and text columns."""
    lines = [line for line in text.lstrip("\ufeff").splitlines()[:40]]
    for index, line in enumerate(lines):
        if line.lstrip().startswith("|") and index + 1 < len(lines) and _MD_RULE.match(lines[index + 1]):
            speaker, spoken, _, _ = columns(_md_cells(line))
            if speaker is not None and spoken is not None:
                return "table"
    first = next((line for line in lines if line.strip()), "")
    if suffix in (".csv", ".tsv"):
        return "csv"
    cells = next(csv.reader([first], delimiter=_delimiter(first)), [])
    speaker, spoken, _, _ = columns(cells)
    return "csv" if speaker is not None and spoken is not None and len(cells) <= 12 else None


def _md_cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [cell.replace("\\|", "|").strip() for cell in cells]


def _rows(text: str, fmt: str) -> list[tuple[int, list[str]]]:
    """(line of the row's first character, cells) for every non-empty row."""
    if fmt == "table":
        return [(number, _md_cells(line)) for number, line in enumerate(text.splitlines(), start=1)
                if line.lstrip().startswith("|") and not _MD_RULE.match(line)]
    body = text.lstrip("\ufeff")
    first = next((line for line in body.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=_delimiter(first))
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise TranscriptError("", f"broken CSV ({error})", line=reader.line_num) from error
    return rows


def _header_at(rows: list[tuple[int, list[str]]]) -> int | None:
    """The header row: the first of the first few rows that names a speaker and a text column."""
    for index, (_, cells) in enumerate(rows[:10]):
        speaker, spoken, _, _ = columns(cells)
        if speaker is not None and spoken is not None:
            return index
    return None


_TIME_CELL = re.compile(rf"^\s*[\[(]?(?:{TS}|\d+(?:\.\d+)?)[\])]?\s*$")


def _infer_columns(rows: list[tuple[int, list[str]]]) -> tuple[int, int, int | None] | None:
    """(speaker, text, time) of a table without a header row: times, a few short names, sentences."""
    width = min(len(cells) for _, cells in rows)
    if len(rows) < 2 or width < 2:
        return None
    column = [[cells[i].strip() for _, cells in rows] for i in range(width)]
    time = next((i for i in range(width) if all(_TIME_CELL.match(v) for v in column[i] if v)), None)
    rest = [i for i in range(width) if i != time]
    text = max(rest, key=lambda i: sum(len(v) for v in column[i]))
    names = [i for i in rest if i != text and all(plausible_name(v) and not _TIME_CELL.match(v)
                                                  for v in column[i] if v)
             and len(set(column[i])) <= max(2, len(rows) // 2)]
    return (names[0], text, time) if names else None


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _part_lines(line: int, cells: list[str], index: int) -> list[int]:
    """The source line of each line of a multi-line cell."""
    first = line + sum(cell.count("\n") for cell in cells[:index])
    raw = cells[index]
    lead = len(raw) - len(raw.lstrip())
    first += raw[:lead].count("\n")
    return [first + offset for offset in range(raw.strip().count("\n") + 1)]


@dataclass
class _Layout:
    speaker: int
    text: int
    time: int | None
    role: int | None
    rows: list[tuple[int, list[str]]]  # the rows below the header
    warnings: list[str]


def _layout(rows: list[tuple[int, list[str]]], source: str) -> _Layout:
    """Which column is which: from the header row, else from what the columns hold."""
    at = _header_at(rows)
    if at is not None:
        speaker, text, time, role = columns(rows[at][1])
        assert speaker is not None and text is not None
        skipped = [f"line {rows[at][0]}: {at} row(s) above the header row left out"] if at else []
        return _Layout(speaker, text, time, role, rows[at + 1:], skipped)
    inferred = _infer_columns(rows)
    if inferred is not None:
        speaker, text, time = inferred
        return _Layout(speaker, text, time, None, rows, [
            f"line {rows[0][0]}: no header row; column {speaker + 1} read as the speaker and "
            f"column {text + 1} as the text"])
    seen = ", ".join(repr(cell.strip()) for cell in rows[0][1] if cell.strip())[:300]
    raise TranscriptError(
        source, f"no speaker and text columns in the header row (columns seen: {seen or 'none'})",
        line=rows[0][0],
        what_to_do="give the table a header row with a speaker column (Speaker, Name, Participant, "
        "发言人, 说话人, 角色) and a text column (Text, Transcript, Utterance, Content, 内容, 文本)")


def parse_table(text: str, source: str, fmt: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns and warnings from a CSV/TSV export (`fmt` "csv") or a Markdown table ("table")."""
    try:
        rows = _rows(text, fmt)
    except TranscriptError as error:
        raise TranscriptError(source, str(error).split(": ", 1)[-1], line=error.line,
                              what_to_do="save it again as CSV (UTF-8) from the spreadsheet") from error
    if not rows:
        raise TranscriptError(source, "has no rows", what_to_do="export the transcript again")
    layout = _layout(rows, source)
    pieces: list[Piece] = []
    for line, cells in layout.rows:
        spoken = _cell(cells, layout.text).replace("\r\n", "\n")
        if not spoken:
            continue
        written = _cell(cells, layout.speaker)
        name, role = split_role(written) if written else ("", "")
        lines = _part_lines(line, cells, layout.text)
        pieces.append(Piece(lines[0], spoken, _cell(cells, layout.time) or None, speaker=name or None,
                            role=_cell(cells, layout.role) or role, part_lines=lines,
                            written=written if name else ""))
    if not pieces:
        raise TranscriptError(source, "has a header row but no rows with text", line=rows[0][0],
                              what_to_do="export the transcript again")
    turns, found = pieces_to_turns(pieces, "table" if fmt == "table" else "CSV")
    return turns, layout.warnings + found
