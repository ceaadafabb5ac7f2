"""A launch without --resume: continue the newest saved session, or start a new one."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from icp_coach.tui.i18n import t
from icp_coach.tui.safe_text import printable


class ResumeOffer(ModalScreen[str | None]):
    """Dismisses with the session id to continue, or None for a new session."""

    BINDINGS = [
        Binding("enter", "choose", "Continue", id="resume_offer.continue", priority=True),
        Binding("n", "new", "New session", id="resume_offer.new"),
        Binding("escape", "new", "New session", id="resume_offer.close"),
    ]

    def __init__(self, summary: Any, language: str) -> None:
        super().__init__()
        self.summary = summary
        self.language = language

    def compose(self) -> ComposeResult:
        lang, saved = self.language, self.summary
        with Vertical(id="resume-dialog", classes="dialog"):
            yield Static(t("resume.title", lang), classes="dialog-title")
            yield Static(Text(t("resume.last", lang, company=printable(saved.company),
                                step=saved.step, updated=saved.updated_at.replace("T", " ")[:16],
                                id=saved.id[:8])), id="resume-last")
            yield Static(t("resume.hint", lang), classes="muted")
            with Horizontal(classes="buttons"):
                yield Button(t("resume.continue", lang), variant="primary", id="resume-continue")
                yield Button(t("resume.new", lang), id="resume-new")

    def action_choose(self) -> None:
        """Enter presses the focused button (Continue unless the user moved to New)."""
        focused = self.focused
        if isinstance(focused, Button) and focused.id == "resume-new":
            self.dismiss(None)
            return
        self.dismiss(self.summary.id)

    @on(Button.Pressed, "#resume-continue")
    def continue_pressed(self) -> None:
        self.dismiss(self.summary.id)

    @on(Button.Pressed, "#resume-new")
    def action_new(self) -> None:
        self.dismiss(None)
