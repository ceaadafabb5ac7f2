"""The shipped knowledge/ folder loads cleanly in the shape retrieval relies on (no embedding)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from icp_coach import paths
from icp_coach.kb.documents import CorpusLoad, load_corpus


@pytest.fixture(scope="module")
def shipped() -> CorpusLoad:
    return load_corpus(paths.shipped_dir("knowledge"))


def test_every_shipped_document_loads(shipped: CorpusLoad) -> None:
    assert shipped.documents, "knowledge/ is empty"
    assert [str(error) for error in shipped.errors] == []


def test_every_topic_exists_in_english_and_chinese(shipped: CorpusLoad) -> None:
    languages: dict[str, set[str]] = defaultdict(set)
    for document in shipped.documents:
        topic, _, lang = document.doc_id.rpartition(".")
        assert lang == document.lang, f"{document.doc_id} should end in .{document.lang}"
        languages[topic].add(document.lang)
    assert {topic: langs for topic, langs in languages.items() if langs != {"en", "zh"}} == {}


def test_case_documents_name_their_stages_in_section_headings(shipped: CorpusLoad) -> None:
    cases = [document for document in shipped.documents if document.kind == "case"]
    for document in cases:
        assert document.company, f"{document.doc_id} has no company"
        found = {passage.stage for passage in document.passages if passage.stage}
        assert found == set(document.stages), f"{document.doc_id}: headings give {found}"
