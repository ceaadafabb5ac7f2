"""ELAN annotation files (`.eaf`, `<ANNOTATION_DOCUMENT>`), as linguists and qualitative
researchers keep transcribed interviews: one tier per speaker, each annotation aligned to two
time slots of the `<TIME_ORDER>`.

The speaker of a tier is its PARTICIPANT, else its TIER_ID. Only top-level tiers are speech:
a tier with a PARENT_REF (a translation, gloss or note of another tier) is not, nor are
reference annotations. The annotations of all speech tiers are put in time order (an
annotation whose slots carry no time keeps its place after the last timed one of its tier).
Parsed by `safe_xml` (no DOCTYPE, no entities, nothing fetched).
"""

from __future__ import annotations

import re

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.safe_xml import Node
from icp_coach.transcripts.speech_pieces import Piece, pieces_to_turns, split_role
from icp_coach.transcripts.turns import TurnBuilder

ROOT = "ANNOTATION_DOCUMENT"
_SPACE = re.compile(r"\s+")


def _elements(node: Node, name: str) -> list[Node]:
    return [c for c in node.children if not isinstance(c, tuple) and c.name == name]


def _text(node: Node) -> str:
    return "".join(c[1] if isinstance(c, tuple) else _text(c) for c in node.children)


def _slot_times(root: Node) -> dict[str, int]:
    times: dict[str, int] = {}
    for order in _elements(root, "TIME_ORDER"):
        for slot in _elements(order, "TIME_SLOT"):
            value = slot.attrs.get("TIME_VALUE", "")
            if slot.attrs.get("TIME_SLOT_ID") and value.strip().isdigit():
                times[slot.attrs["TIME_SLOT_ID"]] = int(value)
    return times


def _clock(milliseconds: int) -> str:
    seconds, millis = divmod(milliseconds, 1000)
    minutes, secs = divmod(seconds, 60)
    hours, mins = divmod(minutes, 60)
    return f"{hours:02d}:{mins:02d}:{secs:02d}.{millis:03d}"


def parse_elan(root: Node, source: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns (a speaker's consecutive annotations joined) and warnings."""
    times = _slot_times(root)
    timed: list[tuple[float, int, Piece]] = []
    tiers = [tier for tier in _elements(root, "TIER") if not tier.attrs.get("PARENT_REF")]
    for tier_index, tier in enumerate(tiers):
        written = (tier.attrs.get("PARTICIPANT") or "").strip() or (tier.attrs.get("TIER_ID") or "").strip()
        name, role = split_role(written) if written else (None, "")
        last = -1.0
        for annotation in _elements(tier, "ANNOTATION"):
            for aligned in _elements(annotation, "ALIGNABLE_ANNOTATION"):
                value = next(iter(_elements(aligned, "ANNOTATION_VALUE")), None)
                text = _SPACE.sub(" ", _text(value)).strip() if value is not None else ""
                if not text:
                    continue
                start = times.get(aligned.attrs.get("TIME_SLOT_REF1", ""))
                at = float(start) if start is not None else last + 0.001
                last = at
                piece = Piece(value.line if value is not None else aligned.line, text,
                              _clock(start) if start is not None else None, speaker=name, role=role,
                              written=written)
                timed.append((at, tier_index, piece))
    if not timed:
        raise TranscriptError(source, "no annotations with text on a speaker tier of this ELAN file",
                              line=root.line, what_to_do="check the tiers in ELAN and save the file again")
    timed.sort(key=lambda item: (item[0], item[1]))
    return pieces_to_turns([piece for _, _, piece in timed], "ELAN annotation")
