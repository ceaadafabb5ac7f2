"""`icp-coach extract`: Markdown or JSON out, -o writes the ICP file, bad input exits 1."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from icp_coach.cli.main import cli
from icp_coach.storage.icp_files import load_icp

NOTES = """# ICP notes

who we win with:
- B2B SaaS, 50 to 300 people, $5M-$40M ARR, US + Canada

Stack: Stripe, HubSpot, NetSuite

## Pain
- finance closes the month in a 40-tab spreadsheet

Champion = Head of RevOps. Buyer who signs = CFO.

## Red flags
- < $2M ARR
"""


def run(*args: str):
    return CliRunner().invoke(cli, ["extract", *args])


def test_markdown_summary_with_findings(tmp_path: Path) -> None:
    notes = tmp_path / "tally.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = run(str(notes), "--engine", "offline")
    assert result.exit_code == 0, result.output
    assert "# Ideal Customer Profile: tally" in result.stdout
    assert "50 – 300" in result.stdout and "$5,000,000 – $40,000,000" in result.stdout
    assert "Head of RevOps" in result.stdout
    assert "Validation findings" in result.stdout


def test_json_output_and_icp_file(tmp_path: Path) -> None:
    notes = tmp_path / "tally.md"
    notes.write_text(NOTES, encoding="utf-8")
    target = tmp_path / "icp.json"
    result = run(str(notes), "--engine", "offline", "--json", "--name", "Tally", "-o", str(target))
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["engine"] == "offline"
    assert payload["document"]["technographics"]["tech_stack"] == ["Stripe", "HubSpot", "NetSuite"]
    assert {f["code"] for f in payload["findings"]}
    saved = load_icp(target)
    assert saved.name == "Tally"
    assert saved.red_flags[0].description == "< $2M ARR"
    assert saved.pain_points[0].evidence[0].source == "tally.md"


def test_chinese_output_language(tmp_path: Path) -> None:
    notes = tmp_path / "factory.md"
    notes.write_text("规模：员工 200 到 2000 人\n谁拍板：厂长\n", encoding="utf-8")
    result = run(str(notes), "--engine", "offline", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "理想客户画像" in result.stdout and "厂长" in result.stdout


def test_bad_input_exits_1_with_a_clear_message(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope.md"), "--engine", "offline")
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    mixed = tmp_path / "mixed.md"
    mixed.write_bytes("Régions: Québec\n".encode() + "caf\xe9 owners\n".encode("latin-1"))
    not_utf8 = run(str(mixed), "--engine", "offline")
    assert not_utf8.exit_code == 1 and "mixes encodings" in not_utf8.stderr
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    blank = run(str(empty), "--engine", "offline")
    assert blank.exit_code == 1 and "empty" in blank.stderr


def test_output_folder_must_exist(tmp_path: Path) -> None:
    notes = tmp_path / "tally.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = run(str(notes), "--engine", "offline", "-o", str(tmp_path / "no" / "icp.json"))
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_auto_engine_falls_back_to_offline_without_an_endpoint_or_model(tmp_path: Path) -> None:
    notes = tmp_path / "tally.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = run(str(notes), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["engine"] == "offline"


def test_conversions_are_reported(tmp_path: Path) -> None:
    notes = tmp_path / "uk.md"
    notes.write_text("Annual revenue between £50M and £400M, 1k-5k employees.\n", encoding="utf-8")
    result = run(str(notes), "--engine", "offline", "--json")
    payload = json.loads(result.stdout)
    revenue = payload["document"]["firmographics"]["annual_revenue_usd"]
    assert (revenue["min"], revenue["max"]) == (63_500_000, 508_000_000)
    assert payload["notes"] == ["converted GBP to USD at 1.27 USD per GBP"]
