"""Prospect scoring: planted tiers on a seeded prospect list, and the vectorised rules agree with the
per-record reference `domain.criteria.matches` on anything hypothesis can throw at them."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from generate_crm import ProspectList
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icp_coach.analysis.cell_readings import column_context, passes_by_reading
from icp_coach.analysis.criteria_expressions import criterion_expr, present_expr
from icp_coach.analysis.errors import TableInputError
from icp_coach.analysis.prospect_scoring import (
    ScoringRules,
    check_value_types,
    resolve_columns,
    score_frame,
    summarise,
)
from icp_coach.analysis.table_reading import read_table
from icp_coach.domain.criteria import Criterion, Filter, Op, Signal, matches

OPS_LIST: list[Op] = ["eq", "in", "not_in", "between", "gte", "lte", "contains"]


def _rules(data: dict, version: str = "test") -> ScoringRules:
    return ScoringRules([Filter(**f) for f in data["filters"]], [Signal(**s) for s in data["signals"]], version)


def _score_file(path: Path, rules: ScoringRules) -> pl.DataFrame:
    raw = read_table(path)
    resolve_columns(rules, raw.columns, str(path))
    check_value_types(raw.frame, rules)
    return score_frame(raw.frame, rules, unmatched=True)


def test_exclusions_tiers_and_scores_equal_what_was_planted(prospect_list: ProspectList) -> None:
    scored = _score_file(prospect_list.path, _rules(prospect_list.rules))
    assert sorted(scored.filter(pl.col("excluded"))["account_id"]) == sorted(prospect_list.excluded)
    for tier in (1, 2, 3):
        assert sorted(scored.filter(pl.col("tier") == tier)["account_id"]) == sorted(prospect_list.tiers[tier])
    scores = dict(zip(scored["account_id"], scored["score"], strict=True))
    for account, fraction in prospect_list.fractions.items():
        assert scores[account] == pytest.approx(100 * fraction, abs=0.01)


def test_accounts_exactly_on_a_threshold_land_in_the_higher_tier(prospect_list: ProspectList) -> None:
    assert {1, 2} <= set(prospect_list.on_threshold.values()), "the generator plants accounts on both thresholds"
    scored = _score_file(prospect_list.path, _rules(prospect_list.rules))
    tiers = dict(zip(scored["account_id"], scored["tier"], strict=True))
    for account, expected in prospect_list.on_threshold.items():
        assert tiers[account] == expected


def test_devcorpus_job4_exclusions_and_tiers_equal_the_gold(dev_data: Path) -> None:
    """Regression check on the team's labelled prospect list."""
    folder = dev_data / "job4_prospects"
    gold = json.loads((folder / "prospects.gold.json").read_text())
    scored = _score_file(folder / "prospects.csv", _rules(json.loads((folder / "icp_rules.json").read_text())))
    assert sorted(scored.filter(pl.col("excluded"))["account_id"]) == sorted(gold["excluded"])
    for tier in (1, 2, 3):
        assert sorted(scored.filter(pl.col("tier") == tier)["account_id"]) == sorted(gold[f"tier_{tier}"])


def test_failed_filter_names_the_rule_and_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("account_id,industry,employees\nA,Retail,120\nB,SaaS,\nC, saas ,\"1,200\"\n")
    rules = ScoringRules([Filter(field="industry", op="eq", value="saas"),
                          Filter(field="employees", op="lte", value=500)],
                         [Signal(field="industry", op="eq", value="saas", weight=1)])
    scored = _score_file(path, rules)
    failed = dict(zip(scored["account_id"], scored["failed_filters"], strict=True))
    assert failed["A"] == "industry = saas (cell: Retail)"
    assert failed["B"] == "employees <= 500 (cell: empty)"
    assert failed["C"] == "employees <= 500 (cell: 1,200)"
    assert scored["excluded"].to_list() == [True, True, True]
    assert scored["confidence"].to_list() == [1.0, 0.5, 1.0]


