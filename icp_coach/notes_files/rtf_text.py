"""An RTF document of notes as plain text: paragraphs and line breaks, tabs, table cells as
`| cell |` rows, list bullets as `- `; `\\uN` Unicode characters (with their `\\ucN` fallbacks
skipped) and `\\'hh` code-page bytes, decoded with the font's charset or the document's
`\\ansicpgN` (936 GBK, 950 Big5, 1252 Western, ...). Font, colour and style tables, pictures,
objects, headers, footers and other `{\\*...}` destinations are not the text."""

from __future__ import annotations

import codecs
import re

from icp_coach.notes_files.errors import NotesFileError

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])"
                    rb"|[\r\n]+|([^\\{}\r\n]+)")
_SKIPPED = {b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header",
            b"footer", b"headerl", b"headerr", b"headerf", b"footerl", b"footerr", b"footerf",
            b"listtable", b"listoverridetable", b"rsidtbl", b"generator", b"xmlnstbl",
            b"themedata", b"colorschememapping", b"datastore", b"latentstyles", b"pgdsctbl",
            b"fldinst", b"filetbl", b"revtbl", b"nonshppict", b"shppict", b"bkmkstart",
            b"bkmkend", b"footnote", b"annotation", b"atnid", b"atnauthor", b"pntxta", b"pntxtb"}
_CHARSET_CODEPAGE = {0: "cp1252", 128: "cp932", 129: "cp949", 134: "gb18030", 136: "cp950",
                     161: "cp1253", 162: "cp1254", 177: "cp1255", 178: "cp1256", 186: "cp1257",
                     204: "cp1251", 222: "cp874", 238: "cp1250"}
_SYMBOLS = {b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"tab": "\t",
            b"cell": " | ", b"nestcell": " | ", b"row": "\n", b"emdash": "\u2014",
            b"endash": "\u2013", b"bullet": "\u2022", b"lquote": "\u2018", b"rquote": "\u2019",
            b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"emspace": " ", b"enspace": " "}
_RESAVE = "save it again from your editor as .rtf or .docx, or copy its text into a .txt file"


def _codepage(number: int) -> str:
    name = {936: "gb18030", 950: "cp950", 65001: "utf-8"}.get(number, f"cp{number}")
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"  # a code page Python does not know: Western is the RTF default
    return name


class _Group:
    __slots__ = ("skip", "uc", "font", "listtext")

    def __init__(self, skip: bool = False, uc: int = 1, font: int | None = None) -> None:
        self.skip, self.uc, self.font, self.listtext = skip, uc, font, False


class _RtfReader:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.pending = bytearray()
        self.codepage = "cp1252"
        self.fonts: dict[int, str] = {}
        self.font_number: int | None = None  # the font being declared in the font table
        self.in_fonttbl = 0
        self.skip_chars = 0  # \uN fallback characters still to skip
        self.stack = [_Group()]

    @property
    def group(self) -> _Group:
        return self.stack[-1]

    def _font_codepage(self) -> str:
        font = self.group.font
        return self.fonts.get(font, self.codepage) if font is not None else self.codepage

    def _flush_bytes(self) -> None:
        if self.pending:
            codepage = self._font_codepage()
            try:
                self.out.append(bytes(self.pending).decode(codepage, errors="replace"))
            except LookupError:
                self.out.append(bytes(self.pending).decode("cp1252", errors="replace"))
            self.pending.clear()

    def _emit(self, text: str) -> None:
        if not self.group.skip:
            self._flush_bytes()
            self.out.append(text)

    def _control(self, word: bytes, arg: int | None) -> None:
        group = self.group
        if word == b"fonttbl":
            self.in_fonttbl = len(self.stack)
        if self.in_fonttbl and len(self.stack) >= self.in_fonttbl:
            if word == b"f":
                self.font_number = arg
            elif word == b"fcharset" and self.font_number is not None and arg is not None:
                self.fonts[self.font_number] = _CHARSET_CODEPAGE.get(arg, self.codepage)
        if word in _SKIPPED:
            group.skip = True
        elif word == b"ansicpg" and arg:
            self.codepage = _codepage(arg)
        elif word == b"uc" and arg is not None:
            group.uc = arg
        elif word == b"f" and not self.in_fonttbl:
            self._flush_bytes()
            group.font = arg
        elif word == b"u" and arg is not None:
            code = arg + 65536 if arg < 0 else arg
            self._emit(chr(code) if 0 <= code < 0x110000 else "\ufffd")
            self.skip_chars = group.uc
        elif word in (b"listtext", b"pntext"):
            self._emit("- ")
            group.skip = True
        elif word in _SYMBOLS:
            self._emit(_SYMBOLS[word])

    def feed(self, raw: bytes) -> str:
        destination_next = False
        for match in _TOKEN.finditer(raw):
            word, arg, hexbyte, symbol, brace, text = match.groups()
            if self.skip_chars and (hexbyte or text or symbol):
                if text and len(text) > self.skip_chars:
                    text = text[self.skip_chars:]
                    self.skip_chars = 0
                else:
                    self.skip_chars -= 1 if (hexbyte or symbol) else len(text or b"")
                    self.skip_chars = max(0, self.skip_chars)
                    continue
            if brace == b"{":
                parent = self.group
                self.stack.append(_Group(parent.skip, parent.uc, parent.font))
            elif brace == b"}":
                if len(self.stack) > 1:
                    if self.in_fonttbl == len(self.stack):
                        self.in_fonttbl = 0
                    if self.group.skip:
                        self.pending.clear()
                    else:
                        self._flush_bytes()
                    self.stack.pop()
            elif word:
                if destination_next and not self.in_fonttbl:
                    self.group.skip = True
                destination_next = False
                self._control(word, int(arg) if arg else None)
            elif hexbyte:
                if not self.group.skip:
                    self.pending.append(int(hexbyte, 16))
            elif symbol:
                if symbol == b"*":
                    destination_next = True
                elif symbol in (b"\\", b"{", b"}"):
                    self._emit(symbol.decode())
                elif symbol == b"~":
                    self._emit("\u00a0")
                elif symbol == b"_":
                    self._emit("-")
                elif symbol in (b"\n", b"\r"):
                    self._emit("\n")
            elif text:
                if self.in_fonttbl:
                    continue
                self._emit(text.decode(self._font_codepage(), errors="replace"))
        self._flush_bytes()
        return "".join(self.out)


def _tidy(text: str) -> str:
    lines = []
    for line in text.replace("\u00a0", " ").splitlines():
        line = line.rstrip()
        if " | " in line and not line.startswith("|"):
            line = "| " + line.rstrip(" |") + " |"
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def rtf_to_text(raw: bytes, source: str) -> str:
    if not raw.lstrip().startswith(b"{\\rtf"):
        raise NotesFileError(source, "is named .rtf but is not an RTF document", _RESAVE)
    return _tidy(_RtfReader().feed(raw))
