"""Searching from the read snapshot: same answers as Chroma, never stale, never a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from icp_coach.domain.knowledge import SearchFilters
from icp_coach.kb.knowledge_base import KnowledgeBase
from icp_coach.kb.snapshot import SNAPSHOT_NAME

QUERIES = ["how narrow was Slack's early customer", "理想客户画像的定义", "referral share"]


def _ids(kb: KnowledgeBase, query: str, **filters: str) -> list[str]:
    return [p.id for p in kb.search(query, k=4, filters=SearchFilters(**filters))]


def test_a_new_process_answers_from_the_snapshot_like_chroma_does(
        make_kb: Callable[..., KnowledgeBase], tmp_path: Path) -> None:
    first = make_kb()
    expected = {query: _ids(first, query) for query in QUERIES}
    assert (tmp_path / "data" / "chroma" / SNAPSHOT_NAME).is_file()

    second = make_kb()
    assert {query: _ids(second, query) for query in QUERIES} == expected
    assert second._client is None  # Chroma was never opened


def test_a_document_added_elsewhere_is_found_after_the_refresh(
        make_kb: Callable[..., KnowledgeBase], tmp_path: Path) -> None:
    make_kb().search("Slack")  # builds the index and the snapshot
    reader = make_kb(refresh_seconds=0)
    assert not any(p.doc_id == "user:win-loss" for p in reader.search("churned accounts", k=10))

    notes = tmp_path / "win-loss.md"
    notes.write_text("# Win-loss review\n\nChurned accounts all lacked an admin who owned the "
                     "rollout; the renewals we kept had one.\n", encoding="utf-8")
    writer = make_kb()
    assert writer.add_documents([notes]).added

    assert any(p.doc_id == "user:win-loss" for p in reader.search("churned accounts", k=10))


def test_a_damaged_snapshot_is_ignored_and_rewritten(
        make_kb: Callable[..., KnowledgeBase], tmp_path: Path) -> None:
    expected = _ids(make_kb(), QUERIES[0])
    snapshot = tmp_path / "data" / "chroma" / SNAPSHOT_NAME
    snapshot.write_bytes(b"\x00not an npz file" * 20)

    again = make_kb()
    assert _ids(again, QUERIES[0]) == expected
    assert again._client is not None  # fell back to Chroma, and wrote the snapshot again
    third = make_kb()
    assert _ids(third, QUERIES[0]) == expected and third._client is None


def test_a_language_asked_for_finds_its_document_from_a_query_in_the_other(
        make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb()
    # No Chinese word can match "collaboration"; the document's tags can.
    results = kb.search("collaboration", k=2, filters=SearchFilters(lang="zh"))
    assert results[0].doc_id == "case-slack.zh"


def test_scores_fall_with_rank_and_only_the_best_possible_match_scores_one(
        make_kb: Callable[..., KnowledgeBase]) -> None:
    for query in QUERIES:
        scores = [p.score for p in make_kb().search(query, k=6)]
        assert scores == sorted(scores, reverse=True)
        assert scores.count(1.0) <= 1


def test_kb_search_as_a_process_does_not_import_chromadb_once_indexed(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "fixtures" / "corpus"
    env = {**os.environ, "ICP_COACH_DATA_DIR": str(tmp_path / "data"),
           "ICP_COACH_KNOWLEDGE_DIR": str(corpus), "PYTHONIOENCODING": "utf-8"}
    env.pop("ICP_COACH_CHROMA_URL", None)
    script = ("import sys, runpy; sys.argv = ['icp-coach', 'kb', 'search', 'Slack', '-k', '1'];\n"
              "try:\n    runpy.run_module('icp_coach.cli.main', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "print('CHROMA' if 'chromadb' in sys.modules else 'NO-CHROMA', file=sys.stderr)")
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                           timeout=300)
    assert "case-slack" in first.stdout and first.stderr.split()[-1] == "CHROMA"
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=300)
    assert "case-slack" in second.stdout, second.stderr
    assert second.stderr.split()[-1] == "NO-CHROMA"
