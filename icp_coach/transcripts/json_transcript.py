"""Transcripts as JSON, the way speech-to-text tools export them.

The shapes differ by tool but share one idea: a list of segments, each with the text, often a
speaker and a start time. Read here:

- WhisperX / faster-whisper / whisper.cpp: `{"segments": [{"start", "end", "text", "speaker"}]}`
- AssemblyAI: `{"utterances": [{"speaker": "A", "text", "start" (ms)}]}`
- Deepgram: `{"results": {"utterances": [{"speaker": 0, "transcript", "start"}]}}`
- Rev.ai: `{"monologues": [{"speaker", "speaker_name", "elements": [{"value"}]}]}`
- Amazon Transcribe: `{"results": {"audio_segments": [{"speaker_label", "transcript", "start_time"}]}}`
- iFlytek (讯飞) file transcription: `[{"bg" (ms), "ed", "onebest", "speaker"}]`, often as a JSON
  string inside `{"data": "..."}`, or the newer `lattice` of `json_1best` strings whose words
  (`rt` / `ws` / `cw` / `w`) make the sentence and `rl` names the speaker
- 阿里云 file transcription: `{"Result": {"Sentences": [{"Text", "SpeakerId", "BeginTime" (ms)}]}}`;
  腾讯云: `{"Response": {"Data": {"ResultDetail": [{"FinalSentence", "SpeakerId", "StartMs"}]}}}`
  (field names are matched whatever their case and underscores);
- word lists with speakers: Amazon Transcribe's classic `results.items` + `speaker_labels`,
  Speechmatics (see `word_items`); chat apps' exports, Slack, Discord, Telegram, Messenger and
  Google Chat (see `json_chats`);
- a plain list of `{"speaker"|"name", "text"|"content"}` objects, as a script writes them.

The segment list is the longest list of objects with a text field anywhere in the file (word
lists are skipped: a word is not a segment). Each segment's source line is where its text sits in
the file, so a quote is cited where the user can find it.
"""

from __future__ import annotations

import json
import re
import statistics
from typing import Any

from icp_coach.transcripts.errors import EXPORT_AS, TranscriptError
from icp_coach.transcripts.json_chats import chat_segments
from icp_coach.transcripts.speech_pieces import Piece, pieces_to_turns, split_role
from icp_coach.transcripts.turns import TurnBuilder
from icp_coach.transcripts.word_items import word_segments

_TEXT_KEYS = ("text", "transcript", "content", "sentence", "finalsentence", "utterance", "onebest", "value")
_SPEAKER_KEYS = ("speakername", "speaker", "speakerlabel", "spk", "name", "role", "speakerid", "rl",
                 "channel")
_START_KEYS = ("start", "starttime", "begin", "begintime", "from", "offset", "ts", "startms", "bg")
_MILLISECOND_KEYS = ("startms", "offset", "bg", "begintime")


def _get(segment: dict[str, Any], key: str) -> Any:
    """A field by its name in any case, with or without underscores: `SpeakerId`, `speaker_id`."""
    if key in segment:
        return segment[key]
    return next((value for name, value in segment.items()
                 if isinstance(name, str) and name.replace("_", "").lower() == key), None)


def _text_of(segment: dict[str, Any]) -> str | None:
    for key in _TEXT_KEYS:
        value = _get(segment, key)
        if isinstance(value, str):
            return value
    elements = segment.get("elements")  # Rev.ai: a monologue's text is its elements joined
    if isinstance(elements, list) and elements and all(isinstance(e, dict) for e in elements):
        return "".join(str(e.get("value", "")) for e in elements)
    words = segment.get("rt")  # iFlytek lattice: rt -> ws -> cw -> w
    if isinstance(words, list) and words:
        return "".join(str((cw or [{}])[0].get("w", "")) for part in words if isinstance(part, dict)
                       for ws in part.get("ws", []) if isinstance(ws, dict)
                       for cw in [ws.get("cw")] if isinstance(cw, list))
    best = _get(segment, "nbest")  # Azure batch transcription: the best of the recognised phrases
    if isinstance(best, list) and best and isinstance(best[0], dict):
        written = best[0].get("display") or best[0].get("lexical")
        if isinstance(written, str):
            return written
    sentences = segment.get("sentences")  # Deepgram: a paragraph's text is its sentences
    if isinstance(sentences, list) and sentences and all(isinstance(s, dict) for s in sentences):
        return " ".join(str(s.get("text", "")).strip() for s in sentences)
    return None


