"""User, transcript and CRM text is shown as it is: never read as markup, and its control
characters and escape sequences never reach the terminal."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from icp_coach.cli.main import cli
from icp_coach.text.display import display_text, escape_markup, terminal_safe
from tests.hardening.bad_inputs import CONTROL_TRANSCRIPT, MARKUP_ICP

ESCAPES = ("\x1b", "\x07", "\x00", "\x9b")


def test_terminal_safe_removes_escape_sequences_and_controls_but_keeps_the_words() -> None:
    shown = terminal_safe("a\x1b[31mred\x1b[0m b\x1b]0;title\x07 c\r\nd\x00e\tf\u202eg")
    assert shown == "ared b c\nde\tfg"
    assert terminal_safe("one\ntwo", keep_newlines=False) == "one two"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]/\\ab =#@!.:()$"))
               | st.characters(blacklist_categories=("Cc", "Cs")), max_size=60))
def test_escaped_text_renders_as_exactly_itself_in_rich(text: str) -> None:
    # as the CLI uses it: between tags, so a trailing backslash must not eat the closing tag
    assert Text.from_markup(f"[bold]{escape_markup(text)}[/bold]").plain == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_display_text_never_lets_a_control_character_through(text: str) -> None:
    shown = display_text(text)
    assert not any(char in shown for char in ESCAPES)
    console = Console(file=open("/dev/null", "w"), markup=True)  # noqa: SIM115 - rendering must not raise
    console.print(f"[bold]{shown}[/]")


def test_validate_quotes_a_red_flag_holding_markup_literally(tmp_path: Path) -> None:
    icp = tmp_path / "markup.json"
    icp.write_text(json.dumps(MARKUP_ICP), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(icp)])
    assert result.exit_code == 1  # the filter admits what the red flag refuses: an error finding
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "[/] closes nothing" in result.stdout
    assert ":b: " in result.stdout and "[link=http://x]x \\" in result.stdout  # no emoji, no link
    assert not any(char in result.output for char in ESCAPES)


def test_reports_on_stdout_carry_no_escape_sequences(tmp_path: Path) -> None:
    icp = tmp_path / "markup.json"
    icp.write_text(json.dumps(MARKUP_ICP), encoding="utf-8")
    exported = CliRunner().invoke(cli, ["export", str(icp)])
    assert exported.exit_code == 0 and "[bold]Acme[/]" in exported.stdout
    transcript = tmp_path / "call.txt"
    transcript.write_text(CONTROL_TRANSCRIPT, encoding="utf-8")
    report = CliRunner().invoke(cli, ["jtbd", str(transcript), "--engine", "offline"])
    assert report.exit_code == 0, report.stderr
    assert "every month" in report.stdout or "spreadsheet" in report.stdout
    assert not any(char in report.output for char in ESCAPES)


def test_piped_validate_output_is_not_wrapped_at_80_columns(tmp_path: Path) -> None:
    icp = tmp_path / "icp.json"
    icp.write_text(json.dumps({"name": "x", "firmographics": {"industries": ["all industries"]}}),
                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(icp)])
    lines = result.stdout.splitlines()
    assert any(len(line) > 80 for line in lines), lines
