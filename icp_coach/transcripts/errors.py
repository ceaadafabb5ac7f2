"""The one error a transcript reader raises: it names the file, the line and what to do."""

from __future__ import annotations

EXPORT_AS = ("export the transcript as .txt, .md, .vtt, .srt, .sbv, .ass, .ttml, .csv, .xlsx, .json, .html, .docx, "
             ".rtf or .eml")


class TranscriptError(Exception):
    """A transcript cannot be read as given (exit code 1). Nothing is written or dropped."""

    def __init__(self, source: str, message: str, *, line: int | None = None,
                 what_to_do: str = "") -> None:
        where = f"{source}:{line}" if line is not None else source
        text = f"{where}: {message}"
        if what_to_do:
            text += f"; {what_to_do}"
        super().__init__(text)
        self.source = source
        self.line = line
