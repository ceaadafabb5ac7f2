"""Chat apps' JSON exports as transcript segments: who wrote each message, and its text.

- Slack (a channel's day file): a list of messages with `user` ids; the name is the
  `user_profile.real_name` of any message from that id (a guest's profile is not on every one);
  joins, leaves, topic changes and other `subtype` notices are no speech; `<@U123>` mentions read
  as the person's name.
- Discord (DiscordChatExporter): `{"messages": [{"author": {"nickname", "name"}, "content"}]}`.
- Telegram Desktop (`result.json`): `{"messages": [{"type": "message", "from", "text"}]}`, the
  text a string or, where part of it is formatted, a list of strings and `{"text"}` pieces;
  `service` entries (calls, pins) are no speech.
- Facebook Messenger / Instagram (`message_1.json`): `sender_name`, `content`, `timestamp_ms`,
  newest first (put back in order), the text in UTF-8 read as Latin-1 (put right);
- Google Chat (Takeout): `{"messages": [{"creator": {"name"}, "text", "created_date"}]}`;
- any other list of messages whose writer is an object with a name (`author`, `sender`, `from`,
  `user`).

Each becomes `{"speaker", "text", "start"}`, the shape `json_transcript` reads.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

_WRITER_KEYS = ("from", "author", "sender", "sender_name", "creator", "user", "username", "user_name")
_NAME_KEYS = ("nickname", "display_name", "displayName", "real_name", "realName", "global_name",
              "name", "username")
_BODY_KEYS = ("text", "content", "body", "message")
_TIME_KEYS = ("date", "timestamp", "timestamp_ms", "ts", "time", "created_at", "createdAt", "created_date")
_SPEECH_SUBTYPES = ("", "thread_broadcast", "file_share", "me_message")
_SPEECH_TYPES = ("", "message", "default", "reply", "text")
_MENTION = re.compile(r"<@(?P<id>[A-Z0-9]+)(?:\|[^>]*)?>")


def _body(value: Any) -> str | None:
    """A message's text: a string, or Telegram's list of strings and formatted pieces."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(p, (str, dict)) for p in value):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in value)
    return None


def _mended(text: str) -> str:
    """Messenger writes UTF-8 bytes as Latin-1 characters ("donâ\x80\x99t"): read them back."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _in_order(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Oldest first: Messenger lists the newest message first."""
    stamps = [m.get("timestamp_ms") for m in messages]
    numbers = [t for t in stamps if isinstance(t, (int, float))]
    if len(numbers) == len(stamps) > 1 and numbers[0] > numbers[-1]:
        return list(reversed(messages))
    return messages


def _field(message: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((message[key] for key in keys if key in message and message[key] not in (None, "")), None)


def _writer_name(writer: Any) -> str | None:
    if isinstance(writer, dict):
        name = _field(writer, _NAME_KEYS)
        return str(name).strip() if isinstance(name, (str, int)) and str(name).strip() else None
    if isinstance(writer, str) and writer.strip():
        return writer.strip()
    return None


def _slack_names(messages: list[dict[str, Any]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for message in messages:
        profile = message.get("user_profile")
        user = message.get("user")
        if isinstance(user, str) and isinstance(profile, dict):
            name = _field(profile, ("real_name", "display_name", "name"))
            if isinstance(name, str) and name.strip():
                names.setdefault(user, name.strip())
    return names


def _clock(value: Any) -> str | None:
    """The time of day a message was sent: from an ISO date ("2026-03-12T10:02:00") or Slack's
    epoch seconds ("1773309720.000100")."""
    if isinstance(value, str):
        found = re.search(r"\d{1,2}:\d{2}:\d{2}", value)
        if found:
            return found.group(0)
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    seconds = seconds / 1000 if seconds > 1e11 else seconds  # Messenger's milliseconds
    return datetime.fromtimestamp(seconds, UTC).strftime("%H:%M:%S") if seconds > 1e8 else None


def _is_speech(message: dict[str, Any]) -> bool:
    kind = str(message.get("type") or "").lower()
    return kind in _SPEECH_TYPES and str(message.get("subtype") or "") in _SPEECH_SUBTYPES


def _messages(document: Any) -> list[dict[str, Any]] | None:
    """The message list of a chat export: Slack's top-level list, or `messages` inside it."""
    found = document.get("messages") if isinstance(document, dict) else document
    if not isinstance(found, list) or not found or not all(isinstance(m, dict) for m in found):
        return None
    written = [m for m in found if _field(m, _WRITER_KEYS) is not None and _body(_field(m, _BODY_KEYS)) is not None]
    return found if len(written) >= max(2, len(found) // 2) else None


def chat_segments(document: Any) -> list[dict[str, Any]] | None:
    """The segments of a chat export, or None when `document` is none."""
    messages = _messages(document)
    if messages is None:
        return None
    names = _slack_names(messages)
    segments: list[dict[str, Any]] = []
    for message in _in_order(messages):
        if not _is_speech(message):
            continue
        writer = _field(message, _WRITER_KEYS)
        speaker = names.get(writer, writer) if isinstance(writer, str) else _writer_name(writer)
        text = _body(_field(message, _BODY_KEYS))
        if not speaker or not text or not text.strip():
            continue
        text = _MENTION.sub(lambda m: "@" + names.get(m.group("id"), m.group("id")), _mended(text))
        speaker = _mended(str(speaker))
        segments.append({"speaker": str(speaker), "text": text, "start": _clock(_field(message, _TIME_KEYS))})
    return segments or None
