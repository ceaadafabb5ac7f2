"""What the README promises about output: -o and --json on the commands it names, reports with
labels and formatted figures, the rubric's red flags never shown as findings about an account."""

from __future__ import annotations

import json
import random
from pathlib import Path

from click.testing import CliRunner, Result

from icp_coach.cli.main import cli
from tests.hardening.bad_inputs import GOOD_ICP


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _customers(path: Path) -> Path:
    rng = random.Random(18)
    rows = ["account_id,industry,employees,ltv,churned,referrals,nps,sales_cycle_days"]
    for i in range(80):
        rows.append(f"a{i},{rng.choice(['logistics', 'retail'])},{rng.randint(10, 900)},"
                    f"{rng.randint(1000, 90000)},{rng.choice(['yes', 'no'])},{rng.randint(0, 3)},"
                    f"{rng.randint(0, 10)},{rng.randint(10, 120)}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_validate_icp_shows_labels_and_formatted_figures_not_keys(tmp_path: Path) -> None:
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({"name": "t", "filters": [{"field": "industry", "op": "eq", "value": "logistics"}]}))
    result = run("validate-icp", str(icp), str(_customers(tmp_path / "crm.csv")))
    assert result.exit_code == 0, result.output
    report = result.stdout
    for key in ("share_who_referred", "lifetime_value:", "sales_cycle_days", "nps_responses"):
        assert key not in report
    assert "Lifetime value: mean $" in report and " days matching" in report
    assert "customers who referred someone " in report and "%" in report.split("PMF signals")[1]
    assert " pts" in report  # a difference of churn rates is in percentage points


def test_assess_marks_the_rubric_red_flags_as_things_to_check(tmp_path: Path) -> None:
    answers = tmp_path / "acme.yaml"
    answers.write_text("account: Acme\nscores: {ready: 1, willing: 3, able: 4, successful: 5, profitable: 2,"
                       " expansion_potential: 3, advocacy_potential: 4}\n", encoding="utf-8")
    card = run("assess", "--answers", str(answers)).stdout
    assert "typical red flags to check for a low score: no acknowledged problem" in card
    assert "- red flags:" not in card and "  - red flags:" not in card


def test_validate_writes_its_report_with_o_and_still_exits_on_errors(tmp_path: Path) -> None:
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({**GOOD_ICP, "firmographics": {"employees": {"min": 500, "max": 50}}}))
    target = tmp_path / "findings.txt"
    result = run("validate", str(icp), "-o", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert "error" in target.read_text() and "completeness" in target.read_text()
    as_json = tmp_path / "findings.json"
    run("validate", str(icp), "--json", "-o", str(as_json))
    assert json.loads(as_json.read_text())["findings"]


def test_export_json_is_the_json_format(tmp_path: Path) -> None:
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps(GOOD_ICP))
    flagged = run("export", str(icp), "--json").stdout
    assert flagged == run("export", str(icp), "--format", "json").stdout
    assert json.loads(flagged)["name"] == "Good ICP"


def test_sessions_and_models_write_to_o(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("language: en\ncompany: Output Co\nsteps:\n  0: ['About 35% came from referrals.']\n")
    done = run("interview", "--answers", str(answers), "--engine", "offline", "--no-knowledge", "--json")
    session = json.loads(done.stdout)["session_id"]
    for args, check in ((["sessions", "list"], "Output Co"), (["sessions", "list", "--json"], session),
                        (["sessions", "show", session], "Output Co"),
                        (["sessions", "show", session, "--json"], '"turns"'),
                        (["sessions", "export", session, "--json"], '"schema_version"'),
                        (["models", "list"], "0.5b"), (["models", "list", "--json"], '"models"')):
        target = tmp_path / "out.txt"
        result = run(*args, "-o", str(target))
        assert result.exit_code == 0, (args, result.output)
        assert result.stdout == "" and check in target.read_text(), args
    deleted = run("sessions", "delete", session, "--yes", "--json", "-o", str(tmp_path / "gone.json"))
    assert deleted.exit_code == 0 and json.loads((tmp_path / "gone.json").read_text())["deleted"]
