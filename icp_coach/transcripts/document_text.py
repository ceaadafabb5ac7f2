"""Transcripts kept in a document container: an RTF file saved from TextEdit or WordPad, an
email (.eml / .mbox) that carries the interview in its body, an Evernote export (.enex).

The container's text is what the notes reader gives a person (control words, MIME parts and
ENML undone; an email's quoted replies marked); that text is then read as a plain transcript,
so speaker labels, time stamps and interviewer detection behave exactly as in a .txt file.
"""

from __future__ import annotations

from pathlib import Path

from icp_coach.transcripts.errors import TranscriptError

DOCUMENTS = (".rtf", ".eml", ".mht", ".mbox", ".enex")


def document_container(raw: bytes, suffix: str) -> str | None:
    """'rtf', 'eml', 'mbox' or 'enex' when the file is one (by its first bytes, then its name)."""
    head = raw[:200].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if suffix in (".eml", ".mht"):
        return "eml"
    if suffix == ".mbox":
        return "mbox"
    if suffix == ".enex" or b"<en-export" in raw[:1000]:
        return "enex"
    return None


def document_text(raw: bytes, container: str, source: str) -> str:
    """The text a person reads in the document; TranscriptError when it cannot be read."""
    # the container readers (and the email package) load only for a document, not for every .txt
    from icp_coach.notes_files.email_text import eml_to_text, mbox_to_text
    from icp_coach.notes_files.enex_text import enex_to_text
    from icp_coach.notes_files.errors import NotesFileError
    from icp_coach.notes_files.plain_text import decode_notes
    from icp_coach.notes_files.rtf_text import rtf_to_text

    try:
        if container == "rtf":
            return rtf_to_text(raw, source)
        if container == "eml":
            return eml_to_text(raw)
        if container == "mbox":
            return mbox_to_text(raw)
        text, _ = decode_notes(raw, source)
        return enex_to_text(text, source)
    except NotesFileError as error:
        message = str(error).removeprefix(f"{source}: ")
        raise TranscriptError(source, message) from error


def is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENTS
