"""Amazon Transcribe's classic output as segments: `results.items` holds the words (and the
punctuation as separate items), `results.speaker_labels.segments` says who spoke when. A word
takes the speaker of the segment whose time span holds its start; consecutive words of one
speaker form a segment. (The newer `audio_segments` list is read by `json_transcript` directly.)
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


def _word(item: dict[str, Any]) -> str:
    alternatives = item.get("alternatives")
    first = alternatives[0] if isinstance(alternatives, list) and alternatives else {}
    return str(first.get("content", "")) if isinstance(first, dict) else ""


def aws_segments(document: Any) -> list[dict[str, Any]] | None:
    """Speaker segments from `results.items` + `results.speaker_labels`, or None for another shape."""
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, dict) or not isinstance(results.get("items"), list):
        return None
    spans = _spans(results.get("speaker_labels"))
    if not spans:
        return None
    segments: list[dict[str, Any]] = []
    for item in results["items"]:
        if not isinstance(item, dict) or not _word(item):
            continue
        start = _seconds(item.get("start_time"))
        if item.get("type") == "punctuation" or start is None:
            if segments:
                segments[-1]["text"] += _word(item)
            continue
        speaker = item.get("speaker_label") or _speaker_at(spans, start)
        speaker = speaker or (segments[-1]["speaker"] if segments else None)
        if segments and segments[-1]["speaker"] == speaker:
            segments[-1]["text"] += " " + _word(item)
        else:
            segments.append({"speaker": speaker, "text": _word(item), "start": start})
    return [s for s in segments if s["speaker"]] or None
