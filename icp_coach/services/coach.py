"""The coach: walks a user through the PMF check and the five ICP steps, one turn at a time.

This module holds the answer flow. An answer is committed first, then read (a patch, and the
edits it makes), applied, and rebuilt into its derived parts; the turn policy
(coach_policy.py) decides what to ask next, the command router (coach_commands.py) takes slash
commands, and the session controller (coach_session.py) keeps the state, commits and undo points.
Every turn is committed before any engine reads it, so a crash loses at most the reply in flight.
The coach emits UI-agnostic events (domain/events.py) that carry the panel's view.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from typing import Any

from icp_coach.domain.events import (
    CitationAdded,
    CoachError,
    CoachEvent,
    FindingRaised,
    ICPUpdated,
    ReplyDone,
    StepChanged,
)
from icp_coach.domain.icp import ICPDocument, PMFStatus
from icp_coach.domain.patch import ICPPatch
from icp_coach.domain.ports import EngineError
from icp_coach.domain.process import (
    LAST_STEP,
    is_step_done,
    merge_pmf,
    parse_pmf_answer,
    parse_review_answer,
    scope_patch,
    step,
)
from icp_coach.domain.validation import BROAD_INDUSTRY_WORDS
from icp_coach.services.coach_commands import CommandRouter
from icp_coach.services.coach_edits import (
    LIST_FIELDS,
    apply_answer_edit,
    field_named,
    read_edit,
    remove_named,
)
from icp_coach.services.coach_input import check_answer
from icp_coach.services.coach_items import (
    answer_to_question,
    clean_items,
    is_confirmation,
    reread_psychographics,
    with_turn_source,
)
from icp_coach.services.coach_ports import TurnRecord
from icp_coach.services.coach_rubric import rederive
from icp_coach.services.coach_session import STEP_FILES, Exporter, _join

__all__ = ["STEP_FILES", "Coach", "Exporter", "event_text"]


class Coach(CommandRouter):
    """One interview session. Use `start()` once, then `handle(text)` for each user turn."""

    async def start(self, *, resumed: bool = False) -> AsyncIterator[CoachEvent]:
        """Open (or reopen) the session: say where we are and ask the current step's question."""
        current = self.state.step
        yield StepChanged(current, step(current).title_in(self.language), self.view())
        opening = self._t("commands", "welcome_back" if resumed else "welcome",
                          step=current, title=step(current).title_in(self.language))
        if resumed and self.state.pending_answer:  # saved, then the process died: answer it now
            async for event in self._answer(self.state.pending_answer, lead=opening):
                yield event
            return
        guidance = opening + "\n\n" + self._question(current)
        # A welcome back is said, not stored: each resume would add another to the transcript.
        async for event in self._reply(guidance, query=self._step_text(current, "query"),
                                       store=not resumed):
            yield event

    async def handle(self, text: str) -> AsyncIterator[CoachEvent]:
        """One user turn: an answer, an in-chat command, or a step of the /assess flow."""
        problem = check_answer(text, max_chars=self.max_answer_chars)
        stripped = text.strip()
        if problem is not None and problem.code != "injection":
            yield CoachError(self._t("input", problem.code, length=f"{problem.length:,}",
                                     limit=f"{self.max_answer_chars:,}"),
                             self._t("input", f"{problem.code}.what_to_do"),
                             restore_input=text if problem.code == "too_long" else "",
                             kind="input")
            return
        if stripped.startswith("/"):
            async for event in self._command(stripped):
                yield event
            return
        if self.state.assess is not None:
            async for event in self._assess_turn(stripped):
                yield event
            return
        if problem is not None:  # instructions aimed at the coach: read as data, apply nothing
            self._commit([TurnRecord("user", stripped, self.state.step, "refused")])
            async for event in self._reply(self._t("input", "injection") + "\n\n"
                                           + self._question(self.state.step)):
                yield event
            return
        async for event in self._answer(stripped):
            yield event

    async def _confirm(self, text: str) -> AsyncIterator[CoachEvent]:
        """'yes', 'looks right', '对': the step is done when its criteria are met; else ask on."""
        state = self.state
        if state.pending_answer != text:  # saved first, like any answer; a resume confirms it
            state.pending_answer = text
            self._commit([TurnRecord("user", text, state.step)], reason="answer")
        state.pending_answer = ""
        number = state.step
        state.last_asked = ""
        if is_step_done(number, state.draft) and number < LAST_STEP:
            state.confirming = False
            async for event in self._goto(number + 1, self._step_text(number, "done")):
                yield event
            return
        if is_step_done(number, state.draft) and not state.completed:
            guidance = self._finish()
            self._commit([], icp_changed=True, reason="answer")
            yield ICPUpdated(state.draft, ["version"], self.view())
            async for event in self._reply(guidance, query=self._step_text(number, "query")):
                yield event
            return
        gap = self._next_gap(number)
        if gap is not None:
            state.asked[gap.key] = state.asked.get(gap.key, 0) + 1
            state.last_asked = gap.key
            guidance = self._step_text(number, f"follow_up {gap.key}")
        else:
            guidance = self._t("commands", "stuck", step=number)
        self._commit([])
        async for event in self._reply(guidance, query=self._step_text(number, "query")):
            yield event

    async def _answer(self, text: str, lead: str = "") -> AsyncIterator[CoachEvent]:
        state = self.state
        if is_confirmation(text):
            async for event in self._confirm(text):
                yield event
            return
        if state.pending_answer != text:  # a retry of the saved answer is not a second turn
            state.pending_answer = text
            self._commit([TurnRecord("user", text, state.step)], reason="answer")
        try:
            extraction = await asyncio.to_thread(
                self.extractor.extract_patch, text, step=state.step, draft=state.draft,
                language=self.language)
        except EngineError as error:
            yield CoachError(self._t("input", "engine_error", error=str(error)),
                             error.what_to_do or self._t("input", "engine_error.what_to_do"),
                             restore_input=text, kind="engine")
            return
        edit = read_edit(text)
        if edit.removals:
            edit.removals += await self._canonical_removals(edit.removals, text, extraction.patch)
        patch = self._complete_patch(extraction.patch, text, edit.is_edit)
        if not edit.is_edit:
            patch = answer_to_question(patch, text, state.last_asked or self._open_required_gap())
        elif state.last_asked and state.asked.get(state.last_asked):
            state.asked[state.last_asked] -= 1  # an edit did not answer it: it may be asked again
        before = state.draft
        draft = _drop_broad_industries(before, patch)
        draft, changed, edits = apply_answer_edit(draft, patch, edit)
        if changed:
            draft, derived = rederive(before, draft, self._summarise)
            changed = sorted({*changed, *derived})
        if state.step == 5:
            review = parse_review_answer(text, draft.review, self.today())
            if review != draft.review:
                draft = draft.model_copy(update={"review": review})
                changed = sorted({*changed, "review"})
        if draft.engine != extraction.engine:
            draft = draft.model_copy(update={"engine": extraction.engine})
        if changed:
            self._remember(before)
            state.draft = draft
        self._release_unanswered(state.last_asked, changed)
        findings = self.findings()
        guidance, query, move_to = self._decide(text, patch, changed, findings, bool(edits))
        if edits:
            guidance = _join(self._edit_line(edits), guidance)
        events: list[CoachEvent] = []
        if move_to is not None:
            entered = self._enter_step(move_to)
            changed = sorted({*changed, *entered})
            events.append(StepChanged(move_to, step(move_to).title_in(self.language), self.view()))
            guidance += "\n\n" + self._question(move_to)
        if (move_to is None and state.step == LAST_STEP and not state.completed
                and is_step_done(LAST_STEP, state.draft)):  # an answer given at step 5
            guidance = self._finish()
            changed = sorted({*changed, "version"})
        state.pending_answer = ""
        self._commit([], icp_changed=bool(changed), reason="answer")
        if changed:
            yield ICPUpdated(state.draft, changed, self.view())
        for finding in self._new_findings():
            yield FindingRaised(finding)
        for event in events:
            yield event
        async for event in self._reply(_join(lead, guidance), query=query, answer=text):
            yield event

    async def _canonical_removals(self, removals: list[str], text: str,
                                  patch: ICPPatch) -> list[str]:
        """What a removal names in the draft's own words: '去掉电商' names the industry the
        draft holds as 'ecommerce'. Only phrases that match nothing as said are read again; when
        the removal is (most of) the answer, the answer's own reading says it, with no new call;
        a Chinese phrase for a value held in English (canonical) words is read on its own."""
        found: list[str] = []
        said = len(re.sub(r"\W", "", text))
        for wanted in removals:
            if field_named(wanted) or remove_named(self.state.draft, wanted)[1] is not None:
                continue
            if len(re.sub(r"\W", "", wanted)) * 2 >= said:
                reading = patch
            elif not re.search(r"[\u4e00-\u9fff]", wanted):
                continue  # said in Latin letters, a value is held in those words or not at all
            else:
                try:
                    reading = (await asyncio.to_thread(
                        self.extractor.extract_patch, wanted, step=max(self.state.step, 1),
                        draft=self.state.draft, language=self.language)).patch
                except EngineError:
                    continue
            for name in LIST_FIELDS:
                found += getattr(reading, name)
        return found

    def _complete_patch(self, patch: ICPPatch, text: str, is_edit: bool = False) -> ICPPatch:
        """Keep what this step may change (a correction may change any field it names), as clean
        separate items citing the turn they came from; code parses the PMF numbers in step 0."""
        patch = scope_patch(self.state.step, patch) if not is_edit or self.state.step == 0 else (
            patch.model_copy(update={"pmf": None}))
        patch = with_turn_source(clean_items(patch), f"interview turn {self.state.turn_count}")
        if self.state.step == 2:
            patch = reread_psychographics(patch)
        if self.state.step != 0:
            return patch
        pmf = merge_pmf(self.state.draft.pmf, patch.pmf)
        pmf = merge_pmf(pmf, parse_pmf_answer(text, PMFStatus()))
        if pmf == self.state.draft.pmf:
            return patch.model_copy(update={"pmf": None})
        return patch.model_copy(update={"pmf": pmf})