def _speaker_of(segment: dict[str, Any]) -> str | None:
    """The speaker as the file writes it: `SPEAKER_00`, `spk_1`, AssemblyAI's `A`, Deepgram's `0`
    (the id itself, so the research side is reported in the file's own words)."""
    for key in _SPEAKER_KEYS:
        value = _get(segment, key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


_ISO_DURATION = re.compile(r"^PT(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?$")


def _start_of(segment: dict[str, Any], in_milliseconds: bool) -> str | None:
    for key in _START_KEYS:
        value = _get(segment, key)
        duration = _ISO_DURATION.match(value.strip()) if isinstance(value, str) else None
        if duration and any(duration.groups()):  # Azure's "PT1M2.5S"
            hours, minutes, seconds = (float(duration.group(g) or 0) for g in ("h", "m", "s"))
            return _clock(hours * 3600 + minutes * 60 + seconds)
        if isinstance(value, str):
            written = value.strip()
            try:
                value = float(written)
            except ValueError:
                return written or None  # "00:01:02" as the tool wrote it
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _clock(value / 1000 if in_milliseconds or key in _MILLISECOND_KEYS else value)
    return None


def _is_word_list(items: list[dict[str, Any]]) -> bool:
    """Word-level timings ("word" keys, or texts of one short token each) are not segments."""
    if all("word" in item for item in items):
        return True
    texts = [(_text_of(item) or "").strip() for item in items]
    return all(len(t.split()) <= 1 for t in texts) and sum(map(len, texts)) <= 8 * len(texts)


def _unwrapped(node: Any) -> Any:
    """JSON written as a string inside JSON (iFlytek's `data`, `json_1best`), parsed; an iFlytek
    lattice entry becomes its sentence (`{"st": {...}}` -> the `st` object)."""
    if isinstance(node, str) and node[:1] in "[{":
        try:
            node = json.loads(node)
        except ValueError:
            return node
    if isinstance(node, dict) and set(node) <= {"json_1best", "lid", "begin", "end", "spk", "cw"} \
            and "json_1best" in node:
        node = _unwrapped(node["json_1best"])
    if isinstance(node, dict) and set(node) == {"st"} and isinstance(node["st"], dict):
        node = node["st"]
    return node


def _segment_lists(node: Any) -> list[list[dict[str, Any]]]:
    """Every list of objects with a text field, outermost first."""
    node = _unwrapped(node)
    found: list[list[dict[str, Any]]] = []
    if isinstance(node, list):
        node = [_unwrapped(item) for item in node]
    if isinstance(node, dict):
        for value in node.values():
            found += _segment_lists(value)
    elif isinstance(node, list):
        objects = [item for item in node if isinstance(item, dict)]
        if objects and len(objects) == len(node) and all(_text_of(item) is not None for item in objects) \
                and not _is_word_list(objects):
            found.append(objects)
        for item in node:
            found += _segment_lists(item)
    return found


def _coverage(segments: list[dict[str, Any]]) -> tuple[bool, int]:
    """The segment list to read: one naming speakers before one that does not (a tool's whole-text
    summary), then the one holding the most text (all paragraphs, not one paragraph's sentences)."""
    return (any(_speaker_of(s) for s in segments), sum(len(_text_of(s) or "") for s in segments))


def line_finder(raw: str, prefix: int = 80) -> Any:
    """A function from a segment's text to its line in the file, searching forward from the last."""
    position = 0

    def line_of(text: str) -> int:
        nonlocal position
        for encoded in (json.dumps(text, ensure_ascii=False), json.dumps(text)):
            found = raw.find(encoded[:prefix], position)
            if found >= 0:
                position = found + 1
                return raw.count("\n", 0, found) + 1
        return raw.count("\n", 0, position) + 1

    return line_of


def _looks_in_milliseconds(segments: list[dict[str, Any]]) -> bool:
    """AssemblyAI and others count in milliseconds: a segment lasts hundreds of units per word,
    where speech in seconds takes well under one."""
    per_word: list[float] = []
    for segment in segments:
        start, end = _get(segment, "start"), _get(segment, "end")
        if isinstance(start, (int, float)) and isinstance(end, (int, float)) and end > start:
            text = _text_of(segment) or ""
            per_word.append((end - start) / max(len(text.split()), len(text) // 3, 1))
    return bool(per_word) and statistics.median(per_word) > 20


def parse_json_transcript(text: str, source: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns (a speaker's consecutive segments joined) and warnings."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise TranscriptError(source, f"broken JSON ({error})", what_to_do=EXPORT_AS) from error
    segments = chat_segments(document) or word_segments(document)
    if segments is None:
        lists = _segment_lists(document)
        if not lists:
            raise TranscriptError(
                source, "a JSON file with no list of transcript segments in it", line=1,
                what_to_do="export segments with their text (and speaker), or " + EXPORT_AS)
        segments = max(lists, key=_coverage)
    in_milliseconds = _looks_in_milliseconds(segments)
    line_of = line_finder(text)
    pieces: list[Piece] = []
    for segment in segments:
        speech = (_text_of(segment) or "").strip()
        if not speech:
            continue
        speaker = _speaker_of(segment)
        name, role = split_role(speaker) if speaker else (None, "")
        pieces.append(Piece(line_of(speech), speech, _start_of(segment, in_milliseconds),
                            speaker=name, role=role, written=speaker or ""))
    if not pieces:
        raise TranscriptError(source, "has no speech in it", what_to_do="export the transcript again")
    turns, warnings = pieces_to_turns(pieces, "JSON")
    if not any(turn.speaker for turn in turns):
        raise TranscriptError(
            source, f"{_tool_of(segments)} with no speakers: icp-coach needs to know who said what", line=1,
            what_to_do="transcribe again with speaker labels (diarization: WhisperX with --diarize, or "
            "the service's speaker option), or add a 'speaker' to each segment")
    return turns, warnings


_WHISPER_FIELDS = {"seek", "tokens", "avg_logprob", "no_speech_prob", "compression_ratio"}


def _tool_of(segments: list[dict[str, Any]]) -> str:
    """What wrote a speakerless file, for the error: Whisper's segments carry its decoding fields."""
    if segments and _WHISPER_FIELDS & set(segments[0]):
        return "a Whisper JSON transcript (segments only)"
    return "a JSON transcript"
