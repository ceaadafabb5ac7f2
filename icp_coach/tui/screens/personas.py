"""Step 4: the buyer personas as an editable YAML list; saved into the ICP through the coach.

The drafting is the personas service's (services/personas.py) through the engine's persona writer.
This screen shows the personas in an editor, checks the edited text (the error names its line and
the cursor goes there) and hands the personas back; the main screen stores them with
`Coach.set_personas`, so they are versioned, undoable and exported with the ICP. A Markdown file
of the personas can still be written from here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from icp_coach.domain.language import Language
from icp_coach.tui.i18n import t
from icp_coach.tui.persona_yaml import (
    PersonaTextError,
    parse_personas,
    persona_status,
    personas_to_yaml,
    unverify_new_quotes,
)
from icp_coach.tui.safe_text import printable


def draft_personas_for(context: Any, document: Any, language: str) -> list[Any]:
    """Blocking (an LLM call on the llm engine): run it in a thread worker."""
    from icp_coach.services.personas import draft_personas

    lang: Language = "zh" if language == "zh" else "en"
    return list(draft_personas(document, context.persona_writer, language=lang).personas)


def default_personas_path(company: str, folder: Path | None = None) -> Path:
    stem = re.sub(r"[^\w\-]+", "-", company.strip().lower()).strip("-") or "icp"
    return (folder or Path.cwd()) / f"personas-{stem}.md"


class PersonasScreen(ModalScreen[list[Any] | None]):
    """Dismisses with the edited personas to store in the ICP, or None (nothing changes)."""

    BINDINGS = [Binding("escape", "close", "Close", id="personas.close")]

    def __init__(self, personas: list[Any], company: str, language: str) -> None:
        super().__init__()
        self.personas = personas
        self.company = company
        self.language = language

    def compose(self) -> ComposeResult:
        lang = self.language
        with Vertical(id="personas-dialog", classes="dialog"):
            yield Static(t("personas.title", lang), classes="dialog-title")
            yield Static(t("personas.edit_hint", lang), classes="muted")
            yield Static(printable(self.status_text(self.personas)), id="personas-status",
                         markup=False)
            yield TextArea(personas_to_yaml(self.personas, lang), language="yaml", soft_wrap=True,
                           id="personas-text")
            yield Static("", id="personas-error", classes="error", markup=False)
            yield Label(t("personas.md_path", lang))
            yield Input(str(default_personas_path(self.company)), id="personas-path")
            with Horizontal(classes="buttons"):
                yield Button(t("personas.save", lang), variant="primary", id="personas-save")
                yield Button(t("personas.export_md", lang), id="personas-export")
                yield Button(t("key.close", lang), id="personas-close")

    def on_mount(self) -> None:
        self.query_one("#personas-error", Static).display = False

    def status_text(self, personas: list[Any]) -> str:
        """One line per persona: draft or hypothesis, and the first interview still to run."""
        lines = []
        for persona in personas:
            status = persona_status(persona, self.language)
            first_step = status[2].removeprefix("#   - ") if len(status) > 2 else ""
            lines.append(status[0].removeprefix("# ") + (f" → {first_step}" if first_step else ""))
        return "\n".join(lines)

    def checked_personas(self) -> list[Any] | None:
        """The edited personas, or None after showing what is wrong and where."""
        editor = self.query_one("#personas-text", TextArea)
        shown = self.query_one("#personas-error", Static)
        try:
            personas = parse_personas(editor.text)
        except PersonaTextError as error:
            shown.update(printable(t("personas.invalid", self.language, line=error.line,
                                     where=error.where or "-", problem=error.problem)))
            shown.display = True
            editor.move_cursor((error.line - 1, 0), center=True)
            editor.focus()
            return None
        shown.display = False
        checked = unverify_new_quotes(personas, self.personas)
        self.query_one("#personas-status", Static).update(printable(self.status_text(checked)))
        return checked

    @on(Button.Pressed, "#personas-save")
    def save(self) -> None:
        personas = self.checked_personas()
        if personas is not None:
            self.dismiss(personas)

    @on(Button.Pressed, "#personas-export")
    @on(Input.Submitted, "#personas-path")
    def export_markdown(self) -> None:
        from icp_coach.services.persona_report import render_personas
        from icp_coach.storage.atomic import OutputError, write_text_atomic

        personas = self.checked_personas()
        if personas is None:
            return
        lang: Language = "zh" if self.language == "zh" else "en"
        text = render_personas([p.with_evidence_level() for p in personas], lang)
        path = Path(self.query_one("#personas-path", Input).value.strip()).expanduser()
        try:
            written = write_text_atomic(path, text if text.endswith("\n") else text + "\n")
        except (OutputError, OSError) as error:
            self.notify(markup=False, message=f"{error}\n{t('export.failed.what', self.language)}",
                        title=t("export.failed", self.language), severity="error", timeout=12)
            return
        self.notify(markup=False, message=t("export.done", self.language, path=str(written)),
                    timeout=6)

    @on(Button.Pressed, "#personas-close")
    def action_close(self) -> None:
        self.dismiss(None)
