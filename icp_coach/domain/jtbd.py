"""Jobs-To-Be-Done results from customer interviews: forces of progress, the switch timeline,
alternatives, outcomes and job statements. Every item carries verbatim evidence or says it has none.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from icp_coach.domain.language import Language

ForceName = Literal["push", "pull", "anxiety", "habit"]
FORCES: tuple[str, ...] = ("push", "pull", "anxiety", "habit")
TimelineStage = Literal[
    "first_thought", "passive_looking", "active_looking", "deciding", "first_use"
]
TIMELINE_STAGES: tuple[str, ...] = (
    "first_thought", "passive_looking", "active_looking", "deciding", "first_use"
)


class Quote(BaseModel):
    """A verbatim span of a customer turn; `source` is the transcript, `line` its line number."""

    model_config = ConfigDict(extra="forbid")

    quote: str = Field(min_length=1)
    source: str
    line: int
    speaker: str = ""
    timestamp: str | None = None


class EvidencedItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    evidence: list[Quote] = Field(default_factory=list)
    verified: bool = False  # True only when at least one quote was checked against the transcript


class Forces(BaseModel):
    model_config = ConfigDict(extra="forbid")

    push: list[EvidencedItem] = Field(default_factory=list)
    pull: list[EvidencedItem] = Field(default_factory=list)
    anxiety: list[EvidencedItem] = Field(default_factory=list)
    habit: list[EvidencedItem] = Field(default_factory=list)


class TimelineEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stage: TimelineStage
    text: str
    evidence: list[Quote] = Field(default_factory=list)


class Alternative(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    considered: bool
    evidence: list[Quote] = Field(default_factory=list)


class JTBDResult(BaseModel):
    """What one interview says about the job; the JSON shape is fixed in DESIGN.md."""

    model_config = ConfigDict(extra="forbid")

    source: str
    language: Language = "en"
    interviewers: list[str] = Field(default_factory=list)
    customers: list[str] = Field(default_factory=list)
    forces: Forces = Field(default_factory=Forces)
    triggers: list[EvidencedItem] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(default_factory=list)
    chosen_solution: str | None = None
    desired_outcomes: list[EvidencedItem] = Field(default_factory=list)
    job_statements: list[EvidencedItem] = Field(default_factory=list)
    # what the customer said they did not value: kept apart so it is never reported as a force
    not_valued: list[EvidencedItem] = Field(default_factory=list)
    engine: str = "offline"
    notes: list[str] = Field(default_factory=list)  # e.g. quotes dropped as unverifiable


class Theme(BaseModel):
    """A finding merged across interviews; a pattern once enough interviews support it."""

    model_config = ConfigDict(extra="forbid")

    kind: str  # a force name, "trigger", "alternative", "desired_outcome"
    text: str
    sources: list[str]
    support: int = 0  # how many interviews back it
    evidence: list[Quote] = Field(default_factory=list)
    status: Literal["pattern", "hypothesis"] = "hypothesis"


class JTBDReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    interviews: list[JTBDResult]
    themes: list[Theme] = Field(default_factory=list)
    pattern_threshold: int = 3
