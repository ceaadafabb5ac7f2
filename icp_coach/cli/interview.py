"""`icp-coach interview --answers ANSWERS.yaml`: the five-step coach without a UI.

Each step's answers are fed in order as the user's turns; when they run out the run moves on.
The transcript goes to stderr (or --log FILE); the result is the final ICP with its findings and
the passages cited. The session is saved turn by turn, so `--resume ID` continues a killed run.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import click

from icp_coach.cli.common import (
    EXIT_ENGINE,
    EXIT_INPUT,
    emit,
    emit_json,
    engine_option,
    fail,
    handles_errors,
    json_option,
    output_option,
)
from icp_coach.domain.language import LANGUAGES, Language, as_language

STEP_NUMBERS = range(0, 6)


@dataclass
class AnswersFile:
    language: Language
    company: str
    steps: dict[int, list[str]] = field(default_factory=dict)


def _line_of(node: Any, *keys: object) -> int:
    """The 1-based line of the YAML node at `keys` (as far as it exists)."""
    import yaml

    current = node
    for key in keys:
        found = None
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                if str(key_node.value) == str(key):
                    found = value_node
                    break
        elif isinstance(current, yaml.SequenceNode) and isinstance(key, int):
            if 0 <= key < len(current.value):
                found = current.value[key]
        if found is None:
            break
        current = found
    return int(current.start_mark.line) + 1 if current is not None else 1


def load_answers(path: Path) -> AnswersFile:
    """Read and check an answers file; errors name the file, line and field and say what to do."""
    import yaml

    from icp_coach.storage.icp_files import InputFileError, read_text_file

    text = read_text_file(path)
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark is not None else "somewhere"
        raise InputFileError(f"{path}, {line}: not valid YAML ({getattr(error, 'problem', error)})."
                             " Check indentation and quotes.") from error
    except RecursionError:
        raise InputFileError(f"{path}: nested too deeply to be an answers file; see examples/ for "
                             "the shape (language, company, steps)") from None

    def bad(field_path: tuple[object, ...], message: str) -> InputFileError:
        line = _line_of(root, *field_path)
        name = ".".join(str(part) for part in field_path) or "(top)"
        return InputFileError(f"{path}, line {line}, field {name}: {message}")

    if not isinstance(data, dict):
        raise bad((), "expected a mapping with language, company and steps (see examples/).")
    code = str(data.get("language") or "en")
    if code not in LANGUAGES:
        raise bad(("language",), f"'{code}' is not supported; use en or zh.")
    language = as_language(code)
    company = data.get("company")
    if not isinstance(company, str | int) or not str(company).strip():
        raise bad(("company",), "give the company's name, for example `company: Tally Billing`.")
    steps_data = data.get("steps")
    if not isinstance(steps_data, dict) or not steps_data:
        raise bad(("steps",), "expected a mapping from step numbers 0-5 to lists of answers.")
    steps: dict[int, list[str]] = {}
    for key, answers in steps_data.items():
        try:
            number = int(key)
        except (TypeError, ValueError):
            number = -1
        if number not in STEP_NUMBERS:
            raise bad(("steps", key), f"'{key}' is not a step; use numbers 0 to 5.")
        if isinstance(answers, str):
            answers = [answers]
        if answers is None:
            answers = []
        if not isinstance(answers, list):
            raise bad(("steps", key), "expected a list of answers, one per turn.")
        for position, answer in enumerate(answers):
            if not isinstance(answer, str | int | float):
                raise bad(("steps", key, position), "each answer must be text.")
        steps[number] = [str(answer) for answer in answers]
    return AnswersFile(language=language, company=str(company).strip(), steps=steps)


class Transcript:
    """The run as a person would read it: coach replies, user turns, steps, findings, errors."""

    def __init__(self, stream: TextIO, secrets: tuple[str, ...] = ()) -> None:
        self.stream = stream
        self.secrets = tuple(secret for secret in secrets if len(secret) >= 8)

    def write(self, text: str) -> None:
        for secret in self.secrets:  # a pasted API key never reaches the log
            text = text.replace(secret, "[redacted]")
        self.stream.write(text.rstrip() + "\n")
        self.stream.flush()

    def event(self, event: Any) -> None:
        from icp_coach.domain.events import ReplyToken
        from icp_coach.services.coach import event_text

        if isinstance(event, ReplyToken):
            return
        text = event_text(event)
        if text:
            self.write(("coach: " + text) if type(event).__name__ == "ReplyDone" else text)


class EngineFailed(Exception):
    def __init__(self, error: Any) -> None:
        super().__init__(error.message)
        self.error = error


async def _drive(coach: Any, events: Any, transcript: Transcript) -> list[Any]:
    from icp_coach.domain.events import CoachError

    seen = []
    async for event in events:
        transcript.event(event)
        seen.append(event)
        if isinstance(event, CoachError) and event.kind == "engine" and event.restore_input:
            raise EngineFailed(event)
    return seen


def answered_per_step(turns: list[Any]) -> dict[int, int]:
    """How many of each step's answers a saved session already took (for --resume)."""
    counts: dict[int, int] = {}
    for turn in turns:
        # every user turn came from the file, except the /next the run sends between steps
        if turn.speaker == "user" and not (turn.kind == "command" and turn.text == "/next"):
            counts[turn.step] = counts.get(turn.step, 0) + 1
    return counts


