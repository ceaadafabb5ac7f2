"""Reciprocal rank fusion: merge ranked lists by rank alone, so BM25 and cosine scales never mix."""

from __future__ import annotations

from collections.abc import Sequence

RRF_K = 60  # the constant from Cormack et al. (2009); dampens the weight of the very top ranks


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], *, k: int = RRF_K,
                           weights: Sequence[float] | None = None) -> list[tuple[str, float]]:
    """Ids ordered by sum(weight / (k + rank)), ties kept in first-seen order.
    Scores are scaled so an id ranked first in every list scores 1.0."""
    weights = list(weights) if weights is not None else [1.0] * len(rankings)
    best = sum(weight / (k + 1) for weight in weights) or 1.0
    totals: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            totals[item] = totals.get(item, 0.0) + weight / (k + rank)
    ordered = sorted(totals.items(), key=lambda pair: -pair[1])
    return [(item, score / best) for item, score in ordered]
