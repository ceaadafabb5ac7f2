"""Saved interviews: resume, rename, delete, export."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from icp_coach.tui.i18n import t
from icp_coach.tui.safe_text import plain, printable


async def rename_session(store: Any, session_id: str, name: str, current_coach: Any = None,
                         coach_thread: Any = None) -> None:
    """The open session is renamed through its coach (which would otherwise write its old name
    back with the next turn), on the coach's thread like its other commits; any other one in the
    store."""
    if current_coach is not None and current_coach.session_id == session_id:
        if coach_thread is not None:
            await coach_thread.call(current_coach.rename, name)
        else:
            current_coach.rename(name)
    else:
        store.rename(session_id, name)


class SessionsScreen(ModalScreen[str | None]):
    """Dismisses with the id of the session to resume, or None."""

    BINDINGS = [
        Binding("enter", "resume", "Resume", id="sessions.resume"),
        Binding("r", "rename", "Rename", id="sessions.rename"),
        Binding("d,delete", "delete", "Delete", id="sessions.delete"),
        Binding("e", "export", "Export", id="sessions.export"),
        Binding("escape", "close", "Close", id="sessions.close"),
    ]

    def __init__(self, store: Any, current_id: str | None, language: str,
                 current_coach: Any = None) -> None:
        super().__init__()
        self.store = store
        self.current_coach = current_coach
        self.current_id = current_id
        self.language = language
        self._confirm_delete: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="sessions-dialog", classes="dialog"):
            yield Static(t("sessions.title", self.language), classes="dialog-title")
            yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
            yield Input(placeholder=t("sessions.new_name", self.language), id="rename-input")
            yield Static(" ".join(f"[b]{key}[/b] {t(label, self.language)}" for key, label in (
                ("enter", "sessions.resume"), ("r", "sessions.rename"), ("d", "sessions.delete"),
                ("e", "sessions.export"), ("esc", "key.close"))), classes="muted")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        lang = self.language
        for key in ("id", "company", "step", "version", "updated", "turns"):
            table.add_column(t(f"sessions.col.{key}", lang), key=key)
        self.query_one("#rename-input", Input).display = False
        self.reload()
        table.focus()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for item in self.store.list_sessions():
            marker = "*" if item.id == self.current_id else ""
            cells = (item.id + marker, item.company, f"{item.step}{' ✓' if item.completed else ''}",
                     item.version, item.updated_at.replace("T", " ")[:16], str(item.turns))
            table.add_row(*(plain(cell) for cell in cells), key=item.id)  # names are not markup
        if not table.row_count:
            self.notify(markup=False, message=t("sessions.empty", self.language), timeout=4)

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return None if row_key.value is None else str(row_key.value)

    def action_resume(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.dismiss(chosen)

    @on(DataTable.RowSelected)
    def resume_clicked(self) -> None:
        self.action_resume()

    def action_rename(self) -> None:
        if self.selected_id() is None:
            return
        rename = self.query_one("#rename-input", Input)
        rename.display = True
        rename.focus()

    @on(Input.Submitted, "#rename-input")
    async def apply_rename(self, event: Input.Submitted) -> None:
        chosen = self.selected_id()
        name = event.value.strip()
        event.input.value = ""
        event.input.display = False
        if chosen is None or not name:
            return
        await rename_session(self.store, chosen, name, self.current_coach,
                             getattr(self.app, "coach_thread", None))
        if self.current_coach is not None and chosen == self.current_coach.session_id:
            self.app.main_screen.refresh_icp()  # type: ignore[attr-defined]
        self.notify(printable(t("sessions.renamed", self.language, name=name)), timeout=4,
                    markup=False)
        self.reload()
        self.query_one(DataTable).focus()

    def action_delete(self) -> None:
        chosen = self.selected_id()
        if chosen is None:
            return
        if chosen == self.current_id:
            self.notify(markup=False, message=t("sessions.cannot_delete_current", self.language), severity="warning")
            return
        if self._confirm_delete != chosen:  # a second press confirms: nothing goes by accident
            self._confirm_delete = chosen
            self.notify(markup=False, message=t("sessions.confirm_delete", self.language, id=chosen), timeout=5)
            return
        self.store.delete(chosen)
        self._confirm_delete = None
        self.notify(markup=False, message=t("sessions.deleted", self.language, id=chosen), timeout=4)
        self.reload()

    def action_export(self) -> None:
        from icp_coach.tui.screens.export import ExportDialog

        chosen = self.selected_id()
        if chosen is None:
            return
        state = self.store.load_state(chosen)
        self.app.push_screen(ExportDialog(
            state.draft, state.language, session_id=state.session_id,
            exports_dir=self.app.context.exports_dir))  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.dismiss(None)
