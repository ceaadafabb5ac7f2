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
    ICPUpdated,
    ReplyDone,
    ReplyToken,
    StepChanged,
)
from icp_coach.tui.i18n import t
from icp_coach.tui.messages import (
    AttachmentAnalysed,
    AttachmentFailed,
    CitationShown,
    CoachReady,
    CoachStartFailed,
    DraftChanged,
    FindingShown,
    PersonasDrafted,
    PersonasFailed,
    PreparationProgress,
    ReplyCompleted,
    ReplyFailed,
    ReplyStarted,
    StepMoved,
    TurnFinished,
)
from icp_coach.tui.widgets.chat_log import ChatLog, CitationLine, CoachReply, UserTurn
from icp_coach.tui.widgets.icp_panel import ICPPanel
from icp_coach.tui.widgets.prompt_input import CommandHints, PromptInput
from icp_coach.tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from textual.widgets.markdown import MarkdownStream

# Tokens are handed to the Markdown stream at most this often: a model's stream still shows word
# by word, while a reply that arrives all at once (offline) is rendered in a few passes, not 500.
STREAM_FLUSH_SECONDS = 1 / 30


class MainScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "stop_reply", "Stop reply", id="stop", show=False),
    ]

    def __init__(self, context: Any, *, session_id: str | None = None, language: str = "en",
                 with_knowledge: bool = True, company: str = "My company") -> None:
        super().__init__()
        self.company = company
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
        self.query_one(StepBar).show(None, 0, self.language)
        self.query_one(PromptInput).focus()
        self.set_interval(1.0, self.show_status)  # the elapsed seconds while preparing
        # After the first paint: the worker's imports would otherwise compete with it.
        self.call_after_refresh(self.prepare_coach)

    # --- start-up (blocking work in a thread) ------------------------------------------------------
    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def prepare_coach(self) -> None:
        post = self.post_message
        try:
            local = self.context.engine_name == "local"
            if local:
                post(PreparationProgress(t("progress.local_model", self.language),
                                         kind="local_model"))
            coach = self.context.start_coach(self.session_id, company=self.company,
                                             language=self.language, with_knowledge=False)
            if local:
                post(PreparationProgress(t("progress.local_ready", self.language), finished=True,
                                         kind="local_model"))
            history = self.context.session_store.turns(coach.session_id) if self._resumed else []
        except Exception as error:  # noqa: BLE001 - any start-up failure is shown, not raised
            post(CoachStartFailed(str(error), t("status.start_failed.what", self.language)))
            return
        post(CoachReady(coach, self._resumed, history))
        if self.with_knowledge:
            self._attach_knowledge(coach)

    def _attach_knowledge(self, coach: Any) -> None:
        """Index on first use while the interview already runs; citations start once it is ready.

        The coach searches on the UI loop, so the index and the query model are warmed up here.
        """
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

    def on_preparation_progress(self, message: PreparationProgress) -> None:
        if message.finished:
            self.preparing_since = None
            self.notify(markup=False, message=message.text, severity="information" if message.ok else "warning",
                        timeout=6)
        else:
            if self.preparing_since is None:
                self.preparing_since = time.monotonic()
            self.preparing_kind = message.kind
        self.show_status()

    async def on_coach_ready(self, message: CoachReady) -> None:
        self.coach = message.coach
        self.session_id = self.coach.session_id
        self.app_language(self.coach.language)
        chat = self.query_one(ChatLog)
        for turn in message.history:
            if turn.speaker == "user":
                await chat.add_user_turn(turn.text, t("chat.you", self.language))
            else:
                await chat.add_reply(t("chat.coach", self.language), turn.text)
        self.refresh_icp()
        self.start_turn(None)

    def on_coach_start_failed(self, message: CoachStartFailed) -> None:
        self.start_failed = True
        self.show_status()
        self.notify(markup=False, message=f"{message.message}\n{message.what_to_do}",
                    title=t("status.start_failed", self.language), severity="error", timeout=20)

    # --- the user's turns --------------------------------------------------------------------------
    @on(PromptInput.Submitted)
    async def send(self, message: PromptInput.Submitted) -> None:
        await self.submit(message.text)

    async def submit(self, text: str) -> None:
        """Send `text` now, or queue it while the coach is still replying or starting."""
        if self.start_failed:
            self.query_one(PromptInput).restore(text)
            self.notify(markup=False, message=t("status.start_failed.what", self.language), severity="error")
            return
        if self.coach is None or self.busy:
            self.pending.append(text)
            self.notify(markup=False, message=t("input.queued", self.language), timeout=3)
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
        """One turn: stream the reply into the chat, post every other event as a message."""
        coach = self.coach
        chat = self.query_one(ChatLog)
        events = coach.start(resumed=self._resumed) if text is None else coach.handle(text)
        reply: CoachReply | None = None
        stream: MarkdownStream | None = None
        unwritten: list[str] = []
        last_flush = 0.0
        cancelled = True
        self.post_message(ReplyStarted(text or ""))
        try:
            async for event in events:
                if isinstance(event, ReplyToken):
                    if reply is None:
                        reply = await chat.add_reply(t("chat.coach", self.language))
                        stream = reply.open_stream()
                    assert stream is not None
                    unwritten.append(event.text)
                    if time.monotonic() - last_flush >= STREAM_FLUSH_SECONDS:
                        await stream.write("".join(unwritten))
                        unwritten.clear()
                        last_flush = time.monotonic()
                    else:
                        await asyncio.sleep(0)  # let keys and repaints in between tokens
                elif isinstance(event, ReplyDone):
                    unwritten.clear()  # the complete text replaces the streamed one below
                    if stream is not None:
                        await stream.stop()
                        stream = None
                    if reply is None:
                        reply = await chat.add_reply(t("chat.coach", self.language), event.text)
                    else:
                        await reply.finish(event.text)
                    reply.show_citations(t("chat.sources", self.language),
                                         list(enumerate(event.citations, start=1)))
                    chat.anchor()
                    reply = None
                    self.post_message(ReplyCompleted(event.text, list(event.citations)))
                elif isinstance(event, CoachError):
                    self.post_message(ReplyFailed(event.message, event.what_to_do,
                                                  event.restore_input))
                elif isinstance(event, ICPUpdated):
                    self.post_message(DraftChanged(event.document, list(event.changed_paths)))
                elif isinstance(event, StepChanged):
                    self.post_message(StepMoved(event.step, event.title))
                elif isinstance(event, FindingRaised):
                    self.post_message(FindingShown(event.finding))
                elif isinstance(event, CitationAdded):
                    self.post_message(CitationShown(event.number, event.passage))
            cancelled = False
        except Exception as error:  # noqa: BLE001 - an engine bug must not take the app down
            cancelled = False
            self.post_message(ReplyFailed(str(error) or type(error).__name__,
                                          t("error.reply_failed.what", self.language), text or ""))
        finally:
            if stream is not None:
                if unwritten:
                    await stream.write("".join(unwritten))
                await stream.stop()
            if cancelled and reply is not None:
                await reply.body.append("\n\n" + t("chat.stopped", self.language))
            self.post_message(TurnFinished(text or "", cancelled=cancelled))

    def on_reply_failed(self, message: ReplyFailed) -> None:
        detail = message.message
        if message.what_to_do:
            detail += "\n" + message.what_to_do
        self.notify(markup=False, message=detail, title=t("error.reply_failed", self.language), severity="error",
                    timeout=15)
        if message.restore_input:
            prompt = self.query_one(PromptInput)
            prompt.restore(message.restore_input)
            if self._last_user_turn is not None:
                self._last_user_turn.remove()  # the coach did not take it: it is back in the input
                self._last_user_turn = None

    async def on_turn_finished(self, message: TurnFinished) -> None:
        self.busy = False
        self._last_user_turn = None
        if self.coach is not None and self.coach.language != self.language:
            self.app_language(self.coach.language)  # /lang switched the coach
        self.refresh_icp()
        self.show_status()
        if self.pending:
            await self.submit(self.pending.pop(0))

    def on_draft_changed(self, message: DraftChanged) -> None:
        self.refresh_icp()

    def on_step_moved(self, message: StepMoved) -> None:
        self.refresh_icp()

    def on_finding_shown(self, message: FindingShown) -> None:
        if message.finding.severity == "error":
            self.notify(markup=False, message=message.finding.message, severity="warning", timeout=8)

    # --- helpers ---------------------------------------------------------------------------------
    def refresh_icp(self) -> None:
        if self.coach is None:
            return
        self.app.refresh_bindings()  # attach / personas follow the step
        self.query_one(ICPPanel).show(self.coach.draft, self.coach.step, self.language)
        self.query_one(StepBar).show(self.coach.draft, self.coach.step, self.language)

    def show_status(self) -> None:
        """One line: what the coach is doing, and the indexing still running in the background."""
        lang = self.language
        if self.start_failed:
            parts = [t("status.start_failed", lang)]
        elif self.coach is None:
            parts = [t("status.starting", lang)]
        elif self.busy:
            parts = [t("status.thinking", lang)]
        else:
            parts = [t("status.ready", lang)]
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
        self.refresh_icp()

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
        if self.coach is None:
            return []
        return list(enumerate(self.coach.state.citations, start=1))

    # --- attachments (steps 1-3) -----------------------------------------------------------------
    def attach_file(self) -> None:
        from icp_coach.tui.attachments import kind_for_step
        from icp_coach.tui.screens.attach import AttachDialog

        kind = kind_for_step(self.coach.step) if self.coach is not None else None
        if kind is None:
            self.notify(markup=False, message=t("attach.wrong_step", self.language), severity="warning")
            return
        self.app.push_screen(AttachDialog(kind, self.language), self.analyse_file)

    def analyse_file(self, path: Path | None) -> None:
        if path is None or self.coach is None:
            return
        self.notify(markup=False, message=t("attach.working", self.language, name=path.name), timeout=4)
        self.run_attachment(path, self.coach.step, self.coach.language)

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
            self.query_one(PromptInput).restore(answer)

    def on_attachment_failed(self, message: AttachmentFailed) -> None:
        self.notify(markup=False, message=f"{message.message}\n{t('attach.failed.what', self.language)}",
                    title=t("attach.failed", self.language), severity="error", timeout=15)

    # --- personas (step 4) ----------------------------------------------------------------------
    def draft_personas(self) -> None:
        """Open the personas stored in the ICP, or draft them from the ICP when there are none."""
        if self.coach is None:
            return
        if self.coach.draft.personas:
            self.post_message(PersonasDrafted(list(self.coach.draft.personas)))
            return
        self.notify(markup=False, message=t("personas.drafting", self.language), timeout=4)
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

    def store_personas(self, personas: list[Any] | None) -> None:
        """Only the coach changes the draft: it commits the personas (undoable with /undo)."""
        if personas is None or self.coach is None:
            return
        updated = self.coach.set_personas(personas)
        self.post_message(DraftChanged(updated.document, list(updated.changed_paths)))
        self.notify(markup=False, timeout=6,
                    message=t("personas.saved", self.language, count=len(personas)))

    def on_personas_failed(self, message: PersonasFailed) -> None:
        self.notify(markup=False, message=f"{message.message}\n{t('personas.failed.what', self.language)}",
                    title=t("personas.failed", self.language), severity="error", timeout=12)

    def action_stop_reply(self) -> None:
        self.workers.cancel_group(self, "llm")
