"""The second opinion on a customer sentence: a head over the bundled model's sentence embedding
(trained by training/train_jtbd_embeddings.py), averaged with the n-gram head's probabilities.

Hashed n-grams know the words of the interviews they were trained on; an embedding carries the
meaning of a sentence said in other words, so the blend holds up better on interviews written by
other hands. Embedding costs about 20-50 ms a sentence on one core, so at most MAX_EMBEDDED
sentences are embedded per interview: all of them in an interview of ordinary length, and in a
very long one those the n-gram head thinks least likely to be nothing. The rest keep the n-gram
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

from icp_coach.engines.offline.jtbd.features import QUESTION_KINDS

EMBEDDING_HEAD = Path(__file__).with_name("embedding_head.npz")
MAX_EMBEDDED = 160  # about 4 s on one core at the slowest measured rate


def question_kind_features(asked: set[str]) -> list[float]:
    """One column per kind of interviewer question (all zeros when the question says nothing)."""
    return [1.0 if kind in asked else 0.0 for kind in QUESTION_KINDS]


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


def chosen_for_embedding(ngram_probabilities: np.ndarray, none_column: int,
                         limit: int = MAX_EMBEDDED) -> list[int]:
    """Rows to embed, in their order: all when few enough, else the least likely to be nothing."""
    rows = len(ngram_probabilities)
    if rows <= limit:
        return list(range(rows))
    ranked = np.argsort(ngram_probabilities[:, none_column], kind="stable")[:limit]
    return sorted(int(i) for i in ranked)


def blended(head: Any, embedder: Any, texts: Sequence[str], asked: Sequence[set[str]],
            ngram_classes: Sequence[str], ngram_probabilities: np.ndarray) -> np.ndarray:
    """The n-gram probabilities with the chosen rows averaged with the embedding head's."""
    weight = float(head.meta.get("blend_weight", 0.5))
    none_column = list(ngram_classes).index("none")
    rows = chosen_for_embedding(ngram_probabilities, none_column)
    out = np.array(ngram_probabilities, dtype=np.float64, copy=True)
    if not rows or weight <= 0:
        return out
    vectors = np.asarray(embedder.embed_passages([texts[i] for i in rows]), dtype=np.float32)
    kinds = np.array([question_kind_features(asked[i]) for i in rows], dtype=np.float32)
    second = head.predict_proba(np.hstack([vectors, kinds]))
    order = [list(head.classes).index(name) for name in ngram_classes]
    out[rows] = (1 - weight) * out[rows] + weight * second[:, order]
    return out
