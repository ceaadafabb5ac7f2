"""`icp-coach`: the entry point. Each command lives in its own module and is imported only when run."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

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
    "settings": ("icp_coach.cli.settings_command:settings", "Show the settings in effect and where each came from."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)  # one added with @group.command
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


    def invoke(self, ctx: click.Context) -> Any:
        """Run the command with the `--set` settings in its environment (restored afterwards),
        and be the last resort for an error nobody expected: one line, no traceback unless
        --debug (common.report_bug)."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except Exception as error:
            from icp_coach.cli.common import report_bug

            report_bug(error, debug=bool(ctx.params.get("debug")))
        finally:
            for name, value in ctx.meta.get(_SAVED, {}).items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


_SAVED = "icp_coach.environment_before_set"


def _settings_from_flags(ctx: click.Context, assignments: tuple[str, ...],
                         config: str | None) -> None:
    """`--set name=value` becomes the setting's environment variable for this command (so that
    every store, and the local model server, sees it); the flag wins over the environment."""
    from icp_coach.cli.common import EXIT_USAGE, fail

    exported: dict[str, str] = {}
    names: list[str] = []
    if config:
        exported["ICP_COACH_CONFIG_FILE"] = config
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        name = name.strip().lower().replace("-", "_")
        if not equals or not name:
            fail(f"--set {assignment}: write NAME=VALUE, e.g. --set timeout_seconds=30", EXIT_USAGE)
        from icp_coach.settings import Settings, env_names

        if name not in Settings.model_fields:
            known = ", ".join(Settings.model_fields)
            fail(f"--set {assignment}: no setting named {name!r}; the settings are {known}", EXIT_USAGE)
        exported[env_names(name)[0]] = value
        names.append(name)
    from icp_coach.settings import FLAG_SOURCES_KEY

    ctx.meta[_SAVED] = {name: os.environ.get(name) for name in exported}
    ctx.meta[FLAG_SOURCES_KEY] = names
    os.environ.update(exported)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="icp-coach")
@click.option("--set", "assignments", multiple=True, metavar="NAME=VALUE",
              help="Set any setting for this run (repeatable), e.g. --set timeout_seconds=30; "
                   "wins over the environment and the config file.")
@click.option("--config", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Read the settings from this config file instead of the usual one.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, assignments: tuple[str, ...], config: str | None, debug: bool) -> None:
    """icp-coach: define your Ideal Customer Profile with a coach, then put it to work.

    Run with no command to open the coach. Exit codes: 0 success, 1 a problem in your input,
    2 usage error or a bad setting, 3 engine or endpoint failure, 4 a bug in icp-coach.
    """
    if assignments or config:
        _settings_from_flags(ctx, assignments, config)
    if ctx.invoked_subcommand is None:
        chat = cli.get_command(ctx, "chat")
        if chat is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(chat)


def main() -> None:
    code: Any = 0
    try:
        code = cli.main(prog_name="icp-coach", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as error:  # outside any command (a broken install): still no traceback
        from icp_coach.cli.common import report_bug

        report_bug(error, debug="--debug" in sys.argv)
    sys.exit(code)


if __name__ == "__main__":
    main()
