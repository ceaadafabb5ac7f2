"""Best customers and distinctive traits on dev-data job3, and decoys on a planted data set."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from icp_coach.analysis.customer_analysis import analyse_customers, load_clean_table
from icp_coach.analysis.errors import TableInputError
from icp_coach.analysis.value_score import parse_weights


def _matches(trait: dict, planted: dict) -> bool:
    if trait["column"] != planted["column"]:
        return False
    wanted = planted["value_or_range"]
    if isinstance(wanted, list):
        return trait["range"] is not None and trait["range"][0] == wanted[0] and trait["range"][1] == wanted[1]
    return trait["value"] == wanted


@pytest.fixture(scope="module")
def job3_result() -> tuple[dict, dict]:
    folder = Path(__file__).resolve().parents[3] / "shared" / "dev-data" / "job3_customers"
    gold = json.loads((folder / "customers.gold.json").read_text())
    return analyse_customers(load_clean_table(folder / "customers.csv")), gold


def test_job3_every_planted_trait_is_distinctive_and_above_any_decoy(job3_result: tuple[dict, dict]) -> None:
    result, gold = job3_result
    traits = result["traits"]
    planted_ranks = []
    for planted in gold["planted_traits"]:
        found = [t for t in traits if _matches(t, planted)]
        assert found, f"planted trait {planted} not reported"
        assert found[0]["distinctive"] and found[0]["direction"] == "over"
        planted_ranks.append(found[0]["rank"])
    for decoy in gold["decoy_traits"]:
        found = [t for t in traits if _matches(t, decoy)]
        assert found and not found[0]["distinctive"]
        assert found[0]["rank"] > max(planted_ranks)
    assert max(planted_ranks) <= len(gold["planted_traits"])  # the planted traits lead the ranking


def test_job3_gold_best_accounts_are_found(job3_result: tuple[dict, dict]) -> None:
    result, gold = job3_result
    best = {b["account_id"] for b in result["best_customers"]}
    assert len(best) == 60
    found = sum(account in best for account in gold["best_account_ids_sample"])
    assert found >= 0.9 * len(gold["best_account_ids_sample"])
    assert all(b["why"] for b in result["best_customers"])


def test_job3_suggestions_are_valid_icp_rules(job3_result: tuple[dict, dict]) -> None:
    from icp_coach.domain.icp import ICPDocument

    result, _ = job3_result
    suggested = result["suggested_icp"]
    doc = ICPDocument(name="from data", filters=suggested["filters"], signals=suggested["signals"])
    fields = {c.field for c in [*doc.filters, *doc.signals]}
    assert {"industry", "region", "employees", "tech_stack"} <= fields
    assert all(item["traits"] for item in suggested["evidence"])
    kept = suggested["filters_keep"]
    assert 0 < kept["best_customers"] <= 60 and kept["share_of_best"] == round(kept["best_customers"] / 60, 4)
    assert any("north america" in flag["description"] for flag in suggested["red_flags"])


def test_job3_subgroups_combine_planted_traits(job3_result: tuple[dict, dict]) -> None:
    result, _ = job3_result
    top = result["subgroups"][0]
    assert 2 <= len(top["traits"]) <= 3
    assert top["lift"] > 3 and 0 < top["coverage"] < 1


def _planted_file(path: Path) -> None:
    rng = random.Random(11)
    rows = ["account_id,industry,region,tech_stack,lifetime_value_usd,referrals,churned"]
    for i in range(600):
        industry = rng.choice(["fintech", "retail", "media", "logistics"])
        region = "north america" if rng.random() < 0.45 else rng.choice(["emea", "apac"])
        tech = ["slack"] if rng.random() < 0.8 else []  # decoy: common everywhere, unrelated to value
        tech += ["jira"] if rng.random() < 0.3 else []
        value = rng.gauss(3 if industry == "fintech" else 0, 1)
        rows.append(f"A{i},{industry},{region},{';'.join(tech)},{int(50000 + 20000 * value)},"
                    f"{max(0, round(value))},{'no' if value > -1 else rng.choice(['yes', 'no'])}")
    path.write_text("\n".join(rows) + "\n")


def test_decoys_common_to_everyone_are_not_distinctive(tmp_path: Path) -> None:
    path = tmp_path / "planted.csv"
    _planted_file(path)
    result = analyse_customers(load_clean_table(path))
    by_label = {t["label"]: t for t in result["traits"]}
    assert by_label["industry = fintech"]["distinctive"]
    for decoy in ("tech_stack has slack", "region = north america"):
        assert not by_label[decoy]["distinctive"], by_label[decoy]
        assert by_label[decoy]["rank"] > by_label["industry = fintech"]["rank"]
        assert 0.7 < by_label[decoy]["lift"] < 1.3


def test_weights_change_the_ranking_and_bad_weights_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "planted.csv"
    _planted_file(path)
    table = load_clean_table(path)
    only_referrals = analyse_customers(table, weights=parse_weights("lifetime_value=0"))
    assert only_referrals["value_criteria"] == {"referrals": 1.0, "churned": 1.0}
    with pytest.raises(TableInputError, match="--weights"):
        parse_weights("happiness=2")


def test_a_file_without_value_columns_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("foo,bar\n1,2\n")
    with pytest.raises(TableInputError, match="--map"):
        analyse_customers(load_clean_table(path))
