"""`icp-coach personas` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.personas.persona_fixtures import billing_icp, interview


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "icp_coach.cli.main", "personas", *args],
                          capture_output=True, text=True, timeout=120)


def test_personas_json_from_icp_and_interviews(tmp_path: Path) -> None:
    icp_file = tmp_path / "icp.json"
    icp_file.write_text(billing_icp().model_dump_json(), encoding="utf-8")
    jtbd_file = tmp_path / "jtbd.json"
    jtbd_file.write_text(json.dumps({"interviews": [interview().model_dump(mode="json")]}))
    result = run(str(icp_file), "--jtbd", str(jtbd_file), "--roles", "champion,economic_buyer",
                 "--engine", "offline", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["role"] for p in data["personas"]] == ["champion", "economic_buyer"]
    quotes = [e["quote"] for p in data["personas"] for s in ("pains", "goals")
              for item in p[s] for e in item["evidence"] if e["kind"] == "quote"]
    assert "Reps hate double entry." in quotes


def test_save_stores_personas_in_the_icp_and_markdown_is_default(tmp_path: Path) -> None:
    icp_file = tmp_path / "icp.json"
    icp_file.write_text(billing_icp().model_dump_json(), encoding="utf-8")
    result = run(str(icp_file), "--engine", "offline", "--save")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Buyer personas")
    stored = json.loads(icp_file.read_text())
    assert len(stored["personas"]) == 3


def test_bad_role_and_bad_jtbd_file_exit_1(tmp_path: Path) -> None:
    icp_file = tmp_path / "icp.json"
    icp_file.write_text(billing_icp().model_dump_json(), encoding="utf-8")
    bad_role = run(str(icp_file), "--roles", "ceo", "--engine", "offline")
    assert bad_role.returncode == 1 and "unknown role" in bad_role.stderr
    not_jtbd = tmp_path / "other.json"
    not_jtbd.write_text('{"forces": 3, "source": "x"}')
    bad_file = run(str(icp_file), "--jtbd", str(not_jtbd), "--engine", "offline")
    assert bad_file.returncode == 1 and "not a JTBD result" in bad_file.stderr
