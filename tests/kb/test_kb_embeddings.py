"""The shared embedding functions: shape, unit length, query/passage modes, cross-language."""

from __future__ import annotations

import math

from icp_coach.embeddings import (
    DIMENSIONS,
    BundledEmbedder,
    Embedder,
    HashingEmbedder,
    embed_passages,
    embed_queries,
)


def _dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_passages_are_unit_vectors_of_384_floats() -> None:
    vectors = embed_passages(["An ideal customer profile names the companies that win.", "你好"])
    assert len(vectors) == 2
    for vector in vectors:
        assert len(vector) == DIMENSIONS
        assert math.isclose(math.sqrt(_dot(vector, vector)), 1.0, rel_tol=1e-4)


def test_empty_input_gives_no_vectors() -> None:
    assert embed_passages([]) == []
    assert embed_queries([]) == []


def test_query_mode_differs_from_passage_mode() -> None:
    text = "how to score a prospect"
    assert embed_queries([text])[0] != embed_passages([text])[0]


def test_batches_larger_than_one_call_keep_order() -> None:
    texts = [f"document number {n} about topic {n % 3}" for n in range(40)]
    together = embed_passages(texts)
    alone = embed_passages([texts[37]])[0]
    assert _dot(together[37], alone) > 0.999


def test_chinese_query_is_closest_to_the_passage_on_the_same_subject() -> None:
    passages = embed_passages([
        "An ideal customer profile describes the companies that get the most value from a product.",
        "Figma spread through designers sharing files in the browser.",
    ])
    query = embed_queries(["什么是理想客户画像"])[0]
    assert _dot(query, passages[0]) > _dot(query, passages[1])


def test_embedder_classes_follow_the_protocol_and_the_fake_is_deterministic() -> None:
    fake = HashingEmbedder()
    assert isinstance(fake, Embedder)
    assert isinstance(BundledEmbedder(), Embedder)
    first = fake.embed_passages(["pricing page visits"])
    assert first == fake.embed_queries(["pricing page visits"])
    assert _dot(first[0], fake.embed_queries(["pricing visits"])[0]) > 0.5
