#!/usr/bin/env python3
"""Check the first-contact gold files against the texts they describe.

    python3 benchmarks/first_contact/check_gold.py [--round NAME] [ROUND_DIR ...]
    (default: every round*/ here; --round round2 checks that one round)

jtbd/      layouts read: **Name:** / Name: lines (also inside > block quotes), Otter, Tencent
           Meeting, DingTalk and Rev headers, Zoom [hh:mm:ss] lines, WebVTT, SRT, SBV and ASS cues,
           TTML captions, CSV rows and Markdown tables with a speaker column, WhisperX and iFlytek
           JSON, Sonix-style HTML, Fathom "0:05 - Name" headers, 速记稿 【姓名】 lines and the round 8
           layouts (time-first Meet capture lines, Premiere Pro blocks, [t-t] 说话人 lines, 飞书妙记
           name/time lines, 【hh:mm:ss】姓名： lines) and the round 9 layouts (AssemblyAI utterances
           JSON, ELAN .eaf tiers, QQ chat export headers, Markdown tables with one column per
           speaker, PDF text with page furniture and hard-wrapped lines) and the round 10 layouts
           (WhatsApp chat export lines, Amazon Transcribe JSON audio_segments, RTF documents, Excel
           .xlsx sheets with a speaker column, .eml messages answered inline under quoted questions,
           Aliyun file-transcription JSON with channel ids). Every
           quote (forces, triggers, desired_outcomes, not_valued) is an exact substring of ONE
           turn of a speaker listed in "customers"; every labelled speaker is an interviewer, a
           customer or a known metadata label; quote lengths stay in range (EN 3-30 words,
           ZH 6-45 characters); no quote under two headings; alternatives and chosen solution
           are named in the transcript.
notes/     gold files have the ICP document's shape (firmographics, technographics, pain_points,
           buying_signals, decision_makers, red_flags); every list entry written "a|b|c" has at
           least one spelling in the notes text; numeric bounds are numbers or null, min <= max.
personas/  the ICP parses as an icp_coach ICPDocument when the package is importable (else only
           as JSON); the transcript's speakers are the gold's; every quote is verbatim.

The transcript parser here is deliberately independent of icp_coach's loader: it only knows the
layouts used in these folders, and it never runs any engine.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
METADATA_LABELS = {"source", "date", "hosts", "scenario", "来源", "日期", "主持人", "场景", "时长",
                   "参会", "记录人", "duration", "attendees", "recorded", "project", "meeting", "participants",
                   "topic", "project code", "study", "session", "interview", "interviewed by", "recording",
                   "transcription", "duration (approx.)", "会议主题", "会议时间", "参会人", "闪记标题",
                   "时间", "系统消息(10000)", "访谈对象", "访谈时间", "访谈人", "整理人", "项目", "背景", "说明", "主题", "地点", "速记"}
QUOTE_FIELDS = ("triggers", "desired_outcomes", "not_valued")
FORCES = ("push", "pull", "anxiety", "habit")
CJK = re.compile(r"[\u3400-\u9fff]")
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

BOLD_LABEL = re.compile(r"^\*\*([^*]{1,60}?)\s*[:：]\s*\*\*\s*(.*)$|^\*\*([^*]{1,60}?)\*\*\s*[:：]\s*(.*)$")
PLAIN_LABEL = re.compile(r"^([^:：\-*#\[【>\s][^:：]{0,39})[:：]\s*(.*)$")
OTTER_HEADER = re.compile(r"^(\S.{0,40}?)\s{2,}(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$")
CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}"
# Header lines that name the speaker of the paragraph below them (round 2 layouts): Tencent Meeting
# "发言人1 00:00:05", DingTalk "00:02:15 王建国", Rev / Descript "Name (00:12:03):".
# Fathom's copied transcript puts "0:05 - Name" above each indented paragraph (round 6); it comes first
# because the DingTalk time-first pattern would otherwise take "- Name" as the speaker.
FATHOM_HEADER = re.compile(rf"^{CLOCK}\s+-\s+(\S.{{0,60}}?)\s*$")
# Round 7: Zoom's saved live transcript puts "[Full Name] 10:02:14" above each paragraph.
ZOOM_CAPTION_HEADER = re.compile(rf"^\[([^\]]{{1,40}})\]\s+{CLOCK}\s*$")
HEADERS = (ZOOM_CAPTION_HEADER, FATHOM_HEADER, OTTER_HEADER,
           re.compile(rf"^(\S{{1,20}}?)\s+{CLOCK}\s*$"),
           re.compile(rf"^{CLOCK}\s+(\S.{{0,30}}?)\s*$"),
           re.compile(rf"^(\S.{{0,40}}?)\s*\({CLOCK}\)\s*:?\s*$"))
# WeChat chat export: "林国栋 2026-11-20 20:03" above each message (a file needs three to count,
# since a title line such as "会议软件 2026-10-28 09:30" looks the same).
WECHAT_HEADER = re.compile(rf"^(\S.{{0,30}}?)\s+\d{{4}}-\d{{1,2}}-\d{{1,2}}\s+{CLOCK}\s*$")
# Zoom cloud-recording transcript: "[00:01:02] Dana Ortiz: text" on one line.
# Round 7: 搜狗录音笔 App's text export uses the same line with a full-width colon ("[00:01:02] 老周：").
ZOOM_LINE = re.compile(rf"^\[{CLOCK}\]\s*([^:：\]]{{1,40}})[:：]\s*(.*)$")
# Round 7: a transcript pasted into a doc as "陈敏（00:04）：text", the time in brackets after the name.
NAME_TIME_LINE = re.compile(rf"^(\S{{1,20}}?)[（(]{CLOCK}[）)][:：]\s*(.*)$")
# Google Meet export: notes on top, then a "... Transcript" line; below it the speaker's name on its
# own line above each paragraph, and a bare "00:05:00" line every few minutes.
BARE_CLOCK = re.compile(r"^\d{2}:\d{2}:\d{2}$")
MEET_MARKER = re.compile(r"(?:^|\s)Transcript$")
TRANSCRIPT_MARKERS = {"原文", "转写原文"}
# Markdown write-up with a "### 受访者" heading above every turn: a heading text that repeats is a speaker.
SPEAKER_HEADING = re.compile(r"^###\s+(\S.*?)\s*$")
TIMING = re.compile(r"-->")
# Round 5 layouts: YouTube .sbv cues ("0:00:03.120,0:00:07.480" timing line, ">> NAME:" at a speaker
# change), Aegisub / ArcTime .ass subtitles (speaker in the Dialogue line's Name field), TTML / DFXP
# caption XML (<p ttm:agent="...">), CSV exports with a speaker and a text column, and Markdown
# tables with a 发言人 / Speaker column.
SBV_TIMING = re.compile(r"^\d+:\d{2}:\d{2}\.\d{3},\d+:\d{2}:\d{2}\.\d{3}$")
SBV_SPEAKER = re.compile(r"^>>\s*([^:：]{1,40})[:：]\s*(.*)$")
SPEAKER_COLUMNS = {"speaker", "speaker name", "发言人", "说话人"}
TEXT_COLUMNS = {"text", "transcript", "内容", "发言内容"}
TTML = "{http://www.w3.org/ns/ttml}"
TTML_META = "{http://www.w3.org/ns/ttml#metadata}"
# Round 6 layouts: a 速记稿 (shorthand record) with "【王厂长】text" at the start of each turn; WhisperX
# JSON ({"segments": [{"speaker", "text"}]}, a segment without a speaker is unattributed and dropped);
# iFlytek LFASR JSON ({"data": [{"speaker", "onebest"}]}); Sonix-style HTML (div.speaker-block with a
# span.speaker-name and p.transcript-text paragraphs). Each segment or block is one turn.
BRACKET_LABEL = re.compile(r"^【([^】]{1,20})】\s*(\S.*)$")
HTML_BLOCK = re.compile(r'<div class="speaker-block"[^>]*>(.*?)</div>\s*(?=<div class="speaker-block"|</main>)', re.S)
HTML_NAME = re.compile(r'<span class="speaker-name">(.*?)</span>', re.S)
HTML_TEXT = re.compile(r'<p class="transcript-text">(.*?)</p>', re.S)
VOICE = re.compile(r"<v\s+([^>]+)>(.*?)(?:</v>)?$", re.S)
# Round 8 layouts: a Meet capture extension's text ("00:04:12.350 Dana Ortiz: text", time first, one
# line per turn); Premiere Pro's transcript text ("00:00:03:12 - 00:00:09:20" timecode range, the
# speaker on the next line, the paragraph below); a time-range line "[00:01:23-00:01:45] 说话人2：text";
# 飞书妙记's text export (the speaker's name on its own line, a bare "00:03" or "00:03:12" line below it,
# then the paragraph); and "【00:01:23】姓名：text" lines. Each line, block or paragraph is one turn.
TIME_FIRST_LINE = re.compile(r"^\d{1,2}:\d{2}:\d{2}\.\d{1,3}\s+([^:：]{1,40}?)[:：]\s*(.*)$")
PREMIERE_RANGE = re.compile(r"^\d{2}:\d{2}:\d{2}[:;]\d{2}\s+-\s+\d{2}:\d{2}:\d{2}[:;]\d{2}$")
RANGE_LINE = re.compile(rf"^\[{CLOCK}\s*[-–~]\s*{CLOCK}\]\s*([^:：\]]{{1,40}})[:：]\s*(.*)$")
FEISHU_CLOCK = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}$")
TIME_BRACKET_LINE = re.compile(rf"^【{CLOCK}】\s*([^:：】]{{1,40}})[:：]\s*(.*)$")

# Round 9 layouts: AssemblyAI transcript JSON ({"utterances": [{"speaker": "A", "text"}]}); ELAN .eaf
# annotation XML (one tier per participant, the speaker in the tier's PARTICIPANT attribute, dependent
# tiers with a PARENT_REF are comments, not speech); QQ's message-manager export ("2026-11-20 20:13:45
# 昵称(QQ号)" above each message); a Markdown table with a time column and one column per speaker (the
# header cell is the label, each row fills one speaker's cell); and a PDF transcript copied as text
# (running header / "第 N 页" footer lines between pages, each turn hard-wrapped over several lines and
# rejoined here: CJK lines without a space, others with one). Each utterance, annotation, message,
# row and labelled paragraph is one turn.
QQ_HEADER = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+(\S.{0,40}?)\s*$")
PDF_PAGE = re.compile(r"^[-—–\s]*(?:第\s*\d+\s*页|Page\s+\d+\s+of\s+\d+)")
TIME_CELL = re.compile(r"^(?:时间|time|timestamp|时间码)$", re.I)

# Round 10 layouts: WhatsApp's "Export chat" text ("04/11/2026, 19:02 - Name: text", a message's
# further lines unprefixed, system lines without a "Name:"); Amazon Transcribe JSON (results.audio_segments,
# each with speaker_label and transcript); an RTF document (TextEdit / Word "Rich Text", read as its plain
# text and then as labelled lines); an Excel .xlsx sheet (first sheet, header row with a speaker and a
# text column, each row one turn); an .eml message whose writer answered inline under the quoted
# questions (each unquoted run is the From sender's turn, each "> " run the quoted author's, named in the
# "... 写道：" / "... wrote:" attribution line); Aliyun 录音文件识别 JSON (Result.Sentences with ChannelId).
WHATSAPP_LINE = re.compile(r"^\u200e?\[?\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\]?\s+(?:-\s+)?"
                           r"([^:]{1,40}?):\s(.*)$")
WHATSAPP_SYSTEM = re.compile(r"^\u200e?\[?\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}")
XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ATTRIBUTION = re.compile(r"(?:^|[，,]\s*)\"?([^<>，,\"]{1,40}?)\"?\s*<[^>]+>\s*(?:写道|wrote)[:：]?\s*$")

problems: list[str] = []


def problem(where: str, message: str) -> None:
    problems.append(f"{where}: {message}")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ------------------------------------------------------------------ transcripts -> turns

def text_of(path: Path) -> str:
    """The file's text; a Word .docx gives one line per paragraph and per table row (cells joined by ' | ').

    Round 10: an .rtf gives its plain text, an .xlsx one line per row (cells joined by ' | '), an .eml
    its From / Subject headers and decoded text/plain body."""
    if path.suffix == ".rtf":
        return _rtf_text(path.read_text(encoding="ascii", errors="replace"))
    if path.suffix == ".xlsx":
        return "\n".join(" | ".join(row) for row in _xlsx_rows(path))
    if path.suffix == ".eml":
        sender, subject, message = _eml_parts(path)
        return f"From: {sender}\nSubject: {subject}\n{message}"
    if path.suffix != ".docx":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as package:
        body = ElementTree.fromstring(package.read("word/document.xml")).find(f"{WORD}body")
    lines: list[str] = []
    for block in body if body is not None else []:
        if block.tag == f"{WORD}p":
            lines.append(_docx_text(block))
        elif block.tag == f"{WORD}tbl":
            lines += [" | ".join(_docx_text(cell) for cell in row.iter(f"{WORD}tc")) for row in block.iter(f"{WORD}tr")]
    return "\n".join(lines)


def _docx_text(element: ElementTree.Element) -> str:
    return "".join(node.text or "" for node in element.iter(f"{WORD}t"))


def turns_of(path: Path) -> list[tuple[str, str]]:
    text = text_of(path)
    if path.suffix == ".vtt":
        return _cues(text, vtt=True)
    if path.suffix == ".srt":
        return _cues(text, vtt=False)
    if path.suffix == ".sbv":
        return _sbv(text)
    if path.suffix == ".ass":
        return _ass(text)
    if path.suffix in (".ttml", ".dfxp"):
        return _ttml(text)
    if path.suffix == ".csv":
        return _csv(text)
    if path.suffix == ".json":
        return _json_segments(text)
    if path.suffix in (".html", ".htm"):
        return _html_blocks(text)
    if path.suffix == ".eaf":
        return _eaf(text)
    if path.suffix == ".xlsx":
        return _xlsx_turns(path)
    if path.suffix == ".eml":
        return _eml_turns(path)
    if (whatsapp := _whatsapp(text)) is not None:
        return whatsapp
    if (table := _table_turns(text)) is not None:
        return table
    if (columns := _speaker_column_turns(text)) is not None:
        return columns
    if (pdf := _pdf_turns(text)) is not None:
        return pdf
    text = _after_marker(text)
    lines = [line.strip() for line in text.splitlines()]
    if (round8 := _round8_turns(lines)) is not None:
        return round8
    bracketed = [m for m in map(BRACKET_LABEL.match, lines) if m]
    if len(bracketed) >= 10 and len(bracketed) > sum(bool(PLAIN_LABEL.match(line)) for line in lines):
        return [(m.group(1).strip(), squash(m.group(2))) for m in bracketed]
    if any(BARE_CLOCK.match(line) for line in lines) and any(MEET_MARKER.search(line) for line in lines):
        return _meet(lines)
    headings = [m.group(1) for m in map(SPEAKER_HEADING.match, lines) if m]
    if headings and max(headings.count(label) for label in headings) >= 3:
        return _heading_turns(lines)
    if sum(bool(QQ_HEADER.match(line)) for line in lines) >= 3:
        return _otter(text, (QQ_HEADER,))
    if sum(bool(WECHAT_HEADER.match(line)) for line in lines) >= 3:
        return _otter(text, (WECHAT_HEADER,))
    timed = [m for m in map(NAME_TIME_LINE.match, lines) if m]
    if len(timed) >= 10:
        return [(m.group(1).strip(), squash(m.group(2))) for m in timed]
    if any(ZOOM_LINE.match(line) for line in lines):
        return [(m.group(1).strip(), squash(m.group(2))) for m in map(ZOOM_LINE.match, lines) if m]
    if any(_header(line) for line in lines):
        return _otter(text)
    return _labelled_lines(text)


def _round8_turns(lines: list[str]) -> list[tuple[str, str]] | None:
    """The round 8 layouts (see TIME_FIRST_LINE above); None when the text is none of them."""
    for pattern in (TIME_FIRST_LINE, RANGE_LINE, TIME_BRACKET_LINE):
        found = [m for m in map(pattern.match, lines) if m]
        if len(found) >= 10:
            return [(m.group(1).strip(), squash(m.group(2))) for m in found]
    if sum(bool(PREMIERE_RANGE.match(line)) for line in lines) >= 10:
        return _blocks_below(lines, lambda i: bool(PREMIERE_RANGE.match(lines[i])), 1)
    def feishu(i: int) -> bool:
        return (i + 1 < len(lines) and bool(FEISHU_CLOCK.match(lines[i + 1])) and 0 < len(lines[i]) <= 20
                and not FEISHU_CLOCK.match(lines[i]) and not re.search(r"[:：。，,.]", lines[i]))
    if sum(feishu(i) for i in range(len(lines))) >= 10:
        return _blocks_below(lines, feishu, 0)
    return None


def _blocks_below(lines: list[str], starts: Callable[[int], bool], name_offset: int) -> list[tuple[str, str]]:
    """Turns whose speaker sits name_offset lines below a start line; the paragraph runs to a blank line."""
    turns: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        if not starts(i) or i + name_offset + 1 >= len(lines):
            i += 1
            continue
        speaker, j, body = lines[i + name_offset], i + 2, []
        while j < len(lines) and lines[j] and not starts(j):
            body.append(lines[j])
            j += 1
        turns.append((speaker, squash(" ".join(body))))
        i = j
    return turns


def _after_marker(text: str) -> str:
    """通义听悟 / 讯飞 exports put AI summaries above a bare 原文 line: only what follows it is speech."""
    lines = text.splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() in TRANSCRIPT_MARKERS]
    return "\n".join(lines[marks[-1] + 1:]) if marks else text


def _heading_turns(lines: list[str]) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    speaker: str | None = None
    body: list[str] = []
    for line in lines + ["#"]:
        if line.startswith("#"):
            if speaker is not None:
                turns.append((speaker, squash(" ".join(body))))
            match = SPEAKER_HEADING.match(line)
            speaker, body = (match.group(1) if match else None), []
        elif speaker is not None and line:
            body.append(line)
    return turns


def _meet(lines: list[str]) -> list[tuple[str, str]]:
    start = max(i for i, line in enumerate(lines) if MEET_MARKER.search(line))
    turns: list[tuple[str, str]] = []
    for block in re.split(r"\n\s*\n", "\n".join(lines[start + 1:])):
        rows = [row for row in block.splitlines() if row.strip() and not BARE_CLOCK.match(row)]
        if len(rows) >= 2:  # a one-line block is a date or the closing boilerplate
            turns.append((rows[0], squash(" ".join(rows[1:]))))
    return turns


def _header(line: str, headers: tuple[re.Pattern[str], ...] = HEADERS) -> str | None:
    for pattern in headers:
        match = pattern.match(line)
        if match and not re.search(r"[:：]", match.group(1)):  # "时间：2026-10-28 09:30" is metadata
            return match.group(1).strip()
    return None


def _cues(text: str, *, vtt: bool) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    speaker = ""
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        timing = next((i for i, line in enumerate(lines) if TIMING.search(line)), None)
        if timing is None:
            continue
        body = " ".join(lines[timing + 1:])
        if vtt:
            match = VOICE.match(body)
            if match:
                speaker, body = match.group(1).strip(), match.group(2)
            elif "<v" not in body and (label := PLAIN_LABEL.match(body)):  # Zoom: "Name: text" in the cue
                speaker, body = label.group(1).strip(), label.group(2)
            body = html.unescape(re.sub(r"</?[^>]+>", "", body))
        else:
            match = PLAIN_LABEL.match(body)
            if match:
                speaker, body = match.group(1).strip(), match.group(2)
        turns.append((speaker, squash(body)))
    return turns


def _sbv(text: str) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    speaker = ""
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        if not lines or not SBV_TIMING.match(lines[0]):
            continue
        body = " ".join(lines[1:])
        if match := SBV_SPEAKER.match(body):
            speaker, body = match.group(1).strip(), match.group(2)
        turns.append((speaker, squash(body)))
    return turns


def _ass(text: str) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line.startswith("Dialogue:"):
            fields = line.split(":", 1)[1].split(",", 9)
            body = re.sub(r"\{[^}]*\}", "", fields[9]).replace("\\N", " ").replace("\\n", " ")
            turns.append((fields[4].strip(), squash(body)))
    return turns


def _ttml(text: str) -> list[tuple[str, str]]:
    root = ElementTree.fromstring(text)
    names = {agent.get("{http://www.w3.org/XML/1998/namespace}id"): (agent.findtext(f"{TTML_META}name") or "").strip()
             for agent in root.iter(f"{TTML_META}agent")}
    turns: list[tuple[str, str]] = []
    for paragraph in root.iter(f"{TTML}p"):
        agent = paragraph.get(f"{TTML_META}agent", "")
        turns.append((names.get(agent, agent), squash("".join(paragraph.itertext()))))
    return turns


def _csv(text: str) -> list[tuple[str, str]]:
    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = {name.strip().lower(): name for name in rows.fieldnames or []}
    speaker = next(columns[name] for name in columns if name in SPEAKER_COLUMNS)
    body = next(columns[name] for name in columns if name in TEXT_COLUMNS)
    return [(row[speaker].strip(), squash(row[body])) for row in rows]


def _json_segments(text: str) -> list[tuple[str, str]]:
    data = json.loads(text)
    if isinstance(data, dict) and isinstance(data.get("segments"), list):  # WhisperX
        return [(str(seg["speaker"]), squash(seg["text"])) for seg in data["segments"] if seg.get("speaker")]
    if isinstance(data, dict) and isinstance(data.get("utterances"), list):  # AssemblyAI (round 9)
        return [(str(utt["speaker"]), squash(utt["text"])) for utt in data["utterances"]]
    results = data.get("results") if isinstance(data, dict) else None
    if isinstance(results, dict) and isinstance(results.get("audio_segments"), list):  # Amazon Transcribe (round 10)
        return [(str(seg["speaker_label"]), squash(seg["transcript"])) for seg in results["audio_segments"]]
    result = data.get("Result") if isinstance(data, dict) else None
    if isinstance(result, dict) and isinstance(result.get("Sentences"), list):  # Aliyun filetrans (round 10)
        return [(str(sen["ChannelId"]), squash(sen["Text"])) for sen in result["Sentences"]]
    items = data.get("data") if isinstance(data, dict) else data  # iFlytek LFASR
    return [(str(item["speaker"]), squash(item["onebest"])) for item in items or []]


def _html_blocks(text: str) -> list[tuple[str, str]]:
    def plain(fragment: str) -> str:
        return squash(html.unescape(re.sub(r"<[^>]+>", "", fragment)))
    turns: list[tuple[str, str]] = []
    for block in HTML_BLOCK.findall(text):
        name = HTML_NAME.search(block)
        if name:
            turns.append((plain(name.group(1)), " ".join(plain(p) for p in HTML_TEXT.findall(block))))
    return turns


def _eaf(text: str) -> list[tuple[str, str]]:
    root = ElementTree.fromstring(text)
    slots = {slot.get("TIME_SLOT_ID"): int(slot.get("TIME_VALUE") or 0) for slot in root.iter("TIME_SLOT")}
    found: list[tuple[int, str, str]] = []
    for tier in root.iter("TIER"):
        if tier.get("PARENT_REF"):
            continue
        speaker = (tier.get("PARTICIPANT") or tier.get("TIER_ID") or "").strip()
        for note in tier.iter("ALIGNABLE_ANNOTATION"):
            found.append((slots.get(note.get("TIME_SLOT_REF1"), 0), speaker,
                          squash(note.findtext("ANNOTATION_VALUE") or "")))
    return [(speaker, body) for _, speaker, body in sorted(found, key=lambda item: item[0])]


def _whatsapp(text: str) -> list[tuple[str, str]] | None:
    """WhatsApp "Export chat" text; None when fewer than ten lines look like its messages."""
    lines = text.splitlines()
    if sum(bool(WHATSAPP_LINE.match(line.strip())) for line in lines) < 10:
        return None
    turns: list[tuple[str, str]] = []
    current = False
    for line in lines:
        line = line.strip()
        if match := WHATSAPP_LINE.match(line):
            turns.append((match.group(1).strip().lstrip("\u200e~ "), match.group(2)))
            current = True
        elif WHATSAPP_SYSTEM.match(line):  # "Messages and calls are end-to-end encrypted", "X joined"
            current = False
        elif current and line:
            speaker, body = turns[-1]
            turns[-1] = (speaker, body + " " + line)
    return [(speaker, squash(body.replace("\u200e", ""))) for speaker, body in turns]


def _rtf_text(rtf: str) -> str:
    """Plain text of an RTF document: destinations skipped, \\par as a line break, \\'xx and \\uN decoded."""
    out: list[str] = []
    stack: list[tuple[bool, int]] = []
    skip, uc, pending = False, 1, 0
    codepage = "cp1252"
    token = re.compile(r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]")
    raw: list[int] = []

    def flush() -> None:
        if raw:
            out.append(bytes(raw).decode(codepage, errors="replace"))
            raw.clear()
    for match in token.finditer(rtf):
        word, arg, hexbyte, symbol, brace, chunk = match.groups()
        if pending and (chunk or hexbyte or symbol):
            if chunk:
                pending -= 1
                chunk = chunk[1:]
                if chunk:
                    pending = 0
            else:
                pending -= 1
                continue
        if brace == "{":
            stack.append((skip, uc))
        elif brace == "}":
            flush()
            skip, uc = stack.pop() if stack else (False, 1)
        elif word:
            if word in ("fonttbl", "colortbl", "stylesheet", "info", "expandedcolortbl", "pict", "header",
                        "footer", "listtable", "listoverridetable", "generator"):
                skip = True
            elif word == "ansicpg" and arg:
                codepage = f"cp{arg}"
            elif word == "uc" and arg:
                uc = int(arg)
            elif skip:
                continue
            elif word in ("par", "line"):
                flush()
                out.append("\n")
            elif word == "tab":
                flush()
                out.append("\t")
            elif word == "u" and arg:
                flush()
                code = int(arg)
                out.append(chr(code + 65536 if code < 0 else code))
                pending = uc
        elif symbol:
            if symbol == "*":
                skip = True
            elif not skip and symbol in "\\{}":
                flush()
                out.append(symbol)
            elif not skip and symbol == "~":
                out.append(" ")
            elif not skip and symbol in "\r\n":  # TextEdit ends a line with a backslash
                flush()
                out.append("\n")
        elif hexbyte and not skip:
            raw.append(int(hexbyte, 16))
        elif chunk and not skip:
            flush()
            out.append(chunk)
    flush()
    return "".join(out)


