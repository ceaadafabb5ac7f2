"""Timecodes at the start of a line, in the forms editing and meeting tools write them, made plain.

- a time range: `00:00:03 - 00:00:19`, `00:00:03 --> 00:00:19`, `[00:00:03-00:00:19] 说话人1：...`,
  `00:01:02 至 00:01:09`: the start time is kept, the end time dropped;
- video timecodes with frames (Premiere Pro, Avid): `00:00:06:12` becomes `00:00:06`;
- a header or a label whose time is a range: `Speaker 1  00:00:03 - 00:00:19`,
  `Dana (00:00:03 - 00:00:19)`, `Dana [00:00:03 - 00:00:09]: text`;
- columns after a time: `00:00:03 | Dana | text`, `00:00:03  Dana  text` become `[00:00:03] Dana: text`;
- a time in CJK or full-width brackets: `【00:01:12】王磊：...`, `〔00:01:12〕`, `（00:01:12）`
  becomes `[00:01:12] 王磊：...`.
After this a range line alone is a bare timestamp (a tool line, see `tool_lines`) and a timed label
is one `label_lines` reads. A form is rewritten only when at least two lines use it, and an
unbracketed time before text only when a speaker label follows it ("9:00 - 5:00 every day" in
someone's answer stays as said). One line in, one line out.
"""

from __future__ import annotations

import re

from icp_coach.transcripts.label_lines import looks_like_phrase, plausible_name, read_label

_CODE = r"\d{1,2}:\d{2}(?::\d{2}){0,2}(?:[.,]\d{1,3})?"
_OPEN = "[【〔［〖(（"
_CLOSE = {"[": "]", "【": "】", "〔": "〕", "［": "］", "〖": "〗", "(": ")", "（": "）"}
_LEADING = re.compile(
    rf"^(?P<indent>\s*)(?:(?P<open>[{re.escape(_OPEN)}])\s*)?(?P<start>{_CODE})"
    rf"(?:\s*(?:-->|[-–—~～至到])\s*(?P<end>{_CODE}))?\s*(?P<close>[\]】〕］〗)）])?\s*(?P<rest>.*)$")


# `Speaker 1  00:00:03 - 00:00:19`, `Dana (00:00:03 - 00:00:19)`, `周敏 [00:00:03-00:00:19]`: a header
# whose time is a range
_TRAILING = re.compile(
    rf"^(?P<head>.*?\S)\s*(?P<open>[{re.escape(_OPEN)}])?\s*(?P<start>{_CODE})\s*(?:-->|[-–—~～至到])\s*"
    rf"(?P<end>{_CODE})\s*(?P<close>[\]】〕］〗)）])?\s*(?P<colon>[:：])?\s*$")


# `Dana [00:00:03 - 00:00:09]: text`, `周敏（00:00:03-00:00:09）：text`: a range inside the label
_RANGE_IN_LABEL = re.compile(
    rf"^(?P<head>[^:：\[\]()（）]{{1,60}}?)\s*(?P<open>[\[(（])\s*(?P<start>{_CODE})\s*(?:-->|[-–—~～至到])\s*"
    rf"(?P<end>{_CODE})\s*(?P<close>[\])）])\s*(?P<colon>[:：])\s*(?P<text>.*)$")
# after a leading time: `| Dana | text` (a table pasted without its first pipe) or `Dana  text`
# (columns kept apart by two or more spaces)
_COLUMNS_AFTER_TIME = re.compile(r"^(?:\|\s*(?P<pname>[^|]{1,40}?)\s*\|\s*|(?P<name>\S[^|]{0,39}?) {2,})(?P<text>\S.*)$")


def _plain(code: str) -> str:
    """`00:00:06:12` (frames) -> `00:00:06`; other times as written."""
    parts = code.split(":")
    return ":".join(parts[:3]) if len(parts) == 4 else code


def _trailing_range(line: str) -> str | None:
    match = _TRAILING.match(line)
    if match is None or _LEADING.match(line):
        return None
    opened = match.group("open")
    if bool(opened) != bool(match.group("close")) or (opened and _CLOSE[opened] != match.group("close")):
        return None
    stamp = _plain(match.group("start"))
    stamp = f"{'[' if opened == '[' else '('}{stamp}{']' if opened == '[' else ')'}" if opened else stamp
    rewritten = f"{match.group('head')} {stamp}{match.group('colon') or ''}"
    label = read_label(rewritten)
    return rewritten if label is not None and label.header else None


def _range_in_label(line: str) -> str | None:
    match = _RANGE_IN_LABEL.match(line)
    if match is None or _CLOSE[match.group("open")] != match.group("close"):
        return None
    bracket = "[]" if match.group("open") == "[" else "()"
    rewritten = (f"{match.group('head')} {bracket[0]}{_plain(match.group('start'))}{bracket[1]}"
                 f"{match.group('colon')} {match.group('text')}")
    return rewritten if read_label(rewritten) is not None else None


def _columns(stamp: str, rest: str) -> str | None:
    """`00:00:03 | Dana | text` or `00:00:03  Dana  text` as `[00:00:03] Dana: text`."""
    columns = _COLUMNS_AFTER_TIME.match(rest)
    if columns is None:
        return None
    name = (columns.group("pname") or columns.group("name")).strip()
    if not plausible_name(name) or looks_like_phrase(name):
        return None
    return f"[{stamp}] {name}: {columns.group('text')}"


def _rewrite(line: str) -> str | None:
    match = _LEADING.match(line)
    if match is None:
        return _trailing_range(line) or _range_in_label(line)
    opened, closed = match.group("open"), match.group("close")
    if bool(opened) != bool(closed) or (opened and _CLOSE[opened] != closed):
        return None
    start, rest = match.group("start"), match.group("rest")
    framed = start.count(":") == 3
    if not (match.group("end") or framed or opened not in (None, "[")):
        # `[00:01:02] Dana: ...` and `00:01:02 Dana` are read as they are
        return _columns(start, rest) if rest and read_label(line) is None else None
    if match.group("end") and (match.group("end").count(":") == 3) != framed:
        return None
    plain = _plain(start)
    if not rest:
        return f"{match.group('indent')}{plain}"
    rewritten = f"{match.group('indent')}[{plain}] {rest}"
    if not opened and read_label(rewritten) is None:
        return None
    return rewritten


def plain_timecodes(lines: list[str]) -> list[str]:
    """The lines with leading ranges, frames and bracketed times written `[00:01:02]`."""
    rewritten = [_rewrite(line) for line in lines]
    if sum(new is not None for new in rewritten) < 2:
        return lines
    return [new if new is not None else old for old, new in zip(lines, rewritten, strict=True)]