async def run_interview(coach: Any, answers: AnswersFile, transcript: Transcript, *,
                        already: dict[int, int], resumed: bool, pause: float = 0.0) -> None:
    await _drive(coach, coach.start(resumed=resumed), transcript)
    for number in STEP_NUMBERS:
        if coach.step > number:
            continue
        while coach.step < number:
            transcript.write("you: /next")
            await _drive(coach, coach.handle("/next"), transcript)
        for answer in answers.steps.get(number, [])[already.get(number, 0):]:
            if pause:
                await asyncio.sleep(pause)
            transcript.write(f"you: {answer}")
            await _drive(coach, coach.handle(answer), transcript)


def result_payload(coach: Any, engine_reason: str = "") -> dict[str, Any]:
    return {
        "session_id": coach.session_id,
        "completed": coach.state.completed,
        "step": coach.step,
        "engine": coach.state.engine,
        "engine_reason": engine_reason,
        "icp": coach.draft.model_dump(mode="json"),
        "findings": [finding.model_dump() for finding in coach.findings()],
        "citations": [{"number": n, "id": p.id, "title": p.title, "source": p.citation()}
                      for n, p in enumerate(coach.state.citations, start=1)],
    }


@click.command()
@click.option("--answers", "answers_path", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="YAML file: language, company, and answers per step 0-5.")
@engine_option
@json_option
@output_option
@click.option("--log", "log_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the transcript to this file instead of stderr.")
@click.option("--resume", "resume_id", default=None, metavar="ID",
              help="Continue a saved session; answers it already took are skipped.")
@click.option("--pause", type=click.FloatRange(min=0), default=0.0, show_default=True,
              help="Seconds to wait before each answer (to watch a run).")
@click.option("--no-knowledge", is_flag=True,
              help="Skip the knowledge base: no retrieved tips or citations (no index needed).")
@handles_errors
def interview(answers_path: Path, engine: str | None, as_json: bool, output: Path | None,
              log_path: Path | None, resume_id: str | None, pause: float,
              no_knowledge: bool) -> None:
    """Run the five-step interview headless from ANSWERS.yaml.

    The transcript goes to stderr (or --log FILE). The result is the final ICP: with --json, an
    object with session_id, completed, icp, findings and citations; otherwise the ICP as
    Markdown. -o writes the ICP document itself (JSON), ready for `icp-coach validate`/`score`.
    """
    import sys

    from icp_coach.bootstrap import make_app
    from icp_coach.settings import load_settings
    from icp_coach.storage.icp_files import icp_to_json

    answers = load_answers(answers_path)
    app = make_app(load_settings(engine=engine))
    choice = app.announce_engine()
    log_stream: TextIO = sys.stderr
    if log_path is not None:
        try:
            log_stream = log_path.open("a", encoding="utf-8")
        except OSError as error:
            fail(f"cannot write the log {log_path}: {error.strerror or error}", EXIT_INPUT)
    key = app.settings.api_key.get_secret_value() if app.settings.api_key else ""
    transcript = Transcript(log_stream, secrets=(key,))
    started = time.perf_counter()
    try:
        coach = app.start_coach(resume_id, company=answers.company, language=answers.language,
                                auto_advance=False, with_knowledge=not no_knowledge)
        already = answered_per_step(app.session_store.turns(coach.session_id)) if resume_id else {}
        click.echo(f"session {coach.session_id}", err=True)
        try:
            asyncio.run(run_interview(coach, answers, transcript, already=already,
                                      resumed=resume_id is not None, pause=pause))
        except EngineFailed as failure:
            fail(f"{failure.error.message} {failure.error.what_to_do} The session is saved: "
                 f"continue with `icp-coach interview --answers {answers_path} --resume "
                 f"{coach.session_id}`.", EXIT_ENGINE)
        transcript.write(f"-- finished in {time.perf_counter() - started:.1f} s, "
                         f"session {coach.session_id}")
    finally:
        if log_stream is not sys.stderr:
            log_stream.close()
        app.close()
    if output is not None:
        emit(icp_to_json(coach.draft), output)
    if as_json:
        emit_json(result_payload(coach, choice.reason), None)
    elif output is None:
        emit(coach.export_text("md"), None)
