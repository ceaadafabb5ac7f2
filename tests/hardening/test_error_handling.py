"""The one mapping of errors to exit codes, and the last resort for an error nobody expected."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from icp_coach.cli.common import EXIT_CODES, exit_code_for
from icp_coach.cli.main import LazyGroup, cli


def buggy_group() -> click.Group:
    """A group like `icp-coach` (same class, same --debug) with a command that has a bug."""

    @click.group(cls=LazyGroup)
    @click.option("--debug", is_flag=True)
    def group(debug: bool) -> None:
        del debug

    @group.command("crash")
    def crash() -> None:
        {}["missing"]  # noqa: B018 - the bug

    return group


def test_an_unexpected_error_is_one_line_that_says_how_to_report_it() -> None:
    result = CliRunner().invoke(buggy_group(), ["crash"])
    assert result.exit_code == 4
    assert "Traceback" not in result.output
    assert "internal error (KeyError" in result.stderr and "--debug" in result.stderr
    assert "issue tracker" in result.stderr


def test_debug_shows_the_traceback() -> None:
    result = CliRunner().invoke(buggy_group(), ["--debug", "crash"])
    assert result.exit_code == 4 and "Traceback" in result.stderr and "KeyError" in result.stderr


def test_every_mapped_error_class_exists_and_gets_its_code() -> None:
    import importlib

    for dotted, code in EXIT_CODES.items():
        module, name = dotted.rsplit(".", 1)
        error_class = getattr(importlib.import_module(module), name)
        assert issubclass(error_class, Exception)
        instance = error_class.__new__(error_class)
        assert exit_code_for(instance) == code, dotted
    from icp_coach.engines.llm.structured import StructuredOutputError

    assert exit_code_for(StructuredOutputError.__new__(StructuredOutputError)) == 3  # a subclass


def test_the_other_error_decorators_are_gone() -> None:
    import icp_coach.cli.kb as kb
    import icp_coach.cli.prospects as prospects

    assert not hasattr(prospects, "handles_table_errors") and not hasattr(kb, "handles_kb_errors")


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid"), reason="POSIX only")
def test_a_failed_score_o_keeps_the_old_output_and_leaves_nothing_partial(tmp_path: Path) -> None:
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({"name": "x", "signals": [{"field": "industry", "op": "eq", "value": "a",
                                                         "weight": 1}]}))
    prospects = tmp_path / "p.csv"
    prospects.write_text("industry\na\nb\n")
    target = tmp_path / "scored.csv"
    target.write_text("the old scored list\n")
    (tmp_path / ".scored.csv.partial").mkdir()  # the temporary file cannot be written
    result = CliRunner().invoke(cli, ["score", str(prospects), "--icp", str(icp), "-o", str(target)])
    assert result.exit_code == 1
    assert f"cannot write {target}" in result.stderr and "Traceback" not in result.output
    assert target.read_text() == "the old scored list\n"


def test_a_read_only_folder_is_named_for_score_o(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "locked"
    folder.mkdir()
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({"name": "x", "signals": [{"field": "industry", "op": "eq", "value": "a",
                                                         "weight": 1}]}))
    prospects = tmp_path / "p.csv"
    prospects.write_text("industry\na\n")
    folder.chmod(0o555)
    try:
        result = CliRunner().invoke(cli, ["score", str(prospects), "--icp", str(icp), "-o",
                                          str(folder / "out.csv")])
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 1 and "out.csv" in result.stderr and "Traceback" not in result.output
    assert not list(folder.iterdir())


def test_the_installed_entry_point_shows_no_traceback_either(tmp_path: Path) -> None:
    """The same through a real process (main(), not the test runner)."""
    import os
    import subprocess
    import sys

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 10_000 + "]" * 10_000)
    config = tmp_path / "config.toml"
    config.write_text("engine = \n")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    for args, code, named in ((["validate", str(deep)], 1, "deep.json"),
                              (["--config", str(config), "settings"], 2, "config.toml"),
                              (["--set", "cny_per_usd=0", "settings"], 2, "cny_per_usd")):
        done = subprocess.run([sys.executable, "-m", "icp_coach.cli.main", *args], capture_output=True,
                              text=True, env=env, timeout=60)
        assert done.returncode == code, (args, done.stderr)
        assert named in done.stderr and "Traceback" not in done.stderr + done.stdout
        assert len(done.stderr.strip().splitlines()) == 1
