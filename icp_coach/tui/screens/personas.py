"""Step 4: draft buyer personas from the ICP, edit the Markdown, save it to a file.

The drafting is the personas service's (services/personas.py) through the engine's persona writer;
this screen only shows the draft in an editor and writes what the user kept.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from icp_coach.tui.i18n import t


def draft_persona_markdown(context: Any, document: Any, language: str) -> str:
    """Blocking (an LLM call on the llm engine): run it in a thread worker."""
    from icp_coach.services.persona_report import render_personas
    from icp_coach.services.personas import draft_personas

    lang: Literal["en", "zh"] = "zh" if language == "zh" else "en"
    drafted = draft_personas(document, context.persona_writer, language=lang)
    return render_personas(drafted.personas, lang, drafted.findings)


def default_personas_path(company: str, folder: Path | None = None) -> Path:
    stem = re.sub(r"[^\w\-]+", "-", company.strip().lower()).strip("-") or "icp"
    return (folder or Path.cwd()) / f"personas-{stem}.md"


class PersonasScreen(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "close", "Close", id="personas.close")]

    def __init__(self, markdown: str, company: str, language: str) -> None:
        super().__init__()
        self.markdown = markdown
        self.company = company
        self.language = language

    def compose(self) -> ComposeResult:
        lang = self.language
        with Vertical(id="personas-dialog", classes="dialog"):
            yield Static(t("personas.title", lang), classes="dialog-title")
            yield Static(t("personas.edit_hint", lang), classes="muted")
            yield TextArea(self.markdown, language="markdown", soft_wrap=True, id="personas-text")
            yield Label(t("export.path", lang))
            yield Input(str(default_personas_path(self.company)), id="personas-path")
            with Horizontal(classes="buttons"):
                yield Button(t("personas.save", lang), variant="primary", id="personas-save")
                yield Button(t("key.close", lang), id="personas-close")

    @on(Button.Pressed, "#personas-save")
    @on(Input.Submitted, "#personas-path")
    def save(self) -> None:
        from icp_coach.storage.atomic import OutputError, write_text_atomic

        path = Path(self.query_one("#personas-path", Input).value.strip()).expanduser()
        text = self.query_one("#personas-text", TextArea).text
        try:
            written = write_text_atomic(path, text if text.endswith("\n") else text + "\n")
        except (OutputError, OSError) as error:
            self.notify(markup=False, message=f"{error}\n{t('export.failed.what', self.language)}",
                        title=t("export.failed", self.language), severity="error", timeout=12)
            return
        self.notify(markup=False, message=t("export.done", self.language, path=str(written)), timeout=6)
        self.dismiss(written)

    @on(Button.Pressed, "#personas-close")
    def action_close(self) -> None:
        self.dismiss(None)
