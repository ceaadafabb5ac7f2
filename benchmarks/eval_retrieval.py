"""Retrieval quality on the real corpus: recall@3 and MRR for vector, keyword and hybrid search.

    .venv/bin/python benchmarks/eval_retrieval.py [--data-dir DIR] [--k 3] [--show-misses]

A query counts as found at rank r when the r-th passage comes from a document whose topic (its id
without ".en"/".zh") is one of the query's expected topics. recall@3 = share of queries with a
relevant passage in the top 3; MRR = mean of 1/r over the top 10 (0 when absent).
The index is kept in --data-dir (default: a folder under /tmp) so re-runs only embed what changed.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from icp_coach import paths
from icp_coach.domain.knowledge import SearchFilters
from icp_coach.kb.knowledge_base import KnowledgeBase

QUERIES = Path(__file__).parent / "data" / "retrieval_queries.json"
MODES = ("vector", "keyword", "hybrid")


def topic_of(doc_id: str) -> str:
    for suffix in (".en", ".zh"):
        if doc_id.endswith(suffix):
            return doc_id[: -len(suffix)]
    return doc_id


def open_kb(data_dir: Path, mode: str, *, balance: bool = True) -> KnowledgeBase:
    from icp_coach.embeddings import BundledEmbedder

    return KnowledgeBase(embedder=BundledEmbedder(), corpus_dir=paths.shipped_dir("knowledge"),
                         chroma_dir=data_dir / "chroma", chroma_url=None,
                         user_dir=data_dir / "user_documents", mode=mode,  # type: ignore[arg-type]
                         balance_languages=balance)


def evaluate(kb: KnowledgeBase, queries: list[dict], cutoff: int) -> dict:
    ranks: dict[str, int | None] = {}
    for query in queries:
        filters = SearchFilters(**query.get("filters", {}))
        passages = kb.search(query["query"], k=10, filters=filters)
        expected = set(query["topics"])
        rank = next((position for position, passage in enumerate(passages, start=1)
                     if topic_of(passage.doc_id) in expected), None)
        ranks[query["id"]] = rank

    def summary(ids: list[str]) -> dict:
        if not ids:
            return {"n": 0}
        found = [ranks[i] for i in ids]
        return {
            "n": len(ids),
            f"recall@{cutoff}": round(sum(1 for r in found if r and r <= cutoff) / len(ids), 3),
            "mrr": round(sum(1 / r for r in found if r) / len(ids), 3),
        }

    groups = {"all": [q["id"] for q in queries]}
    for key in ("direct", "paraphrase", "cross"):
        groups[key] = [q["id"] for q in queries if q["type"] == key]
    groups["chinese"] = [q["id"] for q in queries if any("\u4e00" <= c <= "\u9fff" for c in q["query"])]
    groups["english"] = [q["id"] for q in queries if q["id"] not in set(groups["chinese"])]
    return {"summary": {name: summary(ids) for name, ids in groups.items()}, "ranks": ranks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path,
                        default=Path(tempfile.gettempdir()) / "icp-coach-eval-kb")
    parser.add_argument("--k", type=int, default=3, help="cut-off for recall (default 3)")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--no-balance", action="store_true",
                        help="unfiltered searches return the best passages of any language "
                             "instead of both languages interleaved")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args()

    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    started = time.perf_counter()
    report = open_kb(args.data_dir, "hybrid").index()
    print(f"index: {report.passages} passages from {report.documents} documents "
          f"({report.sync.embedded} embedded) in {time.perf_counter() - started:.1f} s; "
          f"{len(report.errors)} document errors")
    for error in report.errors:
        print(f"  skipped {error}")

    results = {}
    for mode in MODES:
        results[mode] = evaluate(open_kb(args.data_dir, mode, balance=not args.no_balance),
                                 queries, args.k)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    groups = list(results["hybrid"]["summary"])
    print(f"\n{len(queries)} queries; recall@{args.k} / MRR@10 per mode")
    print(f"{'group':<11}{'n':>4}  " + "  ".join(f"{mode:>15}" for mode in MODES))
    for group in groups:
        cells = []
        for mode in MODES:
            row = results[mode]["summary"][group]
            cells.append(f"{row[f'recall@{args.k}']:.3f} / {row['mrr']:.3f}" if row["n"] else "-")
        n = results["hybrid"]["summary"][group]["n"]
        print(f"{group:<11}{n:>4}  " + "  ".join(f"{cell:>15}" for cell in cells))
    if args.show_misses:
        by_id = {q["id"]: q for q in queries}
        for mode in MODES:
            misses = [(qid, rank) for qid, rank in results[mode]["ranks"].items()
                      if not rank or rank > args.k]
            print(f"\n{mode} misses ({len(misses)}):")
            for qid, rank in misses:
                print(f"  {qid} rank={rank} {by_id[qid]['query']} -> {by_id[qid]['topics']}")


if __name__ == "__main__":
    main()
