"""`icp-coach chat` (and `icp-coach` alone): open the coach in the terminal."""

from __future__ import annotations

import click

from icp_coach.cli.common import EXIT_INPUT, engine_option, fail, handles_errors


@click.command()
@click.option("--resume", "resume", metavar="ID", default=None,
              help="Reopen a saved session (an id or a unique prefix; see `icp-coach sessions list`).")
@click.option("--company", default=None,
              help="Company name for a new session (default \"My company\"). Without it and "
                   "without --resume, the newest saved session is offered.")
@engine_option
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
              help="Language of the coach and the screens (default: the settings').")
@click.option("--no-knowledge", is_flag=True,
              help="Do not open the knowledge base: no citations, no indexing on first use.")
@click.version_option(package_name="icp-coach", prog_name="icp-coach chat")
@handles_errors  # imports nothing until an error: the first screen is not delayed
# Errors before the screen (settings, the sessions database) are named below; later ones, engine
# failures included, are shown inside the app with what to do.
def chat(resume: str | None, company: str | None, engine: str | None, lang: str | None,
         no_knowledge: bool) -> None:
    """Open the coach: the PMF check and five steps to an ICP, with the draft beside the chat.

    Everything answered is saved as you go; resume later with --resume ID (on quitting, the
    session's id and file are printed).
    """
    from icp_coach.bootstrap import make_app
    from icp_coach.settings import load_settings
    from icp_coach.tui.app import make_tui

    settings = load_settings(engine=engine, language=lang)  # a bad setting: exit 2, named
    context = make_app(settings)
    app = None
    try:
        context.announce_engine()  # before the screen opens; the status line shows it too
        session_id = None
        if resume is not None:  # checked before the screen opens, so a typo exits with code 1
            from icp_coach.storage.sessions import SessionNotFound, SessionStoreError

            try:
                session_id = context.session_store.resolve(resume)
            except (SessionNotFound, SessionStoreError) as error:
                fail(str(error), EXIT_INPUT)
        app = make_tui(context, session_id=session_id, language=lang,
                       with_knowledge=not no_knowledge, company=company,
                       offer_last=session_id is None and company is None)
        app.run()
        goodbye = app.goodbye()
        if goodbye:  # the answers are saved, whatever ended the app
            click.echo(goodbye, err=True)
        if app.crashed is not None:
            raise app.crashed  # one line from the last-resort handler, not a traceback
    finally:
        if app is not None:
            app.close_contexts()  # the settings screen may have rewired the app
        context.close()
