"""A calendar invite (.ics): for each event its SUMMARY as a heading and its DESCRIPTION as text
(also a VTODO's or VJOURNAL's), with RFC 5545 line folding and the `\\n \\, \\; \\\\` escapes
undone. Folding splits at octets, so lines are unfolded before the bytes are decoded."""

from __future__ import annotations

import re

from icp_coach.notes_files.plain_text import decode_notes

_ESCAPE = re.compile(r"\\([nN,;\\:])")
_COMPONENTS = ("VEVENT", "VTODO", "VJOURNAL")


def _unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def ics_to_text(raw: bytes, source: str) -> str:
    unfolded = re.sub(rb"\r?\n[ \t]", b"", raw)
    text, _ = decode_notes(unfolded, source)
    pieces: list[str] = []
    summary, description, inside = "", "", False
    for line in text.splitlines():
        name, _, value = line.partition(":")
        prop = name.split(";", 1)[0].upper()
        if prop == "BEGIN" and value.strip().upper() in _COMPONENTS:
            summary, description, inside = "", "", True
        elif prop == "END" and value.strip().upper() in _COMPONENTS and inside:
            inside = False
            piece = (f"# {summary}\n\n" if summary else "") + description.strip()
            if piece.strip():
                pieces.append(piece.strip())
        elif inside and prop == "SUMMARY":
            summary = _unescape(value).strip()
        elif inside and prop == "DESCRIPTION":
            description = _unescape(value).replace("\r\n", "\n")
    return "\n\n".join(pieces) + "\n" if pieces else ""
