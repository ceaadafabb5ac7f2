"""validate, export, schema, diff: commands on ICP documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from icp_coach.cli.common import (
    EXIT_INPUT,
    emit,
    emit_json,
    handles_errors,
    json_option,
    lang_option,
    output_option,
)
from icp_coach.domain.language import Language

ICP_FILE = click.Path(dir_okay=False, path_type=Path)


@click.command()
@click.argument("icp_file", type=ICP_FILE)
@lang_option
@json_option
@output_option
@handles_errors
def validate(icp_file: Path, lang: Language | None, as_json: bool, output: Path | None) -> None:
    """Check ICP_FILE: errors, warnings and hints, and how complete each dimension is.

    Exits 1 when the document has errors (the report is written all the same).
    """
    from icp_coach.domain.validation import completeness, validate_icp
    from icp_coach.storage.icp_files import load_icp

    doc = load_icp(icp_file)
    findings = validate_icp(doc, lang)
    scores = completeness(doc)
    if as_json:
        emit_json({"file": str(icp_file), "findings": [f.model_dump() for f in findings],
                   "completeness": scores}, output)
    elif output is not None:
        lines = [f"{f.severity:7} {f.path}: {f.message}\n         {f.suggestion}" for f in findings]
        lines.append(_summary(icp_file, findings, scores["overall"]))
        emit("\n".join(lines) + "\n", output)
    else:
        _print_findings(icp_file, findings, scores["overall"])
    if any(f.severity == "error" for f in findings):
        raise SystemExit(EXIT_INPUT)


def _summary(icp_file: Path, findings: list[Any], overall: float) -> str:
    return f"{icp_file}: {len(findings)} finding(s), completeness {overall:.0%}"


def _print_findings(icp_file: Path, findings: list[Any], overall: float) -> None:
    """Coloured on a terminal. The document's own text goes in as plain Text, never as markup
    (no `[/]` crash, no `:b:` emoji), without control characters; piped output is not wrapped
    at 80 columns."""
    from rich.console import Console
    from rich.text import Text

    from icp_coach.text.display import terminal_safe

    console = Console(soft_wrap=True)
    colours = {"error": "red", "warning": "yellow", "hint": "cyan"}
    for finding in findings:
        console.print(Text.assemble((f"{finding.severity:7}", colours[finding.severity]), " ",
                                    (terminal_safe(finding.path), "bold"), ": ",
                                    terminal_safe(finding.message), "\n         ",
                                    terminal_safe(finding.suggestion)))
    console.print(Text(terminal_safe(_summary(icp_file, findings, overall))))


@click.command()
@click.argument("icp_file", type=ICP_FILE)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@lang_option
@json_option
@output_option
@handles_errors
def export(icp_file: Path, fmt: str, lang: Language | None, as_json: bool, output: Path | None) -> None:
    """Export ICP_FILE as Markdown (the ICP template) or JSON (--format json or --json)."""
    from icp_coach.storage.icp_files import icp_to_json, load_icp

    doc = load_icp(icp_file)
    if fmt == "json" or as_json:
        emit(icp_to_json(doc), output, data=True)
        return
    from icp_coach.services.export import render_markdown

    emit(render_markdown(doc, lang), output)


@click.command()
@json_option
@output_option
@handles_errors
def schema(as_json: bool, output: Path | None) -> None:
    """Print the JSON Schema of the ICP document (always JSON; --json is accepted for scripts)."""
    from icp_coach.domain.icp import ICPDocument

    emit_json(ICPDocument.model_json_schema(), output)


@click.command()
@click.argument("old_file", type=ICP_FILE)
@click.argument("new_file", type=ICP_FILE)
@json_option
@output_option
@handles_errors
def diff(old_file: Path, new_file: Path, as_json: bool, output: Path | None) -> None:
    """Field-level changes from OLD_FILE to NEW_FILE (the iterate step)."""
    from icp_coach.domain.diff import diff_icp
    from icp_coach.storage.icp_files import load_icp

    changes = diff_icp(load_icp(old_file), load_icp(new_file))
    if as_json:
        emit_json([change.__dict__ for change in changes], output)
        return
    if not changes:
        emit("no changes\n", output)
        return
    signs = {"added": "+", "removed": "-", "changed": "~"}
    lines = []
    for change in changes:
        if change.kind == "changed":
            detail = f"{json.dumps(change.old, ensure_ascii=False)} -> {json.dumps(change.new, ensure_ascii=False)}"
        else:
            detail = json.dumps(change.new if change.kind == "added" else change.old, ensure_ascii=False)
        lines.append(f"{signs[change.kind]} {change.path}: {detail}")
    emit("\n".join(lines) + "\n", output)
