"""Crash safety, measured: kill a headless interview with SIGKILL at random moments and resume it.

    .venv/bin/python benchmarks/crash_resume.py [--kills 50] [--seed 16] [--pause 0.02]

Rounds run until --kills of them were killed mid-run. Each round starts `icp-coach interview --answers examples/interview_en.yaml --engine offline
--no-knowledge` (with `--resume ID` once a session exists), kills it with SIGKILL after a random
delay, then checks the sessions database: `pragma integrity_check` is ok, and every turn that was
committed before (seen after an earlier kill) is still there, unchanged. A session that finished
before its kill is checked and a new one is started. At the end every unfinished session is
resumed to completion, and each answer of the file must appear exactly once (none lost, none
taken twice). Prints the figures; its own temporary data folder, nothing of the user's touched.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "examples" / "interview_en.yaml"


def command(resume: str | None, pause: float) -> list[str]:
    base = [sys.executable, "-m", "icp_coach.cli.main", "interview", "--answers", str(ANSWERS),
            "--engine", "offline", "--no-knowledge", "--pause", str(pause)]
    return base + (["--resume", resume] if resume else [])


def committed_turns(db_path: Path, session_id: str) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT id, seq, speaker, kind, step, text FROM turns WHERE session_id = ? "
                          "ORDER BY id", (session_id,)).fetchall()


def integrity(db_path: Path) -> str:
    with sqlite3.connect(db_path) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def newest_unfinished(db_path: Path, known: set[str]) -> str | None:
    if not db_path.exists():
        return None
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT id FROM sessions WHERE completed = 0 ORDER BY created_at DESC").fetchall()
    return next((row[0] for row in rows if row[0] not in known), None)


def completed(db_path: Path, session_id: str) -> bool:
    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT completed FROM sessions WHERE id = ?", (session_id,)).fetchone()
    return bool(row and row[0])


def answers_per_step() -> dict[int, list[str]]:
    import yaml

    data = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    return {int(step): [str(a) for a in answers] for step, answers in data["steps"].items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--pause", type=float, default=0.02, help="seconds between answers")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    home = Path(tempfile.mkdtemp(prefix="icp-crash-"))
    env = {**os.environ, "ICP_COACH_DATA_DIR": str(home / "data"), "ICP_COACH_CONFIG_DIR": str(home / "config"),
           "ICP_COACH_CACHE_DIR": str(home / "cache"), "PYTHONPATH": str(ROOT)}
    for name in ("OPENAI_API_KEY", "ICP_COACH_API_KEY", "OPENAI_BASE_URL", "ICP_COACH_BASE_URL"):
        env.pop(name, None)
    db_path = home / "data" / "sessions.sqlite3"

    # how long a whole run takes here, so that kills land all over it
    started = time.perf_counter()
    subprocess.run(command(None, options.pause), env={**env, "ICP_COACH_DATA_DIR": str(home / "calibrate")},
                   capture_output=True, check=True)
    full_run = time.perf_counter() - started

    seen: dict[str, list[tuple]] = {}  # session -> turns committed when last killed
    sessions: list[str] = []
    current: str | None = None
    checks = mid_run = finished_first = integrity_ok = lost = changed = resume_failures = 0
    rounds = 0
    while mid_run < options.kills and rounds < options.kills * 3:
        rounds += 1
        log = home / "stderr.txt"
        with log.open("wb") as stderr:
            process = subprocess.Popen(command(current, options.pause), env=env, stdout=subprocess.DEVNULL,
                                       stderr=stderr)
            delay = rng.uniform(0.05, full_run)
            try:
                code = process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                code = process.wait()
        if code == -signal.SIGKILL:
            mid_run += 1
        elif code == 0:
            finished_first += 1
        else:
            resume_failures += 1
            print(f"run exited {code}: {log.read_text(encoding='utf-8', errors='replace')[-400:]}")
        if not db_path.exists():
            continue  # killed before the database was created
        status = integrity(db_path)
        integrity_ok += status == "ok"
        checks += 1
        if current is None:
            current = newest_unfinished(db_path, set(sessions)) or _finished_newest(db_path, set(sessions))
            if current is None:
                continue
            sessions.append(current)
        turns = committed_turns(db_path, current)
        before = seen.get(current, [])
        still = set(turns)
        lost += sum(1 for turn in before if turn not in still and turn[0] not in {t[0] for t in turns})
        changed += sum(1 for turn in before if turn not in still and turn[0] in {t[0] for t in turns})
        seen[current] = turns
        if completed(db_path, current):
            current = None  # the next round starts a new session

    # finish every session and check each answer was taken exactly once
    expected = answers_per_step()
    wrong_counts = 0
    for session_id in sessions:
        if not completed(db_path, session_id):
            result = subprocess.run(command(session_id, 0.0), env=env, capture_output=True)
            if result.returncode != 0:
                resume_failures += 1
        user = [t for t in committed_turns(db_path, session_id) if t[2] == "user" and t[5] != "/next"]
        for step, answers in expected.items():
            taken = [t[5] for t in user if t[4] == step]
            if sorted(taken) != sorted(answers):
                wrong_counts += 1
    print(f"full run: {full_run:.2f} s; rounds: {rounds}, killed mid-run (SIGKILL): {mid_run}, finished "
          f"before the kill: {finished_first}")
    print(f"sessions: {len(sessions)}; integrity_check ok: {integrity_ok}/{checks}; committed turns "
          f"lost: {lost}, changed: {changed}; resume failures: {resume_failures}; steps whose answers "
          f"were not each taken exactly once: {wrong_counts}")
    return 0 if (lost == changed == resume_failures == wrong_counts == 0 and integrity_ok == checks) else 1


def _finished_newest(db_path: Path, known: set[str]) -> str | None:
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT id FROM sessions ORDER BY created_at DESC").fetchall()
    return next((row[0] for row in rows if row[0] not in known), None)


if __name__ == "__main__":
    raise SystemExit(main())
