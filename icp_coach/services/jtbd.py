"""Transcripts to Jobs-To-Be-Done: the use case, whatever engine proposes the findings.

Code disposes what an engine proposes: every quote is checked against the customer's turns
(whitespace-normalised exact match) and replaced by the transcript's own span with its line; a
quote found nowhere, or only in the interviewer's words, is dropped, and an item left without a
checked quote is kept as unverified (its text is never shown as a quote). One quote is filed under
one force only, and nothing the customer said they did not value counts as a force.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from icp_coach.domain.jtbd import (
    FORCES,
    Alternative,
    EvidencedItem,
    Forces,
    JTBDReport,
    JTBDResult,
    Quote,
    TimelineEvent,
)
from icp_coach.domain.jtbd_merge import MAX_PER_FORCE, merge_results, one_force_per_quote
from icp_coach.domain.jtbd_text import locate_in_customer_turns, normalise
from icp_coach.domain.ports import JTBDExtractor
from icp_coach.domain.transcript import Transcript

__all__ = ["MAX_PER_FORCE", "analyse_transcripts", "merge_results", "verify_result"]


def _check_quote(quote: Quote, transcript: Transcript) -> Quote | None:
    found = locate_in_customer_turns(quote.quote, transcript)
    if found is None:
        return None
    return Quote(quote=found.text, source=transcript.source, line=found.turn.line_at(found.start),
                 speaker=found.turn.speaker, timestamp=found.turn.timestamp)


class _Checker:
    """Checks quotes against one transcript and counts what it had to drop."""

    def __init__(self, transcript: Transcript) -> None:
        self.transcript = transcript
        self.dropped: list[str] = []

    def quotes(self, quotes: Iterable[Quote]) -> list[Quote]:
        kept: list[Quote] = []
        for quote in quotes:
            checked = _check_quote(quote, self.transcript)
            if checked is None:
                self.dropped.append(quote.quote)
            elif all(normalise(checked.quote) != normalise(k.quote) for k in kept):
                kept.append(checked)
        return kept

    def item(self, item: EvidencedItem) -> EvidencedItem:
        evidence = self.quotes(item.evidence)
        return EvidencedItem(text=item.text, evidence=evidence, verified=bool(evidence))

    def items(self, items: Iterable[EvidencedItem]) -> list[EvidencedItem]:
        return [self.item(item) for item in items]


def verify_result(result: JTBDResult, transcript: Transcript) -> JTBDResult:
    """The result with every quote checked against the customer's turns (see module doc)."""
    check = _Checker(transcript)
    language = transcript.language
    not_valued = check.items(result.not_valued)
    forces = Forces(**{force: check.items(getattr(result.forces, force)) for force in FORCES})
    forces = one_force_per_quote(forces, not_valued, language)
    timeline = [TimelineEvent(stage=e.stage, text=e.text, evidence=check.quotes(e.evidence))
                for e in result.timeline]
    alternatives = [Alternative(name=a.name, considered=a.considered, evidence=check.quotes(a.evidence))
                    for a in result.alternatives]
    notes = list(result.notes)
    if check.dropped:
        notes.append(f"{len(check.dropped)} proposed quote(s) were not found verbatim in a customer "
                     "turn and were dropped")
    return result.model_copy(update={
        "source": transcript.source,
        "language": language,
        "interviewers": list(transcript.interviewers),
        "customers": list(dict.fromkeys(t.speaker for t in transcript.customer_turns() if t.speaker)),
        "forces": forces,
        "triggers": check.items(result.triggers),
        "timeline": timeline,
        "alternatives": alternatives,
        "desired_outcomes": check.items(result.desired_outcomes),
        "job_statements": check.items(result.job_statements),
        "not_valued": not_valued,
        "notes": notes,
    })


# --- the use case -----------------------------------------------------------------------------
def analyse_transcripts(transcripts: Sequence[Transcript], extractor: JTBDExtractor, *,
                        pattern_threshold: int = 3,
                        embed: Callable[[list[str]], list[list[float]]] | None = None,
                        progress: Callable[[str], None] | None = None) -> JTBDReport:
    """Each interview through the extractor, every quote verified, then themes across them."""
    from icp_coach.services.jtbd_themes import build_themes

    results: list[JTBDResult] = []
    for transcript in transcripts:
        if progress:
            progress(f"reading {transcript.source} ({len(transcript.turns)} turns)")
        proposed = extractor.extract_jtbd(transcript)
        results.append(verify_result(proposed, transcript))
    themes = build_themes(results, threshold=pattern_threshold, embed=embed)
    return JTBDReport(interviews=results, themes=themes, pattern_threshold=pattern_threshold)
