"""The one error a notes reader raises: it names the file and says what to save it as."""

from __future__ import annotations

READABLE = ".txt, .md, .docx, .html, .enex, .eml, .mbox, .ics or .rtf"


class NotesFileError(Exception):
    """A notes file cannot be read as given (exit code 1). Nothing is extracted from it."""

    def __init__(self, source: str, message: str, what_to_do: str = "") -> None:
        text = f"{source}: {message}"
        if what_to_do:
            text += f"; {what_to_do}"
        super().__init__(text)
        self.source = source
