"""`icp-coach jtbd TRANSCRIPT...`: interviews to Jobs-To-Be-Done with verbatim evidence."""

from __future__ import annotations

from pathlib import Path

import click

from icp_coach.cli.common import (
    emit,
    emit_json,
    engine_option,
    handles_errors,
    json_option,
    output_option,
)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("transcripts", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@engine_option
@click.option("--interviewer", "interviewers", multiple=True, metavar="NAME",
              help="Speaker label of the interviewer (repeat for several). Default: detected "
                   "from roles, names and who asks the questions.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default=None,
              help="Output format (default: md; json with --json).")
@click.option("--pattern-threshold", type=click.IntRange(1, 100), default=3, show_default=True,
              help="Interviews a theme needs to count as a pattern rather than a hypothesis.")
@click.option("--encoding", default=None, metavar="NAME",
              help="Text encoding of the transcripts when it is not UTF-8 (e.g. gb18030).")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
              help="Language of the report's headings (default: the first interview's).")
@json_option
@output_option
@click.version_option(None, "--version", package_name="icp-coach", prog_name="icp-coach jtbd")
@handles_errors
def jtbd(transcripts: tuple[Path, ...], engine: str | None, interviewers: tuple[str, ...],
         fmt: str | None, pattern_threshold: int, encoding: str | None, lang: str | None,
         as_json: bool, output: Path | None) -> None:
    """Read interview TRANSCRIPTS (.txt, .md, .vtt, .srt, .docx, .csv/.tsv, .xlsx/.xlsm, .ttml/.dfxp,
    .sbv, .ass/.ssa, speech-to-text .json, .html; Otter, Zoom and Teams exports)
    and report the forces of progress, triggers and timeline, alternatives, desired outcomes and
    job statements, each backed by the customer's own words with file and line.

    Every quote is checked to occur verbatim in a customer turn; a finding without such a quote
    is marked unverified. Across interviews, themes backed by --pattern-threshold interviews or
    more are patterns.
    """
    from icp_coach.transcripts.loader import load_transcript

    loaded = [load_transcript(path, interviewer=list(interviewers) or None, encoding=encoding)
              for path in transcripts]
    for transcript in loaded:
        for warning in transcript.warnings:
            click.echo(f"note: {warning}", err=True)

    from icp_coach.bootstrap import make_app
    from icp_coach.services.jtbd import analyse_transcripts
    from icp_coach.services.jtbd_themes import icp_feed
    from icp_coach.settings import load_settings

    app = make_app(load_settings(engine=engine))
    choice = app.announce_engine()
    embed = app.shared_embedder.embed_queries if len(loaded) > 1 else None
    try:
        report = analyse_transcripts(
            loaded, app.jtbd_extractor, pattern_threshold=pattern_threshold, embed=embed,
            progress=lambda message: click.echo(message, err=True))
    finally:
        app.close()
    for result in report.interviews:
        for note in result.notes:
            click.echo(f"note: {result.source}: {note}", err=True)
    if as_json or fmt == "json":
        data = report.model_dump(mode="json")
        data["icp_feed"] = icp_feed(report)
        data["engine"], data["engine_reason"] = choice.name, choice.reason
        emit_json(data, output)
        return
    from icp_coach.services.jtbd_report import render_report

    emit(render_report(report, lang), output)
