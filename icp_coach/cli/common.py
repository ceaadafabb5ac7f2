"""What every command shares: output to stdout or a file, and the one mapping of errors to the
exit codes the README documents (1 input, 2 usage or settings, 3 engine or endpoint)."""

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
EXIT_BUG = 4
EXIT_INTERRUPTED = 130


F = TypeVar("F", bound=Callable[..., Any])

# The one mapping of errors to exit codes. Classes are named, not imported: importing them pulls
# in the ICP domain, which a command that starts fast (`chat`) must not pay for up front. A class
# matches its subclasses too (StructuredOutputError is an EngineError).
EXIT_CODES: dict[str, int] = {
    "icp_coach.storage.icp_files.InputFileError": EXIT_INPUT,
    "icp_coach.storage.atomic.OutputError": EXIT_INPUT,
    "icp_coach.analysis.errors.TableInputError": EXIT_INPUT,
    "icp_coach.transcripts.errors.TranscriptError": EXIT_INPUT,
    "icp_coach.notes_files.errors.NotesFileError": EXIT_INPUT,
    "icp_coach.services.extract_notes.EmptyNotesError": EXIT_INPUT,
    "icp_coach.kb.documents.DocumentError": EXIT_INPUT,
    "icp_coach.storage.sessions.SessionNotFound": EXIT_INPUT,
    "icp_coach.storage.sessions.SessionStoreError": EXIT_INPUT,
    "icp_coach.engines.llm.model_store.ModelStoreError": EXIT_INPUT,
    "icp_coach.settings.SettingsError": EXIT_USAGE,
    "icp_coach.domain.ports.EngineError": EXIT_ENGINE,
    "icp_coach.kb.store.IndexUnavailableError": EXIT_ENGINE,
}


def exit_code_for(error: BaseException) -> int | None:
    """The documented exit code of a known error, None for one nobody expected (a bug)."""
    for klass in type(error).__mro__:
        code = EXIT_CODES.get(f"{klass.__module__}.{klass.__qualname__}")
        if code is not None:
            return code
    if isinstance(error, OSError) and error.filename is not None:
        return EXIT_INPUT  # a file the user named cannot be read or written
    return None


def error_message(error: BaseException) -> str:
    """One line (or a short block) a person can act on. OS errors name the file and what to do."""
    from icp_coach.text.display import terminal_safe

    if isinstance(error, OSError) and error.filename is not None:
        reason = error.strerror or type(error).__name__
        hint = {
            PermissionError: "check the permissions of the file and its folder, or choose another path",
            FileNotFoundError: "check the path",
            IsADirectoryError: "give a file, not a folder",
        }.get(type(error), "check the path and the disk")
        return terminal_safe(f"{error.filename}: {reason}; {hint}")
    text = str(error.args[0]) if isinstance(error, LookupError) and error.args else str(error)
    return terminal_safe(text or type(error).__name__)


def fail(message: str, code: int = EXIT_INPUT) -> None:
    """Print an error to stderr and exit; stdout stays clean for results."""
    from icp_coach.text.display import terminal_safe

    click.echo(f"error: {terminal_safe(message)}", err=True)
    sys.exit(code)


def handles_errors(function: F) -> F:
    """Turn known errors into a message on stderr and their exit code (`EXIT_CODES`). Anything
    else passes through to the last-resort handler of the command group (`report_bug`)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except KeyboardInterrupt:
            fail("interrupted", EXIT_INTERRUPTED)
        except click.ClickException:
            raise
        except Exception as error:
            code = exit_code_for(error)
            if code is None:
                raise
            fail(error_message(error), code)

    return wrapper  # type: ignore[return-value]


def report_bug(error: BaseException, *, debug: bool) -> None:
    """The last resort: an error nobody expected. No traceback unless --debug; say how to report."""
    code = exit_code_for(error)
    if code is not None:
        fail(error_message(error), code)
    if debug:
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    details = "the traceback above" if debug else "the output of the same command run with --debug"
    fail(f"internal error ({type(error).__name__}: {error_message(error)[:300]}). This is a bug in "
         f"icp-coach, not in your input: please report it on the project's issue tracker with the "
         f"command, `icp-coach --version`, {details} (it never holds your API key) and, if you "
         "can, the file that triggered it.", EXIT_BUG)


def emit(text: str, output: Path | None, *, data: bool = False) -> None:
    """Write the result to `output` atomically, or to stdout. On stdout a report's control
    characters and escape sequences (from a transcript, a CRM cell) are stripped so that they
    cannot act on the terminal; `data` output (CSV, JSON) is kept as it is unless stdout is a
    terminal."""
    if output is None:
        from icp_coach.text.display import terminal_safe

        if not data or sys.stdout.isatty():
            text = terminal_safe(text)
        click.echo(text, nl=not text.endswith("\n"))
        return
    from icp_coach.storage.atomic import write_text_atomic

    write_text_atomic(output, text if text.endswith("\n") else text + "\n")
    click.echo(f"wrote {output}", err=True)


def emit_json(data: Any, output: Path | None) -> None:
    emit(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", output, data=True)


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
