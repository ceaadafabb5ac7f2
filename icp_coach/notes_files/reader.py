"""One entry point: a notes file, whatever container it came in, to the text a person reads.

The container is told by the file's first bytes first and its name second (a .txt that is
really HTML is read as HTML; a Word file renamed .zip is still a Word file). Files that are not
notes (PDF, .doc, Pages, images, archives) are refused with what to save them as.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from icp_coach.notes_files.docx_text import docx_to_text
from icp_coach.notes_files.email_text import eml_to_text, mbox_to_text
from icp_coach.notes_files.enex_text import enex_to_text
from icp_coach.notes_files.errors import NotesFileError
from icp_coach.notes_files.html_text import html_to_text
from icp_coach.notes_files.ics_text import ics_to_text
from icp_coach.notes_files.plain_text import decode_notes, looks_binary
from icp_coach.notes_files.refused import refuse_unreadable
from icp_coach.notes_files.rtf_text import rtf_to_text

MAX_BYTES = 50_000_000
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!doctype\s+html|<html\b|<head\b|<body\b)",
                         re.IGNORECASE)
_ENEX_START = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE\s+en-export\b[^>]*>\s*)?<en-export\b")
_EMAIL_HEADER = re.compile(r"^(?:(?:Received|Return-Path|Message-ID|MIME-Version|From|To|Cc|Subject|"
                           r"Date|Delivered-To|Content-[\w-]+|X-[\w-]+):[^\n]*\n(?:[ \t][^\n]*\n)*){3,}",
                           re.IGNORECASE)
# A raw message saved under another name is read as mail only when it is MIME (its body may be
# encoded); an email pasted into a .md or .txt, headers and all, is read as the text it is.
_MIME_HEADER = re.compile(r"^(?:MIME-Version|Content-Transfer-Encoding|Content-Type):", re.IGNORECASE | re.MULTILINE)
_MBOX_START = re.compile(rb"^From \S+ +\w{3} \w{3} [ \d]\d \d\d:\d\d")


@dataclass(frozen=True)
class NotesText:
    text: str
    container: str  # "text", "docx", "html", "enex", "eml", "mbox", "ics", "rtf"
    encoding: str = "utf-8"  # of a plain-text file; the legacy one it was read in, if any

    @property
    def note(self) -> str:
        """What a person may want to know about how the file was read ('' for UTF-8 text)."""
        if self.container == "text" and self.encoding not in ("utf-8", "utf-16"):
            return f"not UTF-8; read as {self.encoding}"
        return ""


def _container(raw: bytes, path: Path) -> str:
    suffix = path.suffix.lower()
    head = raw[:4096].lstrip(b"\xef\xbb\xbf").decode("latin-1")
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    if head.lstrip().startswith("{\\rtf"):
        return "rtf"
    if _ENEX_START.match(head) or suffix == ".enex":
        return "enex"
    if head.lstrip().upper().startswith("BEGIN:VCALENDAR") or suffix in (".ics", ".ical"):
        return "ics"
    if suffix == ".mbox" or _MBOX_START.match(raw[:200]):
        return "mbox"
    header = _EMAIL_HEADER.match(head.replace("\r\n", "\n"))
    if suffix in (".eml", ".mht") or (header and _MIME_HEADER.search(header.group(0))):
        return "eml"
    if suffix in (".html", ".htm", ".xhtml") or _HTML_START.match(head):
        return "html"
    return "text"


def notes_from_bytes(raw: bytes, path: Path) -> NotesText:
    """The text of notes given as bytes (read from `path`, whose name and suffix count)."""
    source = str(path)
    refuse_unreadable(raw, path)
    container = _container(raw, path)
    if container == "docx":
        return NotesText(docx_to_text(path), container)
    if container == "rtf":
        return NotesText(rtf_to_text(raw, source), container)
    if container == "ics":
        return NotesText(ics_to_text(raw, source), container)
    if container == "eml":
        return NotesText(eml_to_text(raw), container)
    if container == "mbox":
        return NotesText(mbox_to_text(raw), container)
    text, encoding = decode_notes(raw, source)
    if looks_binary(text):
        raise NotesFileError(source, "looks like a binary file, not notes",
                             "save the notes as .txt, .md, .docx, .html, .eml or .rtf and retry")
    if container == "enex":
        return NotesText(enex_to_text(text, source), container, encoding)
    if container == "html":
        return NotesText(html_to_text(text), container, encoding)
    return NotesText(text.lstrip("\ufeff"), container, encoding)


def read_notes_file(path: str | Path) -> NotesText:
    """The text of a notes file (see the module docstring); NotesFileError names what to do."""
    source = Path(path)
    if not source.exists():
        raise NotesFileError(str(source), "no such file", "check the path")
    if source.is_dir():
        raise NotesFileError(str(source), "is a folder, expected a notes file")
    if source.stat().st_size > MAX_BYTES:
        raise NotesFileError(str(source), f"is larger than {MAX_BYTES // 1_000_000} MB, too large "
                             "to be notes", "pass the notes themselves as a smaller file")
    return notes_from_bytes(source.read_bytes(), source)
