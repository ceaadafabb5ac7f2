"""Every command shown in README.md, run as a reader would run it.

The README's ```bash/```sh blocks are read when the tests are collected, so an edit to the README
is tested without touching this file. Each line (each variant of its `[--opt]` / `a|b` notation)
is either run with bash in a copy of a prepared folder holding every file the README names, and
checked for its exit code and the output the README promises (promises.py), or it matches a row
of SKIPPED, which says why it cannot run here and which test covers it. A line that is neither
fails: a new README command has to be runnable or explained. A skipped `icp-coach` line is still
parsed by the real command line, so it cannot name an option that does not exist.

The lines run in README order and share one data folder (sessions, knowledge index), as a reader
following the README would: `kb list` sees what `kb add` added.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from tests.readme.cli_options import parse, runs_an_engine
from tests.readme.promises import (
    PROMISES,
    Run,
    engine_named,
    json_on_stdout,
    output_file_written,
    written_atomically,
)
from tests.readme.readme_lines import shell_lines
from tests.readme.shell import Shell
from tests.readme.workfolder import WorkFolder, prepare

pytestmark = pytest.mark.slow

# Lines that cannot run in a test: (pattern on the README line, why, and what covers it instead).
SKIPPED: tuple[tuple[str, str], ...] = (
    (r"^make (run|test|lint)$", "builds the venv and runs the whole suite, this test included; "
     "CI (.ci/run) runs it in a fresh clone"),
    (r"^\.ci/run$", "CI itself: clones the checkout and runs make test and make lint"),
    (r"^\.venv/bin/python -m pytest\b", "runs the test suite, which holds this test"),
    (r"^pip install\b", "installs from PyPI (network); make test installs the local extra"),
    (r"^export [A-Z_]+=\S+$", "sets a variable in the reader's shell; nothing to run"),
    (r"^icp-coach( chat\b.*)?$", "opens the TUI: tests/tui (test_tui_tmux.py runs the real command "
     "in a terminal, test_tui_cli.py its options and errors)"),
    (r"--engine llm\b", "needs a real hosted endpoint and key; the llm engine is tested with fake "
     "chat models and a local fault-injecting server in tests/engines_llm"),
    (r"--engine local\b", "needs the embedded model assembled (490 MB, minutes per run): "
     "tests/engines_llm/test_llm_local_wire.py"),
    (r"^icp-coach models (install|remove)\b", "assembles or deletes the model files: "
     "tests/engines_llm/test_llm_models_cli.py"),
)

# README placeholders, replaced before a line runs (whole words only).
PLACEHOLDERS: dict[str, str] = {
    "ID": "the full id of a saved session (for `delete`, a session made just for it)",
    "3f2a": "a unique prefix of the session made from examples/interview_en.yaml",
    "3f9a2c": "a unique prefix of the session the set-up started from answers.yaml and killed",
    "FILE": "a file in the run's folder",
}

CASES = [pytest.param(line.number, variant, id=f"L{line.number} {variant}")
         for line in shell_lines() for variant in line.variants()]


def _skip_reason(command: str) -> str | None:
    return next((why for pattern, why in SKIPPED if re.search(pattern, command)), None)


def icp_coach_segments(line: str) -> list[str]:
    """The icp-coach commands of a shell line (`a && b`), without a `> FILE` redirection."""
    segments = (re.sub(r"\s*>\s*\S+$", "", part.strip()) for part in line.split("&&"))
    return [segment for segment in segments if re.match(r"icp-coach(\s|$)", segment)]


def _prefix(session: str, length: int, others: list[str]) -> str:
    """The shortest prefix of `session`, at least `length` long, that no other session shares."""
    while length < len(session) and any(o.startswith(session[:length]) for o in others):
        length += 1
    return session[:length]


def _session_ids(work: WorkFolder) -> list[str]:
    from icp_coach.storage.sessions import SQLiteSessionStore

    store = SQLiteSessionStore(work.data_dir / "sessions.sqlite3")
    try:
        return [item.id for item in store.list_sessions()]
    finally:
        store.close()


def _throwaway_session(work: WorkFolder) -> str:
    from icp_coach.domain.process import InterviewState
    from icp_coach.storage.sessions import SQLiteSessionStore, new_session_id

    store = SQLiteSessionStore(work.data_dir / "sessions.sqlite3")
    try:
        state = InterviewState.new(new_session_id(), "To delete", "en", engine="offline")
        store.create_session(state)
        return state.session_id
    finally:
        store.close()


def substitute(command: str, work: WorkFolder) -> str:
    ids = _session_ids(work)
    values = {
        "ID": (_throwaway_session(work) if command.startswith("icp-coach sessions delete")
               else work.sessions.first),
        "3f2a": _prefix(work.sessions.first, 4, [i for i in ids if i != work.sessions.first]),
        "3f9a2c": _prefix(work.sessions.killed, 6, [i for i in ids if i != work.sessions.killed]),
        "FILE": "session-export.out",
    }
    assert set(values) == set(PLACEHOLDERS)
    for placeholder, value in values.items():
        if re.search(rf"(?<![\w./-]){re.escape(placeholder)}(?![\w./-])", command):
            command = re.sub(rf"(?<![\w./-]){re.escape(placeholder)}(?![\w./-])", value, command)
    return command


def expected_exit(readme_form: str, folder: Path) -> int:
    """0, except `validate`: 'exit 1 when there are errors' (judged by the domain's own rules)."""
    if readme_form.startswith("icp-coach validate "):
        from icp_coach.domain.validation import validate_icp
        from icp_coach.storage.icp_files import load_icp

        findings = validate_icp(load_icp(folder / "icp.json"), None)
        return 1 if any(f.severity == "error" for f in findings) else 0
    return 0


@pytest.fixture(scope="module")
def shell(tmp_path_factory: pytest.TempPathFactory) -> Shell:
    return Shell(tmp_path_factory.mktemp("readme-home"))


@pytest.fixture(scope="module")
def work(shell: Shell, tmp_path_factory: pytest.TempPathFactory) -> WorkFolder:
    return prepare(shell, tmp_path_factory.mktemp("readme") / "prepared")


def test_the_readme_shows_commands_to_run() -> None:
    runnable = [case for case in CASES if _skip_reason(str(case.values[1])) is None]
    assert len(runnable) >= 40, f"only {len(runnable)} README lines run; did the parser break?"


@pytest.mark.parametrize(("number", "readme_form"), CASES)
def test_readme_line(number: int, readme_form: str, request: pytest.FixtureRequest,
                     tmp_path: Path) -> None:
    reason = _skip_reason(readme_form)
    commands = []
    for segment in icp_coach_segments(readme_form):
        try:
            commands.append(parse(segment))
        except click.UsageError as error:
            pytest.fail(f"README line {number}: `{segment}` is refused by icp-coach: "
                        f"{error.format_message()}", pytrace=False)
    if reason is not None:
        pytest.skip(reason)
    if not readme_form.startswith("icp-coach"):
        pytest.fail(f"README line {number}: `{readme_form}` is neither an icp-coach command this "
                    "test runs nor a row of SKIPPED; run it or say why it cannot run")

    shell: Shell = request.getfixturevalue("shell")  # prepared only once a line is to run
    work: WorkFolder = request.getfixturevalue("work")
    folder = work.copy_to(tmp_path / "run")
    stdin = "y\n" if readme_form.startswith("icp-coach sessions delete") else ""
    done = shell.run(substitute(readme_form, work), folder, stdin=stdin)
    run = Run(done, work, readme_form)

    wanted = expected_exit(readme_form, folder)
    assert done.returncode == wanted, (f"README line {number}: exit {done.returncode}, "
                                       f"expected {wanted}\n{done.describe()}")
    problems = [*json_on_stdout(run), *output_file_written(run), *written_atomically(run),
                *engine_named(run, any(runs_an_engine(c) for c in commands))]
    for pattern, promise, checks in PROMISES:
        if re.search(pattern, readme_form):
            problems += [f"{promise}: {problem}" for check in checks for problem in check(run)]
    assert not problems, (f"README line {number} does not give what the README promises:\n- "
                          + "\n- ".join(problems) + f"\n{done.describe()}")
