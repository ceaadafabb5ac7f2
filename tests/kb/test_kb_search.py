"""Searching: filters, both languages, the user's own documents, the KnowledgeSearch port."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from icp_coach.domain.knowledge import SearchFilters
from icp_coach.domain.ports import KnowledgeSearch
from icp_coach.embeddings import HashingEmbedder
from icp_coach.kb.knowledge_base import KnowledgeBase


@pytest.fixture
def kb(make_kb: Callable[..., KnowledgeBase]) -> KnowledgeBase:
    knowledge = make_kb()
    knowledge.index()
    return knowledge


def test_knowledge_base_implements_the_port(kb: KnowledgeBase) -> None:
    assert isinstance(kb, KnowledgeSearch)


def test_results_carry_source_section_and_descending_score(kb: KnowledgeBase) -> None:
    results = kb.search("referral share of new customers", k=4, filters=SearchFilters(lang="en"))
    assert results[0].id == "what-is-icp.en#2"
    assert results[0].section == "What an ideal customer profile is > Checking product-market fit with referrals"
    assert results[0].citation().startswith("what-is-icp.en § ")
    scores = [p.score for p in results]
    assert scores == sorted(scores, reverse=True) and 0 < scores[0] <= 1


def test_chinese_query_finds_the_chinese_and_the_english_passage_on_the_same_subject(
        kb: KnowledgeBase) -> None:
    results = kb.search("Slack 早期的客户是什么样的团队", k=4)
    assert (results[0].lang, results[0].stage) == ("zh", "early")  # the query's language first
    assert ("en", "early") in {(p.lang, p.stage) for p in results}
    scores = [p.score for p in results]
    assert scores == sorted(scores, reverse=True)


def test_chinese_query_limited_to_english_passages(kb: KnowledgeBase) -> None:
    results = kb.search("转介绍比例", k=2, filters=SearchFilters(lang="en"))
    assert results[0].id == "what-is-icp.en#2"
    assert all(p.lang == "en" for p in results)


def test_english_query_limited_to_chinese_passages(kb: KnowledgeBase) -> None:
    results = kb.search("Slack sells to global enterprises", k=1, filters=SearchFilters(lang="zh"))
    assert results[0].id == "case-slack.zh#3"


@pytest.mark.parametrize(("filters", "check"), [
    (SearchFilters(kind="case"), lambda p: p.kind == "case"),
    (SearchFilters(kind="glossary"), lambda p: p.doc_id == "glossary.en"),
    (SearchFilters(company="slack"), lambda p: p.company == "Slack"),
    (SearchFilters(company="Slack", stage="growth"), lambda p: p.stage == "growth"),
    (SearchFilters(lang="zh", kind="method"), lambda p: p.lang == "zh" and p.kind == "method"),
])
def test_filters_keep_only_matching_passages(kb: KnowledgeBase, filters: SearchFilters,
                                             check: Callable) -> None:
    results = kb.search("customers", k=10, filters=filters)
    assert results
    assert all(check(p) for p in results)


def test_growth_stage_filter_returns_the_growth_sections_in_both_languages(
        kb: KnowledgeBase) -> None:
    results = kb.search("what drove the change", k=10,
                        filters=SearchFilters(company="Slack", stage="growth"))
    assert {p.id for p in results} == {"case-slack.en#2", "case-slack.en#3", "case-slack.zh#2"}


def test_a_company_with_no_documents_gives_nothing(kb: KnowledgeBase) -> None:
    assert kb.search("early customers", k=5, filters=SearchFilters(company="Zoom")) == []


def test_empty_query_gives_nothing(kb: KnowledgeBase) -> None:
    assert kb.search("   ", k=5) == []


def _notes(tmp_path: Path) -> Path:
    path = tmp_path / "our-best-customers.md"
    path.write_text("# Our best customers\n\n## Acme and Globex\n\nAcme and Globex run "
                    "Salesforce with 80 reps and renewed twice.\n", encoding="utf-8")
    return path


def test_user_documents_are_searched_listed_and_removed(kb: KnowledgeBase, tmp_path: Path) -> None:
    report = kb.add_documents([_notes(tmp_path)])
    assert [r.doc_id for r in report.added] == ["user:our-best-customers"] and not report.errors

    hits = kb.search("Acme Globex Salesforce renewals", k=3)
    assert hits[0].doc_id == "user:our-best-customers" and hits[0].kind == "user"
    assert kb.search("Acme", k=3, filters=SearchFilters(kind="user"))[0].kind == "user"
    assert [r.doc_id for r in kb.list_documents()] == ["user:our-best-customers"]

    removed, unknown = kb.remove_documents(["our-best-customers", "user:nope"])
    assert removed == ["user:our-best-customers"] and unknown == ["user:nope"]
    assert all(p.kind != "user" for p in kb.search("Acme Globex Salesforce", k=5))
    assert kb.list_documents() == []


def test_adding_the_same_file_again_replaces_it(kb: KnowledgeBase, tmp_path: Path) -> None:
    notes = _notes(tmp_path)
    kb.add_documents([notes])
    notes.write_text("# Our best customers\n\nOnly Initech now.\n", encoding="utf-8")
    kb.add_documents([notes])
    texts = [p.text for p in kb.search("best customers", k=10, filters=SearchFilters(kind="user"))]
    assert texts == ["Only Initech now."]


def test_user_documents_survive_a_rebuild_and_a_lost_index(
        make_kb: Callable[..., KnowledgeBase], kb: KnowledgeBase, tmp_path: Path) -> None:
    notes = _notes(tmp_path)
    kb.add_documents([notes])
    notes.unlink()  # the original may be gone: the stored copy is what is indexed again
    kb.index(rebuild=True)
    assert kb.search("Acme", k=1, filters=SearchFilters(kind="user"))
    from icp_coach.kb import store

    store.forget_persistent_client()
    import shutil

    shutil.rmtree(tmp_path / "data" / "chroma")
    again = make_kb()
    assert again.search("Acme", k=1, filters=SearchFilters(kind="user"))[0].source_path == str(
        notes.resolve())


def test_bad_user_files_are_reported_and_good_ones_added(kb: KnowledgeBase, tmp_path: Path) -> None:
    bad = tmp_path / "notes-gbk.txt"
    bad.write_bytes("我们的客户".encode("gbk"))
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("Interview with Initech's head of sales.", encoding="utf-8")
    report = kb.add_documents([bad, folder, tmp_path / "missing.md"])
    assert [r.doc_id for r in report.added] == ["user:a"]
    messages = sorted(str(error) for error in report.errors)
    assert any("missing.md" in m and "no such file" in m for m in messages)
    assert any("notes-gbk.txt" in m and "not UTF-8" in m for m in messages)


def test_search_logic_with_a_deterministic_fake_embedder(
        make_kb: Callable[..., KnowledgeBase], tmp_path: Path) -> None:
    kb = make_kb(embedder=HashingEmbedder(), data_dir=tmp_path / "fake-data")
    results = kb.search("serviceable obtainable market", k=1, filters=SearchFilters(lang="en"))
    assert results[0].doc_id == "glossary.en"