def _xlsx_rows(path: Path) -> list[list[str]]:
    """The first sheet's rows as strings (shared and inline strings, numbers as written)."""
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            for item in ElementTree.fromstring(package.read("xl/sharedStrings.xml")).iter(f"{XLSX}si"):
                shared.append("".join(node.text or "" for node in item.iter(f"{XLSX}t")))
        sheet = ElementTree.fromstring(package.read("xl/worksheets/sheet1.xml"))
    rows: list[list[str]] = []
    for row in sheet.iter(f"{XLSX}row"):
        cells: dict[int, str] = {}
        for cell in row.iter(f"{XLSX}c"):
            ref = re.match(r"[A-Z]+", cell.get("r", "A"))
            column = 0
            for letter in ref.group(0) if ref else "A":
                column = column * 26 + ord(letter) - 64
            if cell.get("t") == "s":
                value = shared[int(cell.findtext(f"{XLSX}v") or 0)]
            elif cell.get("t") == "inlineStr":
                value = "".join(node.text or "" for node in cell.iter(f"{XLSX}t"))
            else:
                value = cell.findtext(f"{XLSX}v") or ""
            cells[column - 1] = value
        rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
    return rows


def _xlsx_turns(path: Path) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    who = what = -1
    for row in _xlsx_rows(path):
        lowered = [cell.strip().lower() for cell in row]
        if who < 0:
            if any(c in SPEAKER_COLUMNS for c in lowered) and any(c in TEXT_COLUMNS for c in lowered):
                who = next(i for i, c in enumerate(lowered) if c in SPEAKER_COLUMNS)
                what = next(i for i, c in enumerate(lowered) if c in TEXT_COLUMNS)
            continue
        if len(row) > max(who, what) and row[who].strip() and row[what].strip():
            turns.append((row[who].strip(), squash(row[what])))
    return turns


