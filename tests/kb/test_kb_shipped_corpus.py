"""The README's searches on the shipped knowledge, as a user runs them (shipped vectors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_coach import paths
from icp_coach.domain.knowledge import SearchFilters
from icp_coach.embeddings import BundledEmbedder
from icp_coach.kb.knowledge_base import KnowledgeBase
from icp_coach.kb.prebuilt import PREBUILT_PATH


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    data: Path = tmp_path_factory.mktemp("kb-shipped")
    return KnowledgeBase(embedder=BundledEmbedder(), corpus_dir=paths.shipped_dir("knowledge"),
                         chroma_dir=data / "chroma", chroma_url=None,
                         user_dir=data / "user_documents", notify=lambda message: None,
                         prebuilt=PREBUILT_PATH)


def test_an_english_word_finds_the_chinese_method_document_it_names(
        shipped: KnowledgeBase) -> None:
    results = shipped.search("tiers", k=3, filters=SearchFilters(lang="zh", kind="method"))
    assert results[0].doc_id == "filters-signals-tiers.zh"


def test_case_filters_find_the_company_and_stage(shipped: KnowledgeBase) -> None:
    results = shipped.search("enterprise buyers", k=3,
                             filters=SearchFilters(company="Stripe", stage="mature"))
    assert results and all(p.company == "Stripe" and p.stage == "mature" for p in results)


def test_a_chinese_question_gets_both_languages_best_first(shipped: KnowledgeBase) -> None:
    results = shipped.search("Slack 早期的理想客户", k=3)
    assert {p.lang for p in results} == {"zh", "en"}
    assert all(p.doc_id.startswith("case-slack") for p in results)
    assert [p.score for p in results] == sorted((p.score for p in results), reverse=True)
