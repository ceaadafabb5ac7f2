"""An HTML page of notes (a Notion, Confluence or Google Docs export, an email's HTML part, an
Evernote note's ENML) as the text a person reads on it, in Markdown's plain conventions:

- headings become `# Heading`, list items `- item` / `1. item` (nested ones indented), table rows
  `| cell | cell |` (a row of header cells is followed by `|---|`), quoted blocks `> text`;
- scripts, styles, the page head, navigation and page footers are not the notes;
- an Evernote to-do box becomes `[ ]` / `[x]`; a Google Docs comment `Comment: text`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "section", "article", "main", "header", "pre", "dt", "dd", "table",
           "thead", "tbody", "tfoot", "figure", "figcaption", "address", "hr", "body", "html",
           "en-note", "center", "details", "summary", "caption"}
_SKIPPED = {"script", "style", "head", "title", "template", "noscript", "svg", "nav", "footer",
            "button", "select", "iframe", "object"}
# Page chrome of the common exports, by id or class: Confluence breadcrumbs and footer.
_CHROME = re.compile(r"\b(?:breadcrumb-section|breadcrumbs|footer|page-metadata|navigation)\b")
# Google Docs marks a comment "[a]" in the text (id cmnt_ref1) and writes it at the end, after a
# link back to that mark: the mark is dropped, the comment kept as `Comment: text`.
_COMMENT_REF = re.compile(r"^cmnt_ref\d+$")
_COMMENT_BODY = re.compile(r"^#cmnt_ref\d+$")
_VOID = {"br", "img", "hr", "input", "meta", "link", "en-todo", "en-media", "wbr", "col", "area"}


class _NotesCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._text = ""
        self._skipping = 0
        self._skip_stack: list[str] = []  # open tags, to close a skipped chrome element
        self._heading = 0
        self._lists: list[list[int]] = []  # per open list: [ordered, counter]
        self._item_open = False
        self._quote = 0
        self._pre = 0
        self._cells: list[str] | None = None
        self._cell: str | None = None
        self._header_row = False
        self._table_rows = 0

    # -- tags
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            if tag not in _VOID:
                self._skip_stack.append(tag)
            return
        marks = " ".join(value or "" for key, value in attrs if key in ("id", "class"))
        link = dict(attrs).get("href") or ""
        if tag == "a" and _COMMENT_BODY.match(link):  # Google Docs: a comment, at the page's end
            self._text += "Comment: "
        comment_mark = tag == "a" and (_COMMENT_BODY.match(link) or _COMMENT_REF.match(marks))
        if tag in _SKIPPED or comment_mark or (tag not in _VOID and _CHROME.search(marks)):
            self._skipping = 1
            self._skip_stack = [tag]
            return
        if tag == "br":
            if self._cell is not None:
                self._cell += " "
            else:
                self._flush()
        elif tag == "en-todo":
            checked = dict(attrs).get("checked") == "true"
            self._text += "[x] " if checked else "[ ] "
        elif tag in ("ul", "ol"):
            self._flush()
            self._lists.append([int(tag == "ol"), 0])
        elif tag == "li":
            self._flush()
            if self._lists:
                self._lists[-1][1] += 1
            self._item_open = True
        elif tag == "blockquote":
            self._flush()
            self._quote += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = int(tag[1])
        elif tag == "tr":
            self._flush()
            self._cells, self._header_row = [], True
        elif tag in ("td", "th"):
            self._end_cell()
            self._cell = ""
            self._header_row = self._header_row and tag == "th"
        elif tag == "pre":
            self._flush()
            self._pre += 1
        elif tag in _BLOCKS:
            if tag == "table":
                self._table_rows = 0
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            while self._skip_stack:
                if self._skip_stack.pop() == tag:
                    break
            if not self._skip_stack:
                self._skipping = 0
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag in ("ul", "ol"):
            self._flush()
            if self._lists:
                self._lists.pop()
        elif tag == "li":
            self._flush()
            self._item_open = False
        elif tag == "blockquote":
            self._flush()
            self._quote = max(0, self._quote - 1)
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = 0
        elif tag == "pre":
            self._flush()
            self._pre = max(0, self._pre - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._cell is not None:
            self._cell += data
        elif self._pre:
            for number, piece in enumerate(data.split("\n")):
                if number:
                    self._flush(keep_spaces=True)
                self._text += piece
        else:
            self._text += data

    # -- output
    def _prefix(self) -> str:
        prefix = "> " * self._quote
        if self._heading:
            return prefix + "#" * self._heading + " "
        if self._lists:
            indent = "  " * (len(self._lists) - 1)
            if self._item_open:
                self._item_open = False
                ordered, counter = self._lists[-1]
                return prefix + indent + (f"{counter}. " if ordered else "- ")
            return prefix + indent + "  "
        return prefix

    def _flush(self, keep_spaces: bool = False) -> None:
        text = self._text.rstrip() if keep_spaces else re.sub(r"\s+", " ", self._text).strip()
        self._text = ""
        if text:
            self.lines.append(self._prefix() + text)

    def _end_cell(self) -> None:
        if self._cell is not None and self._cells is not None:
            self._cells.append(re.sub(r"\s+", " ", self._cell).strip().replace("|", "/"))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        cells, self._cells = self._cells, None
        if not cells or not any(cells):
            return
        self.lines.append("> " * self._quote + "| " + " | ".join(cells) + " |")
        if self._header_row and self._table_rows == 0:
            self.lines.append("|" + "---|" * len(cells))
        self._table_rows += 1

    def close(self) -> None:
        super().close()
        if self._cells is not None:
            self._end_row()
        self._flush()


def _blank_lines_between_blocks(lines: list[str]) -> str:
    """One line per block; a blank line before a heading and a table, so sections stand apart."""
    out: list[str] = []
    for line in lines:
        starts_table = line.startswith("|") and out and not out[-1].startswith("|")
        if (line.lstrip("> ").startswith("#") or starts_table) and out and out[-1]:
            out.append("")
        out.append(line)
    return "\n".join(out).strip() + "\n" if out else ""


def html_to_text(html: str) -> str:
    """The readable text of an HTML page or fragment."""
    collector = _NotesCollector()
    collector.feed(html)
    collector.close()
    return _blank_lines_between_blocks(collector.lines)
