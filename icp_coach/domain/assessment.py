"""Lincoln Murphy's seven criteria: score one account 1-5 on each, out of 35."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CriterionName = Literal[
    "ready", "willing", "able", "successful", "profitable", "expansion_potential", "advocacy_potential"
]
CRITERIA: tuple[str, ...] = (
    "ready",
    "willing",
    "able",
    "successful",
    "profitable",
    "expansion_potential",
    "advocacy_potential",
)
MAX_TOTAL = 5 * len(CRITERIA)


class CriterionScore(BaseModel):
    model_config = ConfigDict(extra="forbid")

    criterion: CriterionName
    score: int = Field(ge=1, le=5)
    evidence: str = ""


class AccountAssessment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account: str = Field(min_length=1)
    scores: list[CriterionScore]
    assessed_on: str | None = None

    @property
    def total(self) -> int:
        return sum(item.score for item in self.scores)

    @property
    def is_complete(self) -> bool:
        return {item.criterion for item in self.scores} == set(CRITERIA)

    def recommendation(self) -> Literal["pursue", "nurture", "disqualify"]:
        """>= 28 of 35 (80%) pursue; >= 21 nurture; else disqualify; any 1 is a red flag."""
        if any(item.score == 1 for item in self.scores):
            return "disqualify" if self.total < 28 else "nurture"
        if self.total >= 28:
            return "pursue"
        if self.total >= 21:
            return "nurture"
        return "disqualify"
