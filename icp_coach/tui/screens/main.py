"""The main screen: the chat on the left, the ICP panel on the right, the steps on top.

The coach runs in an async worker (group "llm") that streams each reply into a Markdown widget and
posts the other events as messages; building the coach and indexing the knowledge base run in a
thread worker. Nothing here decides anything about the ICP: the coach does, this only shows it.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.worker import get_current_worker

from icp_coach.domain.events import (
    CitationAdded,
    CoachError,
    FindingRaised,
    ReplyDone,
    ReplyToken,
)
from icp_coach.tui.citations import CitationNumbers, renumber
from icp_coach.tui.engine_status import engine_status
from icp_coach.tui.i18n import t
from icp_coach.tui.messages import (
    AttachmentAnalysed,
    AttachmentFailed,
    CoachEventReceived,
    CoachReady,
    CoachStartFailed,
    LastSessionFound,
    PersonasDrafted,
    PersonasFailed,
    PreparationProgress,
    TurnFinished,
)
from icp_coach.tui.safe_text import printable
from icp_coach.tui.widgets.chat_log import ChatLog, CitationLine, CoachReply, UserTurn
from icp_coach.tui.widgets.icp_panel import ICPPanel
from icp_coach.tui.widgets.prompt_input import CommandHints, PromptInput
from icp_coach.tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from textual.widgets.markdown import MarkdownStream

# Tokens are handed to the Markdown stream at most this often: a model's stream still shows word
# by word, while a reply that arrives all at once (offline) is rendered in a few passes, not 500.
STREAM_FLUSH_SECONDS = 1 / 30
# A reply that arrives in one piece (/show renders the whole ICP) is laid out a few paragraphs at
# a time, letting keys in between: one Markdown update of a long document froze typing for 1-3 s.
LAYOUT_CHUNK_CHARS = 600


def paragraph_chunks(text: str, size: int = LAYOUT_CHUNK_CHARS) -> list[str]:
    """`text` cut at blank lines into pieces of about `size` characters (they join back to it)."""
    pieces: list[str] = []
    current = ""
    for paragraph in text.split("\n\n"):
        candidate = paragraph if not current else current + "\n\n" + paragraph
        if current and len(candidate) > size:
            pieces.append(current + "\n\n")
            current = paragraph
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def pick_last_session(store: Any, company: str | None, language: str) -> tuple[str | None, Any]:
    """On a launch without --resume: (a session to reopen silently, a session to offer).

    The newest session with no answer in it is reopened rather than another empty one created
    (when it is for the same company, or no company was named, and in the same language); one
    with answers is offered.
    """
    sessions = store.list_sessions()
    if not sessions:
        return None, None
    latest = sessions[0]
    answered = any(turn.speaker == "user" for turn in store.turns(latest.id))
    if answered:
        return None, (latest if company is None else None)
    if company in (None, latest.company) and latest.language == language:
        return latest.id, None
    return None, None


class MainScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "stop_reply", "Stop reply", id="stop", show=False),
    ]

    def __init__(self, context: Any, *, session_id: str | None = None, language: str = "en",
                 with_knowledge: bool = True, company: str | None = "My company",
                 offer_last: bool = False) -> None:
        super().__init__()
        self.company = company or "My company"
        self.named_company = company if not offer_last else None
        self.offer_last = offer_last and session_id is None
        self.context = context
        self.session_id = session_id
        self.language = language
        self.with_knowledge = with_knowledge
        self.coach: Any = None
        self.busy = False
        self.pending: list[str] = []
        self._last_user_turn: UserTurn | None = None
        self._resumed = session_id is not None
        self.preparing_since: float | None = None  # while the knowledge base is indexed
        self.preparing_kind = "knowledge"
        self.start_failed = False
        self._knowledge_started = False
        self.engine_text = ""
        # What the panel shows: the coach's last DraftView, from the events' payload.
        self.view: Any = None
        self.citations = CitationNumbers()

    def compose(self) -> ComposeResult:
        yield StepBar(id="steps")
        with Horizontal(id="body"):
            with Vertical(id="chat-pane"):
                yield ChatLog(id="chat")
                yield Static(t("status.starting", self.language), id="status")
                yield CommandHints(id="hints")
                yield PromptInput(id="prompt", placeholder=t("input.placeholder", self.language),
                                  keymap=dict(self.context.settings.keybindings))
            yield ICPPanel(id="icp")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(CommandHints).display = False
        self.query_one(StepBar).show([], 0, self.language)
        self.query_one(PromptInput).focus()
        self.set_interval(1.0, self.show_status)  # the elapsed seconds while preparing
        # After the first paint: the worker's imports would otherwise compete with it.
        self.call_after_refresh(self.prepare_coach, self.offer_last)

    def say(self, message: object, *, title: str = "", severity: str = "information",
            timeout: float = 5) -> None:
        """A notification whose text is shown literally (no markup, no control characters)."""
        self.notify(printable(message), title=printable(title), severity=severity,  # type: ignore[arg-type]
                    timeout=timeout, markup=False)

    @property
    def document(self) -> Any:
        return None if self.view is None else self.view.document

    @property
    def current_step(self) -> int:
        return 0 if self.view is None else int(self.view.step)

    @property
    def coach_thread(self) -> Any:
        return self.app.coach_thread  # type: ignore[attr-defined]

    # --- start-up (blocking work in a thread) ------------------------------------------------------
    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def prepare_coach(self, offer_last: bool = False) -> None:
        post = self.post_message
        try:
            session_id = self.session_id
            if offer_last:
                reopen, offer = pick_last_session(self.context.session_store, self.named_company,
                                                  self.language)
                if offer is not None:
                    post(LastSessionFound(offer))
                    return
                if reopen is not None:
                    session_id, self._resumed = reopen, True
            engine = engine_status(self.context, self.language)
            local = self.context.engine_name == "local"
            if local:
                post(PreparationProgress(t("progress.local_model", self.language),
                                         kind="local_model"))
            coach = self.context.start_coach(session_id, company=self.company,
                                             language=self.language, with_knowledge=False)
            if local:
                post(PreparationProgress(t("progress.local_ready", self.language), finished=True,
                                         kind="local_model"))
            history = self.context.session_store.turns(coach.session_id) if self._resumed else []
            view = coach.view()
        except Exception as error:  # noqa: BLE001 - any start-up failure is shown, not raised
            post(CoachStartFailed(str(error) or type(error).__name__,
                                  t("status.start_failed.what", self.language)))
            return
        post(CoachReady(coach, self._resumed, history, engine, view))

    def start_knowledge(self) -> None:
        """Once the opening question is on screen (its imports would otherwise compete with it):
        open the knowledge base in the background; citations start once it is ready."""
        if self.with_knowledge and not self._knowledge_started and self.coach is not None:
            self._knowledge_started = True
            self.attach_knowledge(self.coach)

    @work(thread=True, exclusive=True, group="knowledge", exit_on_error=False)
    def attach_knowledge(self, coach: Any) -> None:
        """Index on first use while the interview already runs. The index and the query model are
        warmed up here, so the first search of a turn (on the coach's thread) does not pay for
        loading them."""
        post = self.post_message
        worker = get_current_worker()
        post(PreparationProgress(t("progress.opening", self.language)))
        try:
            knowledge = self.context.open_knowledge(lambda text: post(PreparationProgress(text)))
            knowledge.ensure_index()
            knowledge.search("ideal customer profile", k=1)
        except Exception as error:  # noqa: BLE001 - the interview goes on without citations
            post(PreparationProgress(t("progress.failed", self.language, error=str(error)),
                                     finished=True, ok=False))
            return
        if not worker.is_cancelled:
            coach.attach_knowledge(knowledge)
            post(PreparationProgress(t("progress.ready", self.language), finished=True))

    def on_last_session_found(self, message: LastSessionFound) -> None:
        from icp_coach.tui.screens.resume_offer import ResumeOffer

        self.app.push_screen(ResumeOffer(message.summary, self.language), self.start_chosen)

    def start_chosen(self, session_id: str | None) -> None:
        """The answer to the offer: the session to continue, or None for a new one."""
        self.session_id = session_id
        self._resumed = session_id is not None
        self.prepare_coach(False)

    def on_preparation_progress(self, message: PreparationProgress) -> None:
        if message.finished:
            self.preparing_since = None
            self.say(message.text, severity="information" if message.ok else "warning",
                     timeout=6)
        else:
            if self.preparing_since is None:
                self.preparing_since = time.monotonic()
            self.preparing_kind = message.kind
        self.show_status()

    async def on_coach_ready(self, message: CoachReady) -> None:
        coach = self.coach = message.coach
        self.session_id = coach.session_id
        self.engine_text = message.engine
        self.app.saved_session = coach.session_id  # type: ignore[attr-defined]
        self.view = message.view
        self.citations = CitationNumbers(coach.state.citations)
        self.app_language(coach.language)
        chat = self.query_one(ChatLog)
        for turn in message.history:
            if turn.speaker == "user":
                await chat.add_user_turn(turn.text, t("chat.you", self.language))
            else:
                await chat.add_reply(t("chat.coach", self.language), printable(turn.text))
        # The coach says where we are (not stored again on a resume), or answers an answer
        # that was saved just before the process died.
        self.start_turn(None)

    def on_coach_start_failed(self, message: CoachStartFailed) -> None:
        self.start_failed = True
        self.show_status()
        self.say(f"{message.message}\n{message.what_to_do}",
                 title=t("status.start_failed", self.language), severity="error", timeout=20)

    # --- the user's turns --------------------------------------------------------------------------
    @on(PromptInput.Submitted)
    async def send(self, message: PromptInput.Submitted) -> None:
        await self.submit(message.text)

    async def submit(self, text: str) -> None:
        """Send `text` now, or queue it while the coach is still replying or starting."""
        if self.start_failed:
            self.query_one(PromptInput).restore(text)
            self.say(t("status.start_failed.what", self.language), severity="error")
            return
        if self.coach is None or self.busy:
            self.pending.append(text)
            self.say(t("input.queued", self.language), timeout=3)
            return
        self._last_user_turn = await self.query_one(ChatLog).add_user_turn(
            text, t("chat.you", self.language))
        self.start_turn(text)

    def start_turn(self, text: str | None) -> None:
        self.busy = True
        self.show_status()
        self.run_turn(text)

    @work(exclusive=True, group="llm", exit_on_error=False)
    async def run_turn(self, text: str | None) -> None:
        """One turn: the coach runs on its own thread (retrieval, commits, extraction block
        there); here its reply streams into the chat and every other event is posted as is."""
        coach = self.coach
        chat = self.query_one(ChatLog)
        events = coach.start(resumed=self._resumed) if text is None else coach.handle(text)
        reply: CoachReply | None = None
        stream: MarkdownStream | None = None
        unwritten = ""
        numbers: dict[int, int] = {}  # this reply's [n] -> the session's citation number
        last_flush = 0.0
        cancelled = True

        async def flush(final: bool = False) -> None:
            nonlocal unwritten
            ready, unwritten = renumber(unwritten, numbers, final=final)
            for piece in paragraph_chunks(printable(ready)):
                assert stream is not None
                await stream.write(piece)
                await asyncio.sleep(0)  # let keys and repaints in between pieces

        try:
            async for event in self.coach_thread.stream(events):
                if isinstance(event, ReplyToken):
                    if reply is None:
                        reply = await chat.add_reply(t("chat.coach", self.language))
                        stream = reply.open_stream()
                    unwritten += event.text
                    if time.monotonic() - last_flush >= STREAM_FLUSH_SECONDS:
                        await flush()
                        last_flush = time.monotonic()
                    else:
                        await asyncio.sleep(0)  # let keys and repaints in between tokens
                    continue
                if isinstance(event, CitationAdded):
                    numbers[event.number] = self.citations.add(event.passage)
                elif isinstance(event, ReplyDone):
                    final, _ = renumber(event.text, numbers, final=True)
                    final = printable(final)
                    if stream is not None:
                        await flush(final=True)
                        await stream.stop()
                        stream = None
                    if reply is None:
                        reply = await chat.add_reply(t("chat.coach", self.language))
                        stream = reply.open_stream()
                        unwritten = final
                        await flush(final=True)
                        await stream.stop()
                        stream = None
                    elif reply.body.source.strip() != final.strip():
                        await reply.finish(final)  # it differs from what streamed (a failure)
                    reply.show_citations(t("chat.sources", self.language), [
                        (self.citations.number_of(p), p) for p in event.citations])
                    chat.anchor()
                    reply = None
                self.post_message(CoachEventReceived(event))
            cancelled = False
        except Exception as error:  # noqa: BLE001 - an engine bug must not take the app down
            cancelled = False
            self.post_message(CoachEventReceived(CoachError(
                str(error) or type(error).__name__, t("error.reply_failed.what", self.language),
                restore_input=text or "", kind="engine")))
        finally:
            if stream is not None:
                if unwritten:
                    await stream.write(printable(unwritten))
                await stream.stop()
            if cancelled and reply is not None:
                await reply.body.append("\n\n" + t("chat.stopped", self.language))
            self.post_message(TurnFinished(text or "", cancelled=cancelled))

    def on_coach_event_received(self, message: CoachEventReceived) -> None:
        """Render what the coach reported, from the event's own payload."""
        event = message.event
        view = getattr(event, "view", None)
        if view is not None:
            self.show_view(view)
        if isinstance(event, FindingRaised):
            if event.finding.severity == "error":
                self.say(event.finding.message, severity="warning", timeout=8)
        elif isinstance(event, CoachError):
            self.show_error(event)

    def show_error(self, error: CoachError) -> None:
        """One clear notice with what to do; a refused answer goes back into the input."""
        detail = error.message
        if error.what_to_do:
            detail += "\n" + error.what_to_do
        self.say(detail, title=t("error.reply_failed", self.language), severity="error",
                 timeout=15)
        if error.restore_input:
            self.query_one(PromptInput).restore(printable(error.restore_input))
            if self._last_user_turn is not None:
                self._last_user_turn.remove()  # the coach did not take it: it is back in the input
                self._last_user_turn = None

    async def on_turn_finished(self, message: TurnFinished) -> None:
        self.busy = False
        self._last_user_turn = None
        if self.coach is not None and self.coach.language != self.language:
            self.app_language(self.coach.language)  # /lang switched the coach
        self.show_status()
        self.start_knowledge()
        await self.flush_pending()

    async def flush_pending(self) -> None:
        if self.pending and not self.busy:
            await self.submit(self.pending.pop(0))

    # --- helpers ---------------------------------------------------------------------------------
    def show_view(self, view: Any) -> None:
        """The panel and the step bar from the coach's DraftView (domain/events.py)."""
        if view is None:
            return
        self.view = view
        self.app.refresh_bindings()  # attach / personas follow the step
        self.query_one(ICPPanel).show(view, self.language)
        self.query_one(StepBar).show(list(view.done_steps), view.step, self.language)

    def refresh_icp(self) -> None:
        """Redraw after a change made outside a turn (a rename from the sessions screen)."""
        if self.coach is not None:
            self.show_view(self.coach.view())

    def show_status(self) -> None:
        """One line: what the coach is doing, with which engine and why, and the indexing still
        running in the background."""
        lang = self.language
        if self.start_failed:
            parts = [t("status.start_failed", lang)]
        elif self.coach is None:
            parts = [t("status.starting", lang)]
        elif self.busy:
            parts = [t("status.thinking", lang)]
        else:
            parts = [t("status.ready", lang)]
        if self.engine_text:
            parts.append(self.engine_text)
        if self.preparing_since is not None:
            seconds = int(time.monotonic() - self.preparing_since)
            key = "status.local_model" if self.preparing_kind == "local_model" else "status.indexing"
            parts.append(t(key, lang, seconds=seconds))
        self.query_one("#status", Static).update(Text(" · ".join(parts), style="dim"))

    def app_language(self, language: str) -> None:
        """Switch the UI strings; the app relabels the footer keys."""
        self.language = language
        self.query_one(PromptInput).placeholder = t("input.placeholder", language)
        set_language = getattr(self.app, "set_language", None)
        if set_language is not None:
            set_language(language)
        if self.coach is not None:
            self.engine_text = engine_status(self.context, language)
        self.show_view(self.view)

    async def send_command(self, command: str) -> None:
        """A command from a click or a dialog, sent as if typed."""
        await self.submit(command)

    @on(StepBar.JumpRequested)
    async def jump(self, message: StepBar.JumpRequested) -> None:
        await self.send_command(f"/step {message.step}")

    @on(TextArea.Changed, "#prompt")
    def show_hints(self, event: TextArea.Changed) -> None:
        self.query_one(CommandHints).show_for(event.text_area.text, self.language)

    @on(CitationLine.Clicked)
    def open_citations(self, event: CitationLine.Clicked) -> None:
        from icp_coach.tui.screens.sources import SourcesScreen

        reply = event.line.parent
        citations = reply.citations if isinstance(reply, CoachReply) else []
        self.app.push_screen(SourcesScreen(citations or self.all_citations(), self.language))

    def all_citations(self) -> list[tuple[int, Any]]:
        """Every passage cited so far, with the number the chat shows for it."""
        return self.citations.numbered()

    # --- attachments (steps 1-3) -----------------------------------------------------------------
    def attach_file(self) -> None:
        from icp_coach.tui.attachments import kind_for_step
        from icp_coach.tui.screens.attach import AttachDialog

        kind = kind_for_step(self.current_step) if self.coach is not None else None
        if kind is None:
            self.say(t("attach.wrong_step", self.language), severity="warning")
            return
        self.app.push_screen(AttachDialog(kind, self.language), self.analyse_file)

    def analyse_file(self, path: Path | None) -> None:
        if path is None or self.coach is None:
            return
        self.say(t("attach.working", self.language, name=path.name), timeout=4)
        self.run_attachment(path, self.current_step, self.coach.language)

    @work(thread=True, exclusive=True, group="attach", exit_on_error=False)
    def run_attachment(self, path: Path, step: int, language: str) -> None:
        from icp_coach.tui.attachments import analyse_attachment

        try:
            attachment = analyse_attachment(self.context, path, step, language)
        except Exception as error:  # noqa: BLE001 - the message names the file and the problem
            self.post_message(AttachmentFailed(str(error) or type(error).__name__))
            return
        self.post_message(AttachmentAnalysed(attachment))

    def on_attachment_analysed(self, message: AttachmentAnalysed) -> None:
        from icp_coach.tui.screens.attach import AttachmentScreen

        found = message.attachment
        self.app.push_screen(AttachmentScreen(found.title, found.report, found.answer,
                                              self.language), self.use_answer)

    def use_answer(self, answer: str | None) -> None:
        if answer:
            self.query_one(PromptInput).restore(printable(answer))

    def on_attachment_failed(self, message: AttachmentFailed) -> None:
        self.say(f"{message.message}\n{t('attach.failed.what', self.language)}",
                 title=t("attach.failed", self.language), severity="error", timeout=15)

    # --- personas (step 4) ----------------------------------------------------------------------
    def draft_personas(self) -> None:
        """Open the personas stored in the ICP, or draft them from the ICP when there are none."""
        if self.coach is None:
            return
        if self.coach.draft.personas:
            self.post_message(PersonasDrafted(list(self.coach.draft.personas)))
            return
        self.say(t("personas.drafting", self.language), timeout=4)
        self.run_persona_draft(self.coach.draft.model_copy(deep=True), self.coach.language)

    @work(thread=True, exclusive=True, group="personas", exit_on_error=False)
    def run_persona_draft(self, document: Any, language: str) -> None:
        from icp_coach.tui.screens.personas import draft_personas_for

        try:
            personas = draft_personas_for(self.context, document, language)
        except Exception as error:  # noqa: BLE001 - shown with what to do
            self.post_message(PersonasFailed(str(error) or type(error).__name__))
            return
        self.post_message(PersonasDrafted(personas))

    def on_personas_drafted(self, message: PersonasDrafted) -> None:
        from icp_coach.tui.screens.personas import PersonasScreen

        company = self.coach.draft.name if self.coach is not None else self.company
        self.app.push_screen(PersonasScreen(message.personas, company, self.language),
                             self.store_personas)

    async def store_personas(self, personas: list[Any] | None) -> None:
        """Only the coach changes the draft: it commits the personas (undoable with /undo), on
        its own thread like every commit."""
        if personas is None or self.coach is None:
            return
        try:
            updated = await self.coach_thread.call(self.coach.set_personas, personas)
        except Exception as error:  # noqa: BLE001 - e.g. the sessions database went away
            self.say(str(error) or type(error).__name__, title=t("personas.failed", self.language),
                     severity="error", timeout=15)
            return
        self.post_message(CoachEventReceived(updated))
        self.say(t("personas.saved", self.language, count=len(personas)), timeout=6)

    def on_personas_failed(self, message: PersonasFailed) -> None:
        self.say(f"{message.message}\n{t('personas.failed.what', self.language)}",
                 title=t("personas.failed", self.language), severity="error", timeout=12)

    def action_stop_reply(self) -> None:
        self.workers.cancel_group(self, "llm")
