"""The ICP a note gives does not depend on how its clauses reach the model: in batches, as the
engine sends them, or one at a time, a clause gets the same vector and the note the same ICP.
Speed work on the embedding path (batching, deduplication) relies on it; the whole-corpus check
is `benchmarks/check_notes_identical.py`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

NOTE = Path(__file__).parent / "notes_heldout_messy" / "tattoo_minutes_en.md"


class OneClauseAtATime:
    """The bundled model, asked about one text per call."""

    name = BundledEmbedder.name

    def __init__(self) -> None:
        self._model = BundledEmbedder()
        self.calls = 0

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += len(texts)
        return [self._model.embed_queries([text])[0] for text in texts]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._model.embed_passages([text])[0] for text in texts]


def _extract(embedder: object) -> dict:
    result = extract_notes(NOTE.read_text("utf-8"), OfflineExtractor(embedder=embedder),
                           source=NOTE.name, today=date(2026, 1, 1))
    return {"document": result.document.model_dump(mode="json"), "notes": result.extraction.notes}


def test_the_icp_is_the_same_whether_clauses_are_embedded_in_batches_or_one_at_a_time() -> None:
    one_at_a_time = OneClauseAtATime()
    assert _extract(one_at_a_time) == _extract(BundledEmbedder())
    assert one_at_a_time.calls > 10  # the note's clauses did go through the model
