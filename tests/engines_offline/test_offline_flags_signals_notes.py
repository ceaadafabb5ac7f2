"""Red flags, buying signals and pains as a person reads them, on twelve notes written for this
file (notes_flags_signals/, 6 EN, 6 ZH, trades used nowhere else, in an e-mail chain, a JSON
config, a chat export, minutes, a wiki table and prose): a walk-away line is a red flag wherever
it is said (a remark field, a rejected override, a chat thread about timing, a prose aside);
a must-have, or a line saying something is no reason to walk away, is none; titles are not
signals; wrapped prose and quoted e-mail lines are read as the sentences they are; items carry
no config punctuation or chat acknowledgements."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from benchmark_scripts import load_benchmark

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

HERE = Path(__file__).parent
FOLDER = HERE / "notes_flags_signals"
GOLD = sorted(FOLDER.glob("*.gold.json"))
FIELDS = ("pain_points_keywords", "buying_signals_keywords", "red_flags_keywords")


BENCH = load_benchmark("eval_extract.py", "eval_extract_flags_signals")


@pytest.fixture(scope="module")
def read() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Each note's gold and the extracted document's fields, read once for the module."""
    extractor = OfflineExtractor(embedder=BundledEmbedder())
    found = {}
    for path in GOLD:
        gold = json.loads(path.read_text("utf-8"))
        text = (FOLDER / gold["notes"]).read_text("utf-8")
        document = extract_notes(text, extractor, source=gold["notes"]).document
        found[path.name] = (gold, BENCH.predicted_fields(document.model_dump(mode="json")))
    return found


@pytest.mark.parametrize("gold_name", [p.name for p in GOLD])
def test_must_haves_are_filters_not_red_flags(gold_name: str, read) -> None:
    gold, found = read[gold_name]
    flags = [f.lower() for f in found["red_flags"]]
    assert not [f for f in flags for out in gold["not_red_flags_keywords"] if out.lower() in f], flags


@pytest.mark.parametrize("gold_name", [p.name for p in GOLD])
def test_titles_are_not_buying_signals(gold_name: str, read) -> None:
    gold, found = read[gold_name]
    signals = [s.lower() for s in found["buying_signals"]]
    assert not [s for s in signals for out in gold["not_signals_keywords"] if out.lower() in s], signals


@pytest.mark.parametrize("gold_name", [p.name for p in GOLD])
def test_every_walk_away_line_is_a_red_flag(gold_name: str, read) -> None:
    gold, found = read[gold_name]
    missed = [k for k in gold["red_flags_keywords"]
              if not any(BENCH.keyword_in(k, f) for f in found["red_flags"])]
    assert not missed, (missed, found["red_flags"])


def test_items_carry_no_config_punctuation_or_chat_acknowledgements(read) -> None:
    debris = re.compile(r'^[\["“{]|[\]",;；]$|^(?:\+1|嗯|ok)\b', re.IGNORECASE)
    items = [item for _, found in read.values()
             for field in ("pain_points", "buying_signals", "red_flags") for item in found[field]]
    assert not [item for item in items if debris.search(item.strip())]


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_reads_as_a_person_would(field: str, read) -> None:
    """Pooled over the twelve notes, each field at F1 0.9 or better."""
    counts = [0, 0, 0, 0]
    for gold, found in read.values():
        got = BENCH.keyword_match(gold.get(field, []), found[BENCH.KEYWORD_FIELDS[field]])
        counts = [a + b for a, b in zip(counts, got, strict=True)]
    assert BENCH.prf(*counts)["f1"] >= 0.9, BENCH.prf(*counts)
