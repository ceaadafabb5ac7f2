"""The second opinion on a customer sentence: a head over the bundled model's sentence embedding
and the n-gram features that carry across trades (trained by training/train_jtbd_embeddings.py),
averaged with the n-gram head's probabilities.

Hashed n-grams know the words of the interviews they were trained on; an embedding carries the
meaning of a sentence said in other words, so the blend holds up better on interviews written by
other hands. Embedding costs about 0.8 ms of CPU a token on one core, so an interview gets a
budget of TOKEN_BUDGET tokens: every sentence of an interview of ordinary length, and in a very
long one those the n-gram head thinks least likely to be nothing. The rest keep the n-gram
head's probabilities.

Used only with the embedding model the head was trained on (its name is in the head's metadata):
with a test fake or no embedder the n-gram head decides alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from icp_coach.engines.offline.jtbd.features import FEATURE_NAMES

EMBEDDING_HEAD = Path(__file__).with_name("embedding_head.npz")
NOT_VALUED = "not_valued"
# the model costs about 0.8 ms of CPU a token on one core, and the estimate runs about 20% high:
# 4,000 is under 3 s, every customer sentence of a half-hour interview
TOKEN_BUDGET = 4000.0


# the n-gram features that say how a sentence is said rather than which words it uses (cue counts,
# the kind of question before it, negation, person, tense, dated events...): hashed n-grams left out
GENERAL_COLUMNS = [i for i, name in enumerate(FEATURE_NAMES) if "hash_" not in name]


def general_features(ngram_features: np.ndarray) -> np.ndarray:
    """The columns of the n-gram head's feature matrix the embedding head also reads."""
    return np.asarray(ngram_features, dtype=np.float32)[:, GENERAL_COLUMNS]


@lru_cache(maxsize=1)
def shipped_embedding_head() -> Any:
    """The embedding head shipped beside this module, or None when it is missing."""
    from icp_coach.engines.offline.learned.head import LinearHead

    try:
        with resources.files(__package__).joinpath(EMBEDDING_HEAD.name).open("rb") as handle:
            return LinearHead.load(handle)
    except (FileNotFoundError, OSError, ValueError):
        return None


def usable_head(embedder: Any) -> Any:
    """The embedding head when `embedder` is the model it was trained on, else None."""
    head = shipped_embedding_head()
    if head is None or embedder is None or getattr(embedder, "name", None) != head.meta.get("embedder"):
        return None
    return head


def estimated_tokens(text: str) -> float:
    """The model's tokens for `text`, roughly: about 1.4 a word, 0.9 a Chinese character, plus the
    fixed cost of every input (its prefix and markers)."""
    cjk = sum(1 for char in text if "\u3400" <= char <= "\u9fff")
    return 1.4 * len(text.split()) + 0.9 * cjk + 6


def chosen_for_embedding(ngram_probabilities: np.ndarray, none_column: int, texts: Sequence[str],
                         budget: float = TOKEN_BUDGET) -> list[int]:
    """Rows to embed, in their order: all when they fit the token budget, else those least likely
    to be nothing, as many as fit."""
    costs = [estimated_tokens(text) for text in texts]
    if sum(costs) <= budget:
        return list(range(len(texts)))
    chosen: list[int] = []
    spent = 0.0
    for row in np.argsort(ngram_probabilities[:, none_column], kind="stable"):
        if spent + costs[int(row)] <= budget:
            chosen.append(int(row))
            spent += costs[int(row)]
    return sorted(chosen)


def blended(head: Any, embedder: Any, texts: Sequence[str], ngram_features: np.ndarray,
            ngram_classes: Sequence[str], ngram_probabilities: np.ndarray) -> np.ndarray:
    """The n-gram probabilities with the chosen rows averaged with the embedding head's."""
    weight = float(head.meta.get("blend_weight", 0.5))
    none_column = list(ngram_classes).index("none")
    rows = chosen_for_embedding(ngram_probabilities, none_column, texts)
    out = np.array(ngram_probabilities, dtype=np.float64, copy=True)
    if not rows or weight <= 0:
        return out
    try:
        # a sentence said twice is embedded once: the model gives a text the same vector in any batch
        distinct = list(dict.fromkeys(texts[i] for i in rows))
        row_of = {text: n for n, text in enumerate(distinct)}
        embedded = np.asarray(embedder.embed_passages(distinct), dtype=np.float32)
        vectors = embedded[[row_of[texts[i]] for i in rows]]
    except Exception:  # the model could not load (reported once by the embedder): n-grams decide
        return out
    second = head.predict_proba(np.hstack([vectors, general_features(ngram_features[rows])]))
    order = [list(head.classes).index(name) for name in ngram_classes]
    out[rows] = mix(out[rows], second[:, order], ngram_classes, weight)
    return out


def mix(ngram: np.ndarray, embedded: np.ndarray, classes: Sequence[str], weight: float) -> np.ndarray:
    """The weighted average of the two opinions (rows of probabilities over `classes`), except that
    either opinion that a sentence names something the customer did not value is kept whole:
    calling such a sentence a force misleads more than missing one force quote."""
    mixed = (1 - weight) * ngram + weight * embedded
    if NOT_VALUED in classes:
        column = list(classes).index(NOT_VALUED)
        mixed[:, column] = np.maximum(ngram[:, column], embedded[:, column])
        mixed = mixed / mixed.sum(axis=1, keepdims=True)
    return mixed