def _eml_parts(path: Path) -> tuple[str, str, str]:
    import email
    from email import policy
    from email.utils import parseaddr
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    part = message.get_body(preferencelist=("plain",))
    body = part.get_content() if part is not None else ""
    return parseaddr(str(message["From"]))[0], str(message["Subject"]), body


def _eml_turns(path: Path) -> list[tuple[str, str]]:
    sender, _, body = _eml_parts(path)
    lines = body.splitlines()
    quoted_author = ""
    for line in lines:
        if match := ATTRIBUTION.search(line.strip()):
            quoted_author = match.group(1).strip()
    turns: list[tuple[str, str]] = []
    last: tuple[str, list[str]] | None = None
    for line in lines + [""]:
        stripped = line.strip()
        quoted = stripped.startswith(">")
        text = re.sub(r"^(?:>\s?)+", "", stripped).strip()
        if ATTRIBUTION.search(stripped) or stripped in ("-- ", "--"):
            text = ""
        speaker = quoted_author if quoted else sender
        if not text:
            if last is not None and last[1]:
                turns.append((last[0], squash(" ".join(last[1]))))
            last = None
            continue
        if last is not None and last[0] != speaker:
            turns.append((last[0], squash(" ".join(last[1]))))
            last = None
        if last is None:
            last = (speaker, [])
        last[1].append(text)
    return turns


