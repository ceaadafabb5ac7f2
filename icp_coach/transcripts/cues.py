"""WebVTT and SRT into turns: cue numbers and timings dropped, speakers taken from `<v Name>`
voice tags, a `Name:` prefix or a name alone on the cue's first line (Teams' older Word export),
and consecutive cues of one speaker re-joined into one turn.

Broken files keep every piece of speech: a cue without a complete timing (a truncated file) or
without a speaker (it continues the one before) is kept, with a warning.
"""

from __future__ import annotations

import re
from collections import Counter

from icp_coach.domain.non_speech import is_only_non_speech
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.label_lines import (
    LABELLED,
    looks_like_phrase,
    name_and_role,
    plausible_name,
)
from icp_coach.transcripts.turns import TurnBuilder

# `00:00:03.120 -->`, and the `0:0:3.120 -->` of Teams' older Word transcripts
_TIMING = re.compile(r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s*-->\s*(?P<end>\S*)")
_PARTIAL_TIMING = re.compile(r"^\s*[\d:.,]+\s*(?:-->|--|-)?\s*[\d:.,]*\s*$")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d{1,2}:\d{2}[^>]*>")
_SKIP_BLOCKS = ("NOTE", "STYLE", "REGION")


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            current.append((number, line.rstrip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _speaker_and_text(body: str) -> tuple[str | None, str, str, str]:
    """(speaker or None when the cue names nobody, role, text, the label as written)."""
    voice = _VOICE.search(body)
    if voice:
        text = _TAG.sub("", body).strip()
        return voice.group(1).strip(), "", text, voice.group(1).strip()
    text = _TAG.sub("", body).strip()
    match = LABELLED.match(text)
    if match and plausible_name(match.group("name")):
        name, role, _, written = name_and_role(match, "name")
        return name, role, match.group("text").strip(), written
    return None, "", text, ""


def _name_lines(blocks: list[list[tuple[int, str]]]) -> set[str]:
    """Names written alone on the first line of a cue, above its text, in two or more cues each."""
    counts: Counter[str] = Counter()
    for block in blocks:
        timing_at = next((i for i, (_, text) in enumerate(block) if _TIMING.match(text)), None)
        body = block[timing_at + 1:] if timing_at is not None else []
        if len(body) < 2:
            continue
        first = body[0][1].strip()
        if _VOICE.search(first) or LABELLED.match(first) or re.search(r"[.!?。！？,，…]$", first):
            continue
        if plausible_name(first) and len(first.split()) <= 4 and not looks_like_phrase(first):
            counts[first] += 1
    names = {name for name, count in counts.items() if count >= 2}
    return names if len(names) >= 2 else set()


def parse_cues(lines: list[str], source: str, *, kind: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns (one per cue; join them with `join_same_speaker`) and warnings."""
    blocks = _blocks(lines)
    warnings: list[str] = []
    if kind == "vtt":
        if not blocks or not blocks[0][0][1].lstrip("\ufeff").startswith("WEBVTT"):
            warnings.append("line 1: no WEBVTT header; read as WebVTT anyway")
        elif not any(_TIMING.match(text) for _, text in blocks[0]):
            blocks = blocks[1:]  # the header block (WEBVTT plus metadata)
        else:
            blocks[0] = blocks[0][1:]  # a header glued to the first cue
    # "So: ..." or "Two things: ..." at the start of one cue is speech, not a new speaker
    named = Counter(_speaker_and_text(text)[0] for block in blocks for _, text in block)
    name_lines = _name_lines(blocks)
    turns: list[TurnBuilder] = []
    speaker: str | None = None
    role = ""
    cues = 0
    for block in blocks:
        first_text = block[0][1].strip()
        if first_text.startswith(_SKIP_BLOCKS):
            continue
        timing_at = next((i for i, (_, text) in enumerate(block) if _TIMING.match(text)), None)
        if timing_at is None:
            # a truncated timing line or a cue with no timing: keep whatever speech it holds
            body = [(n, t) for n, t in block if not t.strip().isdigit() and not _PARTIAL_TIMING.match(t)]
            if not body:
                warnings.append(f"line {block[0][0]}: incomplete cue with no text (truncated file?)")
                continue
            warnings.append(f"line {block[0][0]}: cue without a complete timing line; its text was kept")
            timestamp = None
        else:
            body = block[timing_at + 1:]
            timestamp = _TIMING.match(block[timing_at][1]).group("start")  # type: ignore[union-attr]
            if not body:
                warnings.append(f"line {block[timing_at][0]}: cue with a timing but no text (truncated file?)")
                continue
        cues += 1
        if len(body) >= 2 and body[0][1].strip() in name_lines:
            speaker, role = body[0][1].strip(), ""
            turns.append(TurnBuilder(speaker, "", body[0][0], timestamp))
            body = body[1:]
        for number, raw in body:
            found, found_role, text, written = _speaker_and_text(raw)
            if is_only_non_speech(text):
                continue  # [Music], (laughs): the recording, not a speaker
            if found is not None and named[found] == 1 and speaker and looks_like_phrase(found, found_role) \
                    and not _VOICE.search(raw):
                found, text = None, _TAG.sub("", raw).strip()
            if found is not None:
                speaker, role = found, found_role
                turns.append(TurnBuilder(found, found_role, number, timestamp, label=written))
            elif speaker is None:
                speaker, role = "", ""
                warnings.append(f"line {number}: speech before any speaker is named; kept without a speaker")
                turns.append(TurnBuilder("", "", number, timestamp))
            elif not turns or turns[-1].speaker != speaker:
                turns.append(TurnBuilder(speaker, role, number, timestamp))
            turns[-1].add(text, number)
    if cues == 0:
        raise TranscriptError(source, f"no cues found in this {kind.upper()} file",
                              what_to_do="check that it has timing lines such as "
                              "'00:00:01.000 --> 00:00:04.000'")
    return turns, warnings
