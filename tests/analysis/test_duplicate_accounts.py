"""A prospect list that names one account on several rows: each row is scored, and the user is
told which lines are one account, so the tiers are not read as more accounts than there are."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from icp_coach.analysis.duplicate_accounts import duplicate_accounts
from icp_coach.cli.main import cli

LIST = """Company Name,Website,Industry,Employees
"Acme, Inc.",https://www.acme.com/about,SaaS,120
Beta LLC,beta.io,Retail,40
ACME inc,,SaaS,120
杭州云帆科技有限公司,,SaaS,300
杭州云帆科技,yunfan.cn,SaaS,300
Gamma,acme.com,SaaS,10
Delta,,Retail,
Beta Labs,betalabs.io,Retail,40
"""


def _frame(text: str) -> pl.DataFrame:
    frame = pl.read_csv(text.encode(), infer_schema=False)
    return frame.with_columns(pl.int_range(2, frame.height + 2).alias("__line__"))


def test_one_account_under_a_domain_a_legal_form_or_a_chinese_company_suffix_is_one_group() -> None:
    found, groups = duplicate_accounts(_frame(LIST), "__line__")
    assert groups == 2
    assert [d.lines for d in found] == [(2, 4, 7), (5, 6)]
    # reported under the first identity they share: Acme's rows by website, 云帆 by name
    assert (found[0].column, found[0].value) == ("Website", "https://www.acme.com/about")
    assert (found[1].column, found[1].value) == ("Company Name", "杭州云帆科技有限公司")


def test_names_that_only_share_a_word_are_different_accounts() -> None:
    text = "account name,domain\nBeta LLC,beta.io\nBeta Labs,betalabs.io\nNorth Star Co,\nNorth Star Foods,\n"
    assert duplicate_accounts(_frame(text), "__line__") == ([], 0)


def test_a_list_without_a_name_domain_or_id_column_reports_nothing() -> None:
    assert duplicate_accounts(_frame("industry,employees\nSaaS,10\nSaaS,10\n"), "__line__") == ([], 0)


def test_score_names_the_lines_of_a_duplicate_and_still_scores_every_row(tmp_path: Path) -> None:
    prospects = tmp_path / "list.csv"
    prospects.write_text(LIST, encoding="utf-8")
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"filters": [{"field": "industry", "op": "eq", "value": "saas"}]}))
    result = CliRunner().invoke(cli, ["score", str(prospects), "--icp", str(rules), "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "lines 2, 4, 7 are one account (Website 'https://www.acme.com/about')" in result.stderr
    assert "lines 5, 6 are one account" in result.stderr
    data = json.loads(result.stdout)
    assert len(data["accounts"]) == 8
    assert data["summary"]["duplicate_account_groups"] == 2
    assert data["summary"]["duplicate_accounts"][1] == {"column": "Company Name", "value": "杭州云帆科技有限公司",
                                                        "lines": [5, 6]}
