"""A calendar invite (.ics): for each event (or to-do, or journal entry) its SUMMARY as a
heading, its location and attendees as the short header a calendar shows, and its DESCRIPTION
as text, with RFC 5545 line folding and the `\\n \\, \\; \\\\` escapes undone. Folding splits at
octets, so lines are unfolded before the bytes are decoded. An alarm's own description (the
reminder text) and the time-zone blocks are not the notes."""

from __future__ import annotations

import re

from icp_coach.notes_files.plain_text import decode_notes

_ESCAPE = re.compile(r"\\([nN,;\\:])")
_COMPONENTS = ("VEVENT", "VTODO", "VJOURNAL")
_COMMON_NAME = re.compile(r";CN=(?:\"([^\"]*)\"|([^;:]*))", re.IGNORECASE)


def _unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


class _Entry:
    def __init__(self) -> None:
        self.summary = ""
        self.location = ""
        self.attendees: list[str] = []
        self.description: list[str] = []

    def text(self) -> str:
        header = [f"Location: {self.location}"] if self.location else []
        if self.attendees:
            header.append("Attendees: " + ", ".join(self.attendees))
        parts = [f"# {self.summary}"] if self.summary else []
        parts += ["\n".join(header)] if header else []
        parts += [text.strip() for text in self.description if text.strip()]
        return "\n\n".join(parts)


def _attendee(name: str, value: str) -> str:
    match = _COMMON_NAME.search(name)
    common = (match.group(1) or match.group(2) or "").strip() if match else ""
    address = re.sub(r"^mailto:", "", value.strip(), flags=re.IGNORECASE)
    return common or address


def ics_to_text(raw: bytes, source: str) -> str:
    unfolded = re.sub(rb"\r?\n[ \t]", b"", raw)
    text, _ = decode_notes(unfolded, source)
    entries: list[_Entry] = []
    components: list[str] = []
    entry: _Entry | None = None
    for line in text.splitlines():
        name, _, value = line.partition(":")
        prop = name.split(";", 1)[0].upper()
        if prop == "BEGIN":
            components.append(value.strip().upper())
            if components[-1] in _COMPONENTS:
                entry = _Entry()
            continue
        if prop == "END":
            ended = components.pop() if components else ""
            if ended in _COMPONENTS and entry is not None:
                entries.append(entry)
                entry = None
            continue
        if entry is None or not components or components[-1] not in _COMPONENTS:
            continue  # an alarm's reminder text, a time zone, the calendar's own name
        if prop == "SUMMARY":
            entry.summary = _unescape(value).strip()
        elif prop == "LOCATION":
            entry.location = _unescape(value).strip()
        elif prop == "ATTENDEE":
            entry.attendees.append(_attendee(name, value))
        elif prop in ("DESCRIPTION", "COMMENT"):
            entry.description.append(_unescape(value).replace("\r\n", "\n"))
    pieces = [piece for piece in (entry.text() for entry in entries) if piece.strip()]
    return "\n\n".join(pieces) + "\n" if pieces else ""
