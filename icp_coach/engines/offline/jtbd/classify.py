"""Labels every customer sentence with one JTBD class (the four forces, trigger, outcome,
distractor = not valued) using the learned head (head.npz, trained by training/train_jtbd.py on
interviews from over a hundred trades, English and Chinese) over features that carry across domains
(features.py): hashed n-grams, general cue words, the interviewer's preceding question type, and
markers of negation (and its scope over a worry), person, tense and aspect, modality, dismissal.

With the bundled embedding model, a second head over each sentence's embedding gives a second
opinion that is averaged in (embedding_blend.py): it carries meaning said in words the n-gram head
never saw. Embedding is bounded by a token budget an interview (under 3 s on one core).

Each sentence ends up in at most one class, so one quote is never filed under several forces, and
a sentence that reads as "I don't care about X", "we never use the X", "X is nice, but not why we moved"
or "my partner loves X, I never open it" (set_aside.py) lands in `distractor` and
is never a force.
Without the shipped head (a broken install) the general cue words decide alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from icp_coach.domain.jtbd_text import Sentence
from icp_coach.domain.transcript import Transcript
from icp_coach.engines.offline.jtbd.asides import (
    courtesy_praise,
    disowns,
    only_agrees,
    turns_down_a_what_if,
)
from icp_coach.engines.offline.jtbd.decision import MIN_PROBABILITY, decide
from icp_coach.engines.offline.jtbd.lexicon import cue_lexicon
from icp_coach.engines.offline.jtbd.outcome_frames import outcomes_framed_as_results
from icp_coach.engines.offline.jtbd.set_aside import sets_aside
from icp_coach.engines.offline.jtbd.story import carry_story_triggers, dated_one_offs_are_triggers
from icp_coach.engines.offline.jtbd.trigger_answer import (
    dated_scenes_in_trigger_answers,
    no_moment_no_trigger,
    pointed_back_at,
    story_goes_on,
)

QUESTION_BONUS = 1.5
MIN_SCORE = 2.0  # cue points needed by the fallback
# a sentence worded as a dismissal ("we never use the X") whose head gives "not valued" at least
# this much is filed as a distractor even when a force scores higher: calling something the
# customer did not value a force misleads more than missing one force quote
DISMISSAL_PROBABILITY = 0.2
# ... unless the heads are this sure of another class: "so that a breakdown is a phone call, not a
# lost customer" is an outcome, whatever "not a" says
SURE_OF_ANOTHER_CLASS = 0.6
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)）]*$")
# head labels -> the extractor's class names
_HEAD_TO_CLASS = {"desired_outcome": "outcome", "not_valued": "distractor", "none": "other"}


@dataclass
class ScoredSentence:
    sentence: Sentence
    scores: dict[str, float] = field(default_factory=dict)
    label: str | None = None

    @property
    def best(self) -> float:
        return self.scores.get(self.label, 0.0) if self.label else 0.0


def _long_enough(text: str, language: str) -> bool:
    if language == "zh":
        return sum(ch.isalnum() for ch in text) >= 6
    return len(text.split()) >= 4


def _question_context(transcript: Transcript) -> dict[int, set[str]]:
    """For each customer turn, the kinds of question asked in the interviewer turn before it."""
    lexicon = cue_lexicon(transcript.language)
    return {index: lexicon.question_kinds(text) for index, text in _questions(transcript).items()}


def _questions(transcript: Transcript) -> dict[int, str]:
    """For each customer turn, the interviewer's turn just before it ("" when none)."""
    questions: dict[int, str] = {}
    asked = ""
    for index, turn in enumerate(transcript.turns):
        if turn.is_interviewer:
            asked = turn.text
        else:
            questions[index] = asked
            asked = ""
    return questions


@lru_cache(maxsize=1)
def shipped_head() -> Any:
    """The trained head shipped beside this module, or None when it is missing."""
    from icp_coach.engines.offline.learned.head import LinearHead

    try:
        with resources.files(__package__).joinpath("head.npz").open("rb") as handle:
            return LinearHead.load(handle)
    except (FileNotFoundError, OSError, ValueError):
        return None


def _by_cues(transcript: Transcript, items: list[ScoredSentence], context: dict[int, set[str]]) -> None:
    lexicon = cue_lexicon(transcript.language)
    for item in items:
        scores = lexicon.score(item.sentence.text)
        for kind in context.get(item.sentence.turn_index, set()):
            if kind in scores:
                scores[kind] += QUESTION_BONUS
        item.scores = scores
        label = max(scores, key=lambda name: scores[name])
        others = max((v for k, v in scores.items() if k != "distractor"), default=0.0)
        if scores.get("distractor", 0.0) >= max(MIN_SCORE, others):
            label = "distractor"
        if scores[label] >= MIN_SCORE:
            item.label = label


