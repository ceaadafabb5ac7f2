"""Attach a file in steps 1-3: ask for the path, then show the analysis and a draft answer."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown, Static

from icp_coach.tui.i18n import t
from icp_coach.tui.safe_text import plain, printable


class AttachDialog(ModalScreen[Path | None]):
    """Dismisses with the chosen file, or None."""

    BINDINGS = [Binding("escape", "cancel", "Close", id="attach.close")]

    def __init__(self, kind: str, language: str) -> None:
        super().__init__()
        self.kind = kind
        self.language = language

    def compose(self) -> ComposeResult:
        lang = self.language
        with Vertical(id="attach-dialog", classes="dialog"):
            yield Static(t(f"attach.title.{self.kind}", lang), classes="dialog-title")
            yield Static(t(f"attach.hint.{self.kind}", lang), classes="muted")
            yield Label(t("export.path", lang))
            yield Input(placeholder=t(f"attach.placeholder.{self.kind}", lang), id="attach-path")
            with Horizontal(classes="buttons"):
                yield Button(t("attach.analyse", lang), variant="primary", id="attach-go")
                yield Button(t("settings.cancel", lang), id="attach-cancel")

    @on(Button.Pressed, "#attach-go")
    @on(Input.Submitted, "#attach-path")
    def choose(self) -> None:
        path = Path(self.query_one("#attach-path", Input).value.strip()).expanduser()
        if not path.is_file():
            self.notify(printable(t("attach.missing", self.language, path=str(path))),
                        severity="error", markup=False)
            return
        self.dismiss(path)

    @on(Button.Pressed, "#attach-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class AttachmentScreen(ModalScreen[str | None]):
    """The analysis report; dismisses with the draft answer when the user takes it."""

    BINDINGS = [Binding("escape", "close", "Close", id="attachment.close")]

    def __init__(self, title: str, report: str, answer: str, language: str) -> None:
        super().__init__()
        self.title_text = title
        self.report = report
        self.answer = answer
        self.language = language

    def compose(self) -> ComposeResult:
        lang = self.language
        with Vertical(id="attachment-dialog", classes="dialog"):
            yield Static(plain(self.title_text), classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Markdown(printable(self.report), id="attachment-report")
            yield Static(t("attach.answer_hint", lang), classes="muted")
            yield Static(plain(self.answer), id="attachment-answer", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("attach.use", lang), variant="primary", id="attachment-use")
                yield Button(t("key.close", lang), id="attachment-close")

    @on(Button.Pressed, "#attachment-use")
    def use(self) -> None:
        self.dismiss(self.answer)

    @on(Button.Pressed, "#attachment-close")
    def action_close(self) -> None:
        self.dismiss(None)
