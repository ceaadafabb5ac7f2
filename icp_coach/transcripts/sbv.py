"""YouTube SubViewer (.sbv) captions: blocks of a `0:00:01.000,0:00:04.000` timing line and the
caption text, separated by blank lines. Speakers as `>> NAME:` or `Name:`; a caption without one
continues the speaker before it."""

from __future__ import annotations

import re

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.speech_pieces import Piece, pieces_to_turns
from icp_coach.transcripts.turns import TurnBuilder

SBV_TIMING = re.compile(r"^\s*(?P<start>\d{1,2}:\d{2}:\d{2}\.\d{1,3})\s*,\s*\d{1,2}:\d{2}:\d{2}\.\d{1,3}\s*$")


def looks_like_sbv(text: str) -> bool:
    head = text.lstrip("\ufeff").splitlines()[:40]
    first = next((line for line in head if line.strip()), "")
    return bool(SBV_TIMING.match(first))


def parse_sbv(lines: list[str], source: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns (a speaker's consecutive captions joined) and warnings."""
    pieces: list[Piece] = []
    warnings: list[str] = []
    timestamp: str | None = None
    in_caption = False
    captions = 0
    for number, line in enumerate(lines, start=1):
        timing = SBV_TIMING.match(line)
        if timing:
            timestamp, in_caption = timing.group("start"), True
            captions += 1
            continue
        if not line.strip():
            in_caption = False
            continue
        if not in_caption and captions == 0:
            warnings.append(f"line {number}: text before the first timing line; kept")
        pieces.append(Piece(number, line.strip(), timestamp))
    if captions == 0:
        raise TranscriptError(source, "no captions found in this SBV file", line=1,
                              what_to_do="check that it has timing lines such as '0:00:01.000,0:00:04.000'")
    turns, found = pieces_to_turns(pieces, "SBV")
    return turns, warnings + found