def _speaker_column_turns(text: str) -> list[tuple[str, str]] | None:
    """A Markdown table headed 时间 | speaker | speaker ...: each row's filled cell is that speaker's turn."""
    header: list[str] | None = None
    turns: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if header is None:
            if (len(cells) >= 3 and TIME_CELL.match(cells[0])
                    and not any(c.lower() in SPEAKER_COLUMNS | TEXT_COLUMNS for c in cells)):
                header = cells
            continue
        if re.fullmatch(r"[\s:|-]+", line):
            continue
        for label, cell in zip(header[1:], cells[1:], strict=False):
            cell = re.sub(r"<br\s*/?>", "", cell)
            if cell:
                turns.append((label, squash(cell)))
    return turns if header is not None and len(turns) >= 10 else None


def _pdf_turns(text: str) -> list[tuple[str, str]] | None:
    lines = [line.strip() for line in text.splitlines()]
    pages = [i for i, line in enumerate(lines) if PDF_PAGE.match(line)]
    if len(pages) < 2:
        return None
    # the running header: an unlabelled line repeated on every page
    furniture = {line for line in set(lines) if line and lines.count(line) >= len(pages) - 1
                 and not PLAIN_LABEL.match(line)}
    def label_of(line: str) -> str | None:
        label = PLAIN_LABEL.match(line)
        return label.group(1).strip() if label and not re.search(r"[。，,.!?！？]", label.group(1)) else None
    # a label seen once is a wrapped line that happens to start with "他说：" or a metadata line
    counts: dict[str, int] = {}
    for line in lines:
        if (name := label_of(line)) is not None:
            counts[name] = counts.get(name, 0) + 1
    turns: list[tuple[str, str]] = []
    for line in lines:
        if not line or PDF_PAGE.match(line) or line in furniture:
            continue
        label = PLAIN_LABEL.match(line)
        if label and counts.get(label.group(1).strip(), 0) >= 2 and label_of(line):
            turns.append((label.group(1).strip(), label.group(2).strip()))
        elif turns:
            speaker, body = turns[-1]
            joint = "" if CJK.match(body[-1:] or " ") or CJK.match(line[:1]) else " "
            turns[-1] = (speaker, body + joint + line)
    return [(speaker, squash(body)) for speaker, body in turns]


