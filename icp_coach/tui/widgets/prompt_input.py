"""The answer box: multi-line, history on up/down, slash commands with completion."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static, TextArea

from icp_coach.text.messages import message

# The commands in the order /help lists them; the coach executes them. What each does is the
# catalogue's `command.NAME.about` (icp_coach/text/messages_*.py).
SLASH_COMMANDS: tuple[str, ...] = (
    "/help", "/next", "/back", "/step", "/undo", "/show", "/sources", "/export", "/lang",
    "/assess", "/cancel",
)


def matching_commands(text: str) -> list[str]:
    """The slash commands that start with what is typed (only while typing the command word)."""
    if not text.startswith("/") or " " in text or "\n" in text:
        return []
    return [name for name in SLASH_COMMANDS if name.startswith(text.lower())]


class PromptInput(TextArea):
    """Enter sends; ctrl+j (or alt+enter) adds a line; up/down walk the history; tab completes."""

    # Handled in _on_key, not as bindings: a binding runs when the App sees the key, which can be
    # before this widget has inserted the characters typed just ahead of it (fast typing, tmux).
    DEFAULT_KEYS = {"input.submit": "enter", "input.newline": "ctrl+j,alt+enter,shift+enter"}

    @dataclass
    class Submitted(Message):
        prompt: PromptInput
        text: str

    def __init__(self, *, id: str | None = None, placeholder: str = "",  # noqa: A002
                 keymap: dict[str, str] | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus", show_line_numbers=False,
                         compact=True, placeholder=placeholder)
        chosen = {**self.DEFAULT_KEYS, **{k: v for k, v in (keymap or {}).items()
                                          if k in self.DEFAULT_KEYS}}
        self.submit_keys = {key.strip() for key in chosen["input.submit"].split(",")}
        self.newline_keys = {key.strip() for key in chosen["input.newline"].split(",")}
        self.sent_history: list[str] = []
        self._history_index: int | None = None
        self._draft = ""

    # --- actions --------------------------------------------------------------------------
    def action_submit(self) -> None:
        text = self.text
        if not text.strip():
            return
        names = matching_commands(text.strip())
        if len(names) == 1 and names[0] != text.strip() and self.complete():
            return  # "/sh" + Enter completes to "/show "; the next Enter sends it
        self.remember(text)
        self.clear()
        self.post_message(self.Submitted(self, text))

    def action_newline(self) -> None:
        self.insert("\n")

    def remember(self, text: str) -> None:
        if not self.sent_history or self.sent_history[-1] != text:
            self.sent_history.append(text)
        self._history_index = None

    def restore(self, text: str) -> None:
        """Put `text` back (a failed reply): the user retries with Enter."""
        self.load_text(text)
        self.move_cursor(self.document.end)
        self.focus()

    # --- history and completion --------------------------------------------------------------
    def _show_history(self, index: int | None) -> None:
        self._history_index = index
        self.load_text(self._draft if index is None else self.sent_history[index])
        self.move_cursor(self.document.end)

    def history_back(self) -> bool:
        if not self.sent_history:
            return False
        if self._history_index is None:
            self._draft = self.text
            self._show_history(len(self.sent_history) - 1)
        elif self._history_index > 0:
            self._show_history(self._history_index - 1)
        return True

    def history_forward(self) -> bool:
        if self._history_index is None:
            return False
        following = self._history_index + 1
        self._show_history(following if following < len(self.sent_history) else None)
        return True

    def complete(self) -> bool:
        matches = matching_commands(self.text)
        if not matches:
            return False
        names = matches
        common = names[0]
        for name in names[1:]:
            while not name.startswith(common):
                common = common[:-1]
        completed = common + " " if len(names) == 1 else common
        if completed == self.text:
            return False
        self.load_text(completed)
        self.move_cursor(self.document.end)
        return True

    async def _on_key(self, event: events.Key) -> None:
        row = self.cursor_location[0]
        last_row = self.document.line_count - 1
        handled = True
        if event.key in self.submit_keys:
            self.action_submit()
        elif event.key in self.newline_keys:
            self.action_newline()
        elif event.key == "up" and row == 0:
            handled = self.history_back()
        elif event.key == "down" and row == last_row:
            handled = self.history_forward()
        elif event.key == "tab":
            handled = self.complete()
        else:
            handled = False
        if handled:
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)


class CommandHints(Static):
    """Shows the slash commands matching what is typed, under the input."""

    def show_for(self, text: str, language: str) -> None:
        matches = matching_commands(text)
        self.display = bool(matches)
        if not matches:
            return
        line = Text()
        for position, name in enumerate(matches):
            if position:
                line.append("  ")
            line.append(name, style="bold")
            line.append(f" {message(f'command.{name[1:]}.about', language)}", style="dim")
        self.update(line)
