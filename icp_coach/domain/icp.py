"""The ICP document: six dimensions, red flags, machine-readable filters and signals, and more.

Field names follow the JSON shapes fixed in DESIGN.md; new fields may be added, none renamed.
A document holding only `name`, `filters` and `signals` is a valid draft for scoring.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from icp_coach.domain.assessment import AccountAssessment
from icp_coach.domain.criteria import Filter, Signal
from icp_coach.domain.evidence import Evidence
from icp_coach.domain.language import Language
from icp_coach.domain.persona import Persona

SCHEMA_VERSION = 1
SUPPORTED_SCHEMA_VERSIONS: tuple[int, ...] = (1,)

Role = Literal["champion", "economic_buyer", "technical_buyer", "user", "blocker"]
ROLES: tuple[str, ...] = ("champion", "economic_buyer", "technical_buyer", "user", "blocker")
DIMENSIONS: tuple[str, ...] = (
    "firmographics",
    "technographics",
    "psychographics",
    "pain_points",
    "buying_signals",
    "decision_makers",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class NumberRange(_Model):
    min: float | None = None
    max: float | None = None

    @property
    def is_set(self) -> bool:
        return self.min is not None or self.max is not None


class Firmographics(_Model):
    industries: list[str] = Field(default_factory=list)
    employees: NumberRange = Field(default_factory=NumberRange)
    annual_revenue_usd: NumberRange = Field(default_factory=NumberRange)
    regions: list[str] = Field(default_factory=list)
    growth_stages: list[str] = Field(default_factory=list)
    ownership: list[str] = Field(default_factory=list)
    business_models: list[str] = Field(default_factory=list)


class Technographics(_Model):
    tech_stack: list[str] = Field(default_factory=list)
    maturity: str = ""
    integrations: list[str] = Field(default_factory=list)
    compliance: list[str] = Field(default_factory=list)


class Psychographics(_Model):
    values: list[str] = Field(default_factory=list)
    culture: list[str] = Field(default_factory=list)
    risk_appetite: str = ""
    innovation_attitude: str = ""
    priorities: list[str] = Field(default_factory=list)


class PainPoint(_Model):
    description: str = Field(min_length=1)
    urgency: Literal["low", "medium", "high"] | None = None
    current_solution: str = ""
    evidence: list[Evidence] = Field(default_factory=list)


class BuyingSignal(_Model):
    type: str = "event"
    description: str = Field(min_length=1)
    evidence: list[Evidence] = Field(default_factory=list)


class DecisionMaker(_Model):
    role: Role
    titles: list[str] = Field(default_factory=list)
    concerns: list[str] = Field(default_factory=list)


class RedFlag(_Model):
    description: str = Field(min_length=1)
    evidence: list[Evidence] = Field(default_factory=list)


class PMFStatus(_Model):
    """The product-market-fit check done before step 1; it decides how to segment."""

    referral_share: float | None = Field(default=None, ge=0, le=1)
    referrer_nps: float | None = Field(default=None, ge=-100, le=100)  # the referrers' score
    overall_nps: float | None = Field(default=None, ge=-100, le=100)  # all customers: not PMF
    retention_note: str = ""
    reached: bool | None = None
    segmentation: Literal["firmographic", "jobs_to_be_done"] | None = None


class Market(_Model):
    tam_accounts: int | None = None
    sam_accounts: int | None = None
    som_accounts: int | None = None
    acv_usd: float | None = None
    tam_usd: float | None = None
    sam_usd: float | None = None
    som_usd: float | None = None
    assumptions: list[str] = Field(default_factory=list)


class Review(_Model):
    cadence: Literal["monthly", "quarterly", "half_yearly", "yearly"] = "quarterly"
    next_review: date | None = None
    triggers: list[str] = Field(default_factory=list)


class ICPDocument(_Model):
    """An Ideal Customer Profile, versioned, with the evidence behind its claims."""

    schema_version: int = SCHEMA_VERSION
    name: str = Field(min_length=1)
    version: str = "0.1"
    summary: str = ""
    language: Language = "en"
    pmf: PMFStatus = Field(default_factory=PMFStatus)
    firmographics: Firmographics = Field(default_factory=Firmographics)
    technographics: Technographics = Field(default_factory=Technographics)
    psychographics: Psychographics = Field(default_factory=Psychographics)
    pain_points: list[PainPoint] = Field(default_factory=list)
    buying_signals: list[BuyingSignal] = Field(default_factory=list)
    decision_makers: list[DecisionMaker] = Field(default_factory=list)
    red_flags: list[RedFlag] = Field(default_factory=list)
    best_accounts: list[str] = Field(default_factory=list)  # the named customers to clone (step 1)
    jobs_to_be_done: list[str] = Field(default_factory=list)  # before PMF: the jobs they hire it for
    validation_evidence: list[str] = Field(default_factory=list)  # what step 3 checked it against
    filters: list[Filter] = Field(default_factory=list)
    signals: list[Signal] = Field(default_factory=list)
    personas: list[Persona] = Field(default_factory=list)
    assessments: list[AccountAssessment] = Field(default_factory=list)
    market: Market | None = None
    review: Review = Field(default_factory=Review)
    updated: date | None = None
    engine: str | None = None

    @field_validator("schema_version")
    @classmethod
    def _supported(cls, value: int) -> int:
        if value not in SUPPORTED_SCHEMA_VERSIONS:
            supported = ", ".join(str(v) for v in SUPPORTED_SCHEMA_VERSIONS)
            raise ValueError(f"schema_version {value} is not supported (supported: {supported})")
        return value

    @model_validator(mode="after")
    def _unique_roles(self) -> ICPDocument:
        roles = [maker.role for maker in self.decision_makers]
        duplicates = sorted({role for role in roles if roles.count(role) > 1})
        if duplicates:
            raise ValueError(f"decision_makers lists a role twice: {', '.join(duplicates)}")
        return self

    def decision_maker(self, role: str) -> DecisionMaker | None:
        return next((maker for maker in self.decision_makers if maker.role == role), None)
