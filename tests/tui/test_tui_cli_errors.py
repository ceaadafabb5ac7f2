"""`handles_errors` on `chat`: no domain import until something fails, then the right exit code."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from icp_coach.cli.common import handles_errors
from icp_coach.domain.ports import EngineError
from icp_coach.storage.icp_files import InputFileError


def test_chat_imports_no_domain_or_storage_before_it_runs() -> None:
    code = ("import sys, icp_coach.cli.chat; "
            "print(sorted(m for m in sys.modules if m.startswith(('icp_coach.domain', "
            "'icp_coach.storage', 'pydantic', 'textual'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"


def command_raising(error: BaseException) -> click.Command:
    @click.command()
    @handles_errors
    def command() -> None:
        raise error

    return command


@pytest.mark.parametrize(("error", "code", "shown"), [
    (InputFileError("answers.yaml: line 3: steps: expected a mapping"), 1, "answers.yaml: line 3"),
    (EngineError("http://127.0.0.1:9/v1 refused the connection"), 3, "refused the connection"),
])
def test_known_errors_get_their_message_and_exit_code(error: Exception, code: int,
                                                      shown: str) -> None:
    result = CliRunner().invoke(command_raising(error))
    assert result.exit_code == code
    assert shown in result.output and "Traceback" not in result.output


def test_unknown_errors_and_usage_errors_pass_through_unchanged() -> None:
    result = CliRunner().invoke(command_raising(RuntimeError("a bug")))
    assert isinstance(result.exception, RuntimeError)
    result = CliRunner().invoke(command_raising(click.UsageError("bad option")))
    assert result.exit_code == 2 and "bad option" in result.output
