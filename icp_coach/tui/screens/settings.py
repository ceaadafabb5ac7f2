"""Engine, endpoint, model, language and the API key, with a connection test.

The key is never shown: the field is always empty and says where the key comes from. A key typed
here goes to the config file (0600) and nowhere else.
"""

from __future__ import annotations

import os
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from icp_coach.tui.i18n import t
from icp_coach.tui.messages import ConnectionChecked
from icp_coach.tui.safe_text import plain

ENGINES = ("auto", "llm", "local", "offline")


def key_status(settings: Any) -> str:
    if any(os.environ.get(name) for name in ("ICP_COACH_API_KEY", "OPENAI_API_KEY")):
        return "settings.api_key.env"
    return "settings.api_key.set" if settings.api_key is not None else "settings.api_key.unset"


def check_connection(context: Any, settings: Any) -> tuple[bool, str]:
    """One tiny request through the same wiring the coach uses, built afresh for `settings`."""
    from icp_coach.tui.app import rewired_context

    if settings.engine == "offline":
        return True, "offline"
    probe = rewired_context(context, settings)
    try:
        if probe.engine_name == "offline":
            return True, "offline"
        reply = probe.llm_chat_model.invoke("Reply with the single word OK.")
        content = str(getattr(reply, "content", reply)).strip()[:40]
        return True, f"{probe.engine_name} {settings.model}: {content}"
    except Exception as error:  # noqa: BLE001 - the message is the result of the test
        endpoint = settings.base_url or "https://api.openai.com/v1"
        what = getattr(error, "what_to_do", "") or (
            "check that the server is running, that the URL ends in /v1, and the key")
        detail = f"{error} ({endpoint}, model {settings.model}). {what}".strip()
        key = settings.api_key.get_secret_value() if settings.api_key else ""
        return False, detail.replace(key, "***") if key else detail
    finally:
        probe.close()


class SettingsScreen(ModalScreen[dict[str, Any] | None]):
    """Dismisses with the saved changes, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Close", id="settings.close")]

    def __init__(self, context: Any, language: str) -> None:
        super().__init__()
        self.context = context
        self.settings = context.settings
        self.language = language

    def compose(self) -> ComposeResult:
        lang, current = self.language, self.settings
        with Vertical(id="settings-dialog", classes="dialog"):
            yield Static(t("settings.title", lang), classes="dialog-title")
            with VerticalScroll():
                yield Label(t("settings.engine", lang))
                yield Select([(t(f"settings.engine.{name}", lang), name) for name in ENGINES],
                             value=current.engine,
                             allow_blank=False, id="engine")
                yield Label(t("settings.base_url", lang))
                yield Input(current.base_url or "", placeholder="https://api.openai.com/v1",
                            id="base-url")
                yield Label(t("settings.model", lang))
                yield Input(current.model, id="model")
                yield Label(t("settings.language", lang))
                yield Select([("English", "en"), ("中文", "zh")], value=lang, allow_blank=False,
                             id="language")
                yield Label(t("settings.api_key", lang))
                yield Input("", password=True, placeholder=t(key_status(current), lang),
                            id="api-key")
                yield Static("", id="connection-result")
            with Horizontal(classes="buttons"):
                yield Button(t("settings.test", lang), id="test")
                yield Button(t("settings.save", lang), variant="primary", id="save")
                yield Button(t("settings.cancel", lang), id="cancel")

    def chosen(self) -> dict[str, Any]:
        """What the form says, as config-file keys (the key only when one was typed)."""
        values: dict[str, Any] = {
            "engine": self.query_one("#engine", Select).value,
            "base_url": self.query_one("#base-url", Input).value.strip() or None,
            "model": self.query_one("#model", Input).value.strip() or self.settings.model,
            "language": self.query_one("#language", Select).value,
        }
        typed_key = self.query_one("#api-key", Input).value.strip()
        if typed_key:
            values["api_key"] = typed_key
        return values

    def trial_settings(self) -> Any:
        from pydantic import SecretStr

        values = self.chosen()
        key = values.pop("api_key", None)
        update: dict[str, Any] = dict(values)
        if key:
            update["api_key"] = SecretStr(key)
        return self.settings.model_copy(update=update)

    @on(Button.Pressed, "#test")
    def test_connection(self) -> None:
        self.query_one("#connection-result", Static).update(t("settings.testing", self.language))
        self.run_connection_test(self.trial_settings())

    @work(thread=True, exclusive=True, group="connection", exit_on_error=False)
    def run_connection_test(self, settings: Any) -> None:
        ok, detail = check_connection(self.context, settings)
        self.post_message(ConnectionChecked(ok, detail))

    def on_connection_checked(self, message: ConnectionChecked) -> None:
        key = "settings.test_ok" if message.ok else "settings.test_failed"
        if message.detail == "offline":
            text = t("settings.offline_ok", self.language)
        else:
            text = t(key, self.language, detail=message.detail)
        result = self.query_one("#connection-result", Static)
        result.set_class(not message.ok, "error")
        result.update(plain(text))

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        from icp_coach.tui.config_file import save_config

        values = self.chosen()
        path = save_config(values)
        self.notify(markup=False, message=t("settings.saved", self.language, path=str(path)), timeout=6)
        self.dismiss(values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
