"""Encoded bytes in a note (an email's image attachment, a Markdown inline image, a pasted hash)
are not read: the ICP is the one the prose gives, and the clause reader never sees the blob
(each base64 line cost as much as a paragraph: a note with a small image took tens of seconds)."""

from __future__ import annotations

import base64
import random
from collections.abc import Sequence
from datetime import date

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extraction.machine_text import is_machine_text
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

PROSE = """Subject: ICP for the glassblowing studios push

Our best customers are hot-glass studios with 5 to 60 staff and revenue between $1M and $8M,
in the US and Canada. They run Square and QuickBooks. Skip studios with fewer than 3 people.
"""


class CountingEmbedder:
    """The bundled model, counting the texts the clause reader asks about."""

    name = BundledEmbedder.name

    def __init__(self) -> None:
        self._model = BundledEmbedder()
        self.texts: list[str] = []

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        self.texts += texts
        return self._model.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return self._model.embed_passages(texts)


def _blob(lines: int) -> str:
    rng = random.Random(7)
    return base64.encodebytes(bytes(rng.randrange(256) for _ in range(57 * lines))).decode()


def _read(text: str) -> tuple[dict, CountingEmbedder]:
    embedder = CountingEmbedder()
    result = extract_notes(text, OfflineExtractor(embedder=embedder), source="note.eml", today=date(2026, 1, 1))
    document = result.document.model_dump(mode="json", exclude={"summary"})
    return document, embedder


def test_an_attachment_changes_nothing_in_the_icp_and_is_never_read() -> None:
    plain, plain_reader = _read(PROSE)
    attached, attached_reader = _read(PROSE + "\n--b1\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n"
                                      + _blob(40) + "--b1--\n")
    assert attached["firmographics"] == plain["firmographics"]
    assert attached["firmographics"]["employees"] == {"min": 5.0, "max": 60.0}
    assert attached["technographics"]["tech_stack"] == plain["technographics"]["tech_stack"]
    assert not any(is_machine_text(text) for text in attached_reader.texts)
    assert len(attached_reader.texts) <= len(plain_reader.texts) + 6  # the MIME header lines, at most (40 blob lines)


def test_what_counts_as_encoded() -> None:
    assert is_machine_text(_blob(1).strip())
    assert is_machine_text("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    assert is_machine_text("![chart](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE"
                           "QVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)")
    assert not is_machine_text("We sell to hot-glass studios with 5 to 60 staff, revenue between $1M and $8M.")
    assert not is_machine_text("well-established,family-run,multi-site,owner-operated,independent-studios")
    assert not is_machine_text("我们的目标客户是二十到两百人的连锁烘焙店，年营收在五百万到五千万之间，主要在华东地区。")
