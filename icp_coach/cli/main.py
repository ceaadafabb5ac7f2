"""`icp-coach`: the entry point. Each command lives in its own module and is imported only when run."""

from __future__ import annotations

import importlib
import sys

import click

from icp_coach import __version__

# name -> (module:attribute, one-line help). The help is shown without importing the module.
COMMANDS: dict[str, tuple[str, str]] = {
    "chat": ("icp_coach.cli.chat:chat", "Open the coach in the terminal (the default)."),
    "interview": ("icp_coach.cli.interview:interview", "Run the five-step interview headless from an answers file."),
    "sessions": ("icp_coach.cli.sessions:sessions", "List, show, export or delete saved interviews."),
    "extract": ("icp_coach.cli.extract:extract", "Turn free-form notes into a validated ICP document."),
    "validate": ("icp_coach.cli.icp_commands:validate", "Check an ICP document and list its findings."),
    "export": ("icp_coach.cli.icp_commands:export", "Export an ICP document as Markdown or JSON."),
    "schema": ("icp_coach.cli.icp_commands:schema", "Print the JSON Schema of the ICP document."),
    "diff": ("icp_coach.cli.icp_commands:diff", "Show what changed between two versions of an ICP."),
    "jtbd": ("icp_coach.cli.jtbd:jtbd", "Turn interview transcripts into Jobs-To-Be-Done with verbatim evidence."),
    "personas": ("icp_coach.cli.personas:personas", "Draft buyer personas for the buying committee."),
    "customers": ("icp_coach.cli.customers:customers", "Rank best customers in a CRM export and find what sets them apart."),
    "validate-icp": ("icp_coach.cli.customers:validate_icp", "Test an ICP against customer (and deal) data."),
    "score": ("icp_coach.cli.prospects:score", "Score a prospect list against the ICP: exclusions and tiers."),
    "assess": ("icp_coach.cli.prospects:assess", "Score one account on the seven criteria (out of 35)."),
    "market": ("icp_coach.cli.prospects:market", "Size the market: TAM, SAM and SOM."),
    "kb": ("icp_coach.cli.kb:kb", "Index and search the methodology and case library."),
    "models": ("icp_coach.cli.models:models", "Install, list or remove the embedded local model."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        target, _ = COMMANDS[cmd_name]
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            return None
        command = getattr(module, attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="icp-coach")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """icp-coach: define your Ideal Customer Profile with a coach, then put it to work.

    Run with no command to open the coach. Exit codes: 0 success, 1 a problem in your input,
    2 usage error, 3 engine or endpoint failure.
    """
    if ctx.invoked_subcommand is None:
        chat = cli.get_command(ctx, "chat")
        if chat is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(chat)


def main() -> None:
    sys.exit(cli.main(prog_name="icp-coach", standalone_mode=True))


if __name__ == "__main__":
    main()
