"""Lincoln Murphy's seven criteria: score one account 1-5 on each, out of 35."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from icp_coach.domain.language import LANGUAGES
from icp_coach.text.messages import keys_under, message

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


def _guide(criterion: str, language: str) -> dict[str, Any]:
    """One criterion's label, question, red flags and best state, from the message catalogue."""
    def numbered(field: str) -> list[str]:
        return [message(key, language) for key in keys_under(f"assessment.{criterion}.{field}.")]

    return {"label": message(f"assessment.{criterion}.label", language),
            "question": message(f"assessment.{criterion}.question", language),
            "red_flags": numbered("red_flags"), "best": numbered("best")}


# What each criterion asks, its red flags and its best state, in English and Chinese (the
# catalogue's `assessment.CRITERION.*` keys).
CRITERION_GUIDE: dict[str, dict[str, dict[str, Any]]] = {
    criterion: {language: _guide(criterion, language) for language in LANGUAGES}
    for criterion in CRITERIA
}


def render_assessment(assessment: AccountAssessment, lang: str = "en") -> str:
    """A short Markdown card: each criterion with its score, the total and the recommendation."""
    language = "zh" if lang == "zh" else "en"
    lines = [f"# {assessment.account}", ""]
    for item in assessment.scores:
        guide = CRITERION_GUIDE[item.criterion][language]
        flag = " ⚠" if item.score == 1 else ""
        note = f" ({item.evidence})" if item.evidence else ""
        lines.append(f"- {guide['label']}: {item.score}/5{flag}{note}")
        if item.score <= 2:  # the rubric's typical red flags, to check: not findings about the account
            check = message("assessment.check_red_flags", language)
            lines.append(f"  - {check}: {'; '.join(guide['red_flags'])}")
    recommendation = assessment.recommendation()
    total = message("assessment.total", language)
    lines += ["", f"**{total}: {assessment.total}/{MAX_TOTAL}**", "",
              message(f"assessment.recommendation.{recommendation}", language)]
    return "\n".join(lines) + "\n"
