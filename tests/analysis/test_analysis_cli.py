"""The analysis commands as a user runs them: outputs, exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner, Result
from generate_crm import CustomerExport, ProspectList

from icp_coach.cli.main import cli


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_score_writes_every_input_column_plus_the_scoring_columns(prospect_list: ProspectList,
                                                                  tmp_path: Path) -> None:
    folder = prospect_list.path.parent
    out = tmp_path / "scored.csv"
    result = run("score", str(folder / "prospects.csv"), "--icp", str(folder / "icp_rules.json"), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    with (folder / "prospects.csv").open(encoding="utf-8") as handle:
        source_columns = next(csv.reader(handle))
    assert list(rows[0]) == [*source_columns, "excluded", "failed_filters", "filter_reasons", "score", "tier",
                             "matched_signals", "confidence", "icp_version"]
    assert len(rows) == prospect_list.rows and rows[0]["icp_version"] == "icp_rules"
    assert sorted(row["account_id"] for row in rows if row["excluded"] == "true") == sorted(prospect_list.excluded)


def test_score_json_has_records_and_a_summary(prospect_list: ProspectList) -> None:
    folder = prospect_list.path.parent
    result = run("score", str(folder / "prospects.csv"), "--icp", str(folder / "icp_rules.json"),
                 "--tiers", "70,20", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["summary"]["thresholds"] == {"tier_1": 70.0, "tier_2": 20.0}
    assert sum(data["summary"]["tiers"].values()) + data["summary"]["excluded"] == prospect_list.rows
    assert data["summary"]["excluded"] == len(prospect_list.excluded)
    assert data["accounts"][0]["line"] == 2
    first = data["accounts"][0]
    assert first["matched_signals"] and first["unmatched_signals"]


def test_score_bad_rules_exit_1_naming_the_rule_and_field(prospect_list: ProspectList, tmp_path: Path) -> None:
    prospects = prospect_list.path
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"filters": [{"field": "employees", "op": "greater", "value": 5}], "signals": []}))
    result = run("score", str(prospects), "--icp", str(rules))
    assert result.exit_code == 1 and "filter 1 (field 'employees')" in result.stderr and "op" in result.stderr
    rules.write_text(json.dumps({"filters": [], "signals": [{"field": "funding_round", "op": "eq", "value": "a"}]}))
    result = run("score", str(prospects), "--icp", str(rules))
    assert result.exit_code == 1 and "signal 1" in result.stderr and "'funding_round'" in result.stderr
    rules.write_text(json.dumps({"filters": [{"field": "employees", "op": "gte", "value": "many"}]}))
    result = run("score", str(prospects), "--icp", str(rules))
    assert result.exit_code == 1 and "takes a number" in result.stderr


def test_score_reports_unparseable_rows_with_their_line(tmp_path: Path) -> None:
    prospects = tmp_path / "p.csv"
    prospects.write_text("id,industry\nA,saas\nB,saas,extra,cells\nC,retail\n")
    rules = tmp_path / "r.json"
    rules.write_text(json.dumps({"filters": [{"field": "industry", "op": "eq", "value": "saas"}]}))
    result = run("score", str(prospects), "--icp", str(rules))
    assert result.exit_code == 0
    assert "p.csv:3: row not scored: has 4 fields" in result.stderr
    assert [row["id"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["A", "C"]


def test_customers_json_and_markdown(customer_export: CustomerExport) -> None:
    path = customer_export.path
    result = run("customers", str(path), "--json")
    data = json.loads(result.stdout)
    trait = data["traits"][0]
    for key in ("column", "value", "range", "share_best", "share_rest", "lift", "p_value", "q_value", "distinctive"):
        assert key in trait
    assert len(data["best_customers"]) == round(0.15 * customer_export.accounts)
    assert data["import"]["rows_read"] == customer_export.rows_written
    markdown = run("customers", str(path), "--lang", "zh").stdout
    assert "特征提升度" in markdown and "█" in markdown


def test_customers_unmappable_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("alpha,beta\n1,2\n")
    result = run("customers", str(path))
    assert result.exit_code == 1 and "--map" in result.stderr and "'alpha'" in result.stderr


def test_customers_merge_into_an_icp(customer_export: CustomerExport, tmp_path: Path) -> None:
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({"name": "Draft"}))
    result = run("customers", str(customer_export.path), "--merge-into", str(icp))
    assert result.exit_code == 0
    doc = json.loads(icp.read_text())
    industry = [f["value"] for f in doc["filters"] if f["field"] == "industry"]
    assert industry and "logistics" in str(industry[0])  # the planted industry, as eq or in


def test_validate_icp_with_deals_carrying_the_icp_fields(customer_export: CustomerExport, tmp_path: Path) -> None:
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({"name": "Logistics", "filters": [{"field": "industry", "op": "eq", "value": "logistics"}]}))
    deals = tmp_path / "deals.csv"
    deals.write_text("deal,industry,Stage\n1,logistics,Closed Won\n2,logistics,closed won\n3,logistics,Closed Lost\n"
                     "4,retail,closed lost\n5,retail,Closed Lost\n6,retail,closed won\n")
    result = run("validate-icp", str(icp), str(customer_export.path), "--deals", str(deals), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["outcomes"]["win_rate"]["rate_match"] == round(2 / 3, 4)
    assert data["outcomes"]["win_rate"]["rate_rest"] == round(1 / 3, 4)
    ltv = data["outcomes"]["lifetime_value"]
    assert ltv["mean_match"] > ltv["mean_rest"] and ltv["ci95"][0] > 0
    assert data["outcomes"]["churn"]["rate_match"] < data["outcomes"]["churn"]["rate_rest"]
    assert data["missed_best_customers"]["missed"] > 0 and "nps" in data["pmf_signals"]


def test_market_sizes_by_segment(prospect_list: ProspectList) -> None:
    folder = prospect_list.path.parent
    result = run("market", "--accounts", str(folder / "prospects.csv"), "--icp", str(folder / "icp_rules.json"),
                 "--acv", "25000", "--obtainable", "0.2", "--json")
    data = json.loads(result.stdout)
    sam = prospect_list.rows - len(prospect_list.excluded)
    assert (data["tam_accounts"], data["sam_accounts"], data["som_accounts"]) == (prospect_list.rows, sam, round(0.2 * sam))
    assert data["sam_usd"] == sam * 25000 and data["assumptions"]
    assert sum(row["sam_accounts"] for row in data["segments"]["region"]) == sam
    tier1 = json.loads(run("market", "--accounts", str(folder / "prospects.csv"), "--icp",
                           str(folder / "icp_rules.json"), "--acv", "1000", "--som-tier1", "--json").stdout)
    assert tier1["som_accounts"] == len(prospect_list.tiers[1])


def test_assess_from_answers_and_stored_in_the_icp(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("account: Acme\nscores: {ready: 5, willing: 4, able: 4, successful: 5, profitable: 4,"
                       " expansion_potential: 3, advocacy_potential: 4}\nevidence: {ready: 'new CFO'}\n")
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({"name": "Draft"}))
    result = run("assess", "--answers", str(answers), "--icp", str(icp), "--json")
    data = json.loads(result.stdout)
    assert data["total"] == 29 and data["recommendation"] == "pursue"
    stored = json.loads(icp.read_text())["assessments"][0]
    assert stored["account"] == "Acme" and stored["scores"][0]["evidence"] == "new CFO"
    zh = run("assess", "--answers", str(answers), "--lang", "zh").stdout
    assert "总分: 29/35" in zh


def test_assess_interactive_and_bad_answers(tmp_path: Path) -> None:
    typed = "Beta\n" + "\n".join(["1", "3", "3", "3", "3", "3", "3"]) + "\n"
    result = CliRunner().invoke(cli, ["assess"], input=typed)
    assert result.exit_code == 0 and "19/35" in result.stdout and "disqualify" in result.stdout
    assert "red flags" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"account": "X", "scores": {"ready": 9}}))
    result = run("assess", "--answers", str(bad))
    assert result.exit_code == 1 and "ready" in result.stderr


def test_the_seven_criteria_guide_is_complete_in_both_languages() -> None:
    from icp_coach.domain.assessment import CRITERIA, CRITERION_GUIDE

    assert set(CRITERION_GUIDE) == set(CRITERIA)
    for criterion in CRITERIA:
        for lang in ("en", "zh"):
            guide = CRITERION_GUIDE[criterion][lang]
            assert guide["label"] and guide["question"] and guide["red_flags"] and guide["best"]


def test_score_reads_an_xlsx_prospect_list(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Account ID", "Industry", "Number of Employees", "Hiring"])
    sheet.append(["X1", "SaaS", 120, "TRUE"])
    sheet.append(["X2", "Retail", 80, "no"])
    book.save(tmp_path / "list.xlsx")
    rules = tmp_path / "r.json"
    rules.write_text(json.dumps({"filters": [{"field": "industry", "op": "eq", "value": "saas"},
                                             {"field": "employees", "op": "gte", "value": 50}],
                                 "signals": [{"field": "hiring", "op": "eq", "value": True, "weight": 1}]}))
    result = run("score", str(tmp_path / "list.xlsx"), "--icp", str(rules), "--json")
    assert result.exit_code == 0, result.output
    accounts = json.loads(result.stdout)["accounts"]
    assert [(a["Account ID"], a["excluded"], a["tier"]) for a in accounts] == [("X1", False, 1), ("X2", True, None)]
    assert accounts[1]["failed_filters"] == "industry = saas (cell: Retail)"


def test_market_and_validate_icp_speak_chinese(prospect_list: ProspectList, customer_export: CustomerExport,
                                              tmp_path: Path) -> None:
    folder = prospect_list.path.parent
    market = run("market", "--accounts", str(folder / "prospects.csv"), "--icp", str(folder / "icp_rules.json"),
                 "--acv", "25000", "--lang", "zh").stdout
    assert "市场规模" in market and "规划期内可获得 SAM 的 10%" in market
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({"name": "物流", "filters": [{"field": "industry", "op": "eq", "value": "logistics"}]}))
    checked = run("validate-icp", str(icp), str(customer_export.path), "--lang", "zh").stdout
    assert "个客户中有" in checked and "流失率" in checked


def test_customers_from_an_xlsx_with_chinese_headers(tmp_path: Path) -> None:
    import random

    from openpyxl import Workbook

    rng = random.Random(3)
    book = Workbook()
    sheet = book.active
    sheet.append(["客户编号", "行业", "员工人数", "客户终身价值", "是否流失"])
    for i in range(120):
        industry = rng.choice(["金融科技", "零售", "医疗"])
        value = rng.gauss(2 if industry == "金融科技" else 0, 1)
        sheet.append([f"C{i}", industry, rng.randint(10, 900), f"{int(80 + 20 * value)}万", "否" if value > -1 else "是"])
    book.save(tmp_path / "客户.xlsx")
    result = run("customers", str(tmp_path / "客户.xlsx"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    top = data["traits"][0]
    assert (top["column"], top["value"], top["distinctive"]) == ("industry", "金融科技", True)
    assert "'员工人数' -> employees" in result.stderr


def _country_export(path: Path) -> Path:
    """Best customers (high lifetime value) all in Germany or Austria; the rest spread over Europe,
    and a sales channel where resellers never bring a best customer."""
    rows = ["account,country,channel,lifetime_value"]
    for i in range(40):
        rows.append(f"B{i},{'Austria' if i % 4 == 0 else 'Germany'},{'partner' if i % 3 == 0 else 'direct'},"
                    f"{80000 + i * 100}")
    elsewhere = ("France", "Spain", "Italy", "Poland", "Germany")
    channels = ("reseller", "direct", "direct", "reseller", "direct", "direct", "reseller", "direct", "partner", "direct")
    for i in range(160):
        rows.append(f"R{i},{elsewhere[i % 5]},{channels[i % 10]},{5000 + i * 10}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_merge_fills_the_icp_regions_from_a_country_filter_and_keeps_what_the_user_wrote(tmp_path: Path) -> None:
    export = _country_export(tmp_path / "accounts.csv")
    new_file = tmp_path / "icp.json"  # not there yet: created
    result = run("customers", str(export), "--top", "0.2", "--merge-into", str(new_file))
    assert result.exit_code == 0 and "created" in result.stderr
    doc = json.loads(new_file.read_text())
    assert doc["name"] == "accounts"
    assert sorted(doc["firmographics"]["regions"]) == ["Austria", "Germany"]
    assert any(f["field"] == "country" for f in doc["filters"])

    written = tmp_path / "written.json"
    written.write_text(json.dumps({"name": "Draft", "firmographics": {"regions": ["DACH"]}}))
    assert run("customers", str(export), "--top", "0.2", "--merge-into", str(written)).exit_code == 0
    assert json.loads(written.read_text())["firmographics"]["regions"] == ["DACH"]


def test_red_flags_name_what_no_filter_already_keeps_out(tmp_path: Path) -> None:
    result = run("customers", str(_country_export(tmp_path / "accounts.csv")), "--top", "0.2", "--json")
    flags = [flag["description"] for flag in json.loads(result.stdout)["suggested_icp"]["red_flags"]]
    assert any("reseller" in flag for flag in flags)  # the channel has no filter: the flag tells something
    assert not any("france" in flag.lower() or "spain" in flag.lower() for flag in flags)  # the country filter does
