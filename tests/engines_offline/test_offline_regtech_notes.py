"""Regions, tech stack, buying signals and red flags as a person reads them, on twelve notes
written for this file (notes_regtech/, 6 EN, 6 ZH, trades used nowhere else): the vendor's own
tools, customers' logos and equipment are not the customer's stack; deferred, excluded and
corrected-away places are not regions (a later correction or changelog wins); titles are not
buying signals; must-haves are filters, not red flags; walk-away lines are red flags; scoring
marks ("+10", "[DQ-03]") are markup."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from benchmark_scripts import load_benchmark

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

HERE = Path(__file__).parent
FOLDER = HERE / "notes_regtech"
GOLD = sorted(FOLDER.glob("*.gold.json"))
FIELDS = ("regions", "tech_stack", "buying_signals_keywords", "red_flags_keywords")


BENCH = load_benchmark("eval_extract.py", "eval_extract_regtech")


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


@pytest.fixture(scope="module")
def read(extractor: OfflineExtractor) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Each note's gold and the extracted document's fields, read once for the module."""
    found = {}
    for path in GOLD:
        gold = json.loads(path.read_text("utf-8"))
        text = (FOLDER / gold["notes"]).read_text("utf-8")
        document = extract_notes(text, extractor, source=gold["notes"]).document
        found[path.name] = (gold, BENCH.predicted_fields(document.model_dump(mode="json")))
    return found


def _lower(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


@pytest.mark.parametrize("gold_name", [p.name for p in GOLD])
def test_places_ruled_out_deferred_or_corrected_away_are_not_regions(gold_name: str, read) -> None:
    gold, found = read[gold_name]
    regions = _lower(found["regions"])
    wrong = [r for r in regions for out in gold["not_regions"] if out in r]
    assert not wrong, regions


@pytest.mark.parametrize("gold_name", [p.name for p in GOLD])
def test_our_tools_logos_and_equipment_are_not_their_stack(gold_name: str, read) -> None:
    gold, found = read[gold_name]
    stack = _lower(found["tech_stack"])
    wrong = [t for t in stack for out in gold["not_tech_stack"] if out.lower() in t]
    assert not wrong, stack


@pytest.mark.parametrize("gold_name", [p.name for p in GOLD])
def test_must_haves_and_markup_are_not_red_flags(gold_name: str, read) -> None:
    gold, found = read[gold_name]
    flags = _lower(found["red_flags"])
    wrong = [f for f in flags for out in gold["not_red_flags_keywords"] if out.lower() in f]
    assert not wrong, flags


@pytest.mark.parametrize("gold_name", [p.name for p in GOLD])
def test_titles_are_not_buying_signals(gold_name: str, read) -> None:
    gold, found = read[gold_name]
    signals = _lower(found["buying_signals"])
    wrong = [s for s in signals for out in gold["not_signals_keywords"] if out.lower() in s]
    assert not wrong, signals


def test_no_place_or_tool_is_read_with_the_wrong_sign(read) -> None:
    """Industries are read by another part of the engine and are not checked here."""
    inverted = {name: [line for line in BENCH.inverted_polarities(gold, found)
                       if line.startswith(("regions", "tech_stack"))]
                for name, (gold, found) in read.items()}
    assert not any(inverted.values()), {k: v for k, v in inverted.items() if v}


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_reads_as_a_person_would(field: str, read) -> None:
    """Pooled over the twelve notes, each of the four fields at F1 0.8 or better."""
    counts = [0, 0, 0, 0]
    for gold, found in read.values():
        if field in BENCH.SET_FIELDS:
            got = BENCH.set_match(gold.get(field, []), found[field])
        else:
            got = BENCH.keyword_match(gold.get(field, []), found[BENCH.KEYWORD_FIELDS[field]])
        counts = [a + b for a, b in zip(counts, got, strict=True)]
    assert BENCH.prf(*counts)["f1"] >= 0.8, BENCH.prf(*counts)
