"""The Textual app and its factory. `make_tui` builds it for the CLI, the tests and the benchmark."""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.app import App
from textual.binding import Binding

from icp_coach.tui.i18n import t

# binding id -> (default keys, action, i18n key of the footer label). Users remap by id in the
# config file: [keybindings] "help" = "f1,ctrl+h"
APP_BINDINGS: tuple[tuple[str, str, str, str], ...] = (
    ("quit", "ctrl+q", "quit", "key.quit"),
    ("help", "f1", "help", "key.help"),
    ("sessions", "f2", "sessions", "key.sessions"),
    ("settings", "f3", "settings", "key.settings"),
    ("sources", "f4", "sources", "key.sources"),
    ("export", "f5", "export", "key.export"),
    ("personas", "ctrl+p", "personas", "key.personas"),
    ("attach", "ctrl+o", "attach", "key.attach"),
)
PERSONAS_FROM_STEP = 4  # documenting the ICP: decision makers are known by then


class CoachApp(App[None]):
    CSS_PATH = "coach.tcss"
    TITLE = "ICP Coach"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding(keys, action, t(label, "en"), id=binding_id, priority=binding_id == "quit")
        for binding_id, keys, action, label in APP_BINDINGS
    ]

    def __init__(self, context: Any, *, session_id: str | None = None,
                 language: str | None = None, with_knowledge: bool = True,
                 company: str | None = "My company", offer_last: bool = False) -> None:
        super().__init__()
        from icp_coach.tui import cjk_wrap
        from icp_coach.tui.coach_thread import CoachThread

        cjk_wrap.enable()
        self.company = company
        self.offer_last = offer_last
        self.retired_contexts: list[Any] = []
        self.context = context
        self.start_session_id = session_id
        self.language = language or context.settings.language
        self.with_knowledge = with_knowledge
        self.coach_thread = CoachThread()  # every turn of every session runs on it
        self.saved_session: str | None = None  # the open session, for the goodbye line

    def on_mount(self) -> None:
        if self.context.settings.keybindings:
            self.set_keymap(dict(self.context.settings.keybindings))
        self.set_language(self.language)
        self.push_screen(self.new_main_screen(self.start_session_id, offer_last=self.offer_last))

    @property
    def crashed(self) -> BaseException | None:
        """The unexpected error that ended the app, if one did (the CLI reports it)."""
        return self._exception

    def _fatal_error(self) -> None:
        """An unexpected error ends the app without Textual's traceback on the terminal: the
        CLI's last-resort handler reports it in one line (the traceback with --debug)."""
        self.bell()
        self._close_messages_no_wait()

    def on_unmount(self) -> None:
        self.coach_thread.close()  # the app is gone: no turn can run any more

    def new_main_screen(self, session_id: str | None, *, offer_last: bool = False) -> Any:
        from icp_coach.tui.screens.main import MainScreen

        return MainScreen(self.context, session_id=session_id, language=self.language,
                          with_knowledge=self.with_knowledge, company=self.company,
                          offer_last=offer_last)

    @property
    def main_screen(self) -> Any:
        from icp_coach.tui.screens.main import MainScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not open")

    def set_language(self, language: str) -> None:
        """Relabel the footer keys (bindings keep their ids, so remapped keys stay remapped)."""
        self.language = language
        labels = {binding_id: t(label, language) for binding_id, _, _, label in APP_BINDINGS}
        for key, bindings in self._bindings.key_to_bindings.items():
            self._bindings.key_to_bindings[key] = [
                dataclasses.replace(binding, description=labels[binding.id])
                if binding.id in labels else binding for binding in bindings]
        self.title = t("app.title", language)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Attach (steps 1-3) and personas (steps 4-5) appear only where they apply, which also
        keeps the footer inside 80 columns."""
        if action not in ("attach", "personas"):
            return True
        try:
            main = self.main_screen
        except LookupError:
            return False
        if main.coach is None:
            return False
        from icp_coach.tui.attachments import kind_for_step

        if action == "attach":
            return kind_for_step(main.current_step) is not None
        return bool(main.current_step >= PERSONAS_FROM_STEP)

    # --- actions -----------------------------------------------------------------------------
    def action_help(self) -> None:
        from icp_coach.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.language))

    def action_sources(self) -> None:
        from icp_coach.tui.screens.sources import SourcesScreen

        self.push_screen(SourcesScreen(self.main_screen.all_citations(), self.language))

    def action_export(self) -> None:
        from icp_coach.tui.screens.export import ExportDialog

        main = self.main_screen
        if main.coach is None or main.document is None:
            return
        self.push_screen(ExportDialog(main.document, main.coach.language,
                                      session_id=main.session_id,
                                      exports_dir=self.context.exports_dir))

    def action_attach(self) -> None:
        self.main_screen.attach_file()

    def action_personas(self) -> None:
        self.main_screen.draft_personas()

    def action_sessions(self) -> None:
        from icp_coach.tui.screens.sessions import SessionsScreen

        main = self.main_screen
        self.push_screen(SessionsScreen(self.context.session_store, main.session_id, self.language,
                                        current_coach=main.coach),
                         self.resume_session)

    def resume_session(self, session_id: str | None) -> None:
        if session_id is None or session_id == self.main_screen.session_id:
            return
        self.switch_screen(self.new_main_screen(session_id))

    def action_settings(self) -> None:
        from icp_coach.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(self.context, self.language),
                         self.apply_settings)

    async def apply_settings(self, values: dict[str, Any] | None) -> None:
        """A new engine, endpoint, model or key reopens this session through fresh wiring; a new
        language alone is passed to the coach (/lang)."""
        if not values:
            return
        current = self.context.settings
        rewired = ("api_key" in values or values.get("engine") != current.engine
                   or values.get("base_url") != current.base_url
                   or values.get("model") != current.model)
        language = values.get("language") or self.language
        main = self.main_screen
        if rewired and main.session_id is not None:
            from icp_coach.settings import load_settings

            try:
                settings = load_settings()
            except Exception as error:  # noqa: BLE001 - the file was just written; say what broke
                main.say(f"{error}", title=t("settings.reload_failed", self.language),
                         severity="error", timeout=15)
                return
            previous = self.context
            self.context = rewired_context(previous, settings)
            self.language = language
            self.retired_contexts.append(previous)  # closed at exit: a worker may still use it
            reopened = self.new_main_screen(main.session_id)
            if main.coach is not None and main.coach.language != language:
                reopened.pending.append(f"/lang {language}")  # sent after the welcome back
            await self.switch_screen(reopened)
            return
        if language != self.language:
            if main.coach is not None:
                await main.send_command(f"/lang {language}")
            else:
                main.app_language(language)

    def close_contexts(self) -> None:
        """Stop the coach's thread and what every wiring started (the local model server, the
        sessions database)."""
        self.coach_thread.close()
        for context in [*self.retired_contexts, self.context]:
            context.close()

    def goodbye(self) -> str:
        """Where the open session is saved and how to reopen it (printed after the screen
        closes), or "" when no session was opened."""
        if self.saved_session is None:
            return ""
        return t("quit.saved", self.language, id=self.saved_session[:8],
                 path=str(self.context.session_store.path))


def rewired_context(context: Any, settings: Any) -> Any:
    """The same composition root (`bootstrap.App.with_settings`) with new settings and nothing
    built yet, keeping what was injected (a fake chat model, an embedder)."""
    rewired: Any = context.with_settings(settings)
    return rewired


def make_tui(context: Any, *, session_id: str | None = None, language: str | None = None,
             with_knowledge: bool = True, company: str | None = "My company",
             offer_last: bool = False) -> CoachApp:
    """The one place the TUI is built: the CLI, the tests and the benchmark all call this.

    `offer_last`: without a session id, offer the newest saved session (reopen an unanswered
    one) instead of starting a new one; `company` None then means "not named".
    """
    return CoachApp(context, session_id=session_id, language=language,
                    with_knowledge=with_knowledge, company=company, offer_last=offer_last)
