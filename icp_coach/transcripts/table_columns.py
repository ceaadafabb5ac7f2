"""Which column of a transcript table holds the speaker, the text, the time and the role: named by
a header row in English or Chinese, in any order, or (no header) told by what the columns hold."""

from __future__ import annotations

import re
from dataclasses import dataclass

from icp_coach.transcripts.label_lines import TS, plausible_name

SPEAKER_COLUMNS = ("speaker", "speaker name", "speakers", "speaker label", "speaker id", "name",
                   "participant", "participant name", "person", "who", "user", "author", "sender",
                   "from", "actor", "character", "发言人", "说话人", "发言者", "讲话人", "角色",
                   "发言人姓名", "姓名", "发送人", "发送者", "人物", "用户")
TEXT_COLUMNS = ("text", "transcript", "transcription", "utterance", "content", "message", "sentence",
                "words", "speech", "dialogue", "dialog", "caption", "subtitle", "body", "内容", "文本",
                "发言内容", "转写内容", "转写文本", "原文", "对话内容", "文字", "发言", "消息", "字幕",
                "transcript text", "spoken text", "说话内容", "讲话内容", "识别结果", "识别文本")
TIME_COLUMNS = ("start", "start time", "starttime", "begin", "timestamp", "time", "timecode",
                "time code", "start timecode", "offset", "开始时间", "时间", "时间戳", "时间码",
                "起始时间", "时间点")
ROLE_COLUMNS = ("role", "title", "角色", "职位", "身份")
EXPECTED = ("a speaker column (Speaker, Name, Participant, 发言人, 说话人, 角色) and a text column "
            "(Text, Transcript, Utterance, Content, 内容, 文本)")
_TIME_CELL = re.compile(rf"^\s*[\[(]?(?:{TS}|\d+(?:\.\d+)?)[\])]?\s*$")


@dataclass(frozen=True)
class Columns:
    speaker: int | None
    text: int
    time: int | None = None
    role: int | None = None


def _key(cell: str) -> str:
    key = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cell.strip().lstrip("\ufeff"))  # "SpeakerName"
    key = key.strip(" \"'*_`").lower()
    key = re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", key)  # "Start (s)", "时间（秒）"
    return re.sub(r"[\s_\-]+", " ", key).strip()


def _find(keys: list[str], names: tuple[str, ...], taken: set[int | None]) -> int | None:
    for name in names:  # the more specific name first: "speaker" before "name"
        for index, key in enumerate(keys):
            if index not in taken and key == name:
                return index
    return None


def header_columns(header: list[str]) -> Columns | None:
    """The columns a header row names; None without a text column."""
    keys = [_key(cell) for cell in header]
    speaker = _find(keys, SPEAKER_COLUMNS, set())
    text = _find(keys, TEXT_COLUMNS, {speaker})
    if text is None:
        return None
    time = _find(keys, TIME_COLUMNS, {speaker, text})
    return Columns(speaker, text, time, _find(keys, ROLE_COLUMNS, {speaker, text, time}))


def names_speaker_and_text(header: list[str]) -> bool:
    found = header_columns(header)
    return found is not None and found.speaker is not None


def inferred_columns(rows: list[list[str]]) -> Columns | None:
    """Columns of a table without a header row: times, a few short names, and the sentences."""
    width = min((len(cells) for cells in rows), default=0)
    if len(rows) < 2 or width < 2:
        return None
    values = [[cells[i].strip() for cells in rows] for i in range(width)]
    time = next((i for i in range(width) if all(_TIME_CELL.match(v) for v in values[i] if v)), None)
    rest = [i for i in range(width) if i != time]
    text = max(rest, key=lambda i: sum(len(v) for v in values[i]))
    names = [i for i in rest if i != text and len(set(values[i])) <= max(2, len(rows) // 2)
             and all(plausible_name(v) and not _TIME_CELL.match(v) for v in values[i] if v)]
    return Columns(names[0], text, time) if names else None
