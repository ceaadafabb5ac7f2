"""The one composition root: wires engines, the knowledge base and storage for the CLI, the TUI
and the tests alike. Tests pass fakes in (`chat_model=...`); nothing global is patched.

Every adapter is built lazily on first use, so a command pays only for what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from icp_coach.settings import Settings


def resolve_engine(settings: Settings, *, chat_model: Any = None) -> str:
    """auto: a configured endpoint (or an injected chat model), else the local model if
    installed, else offline."""
    if settings.engine != "auto":
        return settings.engine
    if chat_model is not None or settings.has_endpoint:
        return "llm"
    from icp_coach.engines.llm.local_model import local_model_installed  # noqa: PLC0415

    if local_model_installed(settings):
        return "local"
    return "offline"


@dataclass
class App:
    """What a command or the TUI needs, built on demand from the settings."""

    settings: Settings
    chat_model: Any = None  # a LangChain chat model; tests inject fakes here
    embedder: Any = None  # optional override of the bundled embedding model
    _closers: list[Any] = field(default_factory=list)

    @cached_property
    def engine_name(self) -> str:
        return resolve_engine(self.settings, chat_model=self.chat_model)

    def close(self) -> None:
        """Stop what was started (the local model server), newest first."""
        while self._closers:
            self._closers.pop()()


def make_app(settings: Settings | None = None, chat_model: Any = None, **overrides: Any) -> App:
    from icp_coach.settings import load_settings

    return App(settings=settings or load_settings(), chat_model=chat_model, **overrides)
