"""Sound and event tags that transcription tools write into the text: `[Music]`, `(laughs)`,
`[inaudible 00:12:03]`, `[crosstalk]`, `♪`, `[笑声]`, `（听不清）`, and the placeholders chat exports
write for what is not text (`[图片]`, `[表情]`, `[语音 60″]`, `[Photo]`, `[Sticker]`). They are not
anybody's words, so they are never a turn, a speaker or part of a quote.

A bracketed aside counts as a tag only when it names a sound or an event of the recording; an
aside with words of its own ("[the CRM]", "(our ops lead)") is speech and stays.
"""

from __future__ import annotations

import re

_EVENTS_EN = (r"music|musique|laugh(?:s|ing|ter)?|chuckles?|applause|clapping|crosstalk|cross talk|"
              r"inaudible|unintelligible|indiscernible|incomprehensible|silence|pause|long pause|"
              r"background noise|background chatter|noise|static|coughs?|coughing|sighs?|sneezes?|"
              r"overlapping(?: speech| voices)?|overtalk|phone (?:rings|ringing)|beep|audio cuts? out|"
              r"no audio|blank[_ ]audio|foreign|speaking foreign language|sound|video playback|"
              r"break|recording (?:starts|stops|paused|resumed)|end of recording|silent")
_MEDIA = (r"photo|image|picture|sticker|emoji|gif|video|voice(?: message)?|audio|"
          r"图片|照片|表情|动画表情|视频|语音(?:通话)?|视频通话|位置|红包|转账|拍一拍")
_EVENTS_ZH = r"音乐|笑声|笑|大笑|掌声|鼓掌|听不清|杂音|噪音|背景音|背景噪音|咳嗽|静音|停顿|沉默|叹气|重叠|铃声|无声|录音(?:开始|结束|中断)"
_TAG = re.compile(
    r"[\[(（【]\s*(?:" + _EVENTS_EN + "|" + _EVENTS_ZH + r")(?:[\s,:;，：\-–]+[\d:.\s]*\d)?\s*[\])）】]"
    r"|\[\s*(?:" + _MEDIA + r")\s*(?:\d{1,3}\s*(?:[″\"”]|''|秒|s)?)?\s*\](?:\s*\d{1,3}\s*(?:[″\"”]|''|秒|s))?"
    r"|[♪♫]+", re.IGNORECASE)


def non_speech_spans(text: str) -> list[tuple[int, int]]:
    """Where the tags are in `text`, as (start, end) spans."""
    return [match.span() for match in _TAG.finditer(text)]


def is_only_non_speech(text: str) -> bool:
    """True for a line or cue that holds tags and nothing anybody said."""
    stripped = _TAG.sub("", text)
    return bool(text.strip()) and not re.sub(r"[\s\-–—.,…。，]+", "", stripped)


def speech_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The parts of text[start:end] between tags."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _TAG.finditer(text, start, end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans
