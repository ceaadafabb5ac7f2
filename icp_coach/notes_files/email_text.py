"""An email (.eml) or a mailbox (.mbox) of notes as text: per message a short header (Subject,
From, Date), then its text/plain body (its text/html one only when there is no plain text),
transfer encodings (quoted-printable, base64) and charsets (UTF-8, GB2312/GBK, Big5, ...)
undone. Quoted replies are kept, marked `> ` as mail programs show them."""

from __future__ import annotations

import email
import mailbox
from email.header import decode_header
from email.message import Message
from pathlib import Path

from icp_coach.notes_files.html_text import html_to_text
from icp_coach.notes_files.plain_text import decode_with_charset

_HEADERS = ("Subject", "From", "Date")


def _header(message: Message, name: str) -> str:
    value = message.get(name)
    if value is None:
        return ""
    parts = []
    for chunk, charset in decode_header(str(value)):
        parts.append(decode_with_charset(chunk, charset) if isinstance(chunk, bytes) else chunk)
    return " ".join("".join(parts).split())


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return decode_with_charset(payload, part.get_content_charset()).replace("\r\n", "\n")


def _is_attachment(part: Message) -> bool:
    return (part.get("Content-Disposition") or "").strip().lower().startswith("attachment")


def _body(message: Message) -> str:
    plain: list[str] = []
    html: list[str] = []
    for part in message.walk():
        if part.is_multipart() or _is_attachment(part):
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            plain.append(_part_text(part))
        elif kind == "text/html":
            html.append(html_to_text(_part_text(part)))
    chosen = plain if any(text.strip() for text in plain) else html
    return "\n\n".join(text.strip() for text in chosen if text.strip())


def _quoted_marked(body: str) -> str:
    """`>` quotes as `> text` (one space), so a quoted line reads apart from the new ones."""
    lines = []
    for line in body.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(">"):
            depth = len(stripped) - len(stripped.lstrip("> "))
            marks = stripped[:depth].count(">")
            line = "> " * marks + stripped[depth:]
        lines.append(line.rstrip())
    return "\n".join(lines)


def message_to_text(message: Message) -> str:
    header = [f"{name}: {value}" for name in _HEADERS if (value := _header(message, name))]
    body = _quoted_marked(_body(message))
    return "\n".join(header) + ("\n\n" if header else "") + body.strip() + "\n"


def eml_to_text(raw: bytes) -> str:
    return message_to_text(email.message_from_bytes(raw))


def mbox_to_text(path: Path) -> str:
    box = mailbox.mbox(str(path), create=False)
    try:
        texts = [message_to_text(message) for message in box]
    finally:
        box.close()
    return "\n\n".join(text.strip() for text in texts if text.strip()) + "\n"
