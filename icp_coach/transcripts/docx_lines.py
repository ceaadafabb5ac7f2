"""A Word (.docx) transcript as text lines, in document order.

- paragraphs as written; a Word heading style becomes a Markdown heading (`## Summary`), and a
  paragraph that is all bold and short (a speaker's name above the speech) becomes `**Dana**`;
- tables, where Teams, Zoom and hand-made write-ups keep the turns (speaker | text, speaker | time
  | text, time | speaker | text, in any order), become `[time] Speaker: text` lines; the header row
  (`Speaker | Time | Text`, `发言人 | 时间 | 内容`) is dropped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.label_lines import ABBREVIATION, TS, plausible_name

_TIME_CELL = re.compile(rf"^\s*[\[(]?{TS}[\])]?\s*$")
_HEADER_CELLS = re.compile(
    r"^(?:speaker|name|who|time|timestamp|start|text|transcript|content|speech|said|"
    r"发言人|说话人|姓名|角色|时间|时间戳|内容|发言内容|原文|文本)$", re.IGNORECASE)


def _paragraph_line(paragraph: Any) -> str:
    text = paragraph.text
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    level = re.match(r"^(?:Heading|标题)\s*(\d)", style)
    if text.strip() and (level or style == "Title"):
        return f"{'#' * (int(level.group(1)) if level else 1)} {text.strip()}"
    runs = [run for run in paragraph.runs if run.text.strip()]
    if runs and all(run.bold for run in runs) and _name_like(text.strip()):
        return f"**{text.strip()}**"
    return text


def _name_like(text: str) -> bool:
    """"Dana Ortiz", "受访者": a name in bold, not a bold sentence ("Absolutely not.")."""
    return plausible_name(text) and len(text.split()) <= 4 and "\n" not in text \
        and not re.search(r"[.!?。！？,，;；…]", ABBREVIATION.sub("", text))


def _cells(row: Any) -> list[str]:
    cells: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:  # a merged cell comes back once per grid column it spans
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell.text.strip())
    return cells


def _at(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _table_lines(table: Any) -> list[str]:
    rows = [cells for cells in (_cells(row) for row in table.rows) if any(cells)]
    if rows and all(_HEADER_CELLS.match(cell) for cell in rows[0] if cell):
        rows = rows[1:]
    width = max((len(cells) for cells in rows), default=0)
    if width < 2:
        return [cell for cells in rows for cell in cells]
    columns = [[cells[i] if i < len(cells) else "" for cells in rows] for i in range(width)]
    timed = {i for i, column in enumerate(columns)
             if sum(bool(_TIME_CELL.match(value)) for value in column) >= 0.6 * len(rows)}
    others = [i for i in range(width) if i not in timed]
    if len(others) < 2:
        return ["\t".join(cells) for cells in rows]
    text_at = max(others, key=lambda i: sum(len(value) for value in columns[i]))
    speaker_at = next(i for i in others if i != text_at)
    time_at = min(timed) if timed else None
    lines: list[str] = []
    for cells in rows:
        speaker, text = _at(cells, speaker_at), _at(cells, text_at)
        stamp = _at(cells, time_at).strip("[]()")
        if not speaker or not text:
            lines.extend(value for value in cells if value)
            continue
        first, *rest = text.splitlines()
        lines.append(f"{'[' + stamp + '] ' if stamp else ''}{speaker}: {first}")
        lines.extend(rest)
    return lines


def docx_lines(path: Path) -> list[str]:
    """The document's lines, paragraphs and tables in the order they appear."""
    try:
        import docx  # python-docx; imported only for Word files
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as error:  # pragma: no cover - a declared dependency
        raise TranscriptError(str(path), "python-docx is not installed",
                              what_to_do="pip install python-docx") from error
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a damaged package
        raise TranscriptError(str(path), f"not a readable Word (.docx) file ({error})",
                              what_to_do="open it in Word and save it again as .docx") from error
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_paragraph_line(Paragraph(child, document)).split("\n"))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
    return lines