def _table_turns(text: str) -> list[tuple[str, str]] | None:
    """A Markdown table whose header has a speaker column and a text column; None when there is none."""
    turns: list[tuple[str, str]] | None = None
    who = what = -1
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        lowered = [cell.lower() for cell in cells]
        if turns is None:
            if any(c in SPEAKER_COLUMNS for c in lowered) and any(c in TEXT_COLUMNS for c in lowered):
                who = next(i for i, c in enumerate(lowered) if c in SPEAKER_COLUMNS)
                what = next(i for i, c in enumerate(lowered) if c in TEXT_COLUMNS)
                turns = []
        elif not re.fullmatch(r"[\s:|-]+", line) and len(cells) > max(who, what):
            turns.append((cells[who], squash(cells[what])))
    return turns


def _otter(text: str, headers: tuple[re.Pattern[str], ...] = HEADERS) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    speaker: str | None = None
    body: list[str] = []
    for line in text.splitlines() + [""]:
        header = _header(line.strip(), headers)
        if header:
            speaker, body = header, []
        elif not line.strip():
            if speaker is not None:
                turns.append((speaker, squash(" ".join(body))))
            speaker, body = None, []
        elif speaker is not None:
            body.append(line.strip())
    return turns


def _labelled_lines(text: str) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = re.sub(r"^>\s?", "", line.strip())  # a Markdown block-quoted turn
        bold = BOLD_LABEL.match(line)
        if bold:
            speaker = bold.group(1) or bold.group(3)
            body = bold.group(2) if bold.group(1) else bold.group(4)
            turns.append((speaker.strip(), squash(body)))
            continue
        plain = PLAIN_LABEL.match(line)
        if plain and not re.search(r"[。，,.!?！？]", plain.group(1)):
            turns.append((plain.group(1).strip(), squash(plain.group(2))))
    return turns


