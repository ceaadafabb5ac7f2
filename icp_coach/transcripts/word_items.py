"""Word-by-word speech-to-text output as speaker segments.

- Amazon Transcribe's classic output: `results.items` holds the words (and the punctuation as
  separate items), `results.speaker_labels.segments` says who spoke when; a word takes the
  speaker of the segment whose time span holds its start (the newer `audio_segments` list is read
  by `json_transcript` directly);
- Speechmatics: `results` is the word list, each word's `alternatives[0]` holding `content` and
  `speaker` ("S1").
Consecutive words of one speaker form a segment.
"""

from __future__ import annotations

from typing import Any


def _seconds(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _spans(labels: Any) -> list[tuple[float, float, str]]:
    segments = labels.get("segments") if isinstance(labels, dict) else None
    spans = []
    for segment in segments if isinstance(segments, list) else []:
        if not isinstance(segment, dict):
            continue
        start, end = _seconds(segment.get("start_time")), _seconds(segment.get("end_time"))
        speaker = segment.get("speaker_label")
        if start is not None and end is not None and isinstance(speaker, str):
            spans.append((start, end, speaker))
    return spans


def _speaker_at(spans: list[tuple[float, float, str]], time: float) -> str | None:
    return next((speaker for start, end, speaker in spans if start <= time <= end), None)


def _best(item: dict[str, Any]) -> dict[str, Any]:
    alternatives = item.get("alternatives")
    first = alternatives[0] if isinstance(alternatives, list) and alternatives else {}
    return first if isinstance(first, dict) else {}


def _word(item: dict[str, Any]) -> str:
    return str(_best(item).get("content", ""))


def _word_items(document: Any) -> tuple[list[Any], list[tuple[float, float, str]]] | None:
    """The word items and the speaker spans (AWS), or the word items alone (Speechmatics)."""
    results = document.get("results") if isinstance(document, dict) else None
    if isinstance(results, dict) and isinstance(results.get("items"), list):
        spans = _spans(results.get("speaker_labels"))
        return (results["items"], spans) if spans else None
    if isinstance(results, list) and results and all(isinstance(i, dict) for i in results) \
            and any(_best(i).get("speaker") for i in results):
        return results, []
    return None


def word_segments(document: Any) -> list[dict[str, Any]] | None:
    """Speaker segments from word items with speakers, or None for another shape."""
    found = _word_items(document)
    if found is None:
        return None
    items, spans = found
    segments: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, dict) or not _word(item):
            continue
        start = _seconds(item.get("start_time"))
        if item.get("type") == "punctuation" or start is None:
            if segments:
                segments[-1]["text"] += _word(item)
            continue
        speaker = item.get("speaker_label") or _best(item).get("speaker") or _speaker_at(spans, start)
        speaker = speaker or (segments[-1]["speaker"] if segments else None)
        if segments and segments[-1]["speaker"] == speaker:
            segments[-1]["text"] += " " + _word(item)
        else:
            segments.append({"speaker": speaker, "text": _word(item), "start": start})
    return [s for s in segments if s["speaker"]] or None