def test_a_rule_on_a_missing_column_names_the_rule_and_the_column(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("account_id,industry\nA,saas\n")
    rules = ScoringRules([], [Signal(field="hiring_sales", op="eq", value=True, weight=2)])
    with pytest.raises(TableInputError, match=r"signal 1 .*hiring_sales"):
        _score_file(path, rules)


def test_a_number_rule_on_a_text_column_is_a_wrong_type_error(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("account_id,industry\nA,saas\nB,retail\n")
    rules = ScoringRules([Filter(field="industry", op="gte", value=10)], [])
    with pytest.raises(TableInputError, match=r"filter 1 .*industry.*no numbers"):
        _score_file(path, rules)


def test_headers_are_matched_ignoring_case_and_punctuation(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Account ID,Employees\nA,80\n")
    rules = ScoringRules([Filter(field="employees", op="between", value=[50, 100])], [])
    assert _score_file(path, rules)["excluded"].to_list() == [False]


def test_typed_signals_give_fit_and_intent_apart(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id,industry,visited_pricing\nA,saas,yes\nB,saas,no\n")
    rules = ScoringRules([], [Signal(field="industry", op="eq", value="saas", weight=1, type="fit"),
                              Signal(field="visited_pricing", op="eq", value=True, weight=3, type="intent")])
    scored = _score_file(path, rules)
    assert scored["fit_score"].to_list() == [100.0, 100.0]
    assert scored["intent_score"].to_list() == [100.0, 0.0]
    assert summarise(scored, rules)["tiers"] == {"1": 1, "2": 0, "3": 1}


# ---------------------------------------------------------------- property tests
_WORDS = ["saas", "SaaS ", " fintech", "true", "TRUE", "yes", "No", "false", "0", "1", "1,200", "1200",
          "12.5", "-3", "+7", "", "  ", "n/a", "NULL", "-", "snowflake;Salesforce", "a; b", "是", "否",
          "１２", "north america", "North  America", "1,20", "1.", ".5", "nan"]
cells = st.one_of(st.sampled_from(_WORDS), st.text(alphabet=st.sampled_from(list("ab ,.;-+019TRUEyes是")), max_size=8))
values = st.one_of(st.booleans(), st.integers(-5, 2000), st.floats(-10, 2000, allow_nan=False).map(lambda v: round(v, 1)),
                   st.sampled_from(["saas", "SaaS", "1,200", "yes", "true", "north america", "a", "1", "是"]))
needles = st.sampled_from(["saas", "snow", "1200", "true", "a", ";", "1", ".0", "是", "america"])


@st.composite
def criteria(draw: st.DrawFn) -> Criterion:
    op: Op = draw(st.sampled_from(OPS_LIST))
    value: object
    if op == "eq":
        value = draw(values)
    elif op in ("in", "not_in"):
        value = draw(st.lists(values, min_size=1, max_size=3))
    elif op == "between":
        low = draw(st.integers(-5, 1500))
        value = [low, low + draw(st.integers(0, 1000))]
    elif op in ("gte", "lte"):
        value = draw(st.one_of(st.integers(-5, 2000), st.floats(-5, 2000, allow_nan=False)))
    else:
        value = draw(needles)
    return Criterion(field="c", op=op, value=value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(criterion=criteria(), column=st.lists(st.one_of(st.none(), cells), min_size=1, max_size=12))
def test_vectorised_criterion_agrees_with_the_reference(criterion: Criterion, column: list[str | None]) -> None:
    """The scorer's two steps (the exact comparison vectorised, then the reading of the cells it
    cannot judge: ranges, yes/no spellings, several values) decide as the reference does."""
    frame = pl.DataFrame({"c": column}, schema={"c": pl.Utf8})
    base = criterion.model_copy(update={"op": "in"}) if criterion.op == "not_in" else criterion
    exact = frame.select(criterion_expr(base).alias("hit"))["hit"].to_list()
    present = frame.select(present_expr("c").alias("p"))["p"].to_list()
    undecided = [cell for cell, hit, filled in zip(column, exact, present, strict=True) if filled and not hit]
    read = passes_by_reading(base, [c for c in undecided if c is not None], column_context("c", None, "c"))
    combined = [hit or (cell in read) for cell, hit in zip(column, exact, strict=True)]
    if criterion.op == "not_in":
        combined = [filled and not hit for hit, filled in zip(combined, present, strict=True)]
    reference = [matches(criterion, {"c": cell}) for cell in column]
    assert combined == reference


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["saas", "retail", ""]), st.sampled_from(["yes", "no", ""]),
                               st.sampled_from(["yes", "no", ""])), min_size=1, max_size=20),
       weight=st.floats(0.5, 5))
def test_adding_a_matched_signal_never_lowers_a_score(rows: list[tuple[str, str, str]], weight: float) -> None:
    frame = pl.DataFrame({"industry": [r[0] for r in rows], "hiring": [r[1] for r in rows],
                          "raised": [r[2] for r in rows]})
    base = ScoringRules([], [Signal(field="hiring", op="eq", value=True, weight=2)])
    more = ScoringRules([], [*base.signals, Signal(field="raised", op="eq", value=True, weight=weight)])
    for rules in (base, more):
        resolve_columns(rules, frame.columns)
    before = score_frame(frame, base, check_types=False)["score"].to_list()
    after = score_frame(frame, more, check_types=False)["score"].to_list()
    raised = [matches(more.signals[1], {"raised": r[2]}) for r in rows]
    for old, new, hit in zip(before, after, raised, strict=True):
        if hit:
            assert new >= old - 1e-9


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(cells, cells), min_size=1, max_size=20), criterion=criteria())
def test_an_account_failing_a_filter_is_always_excluded(rows: list[tuple[str, str]], criterion: Criterion) -> None:
    frame = pl.DataFrame({"c": [r[0] for r in rows], "d": [r[1] for r in rows]})
    rules = ScoringRules([Filter(**criterion.model_dump())], [Signal(field="d", op="contains", value="a", weight=1)])
    resolve_columns(rules, frame.columns)
    scored = score_frame(frame, rules, check_types=False)
    for row, excluded, tier in zip(rows, scored["excluded"], scored["tier"], strict=True):
        fails = not matches(rules.filters[0], {"c": row[0]})
        assert excluded == fails
        if fails:
            assert tier is None


