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
    engine: str = ""  # the status line's "engine: ... (why)"
    view: Any = None  # the coach's DraftView, for the panel


@dataclass
class CoachStartFailed(Message, bubble=False):
    message: str
    what_to_do: str


@dataclass
class CoachEventReceived(Message, bubble=False):
    """One event of the coach (`domain/events.py`: ReplyDone, ICPUpdated, StepChanged,
    FindingRaised, CitationAdded, CoachError), passed on as it is: the screen renders its payload.
    Reply tokens are not posted: the turn's worker writes them straight into the chat."""

    event: Any


@dataclass
class TurnFinished(Message, bubble=False):
    """The worker for one turn ended (after all the events of that turn)."""

    user_text: str
    cancelled: bool = False


@dataclass
class LastSessionFound(Message, bubble=False):
    """A launch without --resume found saved sessions: offer the newest one (a SessionSummary)."""

    summary: Any


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
