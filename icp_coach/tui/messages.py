"""What the workers report back to the UI, as dataclass messages (the elia / toolong pattern).

Workers never touch widgets that belong to someone else: they post one of these and the screen
decides how to show it. Tests read them through `run_test(message_hook=...)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


@dataclass
class PreparationProgress(Message, bubble=False):
    """A step of the blocking start-up (indexing the knowledge base, starting the local model).

    `finished` marks the last one: the knowledge base is attached (or failed, `ok` False).
    """

    text: str
    finished: bool = False
    ok: bool = True
    kind: str = "knowledge"  # or "local_model"


@dataclass
class CoachReady(Message, bubble=False):
    """The coach is built; `history` holds the saved turns when a session was resumed."""

    coach: Any
    resumed: bool
    history: list[Any] = field(default_factory=list)


@dataclass
class CoachStartFailed(Message, bubble=False):
    message: str
    what_to_do: str


@dataclass
class ReplyStarted(Message, bubble=False):
    """The coach began answering `user_text` (empty for the opening turn)."""

    user_text: str


@dataclass
class ReplyCompleted(Message, bubble=False):
    text: str
    citations: list[Any] = field(default_factory=list)


@dataclass
class ReplyFailed(Message, bubble=False):
    """A CoachError (or an unexpected failure): say what to do, give the user's text back."""

    message: str
    what_to_do: str
    restore_input: str = ""


@dataclass
class TurnFinished(Message, bubble=False):
    """The worker for one turn ended (after all the events of that turn)."""

    user_text: str
    cancelled: bool = False


@dataclass
class DraftChanged(Message, bubble=False):
    document: Any
    changed_paths: list[str] = field(default_factory=list)


@dataclass
class StepMoved(Message, bubble=False):
    step: int
    title: str


@dataclass
class FindingShown(Message, bubble=False):
    finding: Any


@dataclass
class CitationShown(Message, bubble=False):
    number: int
    passage: Any


@dataclass
class ConnectionChecked(Message, bubble=False):
    ok: bool
    detail: str


@dataclass
class PersonasDrafted(Message, bubble=False):
    personas: list[Any]  # domain Persona objects, to edit


@dataclass
class PersonasFailed(Message, bubble=False):
    message: str


@dataclass
class AttachmentAnalysed(Message, bubble=False):
    attachment: Any


@dataclass
class AttachmentFailed(Message, bubble=False):
    message: str
