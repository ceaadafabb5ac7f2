"""Scores every customer sentence for each class (the four forces, trigger, outcome, distractor)
from three signals: cue words in the sentence, the question the interviewer just asked, and how
close the sentence sits to each class's prototypes in embedding space.

Each sentence ends up in at most one class, so one quote is never filed under several forces, and
a sentence that reads as "I don't care about X" lands in `distractor` and is never a force.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from icp_coach.domain.jtbd_text import Sentence
from icp_coach.domain.transcript import Transcript
from icp_coach.engines.offline.jtbd.lexicon import cue_lexicon

# Every sentence of an answer gets the same lift from the question (not only the first few: an
# inserted sentence must not shift what the rest of the answer counts as).
QUESTION_BONUS = 1.5
EMBEDDING_WEIGHT = 8.0  # turns centred cosine margins (a few hundredths) into cue-sized points
MAX_EMBEDDED = 16  # the model costs ~25 ms a sentence: embed only the open cases
AMBIGUITY_MARGIN = 1.0
MIN_SCORE = 2.0


@dataclass
class ScoredSentence:
    sentence: Sentence
    scores: dict[str, float] = field(default_factory=dict)
    label: str | None = None

    @property
    def best(self) -> float:
        return self.scores.get(self.label, 0.0) if self.label else 0.0


def _ambiguous(scores: dict[str, float]) -> bool:
    """Worth a look by the embedding model: some evidence, but no clear winner."""
    ranked = sorted(scores.values(), reverse=True)
    top = ranked[0] if ranked else 0.0
    second = ranked[1] if len(ranked) > 1 else 0.0
    return top >= 1.0 and (top - second < AMBIGUITY_MARGIN or top < MIN_SCORE + 0.5)


def _long_enough(text: str, language: str) -> bool:
    if language == "zh":
        return sum(ch.isalnum() for ch in text) >= 6
    return len(text.split()) >= 4


def _question_context(transcript: Transcript) -> dict[int, set[str]]:
    """For each customer turn, the kinds of question asked in the interviewer turn before it."""
    lexicon = cue_lexicon(transcript.language)
    context: dict[int, set[str]] = {}
    asked: set[str] = set()
    for index, turn in enumerate(transcript.turns):
        if turn.is_interviewer:
            asked = lexicon.question_kinds(turn.text)
        else:
            context[index] = asked
            asked = set()
    return context


def score_sentences(transcript: Transcript, sentences: Sequence[Sentence],
                    embedder: Any = None) -> list[ScoredSentence]:
    lexicon = cue_lexicon(transcript.language)
    context = _question_context(transcript)
    scored: list[ScoredSentence] = []
    for sentence in sentences:
        if not _long_enough(sentence.text, transcript.language):
            continue
        scores = lexicon.score(sentence.text)
        for kind in context.get(sentence.turn_index, set()):
            if kind in scores:
                scores[kind] += QUESTION_BONUS
        scored.append(ScoredSentence(sentence, scores))
    distracted_turns = {item.sentence.turn_index for item in scored
                        if item.scores.get("distractor", 0.0) >= MIN_SCORE
                        and "distractor" in context.get(item.sentence.turn_index, set())}
    for item in scored:
        label = max(item.scores, key=lambda name: item.scores[name])
        others = max((v for k, v in item.scores.items() if k not in ("distractor", "other")), default=0.0)
        if item.scores.get("distractor", 0.0) >= max(MIN_SCORE, others):
            label = "distractor"  # "I don't care about X" is never evidence of a force
        if item.sentence.turn_index in distracted_turns:
            # the whole answer to "anything you didn't care about?" is about what they did not value
            item.scores["distractor"] = max(item.scores.get("distractor", 0.0), MIN_SCORE)
            label = "distractor"
        if label != "other" and item.scores[label] >= MIN_SCORE:
            item.label = label
    return scored
