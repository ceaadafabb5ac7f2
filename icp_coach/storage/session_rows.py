"""Rows <-> domain objects for the sessions database. The SQL side sees plain tuples and JSON
text; the rest of the program sees InterviewState. Nothing else crosses the boundary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.process import InterviewState


class TurnLike(Protocol):
    """A turn as the coach hands it over (services/coach_ports.py TurnRecord): read-only, so a
    frozen record with narrower (Literal) types satisfies it."""

    @property
    def speaker(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def step(self) -> int: ...

    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class SessionRow:
    id: str
    company: str
    language: str
    step: int
    completed: int
    engine: str
    version: str
    created_at: str
    updated_at: str
    state_json: str


@dataclass(frozen=True)
class SessionSummary:
    id: str
    company: str
    language: str
    step: int
    completed: bool
    engine: str
    version: str
    created_at: str
    updated_at: str
    turns: int

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class StoredTurn:
    seq: int
    speaker: str
    kind: str
    step: int
    text: str
    created_at: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class StoredVersion:
    seq: int
    version: str
    reason: str
    created_at: str
    document: ICPDocument


def redact(text: str, secrets: tuple[str, ...]) -> str:
    """Blank out any secret (the API key) that a user pasted, before it reaches the disk."""
    for secret in secrets:
        if secret and len(secret) >= 8:
            text = text.replace(secret, "[redacted]")
    return text


def state_to_row(state: InterviewState, *, created_at: str, updated_at: str,
                 secrets: tuple[str, ...] = ()) -> SessionRow:
    return SessionRow(
        id=state.session_id, company=redact(state.company, secrets), language=state.language,
        step=state.step,
        completed=int(state.completed), engine=state.engine, version=state.draft.version,
        created_at=created_at, updated_at=updated_at,
        state_json=redact(state.model_dump_json(), secrets))


def row_to_state(state_json: str) -> InterviewState:
    return InterviewState.model_validate_json(state_json)


def session_summary(row: tuple[Any, ...]) -> SessionSummary:
    (session_id, company, language, step, completed, engine, version, created_at, updated_at,
     turns) = row
    return SessionSummary(session_id, company, language, int(step), bool(completed), engine or "",
                          version or "", created_at, updated_at, int(turns))


def turn_to_row(session_id: str, seq: int, turn: TurnLike, created_at: str,
                secrets: tuple[str, ...] = ()) -> tuple[Any, ...]:
    return (session_id, seq, turn.speaker, turn.kind, int(turn.step),
            redact(turn.text, secrets), created_at)


def row_to_turn(row: tuple[Any, ...]) -> StoredTurn:
    seq, speaker, kind, step, text, created_at = row
    return StoredTurn(int(seq), speaker, kind, int(step), text, created_at)


def version_to_row(session_id: str, seq: int, document: ICPDocument, reason: str,
                   created_at: str, secrets: tuple[str, ...] = ()) -> tuple[Any, ...]:
    return (session_id, seq, document.version, reason,
            redact(document.model_dump_json(), secrets), created_at)


def row_to_version(row: tuple[Any, ...]) -> StoredVersion:
    seq, version, reason, created_at, document_json = row
    return StoredVersion(int(seq), version, reason, created_at,
                         ICPDocument.model_validate(json.loads(document_json)))
