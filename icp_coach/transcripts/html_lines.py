"""An HTML transcript (a page saved from a meeting tool, Google Docs or Notion "export as HTML") as
text lines, each with the line of the file it starts on.

Paragraphs, list items, headings, line breaks and table rows become lines; a heading becomes a
Markdown heading, a short all-bold paragraph (a speaker's name above the speech) becomes
`**Name**`, a table row of speaker and text (and a time) becomes `[time] Speaker: text`. Scripts,
styles and the page head are not speech. The lines are then read like a text transcript.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from icp_coach.transcripts.label_lines import TS, plausible_name

_BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
           "blockquote", "pre", "dt", "dd", "table", "ul", "ol", "body", "header", "footer", "main"}
_SKIPPED = {"script", "style", "head", "template", "noscript", "svg"}
_BOLD = {"b", "strong"}
_TIME_CELL = re.compile(rf"^\s*[\[(]?{TS}[\])]?\s*$")
_HEADER_CELL = re.compile(r"^(?:speaker|name|time|timestamp|text|transcript|发言人|说话人|时间|内容)$",
                          re.IGNORECASE)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._text = ""
        self._bold_text = ""
        self._start = 0
        self._skipping = 0
        self._bold = 0
        self._heading = 0
        self._cells: list[str] | None = None
        self._row_start = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "br":
            self.flush()
        elif tag in ("td", "th") and self._cells is not None:
            self._flush_cell()
        elif tag in _BLOCKS:
            self.flush()
            if tag == "tr":
                self._cells = []
            if re.fullmatch(r"h[1-6]", tag):
                self._heading = int(tag[1])
        if tag in _BOLD:
            self._bold += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in ("td", "th") and self._cells is not None:
            self._flush_cell()
        elif tag == "tr" and self._cells is not None:
            self._flush_row()
        elif tag in _BLOCKS:
            self.flush()
            self._heading = 0
        if tag in _BOLD:
            self._bold = max(0, self._bold - 1)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if not self._text.strip() and data.strip():
            self._start = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self._text += data
        if self._bold:
            self._bold_text += data

    def _take(self) -> str:
        text = re.sub(r"\s+", " ", self._text).strip()
        bold = re.sub(r"\s+", " ", self._bold_text).strip()
        self._text = self._bold_text = ""
        if text and bold == text and plausible_name(text) and len(text.split()) <= 4:
            return f"**{text}**"
        return text

    def flush(self) -> None:
        text = self._take()
        if not text:
            return
        if self._heading:
            text = f"{'#' * self._heading} {text.strip('*')}"
        self.lines.append((self._start, text))

    def _flush_cell(self) -> None:
        start = self._start
        text = self._take().strip("*")
        if self._cells is not None and text:
            if not self._cells:
                self._row_start = start
            self._cells.append(text)

    def _flush_row(self) -> None:
        self._flush_cell()
        cells, self._cells = self._cells or [], None
        if not cells or all(_HEADER_CELL.match(cell) for cell in cells):
            return
        times = [cell for cell in cells if _TIME_CELL.match(cell)]
        rest = [cell for cell in cells if not _TIME_CELL.match(cell)]
        if len(rest) == 2 and plausible_name(rest[0]):
            line = f"[{times[0].strip('[]()')}] " if times else ""
            self.lines.append((self._row_start, f"{line}{rest[0]}: {rest[1]}"))
        else:
            self.lines.append((self._row_start, " ".join(cells)))


def html_lines(text: str) -> list[tuple[int, str]]:
    """(source line, text) for every block of the page that holds text, in document order."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    collector.flush()
    return collector.lines
