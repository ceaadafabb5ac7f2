"""The coach: walks a user through the PMF check and the five ICP steps, one turn at a time.

Each answer: extract a patch, apply it, validate, decide what to ask next (a follow-up on a gap,
a push-back on something too broad, or the next step), retrieve passages that fit, and reply
citing them. Every turn and every ICP change is committed before the reply starts, so a crash
loses at most the reply in flight. The coach emits UI-agnostic events (domain/events.py).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

from icp_coach.domain.diff import diff_icp
from icp_coach.domain.events import (
    CitationAdded,
    CoachError,
    CoachEvent,
    DraftView,
    FindingRaised,
    ICPUpdated,
    ReplyDone,
    ReplyToken,
    StepChanged,
)
from icp_coach.domain.icp import ICPDocument, PMFStatus
from icp_coach.domain.knowledge import Passage, SearchFilters
from icp_coach.domain.language import Language, as_language
from icp_coach.domain.patch import ICPPatch, apply_patch
from icp_coach.domain.persona import Persona
from icp_coach.domain.ports import (
    ChatMessage,
    EngineError,
    ICPExtractor,
    KnowledgeSearch,
    ReplyRequest,
    ReplyWriter,
)
from icp_coach.domain.process import (
    LAST_STEP,
    UNDO_DEPTH,
    Gap,
    InterviewState,
    bump_version,
    is_step_done,
    merge_pmf,
    parse_pmf_answer,
    parse_review_answer,
    scope_patch,
    step,
    step_gaps,
)
from icp_coach.domain.validation import BROAD_INDUSTRY_WORDS, Finding, completeness, validate_icp
from icp_coach.services.coach_assess import AssessStep, advance_assessment, start_assessment
from icp_coach.services.coach_input import MAX_ANSWER_CHARS, check_answer
from icp_coach.services.coach_ports import SessionStore, TurnRecord
from icp_coach.services.coach_rubric import with_scoring_rules
from icp_coach.services.coach_summary import (
    cadence_label,
    compose_summary,
    describe_changes,
    describe_diff,
    field_label,
    group_changes,
)
from icp_coach.services.coach_texts import CoachTexts

STEP_FILES = ("step0_pmf", "step1_best_customers", "step2_common_traits", "step3_validate",
              "step4_document", "step5_iterate")
PUSHBACK_CODES = ("industries_all", "employees_too_wide", "too_many_regions", "range_inverted")
MAX_FOLLOW_UPS_PER_GAP = 2
MAX_PUSHBACKS_PER_CODE = 2  # then the user's answer stands: it is their ICP
PASSAGES_PER_REPLY = 2
_BROAD_TEXT = re.compile(
    r"\b(?:all|any|every)\s+(?:kinds? of\s+)?(?:industr(?:y|ies)|verticals?|sectors?|compan(?:y|ies)"
    r"|businesses)\b|\beveryone\b|各行各业|所有行业|全行业|任何行业|不限行业|行业不限|所有公司",
    re.IGNORECASE)

Exporter = Callable[[str, str, str], str]  # (text, format, session_id) -> where it was saved


class Coach:
    """One interview session. Use `start()` once, then `handle(text)` for each user turn."""

    def __init__(self, state: InterviewState, *, extractor: ICPExtractor, reply_writer: ReplyWriter,
                 knowledge: KnowledgeSearch | None, store: SessionStore, texts: CoachTexts,
                 exporter: Exporter | None = None, auto_advance: bool = True,
                 today: Callable[[], date] = date.today,
                 max_answer_chars: int = MAX_ANSWER_CHARS) -> None:
        self.state = state
        self.extractor = extractor
        self.reply_writer = reply_writer
        self.knowledge = knowledge
        self.store = store
        self.texts = texts
        self.exporter = exporter
        self.auto_advance = auto_advance
        self.today = today
        self.max_answer_chars = max_answer_chars
        self.conversation: list[ChatMessage] = []
        self.last_reply = ""
        self._validated: tuple[ICPDocument, str, list[Finding]] | None = None

    # --- what the UI reads ------------------------------------------------------------------
    @property
    def session_id(self) -> str:
        return self.state.session_id

    @property
    def step(self) -> int:
        return self.state.step

    @property
    def draft(self) -> ICPDocument:
        return self.state.draft

    @property
    def language(self) -> Language:
        return self.state.language

    def findings(self) -> list[Finding]:
        """The current draft's findings, validated once per change (the draft is replaced, never
        edited in place, so its identity marks a change)."""
        draft, language = self.state.draft, self.language
        cached = self._validated
        if cached is None or cached[0] is not draft or cached[1] != language:
            cached = (draft, language, validate_icp(draft, language))
            self._validated = cached
        return cached[2]

    def view(self) -> DraftView:
        """What the panel shows now: draft, findings, completeness, the step's state."""
        state = self.state
        return DraftView(
            document=state.draft, step=state.step,
            step_title=step(state.step).title_in(self.language), language=self.language,
            findings=list(self.findings()), completeness=completeness(state.draft),
            gaps=step_gaps(state.step, state.draft),
            done_steps=[n for n in range(LAST_STEP + 1) if is_step_done(n, state.draft)],
            completed=state.completed)

    def _t(self, name: str, section: str, **values: object) -> str:
        return self.texts.get(name, section, self.language, company=self.state.company, **values)

    def _step_text(self, number: int, section: str, **values: object) -> str:
        return self._t(STEP_FILES[number], section, step=number,
                       title=step(number).title_in(self.language), **values)

    # --- the conversation -------------------------------------------------------------------
    async def start(self, *, resumed: bool = False) -> AsyncIterator[CoachEvent]:
        """Open (or reopen) the session: say where we are and ask the current step's question."""
        current = self.state.step
        yield StepChanged(current, step(current).title_in(self.language), self.view())
        if resumed and self.state.pending_answer:  # saved, then the process died: answer it now
            async for event in self._answer(self.state.pending_answer):
                yield event
            return
        opening = self._t("commands", "welcome_back" if resumed else "welcome",
                          step=current, title=step(current).title_in(self.language))
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

    async def _answer(self, text: str) -> AsyncIterator[CoachEvent]:
        state = self.state
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
        patch = self._complete_patch(extraction.patch, text)
        before = state.draft
        draft = _drop_broad_industries(before, patch)
        draft, changed = apply_patch(draft, patch)
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
        findings = self.findings()
        guidance, query, move_to = self._decide(text, patch, changed, findings)
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
        async for event in self._reply(guidance, query=query, answer=text):
            yield event

    def _complete_patch(self, patch: ICPPatch, text: str) -> ICPPatch:
        """Keep what this step may change; code parses the PMF numbers itself in step 0."""
        patch = scope_patch(self.state.step, patch)
        if self.state.step != 0:
            return patch
        pmf = merge_pmf(self.state.draft.pmf, patch.pmf)
        pmf = merge_pmf(pmf, parse_pmf_answer(text, PMFStatus()))
        if pmf == self.state.draft.pmf:
            return patch.model_copy(update={"pmf": None})
        return patch.model_copy(update={"pmf": pmf})

    def _decide(self, text: str, patch: ICPPatch, changed: list[str],
                findings: list[Finding]) -> tuple[str, str, int | None]:
        """What to say next, the retrieval query for it, and the step to move to (if any)."""
        state = self.state
        number = state.step
        query = self._step_text(number, "query")
        pushbacks = self._pushbacks(text, findings)
        ack = self._step_text(number, "ack", changes=describe_changes(
            state.draft, [p for p in changed if p != "engine"], self.language)) if changed else ""
        if pushbacks:
            state.pushed_back.extend(code for code, _ in pushbacks)
            texts = [_join(self._t("pushbacks", code, finding=found)) for code, found in pushbacks]
            return _join(ack, *texts), self._t("pushbacks", f"{pushbacks[0][0]}.query"), None
        if is_step_done(number, state.draft):
            if number == 0:
                ack = _join(ack, self._pmf_verdict())
            if number < LAST_STEP and self.auto_advance:
                return _join(ack, self._step_text(number, "done")), query, number + 1
            if number < LAST_STEP:
                return _join(ack, self._step_text(number, "done"),
                             self._t("commands", "say_next")), query, None
            return _join(ack, self._step_text(number, "done")), query, None
        gap = self._next_gap(number)
        if gap is None:
            return _join(ack, self._t("commands", "stuck", step=number)), query, None
        state.asked[gap.key] = state.asked.get(gap.key, 0) + 1
        follow_up = self._step_text(number, f"follow_up {gap.key}")
        if patch.is_empty():
            return _join(self._t("vague", "vague"), follow_up), query, None
        return _join(ack, follow_up), query, None

    def _pushbacks(self, text: str, findings: list[Finding]) -> list[tuple[str, str]]:
        """Findings that deserve a push-back now (each once), broad words in the text too."""
        found: dict[str, str] = {}
        for finding in findings:
            if (finding.code in PUSHBACK_CODES
                    and self.state.pushed_back.count(finding.code) < MAX_PUSHBACKS_PER_CODE):
                found.setdefault(finding.code, finding.message)
        if (_BROAD_TEXT.search(text) and "industries_all" not in self.state.pushed_back
                and self.state.step in (1, 2)):
            found.setdefault("industries_all", "")
        order = {code: position for position, code in enumerate(PUSHBACK_CODES)}
        return sorted(found.items(), key=lambda item: order[item[0]])

    def _next_gap(self, number: int) -> Gap | None:
        open_gaps = [gap for gap in step_gaps(number, self.state.draft)
                     if self.state.asked.get(gap.key, 0) < MAX_FOLLOW_UPS_PER_GAP
                     and self.texts.has(STEP_FILES[number], f"follow_up {gap.key}", "en")]
        if not open_gaps:
            return None
        return min(open_gaps, key=lambda gap: (not gap.required, self.state.asked.get(gap.key, 0)))

    def _pmf_verdict(self) -> str:
        pmf = self.state.draft.pmf
        if pmf.reached is None:
            return ""
        return self._t("step0_pmf", "reached" if pmf.reached else "not_reached",
                       share="-" if pmf.referral_share is None else f"{pmf.referral_share:.0%}")

    def _question(self, number: int) -> str:
        segmentation = self.state.draft.pmf.segmentation or "firmographic"
        section = f"question {segmentation}"
        name = STEP_FILES[number]
        if not self.texts.has(name, section, "en"):
            section = "question"
        text = self._step_text(number, section)
        if number == 4:
            from icp_coach.services.export import render_markdown

            text = text + "\n\n" + render_markdown(self.state.draft, self.language)
        return text

    def _enter_step(self, number: int) -> list[str]:
        """Move to `number`; step 4 derives the scoring rubric and a summary when missing."""
        state = self.state
        state.step = number
        if number == LAST_STEP and state.completed and state.draft != state.baseline:
            state.completed = False  # changed since the last version: the next review re-versions
        if number != 4:
            return []
        before = state.draft
        draft, changed = with_scoring_rules(before)
        if not draft.summary:
            draft = draft.model_copy(update={"summary": compose_summary(draft, self.language)})
            changed = [*changed, "summary"]
        if changed:
            self._remember(before)
            state.draft = draft
        return changed

    def _finish(self) -> str:
        """Step 5 done: bump the version, diff against the last version, mark complete."""
        state = self.state
        new_version = bump_version(state.baseline.version)
        self._remember(state.draft)
        state.draft = state.draft.model_copy(update={"version": new_version, "updated": self.today()})
        changes = diff_icp(state.baseline, state.draft)
        state.baseline = state.draft.model_copy(deep=True)
        state.completed = True
        review = state.draft.review
        return self._step_text(
            5, "finished", version=new_version, cadence=cadence_label(review.cadence, self.language),
            next_review=review.next_review.isoformat() if review.next_review else "-",
            triggers="; ".join(review.triggers) or "-",
            diff=describe_diff(changes, self.language, new=state.draft),
            count=len(group_changes(changes)))

    # --- replies, citations, persistence ------------------------------------------------------
    def _retrieve(self, query: str, answer: str) -> list[Passage]:
        if self.knowledge is None:
            return []
        text = f"{query} {answer[:300]}".strip()
        try:
            found = self.knowledge.search(text, k=PASSAGES_PER_REPLY + 2,
                                          filters=SearchFilters(lang=self.language))
        except Exception:  # noqa: BLE001 - a broken index must not break the interview
            return []
        cited = {passage.id for passage in self.state.citations}
        fresh = [passage for passage in found if passage.id not in cited]
        return (fresh + [p for p in found if p.id in cited])[:PASSAGES_PER_REPLY]

    async def _reply(self, guidance: str, *, query: str = "", answer: str = "",
                     with_passages: bool = True, store: bool = True) -> AsyncIterator[CoachEvent]:
        passages = self._retrieve(query, answer) if with_passages and query else []
        for number, passage in enumerate(passages, start=1):
            if passage.id not in {p.id for p in self.state.citations}:
                self.state.citations.append(passage)
            yield CitationAdded(number, passage)
        request = ReplyRequest(step=self.state.step,
                               step_title=step(self.state.step).title_in(self.language),
                               language=self.language, conversation=list(self.conversation[-12:]),
                               passages=passages, draft=self.state.draft, guidance=guidance)
        pieces: list[str] = []
        try:
            async for token in self.reply_writer.stream_reply(request):
                pieces.append(token)
                yield ReplyToken(token)
        except EngineError as error:
            # The answer is already saved; show the scripted guidance so the user can go on.
            yield CoachError(self._t("input", "reply_failed", error=str(error)),
                             error.what_to_do or self._t("input", "engine_error.what_to_do"),
                             kind="engine")
            pieces = [guidance]
        text = "".join(pieces).strip() or guidance
        self.last_reply = text
        if store:
            self._commit([TurnRecord("coach", text, self.state.step, "reply")])
        else:
            self.conversation.append(ChatMessage("coach", text))
        yield ReplyDone(text, list(passages), self.view())

    async def _say(self, text: str) -> AsyncIterator[CoachEvent]:
        """A reply that needs no writer or retrieval (command output)."""
        yield ReplyToken(text)
        self.last_reply = text
        self._commit([TurnRecord("coach", text, self.state.step, "reply")])
        yield ReplyDone(text, [], self.view())

    def _commit(self, turns: list[TurnRecord], *, icp_changed: bool = False, reason: str = "") -> None:
        for turn in turns:
            self.conversation.append(ChatMessage(turn.speaker, turn.text))
        self.store.commit(self.state, turns, icp_changed=icp_changed, reason=reason)

    def _remember(self, draft: ICPDocument) -> None:
        self.state.undo_stack = [*self.state.undo_stack, draft][-UNDO_DEPTH:]

    def _new_findings(self) -> list[Finding]:
        fresh = []
        current = self.findings()
        seen = set(self.state.raised)
        for finding in current:
            key = f"{finding.code}@{finding.path}"
            if key not in seen and finding.severity in ("error", "warning"):
                fresh.append(finding)
        self.state.raised = [f"{f.code}@{f.path}" for f in current]
        return fresh

    # --- changes the UI makes directly ----------------------------------------------------------
    def set_personas(self, personas: list[Persona]) -> ICPUpdated:
        """Store the buyer personas the user reviewed in the draft, committed like any ICP change
        (it survives a crash, and /undo brings back the previous draft). Evidence levels are
        recounted from each persona's own evidence, so an edit cannot promote a hypothesis."""
        state = self.state
        counted = [persona.with_evidence_level() for persona in personas]
        if counted == state.draft.personas:
            return ICPUpdated(state.draft, [], self.view())
        self._remember(state.draft)
        state.draft = state.draft.model_copy(update={"personas": counted})
        self.store.commit(state, [], icp_changed=True, reason="personas")
        return ICPUpdated(state.draft, ["personas"], self.view())

    def rename(self, name: str) -> None:
        """A new company name for this session and its draft (committed; not an ICP version)."""
        name = " ".join(name.split())
        if not name or name == self.state.company:
            return
        self.state.company = name
        self.state.draft = self.state.draft.model_copy(update={"name": name})
        self.store.commit(self.state, [], icp_changed=False, reason="rename")

    def attach_knowledge(self, knowledge: KnowledgeSearch | None) -> None:
        """Start citing from `knowledge` (the TUI indexes it in the background after the
        interview has started); None stops citing."""
        self.knowledge = knowledge

    # --- in-chat commands -----------------------------------------------------------------------
    async def _command(self, line: str) -> AsyncIterator[CoachEvent]:
        name, _, argument = line[1:].partition(" ")
        name, argument = name.lower(), argument.strip()
        handlers: dict[str, Callable[[str], AsyncIterator[CoachEvent]]] = {
            "help": self._cmd_help, "next": self._cmd_next, "back": self._cmd_back,
            "step": self._cmd_step, "undo": self._cmd_undo, "show": self._cmd_show,
            "sources": self._cmd_sources, "export": self._cmd_export, "lang": self._cmd_lang,
            "assess": self._cmd_assess, "cancel": self._cmd_cancel,
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
        changes = diff_icp(previous, state.draft)
        state.undo_stack = state.undo_stack[:-1]
        state.draft = previous
        self._commit([], icp_changed=True, reason="undo")
        yield ICPUpdated(state.draft, sorted({c.path.split("[")[0] for c in changes}), self.view())
        async for event in self._say(self._t("commands", "undo_done",
                                             diff=describe_diff(changes, self.language))):
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


def _join(*parts: str) -> str:
    """Paragraphs joined by one blank line; empty ones (an unused placeholder) vanish."""
    text = "\n\n".join(part.strip() for part in parts if part.strip())
    return re.sub(r"\n{3,}", "\n\n", text)


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
