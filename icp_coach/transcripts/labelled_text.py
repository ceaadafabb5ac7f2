"""Plain text, Markdown and meeting-tool text exports into turns.

Understood, one turn per labelled line, unlabelled lines continuing the turn above:
- `Name: text`, `Name (Role): text`, `周敏（会员运营总监）：text`, `**Name:** text`, `**Name**: text`,
  `- Name: text`, optionally after a timestamp such as `[00:01:02]` or `00:01:02`;
- header lines with the speech below them, as Otter, Zoom and Teams write them:
  `Maya Chen  0:03`, `[Maya Chen] 10:02:33`, `00:01:02 Maya Chen`, `Maya Chen 00:01:02 PM`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from icp_coach.transcripts.turns import TurnBuilder

_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:\s?[AaPp][Mm])?"
_NAME = r"[^\s:：*\[\]()（）#>|][^:：*\[\]()（）\n]{0,58}?"
_ROLE = r"\s*[(（](?P<role>[^)）]{1,60})[)）]"
LABELLED = re.compile(
    rf"^\s*(?:[-*+]\s+)?(?:\[?(?P<ts>{_TS})\]?\s+(?:-\s+)?)?"
    rf"(?P<bold>\*\*|__)?(?P<name>{_NAME})(?:{_ROLE})?\s*(?P=bold)?\s*[:：]\s*(?:\*\*|__)?\s*"
    rf"(?P<text>.*)$"
)
_BOLD_INSIDE = re.compile(
    rf"^\s*(?:[-*+]\s+)?(?:\[?(?P<ts>{_TS})\]?\s+)?\*\*(?P<name>{_NAME})(?:{_ROLE})?\s*[:：]\s*\*\*\s*(?P<text>.*)$"
)
HEADER = re.compile(
    rf"^\s*(?:\[(?P<bname>[^\]]{{1,60}})\]\s+(?P<bts>{_TS})"
    rf"|(?P<name>{_NAME})(?:{_ROLE})?\s+\|?\s*(?P<ts>{_TS})"
    rf"|(?P<ts2>{_TS})\s+(?:-\s+)?(?P<name2>{_NAME}))\s*$"
)
_HEADING = re.compile(r"^\s*(#{1,6}\s|---+\s*$|===+\s*$)")
# Labels that describe the recording, never a speaker: "**Source:** ...", "Date: ...".
METADATA_KEYS = {
    "source", "sources", "host", "hosts", "date", "time", "scenario", "title", "topic", "participants",
    "attendees", "speakers", "duration", "length", "location", "recorded", "recording", "transcript",
    "transcribed by", "interviewee", "company", "format", "language", "url", "link", "episode",
    "tags", "context", "setting", "guest", "guests", "published", "event", "session",
    "来源", "日期", "时间", "参与者", "主持", "嘉宾", "时长", "地点", "标题", "主题", "背景", "场景", "受访者",
}
# A heading or a bold line with these words after the interview starts an analysis section:
# what follows is the author's commentary, not speech.
_ANALYSIS = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*|__)?\s*(?:key\s+)?(insights?|takeaways?|summary|analysis|lessons|"
    r"conclusions?|observations|jtbd\b|jobs[- ]to[- ]be[- ]done|forces|themes|notes|commentary|"
    r"key (points|concepts|quotes)|总结|分析|要点|洞察|启示|结论|关键)", re.IGNORECASE)


@dataclass(frozen=True)
class _Label:
    name: str
    role: str
    text: str
    timestamp: str | None
    header: bool


def _plausible_name(name: str) -> bool:
    name = name.strip()
    if not name or len(name) > 60:
        return False
    if re.search(r"[.!?。！？,，;；\"“”]", name):
        return False
    if re.search(r"[\u4e00-\u9fff]", name):
        return len(name) <= 12
    return len(name.split()) <= 5 and not name[0].islower()


def _label(line: str) -> _Label | None:
    header = HEADER.match(line)
    if header:
        name = header.group("bname") or header.group("name") or header.group("name2") or ""
        ts = header.group("bts") or header.group("ts") or header.group("ts2")
        if _plausible_name(name):
            return _Label(name.strip(), (header.group("role") or "").strip(), "", ts, True)
    match = _BOLD_INSIDE.match(line) or LABELLED.match(line)
    if not match or not _plausible_name(match.group("name")):
        return None
    role = match.groupdict().get("role") or ""
    text = match.group("text").strip()
    if text.endswith("**") and text.count("**") % 2:
        text = text[:-2].rstrip()
    return _Label(match.group("name").strip(), role.strip(), text, match.group("ts"), False)


_DISCOURSE = {"note", "notes", "quote", "update", "honestly", "basically", "example", "answer",
              "question", "summary", "ps", "yes", "no", "well", "so", "and", "but", "also",
              "because", "anyway", "okay", "ok", "first", "second", "third", "result", "problem",
              "注意", "备注", "问题", "总结", "结果", "比如", "第一", "第二", "第三"}


def _looks_like_phrase(label: _Label) -> bool:
    """A one-off "label" such as "Two things" or "Note" is more likely speech than a speaker."""
    if label.role:
        return False
    words = label.name.split()
    return label.name.lower() in _DISCOURSE or any(word[:1].islower() for word in words[1:])


def _starts_analysis(line: str, label: _Label | None) -> bool:
    """A heading ("## Key insights") or a short bold or bare title line of commentary."""
    if _HEADING.match(line):
        return bool(_ANALYSIS.match(line.lstrip("#= -")))
    short_title = len(line.split()) <= 8 and (label is None or line.lstrip().startswith(("**", "__")))
    return short_title and bool(_ANALYSIS.match(line))


def _is_metadata(line: str) -> bool:
    match = re.match(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:：*]{1,30}?)(?:\*\*|__)?\s*[:：]", line)
    return match is not None and match.group(1).strip().lower() in METADATA_KEYS


def parse_labelled_text(lines: list[str]) -> tuple[list[TurnBuilder], list[str], int]:
    """Turns, warnings, and how many lines carried a speaker label."""
    labels = [_label(line) for line in lines]
    labels = [None if label is not None and label.name.strip().lower() in METADATA_KEYS else label
              for label in labels]
    # A name that labels only one line while other names label many is more likely a phrase such
    # as "Two things: ..." inside someone's answer: keep that line as speech.
    counts = Counter(label.name for label in labels if label is not None)
    repeated = {name for name, count in counts.items() if count >= 2}
    if repeated:
        labels = [None if label is not None and label.name not in repeated and not label.header
                  and _looks_like_phrase(label) else label for label in labels]
    turns: list[TurnBuilder] = []
    warnings: list[str] = []
    unlabelled_head: list[int] = []
    in_analysis = False
    for number, (line, label) in enumerate(zip(lines, labels, strict=True), start=1):
        if in_analysis:
            continue
        in_analysis = bool(turns) and _starts_analysis(line, label)
        if in_analysis:
            warnings.append(f"line {number}: analysis section after the interview left out: "
                            f"{line.strip()[:60]!r}")
            continue
        if label is None and _is_metadata(line):
            warnings.append(f"line {number}: metadata line skipped: {line.strip()[:60]!r}")
            continue
        if label is not None:
            turns.append(TurnBuilder(label.name, label.role, number, label.timestamp))
            turns[-1].add(label.text, number)
            continue
        if not line.strip():
            continue
        if not turns:
            if _HEADING.match(line):
                warnings.append(f"line {number}: heading before the first speaker skipped: {line.strip()[:60]!r}")
            else:
                unlabelled_head.append(number)
                turns.append(TurnBuilder("", "", number))
                turns[-1].add(line, number)
            continue
        if _HEADING.match(line):
            warnings.append(f"line {number}: heading kept out of the turn above: {line.strip()[:60]!r}")
            continue
        turns[-1].add(line, number, new_line=True)
    if unlabelled_head:
        warnings.append(f"line {unlabelled_head[0]}: text before the first speaker label has no "
                        "speaker; it is kept but never used as evidence")
    labelled = sum(label is not None for label in labels)
    return turns, warnings, labelled
