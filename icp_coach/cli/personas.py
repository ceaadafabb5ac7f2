"""`icp-coach personas`: draft buyer personas from the ICP and the interviews."""

from __future__ import annotations

from pathlib import Path

import click

from icp_coach.cli.common import (
    emit,
    emit_json,
    engine_option,
    handles_errors,
    json_option,
    lang_option,
    output_option,
)
from icp_coach.domain.language import Language


def _load_jtbd(path: Path) -> list:
    from pydantic import ValidationError

    from icp_coach.domain.jtbd import JTBDResult
    from icp_coach.storage.icp_files import InputFileError, read_json_file

    data = read_json_file(path)
    try:
        if isinstance(data, dict) and "interviews" in data:  # the report of `icp-coach jtbd --json`
            return [JTBDResult.model_validate(item) for item in data["interviews"]]
        if isinstance(data, list):
            return [JTBDResult.model_validate(item) for item in data]
        return [JTBDResult.model_validate(data)]
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()[:5])
        raise InputFileError(f"{path}: not a JTBD result from `icp-coach jtbd --json` ({problems})") from error


def _load_transcripts(paths: tuple[Path, ...]) -> list:
    from icp_coach.storage.icp_files import InputFileError
    from icp_coach.transcripts.errors import TranscriptError
    from icp_coach.transcripts.loader import load_transcript

    try:
        return [load_transcript(path) for path in paths]
    except TranscriptError as error:
        raise InputFileError(f"--transcript: {error}") from error


@click.command()
@click.argument("icp_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--jtbd", "jtbd_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JTBD results (from `icp-coach jtbd --json`); repeat for several.")
@click.option("--transcript", "transcript_files", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="The interviews behind --jtbd: their speakers' titles map them to buying roles; "
                   "a transcript with no --jtbd result is analysed here. Repeat for several.")
@click.option("--roles", default=None,
              help="Comma-separated roles: champion, economic_buyer, technical_buyer, user, blocker "
                   "(default: the ICP's decision makers).")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--save", is_flag=True, help="Store the personas in ICP_FILE (atomic write).")
@engine_option
@lang_option
@json_option
@output_option
@handles_errors
def personas(icp_file: Path, jtbd_files: tuple[Path, ...], transcript_files: tuple[Path, ...],
             roles: str | None, fmt: str, save: bool,
             engine: str | None, lang: Language | None, as_json: bool, output: Path | None) -> None:
    """Draft personas for the buying committee from ICP_FILE (and interview JTBD results).

    Each persona says how much evidence stands behind it: 5 or more distinct evidence items make
    a draft, fewer a hypothesis with what to go and learn.
    """
    from icp_coach.bootstrap import make_app
    from icp_coach.services.personas import draft_personas
    from icp_coach.settings import load_settings
    from icp_coach.storage.icp_files import InputFileError, load_icp, save_icp

    icp = load_icp(icp_file)
    results = [result for path in jtbd_files for result in _load_jtbd(path)]
    wanted = [role.strip() for role in roles.split(",") if role.strip()] if roles else None
    app = make_app(load_settings(engine=engine))
    choice = app.announce_engine()
    try:
        transcripts = _load_transcripts(transcript_files)
        analysed = {result.source for result in results}
        unanalysed = [t for t in transcripts if t.source not in analysed]
        if unanalysed:
            from icp_coach.services.jtbd import analyse_transcripts

            results += list(analyse_transcripts(unanalysed, app.jtbd_extractor).interviews)
        try:
            draft = draft_personas(icp, app.persona_writer, jtbd=results, roles=wanted,
                                   language=lang, transcripts=transcripts)
        except ValueError as error:
            raise InputFileError(f"--roles: {error}") from error
    finally:
        app.close()
    if save:
        save_icp(draft.icp, icp_file)
        click.echo(f"stored {len(draft.personas)} persona(s) in {icp_file}", err=True)
    if as_json or fmt == "json":
        emit_json({"personas": [p.model_dump(mode="json") for p in draft.personas],
                   "speakers": [s.model_dump(mode="json") for s in draft.speakers],
                   "findings": [f.model_dump() for f in draft.findings],
                   "engine": choice.name, "engine_reason": choice.reason}, output)
        return
    from icp_coach.services.persona_report import render_personas

    emit(render_personas(draft.personas, lang or icp.language, draft.findings), output)
