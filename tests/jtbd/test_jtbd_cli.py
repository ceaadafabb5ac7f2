"""`icp-coach jtbd`: outputs, exit codes and messages a user sees."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from jtbd_helpers import FIXTURES

from icp_coach.cli.main import cli

EN = str(FIXTURES / "ap_ledgerly_en.vtt")
ZH = str(FIXTURES / "maintenance_weibao_zh.txt")


def run(*args: str):
    return CliRunner().invoke(cli, ["jtbd", *args], catch_exceptions=False)


def test_json_on_stdout_has_the_design_shape() -> None:
    result = run(EN, ZH, "--engine", "offline", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first = data["interviews"][0]
    assert set(first["forces"]) == {"push", "pull", "anxiety", "habit"}
    evidence = first["forces"]["anxiety"][0]["evidence"][0]
    assert {"quote", "source", "line"} <= set(evidence) and evidence["source"] == EN
    assert {"name", "considered", "evidence"} <= set(first["alternatives"][0])
    assert first["job_statements"][0]["text"].startswith("When ")
    assert "triggers" in first and "desired_outcomes" in first and first["engine"] == "offline"
    assert {"pain_points", "buying_signals", "current_solutions"} == set(data["icp_feed"])
    assert data["pattern_threshold"] == 3


def test_markdown_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = run(ZH, "--engine", "offline", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# 客户访谈中的用户任务（JTBD）")
    assert "wrote" in result.stderr


def test_format_json_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert run(EN, "--engine", "offline", "--format", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["interviews"][0]["chosen_solution"] == "Ledgerly"


def test_bad_transcript_exits_1_with_file_and_what_to_do(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run(str(empty), "--engine", "offline")
    assert result.exit_code == 1
    assert "empty.txt: is empty" in result.stderr and result.stdout == ""


def test_unknown_interviewer_exits_1() -> None:
    result = run(EN, "--engine", "offline", "--interviewer", "Nobody")
    assert result.exit_code == 1
    assert "Nobody is not a speaker" in result.stderr and "Priya Raman" in result.stderr


def test_interviewer_override_changes_who_is_quoted() -> None:
    result = run(EN, "--engine", "offline", "--interviewer", "Tom Becker", "--json")
    data = json.loads(result.stdout)
    quotes = [q for f in data["interviews"][0]["forces"].values() for i in f for q in i["evidence"]]
    assert all(q["speaker"] == "Priya Raman" for q in quotes)


def test_missing_argument_is_a_usage_error() -> None:
    assert CliRunner().invoke(cli, ["jtbd"]).exit_code == 2
