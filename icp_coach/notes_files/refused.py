"""Files that are not notes icp-coach can read (PDF, old Word, Pages, images, archives), told
apart by their first bytes or their name, so the error says what to save the file as."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from icp_coach.notes_files.errors import READABLE, NotesFileError

_AS_TEXT = "copy its text into a .txt file, or save it as .docx, and retry"
_IMAGE = ("an image, not notes; type the notes into a .txt file (or paste the text a phone's "
          "text recognition reads from the photo) and retry")
_SIGNATURES = (
    (b"%PDF-", "a PDF document, which icp-coach does not read", _AS_TEXT),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc, .xls or Outlook .msg), which icp-coach does not read",
     "in Word use File > Save As > Word Document (.docx); save an Outlook message as .eml"),
    (b"\x89PNG", "a PNG image", _IMAGE),
    (b"\xff\xd8\xff", "a JPEG image", _IMAGE),
    (b"GIF8", "a GIF image", _IMAGE),
    (b"II*\x00", "a TIFF image", _IMAGE),
    (b"MM\x00*", "a TIFF image", _IMAGE),
    (b"BM", "a BMP image", _IMAGE),
    (b"Rar!", "a RAR archive", "extract it and pass the notes file inside"),
    (b"7z\xbc\xaf", "a 7-Zip archive", "extract it and pass the notes file inside"),
    (b"\x1f\x8b", "a gzip archive", "extract it and pass the notes file inside"),
)
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".heic", ".heif", ".webp", ".tif", ".tiff", ".bmp"}
_ZIPPED = {  # a part name inside the package -> what the package is, what to do
    "index.xml": ("an Apple Pages document", "in Pages use File > Export To > Word (.docx) or Plain Text"),
    "Index/Document.iwa": ("an Apple Pages, Numbers or Keynote document",
                           "in Pages use File > Export To > Word (.docx) or Plain Text"),
    "xl/workbook.xml": ("an Excel workbook", "save the sheet as .csv and use `icp-coach customers`, "
                        "or copy the notes into a .txt file"),
    "ppt/presentation.xml": ("a PowerPoint deck", "export the slides' text (File > Export > Outline/RTF) "
                             "or copy it into a .txt file"),
    "content.xml": ("an OpenDocument file (.odt)", "save it as Word (.docx) or plain text"),
}


def refuse_unreadable(raw: bytes, path: Path) -> None:
    """Raise a specific NotesFileError for a file that is no notes format icp-coach reads."""
    source = str(path)
    suffix = path.suffix.lower()
    for signature, what, what_to_do in _SIGNATURES:
        if raw.startswith(signature) and (signature != b"BM" or suffix == ".bmp"):
            raise NotesFileError(source, f"is {what}", what_to_do)
    if raw[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1") or suffix in (".heic", ".heif"):
        raise NotesFileError(source, "is a HEIC photo", _IMAGE)
    if raw.startswith(b"RIFF") and raw[8:12] == b"WEBP":
        raise NotesFileError(source, "is a WebP image", _IMAGE)
    if suffix in _IMAGE_SUFFIXES:
        raise NotesFileError(source, f"is an image ({suffix})", _IMAGE)
    if suffix == ".pdf":
        raise NotesFileError(source, "is a PDF document, which icp-coach does not read", _AS_TEXT)
    if suffix == ".doc":
        raise NotesFileError(source, "is an old Word document (.doc), which icp-coach does not read",
                             "in Word use File > Save As > Word Document (.docx)")
    if raw.startswith(b"PK\x03\x04") or suffix in (".zip", ".pages"):
        _refuse_package(path, source, suffix)


def _refuse_package(path: Path, source: str, suffix: str) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError):
        names = set()
    if "word/document.xml" in names:
        return  # a Word document, whatever its name
    for part, (what, what_to_do) in _ZIPPED.items():
        if part in names or (suffix == ".pages" and part == "index.xml"):
            raise NotesFileError(source, f"is {what}, which icp-coach does not read", what_to_do)
    raise NotesFileError(source, "is a ZIP archive, not a notes file",
                         f"unzip it and pass the notes file inside ({READABLE})")
