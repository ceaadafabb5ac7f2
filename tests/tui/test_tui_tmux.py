"""End to end: the real `icp-coach` in a real terminal (tmux), typed into with send-keys and read
back with capture-pane. CI installs tmux (.ci/run); a missing tmux fails here, it never skips."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from icp_coach.storage.sessions import SQLiteSessionStore
from tests.tui.tui_helpers import INTERVIEW

pytestmark = pytest.mark.slow


def icp_coach_command() -> list[str]:
    script = Path(sys.executable).parent / "icp-coach"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "icp_coach.cli.main"]


class Terminal:
    def __init__(self, name: str) -> None:
        self.name = name

    def keys(self, *keys: str, literal: bool = False) -> None:
        flags = ["-l"] if literal else []
        subprocess.run(["tmux", "send-keys", "-t", self.name, *flags, *keys], check=True)

    def screen(self) -> str:
        # The session may close between a check that it is alive and the capture (the app
        # quitting is what some waits wait for): a closed session shows nothing.
        captured = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                                  capture_output=True, text=True)
        return captured.stdout if captured.returncode == 0 else ""

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name],
                              capture_output=True).returncode == 0

    def wait_until(self, check: Callable[[str], bool], what: str, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.screen() if self.alive() else ""
            if check(shown):
                return shown
            time.sleep(0.2)  # polling a real terminal: there is no message to wait on
        raise AssertionError(f"waited {seconds:.0f} s for {what}; the screen shows:\n{shown}")


@pytest.fixture
def terminal(isolated_dirs: Path):
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: apt-get install -y tmux (.ci/run does this)")
    name = f"icp-e2e-{uuid.uuid4().hex[:8]}"
    env = {key: os.environ[key] for key in
           ("ICP_COACH_CONFIG_DIR", "ICP_COACH_DATA_DIR", "ICP_COACH_CACHE_DIR", "PYTHONPATH")
           if key in os.environ}  # PYTHONPATH: the checkout under test, not the installed one
    command = " ".join(["env", *(f"{k}={shlex.quote(v)}" for k, v in env.items()), "TERM=xterm-256color",
                        *map(shlex.quote, icp_coach_command()),
                        "chat", "--engine", "offline", "--no-knowledge", "--company", "Acme"])
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
                   check=True)
    yield Terminal(name)
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def test_real_terminal_interview_answers_quits_and_keeps_the_session(
        terminal: Terminal, isolated_dirs: Path) -> None:
    terminal.wait_until(lambda s: "Ready" in s and "product-market" in s.lower(),
                        "the opening question")
    assert "ctrl+q" in terminal.screen().lower() or "^q" in terminal.screen()

    terminal.keys("About 35% of new customers come by referral and referrers rate us 9.",
                  literal=True)
    terminal.keys("Enter")
    terminal.wait_until(lambda s: "referrals 35%" in s and "Ready" in s, "the PMF answer read")
    terminal.keys("yes", "Enter")  # a step ends when the user confirms it
    shown = terminal.wait_until(lambda s: "✓ 0 PMF" in s and "Ready" in s, "step 1")
    assert "Step 1" in shown

    terminal.keys(INTERVIEW[2], "Enter")  # text and Enter in one burst, as a fast typist does
    terminal.wait_until(lambda s: "fintech" in s.lower() and "Ready" in s,
                        "the firmographics in the panel")
    terminal.keys("yes", "Enter")
    shown = terminal.wait_until(lambda s: "fintech" in s.lower() and "● 2" in s and "Ready" in s,
                                "step 2")
    assert "Step 2" in shown

    terminal.keys("F1")
    terminal.wait_until(lambda s: "ICP Coach: help" in s, "the help modal")
    terminal.keys("Escape")
    terminal.keys("C-q")
    terminal.wait_until(lambda s: not terminal.alive(), "the app to quit", seconds=20)

    store = SQLiteSessionStore(isolated_dirs / "data" / "sessions.sqlite3")
    try:
        (saved,) = store.list_sessions()
        assert saved.company == "Acme" and saved.step == 2
        said = [turn.text for turn in store.turns(saved.id) if turn.speaker == "user"]
        assert said[0].startswith("About 35%")
    finally:
        store.close()
