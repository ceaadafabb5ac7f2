"""Which column of a transcript table holds the speaker, the text, the time and the role: named by
a header row (English, Chinese and a few other languages), in any order, or told by what the
columns hold: a header row of words nobody expects (`原话 | 谁说的`), a Notion title column `Name`
holding the lines, or no header at all. Extra columns (序号, tags, created time) are left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from icp_coach.transcripts.label_lines import TS, plausible_name

SPEAKER_COLUMNS = ("speaker", "speaker name", "speakers", "speaker label", "speaker id", "name",
                   "participant", "participant name", "person", "who", "user", "author", "sender",
                   "from", "actor", "character", "发言人", "说话人", "发言者", "讲话人", "角色",
                   "发言人姓名", "姓名", "发送人", "发送者", "人物", "用户", "说话者", "谁说的",
                   "sprecher", "orateur", "locuteur", "intervenant", "hablante", "interlocutor")
TEXT_COLUMNS = ("text", "transcript", "transcription", "utterance", "content", "message", "sentence",
                "words", "speech", "dialogue", "dialog", "caption", "subtitle", "body", "内容", "文本",
                "发言内容", "转写内容", "转写文本", "原文", "对话内容", "文字", "发言", "消息", "字幕",
                "transcript text", "spoken text", "说话内容", "讲话内容", "识别结果", "识别文本",
                "文本内容", "转写结果", "原话", "语句", "texte", "texto", "testo", "inhalt", "mensaje")
TIME_COLUMNS = ("start", "start time", "starttime", "begin", "timestamp", "time", "timecode",
                "time code", "start timecode", "offset", "开始时间", "时间", "时间戳", "时间码",
                "起始时间", "时间点")
ROLE_COLUMNS = ("role", "title", "角色", "职位", "身份")
EXPECTED = ("a speaker column (Speaker, Name, Participant, 发言人, 说话人, 角色) and a text column "
            "(Text, Transcript, Utterance, Content, 内容, 文本)")
_TIME_CELL = re.compile(rf"^\s*[\[(]?(?:{TS}|\d+(?:\.\d+)?)[\])]?\s*$")
_CLOCK_CELL = re.compile(rf"^\s*[\[(]?{TS}[\])]?\s*$")


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


def _speaker_like(values: list[str], rows: int) -> bool:
    """A few recurring names in (nearly) every row: who speaks, not a tags or notes column."""
    filled = [v for v in values if v]
    return (len(filled) >= 0.8 * rows and 2 <= len(set(filled)) <= max(2, rows // 2)
            and all(plausible_name(v) and not _TIME_CELL.match(v) for v in filled))


def inferred_columns(rows: list[list[str]]) -> Columns | None:
    """Columns of a table without a header row: times, a few short names, and the sentences."""
    width = min((len(cells) for cells in rows), default=0)
    if len(rows) < 2 or width < 2:
        return None
    values = [[cells[i].strip() for cells in rows] for i in range(width)]
    timed = [i for i in range(width) if all(_TIME_CELL.match(v) for v in values[i] if v) and any(values[i])]
    # a clock ("00:01:09") before a bare number (a row number such as 序号)
    time = next((i for i in timed if any(_CLOCK_CELL.match(v) for v in values[i])), timed[0] if timed else None)
    rest = [i for i in range(width) if i not in timed]
    if not rest:
        return None
    text = max(rest, key=lambda i: sum(len(v) for v in values[i]))
    names = [i for i in rest if i != text and _speaker_like(values[i], len(rows))]
    return Columns(names[0], text, time) if names else None


def clock_column(body: list[list[str]]) -> int | None:
    """The column whose every filled cell is a clock time ("00:01:09"), if any."""
    width = min((len(cells) for cells in body), default=0)
    for index in range(width):
        cells = [cells[index].strip() for cells in body if cells[index].strip()]
        if cells and all(_CLOCK_CELL.match(cell) for cell in cells):
            return index
    return None


def unnamed_header(first: list[str], body: list[list[str]]) -> Columns | None:
    """The columns of a table whose first row is a header of words nobody listed (`原话 | 谁说的`,
    Notion's `Name` title column holding the lines): told by what the rows below hold."""
    columns = inferred_columns(body)
    if columns is None or columns.speaker is None or len(body) < 3:
        return None
    cells = [cell.strip() for cell in first]
    if any(_TIME_CELL.match(cell) or len(cell) > 30 for cell in cells if cell):
        return None
    speakers = {cells[columns.speaker]} if columns.speaker < len(cells) else set()
    if speakers & {row[columns.speaker].strip() for row in body if columns.speaker < len(row)}:
        return None  # its "speaker" speaks below: the first row is speech, not a header
    return columns