@pytest.mark.parametrize("extra_signals", [0, 8])  # 8 more: past the per-pattern tables, per-row path
def test_scores_tiers_and_reasons_equal_a_per_row_loop_over_matches(prospect_list: ProspectList,
                                                                     extra_signals: int) -> None:
    import csv

    data = json.loads(json.dumps(prospect_list.rules))
    data["signals"] += [{"field": "country", "op": "eq", "value": f"nowhere {i}", "weight": 0.5, "type": "intent"}
                        for i in range(extra_signals)]
    data["signals"][0]["type"] = "fit"
    rules = _rules(data)
    scored = _score_file(prospect_list.path, rules).to_dicts()
    total = sum(s.weight for s in rules.signals)
    with prospect_list.path.open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == len(scored)
    for record, row in zip(records, scored, strict=True):
        hit = [s for s in rules.signals if matches(s, record)]
        failed = [f for f in rules.filters if not matches(f, record)]
        assert row["excluded"] == bool(failed)
        assert row["score"] == round(100 * sum(s.weight for s in hit) / total, 2)
        assert row["matched_signals"] == "; ".join(s.describe() for s in hit)
        assert row["unmatched_signals"] == "; ".join(s.describe() for s in rules.signals if s not in hit)
        assert [part.split(" (cell:")[0] for part in row["failed_filters"].split("; ") if part] == \
            [f.describe() for f in failed]
        fit = [s for s in rules.signals if s.type == "fit"]
        assert row["fit_score"] == round(100 * sum(s.weight for s in hit if s.type == "fit") / sum(s.weight for s in fit), 2)
        if extra_signals:
            assert row["intent_score"] == 0.0


def test_streaming_from_disk_gives_the_same_scored_csv(prospect_list: ProspectList, tmp_path: Path) -> None:
    from icp_coach.analysis.facade import TableAnalysis
    from icp_coach.analysis.table_reading import LINE

    tables = TableAnalysis()
    streamed = tables.score_streaming(prospect_list.path, _rules(prospect_list.rules), tmp_path / "streamed.csv")
    assert streamed is not None and streamed["excluded"] == len(prospect_list.excluded)
    assert streamed["tiers"] == {str(tier): len(accounts) for tier, accounts in prospect_list.tiers.items()}
    in_memory, _ = tables.score(read_table(prospect_list.path), _rules(prospect_list.rules))
    expected = in_memory.drop(LINE).cast(pl.Utf8)
    got = pl.read_csv(tmp_path / "streamed.csv", infer_schema=False)
    assert got.columns == expected.columns
    assert got.select("account_id", "excluded", "tier", "score", "failed_filters").fill_null("").equals(
        expected.select("account_id", "excluded", "tier", "score", "failed_filters").fill_null(""))


def test_a_malformed_file_is_not_streamed(tmp_path: Path) -> None:
    from icp_coach.analysis.facade import TableAnalysis

    path = tmp_path / "p.csv"
    path.write_text("id,industry\nA,saas\nB,saas,extra\n")
    rules = ScoringRules([Filter(field="industry", op="eq", value="saas")], [])
    assert TableAnalysis().score_streaming(path, rules, tmp_path / "out.csv") is None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(st.one_of(st.none(), cells), st.one_of(st.none(), cells)), min_size=1, max_size=15),
       filters=st.lists(criteria(), max_size=2), signals=st.lists(criteria(), min_size=1, max_size=3),
       weights=st.lists(st.floats(0.5, 4), min_size=3, max_size=3))
def test_the_whole_scoring_pipeline_agrees_with_the_reference(rows: list[tuple[str | None, str | None]],
                                                              filters: list[Criterion], signals: list[Criterion],
                                                              weights: list[float]) -> None:
    frame = pl.DataFrame({"c": [r[0] for r in rows], "d": [r[1] for r in rows]}, schema={"c": pl.Utf8, "d": pl.Utf8})
    rules = ScoringRules([Filter(**f.model_dump()) for f in filters],
                         [Signal(**{**s.model_dump(), "field": "d" if i % 2 else "c", "weight": weights[i]})
                          for i, s in enumerate(signals)])
    resolve_columns(rules, frame.columns)
    scored = score_frame(frame, rules, check_types=False).to_dicts()
    total = sum(s.weight for s in rules.signals)
    for (c, d), row in zip(rows, scored, strict=True):
        record = {"c": c, "d": d}
        failed = [f for f in rules.filters if not matches(f, record)]
        weight = sum(s.weight for s in rules.signals if matches(s, record))
        assert row["excluded"] == bool(failed)
        assert row["score"] == round(100 * weight / total, 2)
        expected_tier = None if failed else 1 if weight * 100 >= 60 * total else 2 if weight * 100 >= 30 * total else 3
        assert row["tier"] == expected_tier
