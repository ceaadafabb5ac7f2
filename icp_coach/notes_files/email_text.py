"""An email (.eml) or a mailbox (.mbox) of notes as text: per message a short header (Subject,
From, Date), then its text/plain body (its text/html one only when there is no plain text),
transfer encodings (quoted-printable, base64) and charsets (UTF-8, GB2312/GBK, Big5, ...)
undone. Quoted replies are kept, marked `> ` as mail programs show them."""

from __future__ import annotations

import email
import re
from email.errors import HeaderParseError
from email.header import decode_header
from email.message import Message

from icp_coach.notes_files.html_text import html_to_text
from icp_coach.notes_files.plain_text import decode_with_charset

_HEADERS = ("Subject", "From", "Date")


def _header(message: Message, name: str) -> str:
    value = message.get(name)
    if value is None:
        return ""
    parts = []
    try:
        chunks = decode_header(str(value))
    except (HeaderParseError, ValueError):  # a broken encoded word: show it as written
        chunks = [(str(value), None)]
    for chunk, charset in chunks:
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


_ATTRIBUTION = (  # "On <date>, <who> wrote:" as mail programs write it above a quote
    re.compile(r"^On (?P<date>.*(?:\d{4}|\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?))[,\s]+(?P<who>.+?)\s+wrote:$"),
    re.compile(r"^在\s*(?P<date>.+?)[，,]\s*(?P<who>.+?)\s*写道[:：]$"),
    re.compile(r"^(?P<who>.+?)\s*于\s*(?P<date>.+?)\s*写道[:：]$"),
    re.compile(r"^(?P<who>.+?)\s*於\s*(?P<date>.+?)\s*寫道[:：]$"),
)
_FORWARDED = re.compile(r"^-{2,}\s*(?:original message|forwarded message|原始邮件|原始郵件|转发的邮件)\s*-{2,}$",
                        re.IGNORECASE)
QUOTE_MARK = "Quoted earlier message:"


def _attribution(line: str, depth: int = 0) -> list[str] | None:
    """The marked lines for an attribution line (quoted `depth` levels itself), None when the
    line is none."""
    outer, inner = "> " * depth, "> " * (depth + 1)
    for pattern in _ATTRIBUTION:
        match = pattern.match(line.strip())
        if match:
            return [outer + QUOTE_MARK, f"{inner}From: {match['who'].strip()}",
                    f"{inner}Date: {match['date'].strip()}"]
    return None


def _depth(line: str) -> tuple[int, str]:
    """How many `>` quote levels a line has, and its text without them."""
    rest = line.strip()
    depth = 0
    while rest.startswith(">"):
        depth += 1
        rest = rest[1:].lstrip()
    return depth, rest


def _quoted_marked(body: str) -> str:
    """Quoted replies kept, marked: `> text` (one `> ` per level), and the "On ..., X wrote:"
    line above them (or an "Original Message" separator) turned into a `Quoted earlier
    message:` line with the quote's From and Date, so the attribution reads as who wrote it,
    not as a note about the customers."""
    source = body.splitlines()
    lines: list[str] = []
    forwarded = False
    skipped: set[int] = set()
    for number, line in enumerate(source):
        if number in skipped:
            continue
        stripped = line.strip()
        if forwarded:
            lines.append(f"> {stripped}" if stripped and not stripped.startswith(">") else stripped)
            continue
        if _FORWARDED.match(stripped):
            lines.append(QUOTE_MARK)
            forwarded = True
            continue
        depth, rest = _depth(stripped)
        following = _depth(source[number + 1])[1] if number + 1 < len(source) else ""
        marked = _attribution(rest, max(0, depth - 1))
        if marked is None and rest.startswith("On ") and following.endswith("wrote:"):
            marked = _attribution(f"{rest} {following}", max(0, depth - 1))  # wrapped in two
            if marked is not None:
                skipped.add(number + 1)
        if marked is not None:
            lines.extend(marked)
            continue
        lines.append("> " * depth + rest if depth else line.rstrip())
    return "\n".join(lines)


def message_to_text(message: Message) -> str:
    header = [f"{name}: {value}" for name in _HEADERS if (value := _header(message, name))]
    body = _quoted_marked(_body(message))
    return "\n".join(header) + ("\n\n" if header else "") + body.strip() + "\n"


def eml_to_text(raw: bytes) -> str:
    return message_to_text(email.message_from_bytes(raw))


# A message starts at a `From ` line at the top of the mailbox or after a blank line.
_FROM_LINE = re.compile(rb"(?:\A|(?<=\n\n)|(?<=\n\r\n))From [^\n]*\n")
_ESCAPED_FROM = re.compile(rb"(?m)^>(>*From )")


def mbox_to_text(raw: bytes) -> str:
    """Every message of a mailbox: split at its `From ` lines (mboxrd `>From ` unescaped)."""
    starts = [match.start() for match in _FROM_LINE.finditer(raw)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    chunks = [raw[start:end] for start, end in zip(starts, [*starts[1:], len(raw)], strict=True)]
    texts = []
    for chunk in chunks:
        body = _FROM_LINE.sub(b"", chunk, count=1) if chunk.startswith(b"From ") else chunk
        texts.append(eml_to_text(_ESCAPED_FROM.sub(rb"\1", body)))
    return "\n\n".join(text.strip() for text in texts if text.strip()) + "\n"
