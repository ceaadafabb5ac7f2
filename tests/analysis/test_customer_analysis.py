"""Best customers, distinctive traits and subgroups on seeded CRM exports with planted answers."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from generate_crm import DECOYS, PLANTED_OVER, PLANTED_UNDER, CustomerExport

from icp_coach.analysis.customer_analysis import analyse_customers, load_clean_table
from icp_coach.analysis.errors import TableInputError
from icp_coach.analysis.value_score import parse_weights


def _matches(trait: dict, column: str, wanted: object) -> bool:
    if trait["column"] != column:
        return False
    if isinstance(wanted, list):
        return trait["range"] is not None and list(trait["range"]) == wanted
    return trait["value"] == wanted


def _found(traits: list[dict], column: str, wanted: object) -> dict:
    found = [t for t in traits if _matches(t, column, wanted)]
    assert found, f"planted trait {column} = {wanted} not reported"
    return found[0]


@pytest.fixture(scope="module")
def generated(customer_export: CustomerExport) -> tuple[dict, CustomerExport]:
    return analyse_customers(load_clean_table(customer_export.path)), customer_export


def test_every_planted_trait_is_distinctive_and_leads_the_ranking(generated: tuple[dict, CustomerExport]) -> None:
    result, _ = generated
    ranks = []
    for column, wanted in PLANTED_OVER:
        trait = _found(result["traits"], column, wanted)
        assert trait["distinctive"] and trait["direction"] == "over"
        ranks.append(trait["rank"])
    # the planted traits lead; a bin overlapping a planted one (employees 120-240) may come between
    assert min(ranks) == 1 and max(ranks) <= len(PLANTED_OVER) + 2
    under = _found(result["traits"], *PLANTED_UNDER)
    assert under["distinctive"] and under["direction"] == "under"


def test_a_trait_everyone_has_is_not_distinctive(generated: tuple[dict, CustomerExport]) -> None:
    result, _ = generated
    for column, wanted in DECOYS:
        decoy = _found(result["traits"], column, wanted)
        assert not decoy["distinctive"] and 0.8 < decoy["lift"] < 1.25
        assert decoy["rank"] > len(PLANTED_OVER)


def test_the_planted_best_accounts_are_found(generated: tuple[dict, CustomerExport]) -> None:
    result, export = generated
    best = {b["account_id"] for b in result["best_customers"]}
    assert len(best) == round(0.15 * export.accounts)  # the default top 15%, the duplicate row counted once
    found = sum(account in best for account in export.sure_best)
    assert found >= 0.9 * len(export.sure_best)
    assert all(b["why"] for b in result["best_customers"])
    assert result["import"]["rows_read"] == export.rows_written and result["import"]["rows_used"] == export.accounts


def test_suggestions_are_valid_icp_rules_built_from_the_planted_traits(generated: tuple[dict, CustomerExport]) -> None:
    from icp_coach.domain.icp import ICPDocument

    result, _ = generated
    suggested = result["suggested_icp"]
    doc = ICPDocument(name="from data", filters=suggested["filters"], signals=suggested["signals"])
    fields = {c.field for c in [*doc.filters, *doc.signals]}
    assert {"industry", "region", "employees", "tech_stack"} <= fields
    filters = {(f.field, str(f.value)) for f in doc.filters}
    assert ("industry", "logistics") in filters and ("employees", "[50, 200]") in filters
    assert all(item["traits"] for item in suggested["evidence"])
    kept = suggested["filters_keep"]
    best = len(result["best_customers"])
    assert 0 < kept["best_customers"] <= best and kept["share_of_best"] == round(kept["best_customers"] / best, 4)
    # the planted under-trait is already kept out by the region filter: no red flag repeats it
    assert any(f.field == "region" for f in doc.filters)
    assert not any("latin america" in flag["description"] for flag in suggested["red_flags"])


def test_subgroups_combine_planted_traits_and_never_a_trait_everyone_has(generated: tuple[dict, CustomerExport]) -> None:
    result, _ = generated
    planted_labels = {_found(result["traits"], c, v)["label"] for c, v in PLANTED_OVER}
    decoy_labels = {_found(result["traits"], c, v)["label"] for c, v in DECOYS}
    top = result["subgroups"][0]
    assert 2 <= len(top["traits"]) <= 3 and set(top["traits"]) <= planted_labels
    assert top["lift"] > 3 and 0 < top["coverage"] < 1
    assert not any(decoy_labels & set(group["traits"]) for group in result["subgroups"])


def test_devcorpus_job3_planted_traits_and_best_accounts(dev_data: Path) -> None:
    """Regression check on the team's labelled customers (tuned material: not a quality figure)."""
    folder = dev_data / "job3_customers"
    gold = json.loads((folder / "customers.gold.json").read_text())
    result = analyse_customers(load_clean_table(folder / "customers.csv"))
    for planted in gold["planted_traits"]:
        trait = _found(result["traits"], planted["column"], planted["value_or_range"])
        assert trait["distinctive"] and trait["direction"] == "over"
    best = {b["account_id"] for b in result["best_customers"]}
    assert sum(a in best for a in gold["best_account_ids_sample"]) >= 0.9 * len(gold["best_account_ids_sample"])


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
