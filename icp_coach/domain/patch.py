"""A patch: what one answer adds to the ICP draft. Lists are merged, ranges set, nothing erased."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from icp_coach.domain.icp import (
    BuyingSignal,
    DecisionMaker,
    ICPDocument,
    NumberRange,
    PainPoint,
    PMFStatus,
    RedFlag,
)


class ICPPatch(BaseModel):
    """Every field optional; an engine fills what it found in the user's text."""

    model_config = ConfigDict(extra="forbid")

    industries: list[str] = Field(default_factory=list)
    employees: NumberRange | None = None
    annual_revenue_usd: NumberRange | None = None
    regions: list[str] = Field(default_factory=list)
    growth_stages: list[str] = Field(default_factory=list)
    business_models: list[str] = Field(default_factory=list)
    tech_stack: list[str] = Field(default_factory=list)
    integrations: list[str] = Field(default_factory=list)
    compliance: list[str] = Field(default_factory=list)
    values: list[str] = Field(default_factory=list)
    pain_points: list[PainPoint] = Field(default_factory=list)
    buying_signals: list[BuyingSignal] = Field(default_factory=list)
    decision_makers: list[DecisionMaker] = Field(default_factory=list)
    red_flags: list[RedFlag] = Field(default_factory=list)
    best_accounts: list[str] = Field(default_factory=list)
    jobs_to_be_done: list[str] = Field(default_factory=list)
    validation_evidence: list[str] = Field(default_factory=list)
    pmf: PMFStatus | None = None
    summary: str = ""

    def is_empty(self) -> bool:
        return self == ICPPatch()


def _merge_words(current: list[str], added: list[str]) -> list[str]:
    seen = {item.strip().lower() for item in current}
    merged = list(current)
    for item in added:
        key = item.strip().lower()
        if key and key not in seen:
            seen.add(key)
            merged.append(item.strip())
    return merged


def _merge_by_description(current: list, added: list) -> list:
    seen = {item.description.strip().lower() for item in current}
    return list(current) + [item for item in added if item.description.strip().lower() not in seen]


def apply_patch(doc: ICPDocument, patch: ICPPatch) -> tuple[ICPDocument, list[str]]:
    """A new document with the patch applied, and the field paths that changed."""
    data = doc.model_copy(deep=True)
    changed: list[str] = []

    def set_words(owner: BaseModel, name: str, path: str, added: list[str]) -> None:
        merged = _merge_words(getattr(owner, name), added)
        if merged != getattr(owner, name):
            setattr(owner, name, merged)
            changed.append(path)

    firmo, tech = data.firmographics, data.technographics
    set_words(firmo, "industries", "firmographics.industries", patch.industries)
    set_words(firmo, "regions", "firmographics.regions", patch.regions)
    set_words(firmo, "growth_stages", "firmographics.growth_stages", patch.growth_stages)
    set_words(firmo, "business_models", "firmographics.business_models", patch.business_models)
    set_words(tech, "tech_stack", "technographics.tech_stack", patch.tech_stack)
    set_words(tech, "integrations", "technographics.integrations", patch.integrations)
    set_words(tech, "compliance", "technographics.compliance", patch.compliance)
    set_words(data.psychographics, "values", "psychographics.values", patch.values)
    for name in ("best_accounts", "jobs_to_be_done", "validation_evidence"):
        set_words(data, name, name, getattr(patch, name))
    for name in ("employees", "annual_revenue_usd"):
        bounds: NumberRange | None = getattr(patch, name)
        if bounds is not None and bounds.is_set:
            current: NumberRange = getattr(firmo, name)
            updated = NumberRange(
                min=bounds.min if bounds.min is not None else current.min,
                max=bounds.max if bounds.max is not None else current.max,
            )
            if updated != current:
                setattr(firmo, name, updated)
                changed.append(f"firmographics.{name}")
    for name in ("pain_points", "buying_signals", "red_flags"):
        merged = _merge_by_description(getattr(data, name), getattr(patch, name))
        if len(merged) != len(getattr(data, name)):
            setattr(data, name, merged)
            changed.append(name)
    makers = {maker.role: maker for maker in data.decision_makers}
    for maker in patch.decision_makers:
        if maker.role in makers:
            existing = makers[maker.role]
            titles = _merge_words(existing.titles, maker.titles)
            if titles != existing.titles:
                makers[maker.role] = existing.model_copy(update={"titles": titles})
                changed.append("decision_makers")
        else:
            makers[maker.role] = maker
            changed.append("decision_makers")
    data.decision_makers = list(makers.values())
    if patch.pmf is not None:
        data.pmf = patch.pmf
        changed.append("pmf")
    if patch.summary and patch.summary != data.summary:
        data.summary = patch.summary
        changed.append("summary")
    return data, sorted(set(changed))
