"""`icp-coach extract NOTES.md`: free-form notes to a validated ICP document."""

from __future__ import annotations

from pathlib import Path

import click

from icp_coach.cli.common import (
    EXIT_INPUT,
    emit,
    emit_json,
    engine_option,
    fail,
    handles_errors,
    json_option,
    lang_option,
)
from icp_coach.domain.language import Language


@click.command()
@click.argument("notes_file", type=click.Path(dir_okay=False, path_type=Path))
@engine_option
@click.option("--name", default=None, help="Name of the ICP (default: from the file name).")
@lang_option
@json_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the ICP document as JSON to this file (atomically).")
@handles_errors
def extract(notes_file: Path, engine: str | None, name: str | None, lang: Language | None,
            as_json: bool, output: Path | None) -> None:
    """Turn NOTES_FILE (bullets, prose or chat-style notes, English or Chinese) into an ICP.

    NOTES_FILE may be text or Markdown (UTF-8, GBK/GB18030 or Big5), Word .docx, an HTML export
    (Notion, Confluence, Google Docs), an Evernote .enex, an email .eml or .mbox, a calendar
    .ics invite or an .rtf document.

    Prints the ICP as Markdown (or JSON with --json) with its validation findings; -o writes the
    ICP document JSON to a file, ready for `validate`, `export` and `score`.
    """
    from icp_coach.bootstrap import make_app
    from icp_coach.notes_files import read_notes_file
    from icp_coach.services.extract_notes import extract_notes
    from icp_coach.settings import load_settings
    from icp_coach.storage.icp_files import save_icp

    notes = read_notes_file(notes_file)
    text = notes.text
    if notes.note:
        click.echo(f"note: {notes_file}: {notes.note}", err=True)
    if not text.strip():
        fail(f"{notes_file}: the notes are empty; write what you know about your best customers "
             "(who they are, their pains, who signs) and run extract again", EXIT_INPUT)
    app = make_app(load_settings(engine=engine))
    choice = app.announce_engine()
    try:
        result = extract_notes(text, app.extractor, name=name, source=notes_file.name,
                               language=lang)
    finally:
        app.close()
    document, findings = result.document, result.findings
    if output is not None:
        save_icp(document, output)
        click.echo(f"wrote {output}", err=True)
    if as_json:
        emit_json({
            "document": document.model_dump(mode="json"),
            "findings": [finding.model_dump() for finding in findings],
            "engine": result.extraction.engine,
            "engine_reason": choice.reason,
            "notes": result.extraction.notes,
        }, None)
        return
    from icp_coach.services.export import render_markdown

    for note in result.extraction.notes:
        click.echo(f"note: {note}", err=True)
    if result.dropped_quotes:
        click.echo(f"note: {result.dropped_quotes} quote(s) not found verbatim in the notes were "
                   "dropped", err=True)
    emit(render_markdown(document, lang or document.language, findings), None)
