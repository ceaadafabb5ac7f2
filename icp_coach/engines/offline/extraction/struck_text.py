"""Text a note's own editors took back: struck through, deleted, or suggested and rejected.

A document exported from suggestion or revision mode keeps what its editors removed: "~~Nebraska~~",
"[deleted by Luis: "Head seamstress — champion"]", "【删除 陈经理："业务员——推动者"】", and a
suggestion followed by the reply that turned it down ("[suggestion by Kim: add "Pennsylvania"]
[Comment by Luis: rejected ...]", "【修订 小林：插入"、河北"】【批注 陈经理：不同意，驳回】"). A person
reading the note skips all of it, so the reader blanks it (same length, so offsets hold) before
anything is classified; a struck figure stays for the size reader, which reads the correction. A suggestion nobody answered, or one a reply accepts, stays as written.
"""

from __future__ import annotations

import re

# A struck figure ("~~10-80~~ 20-80") is left to the size reader, which reads it as a correction.
_STRUCK = re.compile(r"~~[^~\n\d]{1,200}~~")
_BRACKETED = r"(?:\[[^\[\]\n]{0,240}\]|【[^【】\n]{0,240}】)"
_DELETED = re.compile(
    r"(?:\[\s*(?:deleted|removed|struck|strikethrough)\b[^\[\]\n]{0,240}\]"
    r"|【\s*(?:删除|删去|已删除|划掉)[^【】\n]{0,240}】)", re.IGNORECASE)
_SUGGESTION_HEAD = re.compile(
    r"^(?:\[\s*(?:suggest(?:ion|ed)?|proposed|insert(?:ed|ion)?|edit)\b|【\s*(?:修订|建议|插入|提议))",
    re.IGNORECASE)
_REPLY_HEAD = re.compile(r"^(?:\[\s*(?:comment|reply|note)\b|【\s*(?:批注|评论|回复|备注))",
                         re.IGNORECASE)
_REJECTS = re.compile(
    r"(?<![A-Za-z])(?:reject(?:ed|s)?|declin(?:ed|es)|won'?t\s+do|do\s+not\s+add|don'?t\s+add"
    r"|not\s+accepted|no(?:pe)?[,.]|not\s+a\s+(?:pain|signal|region|fit))(?![A-Za-z])"
    r"|不同意|驳回|拒绝|不采纳|不加|不要加|不接受|否决",
    re.IGNORECASE)
_PAIR = re.compile(rf"({_BRACKETED})\s*({_BRACKETED})")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _rejected_pair(match: re.Match[str]) -> str:
    suggestion, reply = match.group(1), match.group(2)
    if _SUGGESTION_HEAD.match(suggestion) and _REPLY_HEAD.match(reply) and _REJECTS.search(reply):
        return " " * len(match.group())
    return match.group()


def without_struck_text(text: str) -> str:
    """The note with struck, deleted and rejected-suggestion text blanked, same length."""
    text = _STRUCK.sub(_blank, text)
    text = _DELETED.sub(_blank, text)
    return _PAIR.sub(_rejected_pair, text)
