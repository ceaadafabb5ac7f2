"""F1: the packaged help (help/en.md or help/zh.md) in a modal."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from icp_coach.tui.i18n import t


def help_text(language: str) -> str:
    name = "zh.md" if language == "zh" else "en.md"
    return resources.files("icp_coach.tui").joinpath("help", name).read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "close", "Close", id="help.close"),
    ]

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(t("help.title", self.language), classes="dialog-title")
            with VerticalScroll():
                yield Markdown(help_text(self.language), id="help-body")

    def action_close(self) -> None:
        self.dismiss(None)
