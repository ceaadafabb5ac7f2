"""The export dialog: Markdown or JSON, where to write it, and in which language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from icp_coach.domain.language import Language
from icp_coach.tui.i18n import t
from icp_coach.tui.safe_text import printable


def default_export_path(folder: Path, company: str, session_id: str, fmt: str) -> Path:
    """The same folder and name `/export` uses."""
    from icp_coach import paths

    return folder / paths.export_file_name(company, session_id, fmt)


def export_document(document: Any, fmt: str, language: str, path: Path,
                    exports_dir: Path | None = None) -> Path:
    """Write the ICP as Markdown (with its findings) or JSON, atomically (the exports folder is
    created when missing; any other folder must exist)."""
    from icp_coach import paths
    from icp_coach.storage.atomic import write_text_atomic

    path = path.expanduser()
    if exports_dir is not None and path.parent == exports_dir:
        paths.ensure(path.parent)

    if fmt == "json":
        text = document.model_dump_json(indent=2) + "\n"
    else:
        from icp_coach.domain.validation import validate_icp
        from icp_coach.services.export import render_markdown

        lang: Language = "zh" if language == "zh" else "en"
        text = render_markdown(document, lang, validate_icp(document, lang))
    return write_text_atomic(path, text)


class ExportDialog(ModalScreen[Path | None]):
    """Dismisses with the written path, or None when cancelled. Enter exports (or presses the
    focused button); space picks a format or language."""

    BINDINGS = [
        Binding("escape", "cancel", "Close", id="export.close"),
        Binding("enter", "submit", "Export", id="export.submit", priority=True),
    ]

    def __init__(self, document: Any, language: str, *, session_id: str,
                 exports_dir: Path) -> None:
        super().__init__()
        self.document = document
        self.language = language
        self.session_id = session_id
        self.exports_dir = exports_dir

    def compose(self) -> ComposeResult:
        lang = self.language
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static(t("export.title", lang), classes="dialog-title")
            yield Label(t("export.format", lang))
            with RadioSet(id="export-format"):
                yield RadioButton(t("export.format.md", lang), value=True, id="fmt-md")
                yield RadioButton(t("export.format.json", lang), id="fmt-json")
            yield Label(t("export.language", lang))
            with RadioSet(id="export-language"):
                yield RadioButton("English", value=lang == "en", id="lang-en")
                yield RadioButton("中文", value=lang == "zh", id="lang-zh")
            yield Label(t("export.path", lang))
            yield Input(str(default_export_path(self.exports_dir, self.document.name,
                                                self.session_id, "md")), id="export-path")
            with Horizontal(classes="buttons"):
                yield Button(t("export.save", lang), variant="primary", id="export-save")
                yield Button(t("settings.cancel", lang), id="export-cancel")

    @property
    def chosen_format(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        return "json" if pressed is not None and pressed.id == "fmt-json" else "md"

    @property
    def chosen_language(self) -> str:
        pressed = self.query_one("#export-language", RadioSet).pressed_button
        return "zh" if pressed is not None and pressed.id == "lang-zh" else "en"

    @on(RadioSet.Changed, "#export-format")
    def follow_format(self) -> None:
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        if path.suffix in (".md", ".json"):
            path_input.value = str(path.with_suffix("." + self.chosen_format))

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def action_submit(self) -> None:
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        else:
            self.save()

    @on(Button.Pressed, "#export-save")
    def save(self) -> None:
        from icp_coach.storage.atomic import OutputError

        path = Path(self.query_one("#export-path", Input).value.strip())
        try:
            written = export_document(self.document, self.chosen_format, self.chosen_language, path,
                                      self.exports_dir)
        except (OutputError, OSError) as error:
            self.notify(printable(f"{error}\n{t('export.failed.what', self.language)}"),
                        title=t("export.failed", self.language), severity="error", timeout=12,
                        markup=False)
            return
        self.notify(printable(t("export.done", self.language, path=str(written))), timeout=8,
                    markup=False)
        self.dismiss(written)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
