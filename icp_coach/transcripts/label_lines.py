"""One line of a text transcript: is it a speaker label, and whose?

Understood, with the timestamp wherever the tool puts it:
- `Name: text`, `Name (Role): text`, `周敏（会员运营总监）：text`, `**Name:** text`, `**Name**: text`,
  `- Name: text`, `[00:01:02] Name: text`, `00:01:02 - Name: text`, `Name [00:01:02]: text`;
- header lines with the speech below them, as Otter, Zoom, Teams, Feishu and Tencent Meeting write
  them: `Maya Chen  0:03`, `[Maya Chen] 10:02:33`, `00:01:02 Maya Chen`, `[00:01:02] Maya Chen`, `Maya Chen 00:01:02 PM`, `**Maya Chen** 0:03`,
  `Name (00:12:03):`, `Speaker 1  00:03:12`, `发言人1 00:00:05`, Fireflies' `Maya Chen - 00:03`,
  Fathom's `0:03 - Maya Chen (Acme)`, and chat exports' `陈思远 2026-11-06 20:01`;
- a header with the speech after it on the same line: `Speaker 1  00:03:12  So tell me...`,
  `说话人1 00:00:01 你们现在...`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:\s?[AaPp][Mm])?"
_TS_ONLY = re.compile(rf"^\s*[\[(（]?\s*{TS}\s*[\])）]?\s*$")
# the date a chat export writes before the time: 2026-11-06, 2026/11/6, 2026年11月6日
DATE = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
_SEP = r"(?:\s*[|\-–—·•]\s*|\s+)"
NAME = r"[^\s:：*\[\]()（）#>|][^:：*\[\]()（）\n]{0,58}?"
_ROLE = r"\s*[(（](?P<role>[^)）]{1,60})[)）]"
_TS_AFTER = rf"(?:\s*\[(?P<ts_after>{TS})\])?"
LABELLED = re.compile(
    rf"^\s*(?P<bullet>[-*+•]\s+)?(?:\[?(?P<ts>{TS})\]?\s+(?:-\s+)?)?"
    rf"(?P<bold>\*\*|__)?(?P<name>{NAME})(?:{_ROLE})?{_TS_AFTER}\s*(?P=bold)?\s*[:：]\s*(?:\*\*|__)?\s*"
    rf"(?P<text>.*)$"
)
_BOLD_INSIDE = re.compile(
    rf"^\s*(?P<bullet>[-*+•]\s+)?(?:\[?(?P<ts>{TS})\]?\s+)?\*\*(?P<name>{NAME})(?:{_ROLE})?{_TS_AFTER}"
    rf"\s*[:：]\s*\*\*\s*(?P<text>.*)$"
)
HEADER = re.compile(
    rf"^\s*(?:\[(?P<bname>[^\]]{{1,60}})\]\s+(?P<bts>{TS})"
    rf"|(?:\*\*|__)?(?P<name>{NAME})(?:{_ROLE})?(?:\*\*|__)?{_SEP}(?:{DATE}\s+)?(?P<ts>{TS})"
    rf"|(?P<pname>{NAME})\s*[\[(（](?P<pts>{TS})[\])）]\s*[:：]?"
    rf"|(?:{DATE}\s+)?\[?(?P<ts2>{TS})\]?{_SEP}(?P<name2>{NAME})(?:\s*[(（](?P<role2>[^)）]{{1,60}})[)）])?)\s*$"
)
_INLINE_HEADER = re.compile(rf"^\s*(?P<name>{NAME})(?:\t|\s{{2,}})(?P<ts>{TS})(?:\t|\s{{2,}})(?P<text>\S.*)$")
# ... and with single spaces, as 讯飞听见 writes it: `说话人1 00:00:01 你们现在...`
_SPACED_HEADER = re.compile(rf"^\s*(?P<name>{NAME}) (?P<ts>\d{{1,2}}:\d{{2}}(?::\d{{2}})?) +(?P<text>\S.*)$")
# A Markdown table row, as Notion, Confluence and Feishu docs hold transcripts:
# `| Rachel | How did you ...? |` or `| 00:01:02 | Rachel | How did you ...? |`.
_TABLE_ROW = re.compile(rf"^\s*\|\s*(?:\[?(?P<ts>{TS})\]?\s*\|\s*)?(?P<name>[^|]{{1,60}}?)\s*\|\s*(?P<text>[^|]*?)\s*\|?\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# Initials and titles keep their full stop: "Rachel K.", "Dr. Osei", "J. Alvarez".
ABBREVIATION = re.compile(r"\b(?:[A-Z]|Dr|Mr|Mrs|Ms|Prof|Jr|Sr|St)\.")


@dataclass(frozen=True)
class Label:
    name: str
    role: str
    text: str
    timestamp: str | None
    header: bool
    written: str  # the label as the file writes it, e.g. "PM (Rachel)" or "访谈人（小周）"
    style: tuple[bool, bool]  # (bulleted, bold): how this export writes its labels

    @property
    def key(self) -> tuple[str, str]:
        return self.name, self.role


_DISCOURSE = {"note", "notes", "quote", "update", "honestly", "basically", "example", "answer",
              "question", "summary", "ps", "yes", "no", "well", "so", "and", "but", "also",
              "because", "anyway", "okay", "ok", "first", "second", "third", "result", "problem",
              "注意", "备注", "问题", "总结", "结果", "比如", "第一", "第二", "第三"}


def looks_like_phrase(name: str, role: str = "") -> bool:
    """A one-off "label" such as "Two things" or "Note" is more likely speech than a speaker."""
    if role:
        return False
    words = name.split()
    return name.lower() in _DISCOURSE or any(word[:1].islower() for word in words[1:])


# What diarising tools call the people they cannot name: spk_0, speaker_1, spkr 2.
_TOOL_ID = re.compile(r"^(?:spk|spkr|speaker|speaker_id)[_ -]?(?:\d{1,2}|[a-h])$", re.IGNORECASE)
# A chat app names a contact it has no name for by the phone number: "+44 7700 900123".
_PHONE = re.compile(r"^\+\d[\d\s()-]{6,18}\d$")


def plausible_name(name: str) -> bool:
    name = name.strip()
    if _TOOL_ID.match(name) or _PHONE.match(name):
        return True
    if not name or len(name) > 60 or not re.search(r"[^\W\d_]", name):
        return False  # "00" in "00:05:00" is a time, not a name
    if re.search(r"[.!?。！？,，;；\"“”]", ABBREVIATION.sub("", name)):
        return False
    if re.search(r"[\u4e00-\u9fff]", name):
        return len(name) <= 12
    return len(name.split()) <= 5 and not name[0].islower()


def name_and_role(match: re.Match[str], name_group: str) -> tuple[str, str, str | None, str]:
    """(name, role, timestamp written in the role's place, the label as written)."""
    name = match.group(name_group).strip()
    groups = match.groupdict()
    role = (groups.get("role") or "").strip()
    end = match.end("role") + 1 if groups.get("role") else match.end(name_group)
    written = match.string[match.start(name_group):end].strip()
    timestamp = groups.get("ts_after")
    if role and _TS_ONLY.match(role):  # "Name (00:12:03): ..."
        timestamp, role, written = role, "", name
    return name, role, timestamp, written


def read_label(line: str) -> Label | None:
    """The speaker label this line starts with, or None for speech, headings and the like."""
    header = HEADER.match(line)
    if header:
        group = next(g for g in ("bname", "name", "pname", "name2") if header.group(g))
        name, role, _, written = name_and_role(header, group)
        if header.group("role2"):  # "0:06 - Priya Nair (Nair Logistics)"
            role = header.group("role2").strip()
            written = header.string[header.start("name2"):header.end("role2") + 1].strip()
        ts = header.group("bts") or header.group("ts") or header.group("pts") or header.group("ts2")
        if plausible_name(name):
            return Label(name, role, "", ts, True, written, (False, False))
    row = _TABLE_ROW.match(line) if line.lstrip().startswith("|") and not _TABLE_RULE.match(line) else None
    if row:
        name = row.group("name").strip(" *")
        if plausible_name(name) and not _TS_ONLY.match(name):
            role_match = re.match(r"^(?P<n>[^(（]+?)\s*[(（](?P<r>[^)）]+)[)）]$", name)
            person, role = (role_match.group("n"), role_match.group("r")) if role_match else (name, "")
            return Label(person.strip(), role.strip(), row.group("text").strip(), row.group("ts"), False, name,
                         (False, False))
        return None
    inline = _INLINE_HEADER.match(line)
    if inline and plausible_name(inline.group("name")) and not _TS_ONLY.match(inline.group("name")):
        name = inline.group("name").strip()
        return Label(name, "", inline.group("text").strip(), inline.group("ts"), True, name, (False, False))
    match = _BOLD_INSIDE.match(line) or LABELLED.match(line)
    if not match or not plausible_name(match.group("name")):
        return None
    spaced = _SPACED_HEADER.match(line) if re.search(r"\s\d{1,2}$", match.group("name")) else None
    if spaced and plausible_name(spaced.group("name")) and not looks_like_phrase(spaced.group("name")):
        name = spaced.group("name").strip()
        return Label(name, "", spaced.group("text").strip(), spaced.group("ts"), True, name, (False, False))
    name, role, ts_after, written = name_and_role(match, "name")
    text = match.group("text").strip()
    if text.endswith("**") and text.count("**") % 2:
        text = text[:-2].rstrip()
    style = (bool(match.group("bullet")), "**" in line[:match.start("text")] or "__" in line[:match.start("text")])
    return Label(name, role, text, match.group("ts") or ts_after, False, written, style)
