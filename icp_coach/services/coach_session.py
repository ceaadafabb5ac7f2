"""The session controller: the interview's state, what the UI reads (draft, findings, the panel's
view), replies with citations, and every commit and undo point. Validation runs once per change.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from datetime import date

from icp_coach.domain.events import (
    CitationAdded,
    CoachError,
    CoachEvent,
    DraftView,
    ICPUpdated,
    ReplyDone,
    ReplyToken,
)
from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.knowledge import Passage, SearchFilters
from icp_coach.domain.language import Language
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
    InterviewState,
    is_step_done,
    step,
    step_gaps,
)
from icp_coach.domain.validation import Finding, completeness, validate_icp
from icp_coach.services.coach_input import MAX_ANSWER_CHARS
from icp_coach.services.coach_ports import SessionStore, TurnRecord
from icp_coach.services.coach_rubric import rederive
from icp_coach.services.coach_summary import (
    compose_summary,
)
from icp_coach.services.coach_texts import CoachTexts

STEP_FILES = ("step0_pmf", "step1_best_customers", "step2_common_traits", "step3_validate",
              "step4_document", "step5_iterate")
PASSAGES_PER_REPLY = 2

Exporter = Callable[[str, str, str], str]  # (text, format, session_id) -> where it was saved


class SessionController:
    """One interview's state and persistence; the turn policy and commands build on it."""

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

    def _summarise(self, draft: ICPDocument) -> str:
        return compose_summary(draft, self.language)

    def _rederive(self, draft: ICPDocument) -> ICPDocument:
        return rederive(self.state.draft, draft, self._summarise)[0]

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
        self.state.turn_count += len(turns)
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


def _join(*parts: str) -> str:
    """Paragraphs joined by one blank line; empty ones (an unused placeholder) vanish."""
    text = "\n\n".join(part.strip() for part in parts if part.strip())
    return re.sub(r"\n{3,}", "\n\n", text)
