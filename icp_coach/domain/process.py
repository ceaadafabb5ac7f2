"""The guided process: a product-market-fit check (step 0), then the five ICP steps.

Each step has a goal, the ICP fields it fills and done-criteria that are pure functions of the
draft. The PMF answers decide how to segment: firmographics and technographics once PMF is
reached, people (demographics) and jobs-to-be-done before it. The interview's own state (which
step, the draft, what to undo) lives here too, so storage can persist it without knowing services.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from icp_coach.domain.icp import ICPDocument, PMFStatus, Review
from icp_coach.domain.knowledge import Passage
from icp_coach.domain.language import Language
from icp_coach.domain.patch import ICPPatch
from icp_coach.domain.pmf import PMFReading, decide, read_pmf

Segmentation = Literal["firmographic", "jobs_to_be_done"]

FIRST_STEP = 0
LAST_STEP = 5


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    title: dict[str, str]
    goal: dict[str, str]
    fills: tuple[str, ...]

    def title_in(self, language: str) -> str:
        return self.title.get(language, self.title["en"])


STEPS: tuple[Step, ...] = (
    Step(0, "pmf",
         {"en": "Product-market fit check", "zh": "产品市场契合度（PMF）检查"},
         {"en": "Decide how to segment: by company traits once PMF is reached, by people and "
                "jobs before it.",
          "zh": "决定细分方式：已达到 PMF 按公司特征细分，未达到则按人群与待完成任务细分。"},
         ("pmf",)),
    Step(1, "best_customers",
         {"en": "Analyse your best customers", "zh": "分析最佳客户"},
         {"en": "Name the customers you want more of and why they are the best.",
          "zh": "找出你最想复制的客户，以及他们为什么最好。"},
         ("firmographics.industries", "firmographics.employees", "firmographics.annual_revenue_usd",
          "firmographics.regions")),
    Step(2, "common_traits",
         {"en": "Identify common traits", "zh": "识别共同特征"},
         {"en": "Find what the best customers share across the six dimensions.",
          "zh": "按六个维度找出最佳客户的共同点。"},
         ("technographics", "psychographics", "pain_points", "buying_signals", "decision_makers")),
    Step(3, "validate",
         {"en": "Validate the hypothesis", "zh": "验证假设"},
         {"en": "Test the traits against lost deals, churned customers and sample accounts.",
          "zh": "用丢单、流失客户和样本客户检验这些特征。"},
         ("red_flags", "assessments")),
    Step(4, "document",
         {"en": "Document the ICP", "zh": "将 ICP 文档化"},
         {"en": "Write the ICP down with red flags, filters, signals and a scoring rubric.",
          "zh": "写下 ICP，包括红旗、筛选条件、信号和评分规则。"},
         ("summary", "filters", "signals")),
    Step(5, "iterate",
         {"en": "Plan the iteration", "zh": "持续迭代"},
         {"en": "Set the review cadence and the triggers for an early review; version the ICP.",
          "zh": "确定复盘频率和提前复盘的触发条件，并为 ICP 标注版本。"},
         ("review", "version")),
)


def step(number: int) -> Step:
    if not FIRST_STEP <= number <= LAST_STEP:
        raise ValueError(f"there is no step {number}; steps run from {FIRST_STEP} to {LAST_STEP}")
    return STEPS[number]


@dataclass(frozen=True)
class Gap:
    """Something a step still wants; required gaps keep the step open."""

    key: str
    required: bool = True


def segmentation_of(draft: ICPDocument) -> Segmentation:
    return draft.pmf.segmentation or "firmographic"


def step_gaps(number: int, draft: ICPDocument) -> list[Gap]:
    """What step `number` still lacks in `draft`, most important first."""
    firmo, tech = draft.firmographics, draft.technographics
    jobs_first = segmentation_of(draft) == "jobs_to_be_done"
    gaps: list[Gap] = []
    if number == 0:
        pmf = draft.pmf
        if pmf.referral_share is None and pmf.referrer_nps is None and not pmf.retention_note:
            gaps.append(Gap("pmf.evidence"))
        if pmf.referral_share is None:
            gaps.append(Gap("pmf.referral_share", required=False))
        if pmf.referrer_nps is None:
            gaps.append(Gap("pmf.referrer_nps", required=False))
        if not pmf.retention_note:
            gaps.append(Gap("pmf.retention", required=False))
    elif number == 1:
        if jobs_first and not any(maker.titles for maker in draft.decision_makers):
            gaps.append(Gap("decision_makers.titles"))
        if not firmo.industries:
            gaps.append(Gap("firmographics.industries", required=not jobs_first))
        if not firmo.employees.is_set and not firmo.annual_revenue_usd.is_set:
            gaps.append(Gap("firmographics.size", required=not jobs_first))
        if jobs_first and not draft.jobs_to_be_done:
            gaps.append(Gap("jobs_to_be_done"))
        if not draft.best_accounts:
            gaps.append(Gap("best_accounts", required=False))
        if not firmo.regions:
            gaps.append(Gap("firmographics.regions", required=False))
    elif number == 2:
        if not draft.pain_points:
            gaps.append(Gap("pain_points"))
        if not (tech.tech_stack or tech.integrations):
            gaps.append(Gap("technographics", required=not jobs_first))
        if not draft.buying_signals:
            gaps.append(Gap("buying_signals"))
        if not draft.decision_makers:
            gaps.append(Gap("decision_makers"))
        elif draft.decision_maker("economic_buyer") is None:
            gaps.append(Gap("decision_makers.economic_buyer", required=False))
        if not (draft.psychographics.values or draft.psychographics.culture):
            gaps.append(Gap("psychographics", required=False))
    elif number == 3:
        if not draft.red_flags:
            gaps.append(Gap("red_flags"))
        if not draft.validation_evidence and not draft.assessments:
            gaps.append(Gap("validation_evidence", required=False))
        if not draft.assessments:
            gaps.append(Gap("assessments", required=False))
    elif number == 4:
        if not draft.filters:
            gaps.append(Gap("filters"))
        if not draft.signals:
            gaps.append(Gap("signals"))
    elif number == 5:
        if draft.review.next_review is None:
            gaps.append(Gap("review.next_review"))
        if not draft.review.triggers:
            gaps.append(Gap("review.triggers", required=False))
    return gaps


def is_step_done(number: int, draft: ICPDocument) -> bool:
    return not any(gap.required for gap in step_gaps(number, draft))


# Which parts of an answer count at each step. In step 0 the user talks about referrals; in step 3
# about lost deals and churned accounts, whose industries and sizes are counter-examples, not the
# profile; in step 5 about the review plan (parsed by code). Elsewhere everything but PMF counts.
_PATCH_SCOPE: dict[int, frozenset[str] | None] = {
    0: frozenset({"pmf"}),
    3: frozenset({"red_flags", "validation_evidence"}),
    5: frozenset(),
}


def scope_patch(number: int, patch: ICPPatch) -> ICPPatch:
    """The part of `patch` that an answer given at step `number` may change."""
    allowed = _PATCH_SCOPE.get(number)
    if allowed is None:
        return patch.model_copy(update={"pmf": None})
    kept = {name: getattr(patch, name) for name in allowed}
    return ICPPatch(**kept)


def merge_pmf(current: PMFStatus, found: PMFStatus | None) -> PMFStatus:
    """What an answer found, on top of what earlier answers said; then decide PMF again."""
    if found is None:
        return current
    updates = {name: value for name, value in found.model_dump().items()
               if value not in (None, "") and name not in ("reached", "segmentation")}
    if found.reached is False and found.referral_share is None and found.referrer_nps is None:
        updates["reached"] = False  # "not yet", said in so many words
    return decide_pmf(current.model_copy(update=updates))


# --- PMF -----------------------------------------------------------------------------------

def decide_pmf(pmf: PMFStatus) -> PMFStatus:
    """Fill `reached` and `segmentation` from the evidence given (domain/pmf.py decides)."""
    if (pmf.referral_share is None and pmf.referrer_nps is None and not pmf.retention_note
            and pmf.reached is None):
        return pmf
    reached = decide(PMFReading(referral_share=pmf.referral_share, referrer_nps=pmf.referrer_nps,
                                retention_note=pmf.retention_note,
                                said_not_yet=pmf.reached is False and pmf.referral_share is None
                                and pmf.referrer_nps is None))
    if reached is None:
        return pmf
    segmentation: Segmentation = "firmographic" if reached else "jobs_to_be_done"
    return pmf.model_copy(update={"reached": reached, "segmentation": segmentation})


def parse_pmf_answer(text: str, current: PMFStatus) -> PMFStatus | None:
    """The PMF evidence in a free answer, merged onto `current`; None when there is none.

    Code parses numbers (domain/pmf.py) so the result does not depend on what a model guessed.
    """
    reading = read_pmf(text)
    updates: dict[str, object] = {name: getattr(reading, name) for name in
                                  ("referral_share", "referrer_nps", "overall_nps", "retention_note")
                                  if getattr(reading, name) not in (None, "")}
    if reading.said_not_yet:
        updates["reached"] = False
    if not updates:
        return None
    return decide_pmf(current.model_copy(update=updates))


# --- review (step 5) ---------------------------------------------------------------------------

_CADENCE_WORDS: tuple[tuple[str, str], ...] = (
    ("half_yearly", r"half[- ]?year|semi[- ]?annual|every six months|每半年|半年"),
    ("monthly", r"monthly|every month|each month|每月|每个月|月度"),
    ("quarterly", r"quarter|every three months|每季度|每个季度|季度"),
    ("yearly", r"yearly|annual|every year|once a year|每年|年度"),
)
_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
_TRIGGER = re.compile(
    r"(?:\bwhen(?:ever)?\b|\bif\b|\bafter\b|\bas soon as\b|如果|一旦|当|遇到)"
    r"[^.。!?！？;；\n]*", re.IGNORECASE)


def parse_review_answer(text: str, current: Review, today: date) -> Review:
    """Cadence (quarterly unless another is named), early-review triggers, next review date."""
    cadence = current.cadence
    for name, pattern in _CADENCE_WORDS:
        if re.search(pattern, text, re.IGNORECASE):
            cadence = name  # type: ignore[assignment]
            break
    triggers = list(current.triggers)
    for match in _TRIGGER.finditer(text):
        trigger = match.group(0).strip(" ,，、")
        if trigger and trigger not in triggers:
            triggers.append(trigger[:200])
    next_review = today + timedelta(days=round(30.44 * _MONTHS[cadence]))
    return Review(cadence=cadence, next_review=next_review, triggers=triggers)


def bump_version(version: str) -> str:
    """0.x becomes 1.0 (the first validated ICP); later versions get the next minor number."""
    try:
        major_text, _, minor_text = version.partition(".")
        major, minor = int(major_text), int(minor_text or 0)
    except ValueError:
        return "1.0"
    if major == 0:
        return "1.0"
    return f"{major}.{minor + 1}"


# --- the interview's state ---------------------------------------------------------------------

class AssessFlow(BaseModel):
    """A seven-criteria scoring in progress (/assess): the account and the scores so far."""

    model_config = ConfigDict(extra="forbid")

    account: str = ""
    scores: list[dict[str, object]] = Field(default_factory=list)


UNDO_DEPTH = 30


class InterviewState(BaseModel):
    """Everything needed to resume an interview exactly where it stopped."""

    model_config = ConfigDict(extra="forbid")

    session_id: str
    company: str
    language: Language = "en"
    step: int = Field(default=0, ge=FIRST_STEP, le=LAST_STEP)
    draft: ICPDocument
    baseline: ICPDocument  # the last versioned ICP: step 5 diffs against it
    undo_stack: list[ICPDocument] = Field(default_factory=list)
    citations: list[Passage] = Field(default_factory=list)
    asked: dict[str, int] = Field(default_factory=dict)  # follow-ups asked, per gap key
    pushed_back: list[str] = Field(default_factory=list)  # finding codes already pushed back on
    raised: list[str] = Field(default_factory=list)  # finding keys already shown
    assess: AssessFlow | None = None
    completed: bool = False
    engine: str = ""
    # An answer committed before any engine read it, not yet turned into a patch and a reply: a
    # crash (or a failed endpoint) leaves it here, and the resumed coach (or a retry) takes it up.
    pending_answer: str = ""
    turn_count: int = 0  # turns stored so far: an answer's quotes cite the turn they came from
    last_asked: str = ""  # the gap the last follow-up asked about: the next answer fills it
    confirming: bool = False  # the step's criteria are met; the coach asked the user to confirm
    deferred: list[str] = Field(default_factory=list)  # questions answered with something else

    @classmethod
    def new(cls, session_id: str, company: str, language: Language = "en",
            engine: str = "") -> InterviewState:
        draft = ICPDocument(name=company, language=language, engine=engine or None)
        return cls(session_id=session_id, company=company, language=language, draft=draft,
                   baseline=draft.model_copy(deep=True), engine=engine)
