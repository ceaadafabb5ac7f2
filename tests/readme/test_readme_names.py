"""The README names only files, options and settings that exist.

Fast checks on the README's text (no command runs): every repository path it names is in the
checkout, every `icp-coach ...` it quotes in a sentence or a table parses with the real command
line, every `--option` it mentions belongs to a command (or to the script named beside it), and
every `ICP_COACH_...` variable is one the settings read.
"""

from __future__ import annotations

import re

import click
import pytest

from tests.readme.cli_options import option_names, parse
from tests.readme.readme_lines import README, REPO, inline_code, shell_lines

REPO_TOP = ("icp_coach", "tests", "benchmarks", "knowledge", "prompts", "examples", "docs", ".ci")
REPO_PATH = re.compile(rf"(?<![\w./<-])((?:{'|'.join(re.escape(t) for t in REPO_TOP)})(?:/[\w.-]+)*/?)")
# Places outside the checkout the README names on purpose, with why.
OUTSIDE_ON_PURPOSE = {
    "../shared/dev-data": "the team's labelled corpus, said to be absent from the repository",
}


def _readme_text() -> str:
    return README.read_text(encoding="utf-8")


def test_every_repository_path_the_readme_names_exists() -> None:
    named = {path.rstrip("/") for path in REPO_PATH.findall(_readme_text())}
    missing = sorted(path for path in named if not (REPO / path).exists())
    assert not missing, f"the README names paths that are not in the repository: {missing}"


def test_the_readme_points_outside_the_checkout_only_on_purpose() -> None:
    outside = set(re.findall(r"\.\./[\w./-]+", _readme_text()))
    unexplained = sorted(path for path in outside if path.rstrip("/.") not in OUTSIDE_ON_PURPOSE)
    assert not unexplained, f"the README points outside the repository: {unexplained}"


def test_the_design_document_is_in_the_repository_and_the_readme_points_at_it() -> None:
    design = REPO / "docs" / "design.md"
    assert design.is_file()
    assert "`docs/design.md`" in _readme_text()
    assert "DESIGN.md" not in _readme_text(), "the README still points at the old DESIGN.md"


@pytest.mark.parametrize(("number", "span"), [
    pytest.param(number, span, id=f"L{number} {span}")
    for number, span in inline_code() if re.match(r"icp-coach(\s|$)", span)])
def test_a_command_quoted_in_the_text_parses(number: int, span: str) -> None:
    try:
        parse(span)
    except click.UsageError as error:
        pytest.fail(f"README line {number}: `{span}` is refused: {error.format_message()}",
                    pytrace=False)


def test_every_option_the_text_mentions_exists() -> None:
    known = option_names()
    unknown = []
    for number, span in inline_code():
        script = re.search(r"(benchmarks/[\w.-]+\.py)", span)
        for flag in re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", span):
            if script:
                exists = flag in (REPO / script.group(1)).read_text(encoding="utf-8")
            else:
                exists = flag in known
            if not exists:
                unknown.append(f"L{number} `{span}`: {flag}")
    assert not unknown, "the README mentions options no command has:\n" + "\n".join(unknown)


def test_every_setting_the_readme_names_is_read() -> None:
    from icp_coach.settings import Settings

    source = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "icp_coach").rglob("*.py"))
    fields = set(Settings.model_fields)
    unread = sorted(name for name in set(re.findall(r"ICP_COACH_[A-Z_]+", _readme_text()))
                    if name not in source and name.removeprefix("ICP_COACH_").lower() not in fields)
    assert not unread, f"the README names variables nothing reads: {unread}"


def test_the_readme_shell_blocks_are_found() -> None:
    """The parser the command test relies on still sees the README's blocks."""
    commands = [line.command for line in shell_lines()]
    assert any(c.startswith("icp-coach extract ") for c in commands)
    assert any(c.startswith("icp-coach kb search ") for c in commands)
