"""Every bad input through every file-taking command: the documented exit code, one clear message
naming the file (or the setting), never a traceback, and nothing partial left behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.cli.main import cli
from tests.hardening.bad_inputs import BadRun, build_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[BadRun]]:
    folder = tmp_path_factory.mktemp("bad-inputs")
    return folder, build_corpus(folder)


def test_the_corpus_has_at_least_sixty_bad_files(corpus: tuple[Path, list[BadRun]]) -> None:
    folder, runs = corpus
    assert len({run.bad_file for run in runs}) >= 60
    assert len(runs) >= 200


def _partial_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith((".partial", ".tmp"))]


def test_every_bad_input_gets_its_exit_code_and_a_message_naming_it(
        corpus: tuple[Path, list[BadRun]]) -> None:
    folder, runs = corpus
    failures = []
    for run in runs:
        result = CliRunner().invoke(cli, run.args, env=run.env, input="")
        problems = []
        if result.exit_code not in run.exit_codes:
            problems.append(f"exit {result.exit_code}, wanted {run.exit_codes}")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            problems.append(f"raised {type(result.exception).__name__}: {result.exception}")
        if "Traceback" in result.output or "internal error" in result.stderr:
            problems.append("a traceback or an internal error was shown")
        if result.exit_code != 0 and run.bad_file.name not in result.output:
            problems.append(f"the message does not name {run.bad_file.name}: {result.stderr[-300:]!r}")
        if result.exit_code != 0 and len(result.stderr.strip().splitlines()) > 12:
            problems.append("the message is not short")
        if problems:
            failures.append(f"{run}: {'; '.join(problems)}")
    assert not _partial_files(folder)
    assert not failures, f"{len(failures)} of {len(runs)} runs:\n" + "\n".join(failures)