# ------------------------------------------------------------------ quotes

def check_quotes(where: str, quotes: dict[str, list[str]], turns: list[tuple[str, str]],
                 customers: set[str], language: str) -> int:
    customer_texts = [text for speaker, text in turns if speaker in customers]
    seen: dict[str, str] = {}
    count = 0
    for field, items in quotes.items():
        for quote in items:
            count += 1
            if not any(quote in text for text in customer_texts):
                problem(where, f"{field} quote not verbatim in one customer turn: {quote!r}")
            size = len(CJK.findall(quote)) if language == "zh" else len(quote.split())
            low, high = (6, 45) if language == "zh" else (3, 30)
            if not low <= size <= high:
                problem(where, f"{field} quote length {size} outside {low}-{high}: {quote!r}")
            if quote in seen and seen[quote] != field:
                problem(where, f"quote under both {seen[quote]} and {field}: {quote!r}")
            seen[quote] = field
    return count


def check_speakers(where: str, turns: list[tuple[str, str]], interviewers: set[str],
                   customers: set[str]) -> None:
    labels = {speaker for speaker, _ in turns}
    for label in sorted(labels - interviewers - customers):
        if label.lower() not in METADATA_LABELS:
            problem(where, f"speaker label {label!r} is neither interviewer, customer nor metadata")
    for label in sorted((interviewers | customers) - labels):
        problem(where, f"gold names speaker {label!r} who never speaks")
    if interviewers & customers:
        problem(where, f"labels both interviewer and customer: {sorted(interviewers & customers)}")


