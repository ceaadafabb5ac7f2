"""Knowledge-base fixtures: a small bilingual corpus copied per test, and embedders."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from icp_coach.embeddings import BundledEmbedder
from icp_coach.kb.knowledge_base import KnowledgeBase
from icp_coach.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


class CountingEmbedder:
    """Wraps an embedder: counts the passages it is asked to embed and caches vectors by text,
    so the real model reads each fixture text once per test session."""

    def __init__(self, inner: Any, cache: dict[tuple[bool, str], list[float]]) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", "wrapped")
        self.cache = cache
        self.passages_embedded = 0

    def _embed(self, texts: Sequence[str], query: bool) -> list[list[float]]:
        missing = [text for text in texts if (query, text) not in self.cache]
        if missing:
            method = self.inner.embed_queries if query else self.inner.embed_passages
            for text, vector in zip(missing, method(missing), strict=True):
                self.cache[(query, text)] = vector
        return [self.cache[(query, text)] for text in texts]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        self.passages_embedded += len(texts)
        return self._embed(texts, False)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self._embed(texts, True)


@pytest.fixture(scope="session")
def vector_cache() -> dict[tuple[bool, str], list[float]]:
    return {}


@pytest.fixture
def embedder(vector_cache: dict[tuple[bool, str], list[float]]) -> CountingEmbedder:
    """The real bundled model (cached across the session), counting what it embeds."""
    return CountingEmbedder(BundledEmbedder(), vector_cache)


@pytest.fixture(autouse=True)
def no_corpus_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ICP_COACH_KNOWLEDGE_DIR", raising=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus (2 topics in en and zh, one glossary entry)."""
    target = tmp_path / "knowledge"
    shutil.copytree(FIXTURES / "corpus", target)
    return target


@pytest.fixture
def messages() -> list[str]:
    return []


@pytest.fixture
def make_kb(tmp_path: Path, embedder: CountingEmbedder, corpus: Path,
            messages: list[str]) -> Callable[..., KnowledgeBase]:
    def make(**overrides: Any) -> KnowledgeBase:
        settings = Settings(data_dir=overrides.pop("data_dir", tmp_path / "data"),
                            chroma_url=overrides.pop("chroma_url", None))
        overrides.setdefault("prebuilt", None)  # fixture texts are not in the shipped vectors
        return KnowledgeBase.open(settings, embedder=overrides.pop("embedder", embedder),
                                  corpus_dir=overrides.pop("corpus_dir", corpus),
                                  notify=messages.append, **overrides)

    return make
