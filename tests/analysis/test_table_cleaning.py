"""Reading and cleaning messy CRM exports: every rule, every fix counted, nothing dropped silently."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from generate_crm import ProspectList

from icp_coach.analysis.cleaning import clean_table
from icp_coach.analysis.customer_analysis import load_clean_table
from icp_coach.analysis.errors import TableInputError
from icp_coach.analysis.header_mapping import map_headers, parse_overrides
from icp_coach.analysis.table_reading import read_table


def _fix(table, column: str, rule: str) -> dict:  # type: ignore[no-untyped-def]
    found = [f for f in table.fixes if f.column == column and f.rule == rule]
    assert found, f"no fix {column}/{rule}: {[(f.column, f.rule) for f in table.fixes]}"
    return found[0].as_dict()


def _row(table, account: str) -> dict:  # type: ignore[no-untyped-def]
    return table.frame.filter(pl.col("account_id") == account).to_dicts()[0]


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "messy.csv"
    path.write_text(
        "Record ID,Company Name,Industry,Number of Employees,Annual Revenue,Tech Stack,LTV,Churned,Expanded\n"
        "A1,  Acme  Ltd ,  FinTech ,\"1,200\",$1.2M,Snowflake; AWS,\"$250,000\",TRUE,是\n"
        "A2,Beta,SAAS,85,1.2万,hubspot|Slack,90000,no,否\n"
        "A3,Gamma,n/a,abc,3亿元,,12k,Y,maybe\n"
        "A1,  Acme  Ltd ,  FinTech ,\"1,200\",$1.2M,Snowflake; AWS,\"$250,000\",TRUE,是\n"
        "A2,Beta changed,SAAS,85,1.2万,hubspot|Slack,90000,no,否\n"
        ",NoId,retail,10,1,aws,1,no,no\n"
        "A4,Short row,retail\n"
        "A5,Delta,Retail,12,2000000,aws,5000,false,true\n",
        encoding="utf-8",
    )
    return path


def test_headers_map_to_canonical_fields_with_a_report(messy: Path) -> None:
    table = load_clean_table(messy)
    fields = table.mapping.fields
    assert fields["account_id"] == "Record ID" and fields["employees"] == "Number of Employees"
    assert fields["lifetime_value_usd"] == "LTV" and fields["tech_stack"] == "Tech Stack"
    assert any("'Number of Employees' -> employees" in line for line in table.mapping.report_lines())


def test_every_cleaning_rule(messy: Path) -> None:
    table = load_clean_table(messy, cny_per_usd=7.2)
    a1, a2, a3 = _row(table, "A1"), _row(table, "A2"), _row(table, "A3")
    assert a1["industry"] == "fintech" and a1["company"] == "Acme Ltd"
    assert a1["employees"] == 1200 and a1["annual_revenue_usd"] == pytest.approx(1.2e6)
    assert a1["lifetime_value_usd"] == 250000
    assert a1["tech_stack"] == ["snowflake", "aws"] and a2["tech_stack"] == ["hubspot", "slack"]
    assert a1["churned"] is True and a1["expanded"] is True
    assert a2["churned"] is False and a2["expanded"] is False and a3["churned"] is True
    assert a2["annual_revenue_usd"] == 12000  # 1.2万, no currency named: kept as given
    assert a3["annual_revenue_usd"] == pytest.approx(3e8 / 7.2)  # 3亿元 converted to USD
    assert a3["lifetime_value_usd"] == 12000
    assert a3["industry"] is None and a3["employees"] is None and a3["expanded"] is None
    _fix(table, "industry", "spaces trimmed")
    _fix(table, "industry", "case normalised")
    _fix(table, "employees", "thousands separator removed")
    _fix(table, "annual_revenue_usd", "unit expanded (k, M, 万, 亿)")
    _fix(table, "annual_revenue_usd", "CNY converted to USD")
    _fix(table, "lifetime_value_usd", "currency symbol removed")
    _fix(table, "industry", "blank word made empty")
    _fix(table, "churned", "yes/no spelling normalised")
    unreadable = _fix(table, "employees", "not a number: left empty")
    assert unreadable["examples"][0] == {"line": 4, "before": "abc", "after": None}
    assert _fix(table, "expanded", "not a yes/no value: left empty")["examples"][0]["line"] == 4


def test_duplicates_and_unusable_rows_are_reported_with_their_line(messy: Path) -> None:
    table = load_clean_table(messy)
    assert sorted(table.frame["account_id"].to_list()) == ["A1", "A2", "A3", "A5"]
    duplicate = _fix(table, "account_id", "duplicate row removed")
    assert duplicate["count"] == 1 and duplicate["examples"][0]["line"] == 5
    reasons = {p.line: p.reason for p in table.unusable}
    assert "duplicate account id 'A2'" in reasons[6] and "kept line 3" in reasons[6]
    assert reasons[7] == "no account id"
    assert "has 3 fields" in reasons[8]
    assert table.summary()["rows_read"] == 8


def test_map_overrides_and_unknown_fields(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Key,Seats,Happiness\nK1,10,9\n")
    raw = read_table(path)
    mapping = map_headers(raw.columns, parse_overrides(["Key=account_id", "Happiness=nps"]))
    assert mapping.fields == {"account_id": "Key", "nps": "Happiness"} and mapping.unmapped == ["Seats"]
    assert mapping.how["nps"] == "override"
    table = clean_table(raw, mapping)
    assert table.kinds["Seats"] == "number"
    with pytest.raises(TableInputError, match="unknown field 'joy'"):
        parse_overrides(["Happiness=joy"])
    with pytest.raises(TableInputError, match="does not have"):
        map_headers(raw.columns, parse_overrides(["Nope=nps"]))


def test_chinese_headers_and_values(tmp_path: Path) -> None:
    path = tmp_path / "zh.csv"
    path.write_text("客户编号,公司名称,行业,员工人数,客户终身价值,是否流失\nC1,甲公司,金融科技,300,50万,否\n", encoding="utf-8")
    table = load_clean_table(path)
    row = table.frame.to_dicts()[0]
    assert row["account_id"] == "C1" and row["industry"] == "金融科技"
    assert row["employees"] == 300 and row["lifetime_value_usd"] == 500000 and row["churned"] is False


def test_encodings_and_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("id,行业\nA,金融\nB,零售\n".encode("gb18030"))
    # Excel in China saves CSV as GBK: read without being told, and say so
    assert read_table(path).frame["行业"].to_list() == ["金融", "零售"]
    assert read_table(path).encoding == "gb18030"
    assert read_table(path, encoding="gb18030").frame["行业"].to_list() == ["金融", "零售"]
    western = tmp_path / "western.csv"
    western.write_bytes("id,city\nA,Zürich\nB,Malmö\n".encode("cp1252"))
    with pytest.raises(TableInputError, match=r"western.csv:2: not UTF-8.*--encoding"):
        read_table(western)
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfid,industry\nA,saas\n")
    assert read_table(bom).columns == ["id", "industry"]


def test_semicolon_files_multiline_cells_and_xlsx(tmp_path: Path) -> None:
    semi = tmp_path / "semi.csv"
    semi.write_text("id;industry;employees\nA;saas;1200\n")
    assert read_table(semi).frame["employees"].to_list() == ["1200"]
    multi = tmp_path / "multi.csv"
    multi.write_text('id,notes,industry\nA,"line one\nline two",saas\nB,ok\nC,fine,retail\n')
    raw = read_table(multi)
    assert raw.frame["id"].to_list() == ["A", "C"] and raw.frame["__line__"].to_list() == [2, 5]
    assert [(p.line, "2 fields" in p.reason) for p in raw.problems] == [(4, True)]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Account ID", "Industry", "Employees"])
    sheet.append(["X1", "SaaS", 1200.0])
    sheet.append([None, None, None])
    sheet.append(["X2", "Retail", 30])
    book.save(tmp_path / "list.xlsx")
    xlsx = read_table(tmp_path / "list.xlsx")
    assert xlsx.frame["Employees"].to_list() == ["1200", "30"] and xlsx.frame["__line__"].to_list() == [2, 4]


def test_empty_and_unreadable_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(TableInputError, match="empty"):
        read_table(empty)
    with pytest.raises(TableInputError, match="no such file"):
        read_table(tmp_path / "missing.csv")
    twice = tmp_path / "twice.csv"
    twice.write_text("id,id\n1,2\n")
    with pytest.raises(TableInputError, match="appears twice"):
        read_table(twice)


def test_the_chunked_structure_check_finds_bad_lines_across_chunk_edges(prospect_list: ProspectList,
                                                                        tmp_path: Path) -> None:
    from icp_coach.analysis.table_reading import csv_scan_problems

    prospects = prospect_list.path  # quoted cells with commas ("32,930,000") cross many chunk edges
    for size in (37, 64, 1000, 1 << 24):
        assert csv_scan_problems(prospects, chunk_bytes=size) == []
    bad = tmp_path / "bad.csv"
    bad.write_text('id,notes,industry\nA,"a, b\nc",saas\n' + "B,x,retail\n" * 40 + "C,short\n" + "D,y,saas\n" * 5)
    for size in (16, 50, 1 << 20):
        assert csv_scan_problems(bad, chunk_bytes=size) == ["line 44: wrong number of fields"]
    blank = tmp_path / "blank.csv"
    blank.write_text("id,industry\nA,saas\n\nB,retail\n")
    assert csv_scan_problems(blank, chunk_bytes=8) == ["blank lines"]
