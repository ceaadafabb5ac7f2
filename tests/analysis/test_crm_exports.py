"""Exports people actually bring: Chinese headers in GBK with a 合计 line, employee bands as text,
revenue with units, Y / 是 / ✓ flags, several countries in a cell, state codes, and ICP files
written by hand (`not in`, `contains any`, a bound open on one side)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.cli.main import cli
from icp_coach.domain.criteria import Criterion

ROOT = Path(__file__).resolve().parents[2]


def _score(tmp_path: Path, csv_text: str, icp: dict, *, encoding: str = "utf-8") -> tuple[dict, dict[str, dict], str]:
    prospects = tmp_path / "prospects.csv"
    prospects.write_bytes(csv_text.encode(encoding))
    icp_file = tmp_path / "icp.json"
    icp_file.write_text(json.dumps(icp, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(cli, ["score", str(prospects), "--icp", str(icp_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    key = next(iter(data["accounts"][0]))
    return data["summary"], {str(row[key]): row for row in data["accounts"]}, result.stderr


def test_a_hubspot_export_with_bands_flags_and_several_countries_is_scored_as_a_person_reads_it(tmp_path: Path) -> None:
    csv_text = ("Record ID,Industry,Number of Employees,Country/Region,Technologies,Recently raised\n"
                "1,Software,51-200,US; Canada,\"slack, Salesforce; AWS\",Y\n"
                "2,Software,\"1,001-5,000\",Germany,HubSpot,Yes\n"
                "3,Retail,201-500,UK,Salesforce,N\n"
                "4,Fintech,500+,DE,hubspot,✓\n"
                "5,Fintech,120,Brazil,Salesforce,Y\n")
    icp = {"filters": [{"field": "industry", "op": "not in", "value": ["retail", "government"]},
                       {"field": "employees", "op": "between", "value": [50, None]},
                       {"field": "region", "op": "in", "value": ["North America", "EMEA"]}],
           "signals": [{"field": "Recently raised", "op": "eq", "value": True, "weight": 2},
                       {"field": "tech_stack", "op": "contains any", "value": ["salesforce", "hubspot"], "weight": 1}]}
    _, rows, _ = _score(tmp_path, csv_text, icp)
    assert {k: r["excluded"] for k, r in rows.items()} == {"1": False, "2": False, "3": True, "4": False, "5": True}
    assert rows["3"]["failed_filters"] == "industry not in retail, government (cell: Retail)"
    assert "Brazil" in rows["5"]["failed_filters"]
    assert rows["1"]["tier"] == rows["2"]["tier"] == rows["4"]["tier"] == 1
    assert "one of US; Canada" in rows["1"]["filter_reasons"]
    assert "51-200 read as" in rows["1"]["filter_reasons"]


def test_a_chinese_gbk_export_with_wan_yuan_header_and_a_total_line(tmp_path: Path) -> None:
    csv_text = ("客户编号,公司名称,行业,人员规模,年营收（万元）,所在省份,是否融资\r\n"
                "K1,甲公司,制造业,100-499人,3500,浙江,是\r\n"
                "K2,乙公司,制造业,20-99人,900,广东省,否\r\n"
                "K3,丙公司,零售,1000人以上,500,江苏,是\r\n"
                "K4,丁公司,制造业,500-999人,12000,北京,是\r\n"
                "合计,,,,16900,,\r\n")
    icp = {"filters": [{"field": "region", "op": "in", "value": ["华东", "华南"]},
                       {"field": "annual_revenue_usd", "op": "gte", "value": 1_000_000}],
           "signals": [{"field": "是否融资", "op": "eq", "value": True, "weight": 2},
                       {"field": "employees", "op": "gte", "value": 100, "weight": 1}]}
    summary, rows, stderr = _score(tmp_path, csv_text, icp, encoding="gbk")
    assert summary["encoding"] == "gb18030" and summary["accounts"] == 4
    assert "合计" not in rows and ":6: row not scored: a summary or footer line ('合计')" in stderr
    # 3500万元 = 4.9M USD passes; 900万元 = 1.25M USD passes; 500万元 = 0.69M USD does not
    assert {k: r["excluded"] for k, r in rows.items()} == {"K1": False, "K2": False, "K3": True, "K4": True}
    assert rows["K1"]["tier"] == 1 and rows["K2"]["tier"] == 3
    assert "read as 4,861,111 USD" in rows["K1"]["filter_reasons"]


def test_state_and_country_codes_are_read_by_their_column(tmp_path: Path) -> None:
    csv_text = ("Account,Billing State,Billing Country\nA,TX,US\nB,CA,USA\nC,DE,United States\nD,,DE\n")
    icp = {"filters": [{"field": "state", "op": "not in", "value": ["Texas", "Florida"]}], "signals": []}
    _, rows, _ = _score(tmp_path, csv_text, icp)
    assert {k: r["excluded"] for k, r in rows.items()} == {"A": True, "B": False, "C": False, "D": True}
    icp = {"filters": [{"field": "country", "op": "in", "value": ["Germany"]}], "signals": []}
    _, rows, _ = _score(tmp_path, csv_text, icp)
    assert rows["D"]["excluded"] is False  # DE in a country column is Germany
    assert rows["C"]["excluded"] is True  # its country is the United States (DE is its state)


def test_cells_a_rule_cannot_read_are_named_with_line_column_and_what_was_expected(tmp_path: Path) -> None:
    csv_text = "id,employees,raised\nA,120,yes\nB,about fifty,maybe\n"
    icp = {"filters": [{"field": "employees", "op": "gte", "value": 50}],
           "signals": [{"field": "raised", "op": "eq", "value": True, "weight": 1}]}
    summary, rows, stderr = _score(tmp_path, csv_text, icp)
    assert rows["B"]["excluded"] is True
    cells = {(c["line"], c["column"], c["cell"]) for c in summary["unreadable_cells"]}
    assert cells == {(3, "employees", "about fifty"), (3, "raised", "maybe")}
    assert "prospects.csv:3: column 'employees' holds 'about fifty', expected a number" in stderr


@pytest.mark.parametrize(("written", "op", "value"), [
    ({"op": "not in", "value": ["a"]}, "not_in", ["a"]),
    ({"op": "NIN", "value": ["a"]}, "not_in", ["a"]),
    ({"op": "contains any", "value": ["x", "y"]}, "contains", ["x", "y"]),
    ({"op": ">=", "value": 5}, "gte", 5),
    ({"op": "between", "value": [None, 500]}, "lte", 500),
    ({"op": "between", "value": [10, None]}, "gte", 10),
])
def test_ops_as_people_write_them(written: dict, op: str, value: object) -> None:
    criterion = Criterion(field="f", **written)
    assert (criterion.op, criterion.value) == (op, value)


def test_an_unknown_op_names_the_rule_and_the_ops(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("id,industry\nA,saas\n")
    (tmp_path / "icp.json").write_text(json.dumps({"filters": [{"field": "industry", "op": "roughly", "value": "x"}]}))
    result = CliRunner().invoke(cli, ["score", str(tmp_path / "p.csv"), "--icp", str(tmp_path / "icp.json")])
    assert result.exit_code == 1
    assert "filter 1 (field 'industry')" in result.output and "'not_in'" in result.output


def test_a_pipedrive_export_and_a_chinese_crm_rank_customers_and_find_planted_traits(tmp_path: Path) -> None:
    """The first-contact exports (benchmarks/csv_first_contact): every planted trait found, no
    row lost or invented, in every layout."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "benchmarks" / "csv_first_contact"))
    import eval_customers
    import eval_prospects
    import make_data

    make_data.main(tmp_path)
    for gold_path in sorted(tmp_path.glob("c*.gold.json")):
        row = eval_customers.evaluate_file(gold_path.with_name(gold_path.name.replace(".gold.json", ".csv")),
                                           json.loads(gold_path.read_text(encoding="utf-8")))
        assert "error" not in row and row["found"] == row["planted"] and row["accounts_ok"], row
    for gold_path in sorted(tmp_path.glob("p*.gold.json")):
        stem = gold_path.name.replace(".gold.json", "")
        row = eval_prospects.evaluate_file(tmp_path / f"{stem}.csv", tmp_path / f"{stem}.icp.json",
                                           json.loads(gold_path.read_text(encoding="utf-8")))
        assert "error" not in row and row["lost"] == 0 and row["extra"] == 0, row
        assert row["excluded_ok"] >= 0.97 * row["n"] and row["tier_ok"] >= 0.95 * row["kept"], row
