"""The offline JTBDExtractor: no model but the bundled embeddings, evidence only from the
customer's own sentences."""

from __future__ import annotations

from typing import Any

from icp_coach.domain.jtbd import (
    FORCES,
    TIMELINE_STAGES,
    EvidencedItem,
    Forces,
    JTBDResult,
    Quote,
    TimelineEvent,
)
from icp_coach.domain.jtbd_text import customer_sentences, verified_quote
from icp_coach.domain.transcript import Transcript
from icp_coach.engines.offline.jtbd.alternatives import find_alternatives, find_chosen_solution
from icp_coach.engines.offline.jtbd.classify import ScoredSentence, score_sentences
from icp_coach.engines.offline.jtbd.lexicon import timeline_cues

LIMITS = {"push": 5, "pull": 5, "anxiety": 5, "habit": 5, "trigger": 3, "outcome": 4,
          "distractor": 3}
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


def _top(scored: list[ScoredSentence], label: str, limit: int) -> list[ScoredSentence]:
    """The `limit` best sentences of a class; a sentence said twice counts once."""
    chosen: list[ScoredSentence] = []
    seen: set[str] = set()
    for item in sorted((s for s in scored if s.label == label), key=lambda s: -s.best):
        key = " ".join(item.sentence.text.split()).lower()
        if key in seen:
            continue
        seen.add(key)
        chosen.append(item)
        if len(chosen) == limit:
            break
    return sorted(chosen, key=lambda s: (s.sentence.turn_index, s.sentence.start))


def _clause(text: str, language: str) -> str:
    """A quote turned into a clause for a job statement: lead-ins and end punctuation dropped."""
    text = " ".join(text.split()).strip(" .!?。！？；;,，\"“”")
    if language == "zh":
        return text
    words = text.split()
    while words and words[0].lower().strip(",.") in _LEAD_INS:
        words = words[1:]
    text = " ".join(words)
    return text[:1].lower() + text[1:] if text[:2] != "I " else text


def _strongest(items: list[ScoredSentence], language: str) -> Quote | None:
    """The best-scored sentence that is long enough to carry a clause of a job statement."""
    def size(item: ScoredSentence) -> int:
        text = item.sentence.text
        return len(text) // 3 if language == "zh" else len(text.split())
    fitting = [item for item in items if 6 <= size(item) <= 30] or items
    if not fitting:
        return None
    best = max(fitting, key=lambda item: (item.best, size(item)))
    return Quote(quote=best.sentence.text, source="", line=0)


def _job_statement(tops: dict[str, list[ScoredSentence]], transcript: Transcript) -> list[EvidencedItem]:
    language = transcript.language
    situation = _strongest(tops["push"] or tops["anxiety"], language)
    progress = _strongest(tops["pull"], language)
    goal = _strongest(tops["outcome"] or tops["pull"][1:], language)
    if situation is None or progress is None or goal is None:
        return []
    evidence = [q for q in (verified_quote(x.quote, transcript) for x in (situation, progress, goal))
                if q is not None]
    if len(evidence) < 3:
        return []
    s, p, g = (_clause(q.quote, language) for q in evidence)
    if language == "zh":
        text = f"当{s}时，我希望有这样的方案：{p}，这样我就能做到：{g}。"
    else:
        for prefix in ("i want to ", "i'd like to ", "i would like to ", "i need to "):
            if g.lower().startswith(prefix):
                g = g[len(prefix):]
                break
        else:
            g = f"get to this: {g}"
        text = f"When {s}, I want to have this: {p}, so I can {g}."
    return [EvidencedItem(text=text, evidence=evidence, verified=True)]


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
            tops[label] = _top(scored, label, limit)
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
