"""Pieces of speech read from a caption or table format, turned into turns.

A piece carries its source line and timestamp, and a speaker when the format names one in a field
(a CSV column, `ttm:agent`, the ASS Name field). Without one, a `Name:` or `>> NAME:` label at the
start of the text names the speaker; a piece with neither continues the speaker before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from icp_coach.domain.non_speech import is_only_non_speech
from icp_coach.transcripts.label_lines import (
    LABELLED,
    looks_like_phrase,
    name_and_role,
    plausible_name,
)
from icp_coach.transcripts.turns import TurnBuilder, join_same_speaker

_CHEVRONS = re.compile(r"^\s*(?:>>+|&gt;&gt;)\s*")
_NAME_WITH_ROLE = re.compile(r"^(?P<name>[^(（]+?)\s*[(（](?P<role>[^)）]+)[)）]$")


@dataclass
class Piece:
    line: int
    text: str
    timestamp: str | None = None
    speaker: str | None = None  # named by a field of the format; None: look in the text
    role: str = ""
    part_lines: list[int] | None = None  # the line of each "\n"-separated part, when they differ

    written: str = ""  # the speaker field as written, when a role was split off it

    def parts(self, text: str) -> list[tuple[int, str]]:
        lines = self.part_lines or []
        return [(lines[i] if i < len(lines) else self.line, part) for i, part in enumerate(text.split("\n"))]


def split_role(written: str) -> tuple[str, str]:
    """"Maya Chen (VP Ops)" -> ("Maya Chen", "VP Ops"); "周敏（店长）" -> ("周敏", "店长")."""
    written = written.strip()
    match = _NAME_WITH_ROLE.match(written)
    if match:
        return match.group("name").strip(), match.group("role").strip()
    return written, ""


def _label_in_text(text: str) -> tuple[str | None, str, str, str]:
    """(speaker or None, role, the text after the label, the label as written)."""
    first, newline, rest = text.partition("\n")
    match = LABELLED.match(first)
    if match and plausible_name(match.group("name")):
        name, role, _, written = name_and_role(match, "name")
        return name, role, match.group("text").strip() + newline + rest, written
    return None, "", text, ""


def pieces_to_turns(pieces: list[Piece], kind: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns, a speaker's consecutive pieces joined as one (a space between them, none between
    Chinese), and warnings."""
    found = [_label_in_text(_CHEVRONS.sub("", p.text)) for p in pieces]
    named = Counter(f[0] for f, p in zip(found, pieces, strict=True) if f[0] and p.speaker is None)
    turns: list[TurnBuilder] = []
    warnings: list[str] = []
    speaker: str | None = None
    role = label = ""
    for piece, in_text in zip(pieces, found, strict=True):
        text = _CHEVRONS.sub("", piece.text).strip(" \t")
        if not text or is_only_non_speech(text):
            continue  # [Music], (laughs): the recording, not a speaker
        name, found_role, rest, written = in_text
        if piece.speaker:
            speaker, role, label = piece.speaker, piece.role, piece.written or piece.speaker
            if name in (piece.speaker, piece.written):
                text = rest  # "Maya: ..." in a caption the format already gives to Maya
        elif name and not (named[name] == 1 and speaker and looks_like_phrase(name, found_role)):
            # (a one-off "So: ..." at the start of a caption is speech, not a new speaker)
            speaker, role, text, label = name, found_role, rest, written
        if speaker is None:
            speaker, role = "", ""
            warnings.append(f"line {piece.line}: speech before any speaker is named; kept without a speaker")
        if not text or is_only_non_speech(text):
            continue
        parts = piece.parts(text)
        turns.append(TurnBuilder(speaker, role, parts[0][0], piece.timestamp, label=label))
        for line, part in parts:
            turns[-1].add(part, line)
    if not any(turn.speaker for turn in turns) and turns:
        warnings.append(f"no speaker is named anywhere in this {kind} file; every turn is kept without one")
    return join_same_speaker(turns), warnings
