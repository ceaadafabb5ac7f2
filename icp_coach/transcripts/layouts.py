"""Export layouts rewritten, line for line, into the `Name: text` form `label_lines` reads.

Some tools and hand-made write-ups mark the speaker in ways no colon label covers:
- Markdown blockquotes: `> **Dana**: text`, `> 姓名：text`, `>` continuation and blank `>` lines;
- em-dash and bracket labels: `Dana — text`, `[Dana] text`, `【主持人】text`, `〔钟岚〕text`, `［姓名］text`;
- `Q. text` / `A. text`, `问、text` / `答、text`; tab columns `00:00:01<TAB>Dana<TAB>text`;
- hyphen labels typed live, `Hana - text`: only when the names recur (each at least twice, two or
  more people), since a hyphen in speech ("Monday - we start") is common;
- pipes: `Dana | 00:01:02 | text`;
- a name alone on its line above the paragraph (Descript, Riverside): `Dana Ortiz` then the speech.
Chat apps' message stamps are made plain first (see `chat_lines`); time ranges, video timecodes and times in 【】 brackets are written plain first (see `timecodes`);
bare timestamps and tool notices (see `tool_lines`) become blank lines.
Blockquote markers always go (they are formatting); any other form is rewritten only when at least
two lines use it, so a stray dash or bracket in speech stays speech. One line in, one line out: line numbers, and so quote locations, do not move.
Q/A transcripts whose header names the two sides get those names (`name_q_and_a`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from icp_coach.domain.non_speech import is_only_non_speech
from icp_coach.transcripts.chat_lines import plain_chat_stamps
from icp_coach.transcripts.label_lines import (
    NAME,
    TS,
    looks_like_phrase,
    plausible_name,
    read_label,
)
from icp_coach.transcripts.timecodes import plain_timecodes
from icp_coach.transcripts.tool_lines import is_tool_line, voice_text
from icp_coach.transcripts.turns import TurnBuilder

_QUOTE = re.compile(r"^\s*>(?:\s?>)*(?:\s|$)")
_TS_ONLY = re.compile(rf"^\s*{TS}\s*$")
_DASH = re.compile(rf"^\s*(?P<name>{NAME})\s+[—–]\s+(?P<text>\S.*)$")
_SQUARE = re.compile(r"^\s*\[(?P<name>[^\[\]]{1,40})\]\s+(?P<text>\S.*)$")
_LENTICULAR = re.compile(r"^\s*[【〔［〖](?P<name>[^【】〔〕［］〖〗]{1,20})[】〕］〗]\s*(?P<text>\S.*)$")
_HYPHEN = re.compile(r"^\s*(?:\*\*|__)?(?P<name>[^\s:：*\[\]()（）#>|\-][^:：*\[\]()（）\-\n]{0,30}?)(?:\*\*|__)?\s+-\s+(?P<text>\S.*)$")
# `Q. text` / `A. text`, `问、text` / `答、text`: an interview record's asker and answerer
_Q_OR_A = re.compile(r"^\s*(?P<name>Q|A|问|答)\s*[.．、)）]\s*(?P<text>\S.*)$")
# `00:00:01<TAB>Dana<TAB>text`: a table pasted as text
_TAB_COLUMNS = re.compile(rf"^\s*(?P<ts>{TS})\t+(?P<name>[^\t]{{1,40}}?)\t+(?P<text>\S.*)$")
_PIPE = re.compile(rf"^\s*(?P<name>[^|]{{1,40}}?)\s*\|\s*\[?(?P<ts>{TS})\]?\s*\|\s*(?P<text>\S.*)$")
_END_PUNCT = re.compile(r"[.!?。！？,，;；:：…]\s*$")


def _name_over_time(lines: list[str]) -> list[str]:
    """`Dana Whitfield` over `00:06` over the speech (Fireflies, Zoom Docs): one `Dana Whitfield  00:06`
    header, when at least two turns are written so."""
    rewritten = list(lines)
    found = 0
    for index in range(len(lines) - 1):
        name = _bare_name(lines[index]) if read_label(lines[index]) is None else None
        if name and _TS_ONLY.match(lines[index + 1].strip().strip("[]()")):
            rewritten[index], rewritten[index + 1] = f"{name}  {lines[index + 1].strip()}", ""
            found += 1
    return rewritten if found >= 2 else lines


def _drop_tool_lines(lines: list[str]) -> list[str]:
    """Bare timestamps and the tool's notices blanked; `转文字：` prefixes off the words they carry."""
    return ["" if is_tool_line(line) else voice_text(line) for line in lines]


def _unquote(lines: list[str]) -> list[str]:
    """Blockquote markers off: `> ` is Markdown's formatting, never what anyone said."""
    return [_QUOTE.sub("", line) for line in lines]


def _as_label(match: re.Match[str]) -> str | None:
    name = match.group("name").strip()
    if not plausible_name(name) or _TS_ONLY.match(name) or looks_like_phrase(name) \
            or is_only_non_speech(f"[{name}]") or is_tool_line(f"[{name}]"):
        return None  # "[图片]", "[语音] 58\"", "[文件] 报价.pdf": what a chat sent, not who
    stamp = match.groupdict().get("ts")
    return f"{'[' + stamp + '] ' if stamp else ''}{name}: {match.group('text').strip()}"