def _by_head(head: Any, transcript: Transcript, items: list[ScoredSentence],
             context: dict[int, set[str]], embedder: Any = None) -> None:
    from icp_coach.engines.offline.jtbd.embedding_blend import blended, usable_head
    from icp_coach.engines.offline.jtbd.features import (
        FEATURE_NAMES,
        dismisses,
        dismisses_what_came_before,
        introduces_a_feature,
        sentence_features,
    )

    # position in the answer is left out on purpose: a sentence inserted into an answer must not
    # change how the rest of it is read
    firsts = [False] * len(items)
    questions = _questions(transcript)
    features = sentence_features([i.sentence.text for i in items],
                                 [context.get(i.sentence.turn_index, set()) for i in items],
                                 firsts, transcript.language,
                                 [questions.get(i.sentence.turn_index, "") for i in items])
    probabilities = head.predict_proba(features)
    rescue = head.meta.get("rescue") or {}
    second = usable_head(embedder)
    if second is not None:
        probabilities = blended(second, embedder, [i.sentence.text for i in items], features,
                                head.classes, probabilities)
        rescue = second.meta.get("rescue") or {}
    # "I don't care about X" said outright, or anything in the answer to "what didn't matter?",
    # is never a force, whatever the head makes of the rest of the sentence (the distractor cue
    # points are a column of the features already)
    said_outright = [bool(points >= MIN_SCORE) for points in features[:, FEATURE_NAMES.index("cue_distractor")]]
    dismissive_turns = {item.sentence.turn_index for item, outright in zip(items, said_outright, strict=True)
                        if outright and "distractor" in context.get(item.sentence.turn_index, set())}
    for item, row, outright in zip(items, probabilities, said_outright, strict=True):
        by_head_class = {name: float(p) for name, p in zip(head.classes, row, strict=True)}
        item.scores = {_HEAD_TO_CLASS.get(name, name): p for name, p in by_head_class.items()}
        decided = decide(by_head_class, rescue)
        label = _HEAD_TO_CLASS.get(decided, decided)
        sure_of_another = max((p for name, p in item.scores.items() if name not in ("distractor", "other")),
                              default=0.0) >= SURE_OF_ANOTHER_CLASS
        worded_as_dismissal = (item.scores.get("distractor", 0.0) >= DISMISSAL_PROBABILITY
                               and dismisses(item.sentence.text) and not sure_of_another)
        if outright or worded_as_dismissal or item.sentence.turn_index in dismissive_turns:
            item.scores["distractor"] = max(item.scores.get("distractor", 0.0), MIN_PROBABILITY)
            label = "distractor"
        if label != "other":
            item.label = label
    _dismissed_before(transcript, items, dismisses_what_came_before, introduces_a_feature)


def _dismissed_before(transcript: Transcript, items: list[ScoredSentence], points_back: Any,
                      shows_a_feature: Any) -> None:
    """A clause cut from a run-on ("there's a 3d viewer" | "we never really use that"), or a
    sentence that shows a feature ("There's a loyalty thing." | "We never use that."), takes the
    dismissal that follows it in the same breath."""
    for item, after in zip(items, items[1:], strict=False):
        here, there = item.sentence, after.sentence
        if here.turn_index != there.turn_index or after.label != "distractor":
            continue
        between = transcript.turns[here.turn_index].text[here.end:there.start]
        cut_mid_sentence = between.strip() == "" and not _SENTENCE_END.search(here.text)
        next_breath = len(between.strip()) <= 2 and shows_a_feature(here.text)
        if (cut_mid_sentence or next_breath) and item.label != "distractor" and points_back(there.text):
            item.scores["distractor"] = max(item.scores.get("distractor", 0.0), MIN_PROBABILITY)
            item.label = "distractor"


def score_sentences(transcript: Transcript, sentences: Sequence[Sentence],
                    embedder: Any = None) -> list[ScoredSentence]:
    """With the bundled `embedder`, the embedding head's opinion is blended in (see embedding_blend)."""
    context = _question_context(transcript)
    items = [ScoredSentence(s) for s in sentences if _long_enough(s.text, transcript.language)]
    if not items:
        return items
    head = shipped_head()
    if head is None:
        _by_cues(transcript, items, context)
    else:
        _by_head(head, transcript, items, context, embedder)
    questions = _questions(transcript)
    dated_one_offs_are_triggers(items, transcript.language)
    dated_scenes_in_trigger_answers(items, questions, transcript.language)
    carry_story_triggers(items, transcript.language)
    outcomes_framed_as_results(items, transcript.language)
    pointed_back_at(items, transcript.language)
    story_goes_on(items, questions, transcript.language)
    no_moment_no_trigger(items, transcript.language)
    _set_aside_is_not_a_force(items, transcript.language)
    _asides_are_not_forces(items, transcript)
    return items


_FORCES_AND_TRIGGER = ("push", "pull", "anxiety", "habit", "trigger")


def _set_aside_is_not_a_force(items: list[ScoredSentence], language: str) -> None:
    """"The reports are nice, but that's not why we moved", "my partner loves the dashboard, I
    never open it": the praise is granted or someone else's, the speaker did not value it (last,
    so no later rule turns it back into a force)."""
    for item in items:
        if item.label in _FORCES_AND_TRIGGER and sets_aside(item.sentence.text, language):
            item.scores["distractor"] = max(item.scores.get("distractor", 0.0), MIN_PROBABILITY)
            item.label = "distractor"


def _asides_are_not_forces(items: list[ScoredSentence], transcript: Transcript) -> None:
    """Someone else's trouble disowned, a what-if turned down (not valued: a distractor); the
    interviewer's words echoed back, praise said as a courtesy (talk: no class). Last, like the
    set-aside rule, so no later rule files them as forces again (asides.py)."""
    language = transcript.language
    for item in items:
        if item.label not in _FORCES_AND_TRIGGER:
            continue
        text = item.sentence.text
        if disowns(text, language) or turns_down_a_what_if(text, language):
            item.scores["distractor"] = max(item.scores.get("distractor", 0.0), MIN_PROBABILITY)
            item.label = "distractor"
        elif only_agrees(text, language) or courtesy_praise(
                text, transcript.turns[item.sentence.turn_index].text, language):
            item.label = None
