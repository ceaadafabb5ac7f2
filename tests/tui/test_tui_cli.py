"""`icp-coach chat` before the screen opens: options and the errors a user can make."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from icp_coach.cli.main import cli


def test_chat_help_lists_the_options() -> None:
    result = CliRunner().invoke(cli, ["chat", "--help"])
    assert result.exit_code == 0
    for option in ("--resume", "--engine", "--lang", "--company", "--no-knowledge"):
        assert option in result.output


def test_resume_of_an_unknown_session_says_where_to_look() -> None:
    result = CliRunner().invoke(cli, ["chat", "--resume", "nope", "--engine", "offline"])
    assert result.exit_code == 1
    assert "no saved session 'nope'" in result.output
    assert "sessions list" in result.output


def test_a_sessions_database_from_the_future_is_refused_cleanly(isolated_dirs: Path) -> None:
    import sqlite3

    database = isolated_dirs / "data" / "sessions.sqlite3"
    database.parent.mkdir(parents=True)
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        db.execute("INSERT INTO schema_version VALUES (99)")
    result = CliRunner().invoke(cli, ["chat", "--resume", "abc", "--engine", "offline"])
    assert result.exit_code == 1
    assert "newer than this icp-coach" in result.output


def test_a_broken_config_file_is_named(isolated_dirs: Path) -> None:
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('engine = "warp-drive"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["chat"])
    assert result.exit_code == 2  # a bad setting is a usage error (README: Exit codes)
    assert str(config) in result.output and "engine" in result.output