def _drop_broad_industries(doc: ICPDocument, patch: ICPPatch) -> ICPDocument:
    """When a narrower answer follows 'all industries', the narrow one replaces it."""
    specific = [i for i in patch.industries if i.strip().lower() not in BROAD_INDUSTRY_WORDS]
    kept = [i for i in doc.firmographics.industries if i.strip().lower() not in BROAD_INDUSTRY_WORDS]
    if not specific or kept == doc.firmographics.industries:
        return doc
    firmo = doc.firmographics.model_copy(update={"industries": kept})
    return doc.model_copy(update={"firmographics": firmo})


def event_text(event: Any) -> str:
    """A one-line rendering of an event, for transcripts and logs."""
    if isinstance(event, ReplyDone):
        return event.text
    if isinstance(event, CoachError):
        return f"! {event.message} {event.what_to_do}".strip()
    if isinstance(event, StepChanged):
        return f"== step {event.step}: {event.title} =="
    if isinstance(event, FindingRaised):
        return f"[{event.finding.severity}] {event.finding.path}: {event.finding.message}"
    if isinstance(event, CitationAdded):
        return f"[{event.number}] {event.passage.citation()}"
    if isinstance(event, ICPUpdated):
        return "ICP updated: " + ", ".join(event.changed_paths)
    return ""
