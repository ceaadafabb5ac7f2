"""Run a README line with bash, as a reader would, against this checkout's code.

`icp-coach` on PATH is a two-line script that runs `python -m icp_coach.cli.main` with this
checkout first on PYTHONPATH, so the code under test runs whatever the venv's install points at.
The environment is the reader's minus every setting of theirs: own config, data and cache
folders, no API key, no endpoint, no engine chosen, so `auto` has nothing but offline to pick.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.readme.readme_lines import REPO

TIMEOUT_SECONDS = 240


@dataclass(frozen=True)
class Finished:
    command: str
    folder: Path
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return (f"$ {self.command}\n(exit {self.returncode}, in {self.folder})\n"
                f"--- stdout (first 1500 characters)\n{self.stdout[:1500]}\n"
                f"--- stderr (last 1500 characters)\n{self.stderr[-1500:]}")


class Shell:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.data_dir = home / "data"
        bin_dir = home / "bin"
        bin_dir.mkdir(parents=True, exist_ok=True)
        script = bin_dir / "icp-coach"
        script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m icp_coach.cli.main "$@"\n',
                          encoding="utf-8")
        script.chmod(0o755)
        env = {name: value for name, value in os.environ.items()
               if not name.startswith(("ICP_COACH_", "OPENAI_"))}
        env.update({
            "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
            "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), env.get("PYTHONPATH")))),
            "ICP_COACH_CONFIG_DIR": str(home / "config"),
            "ICP_COACH_DATA_DIR": str(self.data_dir),
            "ICP_COACH_CACHE_DIR": str(home / "cache"),
            "COLUMNS": "120",
        })
        self.env = env

    def run(self, command: str, folder: Path, stdin: str = "") -> Finished:
        """`bash -c COMMAND` in FOLDER; a glob that matches nothing is an error, not a literal."""
        done = subprocess.run(["bash", "-O", "failglob", "-c", command], cwd=folder, env=self.env,
                              input=stdin, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=TIMEOUT_SECONDS)
        return Finished(command, folder, done.returncode, done.stdout, done.stderr)

    def start(self, command: str, folder: Path) -> subprocess.Popen[str]:
        """Start COMMAND without waiting (the set-up kills one run halfway)."""
        return subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=folder, env=self.env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8")
