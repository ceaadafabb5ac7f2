"""What the `icp-coach` command line accepts, asked of its Click commands without running them."""

from __future__ import annotations

import shlex
from collections.abc import Iterator

import click


def _root() -> click.Group:
    from icp_coach.cli.main import cli

    return cli


def parse(command_line: str) -> click.Command:
    """The (sub)command `command_line` runs; click.UsageError when it names an unknown command,
    an unknown option or a bad value. Nothing runs: only the arguments are parsed."""
    args = shlex.split(command_line)
    if not args or args[0] != "icp-coach":
        raise ValueError(f"not an icp-coach command line: {command_line}")
    command: click.Command = _root()
    name, rest, parent = "icp-coach", args[1:], None
    while True:
        try:
            ctx = command.make_context(name, list(rest), parent=parent, resilient_parsing=False)
        except click.exceptions.Exit as done:  # --help, --version: printed, and that is all
            if done.exit_code == 0:
                return command
            raise
        if not isinstance(command, click.Group):
            return command
        remaining = [*getattr(ctx, "_protected_args", []), *ctx.args]
        if not remaining:
            return command
        found, sub, rest = command.resolve_command(ctx, remaining)
        if sub is None or found is None:
            raise click.UsageError(f"no such command {remaining[0]!r}", ctx)
        command, name, parent = sub, found, ctx


def _commands(command: click.Command) -> Iterator[click.Command]:
    yield command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from _commands(sub)


def option_names() -> set[str]:
    """Every long and short option of every icp-coach command, `--help` and `--version` included."""
    names = {"--help", "-h", "--version"}
    for command in _commands(_root()):
        for param in command.params:
            if isinstance(param, click.Option):
                names.update(param.opts)
                names.update(param.secondary_opts)
    return names


def runs_an_engine(command: click.Command) -> bool:
    """Commands with an --engine option run one (and say which on stderr)."""
    return any(param.name == "engine" for param in command.params)
