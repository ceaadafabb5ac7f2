"""Features for the JTBD sentence classifier that carry across trades: hashed word (English) or
character (Chinese) n-grams, general cue-word counts per class, the type of the interviewer's
preceding question, and markers of negation, person, tense, condition and hedging.

Cheap by design (no model call): a 10,000-word interview is featurised in well under a second.
The same function builds the training matrix (training/train_jtbd.py) and the run-time one.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

from icp_coach.engines.offline.jtbd.lexicon import CLASSES, cue_lexicon

HASH_BUCKETS = 2048
QUESTION_BUCKETS = 256  # the interviewer's preceding question, as n-grams of its own
QUESTION_KINDS = ("push", "pull", "anxiety", "habit", "trigger", "outcome", "distractor",
                  "alternatives")
_MARKERS = {
    "negation": r"\b(not|no|never|n't|nobody|nothing|none)\b|不|没|别|无",
    "first_person": r"\b(i|we|my|our|me|us|i'm|we're|i'd|we'd)\b|我|我们",
    "past": r"\b(was|were|had|did|used to|\w+ed)\b|了|过|以前|之前|当时",
    "future": r"\b(will|want|would like|hope|goal|going to|'d like)\b|希望|想要|目标|要做到",
    "conditional": r"\b(if|what if|unless|in case)\b|如果|要是|万一",
    "hedge": r"\b(maybe|kind of|sort of|i guess|probably|honestly|like)\b|可能|好像|其实",
    "relayed": r"\b(said|told me|says|asked)\b|说|告诉",
    "number": r"\d|\b(one|two|three|four|five|ten|twenty|thirty|forty|fifty|hundred|percent)\b|[一二三四五六七八九十百千万]",
    "question": r"[?？]",
}
_COMPILED = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _MARKERS.items()}
_WORD = re.compile(r"[a-z']+|\d+")
_CJK = re.compile(r"[\u4e00-\u9fff]")

FEATURE_NAMES: tuple[str, ...] = (
    tuple(f"hash_{i}" for i in range(HASH_BUCKETS))
    + tuple(f"cue_{name}" for name in CLASSES)
    + tuple(f"asked_{kind}" for kind in QUESTION_KINDS) + ("asked_nothing",)
    + tuple(f"has_{name}" for name in _MARKERS)
    + ("length", "first_in_turn", "zh")
    + tuple(f"question_hash_{i}" for i in range(QUESTION_BUCKETS))
)


def _units(text: str, language: str) -> list[str]:
    if language == "zh":
        chars = [c for c in text if _CJK.match(c) or c.isalnum()]
        return chars + [a + b for a, b in zip(chars, chars[1:], strict=False)]
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _bucket(unit: str) -> int:
    return zlib.crc32(unit.encode("utf-8")) % HASH_BUCKETS


def sentence_features(texts: Sequence[str], asked: Sequence[set[str]], first_in_turn: Sequence[bool],
                      language: str, questions: Sequence[str] | None = None) -> np.ndarray:
    """One row per sentence; `asked` holds the question kinds of the interviewer turn before it,
    `questions` its text."""
    lexicon = cue_lexicon(language)
    rows = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=np.float32)
    cue_at = HASH_BUCKETS
    asked_at = cue_at + len(CLASSES)
    marker_at = asked_at + len(QUESTION_KINDS) + 1
    tail_at = marker_at + len(_MARKERS)
    for row, text in enumerate(texts):
        units = _units(text, language)
        for unit in units:
            rows[row, _bucket(unit)] += 1.0
        if units:
            rows[row, :HASH_BUCKETS] /= np.sqrt(len(units))
        scores = lexicon.score(text)
        for j, name in enumerate(CLASSES):
            rows[row, cue_at + j] = scores.get(name, 0.0)
        kinds = asked[row]
        for j, kind in enumerate(QUESTION_KINDS):
            rows[row, asked_at + j] = float(kind in kinds)
        rows[row, asked_at + len(QUESTION_KINDS)] = float(not kinds)
        for j, pattern in enumerate(_COMPILED.values()):
            rows[row, marker_at + j] = float(bool(pattern.search(text)))
        size = len(text) / 3 if language == "zh" else len(text.split())
        rows[row, tail_at] = min(size, 40) / 40
        rows[row, tail_at + 1] = float(first_in_turn[row])
        rows[row, tail_at + 2] = float(language == "zh")
        if questions is not None and questions[row]:
            units = _units(questions[row], language)
            for unit in units:
                rows[row, tail_at + 3 + zlib.crc32(b"q" + unit.encode("utf-8")) % QUESTION_BUCKETS] += 1.0
            if units:
                rows[row, tail_at + 3:] /= np.sqrt(len(units))
    return rows
