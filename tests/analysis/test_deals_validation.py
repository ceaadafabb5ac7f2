"""`validate-icp --deals`: deals join the customers by account id, and win rate, won deal value and
sales cycle are compared for ICP-matching vs other accounts, on a seeded deals export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from generate_crm import CustomerExport, DealExport, write_deal_export

from icp_coach.cli.main import cli

LOGISTICS = {"name": "Logistics", "filters": [{"field": "industry", "op": "eq", "value": "logistics"}]}


def _accounts(export: CustomerExport, industry: str) -> list[str]:
    """Two accounts whose industry cell in the export says `industry`."""
    return sorted(a for a, clean in export.clean.items() if clean["industry_cell"] == industry)[:2]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def deals(customer_export: CustomerExport, tmp_path_factory: pytest.TempPathFactory) -> DealExport:
    matching = {account for account, clean in customer_export.clean.items() if clean["industry_cell"] == "logistics"}
    return write_deal_export(tmp_path_factory.mktemp("deals") / "deals.csv", customer_export, matching)


@pytest.fixture
def icp(tmp_path: Path) -> Path:
    path = tmp_path / "icp.json"
    path.write_text(json.dumps(LOGISTICS), encoding="utf-8")
    return path


def test_win_rate_deal_value_and_cycle_of_matching_accounts_equal_what_was_planted(
        customer_export: CustomerExport, deals: DealExport, icp: Path) -> None:
    result = run("validate-icp", str(icp), str(customer_export.path), "--deals", str(deals.path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    win = data["outcomes"]["win_rate"]
    assert (win["n_match"], win["n_rest"]) == (deals.decided_match, deals.decided_rest)
    assert win["rate_match"] == round(deals.win_rate(True), 4)
    assert win["rate_rest"] == round(deals.win_rate(False), 4)
    assert win["difference"] > 0 and win["ci95"][0] > 0  # planted: 60% vs 25%
    value = data["outcomes"]["deal_value"]
    assert value["n_match"] == len(deals.amounts_match) and value["n_rest"] == len(deals.amounts_rest)
    assert value["mean_match"] == round(sum(deals.amounts_match) / len(deals.amounts_match), 2)
    assert value["mean_rest"] == round(sum(deals.amounts_rest) / len(deals.amounts_rest), 2)
    cycle = data["outcomes"]["deal_cycle_days"]
    assert cycle["mean_match"] == round(sum(deals.cycles_match) / len(deals.cycles_match), 2)
    assert cycle["mean_match"] < cycle["mean_rest"]
    summary = data["deals"]
    assert summary["joined_by"] == "account_id" and summary["open"] == deals.open_deals
    assert summary["unknown_accounts"] == len(deals.unknown_accounts)
    assert summary["unknown_examples"] == sorted(deals.unknown_accounts)


def test_the_report_names_win_rate_deal_value_and_the_unjoined_deals(
        customer_export: CustomerExport, deals: DealExport, icp: Path) -> None:
    english = run("validate-icp", str(icp), str(customer_export.path), "--deals", str(deals.path)).stdout
    assert "- Win rate: " in english and "- Deal value (won deals): " in english
    assert f"{len(deals.unknown_accounts)} deal account(s) not in the customers file" in english
    chinese = run("validate-icp", str(icp), str(customer_export.path), "--deals", str(deals.path),
                  "--lang", "zh").stdout
    assert "赢单率" in chinese and "成交金额" in chinese


def test_a_plain_account_id_stage_amount_export_joins(customer_export: CustomerExport, icp: Path,
                                                      tmp_path: Path) -> None:
    logistics, other = _accounts(customer_export, "logistics"), _accounts(customer_export, "media")
    deals = tmp_path / "deals.csv"
    deals.write_text("account_id,stage,amount\n"
                     f"{logistics[0]},Closed Won,\"12,000\"\n{logistics[0]},Closed Won,8000\n"
                     f"{logistics[1]},Closed Lost,5000\n{other[0]},closed lost,4000\n"
                     f"{other[1]},Closed Won,3000\n{other[1]},Negotiation,9000\n", encoding="utf-8")
    result = run("validate-icp", str(icp), str(customer_export.path), "--deals", str(deals), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    win = data["outcomes"]["win_rate"]
    assert (win["rate_match"], win["rate_rest"]) == (round(2 / 3, 4), 0.5)  # two deals on one account count twice
    assert data["outcomes"]["deal_value"]["mean_match"] == 10000.0
    assert data["deals"]["open"] == 1


def test_headers_are_mapped_with_map_as_for_customers(customer_export: CustomerExport, icp: Path,
                                                      tmp_path: Path) -> None:
    account = _accounts(customer_export, "logistics")[0]
    deals = tmp_path / "deals.csv"
    deals.write_text(f"Kunde,Ergebnis\n{account},won\n", encoding="utf-8")
    result = run("validate-icp", str(icp), str(customer_export.path), "--deals", str(deals),
                 "--map", "Kunde=account_id", "--map", "Ergebnis=outcome", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcomes"]["win_rate"]["rate_match"] == 1.0


def test_deals_with_neither_account_ids_nor_the_icp_fields_are_a_clear_error(
        customer_export: CustomerExport, icp: Path, tmp_path: Path) -> None:
    deals = tmp_path / "deals.csv"
    deals.write_text("stage,amount\nClosed Won,100\n", encoding="utf-8")
    result = run("validate-icp", str(icp), str(customer_export.path), "--deals", str(deals))
    assert result.exit_code == 1
    assert "no account id column" in result.stderr and "account_id" in result.stderr


def test_the_sales_cycle_comes_from_create_and_close_dates_when_no_cycle_column(
        customer_export: CustomerExport, icp: Path, tmp_path: Path) -> None:
    logistics, other = _accounts(customer_export, "logistics"), _accounts(customer_export, "media")
    deals = tmp_path / "deals.csv"
    deals.write_text("Deal ID,Account ID,Deal Stage,Amount,Create Date,Close Date\n"
                     f"1,{logistics[0]},Closed Won,100,2026-01-01,2026-01-31\n"
                     f"2,{logistics[1]},Closed Won,250,2026/02/01 09:30,2026/02/11 17:00\n"
                     f"3,{other[0]},Closed Won,90,01.01.2026,02.03.2026\n"
                     f"4,{other[0]},Closed Won,120,2026-05-01,not yet\n", encoding="utf-8")
    result = run("validate-icp", str(icp), str(customer_export.path), "--deals", str(deals), "--json")
    assert result.exit_code == 0, result.output
    cycle = json.loads(result.stdout)["outcomes"]["deal_cycle_days"]
    assert (cycle["mean_match"], cycle["n_match"]) == (20.0, 2)  # 30 and 10 days
    assert (cycle["mean_rest"], cycle["n_rest"]) == (60.0, 1)  # 1 Jan to 2 Mar; the undated deal left out
