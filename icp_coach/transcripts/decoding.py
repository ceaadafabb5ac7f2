"""Bytes to text: BOMs, UTF-8, then the legacy encodings Chinese and Western tools still write.

A file that mixes encodings (some lines UTF-8, others not) is refused with the first bad line
rather than decoded into mojibake: the user re-saves it and loses nothing.
"""

from __future__ import annotations

from icp_coach.transcripts.errors import TranscriptError

_SAVE_AS_UTF8 = "save the file as UTF-8 (or pass --encoding) and retry"


def _line_of(raw: bytes, position: int) -> int:
    return raw[:position].count(b"\n") + 1


def _first_bad_line(raw: bytes) -> tuple[int, int, int]:
    """(first non-UTF-8 line, number of UTF-8 lines with non-ASCII, number of bad lines)."""
    first_bad = 0
    utf8_non_ascii = 0
    bad = 0
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
            first_bad = first_bad or number
            continue
        if any(byte > 0x7F for byte in line):
            utf8_non_ascii += 1
    return first_bad, utf8_non_ascii, bad


def decode_transcript(raw: bytes, source: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """The text of a transcript file and any warnings about how it was decoded."""
    if encoding:
        try:
            return raw.decode(encoding), []
        except LookupError as error:
            raise TranscriptError(source, f"unknown encoding {encoding!r}",
                                  what_to_do="use a name such as utf-8, gb18030 or cp1252") from error
        except UnicodeDecodeError as error:
            raise TranscriptError(source, f"not valid {encoding} (byte {error.start})",
                                  line=_line_of(raw, error.start), what_to_do=_SAVE_AS_UTF8) from error
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError as error:
            raise TranscriptError(source, "broken UTF-16 text", what_to_do=_SAVE_AS_UTF8) from error
    if b"\x00" in raw[:4096]:
        raise TranscriptError(source, "looks like a binary file, not a text transcript",
                              what_to_do="export the transcript as .txt, .vtt, .srt or .docx")
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        first_bad, utf8_lines, _ = _first_bad_line(raw)
        if utf8_lines:
            raise TranscriptError(
                source, "mixes encodings: some lines are UTF-8 and this one is not",
                line=first_bad or _line_of(raw, error.start), what_to_do=_SAVE_AS_UTF8) from error
    for legacy in ("gb18030", "big5", "cp1252"):
        try:
            text = raw.decode(legacy)
        except UnicodeDecodeError:
            continue
        if legacy == "cp1252" or any("\u4e00" <= char <= "\u9fff" for char in text):
            return text, [f"{source}: not UTF-8; read as {legacy.upper()}"]
    raise TranscriptError(source, "not UTF-8 text and no known encoding fits",
                          line=_first_bad_line(raw)[0] or None, what_to_do=_SAVE_AS_UTF8)
