"""The order in which a person reads a note's figures: what was written last, last.

Position is not always time. A reply stands above the message it quotes ("RE: ..." over
"-----Original Message-----", "On Mon, Tom wrote:", "------ 原始邮件 ------"), so the quoted
message is older and the reply above it revises it. A change log or revision table opening a
document ("## 修订记录", "Change log", "Version history") records changes made after the body
was written, so its entries are read after the body, oldest entry first. So is an update
pinned above the body ("> Update (Aug 12): revenue cap is now $25M").
"""

from __future__ import annotations

import re

from icp_coach.engines.offline.extraction.lines import Unit
from icp_coach.engines.offline.extraction.size_statements import opens_as_amendment

# A line that opens the older message a reply or a forward quotes.
_QUOTED_MESSAGE = re.compile(
    r"^\W*(?:-{2,}\s*(?:original\s+message|forwarded\s+message|原始邮件|转发邮件|转发的邮件)\s*-{2,}"
    r"|begin\s+forwarded\s+message\s*:|on\s.{4,160}\swrote\s*:|在.{3,80}写道\s*[:：]"
    r"|-{3,}\s*(?:原始|转发)\s*(?:邮件|消息)?\s*-{3,}|_{8,})\W*$", re.IGNORECASE)
# An Outlook header block starting inside a thread: "From: Tom" with "Sent:" right after.
_FROM = re.compile(r"^\W*(?:from|发件人)\s*[:：]", re.IGNORECASE)
_SENT = re.compile(r"^\W*(?:sent|date|发送时间|时间|日期)\s*[:：]", re.IGNORECASE)
# A heading or label over a document's log of its own revisions.
_REVISION_LOG = re.compile(
    r"(?<![A-Za-z])(?:change\s*log|changelog|revision\s+(?:history|log|record)|version\s+(?:history"
    r"|log|notes)|document\s+history|edit\s+history|history\s+of\s+changes)(?![A-Za-z])"
    r"|修订记录|修订历史|修改记录|变更记录|变更历史|版本记录|版本历史|版本说明|更新记录|更新日志",
    re.IGNORECASE)
_VERSION = re.compile(r"(?<![A-Za-z\d])[vV](\d+(?:\.\d+)*)(?![\d.])|版本\s*(\d+(?:\.\d+)*)")
_DATE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def quoted_message_lines(text: str) -> list[int]:
    """1-based lines where an older, quoted message starts, each below some content."""
    lines = text.split("\n")
    starts = []
    content_seen = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        opens = bool(_QUOTED_MESSAGE.match(stripped)) or (
            _FROM.match(stripped) is not None and content_seen
            and any(_SENT.match(following.strip()) for following in lines[index + 1:index + 4]))
        if opens and content_seen:
            starts.append(index + 1)
            content_seen = False
        elif stripped and not _FROM.match(stripped) and not _SENT.match(stripped) \
                and not re.match(r"^\W*(?:to|cc|subject|收件人|抄送|主题)\s*[:：]", stripped,
                                 re.IGNORECASE):
            content_seen = True
    return starts


def _in_revision_log(unit: Unit) -> bool:
    return bool(unit.heading and _REVISION_LOG.search(unit.heading))


def _entry_key(unit: Unit) -> tuple[float, ...] | None:
    """Where an entry stands in time: its version, else its date."""
    version = _VERSION.search(unit.text)
    if version:
        return tuple(float(part) for part in (version.group(1) or version.group(2)).split("."))
    date = _DATE.search(unit.text)
    if date:
        return tuple(float(part) for part in date.groups())
    return None


def _oldest_first(entries: list[Unit]) -> list[Unit]:
    """A log written newest first, turned round."""
    keys = [k for k in (_entry_key(u) for u in entries if not u.is_heading) if k is not None]
    if len(keys) >= 2 and keys == sorted(keys, reverse=True) and keys != sorted(keys):
        return [u for u in entries if u.is_heading] + [u for u in reversed(entries)
                                                       if not u.is_heading]
    return entries


def _pinned_updates_last(units: list[Unit]) -> list[Unit]:
    """Updates that stand above the body, before anything else is said, read after it."""
    pinned: list[Unit] = []
    for unit in units:
        if unit.is_heading:
            continue
        if not opens_as_amendment(unit):
            break
        pinned.append(unit)
    if not pinned or len(pinned) == sum(not u.is_heading for u in units):
        return units
    return [u for u in units if not any(u is p for p in pinned)] + pinned


def in_reading_order(units: list[Unit], quoted_from: list[int] | None = None) -> list[Unit]:
    """The units as written in time: quoted older messages before the replies above them, a
    revision log that opens the document after the body it revises."""
    if quoted_from:
        bounds = [0, *quoted_from, 10 ** 9]
        parts = [[u for u in units if bounds[i] <= u.line < bounds[i + 1]]
                 for i in range(len(bounds) - 1)]
        units = [u for part in reversed(parts) for u in part]
    units = _pinned_updates_last(units)
    log = [u for u in units if _in_revision_log(u)]
    if not log:
        return units
    body = [u for u in units if not _in_revision_log(u)]
    return body + _oldest_first(log)
