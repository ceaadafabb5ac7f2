"""The embedding head's second opinion: blended only with the model it was trained on, bounded in
how many sentences it embeds, and averaged with the n-gram head by the shipped weight."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from icp_coach.engines.offline.jtbd import embedding_blend
from icp_coach.engines.offline.jtbd.embedding_blend import (
    GENERAL_COLUMNS,
    blended,
    chosen_for_embedding,
    usable_head,
)
from icp_coach.engines.offline.jtbd.features import FEATURE_NAMES
from icp_coach.engines.offline.learned.head import LinearHead

CLASSES = ("none", "push")


def no_features(rows: int) -> np.ndarray:
    return np.zeros((rows, len(FEATURE_NAMES)), dtype=np.float32)


class CountingEmbedder:
    name = "model-x"

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        self.embedded += texts
        return [[1.0 if "late" in text else -1.0, 0.0] for text in texts]


def head_saying_push_for_the_first_dimension(weight: float) -> LinearHead:
    features = 2 + len(GENERAL_COLUMNS)
    weights = np.zeros((features, 2), dtype=np.float32)
    weights[0] = (4.0, -4.0)
    return LinearHead(classes=("push", "none"), weights=weights, bias=np.zeros(2, dtype=np.float32),
                      mean=np.zeros(features, dtype=np.float32), scale=np.ones(features, dtype=np.float32),
                      meta={"embedder": "model-x", "blend_weight": weight})


def test_the_n_gram_head_alone_decides_without_the_model_the_head_was_trained_on(monkeypatch) -> None:
    monkeypatch.setattr(embedding_blend, "shipped_embedding_head",
                        lambda: head_saying_push_for_the_first_dimension(0.5))

    class OtherModel(CountingEmbedder):
        name = "hashing-fake"

    assert usable_head(OtherModel()) is None
    assert usable_head(None) is None
    assert usable_head(CountingEmbedder()) is not None


def test_a_sentence_the_n_gram_head_missed_is_lifted_by_the_embedding_opinion() -> None:
    ngram = np.array([[0.9, 0.1], [0.9, 0.1]])  # columns in CLASSES order: none, push
    embedder = CountingEmbedder()
    out = blended(head_saying_push_for_the_first_dimension(0.5), embedder,
                  ["we were always late on the deliveries", "the weather was fine"], no_features(2),
                  CLASSES, ngram)
    assert out[0, 1] > 0.5 > out[1, 1]
    assert np.allclose(out.sum(axis=1), 1.0)
    assert embedder.embedded == ["we were always late on the deliveries", "the weather was fine"]


def test_weight_zero_leaves_the_n_gram_probabilities_and_embeds_nothing() -> None:
    ngram = np.array([[0.9, 0.1]])
    embedder = CountingEmbedder()
    out = blended(head_saying_push_for_the_first_dimension(0.0), embedder, ["late again"], no_features(1),
                  CLASSES, ngram)
    assert np.array_equal(out, ngram) and embedder.embedded == []


def test_a_long_interview_embeds_only_the_sentences_least_likely_to_be_nothing() -> None:
    none_probability = np.linspace(0.0, 1.0, 10)
    probabilities = np.stack([none_probability, 1 - none_probability], axis=1)
    texts = ["we were late again with the order"] * 10  # about 16 tokens each
    assert chosen_for_embedding(probabilities, 0, texts, budget=50) == [0, 1, 2]
    assert chosen_for_embedding(probabilities[::-1], 0, texts, budget=50) == [7, 8, 9]
    assert chosen_for_embedding(probabilities, 0, texts, budget=1000) == list(range(10))


def test_a_model_that_cannot_load_leaves_the_n_gram_opinion() -> None:
    class Broken(CountingEmbedder):
        def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
            raise OSError("weights missing")

    ngram = np.array([[0.9, 0.1]])
    out = blended(head_saying_push_for_the_first_dimension(0.5), Broken(), ["late again"], no_features(1),
                  CLASSES, ngram)
    assert np.array_equal(out, ngram)


def test_either_opinion_that_something_was_not_valued_is_kept_whole() -> None:
    classes = ("none", "not_valued", "pull")
    ngram = np.array([[0.2, 0.6, 0.2]])
    embedded = np.array([[0.1, 0.1, 0.8]])
    mixed = blend_mix(ngram, embedded, classes)
    assert mixed[0].argmax() == 1 and np.isclose(mixed.sum(), 1.0)
    assert np.allclose(blend_mix(ngram, embedded, ("none", "push", "pull")), 0.5 * ngram + 0.5 * embedded)


def blend_mix(ngram: np.ndarray, embedded: np.ndarray, classes: tuple[str, ...]) -> np.ndarray:
    from icp_coach.engines.offline.jtbd.embedding_blend import mix

    return mix(ngram, embedded, classes, 0.5)
