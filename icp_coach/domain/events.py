"""What the coach tells a UI while it works. The TUI renders these; the headless run logs them.

Events that follow a change (ICPUpdated, StepChanged, ReplyDone) carry a `DraftView`: the draft,
its findings, completeness and the step's state, computed once by the coach, so a panel renders
from the event and never asks the coach (or validates) again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DraftView:
    """A snapshot for the ICP panel and the step bar, taken after a change."""

    document: Any  # ICPDocument
    step: int
    step_title: str
    language: str
    findings: list[Any] = field(default_factory=list)  # Finding, validated once per change
    completeness: dict[str, float] = field(default_factory=dict)  # per dimension, and "overall"
    gaps: list[Any] = field(default_factory=list)  # Gap: what the current step still wants
    done_steps: list[int] = field(default_factory=list)  # steps whose done-criteria are met
    completed: bool = False  # step 5 finished and the ICP versioned


@dataclass(frozen=True)
class ReplyToken:
    text: str


@dataclass(frozen=True)
class ReplyDone:
    text: str
    citations: list[Any] = field(default_factory=list)
    view: DraftView | None = None


@dataclass(frozen=True)
class ICPUpdated:
    document: Any  # ICPDocument
    changed_paths: list[str] = field(default_factory=list)
    view: DraftView | None = None


@dataclass(frozen=True)
class StepChanged:
    step: int
    title: str
    view: DraftView | None = None


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
