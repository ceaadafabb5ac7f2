"""The offline engine on interviews it was not written against (our own fixtures) and the dev set:
it finds the forces, keeps distractors out, files each quote once and quotes only customers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jtbd_helpers import FIXTURES, every_quote, in_a_customer_turn

from icp_coach.domain.jtbd import FORCES
from icp_coach.domain.jtbd_text import find_span
from icp_coach.embeddings import HashingEmbedder
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.services.jtbd import verify_result
from icp_coach.transcripts.loader import load_transcript

CASES = [(FIXTURES, "ap_ledgerly_en.gold.json"), (FIXTURES, "maintenance_weibao_zh.gold.json"),
         (FIXTURES / "heldout", "compliance_vantor_en.gold.json"),
         (FIXTURES / "heldout", "clinic_yiyun_zh.gold.json")]


def _overlaps(gold: str, predicted: str, transcript) -> bool:
    for turn in transcript.turns:
        a, b = find_span(gold, turn.text), find_span(predicted, turn.text)
        if a and b and min(a[1], b[1]) > max(a[0], b[0]):
            return True
    return False


def _run(folder: Path, gold_name: str, embedder=None):
    gold = json.loads((folder / gold_name).read_text(encoding="utf-8"))
    transcript = load_transcript(folder / gold["transcript"])
    result = verify_result(OfflineJTBDExtractor(embedder).extract_jtbd(transcript), transcript)
    return gold, transcript, result


@pytest.mark.parametrize(("folder", "gold_name"), CASES)
def test_forces_found_on_our_own_interviews(folder: Path, gold_name: str) -> None:
    gold, transcript, result = _run(folder, gold_name)
    hits = total = 0
    for force in FORCES:
        predicted = [q.quote for item in getattr(result.forces, force) for q in item.evidence]
        for quote in gold["forces"][force]:
            total += 1
            hits += any(_overlaps(quote, p, transcript) for p in predicted)
    # the learned head never saw these interviews (training/jtbd holds other trades)
    assert hits / total >= 0.5, f"force recall {hits}/{total}"
    assert result.chosen_solution == gold["chosen_solution"]


@pytest.mark.parametrize(("folder", "gold_name"), CASES)
def test_what_the_customer_did_not_care_about_is_never_a_force(folder: Path, gold_name: str) -> None:
    gold, transcript, result = _run(folder, gold_name)
    forces = [q.quote for force in FORCES for item in getattr(result.forces, force) for q in item.evidence]
    for distractor in gold["distractor_quotes"]:
        assert not any(_overlaps(distractor, quote, transcript) for quote in forces)
    assert any(_overlaps(d, q.quote, transcript) for d in gold["distractor_quotes"]
               for item in result.not_valued for q in item.evidence)


@pytest.mark.parametrize(("folder", "gold_name"), CASES)
def test_each_quote_under_one_force_and_only_customer_words(folder: Path, gold_name: str) -> None:
    _, transcript, result = _run(folder, gold_name, HashingEmbedder())
    seen: list[str] = []
    for force in FORCES:
        for item in getattr(result.forces, force):
            assert item.verified and item.evidence
            for quote in item.evidence:
                assert quote.quote not in seen
                seen.append(quote.quote)
    for quote in every_quote(result):
        assert in_a_customer_turn(quote, transcript), quote


def test_alternatives_considered_versus_mentioned() -> None:
    _, _, result = _run(FIXTURES, "ap_ledgerly_en.gold.json")
    considered = {a.name.split(" (")[0] for a in result.alternatives if a.considered}
    passing = {a.name for a in result.alternatives if not a.considered}
    assert "Tipalti" in considered
    assert "Bill.com" in passing
    assert "Ledgerly" not in considered | passing  # the chosen one is not its own alternative


def test_job_statement_has_the_three_parts_and_evidence() -> None:
    _, transcript, result = _run(FIXTURES, "ap_ledgerly_en.gold.json")
    statement = result.job_statements[0]
    assert statement.text.startswith("When ") and ", I want to " in statement.text
    assert ", so I can " in statement.text
    assert all(in_a_customer_turn(q, transcript) for q in statement.evidence)


def test_devcorpus_regression_check(dev_data: Path) -> None:
    """A regression floor on material the team can see (not a quality figure): 0.36 right after
    the purge of dev-corpus cues, 0.33-0.39 with the learned head; a drop under 0.3 is a bug."""
    folder = dev_data / "job1_jtbd"
    hits = total = leaked = distractors = 0
    for gold_file in sorted(folder.glob("*.gold.json")):
        gold, transcript, result = _run(folder, gold_file.name)
        forces = [q.quote for f in FORCES for item in getattr(result.forces, f) for q in item.evidence]
        for force in FORCES:
            predicted = [q.quote for item in getattr(result.forces, force) for q in item.evidence]
            for quote in gold["forces"][force]:
                total += 1
                hits += any(_overlaps(quote, p, transcript) for p in predicted)
        for distractor in gold["distractor_quotes"]:
            distractors += 1
            leaked += any(_overlaps(distractor, q, transcript) for q in forces)
    assert hits / total >= 0.3
    assert leaked / distractors <= 0.1
