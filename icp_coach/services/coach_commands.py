"""The command router: in-chat slash commands (/next, /back, /step, /undo, /set, /remove, /show,
/sources, /export, /lang, /assess, /cancel, /help) and the /assess flow.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from icp_coach.domain.diff import diff_icp
from icp_coach.domain.events import (
    CoachError,
    CoachEvent,
    FindingRaised,
    ICPUpdated,
    StepChanged,
)
from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.language import as_language
from icp_coach.domain.process import (
    LAST_STEP,
    step,
    step_gaps,
)
from icp_coach.services.coach_assess import AssessStep, advance_assessment, start_assessment
from icp_coach.services.coach_edits import (
    FIELD_NAMES,
    Change,
    EditError,
    field_named,
    path_of,
    remove_named,
    set_field,
)
from icp_coach.services.coach_policy import TurnPolicy
from icp_coach.services.coach_ports import TurnRecord
from icp_coach.services.coach_session import _join
from icp_coach.services.coach_summary import (
    describe_diff,
    field_label,
)


class CommandRouter(TurnPolicy):
    """Routes a '/command argument' line to its handler."""

    async def _command(self, line: str) -> AsyncIterator[CoachEvent]:
        name, _, argument = line[1:].partition(" ")
        name, argument = name.lower(), argument.strip()
        handlers: dict[str, Callable[[str], AsyncIterator[CoachEvent]]] = {
            "help": self._cmd_help, "next": self._cmd_next, "back": self._cmd_back,
            "step": self._cmd_step, "undo": self._cmd_undo, "show": self._cmd_show,
            "sources": self._cmd_sources, "export": self._cmd_export, "lang": self._cmd_lang,
            "assess": self._cmd_assess, "cancel": self._cmd_cancel, "set": self._cmd_set,
            "remove": self._cmd_remove,
        }
        handler = handlers.get(name)
        if handler is None:
            yield CoachError(self._t("commands", "unknown", command=line.split()[0]),
                             self._t("commands", "unknown.what_to_do"), restore_input=line,
                             kind="command")
            return
        self._commit([TurnRecord("user", line, self.state.step, "command")])
        async for event in handler(argument):
            yield event

    async def _exact_edit(self, draft: ICPDocument, change: Change | None,
                          value: str) -> AsyncIterator[CoachEvent]:
        if change is None:
            async for event in self._say(self._t("commands", "edit_none", value=f"“{value}”")):
                yield event
            return
        self._remember(self.state.draft)
        self.state.draft = self._rederive(draft)
        self._commit([], icp_changed=True, reason="edit")
        yield ICPUpdated(self.state.draft, [path_of(change.target)], self.view())
        for finding in self._new_findings():
            yield FindingRaised(finding)
        async for event in self._say(self._edit_line([change])):
            yield event

    def _field_or_error(self, words: str, usage: str) -> str | CoachError:
        name = field_named(words) if words else None
        if name is None:
            return CoachError(self._t("commands", "unknown_field", value=words or "?",
                                      fields=", ".join(FIELD_NAMES)),
                              self._t("commands", usage), kind="command")
        return name

    async def _cmd_set(self, argument: str) -> AsyncIterator[CoachEvent]:
        words, _, value = argument.partition(" ")
        name = self._field_or_error(words, "set_usage")
        if isinstance(name, CoachError) or not value.strip():
            yield name if isinstance(name, CoachError) else CoachError(
                self._t("commands", "set_usage"), kind="command")
            return
        try:
            draft, change = set_field(self.state.draft, name, value)
        except (EditError, ValueError) as error:
            yield CoachError(str(error).splitlines()[0], self._t("commands", "set_usage"),
                             kind="command")
            return
        async for event in self._exact_edit(draft, change, value):
            yield event

    async def _cmd_remove(self, argument: str) -> AsyncIterator[CoachEvent]:
        words, _, value = argument.partition(" ")
        name = self._field_or_error(words, "remove_usage")
        if isinstance(name, CoachError):
            yield name
            return
        from icp_coach.services.coach_edits import clear_field

        draft, change = (remove_named(self.state.draft, value.strip(), only=name) if value.strip()
                         else clear_field(self.state.draft, name))
        async for event in self._exact_edit(draft, change, value.strip() or words):
            yield event

    async def _cmd_help(self, _: str) -> AsyncIterator[CoachEvent]:
        async for event in self._say(self._t("commands", "help")):
            yield event

    async def _goto(self, number: int, note: str = "") -> AsyncIterator[CoachEvent]:
        entered = self._enter_step(number)
        self._commit([], icp_changed=bool(entered), reason=f"step {number}")
        if entered:
            yield ICPUpdated(self.state.draft, entered, self.view())
        yield StepChanged(number, step(number).title_in(self.language), self.view())
        async for event in self._reply(_join(note, self._question(number)),
                                       query=self._step_text(number, "query")):
            yield event

    async def _cmd_next(self, _: str) -> AsyncIterator[CoachEvent]:
        current = self.state.step
        if current >= LAST_STEP:
            async for event in self._say(self._t("commands", "at_last")):
                yield event
            return
        missing = [field_label(gap.key, self.language)
                   for gap in step_gaps(current, self.state.draft) if gap.required]
        separator = "、" if self.language == "zh" else ", "
        note = (self._t("commands", "next_incomplete", missing=separator.join(missing))
                if missing else "")
        async for event in self._goto(current + 1, note):
            yield event

    async def _cmd_back(self, _: str) -> AsyncIterator[CoachEvent]:
        if self.state.step == 0:
            async for event in self._say(self._t("commands", "at_first")):
                yield event
            return
        async for event in self._goto(self.state.step - 1):
            yield event

    async def _cmd_step(self, argument: str) -> AsyncIterator[CoachEvent]:
        if not argument.isdigit() or not 0 <= int(argument) <= LAST_STEP:
            yield CoachError(self._t("commands", "bad_step", value=argument or "?"),
                             self._t("commands", "bad_step.what_to_do"), kind="command")
            return
        async for event in self._goto(int(argument)):
            yield event

    async def _cmd_undo(self, _: str) -> AsyncIterator[CoachEvent]:
        state = self.state
        if not state.undo_stack:
            async for event in self._say(self._t("commands", "undo_none")):
                yield event
            return
        previous = state.undo_stack[-1]
        changes = diff_icp(state.draft, previous)  # what undoing does: '-' for what goes away
        state.undo_stack = state.undo_stack[:-1]
        state.draft = previous
        self._commit([], icp_changed=True, reason="undo")
        yield ICPUpdated(state.draft, sorted({c.path.split("[")[0] for c in changes}), self.view())
        diff = describe_diff(changes, self.language, new=previous)
        async for event in self._say(self._t("commands", "undo_done", diff=diff)):
            yield event

    async def _cmd_show(self, _: str) -> AsyncIterator[CoachEvent]:
        from icp_coach.services.export import render_markdown

        text = render_markdown(self.state.draft, self.language, self.findings())
        async for event in self._say(text):
            yield event

    async def _cmd_sources(self, _: str) -> AsyncIterator[CoachEvent]:
        if not self.state.citations:
            text = self._t("commands", "sources_none")
        else:
            lines = [f"[{n}] {p.title} — {p.citation()}"
                     for n, p in enumerate(self.state.citations, start=1)]
            text = self._t("commands", "sources") + "\n" + "\n".join(lines)
        async for event in self._say(text):
            yield event

    def export_text(self, fmt: str) -> str:
        """The draft as Markdown (with findings) or as JSON."""
        if fmt == "json":
            return self.state.draft.model_dump_json(indent=2) + "\n"
        from icp_coach.services.export import render_markdown

        return render_markdown(self.state.draft, self.language, self.findings())

    async def _cmd_export(self, argument: str) -> AsyncIterator[CoachEvent]:
        fmt = (argument or "md").lower()
        if fmt not in ("md", "json"):
            yield CoachError(self._t("commands", "bad_export", value=fmt),
                             self._t("commands", "bad_export.what_to_do"), kind="command")
            return
        text = self.export_text(fmt)
        if self.exporter is None:
            async for event in self._say(text):
                yield event
            return
        try:
            where = self.exporter(text, fmt, self.session_id)
        except Exception as error:  # noqa: BLE001 - report any write failure, keep the session
            yield CoachError(self._t("commands", "export_failed", error=str(error)),
                             self._t("commands", "export_failed.what_to_do"), kind="command")
            return
        async for event in self._say(self._t("commands", "exported", path=where, format=fmt)):
            yield event

    async def _cmd_lang(self, argument: str) -> AsyncIterator[CoachEvent]:
        if argument not in ("en", "zh"):
            yield CoachError(self._t("commands", "bad_lang", value=argument or "?"),
                             self._t("commands", "bad_lang.what_to_do"), kind="command")
            return
        self.state.language = as_language(argument)
        self.state.draft = self.state.draft.model_copy(update={"language": self.state.language})
        self._commit([], icp_changed=True, reason="language")
        yield StepChanged(self.state.step, step(self.state.step).title_in(self.language), self.view())
        async for event in self._say(self._t("commands", "lang_set") + "\n\n"
                                     + self._question(self.state.step)):
            yield event

    async def _cmd_cancel(self, _: str) -> AsyncIterator[CoachEvent]:
        if self.state.assess is None:
            text = self._t("commands", "nothing_to_cancel")
        else:
            self.state.assess = None
            self._commit([])
            text = self._t("assess", "cancelled")
        async for event in self._say(text):
            yield event

    async def _cmd_assess(self, argument: str) -> AsyncIterator[CoachEvent]:
        flow, prompt = start_assessment(argument, lambda section, **v: self._t("assess", section, **v))
        self.state.assess = flow
        self._commit([])
        async for event in self._say(prompt):
            yield event

    async def _assess_turn(self, text: str) -> AsyncIterator[CoachEvent]:
        state = self.state
        assert state.assess is not None
        outcome: AssessStep = advance_assessment(
            state.assess, text, lambda section, **v: self._t("assess", section, **v), self.today())
        state.assess = outcome.flow
        events: list[CoachEvent] = []
        changed = False
        if outcome.assessment is not None:
            self._remember(state.draft)
            state.draft = state.draft.model_copy(
                update={"assessments": [*state.draft.assessments, outcome.assessment]})
            changed = True
            events.append(ICPUpdated(state.draft, ["assessments"], self.view()))
        self._commit([TurnRecord("user", text, state.step, "answer")], icp_changed=changed,
                     reason="assessment")
        for event in events:
            yield event
        if outcome.assessment is not None:
            async for event in self._reply(outcome.message, query=self._t("assess", "query"),
                                           answer=outcome.assessment.account):
                yield event
            return
        async for event in self._say(outcome.message):
            yield event