def check_jtbd(folder: Path) -> tuple[int, int]:
    files = quotes = 0
    for gold_path in sorted(folder.glob("*.gold.json")):
        where = f"{gold_path.parent.parent.name}/{gold_path.parent.name}/{gold_path.name}"
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for key in ("transcript", "language", "interviewers", "customers", "forces", *QUOTE_FIELDS,
                    "alternatives", "chosen_solution", "job_statement_supported"):
            if key not in gold:
                problem(where, f"missing key {key!r}")
        transcript = folder / gold["transcript"]
        if not transcript.exists():
            problem(where, f"transcript {transcript.name} is missing")
            continue
        turns = turns_of(transcript)
        interviewers, customers = set(gold["interviewers"]), set(gold["customers"])
        check_speakers(where, turns, interviewers, customers)
        fields = {force: gold["forces"][force] for force in FORCES}
        fields.update({field: gold[field] for field in QUOTE_FIELDS})
        quotes += check_quotes(where, fields, turns, customers, gold["language"])
        raw = text_of(transcript).lower()
        for alternative in gold["alternatives"]:
            if set(alternative) != {"name", "considered"} or not isinstance(alternative["considered"], bool):
                problem(where, f"alternative must be {{name, considered: bool}}: {alternative}")
        for name in [a["name"] for a in gold["alternatives"]] + [gold["chosen_solution"] or ""]:
            if name and not _named(name, raw):
                problem(where, f"{name!r} is not named in the transcript")
        lines = len(text_of(transcript).splitlines())
        if not 60 <= lines <= 700:
            problem(where, f"transcript has {lines} lines (want 60-700)")
        files += 1
    return files, quotes


def _named(name: str, raw: str) -> bool:
    """A name is named when its first word (or, for Chinese, its first two characters) occurs."""
    head = name[:2] if CJK.match(name) else name.split()[0]
    return head.lower() in raw


# ------------------------------------------------------------------ notes

def _spellings_present(where: str, field: str, entry: str, text: str) -> None:
    if not any(spelling.strip().lower() in text for spelling in entry.split("|") if spelling.strip()):
        problem(where, f"{field} entry {entry!r}: no spelling occurs in the notes")


