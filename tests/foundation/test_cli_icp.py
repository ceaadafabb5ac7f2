"""validate / export / schema / diff through the real entry point, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.foundation.helpers import full_icp


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "icp_coach.cli.main", *args], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                          timeout=60)


@pytest.fixture
def icp_file(tmp_path: Path) -> Path:
    path = tmp_path / "icp.json"
    path.write_text(full_icp().model_dump_json(indent=2), encoding="utf-8")
    return path


def test_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0 and "validate" in result.stdout and "score" in result.stdout
    version = run("--version")
    assert version.returncode == 0 and "icp-coach" in version.stdout


def test_validate_prints_findings_and_completeness(icp_file: Path) -> None:
    result = run("validate", str(icp_file))
    assert result.returncode == 0, result.stderr
    assert "completeness" in result.stdout


def test_validate_json_and_exit_1_on_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    doc = full_icp(firmographics={"employees": {"min": 900, "max": 10}})
    bad.write_text(doc.model_dump_json(), encoding="utf-8")
    result = run("validate", str(bad), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert any(f["code"] == "range_inverted" for f in report["findings"])


def test_invalid_json_names_file_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "name": "x",\n  "version": \n}', encoding="utf-8")
    result = run("validate", str(broken))
    assert result.returncode == 1
    assert f"{broken}:4:1: invalid JSON" in result.stderr
    assert result.stdout == ""


def test_schema_violation_lists_paths(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"name": "x", "filters": [{"field": "f", "op": "like", "value": 1}]}))
    result = run("export", str(wrong))
    assert result.returncode == 1
    assert "filters.0.op" in result.stderr


def test_unknown_schema_version(tmp_path: Path) -> None:
    future = tmp_path / "future.json"
    future.write_text(json.dumps({"schema_version": 99, "name": "x"}))
    result = run("validate", str(future))
    assert result.returncode == 1 and "supported" in result.stderr


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"name": "Café"}'.encode("latin-1"))
    result = run("validate", str(latin))
    assert result.returncode == 1 and "not UTF-8" in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.json"))
    assert result.returncode == 1 and "no such file" in result.stderr


def test_export_markdown_in_english_and_chinese(icp_file: Path, tmp_path: Path) -> None:
    english = run("export", str(icp_file), "--format", "md")
    assert english.returncode == 0
    for heading in ("Version information", "Firmographics", "Technographics", "Pain points",
                    "Buying signals", "Decision makers", "Red flags", "Scoring"):
        assert f"## {heading}" in english.stdout
    chinese = run("export", str(icp_file), "--format", "md", "--lang", "zh")
    assert "## 公司特征" in chinese.stdout and "## 决策者" in chinese.stdout


def test_export_json_round_trips_to_a_file(icp_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.json"
    result = run("export", str(icp_file), "--format", "json", "-o", str(out))
    assert result.returncode == 0
    assert json.loads(out.read_text()) == json.loads(full_icp().model_dump_json())


def test_unwritable_output_writes_nothing(icp_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "icp.md"
    result = run("export", str(icp_file), "-o", str(target))
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert not target.parent.exists()


def test_schema_is_a_json_schema() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "ICPDocument" and "firmographics" in schema["properties"]


def test_diff_shows_what_changed(icp_file: Path, tmp_path: Path) -> None:
    newer = tmp_path / "v2.json"
    newer.write_text(full_icp(version="0.2", red_flags=[]).model_dump_json(), encoding="utf-8")
    result = run("diff", str(icp_file), str(newer))
    assert result.returncode == 0
    assert '~ version: "0.1" -> "0.2"' in result.stdout
    assert "- red_flags" in result.stdout
    as_json = json.loads(run("diff", str(icp_file), str(newer), "--json").stdout)
    assert {"path": "version", "kind": "changed", "old": "0.1", "new": "0.2"} in as_json


def test_usage_error_exits_2() -> None:
    result = run("export", "--format", "pdf", "x.json")
    assert result.returncode == 2
