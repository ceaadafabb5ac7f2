"""Bytes to text: BOMs, UTF-8, then the legacy encodings Chinese and Western tools still write
(Windows-1252, GB18030 / GBK, Big5: told apart as the notes reader tells them, so a Big5 or an
accented Western file is not read as GBK mojibake).

A file that mixes encodings (some lines UTF-8, others not) is refused with the first bad line
rather than decoded into mojibake: the user re-saves it and loses nothing.
"""

from __future__ import annotations

from icp_coach.transcripts.errors import EXPORT_AS, TranscriptError

_SAVE_AS_UTF8 = "save the file as UTF-8 (or pass --encoding) and retry"
# What a binary file is, by its first bytes, so the error can say what to do with it.
_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP package: an Excel, PowerPoint or zipped file?",
     "save a spreadsheet as .csv, a document as .docx or .txt"),
    (b"\xd0\xcf\x11\xe0", "an old Office file: .doc or .xls", "save it as .docx, .csv or .txt"),
    (b"%PDF-", "a PDF document", "copy its text into a .txt file, or export the transcript again"),
    (b"ID3", "audio: MP3", "transcribe it first, then pass the transcript"),
    (b"RIFF", "audio or video: WAV/AVI", "transcribe it first, then pass the transcript"),
    (b"OggS", "audio: Ogg", "transcribe it first, then pass the transcript"),
    (b"fLaC", "audio: FLAC", "transcribe it first, then pass the transcript"),
    (b"\x1aE\xdf\xa3", "video: WebM/MKV", "transcribe it first, then pass the transcript"),
    (b"\x89PNG", "an image: PNG", "pass the transcript, not a screenshot"),
    (b"\xff\xd8\xff", "an image: JPEG", "pass the transcript, not a screenshot"),
)


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


def _refuse_binary(raw: bytes, source: str) -> None:
    """A specific error for a file that is not text at all (a PDF is refused once decoded)."""
    head = raw[:4096]
    if not any(byte < 9 or 13 < byte < 32 and byte != 27 for byte in head):
        return
    for signature, what, what_to_do in _SIGNATURES:
        if raw.startswith(signature):
            raise TranscriptError(source, f"is a binary file ({what}), not a text transcript",
                                  what_to_do=what_to_do)
    if raw[4:8] == b"ftyp":
        raise TranscriptError(source, "is a binary file (audio or video: MP4/M4A/MOV), not a text transcript",
                              what_to_do="transcribe it first, then pass the transcript")
    if b"\x00" in head:
        raise TranscriptError(source, "looks like a binary file, not a text transcript", what_to_do=EXPORT_AS)


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
    _refuse_binary(raw, source)
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        first_bad, utf8_lines, _ = _first_bad_line(raw)
        if utf8_lines:
            raise TranscriptError(
                source, "mixes encodings: some lines are UTF-8 and this one is not",
                line=first_bad or _line_of(raw, error.start), what_to_do=_SAVE_AS_UTF8) from error
    from icp_coach.notes_files.errors import NotesFileError  # a legacy file only: load it then
    from icp_coach.notes_files.plain_text import decode_legacy

    try:  # the notes reader's choice: Western single-byte, else the Chinese codec with fewest misfits
        text, legacy = decode_legacy(raw, source)
    except NotesFileError as error:
        raise TranscriptError(source, "not UTF-8 text and no known encoding fits",
                              line=_first_bad_line(raw)[0] or None, what_to_do=_SAVE_AS_UTF8) from error
    return text, [f"{source}: not UTF-8; read as {legacy}"]
