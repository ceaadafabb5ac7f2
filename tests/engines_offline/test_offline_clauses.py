"""The learned clause heads: what ships matches the features, and the training corpus is ours."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from icp_coach.embeddings import DIMENSIONS as EMBEDDING_DIMENSIONS
from icp_coach.engines.offline.extraction.clauses import (
    DIMENSION_HEAD,
    DIMENSIONS,
    EMBEDDER,
    POLARITY_HEAD,
    ClauseClassifier,
    cross_feature_names,
    load_head,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "training" / "notes"


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_notes", ROOT / "training" / "train_notes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_notes", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", [DIMENSION_HEAD, POLARITY_HEAD])
def test_the_shipped_heads_fit_the_features_the_engine_computes(name: str) -> None:
    head = load_head(name)
    assert head.n_features == EMBEDDING_DIMENSIONS + len(cross_feature_names())
    assert head.meta["embedder"] == EMBEDDER
    expected = set(DIMENSIONS) if name == DIMENSION_HEAD else {"include", "exclude"}
    assert set(head.classes) == expected


def test_the_bundled_model_reads_dimension_and_polarity_in_both_languages() -> None:
    from icp_coach.embeddings import BundledEmbedder

    readings = ClauseClassifier(BundledEmbedder()).read(
        ["We run Salesforce and NetSuite", "酒店和民宿先不做", "hiring a head of dispatch",
         "员工 200 到 800 人"], [None, None, None, None])
    assert [r.dimension for r in readings] == ["tech", "industry", "signal", "size"]
    assert [r.excludes for r in readings] == [False, True, False, False]


def test_the_training_corpus_spans_many_trades_both_languages_and_every_label() -> None:
    examples = _trainer().load_corpus()
    assert len({e.trade for e in examples}) >= 30
    assert {e.dimension for e in examples} == set(DIMENSIONS)
    chinese = [e for e in examples if re.search(r"[\u4e00-\u9fff]", e.text)]
    assert len(chinese) >= 0.2 * len(examples)
    assert any(e.excludes for e in chinese) and any(e.excludes for e in examples if e not in chinese)


def _lines(paths: list[Path]) -> set[str]:
    found = set()
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            line = re.sub(r"⟦[^⟧]*⟧", "", line)
            key = re.sub(r"\W+", "", line.lower())
            if len(key) >= 16:
                found.add(key)
    return found


def test_the_training_corpus_shares_no_line_with_the_test_notes() -> None:
    corpus = _lines(sorted(CORPUS.glob("*/*.md")))
    tests = _lines(sorted((ROOT / "tests" / "engines_offline").glob("notes*/*.md")))
    assert not corpus & tests


def test_the_training_corpus_shares_no_line_with_the_dev_corpus_devcorpus(dev_data: Path) -> None:
    corpus = _lines(sorted(CORPUS.glob("*/*.md")))
    dev = _lines(sorted((dev_data / "job2_icp_notes").glob("*.md")))
    assert not corpus & dev
