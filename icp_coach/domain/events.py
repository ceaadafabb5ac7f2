"""What the coach tells a UI while it works. The TUI renders these; the headless run logs them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ReplyToken:
    text: str


@dataclass(frozen=True)
class ReplyDone:
    text: str
    citations: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class ICPUpdated:
    document: Any  # ICPDocument
    changed_paths: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StepChanged:
    step: int
    title: str


@dataclass(frozen=True)
class CitationAdded:
    number: int
    passage: Any  # Passage


@dataclass(frozen=True)
class FindingRaised:
    finding: Any  # Finding


@dataclass(frozen=True)
class CoachError:
    message: str
    what_to_do: str = ""
    restore_input: str = ""
    kind: str = ""  # "engine" (endpoint failed; retry), "input" (answer refused), "command"


CoachEvent = ReplyToken | ReplyDone | ICPUpdated | StepChanged | CitationAdded | FindingRaised | CoachError
