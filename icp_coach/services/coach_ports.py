"""What the coach needs from session storage. Storage implements it without importing services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from icp_coach.domain.process import InterviewState

TurnKind = Literal["answer", "command", "reply", "refused", "error"]


@dataclass(frozen=True)
class TurnRecord:
    speaker: Literal["user", "coach"]
    text: str
    step: int
    kind: TurnKind = "answer"


class SessionStore(Protocol):
    def create_session(self, state: InterviewState) -> None: ...

    def commit(self, state: InterviewState, turns: list[TurnRecord], *,
               icp_changed: bool, reason: str = "") -> None:
        """Append the turns, save the state and, when the ICP changed, a version: one transaction."""
        ...


class NullSessionStore:
    """Keeps nothing: for throwaway runs and tests of the coach alone."""

    def create_session(self, state: InterviewState) -> None:
        return None

    def commit(self, state: InterviewState, turns: list[TurnRecord], *,
               icp_changed: bool, reason: str = "") -> None:
        return None
