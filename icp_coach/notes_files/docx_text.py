"""A Word (.docx) document of notes as the text a person reads once the changes are accepted:

- paragraphs in order; a heading style becomes `# Heading`, a list paragraph `- item`;
- tables become `| cell | cell |` rows (the first row is taken as the header);
- tracked deletions (and moved-away text) are dropped, tracked insertions kept;
- a comment is kept on its own line after the paragraph it is anchored to, marked
  `Comment (author): text`.

The package is read with zipfile and the XML with the transcript readers' safe expat parser
(no DOCTYPE, no entities); python-docx is not used because it drops inserted text.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from icp_coach.notes_files.errors import NotesFileError
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.safe_xml import Node, parse_xml

_RESAVE = "open it in Word and save it again as .docx, or copy its text into a .txt file"
_DROPPED = {"del", "moveFrom", "delText", "instrText", "delInstrText", "rPr", "pPr", "tblPr",
            "trPr", "tcPr", "sectPr", "footnoteReference", "endnoteReference", "fldChar",
            "Fallback"}  # a text box's VML copy beside its DrawingML one (mc:AlternateContent)
_MAX_PART = 50_000_000  # bytes: a document.xml bigger than this is no notes file


def _part(package: zipfile.ZipFile, name: str, source: str) -> Node | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise NotesFileError(source, f"its {name} is too large to be notes", _RESAVE)
    text = package.read(info).decode("utf-8", errors="replace")
    try:
        return parse_xml(text, f"{source}:{name}")
    except TranscriptError as error:
        raise NotesFileError(source, f"is not a readable Word document ({error})", _RESAVE) from error


def _children(node: Node) -> list[Node]:
    return [child for child in node.children if isinstance(child, Node)]


def _run_text(node: Node) -> str:
    """The visible text under a run or any inline container (insertions, links, fields)."""
    if node.name in _DROPPED:
        return ""
    if node.name == "t":
        return "".join(piece[1] for piece in node.children if isinstance(piece, tuple))
    if node.name == "tab":
        return "\t"
    if node.name in ("br", "cr"):
        return "\n"
    if node.name == "noBreakHyphen":
        return "-"
    return "".join(_run_text(child) for child in _children(node))


def _comment_ids(node: Node) -> list[str]:
    found = []
    for child in _children(node):
        if child.name in _DROPPED:
            continue
        if child.name == "commentReference":
            found.append(child.attrs.get("id", ""))
        else:
            found.extend(_comment_ids(child))
    return found


class _DocxReader:
    def __init__(self, styles: dict[str, str], comments: dict[str, tuple[str, str]]) -> None:
        self.styles = styles
        self.comments = comments
        self.lines: list[str] = []
        self._pending_comments: list[str] = []  # comments in a table's cells, after the table

    def _paragraph(self, node: Node) -> str:
        text = "".join(_run_text(child) for child in _children(node) if child.name != "pPr")
        text = text.strip()
        if not text:
            return ""
        props = next((c for c in _children(node) if c.name == "pPr"), None)
        style_id, listed = "", False
        if props is not None:
            for child in _children(props):
                if child.name == "pStyle":
                    style_id = child.attrs.get("val", "")
                elif child.name == "numPr":
                    listed = True
        style = self.styles.get(style_id, style_id).lower()
        level = re.match(r"^(?:heading|标题)\s*(\d)", style)
        if level or style == "title":
            return "#" * (int(level.group(1)) if level else 1) + " " + text
        if listed or style.startswith("list"):
            return "- " + text
        return text

    def _comment_lines(self, node: Node) -> list[str]:
        lines = []
        for comment_id in _comment_ids(node):
            author, text = self.comments.get(comment_id, ("", ""))
            if text:
                lines.append(f"Comment ({author}): {text}" if author else f"Comment: {text}")
        return lines

    def _table(self, node: Node) -> None:
        rows = [row for row in _children(node) if row.name == "tr"]
        written = 0
        for row in rows:
            cells = []
            for cell in _children(row):
                if cell.name == "sdt":
                    cell = next((c for c in _children(cell) if c.name == "sdtContent"), cell)
                    cell = next((c for c in _children(cell) if c.name == "tc"), cell)
                if cell.name != "tc":
                    continue
                inner = _DocxReader(self.styles, self.comments)
                inner.block(cell)
                cells.append(" ".join(line.lstrip("#- ").strip() for line in inner.lines
                                      if not line.startswith("Comment")).replace("|", "/"))
                self._pending_comments.extend(
                    line for line in inner.lines if line.startswith("Comment"))
            if not any(cells):
                continue
            if not written and self.lines and self.lines[-1]:
                self.lines.append("")
            self.lines.append("| " + " | ".join(cells) + " |")
            written += 1
            if written == 1 and len(rows) > 1:
                self.lines.append("|" + "---|" * len(cells))
        self.lines.extend(self._pending_comments)
        self._pending_comments = []

    def block(self, node: Node) -> None:
        """Paragraphs and tables of the body, a table cell, or a content control."""
        for child in _children(node):
            if child.name == "p":
                line = self._paragraph(child)
                if line.startswith("#") and self.lines and self.lines[-1]:
                    self.lines.append("")
                if line:
                    self.lines.extend(line.split("\n"))
                self.lines.extend(self._comment_lines(child))
            elif child.name == "tbl":
                self._table(child)
            elif child.name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
                self.block(child)


def _style_names(package: zipfile.ZipFile, source: str) -> dict[str, str]:
    root = _part(package, "word/styles.xml", source)
    names: dict[str, str] = {}
    for style in _children(root) if root is not None else []:
        name = next((c.attrs.get("val", "") for c in _children(style) if c.name == "name"), "")
        if style.name == "style" and name:
            names[style.attrs.get("styleId", "")] = name
    return names


def _comments(package: zipfile.ZipFile, source: str) -> dict[str, tuple[str, str]]:
    root = _part(package, "word/comments.xml", source)
    found: dict[str, tuple[str, str]] = {}
    for comment in _children(root) if root is not None else []:
        if comment.name != "comment":
            continue
        text = " ".join(_run_text(p).strip() for p in _children(comment) if p.name == "p").strip()
        found[comment.attrs.get("id", "")] = (comment.attrs.get("author", ""), text)
    return found


def docx_to_text(path: Path) -> str:
    source = str(path)
    try:
        with zipfile.ZipFile(path) as package:
            document = _part(package, "word/document.xml", source)
            if document is None:
                raise NotesFileError(source, "is a ZIP package without a Word document inside", _RESAVE)
            reader = _DocxReader(_style_names(package, source), _comments(package, source))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError) as error:  # a damaged, encrypted or oddly compressed package
        raise NotesFileError(source, "is not a readable Word (.docx) file (damaged or "
                             "password-protected package)", _RESAVE) from error
    body = next((child for child in _children(document) if child.name == "body"), None)
    if body is not None:
        reader.block(body)
    return "\n".join(reader.lines).strip() + "\n"
