"""Bytes of a notes file to text: BOMs, UTF-8, UTF-16, then GB18030 (GBK, GB2312), Big5 and
Windows-1252, told apart without a flag.

GBK and Big5 both use two-byte pairs in overlapping ranges, so either codec decodes most files
of the other; the wrong one yields kana, Greek, Cyrillic, bopomofo, box drawing and private-use
characters where the right one yields common Chinese characters and punctuation. The reading
with the fewest such misfits wins.
"""

from __future__ import annotations

import re

from icp_coach.notes_files.errors import NotesFileError

_LEGACY = ("gb18030", "cp950", "big5hkscs")
_MISFIT_RANGES = (
    (0x0370, 0x052F),  # Greek, Cyrillic
    (0x2460, 0x27BF),  # enclosed numbers, box drawing, shapes, dingbats
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x312F),  # bopomofo
    (0x3400, 0x4DBF),  # rare CJK (extension A)
    (0xE000, 0xF8FF),  # private use
    (0xFE30, 0xFE4F),  # vertical forms
)
_SAVE_AS_UTF8 = "save the file as UTF-8 and retry"


def _misfits(text: str) -> int:
    return sum(1 for char in text
               if any(low <= ord(char) <= high for low, high in _MISFIT_RANGES)
               or (ord(char) < 32 and char not in "\t\r\n\f"))


def looks_binary(text: str) -> bool:
    """Control characters (NUL, ...) beyond a stray one: bytes that are not text at all."""
    controls = sum(1 for char in text[:20000] if ord(char) < 32 and char not in "\t\r\n\f\x1b")
    return "\x00" in text or controls > max(2, len(text[:20000]) // 200)


def _chinese(text: str) -> int:
    return sum(1 for char in text if "\u4e00" <= char <= "\u9fff")


def decode_notes(raw: bytes, source: str) -> tuple[str, str]:
    """(text, the encoding it was read in: "utf-8" for the usual case)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise NotesFileError(source, "broken UTF-16 text", _SAVE_AS_UTF8) from error
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    _refuse_mixed(raw, source)
    return decode_legacy(raw, source)


def _refuse_mixed(raw: bytes, source: str) -> None:
    """Some lines UTF-8 with non-ASCII, others not: one reading would garble the other half."""
    first_bad, utf8_lines = 0, 0
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            first_bad = first_bad or number
            continue
        utf8_lines += any(byte > 0x7F for byte in line)
    if utf8_lines and first_bad:
        raise NotesFileError(f"{source}:{first_bad}",
                             "mixes encodings: some lines are UTF-8 and this one is not",
                             _SAVE_AS_UTF8)


def _single_byte_western(raw: bytes) -> bool:
    """Accented letters one byte each between ASCII ("Qu\xe9bec"): most runs of bytes above
    0x7F are one byte long. Chinese two-byte text has runs of two or more."""
    runs = [len(run) for run in re.findall(rb"[\x80-\xff]+", raw)]
    return bool(runs) and sum(1 for length in runs if length == 1) >= 0.6 * len(runs)


def decode_legacy(raw: bytes, source: str) -> tuple[str, str]:
    if _single_byte_western(raw):
        try:
            return raw.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            pass
    readings: list[tuple[int, int, int, str, str]] = []
    for order, codec in enumerate(_LEGACY):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _chinese(text):
            readings.append((_misfits(text), -_chinese(text), order, codec, text))
    if readings:
        *_, codec, text = min(readings)
        return text, {"gb18030": "GB18030/GBK", "cp950": "Big5"}.get(codec, "Big5-HKSCS")
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        raise NotesFileError(source, "is not UTF-8 text and no known encoding fits",
                             _SAVE_AS_UTF8) from error


def decode_with_charset(raw: bytes, charset: str | None) -> str:
    """Bytes labelled with a charset (an email part, an RTF code page): the label's superset
    (GB2312 mail is often GBK; Big5 often carries CP950 extras); unknown labels read as UTF-8."""
    name = (charset or "utf-8").strip().strip('"').lower()
    codec = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030",
             "big5": "cp950", "x-big5": "cp950", "ascii": "utf-8", "us-ascii": "utf-8",
             "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}.get(name, name)
    try:
        return raw.decode(codec)
    except LookupError:
        return raw.decode("utf-8", errors="replace")
    except UnicodeDecodeError:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode(codec, errors="replace")