def _check_range(where: str, name: str, value: object) -> None:
    if not isinstance(value, dict) or set(value) != {"min", "max"}:
        problem(where, f"{name} must be {{min, max}}")
        return
    low, high = value["min"], value["max"]
    for bound in (low, high):
        if bound is not None and not isinstance(bound, (int, float)):
            problem(where, f"{name} bound {bound!r} is not a number or null")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
        problem(where, f"{name} min {low} > max {high}")


def check_notes(folder: Path) -> int:
    files = 0
    for gold_path in sorted(folder.glob("*.gold.json")):
        where = f"{gold_path.parent.parent.name}/{gold_path.parent.name}/{gold_path.name}"
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        notes = folder / gold.get("notes", "")
        if not notes.is_file():
            problem(where, "notes file missing")
            continue
        text = notes.read_text(encoding="utf-8").lower()
        firmo, techno = gold.get("firmographics", {}), gold.get("technographics", {})
        _check_range(where, "employees", firmo.get("employees"))
        _check_range(where, "annual_revenue_usd", firmo.get("annual_revenue_usd"))
        for field, entries in (("industries", firmo.get("industries")), ("regions", firmo.get("regions")),
                               ("tech_stack", techno.get("tech_stack"))):
            if not isinstance(entries, list):
                problem(where, f"{field} must be a list")
                continue
            for entry in entries:
                _spellings_present(where, field, entry, text)
        for field in ("pain_points", "buying_signals", "red_flags"):
            for item in gold.get(field, []):
                if not item.get("description") or not item.get("match"):
                    problem(where, f"{field} item needs description and match: {item}")
                    continue
                _spellings_present(where, field, item["match"], text)
        roles = [maker.get("role") for maker in gold.get("decision_makers", [])]
        for maker in gold.get("decision_makers", []):
            if maker.get("role") not in ("champion", "economic_buyer", "technical_buyer", "user", "blocker"):
                problem(where, f"unknown role {maker.get('role')!r}")
            for title in maker.get("titles", []):
                _spellings_present(where, f"{maker.get('role')} title", title, text)
        if len(roles) != len(set(roles)):
            problem(where, "a decision-maker role is listed twice")
        lines = len(notes.read_text(encoding="utf-8").splitlines())
        if lines < 8:
            problem(where, f"notes have only {lines} lines")
        files += 1
    return files


# ------------------------------------------------------------------ personas

def check_personas(folder: Path) -> tuple[int, int]:
    try:
        sys.path.insert(0, str(HERE.parents[1]))
        from icp_coach.domain.icp import ICPDocument
    except ImportError:  # the checker also runs with a bare python3
        ICPDocument = None  # type: ignore[assignment,misc]  # noqa: N806
    if ICPDocument is None:
        print("  (icp_coach not importable: ICP documents checked as JSON only; run with .venv/bin/python)")
    files = quotes = 0
    for gold_path in sorted(folder.glob("*.gold.json")):
        where = f"{gold_path.parent.parent.name}/{gold_path.parent.name}/{gold_path.name}"
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        icp_text = (folder / gold["icp"]).read_text(encoding="utf-8")
        document = json.loads(icp_text)
        if ICPDocument is not None:
            try:
                ICPDocument.model_validate(document)
            except ValueError as error:
                problem(where, f"ICP does not validate: {str(error)[:300]}")
        turns = turns_of(folder / gold["transcript"])
        interviewers = set(gold["interviewers"])
        customers = {speaker["label"] for speaker in gold["speakers"]}
        check_speakers(where, turns, interviewers, customers)
        for speaker in gold["speakers"]:
            if speaker["role"] not in ("champion", "economic_buyer", "technical_buyer", "user", "blocker"):
                problem(where, f"unknown role {speaker['role']!r}")
            spoken = " ".join(text for label, text in turns if label == speaker["label"])
            if speaker["stated_title"] not in spoken:
                problem(where, f"{speaker['label']} never states the title {speaker['stated_title']!r}")
            quotes += check_quotes(where, {"cares_about": speaker["cares_about"]}, turns,
                                   {speaker["label"]}, gold["language"])
        for mentioned in gold.get("mentioned_roles", []):
            quotes += check_quotes(where, {"mentioned": mentioned["cares_about"]}, turns,
                                   {mentioned["mentioned_by"]}, gold["language"])
        quotes += check_quotes(where, {"not_valued": gold.get("not_valued", [])}, turns, customers,
                               gold["language"])
        icp_roles = {maker["role"] for maker in document.get("decision_makers", [])}
        for role in gold["roles"]:
            if role["role"] not in icp_roles and not role.get("from_transcript_only"):
                problem(where, f"role {role['role']} not in the ICP and not marked from_transcript_only")
        files += 1
    return files, quotes


def main(argv: list[str]) -> int:
    if argv[:1] == ["--round"] and len(argv) > 1:
        argv = [str(HERE / argv[1])] + argv[2:]
    rounds = [Path(arg).resolve() for arg in argv] or sorted(HERE.glob("round*/"))
    for round_dir in rounds:
        jtbd = check_jtbd(round_dir / "jtbd")
        notes = check_notes(round_dir / "notes")
        personas = check_personas(round_dir / "personas")
        print(f"{round_dir.name}: jtbd {jtbd[0]} transcripts / {jtbd[1]} quotes, notes {notes} files, "
              f"personas {personas[0]} pairs / {personas[1]} quotes")
    for line in problems:
        print("PROBLEM", line)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
