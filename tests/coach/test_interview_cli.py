"""`icp-coach interview` and `icp-coach sessions` as a user runs them, including a SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from icp_coach.cli.main import cli

ANSWERS = """\
language: en
company: Kill Test Co
steps:
  0: ["About 40% of new customers came through referrals."]
  1:
    - "Logistics companies with 50 to 500 employees in North America."
    - "Mostly fintech too."
  2:
    - "They run NetSuite and Salesforce. The pain is month-end invoicing that takes a week."
    - "The champion is the billing manager; the CFO signs."
  3: ["Red flags: fewer than 50 invoices a month."]
  4: ["Looks good."]
  5: ["Quarterly, and early when we change pricing."]
"""
ALL_ANSWERS = [
    "About 40% of new customers came through referrals.",
    "Logistics companies with 50 to 500 employees in North America.",
    "Mostly fintech too.",
    "They run NetSuite and Salesforce. The pain is month-end invoicing that takes a week.",
    "The champion is the billing manager; the CFO signs.",
    "Red flags: fewer than 50 invoices a month.",
    "Looks good.",
    "Quarterly, and early when we change pricing.",
]


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("text, expected", [
    ("company: X\nsteps:\n  0: [a]\n", None),
    ("language: en\nsteps:\n  0: [a]\n", "line 1, field company"),
    ("company: X\nlanguage: fr\nsteps:\n  0: [a]\n", "line 2, field language"),
    ("company: X\nsteps:\n  0: [a]\n  7: [b]\n", "line 4, field steps.7"),
    ("company: X\nsteps:\n  1:\n    - fine\n    - {a: 1}\n", "line 5, field steps.1.1"),
    ("company: X\nsteps: [\n", "not valid YAML"),
])
def test_answers_file_errors_name_the_line_and_field(tmp_path, text, expected):
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    if expected is None:
        from icp_coach.cli.interview import load_answers

        assert load_answers(path).steps == {0: ["a"]}
        return
    result = _run("interview", "--answers", str(path), "--engine", "offline", "--no-knowledge")
    assert result.exit_code == 1
    assert str(path) in result.output and expected in result.output


@pytest.mark.slow
def test_interview_json_result_and_the_sessions_commands(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    icp_path, log = tmp_path / "icp.json", tmp_path / "run.log"
    result = _run("interview", "--answers", str(answers), "--engine", "offline", "--no-knowledge",
                  "--json", "-o", str(icp_path), "--log", str(log))
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["completed"] is True and payload["icp"]["version"] == "1.0"
    assert isinstance(payload["findings"], list) and "citations" in payload
    assert json.loads(icp_path.read_text())["name"] == "Kill Test Co"
    assert "you: Looks good." in log.read_text() and "== step 5" in log.read_text()
    sid = payload["session_id"]

    listed = json.loads(_run("sessions", "list", "--json").stdout)
    assert [item["id"] for item in listed] == [sid] and listed[0]["completed"]
    shown = _run("sessions", "show", sid[:6]).stdout
    assert "Looks good." in shown and "Kill Test Co" in shown
    exported = _run("sessions", "export", sid, "--format", "json").stdout
    assert json.loads(exported)["version"] == "1.0"
    markdown = _run("sessions", "export", sid, "--lang", "zh").stdout
    assert markdown.startswith("# 理想客户画像")
    missing = _run("sessions", "show", "nope")
    assert missing.exit_code == 1 and "sessions list" in missing.output
    assert _run("sessions", "delete", sid, "--yes").exit_code == 0
    assert json.loads(_run("sessions", "list", "--json").stdout) == []


def _answer_turns(db_path: Path) -> list[tuple[str, int]]:
    if not db_path.exists():
        return []
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
        rows = db.execute("SELECT text, step FROM turns WHERE speaker='user' AND kind='answer'"
                          " ORDER BY seq").fetchall()
        db.close()
        return rows
    except sqlite3.OperationalError:
        return []  # the schema is being created


@pytest.mark.slow
def test_a_killed_interview_resumes_with_nothing_lost(tmp_path, isolated_dirs):
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    db_path = isolated_dirs / "data" / "sessions.sqlite3"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "icp_coach.cli.main", "interview", "--answers", str(answers),
               "--engine", "offline", "--no-knowledge", "--json"]
    process = subprocess.Popen([*command, "--pause", "0.4"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(_answer_turns(db_path)) < 3:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "the interview never got going"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    before = _answer_turns(db_path)
    assert 3 <= len(before) < len(ALL_ANSWERS)  # killed mid-session

    db = sqlite3.connect(db_path)
    sid = db.execute("SELECT id FROM sessions").fetchone()[0]
    state = json.loads(db.execute("SELECT state_json FROM sessions").fetchone()[0])
    db.close()
    assert state["draft"]["pmf"]["referral_share"] == pytest.approx(0.4)  # saved before the kill

    resumed = subprocess.run([*command, "--resume", sid], env=env, capture_output=True,
                             timeout=180)
    assert resumed.returncode == 0, resumed.stderr.decode()
    payload = json.loads(resumed.stdout)
    assert payload["session_id"] == sid and payload["completed"] is True
    if not state.get("pending_answer"):  # killed while an answer was being read: it is answered
        assert "Welcome back" in resumed.stderr.decode()  # first on resume, with no welcome
    # every answer was taken exactly once, in order: nothing lost, nothing repeated
    assert [text for text, _ in _answer_turns(db_path)] == ALL_ANSWERS
    icp = payload["icp"]
    assert icp["pmf"]["referral_share"] == pytest.approx(0.4)
    assert icp["red_flags"] and icp["version"] == "1.0"


def test_a_dead_endpoint_exits_3_and_says_how_to_resume(tmp_path, monkeypatch):
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    monkeypatch.setenv("ICP_COACH_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("ICP_COACH_API_KEY", "sk-dead-endpoint-key-000")
    monkeypatch.setenv("ICP_COACH_MAX_RETRIES", "0")
    monkeypatch.setenv("ICP_COACH_TIMEOUT_SECONDS", "5")
    answers.write_text(ANSWERS.replace("About 40%", "Key sk-dead-endpoint-key-000. About 40%"),
                       encoding="utf-8")
    log = tmp_path / "run.log"
    result = _run("interview", "--answers", str(answers), "--engine", "llm", "--no-knowledge",
                  "--log", str(log))
    assert result.exit_code == 3
    assert "you: Key [redacted]. About 40%" in log.read_text(encoding="utf-8")
    assert "--resume" in result.output and "127.0.0.1:9" in result.output
    assert "sk-dead-endpoint-key-000" not in result.output
    listed = json.loads(_run("sessions", "list", "--json").stdout)
    assert listed[0]["step"] == 0  # the session is saved, nothing applied
    db = (Path(os.environ["ICP_COACH_DATA_DIR"]) / "sessions.sqlite3").read_bytes()
    assert b"sk-dead-endpoint-key-000" not in db


def test_resume_skips_the_answers_and_commands_a_session_already_took():
    from icp_coach.cli.interview import answered_per_step
    from icp_coach.storage.session_rows import StoredTurn

    turns = [StoredTurn(1, "user", "answer", 0, "40%", ""), StoredTurn(2, "coach", "reply", 0, "ok", ""),
             StoredTurn(3, "user", "command", 0, "/next", ""),
             StoredTurn(4, "user", "command", 1, "/assess Acme", ""),
             StoredTurn(5, "user", "answer", 1, "4", ""), StoredTurn(6, "user", "refused", 1, "x", "")]
    assert answered_per_step(turns) == {0: 1, 1: 3}
