"""What every command shares: output to stdout or a file, errors with the right exit code."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_ENGINE = 3

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_INPUT) -> None:
    """Print an error to stderr and exit; stdout stays clean for results."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def handles_errors(function: F) -> F:
    """Turn known errors into a message on stderr and the documented exit code.

    The error classes are imported only once something was raised: importing them pulls in the
    ICP domain, which a command that starts fast (`chat`) must not pay for up front."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as error:
            from icp_coach.domain.ports import EngineError
            from icp_coach.storage.atomic import OutputError
            from icp_coach.storage.icp_files import InputFileError

            if isinstance(error, (InputFileError, OutputError)):
                fail(str(error), EXIT_INPUT)
            if isinstance(error, EngineError):
                fail(str(error), EXIT_ENGINE)
            raise

    return wrapper  # type: ignore[return-value]


def emit(text: str, output: Path | None) -> None:
    """Write the result to `output` atomically, or to stdout."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    from icp_coach.storage.atomic import write_text_atomic

    write_text_atomic(output, text if text.endswith("\n") else text + "\n")
    click.echo(f"wrote {output}", err=True)


def emit_json(data: Any, output: Path | None) -> None:
    emit(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", output)


def output_option(function: F) -> F:
    return click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                        default=None, help="Write the result to this file (atomically).")(function)


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True,
                        help="Machine-readable JSON on stdout, nothing else there.")(function)


def engine_option(function: F) -> F:
    return click.option("--engine", type=click.Choice(["auto", "llm", "local", "offline"]),
                        default=None, help="Who thinks: an LLM endpoint, the local model, or offline rules.")(function)


def lang_option(function: F) -> F:
    return click.option("--lang", type=click.Choice(["en", "zh"]), default=None,
                        help="Language of the output (default: the document's).")(function)
