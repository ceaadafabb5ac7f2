"""`icp-coach sessions list|show|export|delete`: saved interviews."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from icp_coach.cli.common import (
    emit,
    emit_json,
    handles_errors,
    json_option,
    lang_option,
    output_option,
)
from icp_coach.domain.language import Language

if TYPE_CHECKING:
    from icp_coach.storage.sessions import SQLiteSessionStore


def _store() -> SQLiteSessionStore:
    """The session store as bootstrap builds it (data folder of the settings, key redaction)."""
    from icp_coach.bootstrap import make_app

    return make_app().session_store


def _guard(action: Any) -> Any:
    """A missing session or a broken database is reported by `handles_errors` (exit 1)."""
    return action()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def sessions() -> None:
    """List, show, export or delete saved interviews (SQLite in the data folder)."""


@sessions.command("list")
@json_option
@output_option
@handles_errors
def list_sessions(as_json: bool, output: Path | None) -> None:
    """Saved sessions, most recent first."""
    store = _store()
    items = _guard(store.list_sessions)
    if as_json:
        emit_json([item.as_dict() for item in items], output)
        return
    if not items:
        click.echo("no saved sessions; start one with `icp-coach` or `icp-coach interview`",
                   err=True)
        return
    lines = []
    for item in items:
        state = "done" if item.completed else f"step {item.step}"
        lines.append(f"{item.id}  {item.updated_at}  {state:8}  v{item.version or '?':5} "
                     f"{item.language}  {item.turns:3} turns  {item.company}")
    emit("\n".join(lines) + "\n", output)


@sessions.command("show")
@click.argument("session_id")
@json_option
@output_option
@handles_errors
def show(session_id: str, as_json: bool, output: Path | None) -> None:
    """The transcript of SESSION_ID (an id or a unique prefix) and where it stands."""
    store = _store()
    summary = _guard(lambda: store.summary(session_id))
    turns = store.turns(summary.id)
    if as_json:
        emit_json({"session": summary.as_dict(), "turns": [t.as_dict() for t in turns]}, output)
        return
    lines = [f"# {summary.company} ({summary.id}), step {summary.step}, "
             f"{'completed' if summary.completed else 'in progress'}"]
    for turn in turns:
        who = "you" if turn.speaker == "user" else "coach"
        lines.append(f"\n[{turn.seq}] {who} (step {turn.step}):\n{turn.text}")
    emit("\n".join(lines) + "\n", output)


@sessions.command("export")
@click.argument("session_id")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@lang_option
@json_option
@output_option
@handles_errors
def export(session_id: str, fmt: str, lang: Language | None, as_json: bool, output: Path | None) -> None:
    """The ICP of SESSION_ID as Markdown (with findings) or as an ICP JSON document (--json)."""
    from icp_coach.storage.icp_files import icp_to_json

    store = _store()
    state = _guard(lambda: store.load_state(session_id))
    if fmt == "json" or as_json:
        emit(icp_to_json(state.draft), output)
        return
    from icp_coach.domain.validation import validate_icp
    from icp_coach.services.export import render_markdown

    language = lang or state.language
    emit(render_markdown(state.draft, language,
                         validate_icp(state.draft, language)), output)


@sessions.command("delete")
@click.argument("session_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@json_option
@output_option
@handles_errors
def delete(session_id: str, yes: bool, as_json: bool, output: Path | None) -> None:
    """Delete SESSION_ID with its transcript and ICP versions."""
    store = _store()
    summary = _guard(lambda: store.summary(session_id))
    if not yes and not as_json:
        click.confirm(f"Delete session {summary.id} ({summary.company}, {summary.turns} turns)?",
                      abort=True, err=True)
    removed = store.delete(summary.id)
    if as_json:
        emit_json({"deleted": removed}, output)
    elif output is not None:
        emit(f"deleted {removed}\n", output)
    else:
        click.echo(f"deleted {removed}", err=True)
