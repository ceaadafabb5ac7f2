"""Tables with one column per speaker instead of a speaker column.

Two layouts that interview notes in 飞书 / Notion / Airtable bases and spreadsheets use:
- a question column and an answer column (`问题 | 回答`, `Question | Answer`, `访谈问题 | 受访者回答`):
  every row is the question, then its answer;
- a column per person (`时间 | 主持人 | 受访者`, `Time | Dana | Luis | Ken`), one of them filled in
  a row, however many people speak.
The header cell names the speaker. Row numbers, times, tags and short notes are not speech: a
speech column holds sentences in most rows. None when the table is not laid out so.
"""

from __future__ import annotations

import re

from icp_coach.transcripts.label_lines import TS

_QUESTION_HEADER = re.compile(r"^(?:q|question|questions|interview question|问题|提问|访谈问题|采访问题|问)\b",
                              re.IGNORECASE)
_ASKED = re.compile(r"(?:[?？]|[吗呢么])\s*$")
_NUMBER_OR_TIME = re.compile(rf"^\s*[\[(]?(?:{TS}|\d+(?:\.\d+)?)[\])]?\s*$")


def _size(text: str) -> int:
    """Words, or Chinese characters / 2: how much a cell says."""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    return len(text.split()) + cjk // 2


def _holds_speech(cells: list[str]) -> bool:
    filled = [cell for cell in cells if cell]
    return bool(filled) and not all(_NUMBER_OR_TIME.match(cell) for cell in filled) \
        and sum(_size(cell) for cell in filled) / len(filled) >= 4


def _speech_columns(header: list[str], body: list[list[str]]) -> list[int]:
    """Columns of sentences. Someone who speaks once fills one cell of their column: such a
    column counts when that cell stands alone in its row (a note sits beside someone's words)."""
    cells = [[row[i].strip() if i < len(row) else "" for row in body] for i in range(len(header))]
    named = [i for i in range(len(header)) if header[i].strip() and _holds_speech(cells[i])]
    core = [i for i in named if sum(bool(cell) for cell in cells[i]) >= 2]
    alone = [i for i in named if i not in core and all(
        not any(cells[j][row] for j in core) for row, cell in enumerate(cells[i]) if cell)]
    return sorted(core + alone)


def column_speakers(header: list[str], body: list[list[str]]) -> list[int] | None:
    """The columns that each hold one speaker's words, in reading order, or None."""
    if len(body) < 3:
        return None
    columns = _speech_columns(header, body)
    if len(columns) < 2:
        return None
    rows = [row for row in body if any(i < len(row) and row[i].strip() for i in columns)]
    one_at_a_time = sum(sum(bool(i < len(row) and row[i].strip()) for i in columns) == 1 for row in rows)
    if one_at_a_time >= 0.8 * len(rows):
        return columns
    if len(columns) != 2:
        return None
    first = columns[0]
    questions = [row[first].strip() for row in rows if first < len(row) and row[first].strip()]
    asked = sum(bool(_ASKED.search(q)) for q in questions)
    if _QUESTION_HEADER.match(header[first].strip()) or asked >= 0.6 * len(questions):
        return columns
    return None
