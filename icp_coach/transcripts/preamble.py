"""The tool's notes above the conversation: where the dialogue starts in an export.

Meeting tools put their own notes on top of the transcript: Google Meet's Gemini notes
(`Summary`, `Details`, `Suggested next steps`, then `Transcript`), 通义听悟 (`关键词`, `全文摘要`,
`章节速览`, `发言总结`, `要点回顾`, then `原文`), 飞书妙记 (`智能纪要`, then `文字记录`), 腾讯会议 and
钉钉 (`智能纪要`, `待办事项`, `AI摘要` straight above the first speaker). Their lines can look like
speech or even like labels (`00:00 开场介绍`, `王磊：整理需求文档`), so they are found by layout:
- the dialogue starts at the first label, written the way most labels of the file are (timed or
  not, a header line or not), of a speaker who speaks again;
- a heading line that names the transcript (`Transcript`, `原文`, `文字记录：`) above that start
  ends the notes: everything above the last one is the tool's;
- a notes heading (`Summary`, `智能纪要`, `AI摘要` ...) between there and the start begins notes
  that run to the start.
"""

from __future__ import annotations

import re
from collections import Counter

from icp_coach.transcripts.label_lines import Label
from icp_coach.transcripts.sections import analysis_heading

_TRANSCRIPT_NAMES = {
    "transcript", "full transcript", "transcription", "meeting transcript", "interview transcript",
    "raw transcript", "verbatim", "原文", "转写", "转写内容", "转写结果", "转写文本", "转录", "转录内容",
    "文字记录", "逐字稿", "访谈记录", "访谈实录", "访谈原文", "对话记录", "对话原文", "录音转文字", "语音转写",
}
_NOTES_NAMES = {
    "summary", "details", "suggested next steps", "next steps", "action items", "notes", "meeting notes",
    "key points", "keywords", "summary keywords", "highlights", "chapters", "outline", "overview",
    "topics", "takeaways", "ai summary", "ai notes", "smart notes", "meeting summary", "quick recap",
    "recap", "follow-up tasks", "shorthand bullet", "gist", "mentions", "chapters & topics",
    "关键词", "关键字", "全文摘要", "摘要", "章节速览", "章节", "发言总结", "要点回顾", "问答回顾", "智能纪要",
    "会议纪要", "ai摘要", "ai纪要", "ai总结", "ai智能纪要", "总结", "智能总结", "会议总结", "待办", "待办事项",
    "详细信息", "建议的后续步骤", "后续步骤", "思维导图", "重点", "大纲", "议程", "分段总结", "章节总结",
    "发言人总结", "ai速览", "速览", "全文概要", "概要", "内容概要", "会议要点", "重点内容", "问答",
}
_MARKUP = re.compile(r"^[\s#*_>\-–—=\W]*|[\s*_:：]*$")


def _bare(line: str) -> str:
    """"## 📖 Transcript:" -> "transcript"."""
    return re.sub(r"\s+", " ", _MARKUP.sub("", line)).lower()


def transcript_title(line: str) -> bool:
    return _bare(line) in _TRANSCRIPT_NAMES


def notes_title(line: str) -> bool:
    bare = _bare(line)
    return bare in _NOTES_NAMES or bare.replace(" ", "") in _NOTES_NAMES or (
        bool(bare) and analysis_heading(line.strip().rstrip(":："))
        and len(bare) <= 30 and not re.search(r"[.?!。？！,，]", bare))


def _signature(label: Label) -> tuple[bool, bool, tuple[bool, bool]]:
    return label.header, label.timestamp is not None, label.style


def dialogue_start(labels: list[Label | None]) -> int | None:
    """The line where the conversation begins (see the module's rules), or None."""
    present = [label for label in labels if label is not None]
    if not present:
        return None
    usual = Counter(_signature(label) for label in present).most_common(1)[0][0]
    counts = Counter(label.name for label in present if _signature(label) == usual)
    usual_at = [(i, label.name) for i, label in enumerate(labels)
                if label is not None and _signature(label) == usual]
    return next((i for i, name in usual_at if counts[name] >= 2), usual_at[0][0])


def notes_above(lines: list[str], labels: list[Label | None]) -> range:
    """The lines of the tool's notes above the dialogue (empty when there are none)."""
    start = dialogue_start(labels)
    if start is None:
        return range(0)
    titles = [i for i in range(start) if transcript_title(lines[i])]
    after_title = titles[-1] + 1 if titles else 0
    notes = next((i for i in range(after_title, start) if notes_title(lines[i])), None)
    if notes is not None:
        return range(0 if titles else notes, start)
    return range(0, after_title)
