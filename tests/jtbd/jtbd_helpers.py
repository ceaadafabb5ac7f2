"""Shared helpers for the JTBD tests: fixtures folder, writing files, checking quotes."""

from __future__ import annotations

from pathlib import Path

from icp_coach.domain.jtbd import FORCES, JTBDResult, Quote
from icp_coach.domain.jtbd_text import find_span
from icp_coach.domain.transcript import Transcript

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def every_quote(result: JTBDResult) -> list[Quote]:
    quotes = [q for force in FORCES for item in getattr(result.forces, force) for q in item.evidence]
    for items in (result.triggers, result.desired_outcomes, result.job_statements, result.not_valued):
        quotes += [q for item in items for q in item.evidence]
    quotes += [q for event in result.timeline for q in event.evidence]
    quotes += [q for alt in result.alternatives for q in alt.evidence]
    return quotes


def in_a_customer_turn(quote: Quote, transcript: Transcript) -> bool:
    """Verbatim (exact, not even whitespace-normalised) in a customer turn, at the stated line."""
    for turn in transcript.turns:
        if turn.is_interviewer:
            continue
        at = turn.text.find(quote.quote)
        if at >= 0 and turn.line_at(at) == quote.line and turn.speaker == quote.speaker:
            return True
    return False


def in_an_interviewer_turn_only(text: str, transcript: Transcript) -> bool:
    return (any(find_span(text, t.text) for t in transcript.turns if t.is_interviewer)
            and not any(find_span(text, t.text) for t in transcript.turns if not t.is_interviewer))
