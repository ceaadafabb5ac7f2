"""The offline JTBDExtractor: no model but the bundled embeddings, evidence only from the
customer's own sentences."""

from __future__ import annotations

from typing import Any

from icp_coach.domain.job_statement import compose
from icp_coach.domain.jtbd import (
    FORCES,
    TIMELINE_STAGES,
    EvidencedItem,
    Forces,
    JTBDResult,
    TimelineEvent,
)
from icp_coach.domain.jtbd_text import customer_sentences, verified_quote
from icp_coach.domain.transcript import Transcript
from icp_coach.engines.offline.jtbd.alternatives import find_alternatives, find_chosen_solution
from icp_coach.engines.offline.jtbd.chooser import chosen_by_someone_else
from icp_coach.engines.offline.jtbd.classify import ScoredSentence, score_sentences
from icp_coach.engines.offline.jtbd.lexicon import timeline_cues
from icp_coach.engines.offline.jtbd.story import tells_when

LIMITS = {"push": 5, "pull": 5, "anxiety": 5, "habit": 5, "trigger": 4, "outcome": 4,
          "distractor": 3}
# how much more a trigger that pins the moment down counts when the best few are kept: the head's
# probability says it is a trigger, a date or an ultimatum says it is the one that made them act
PINNED_TRIGGER_BONUS = 0.3
_LEAD_INS = ("yeah", "so", "and", "but", "well", "honestly", "oh", "okay", "ok", "basically", "sure")


def _short_text(text: str, language: str) -> str:
    limit = 60 if language == "zh" else 110
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _item(scored: ScoredSentence, transcript: Transcript) -> EvidencedItem | None:
    quote = verified_quote(scored.sentence.text, transcript)
    if quote is None:
        return None
    return EvidencedItem(text=_short_text(quote.quote, transcript.language), evidence=[quote],
                         verified=True)


def _top(scored: list[ScoredSentence], label: str, limit: int, language: str = "en") -> list[ScoredSentence]:
    """The `limit` best sentences of a class; a sentence said twice counts once. Triggers that
    pin the moment down (a date, an ultimatum someone gave) rank PINNED_TRIGGER_BONUS higher."""
    def rank(item: ScoredSentence) -> float:
        pinned = label == "trigger" and tells_when(item.sentence.text, language)
        return -item.best - (PINNED_TRIGGER_BONUS if pinned else 0.0)

    chosen: list[ScoredSentence] = []
    seen: set[str] = set()
    for item in sorted((s for s in scored if s.label == label), key=rank):
        key = " ".join(item.sentence.text.split()).lower()
        if key in seen:
            continue
        seen.add(key)
        chosen.append(item)
        if len(chosen) == limit:
            break
    return sorted(chosen, key=lambda s: (s.sentence.turn_index, s.sentence.start))


def _by_strength(items: list[ScoredSentence]) -> list[str]:
    return [item.sentence.text for item in sorted(items, key=lambda item: -item.best)]


def _pinned_first(items: list[ScoredSentence], language: str) -> list[str]:
    """Triggers strongest first, those that pin the moment down (a date, an ultimatum) ahead."""
    def rank(item: ScoredSentence) -> float:
        return -item.best - (PINNED_TRIGGER_BONUS if tells_when(item.sentence.text, language) else 0.0)
    return [item.sentence.text for item in sorted(items, key=rank)]


def _job_statement(tops: dict[str, list[ScoredSentence]], transcript: Transcript) -> list[EvidencedItem]:
    """"When <situation>, I want to <motivation>, so I can <outcome>" from short clauses of the
    customer's own words (domain/job_statement.py); none unless a trigger or push, something
    wanted and an outcome all back it, and none when the customer says someone else chose the
    product (their job is not why it was bought)."""
    if chosen_by_someone_else(transcript):
        return []
    statement = compose(_pinned_first(tops["trigger"], transcript.language) + _by_strength(tops["push"]),
                        _by_strength(tops["pull"]), _by_strength(tops["outcome"]), transcript.language)
    if statement is None:
        return []
    evidence = [verified_quote(sentence, transcript) for sentence in statement.sources]
    if any(quote is None for quote in evidence):
        return []
    return [EvidencedItem(text=statement.text, evidence=[q for q in evidence if q is not None],
                          verified=True)]


def _timeline(transcript: Transcript, scored: list[ScoredSentence]) -> list[TimelineEvent]:
    cues = timeline_cues(transcript.language)
    events: list[TimelineEvent] = []
    used: set[tuple[int, int]] = set()
    candidates = sorted((s for s in scored if s.label != "distractor"),
                        key=lambda s: (s.sentence.turn_index, s.sentence.start))
    for stage in TIMELINE_STAGES:
        for item in candidates:
            key = (item.sentence.turn_index, item.sentence.start)
            if key in used or not any(p.search(item.sentence.text) for p in cues.get(stage, [])):
                continue
            quote = verified_quote(item.sentence.text, transcript)
            if quote is None:
                continue
            used.add(key)
            events.append(TimelineEvent(stage=stage, text=_short_text(quote.quote, transcript.language),  # type: ignore[arg-type]
                                        evidence=[quote]))
            break
    return events


class OfflineJTBDExtractor:
    """Implements the JTBDExtractor port (domain/ports.py) without any language model."""

    name = "offline"

    def __init__(self, embedder: Any = None) -> None:
        self.embedder = embedder  # None: cue lexicons only

    def extract_jtbd(self, transcript: Transcript) -> JTBDResult:
        sentences = customer_sentences(transcript)
        scored = score_sentences(transcript, sentences, self.embedder)
        picked: dict[str, list[EvidencedItem]] = {}
        tops: dict[str, list[ScoredSentence]] = {}
        for label, limit in LIMITS.items():
            tops[label] = _top(scored, label, limit, transcript.language)
            items = [_item(s, transcript) for s in tops[label]]
            picked[label] = [item for item in items if item is not None]
        forces = Forces(**{name: picked[name] for name in FORCES})
        chosen = find_chosen_solution(transcript)
        distractors = sum(1 for s in scored if s.label == "distractor")
        notes = [f"{distractors} sentence(s) where the customer said they did not value something "
                 "were kept out of the forces"] if distractors else []
        return JTBDResult(
            source=transcript.source,
            language=transcript.language,
            interviewers=transcript.interviewers,
            customers=list(dict.fromkeys(t.speaker for t in transcript.customer_turns() if t.speaker)),
            forces=forces,
            triggers=picked["trigger"],
            timeline=_timeline(transcript, scored),
            alternatives=find_alternatives(transcript, chosen),
            chosen_solution=chosen,
            desired_outcomes=picked["outcome"],
            job_statements=_job_statement(tops, transcript),
            not_valued=picked["distractor"],
            engine=self.name,
            notes=notes,
        )
