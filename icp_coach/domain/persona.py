"""Buyer personas for the buying committee: one per role, honest about the evidence behind them.

A persona backed by at least `DRAFT_THRESHOLD` distinct evidence items is a draft; with fewer it
is a hypothesis and says what to go and learn. Items that come from a role template rather than
from evidence are marked `basis="template"` and are never presented as observed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from icp_coach.domain.evidence import Evidence

PersonaRole = Literal["champion", "economic_buyer", "technical_buyer", "user", "blocker"]
DRAFT_THRESHOLD = 5
SECTIONS: tuple[str, ...] = (
    "goals", "pains", "jobs_to_be_done", "triggers", "objections", "decision_criteria",
    "watering_holes", "messages",
)
# Knowledge passages support advice; only these say something about the buyers themselves.
COUNTED_KINDS = frozenset({"quote", "icp_field", "data"})
Basis = Literal["observed", "icp", "template", "inferred"]  # template and inferred are not evidence


class PersonaItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    basis: Basis = "template"
    evidence: list[Evidence] = Field(default_factory=list)
    answer: str = ""  # for objections: how to answer it


class Persona(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: PersonaRole
    name: str = Field(min_length=1)
    title: str = ""
    other_titles: list[str] = Field(default_factory=list)
    seniority: str = ""
    team: str = ""
    goals: list[PersonaItem] = Field(default_factory=list)
    pains: list[PersonaItem] = Field(default_factory=list)
    jobs_to_be_done: list[PersonaItem] = Field(default_factory=list)
    triggers: list[PersonaItem] = Field(default_factory=list)
    objections: list[PersonaItem] = Field(default_factory=list)
    decision_criteria: list[PersonaItem] = Field(default_factory=list)
    watering_holes: list[PersonaItem] = Field(default_factory=list)
    messages: list[PersonaItem] = Field(default_factory=list)
    vocabulary: list[str] = Field(default_factory=list)  # the words they use, from their quotes
    evidence_level: Literal["draft", "hypothesis"] = "hypothesis"
    evidence_count: int = 0
    # per section, how many items rest on a source (an ICP field or a verbatim quote)
    evidenced: dict[str, int] = Field(default_factory=dict)
    interviewees: list[str] = Field(default_factory=list)  # who in the interviews plays this role
    to_learn: list[str] = Field(default_factory=list)  # the interviews still to run, and what to ask
    engine: str = "offline"

    def items(self) -> list[PersonaItem]:
        return [item for section in SECTIONS for item in getattr(self, section)]

    def evidenced_items(self, section: str) -> list[PersonaItem]:
        """The items of a section that rest on evidence (never a template or an inference)."""
        return [item for item in getattr(self, section) if is_evidenced(item)]

    def distinct_evidence(self) -> list[Evidence]:
        seen: dict[tuple[str, str, str], Evidence] = {}
        for item in self.items():
            for evidence in item.evidence:
                if evidence.kind in COUNTED_KINDS:
                    seen.setdefault(evidence.key(), evidence)
        return list(seen.values())

    def with_evidence_level(self) -> Persona:
        """The persona with `evidence_count` and `evidence_level` set from its own evidence."""
        count = len(self.distinct_evidence())
        level: Literal["draft", "hypothesis"] = "draft" if count >= DRAFT_THRESHOLD else "hypothesis"
        evidenced = {section: len(self.evidenced_items(section)) for section in SECTIONS}
        return self.model_copy(update={"evidence_count": count, "evidence_level": level,
                                       "evidenced": evidenced})


def is_evidenced(item: PersonaItem) -> bool:
    return item.basis in ("observed", "icp") and any(
        evidence.kind in ("quote", "icp_field") for evidence in item.evidence)