def _rewrite_form(lines: list[str], form: re.Pattern[str]) -> list[str]:
    rewritten: list[str | None] = [None] * len(lines)
    for index, line in enumerate(lines):
        match = form.match(line)
        label = read_label(line) if match else None
        if match and (label is None or "|" in label.name):  # "Dana | 00" is no name
            rewritten[index] = _as_label(match)
    if sum(line is not None for line in rewritten) < 2:
        return lines
    return [new if new is not None else old for old, new in zip(lines, rewritten, strict=True)]


def _recurring_hyphen_labels(lines: list[str]) -> list[str]:
    """`Hana - text` lines as `Hana: text`, when at least two names each start two or more lines."""
    matches = {index: _HYPHEN.match(line) for index, line in enumerate(lines) if read_label(line) is None}
    named = {index: match.group("name").strip() for index, match in matches.items() if match}
    named = {index: name for index, name in named.items() if len(name.split()) <= 3}
    counts = Counter(named.values())
    recurring = {name for name, count in counts.items() if count >= 2}
    if len(recurring) < 2:
        return lines
    rewritten = list(lines)
    for index, name in named.items():
        match = matches[index]
        if name in recurring and match is not None:
            rewritten[index] = _as_label(match) or lines[index]
    return rewritten


def _q_and_a_marks(lines: list[str]) -> list[str]:
    """`Q. text` and `A. text` as `Q: text` and `A: text`, only when both sides recur: a list's
    "A. first option" alone is no interview."""
    marks = Counter(match.group("name").upper() for line in lines if (match := _Q_OR_A.match(line)))
    if min(marks["Q"] + marks["问"], marks["A"] + marks["答"]) < 2:
        return lines
    return _rewrite_form(lines, _Q_OR_A)


def _bare_name(line: str) -> str | None:
    name = line.strip()
    if not name or _END_PUNCT.search(name) or name.startswith(("#", "-", "*", "|", "[", "(")):
        return None
    if not plausible_name(name) or looks_like_phrase(name) or len(name.split()) > 4:
        return None
    if re.search(r"[\u4e00-\u9fff]", name) and len(name) > 6:
        return None
    return name


_MARKED_NAME = re.compile(r"^\s*(?:#{1,6}\s+(?P<h>.+?)|\*\*(?P<b>[^*]+?)\*\*|__(?P<u>[^_]+?)__)\s*[:：]?\s*$")


def _name_line(line: str) -> tuple[str | None, bool]:
    """(the name, whether markup marks it) for `Dana Ortiz`, `### 受访者`, `**Dana**` alone on a line."""
    marked = _MARKED_NAME.match(line)
    if marked:
        return _bare_name(next(g for g in marked.groups() if g)), True
    return _bare_name(line), False


def _names_above_paragraphs(lines: list[str]) -> list[str]:
    """A name alone on its line (after a blank line, or as a heading or in bold), speech below: a
    speaker, when two such names recur."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not line.strip() or read_label(line) is not None:
            continue
        name, marked = _name_line(line)
        before_blank = index == 0 or not lines[index - 1].strip()
        after = next((n for n in lines[index + 1:] if n.strip()), "")
        if name and (marked or before_blank) and after and (marked or lines[index + 1].strip()) \
                and _name_line(after)[0] is None:
            found[index] = name
    counts = Counter(found.values())
    recurring = {name for name, count in counts.items() if count >= 2}
    if len(recurring) < 2:
        return lines
    return [f"{found[i]}:" if found.get(i) in recurring else line for i, line in enumerate(lines)]


_STEPS: tuple[Callable[[list[str]], list[str]], ...] = (
    plain_chat_stamps,
    plain_timecodes,
    _name_over_time,
    _drop_tool_lines,
    _unquote,
    lambda lines: _rewrite_form(lines, _DASH),
    lambda lines: _rewrite_form(lines, _SQUARE),
    lambda lines: _rewrite_form(lines, _LENTICULAR),
    lambda lines: _rewrite_form(lines, _PIPE),
    _recurring_hyphen_labels,
    _q_and_a_marks,
    lambda lines: _rewrite_form(lines, _TAB_COLUMNS),
    _names_above_paragraphs,
)


def normalise_layout(lines: list[str]) -> list[str]:
    """The same lines, each layout's speaker marks turned into `Name: text`."""
    for step in _STEPS:
        lines = step(lines)
    return lines


_SIDES = {"q": "host", "问": "host", "a": "guest", "答": "guest"}


def name_q_and_a(builders: list[TurnBuilder], hosts: list[str], guests: list[str]) -> None:
    """`Q:` / `A:` turns take the names of a header's single interviewer and interviewee; the
    label stays as written."""
    speakers = {b.speaker.strip().lower() for b in builders if b.speaker}
    if not speakers or not speakers <= set(_SIDES):
        return
    names = {"host": hosts[0] if len(hosts) == 1 else "", "guest": guests[0] if len(guests) == 1 else ""}
    for builder in builders:
        name = names.get(_SIDES.get(builder.speaker.strip().lower(), ""), "")
        if name:
            builder.label = builder.label or builder.speaker
            builder.speaker = name
