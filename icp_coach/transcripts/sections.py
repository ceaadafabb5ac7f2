"""What is not the interview: metadata lines at the top, analysis sections after (or before) it.

Published and shared transcripts carry a header (`**Source:**`, `**Hosts:**`, `Date:`,
`Scenario:`, `来源：`, `时长：`, `关键词：`) and the author's commentary (`## Key insights`,
`## 关键洞察`, a summary, action items). Read as speech, a header line becomes a "speaker" and a
bullet of commentary a customer quote, so both are recognised here by their form and their words.
"""

from __future__ import annotations

import re

# Labels that describe the recording, never a speaker when they label a single line.
METADATA_KEYS = {
    "source", "sources", "host", "hosts", "date", "time", "scenario", "title", "topic", "participants",
    "attendees", "speakers", "duration", "length", "location", "recorded", "recording", "transcript",
    "transcribed by", "interviewee", "interviewees", "interviewer", "interviewers", "company", "format",
    "language", "url", "link", "episode", "tags", "keywords", "context", "setting", "guest", "guests",
    "published", "event", "session", "moderator", "moderators", "note taker", "notetaker", "notes by",
    "observer", "observers", "audience", "product", "customer", "client", "account", "industry",
    "role", "roles", "summary", "purpose", "goal", "goals", "method", "platform", "tool", "recorded on",
    "interview date", "date of interview", "call date", "meeting", "project", "study", "segment",
    "来源", "日期", "时间", "参与者", "参会人", "参会人员", "与会者", "主持", "嘉宾", "时长", "地点", "标题",
    "主题", "背景", "场景", "受访者", "受访人", "访谈对象", "访谈时间", "访谈日期", "访谈方式", "访谈人",
    "采访人", "记录", "记录人", "整理", "整理人", "关键词", "关键字", "标签", "会议主题", "会议时间",
    "录音", "转写", "客户", "公司", "行业", "产品", "项目", "目的", "方式", "形式", "备注",
}

_ANALYSIS_WORDS = (
    r"(?:key\s+|main\s+|top\s+)?(?:insights?|takeaways?|summary|summaries|analysis|lessons(?: learned)?|"
    r"conclusions?|observations?|jtbd\b|jobs[- ]to[- ]be[- ]done|forces(?: of progress)?|themes|notes|"
    r"commentary|points|concepts|quotes|findings|highlights|learnings|action items?|next steps|"
    r"follow[- ]ups?|recommendations?|debrief|synthesis|appendix|interview(?:er)? notes|"
    r"researcher'?s? notes|what we learned|tl;?dr)"
    r"|suggested next steps|meeting notes|ai (?:summary|notes)"
    r"|(?:会议|全文|智能|发言|AI\s*|ai\s*)?(?:总结|纪要|摘要)|章节速览|要点回顾|问答回顾|待办事项"
    r"|总结|小结|摘要|分析|要点|洞察|启示|结论|关键(?:洞察|发现|结论|要点|信息|观点|概念|引述)|行动项|待办|下一步|后续|复盘|建议|发现|附录|笔记|观察|"
    r"访谈纪要|访谈小结|核心"
)
_ANALYSIS = re.compile(rf"^\s*(?:#{{1,6}}\s*|\*\*|__)?\s*(?:\d+[.、]\s*)?(?:{_ANALYSIS_WORDS})", re.IGNORECASE)
_TRANSCRIPT_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*|__)?\s*(?:full\s+|raw\s+|interview\s+)?(?:transcript|interview|conversation|"
    r"dialogue|访谈记录|访谈实录|访谈原文|对话记录|逐字稿|正文|转写|实录)", re.IGNORECASE)
HEADING = re.compile(r"^\s*(#{1,6}\s|---+\s*$|===+\s*$|\*\*\*+\s*$|\|[\s:|-]*-{2,}[\s:|-]*$)")  # and table rules
_METADATA_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:：*]{1,30}?)(?:\*\*|__)?\s*[:：]")
_SPEECH_END = re.compile(r"[?？]|[.!。！…]\s*[\"'”’)]?\s*$")


def is_heading(line: str) -> bool:
    return bool(HEADING.match(line))


def analysis_heading(line: str) -> bool:
    """"## Key insights", "**Takeaways**", "### 关键洞察", "Action items:" and the like."""
    text = line.strip()
    if not text:
        return False
    if HEADING.match(line):
        return bool(_ANALYSIS.match(text.lstrip("#= -")))
    if len(text.split()) > 8 or len(text) > 40:
        return False
    return bool(_ANALYSIS.match(text)) and (text.startswith(("**", "__")) or text.rstrip("*_ ").endswith((":", "："))
                                            or not re.search(r"[.?!。？！,，]", text))


_KEY = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<key>[^:：*]{1,40}?)(?:\*\*|__)?\s*[:：]")


def analysis_key(line: str) -> bool:
    """"Key insights: ...", "**Takeaways:** ...", "行动项：..." (not "Note: ...", which also sits
    inside transcripts as a remark)."""
    match = _KEY.match(line)
    if match is None:
        return False
    key = match.group("key").strip()
    return not re.fullmatch(r"notes?", key, re.IGNORECASE) and bool(
        re.fullmatch(rf"(?:key\s+|main\s+|top\s+)?(?:{_ANALYSIS_WORDS})", key, re.IGNORECASE))


def transcript_heading(line: str) -> bool:
    """"## Transcript", "## 访谈记录": the interview starts (again) below."""
    return bool(HEADING.match(line) or line.strip().startswith(("**", "__"))) and \
        bool(_TRANSCRIPT_HEADING.match(line.strip().lstrip("#= -")))


def metadata_key(line: str) -> str | None:
    """The key of a `Key: value` line when the key is a metadata word."""
    match = _METADATA_LINE.match(line)
    if match is None:
        return None
    key = match.group(1).strip().lower()
    return key if key in METADATA_KEYS else None


def reads_like_metadata(text: str) -> bool:
    """A header value ("2024-05-01", "Zoom, 52 min", "A、B、C"), not a sentence someone said."""
    text = text.strip()
    if not text:
        return True
    words = len(text.split()) + sum("\u4e00" <= c <= "\u9fff" for c in text) // 3
    return words <= 30 and not _SPEECH_END.search(text)
