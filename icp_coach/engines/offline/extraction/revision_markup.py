"""Notes as their editors left them: tracked changes accepted, taken-back text gone.

An export in suggesting or compare mode carries both the old words and the new ones: pandoc
spans (`[15]{.deletion}[25]{.insertion}`), CriticMarkup (`{--15--}{++25++}`, `{~~15~>25~~}`),
HTML (`<del>15</del><ins>25</ins>`), compare-view brackets (`[DELETED: $0.5M-$5M]
[INSERTED: $1M-$6M]`, `[删除：…]`) and struck text (`~~10~~ 12`). A reader takes the inserted
words and drops the deleted ones. A row of a decision table whose status says it was rejected,
withdrawn or superseded (`| D3 | Drop the cap | Rejected |`, `| 2 | 上限提到 5 亿 | 已撤回 |`)
decided nothing, and is dropped too.

Text an editor took back in words rather than in markup is blanked (same length, so the line's
other words keep their place): a deletion note with its author ("[deleted by Luis: "Head
seamstress — champion"]", "【删除 陈经理："业务员——推动者"】"), and a suggestion followed by the
reply that turned it down ("[suggestion by Kim: add "Pennsylvania"] [Comment by Luis: rejected
...]", "【修订 小林：插入"、河北"】【批注 陈经理：不同意，驳回】"). A suggestion nobody answered, or one a
reply accepts, stays as written.

`accept_revisions` is the one pass: the extractor reads every note and answer through it before
anything is classified.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ATTRS = r"\{\s*\.(?P<kind>deletion|insertion|del|ins|deleted|inserted)\b[^{}\n]*\}"
# `[text]{.deletion author="..."}`: the bracketed text is the span.
_PANDOC = re.compile(r"\[(?P<text>[^\[\]\n]*)\]" + _ATTRS, re.IGNORECASE)
_CRITIC_SUBSTITUTE = re.compile(r"\{~~(?P<old>.*?)~>(?P<new>.*?)~~\}")
_CRITIC_DELETE = re.compile(r"\{--(?P<text>.*?)--\}")
_CRITIC_INSERT = re.compile(r"\{\+\+(?P<text>.*?)\+\+\}")
_HTML_DELETE = re.compile(r"<(?P<tag>del|s|strike)\b[^>]*>.*?</(?P=tag)\s*>", re.IGNORECASE)
_HTML_INSERT = re.compile(r"<(?P<tag>ins|u)\b[^>]*>(?P<text>.*?)</(?P=tag)\s*>", re.IGNORECASE)
_WORD_DELETE = re.compile(r"[\[【]\s*(?:deleted|deletion|removed|删除|已删除)\s*[:：]\s*[^\]】\n]*[\]】]",
                          re.IGNORECASE)
_WORD_INSERT = re.compile(r"[\[【]\s*(?:inserted|insertion|added|插入|新增)\s*[:：]\s*(?P<text>[^\]】\n]*)"
                          r"[\]】]", re.IGNORECASE)
# "~~10~~": struck text; "20~~30" (a range written with two tildes) is none.
_STRUCK = re.compile(r"(?<![\d~])~~(?=\S)(?P<text>[^~\n]*?\S)~~(?!~)")
_BRACKETED = r"(?:\[[^\[\]\n]{0,240}\]|【[^【】\n]{0,240}】)"
# A deletion noted in words, with its author: "[deleted by Luis: ...]", "【删除 陈经理：...】".
_DELETION_NOTE = re.compile(
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
_SUGGESTION_AND_REPLY = re.compile(rf"({_BRACKETED})\s*({_BRACKETED})")
# A table's status column, and the statuses that leave a row without effect.
_STATUS_HEADER = re.compile(r"(?<![A-Za-z])(?:status|state|outcome|result)(?![A-Za-z])|状态|结果",
                            re.IGNORECASE)
# Words naming what a row decides or proposes: only then is its status a verdict on the row.
_DECISION_HEADER = re.compile(
    r"(?<![A-Za-z])(?:decisions?|decided|proposals?|proposed|changes?|motions?|resolutions?"
    r"|amendments?|rules?|suggestions?)(?![A-Za-z])|决议|决定|提案|变更|议题|修改|调整|方案|建议",
    re.IGNORECASE)
_WITHDRAWN = re.compile(
    r"^\W*(?:rejected|declined|withdrawn|retracted|revoked|reverted|superseded|replaced|obsolete"
    r"|deprecated|cancell?ed|dropped|overruled|void|not\s+adopted|not\s+accepted)(?![A-Za-z])"
    r"|^\W*(?:已|被)?(?:撤回|撤销|驳回|否决|作废|废弃|取消|替代|被替代|不采纳|未通过|未采纳)",
    re.IGNORECASE)


# A decision said on a line with its verdict in brackets: "D3 (rejected): drop the cap",
# "- 提案 2（已撤回）：营收上限提到 5 亿".
_WITHDRAWN_MARK = re.compile(
    r"[(（\[【]\s*(?:status\s*[:：]\s*|状态\s*[:：]\s*)?(?:rejected|declined|withdrawn|retracted|revoked"
    r"|reverted|superseded(?:\s+by\s+[^)）\]】]{1,20})?|overruled|not\s+adopted|已?撤回|已?撤销|已?驳回"
    r"|已?否决|已?作废|已?废弃|不采纳|未通过|未采纳)\s*[)）\]】]", re.IGNORECASE)
# A record's own status line under its heading ("### D3 Drop the cap" / "Status: Rejected").
_STATUS_LINE = re.compile(r"^\W*(?:status|state|decision\s+status|状态|决议状态)\s*[:：]\s*(?P<value>.+)$",
                          re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?P<hashes>#{1,6})\s+\S")


def _without_withdrawn_records(text: str) -> str:
    """Lines whose bracketed verdict withdraws them, and heading sections whose own status line
    says the record was rejected, withdrawn or superseded."""
    lines = text.split("\n")
    drop: set[int] = set()
    for index, line in enumerate(lines):
        if _WITHDRAWN_MARK.search(line) and not line.lstrip().startswith("|"):
            drop.add(index)
        heading = _HEADING.match(line)
        if heading is None:
            continue
        level = len(heading.group("hashes"))
        end = next((i for i in range(index + 1, len(lines))
                    if (h := _HEADING.match(lines[i])) and len(h.group("hashes")) <= level),
                   len(lines))
        own = next((i for i in range(index + 1, len(lines)) if _HEADING.match(lines[i])),
                   len(lines))  # the heading's own lines, before any heading under it
        status = next((m for i in range(index + 1, min(own, index + 4))
                       if (m := _STATUS_LINE.match(lines[i].strip()))), None)
        if status and _WITHDRAWN.search(status.group("value")):
            drop.update(range(index, end))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _without_withdrawn_rows(text: str) -> str:
    """Markdown table rows whose status cell says the row was rejected, withdrawn or replaced."""
    lines = text.split("\n")
    status_column: int | None = None
    kept = []
    for line in lines:
        if not line.lstrip().startswith("|") or re.fullmatch(r"[\s|:\-]*", line):
            if line.lstrip().startswith("|"):  # the header's rule row
                kept.append(line)
                continue
            status_column = None
            kept.append(line)
            continue
        cells = _cells(line)
        if status_column is None:
            status_column = next((i for i, cell in enumerate(cells)
                                  if len(cell) <= 20 and _STATUS_HEADER.search(cell)), -1)
            if not any(_DECISION_HEADER.search(cell) for cell in cells):
                status_column = -1
            kept.append(line)
            continue
        if 0 <= status_column < len(cells) and _WITHDRAWN.search(cells[status_column]):
            continue
        kept.append(line)
    return "\n".join(kept)


def _accepted_line(line: str) -> str:
    if "{" in line:
        line = _PANDOC.sub(lambda m: "" if m.group("kind").lower().startswith("del")
                           else m.group("text"), line)
        line = _CRITIC_SUBSTITUTE.sub(lambda m: m.group("new"), line)
        line = _CRITIC_DELETE.sub("", line)
        line = _CRITIC_INSERT.sub(lambda m: m.group("text"), line)
    if "<" in line:
        line = _HTML_DELETE.sub("", line)
        line = _HTML_INSERT.sub(lambda m: m.group("text"), line)
    if "[" in line or "【" in line:
        line = _WORD_DELETE.sub("", line)
        line = _WORD_INSERT.sub(lambda m: m.group("text"), line)
    if "~~" in line:
        line = _STRUCK.sub("", line)
    return line


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _blank_if_rejected(match: re.Match[str]) -> str:
    suggestion, reply = match.group(1), match.group(2)
    if _SUGGESTION_HEAD.match(suggestion) and _REPLY_HEAD.match(reply) and _REJECTS.search(reply):
        return _blank(match)
    return match.group()


def _taken_back_blanked(text: str) -> str:
    """Deletion notes and rejected suggestions blanked, same length."""
    text = _DELETION_NOTE.sub(_blank, text)
    return _SUGGESTION_AND_REPLY.sub(_blank_if_rejected, text)


class RevisedNote(NamedTuple):
    text: str
    revised_lines: frozenset[int]  # 1-based lines of `text` where a tracked change was accepted


def accept_revisions(text: str) -> RevisedNote:
    """The text with its tracked insertions kept, its deletions, withdrawn rows and taken-back
    text dropped, and the (1-based) lines of the result where a tracked change was accepted:
    what those lines say now is a revision of what the note said before."""
    if "|" in text:
        text = _without_withdrawn_rows(text)
    text = _without_withdrawn_records(text)
    lines = text.split("\n")
    accepted = [_accepted_line(line) for line in lines]
    revised = frozenset(n for n, (old, new) in enumerate(zip(lines, accepted, strict=True), 1)
                        if old != new)
    return RevisedNote(_taken_back_blanked("\n".join(accepted)), revised)
