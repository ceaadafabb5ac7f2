"""Filters on places and trades read the prospect's cell through the taxonomy: a region or industry
inside a filter value passes ("Texas" for North America, 杭州 for 华东, "Dental clinics" for
Healthcare), in English or Chinese, with the reason in filter_reasons; cells the taxonomy does
not know compare exactly, as without it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from icp_coach.analysis.prospect_scoring import (
    ScoringRules,
    resolve_columns,
    score_frame,
    summarise,
)
from icp_coach.cli.main import cli
from icp_coach.domain.criteria import Filter, Signal
from icp_coach.engines.offline.place_trade_taxonomy import GazetteerTaxonomy

TAXONOMY = GazetteerTaxonomy()


def _score(cells: dict[str, list[str | None]], filters: list[Filter], signals: list[Signal] | None = None, *,
           taxonomy: bool = True) -> dict[str, dict]:
    frame = pl.DataFrame({"id": [str(i) for i in range(len(next(iter(cells.values()))))], **cells},
                         schema={"id": pl.Utf8, **{name: pl.Utf8 for name in cells}})
    rules = ScoringRules(filters, signals or [], "t", taxonomy=TAXONOMY if taxonomy else None)
    resolve_columns(rules, frame.columns)
    scored = score_frame(frame, rules)
    column = next(iter(cells))
    return {row[column]: row for row in scored.to_dicts()}


def _kept(rows: dict[str, dict]) -> list[str]:
    return [cell for cell, row in rows.items() if not row["excluded"]]


def test_a_north_america_icp_keeps_texas_and_toronto_and_drops_berlin() -> None:
    rows = _score({"region": ["Texas", "Toronto", "Berlin", "United States", "墨西哥城", "加拿大", "Ontario"]},
                  [Filter(field="region", op="in", value=["North America"])])
    assert _kept(rows) == ["Texas", "Toronto", "United States", "加拿大", "Ontario"]
    assert rows["Texas"]["filter_reasons"] == "region Texas within North America"
    assert rows["Berlin"]["failed_filters"] == "region in North America (cell: Berlin)"
    assert rows["Berlin"]["filter_reasons"] == ""


def test_east_china_keeps_hangzhou_and_shanghai_and_drops_guangzhou() -> None:
    rows = _score({"region": ["杭州", "上海", "浙江省", "Hangzhou", "广州", "北京", "浙江杭州"]},
                  [Filter(field="region", op="in", value=["华东"])])
    assert _kept(rows) == ["杭州", "上海", "浙江省", "Hangzhou", "浙江杭州"]
    assert rows["杭州"]["filter_reasons"] == "region 杭州 within 华东"
    assert rows["浙江杭州"]["filter_reasons"] == "region 浙江杭州 within 华东 (read as Hangzhou)"


def test_healthcare_keeps_dental_clinics_and_hospitals_in_either_language() -> None:
    rows = _score({"industry": ["Dental clinics", "牙科", "Hospitals", "医院", "Retail", "Dental software"]},
                  [Filter(field="industry", op="in", value=["Healthcare"])])
    assert _kept(rows) == ["Dental clinics", "牙科", "Hospitals", "医院"]
    assert rows["Dental clinics"]["filter_reasons"] == "industry Dental clinics within Healthcare"


def test_one_place_in_english_and_chinese_is_the_same_place() -> None:
    rows = _score({"region": ["德国", "Germany", "GERMANY ", "法国"]},
                  [Filter(field="region", op="eq", value="Germany")])
    assert _kept(rows) == ["德国", "Germany", "GERMANY "]
    assert rows["德国"]["filter_reasons"] == "region 德国 = Germany"
    assert rows["Germany"]["filter_reasons"] == ""  # equal as written: nothing to explain
    assert _kept(_score({"region": ["Germany", "Munich", "Austria"]},
                        [Filter(field="region", op="in", value=["德国"])])) == ["Germany", "Munich"]


def test_cells_the_taxonomy_does_not_know_compare_exactly_as_before() -> None:
    cells: list[str | None] = ["Atlantis", "atlantis ", "Gotham", "Mars colony", "NA", None, "Texas"]
    filters = [Filter(field="region", op="in", value=["Atlantis", "North America"])]
    widened = _score({"region": cells}, filters)
    exact = _score({"region": cells}, filters, taxonomy=False)
    assert _kept(exact) == ["Atlantis", "atlantis "]
    assert _kept(widened) == ["Atlantis", "atlantis ", "Texas"]
    for cell in ("Gotham", "Mars colony", "NA", None):
        assert widened[cell]["failed_filters"] == exact[cell]["failed_filters"]  # type: ignore[index]
    assert widened["NA"]["failed_filters"] == "region in Atlantis, North America (cell: empty)"


def test_a_value_the_taxonomy_does_not_know_matches_only_its_own_spelling() -> None:
    rows = _score({"region": ["Tri-County", "tri-county", "Texas"]},
                  [Filter(field="region", op="in", value=["Tri-County"])])
    assert _kept(rows) == ["Tri-County", "tri-county"]


def test_an_ambiguous_place_is_read_in_the_sense_the_filter_means() -> None:
    cells: list[str | None] = ["Georgia", "Washington", "Paris, Texas", "Austin, Texas", "Seattle"]
    europe = _score({"region": cells}, [Filter(field="region", op="in", value=["Europe"])])
    assert _kept(europe) == ["Georgia"]
    assert europe["Georgia"]["filter_reasons"] == "region Georgia within Europe (read as Georgia (Europe))"
    america = _score({"region": cells}, [Filter(field="region", op="in", value=["North America"])])
    assert _kept(america) == ["Georgia", "Washington", "Austin, Texas", "Seattle"]
    assert america["Georgia"]["filter_reasons"].endswith("(read as Georgia (United States))")
    # a filter value on its own means its sure sense: "Georgia" is the US state
    state = _score({"region": ["佐治亚州", "Atlanta", "格鲁吉亚"]}, [Filter(field="region", op="eq", value="Georgia")])
    assert _kept(state) == ["佐治亚州", "Atlanta"]
    west = _score({"region": ["Washington", "Washington, D.C.", "Oregon"]},
                  [Filter(field="region", op="in", value=["West Coast"])])
    assert _kept(west) == ["Washington", "Oregon"]


def test_the_other_values_of_a_filter_decide_what_an_ambiguous_value_means() -> None:
    cells: list[str | None] = ["格鲁吉亚", "Atlanta", "Yerevan"]
    caucasus = _score({"region": cells}, [Filter(field="region", op="in", value=["Georgia", "Armenia"])])
    assert _kept(caucasus) == ["格鲁吉亚"]
    south = _score({"region": cells}, [Filter(field="region", op="in", value=["Georgia", "Florida"])])
    assert _kept(south) == ["Atlanta"]


def test_groupings_beyond_the_one_parent_count_emea_dach_and_the_us_regions() -> None:
    rows = _score({"region": ["Germany", "Austria", "Saudi Arabia", "Kenya", "Japan", "Switzerland"]},
                  [Filter(field="region", op="in", value=["EMEA"])])
    assert _kept(rows) == ["Germany", "Austria", "Saudi Arabia", "Kenya", "Switzerland"]
    assert _kept(_score({"region": ["Germany", "Switzerland", "France"]},
                        [Filter(field="region", op="in", value=["DACH"])])) == ["Germany", "Switzerland"]
    assert _kept(_score({"region": ["Ohio", "Chicago", "Texas"]},
                        [Filter(field="region", op="in", value=["Midwest"])])) == ["Ohio", "Chicago"]


def test_signals_on_a_trade_read_through_the_taxonomy_too() -> None:
    rows = _score({"industry": ["Dental clinics", "Retail"]}, [],
                  [Signal(field="industry", op="in", value=["healthcare"], weight=1)])
    assert rows["Dental clinics"]["tier"] == 1 and rows["Retail"]["tier"] == 3


def test_the_summary_counts_only_real_failures() -> None:
    frame = pl.DataFrame({"region": ["Texas", "Berlin", "Toronto"]})
    rules = ScoringRules([Filter(field="region", op="in", value=["North America"])], [], "t", taxonomy=TAXONOMY)
    resolve_columns(rules, frame.columns)
    summary = summarise(score_frame(frame, rules), rules)
    assert summary["excluded"] == 1 and summary["excluded_by_filter"] == {"region in North America": 1}


def test_score_command_keeps_accounts_inside_the_icp_regions_and_trades(tmp_path: Path) -> None:
    prospects = tmp_path / "prospects.csv"
    prospects.write_text(
        "account_id,industry,region,employees,tech_stack\n"
        "P1,Dental clinics,Texas,120,Salesforce; Stripe\n"
        "P2,Hospitals,Toronto,300,HubSpot\n"
        "P3,Healthcare,Berlin,200,Salesforce\n"
        "P4,口腔诊所,杭州,150,Salesforce\n"
        "P5,Retail,California,90,Salesforce\n"
        "P6,Healthcare,Atlantis,90,Salesforce\n", encoding="utf-8")
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({
        "filters": [{"field": "industry", "op": "in", "value": ["Healthcare"]},
                    {"field": "region", "op": "in", "value": ["North America", "华东"]}],
        "signals": [{"field": "tech_stack", "op": "contains", "value": "salesforce", "weight": 2},
                    {"field": "tech_stack", "op": "contains", "value": "stripe", "weight": 1}]}))
    result = CliRunner().invoke(cli, ["score", str(prospects), "--icp", str(icp)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = {row["account_id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert {key: (row["excluded"], row["tier"]) for key, row in rows.items()} == {
        "P1": ("false", "1"), "P2": ("false", "3"), "P3": ("true", ""), "P4": ("false", "1"),
        "P5": ("true", ""), "P6": ("true", "")}
    assert rows["P1"]["filter_reasons"] == ("industry Dental clinics within Healthcare; "
                                            "region Texas within North America")
    assert rows["P4"]["filter_reasons"] == "industry 口腔诊所 within Healthcare; region 杭州 within 华东"
    assert rows["P6"]["failed_filters"] == "region in North America, 华东 (cell: Atlantis)"
    assert "3 excluded" in result.stderr


def test_a_big_file_scored_streaming_reads_places_the_same_way(tmp_path: Path) -> None:
    from icp_coach.analysis.prospect_scoring import score_csv_streaming

    source, target = tmp_path / "p.csv", tmp_path / "scored.csv"
    source.write_text("id,region\n1,Texas\n2,Berlin\n3,杭州\n4,Atlantis\n", encoding="utf-8")
    rules = ScoringRules([Filter(field="region", op="in", value=["North America", "华东"])], [], "t",
                         taxonomy=TAXONOMY)
    resolve_columns(rules, ["id", "region"])
    summary = score_csv_streaming(source, rules, target)
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [row["excluded"] for row in rows] == ["false", "true", "false", "true"]
    assert rows[2]["filter_reasons"] == "region 杭州 within 华东"
    assert summary["excluded"] == 2
