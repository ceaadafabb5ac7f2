"""An Evernote export (.enex): one or more notes, each its title as a heading and its ENML body
(XHTML inside CDATA) as readable text.

The export's DOCTYPE names Evernote's public DTD and declares nothing; it is dropped before the
XML is read with the transcript readers' safe parser, which refuses any DOCTYPE or entity.
"""

from __future__ import annotations

import re

from icp_coach.notes_files.errors import NotesFileError
from icp_coach.notes_files.html_text import html_to_text
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.safe_xml import Node, parse_xml

# A DOCTYPE naming an external DTD, with no internal subset ([...]) that could declare entities.
_EXTERNAL_DOCTYPE = re.compile(r"<!DOCTYPE\s+[\w:.-]+\s+(?:SYSTEM|PUBLIC)(?:\s+\"[^\"]*\"){1,2}\s*>")
_RE_EXPORT = "export the notebook from Evernote again (File > Export Notes > .enex)"


def _text(node: Node) -> str:
    parts: list[str] = []
    for child in node.children:
        parts.append(_text(child) if isinstance(child, Node) else child[1])
    return "".join(parts)


def enex_to_text(text: str, source: str) -> str:
    try:
        root = parse_xml(_EXTERNAL_DOCTYPE.sub("", text, count=1), source)
    except TranscriptError as error:
        raise NotesFileError(source, f"is not a readable Evernote export ({error})",
                             _RE_EXPORT) from error
    notes = [child for child in root.children if isinstance(child, Node) and child.name == "note"]
    if root.name != "en-export" and root.name != "note":
        raise NotesFileError(source, "is XML but not an Evernote export", _RE_EXPORT)
    if root.name == "note":
        notes = [root]
    pieces = []
    for note in notes:
        fields = {child.name: child for child in note.children if isinstance(child, Node)}
        title = _text(fields["title"]).strip() if "title" in fields else ""
        body = _text(fields["content"]) if "content" in fields else ""
        body = html_to_text(_EXTERNAL_DOCTYPE.sub("", re.sub(r"^\s*<\?xml[^>]*\?>", "", body)))
        pieces.append((f"# {title}\n\n" if title else "") + body.strip())
    return "\n\n".join(piece for piece in pieces if piece.strip()) + "\n"
