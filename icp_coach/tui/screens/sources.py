"""The passages behind the citations: document, section and the text the coach relied on."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from icp_coach.tui.i18n import t
from icp_coach.tui.safe_text import printable


def render_passage(number: int, passage: Any, language: str) -> Text:
    """The passage as the knowledge base holds it (a shared Chroma server's text too: shown
    literally, control characters removed)."""
    text = Text(f"[{number}] ", style="bold")
    text.append(printable(passage.title), style="bold")
    text.append(f"\n{t('sources.document', language)}: ", style="dim")
    text.append(printable(passage.doc_id))
    if passage.section:
        text.append(f"\n{t('sources.section', language)}: ", style="dim")
        text.append(printable(passage.section))
    text.append("\n\n")
    text.append(printable(passage.text.strip()))
    return text


class SourcesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f4", "close", "Close", id="sources.close")]

    def __init__(self, citations: list[tuple[int, Any]], language: str) -> None:
        super().__init__()
        self.citations = citations
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical(id="sources-dialog", classes="dialog"):
            yield Static(t("sources.title", self.language), classes="dialog-title")
            with VerticalScroll():
                if not self.citations:
                    yield Static(t("sources.none", self.language), classes="muted")
                for number, passage in self.citations:
                    yield Static(render_passage(number, passage, self.language),
                                 classes="passage", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
