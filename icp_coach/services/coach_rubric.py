"""Step 4: turn the profile into a scoring rubric. Who they are (firmographics) becomes knock-out
filters; what they run becomes weighted signals. Every rule names a canonical prospect-list field
(industry, employees, annual_revenue_usd, region, tech_stack, business_model: the columns the
scorer maps CRM headers to) with a value a cell can hold: integer bounds, one industry, region or
tool per value, never a sentence. Buying signals (a funding round, a new CFO) stay in the document
for people to act on; a prospect list has no column they could match.
"""

from __future__ import annotations

from collections.abc import Callable

from icp_coach.domain.criteria import Filter, Signal
from icp_coach.domain.icp import ICPDocument, NumberRange

# Why these weights: the stack a product depends on weighs most; the tools it integrates with
# and the business model come next.
STACK_WEIGHT = 2.0
TRAIT_WEIGHT = 1.0
# Regions that do not narrow anything: a filter on them would only exclude rows with no region.
UNBOUNDED_REGIONS = frozenset({"global", "worldwide", "world", "everywhere", "international",
                               "all regions", "any region", "全球", "全世界", "世界各地", "不限地区", "各地"})


def _bound(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _range_filter(field: str, bounds: NumberRange) -> Filter | None:
    low = None if bounds.min is None else _bound(bounds.min)
    high = None if bounds.max is None else _bound(bounds.max)
    if low is not None and high is not None and low <= high:
        return Filter(field=field, op="between", value=[low, high])
    if low is not None:
        return Filter(field=field, op="gte", value=low)
    if high is not None:
        return Filter(field=field, op="lte", value=high)
    return None


def _distinct(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        key = " ".join(value.split()).lower()
        if key:
            seen.setdefault(key, " ".join(value.split()))
    return list(seen.values())


def derive_filters(doc: ICPDocument) -> list[Filter]:
    firmo = doc.firmographics
    filters: list[Filter] = []
    industries = _distinct(firmo.industries)
    if industries:
        filters.append(Filter(field="industry", op="in", value=industries))
    for field, bounds in (("employees", firmo.employees),
                          ("annual_revenue_usd", firmo.annual_revenue_usd)):
        rule = _range_filter(field, bounds)
        if rule is not None:
            filters.append(rule)
    regions = [r for r in _distinct(firmo.regions) if r.lower() not in UNBOUNDED_REGIONS]
    if regions and len(regions) == len(_distinct(firmo.regions)):
        filters.append(Filter(field="region", op="in", value=regions))
    return filters


def derive_signals(doc: ICPDocument) -> list[Signal]:
    signals: list[Signal] = []
    tech = doc.technographics
    stack = _distinct(tech.tech_stack)
    for tool in stack:
        signals.append(Signal(field="tech_stack", op="contains", value=tool,
                              weight=STACK_WEIGHT, type="fit"))
    for tool in _distinct(tech.integrations):
        if tool.lower() not in {t.lower() for t in stack}:
            signals.append(Signal(field="tech_stack", op="contains", value=tool,
                                  weight=TRAIT_WEIGHT, type="fit"))
    models = _distinct(doc.firmographics.business_models)
    if models:
        signals.append(Signal(field="business_model", op="in", value=models,
                              weight=TRAIT_WEIGHT, type="fit"))
    return signals


def with_scoring_rules(doc: ICPDocument) -> tuple[ICPDocument, list[str]]:
    """Fill filters and signals that are still empty; what the user wrote is never replaced."""
    updates: dict[str, object] = {}
    if not doc.filters:
        filters = derive_filters(doc)
        if filters:
            updates["filters"] = filters
    if not doc.signals:
        signals = derive_signals(doc)
        if signals:
            updates["signals"] = signals
    if not updates:
        return doc, []
    return doc.model_copy(update=updates, deep=True), sorted(updates)


def rederive(before: ICPDocument, after: ICPDocument,
             summarise: Callable[[ICPDocument], str]) -> tuple[ICPDocument, list[str]]:
    """After a change, rebuild what was derived from the profile (filters, signals, the summary):
    a part that still equals what `before` derived is the coach's, and follows the profile; a
    part the user wrote differs from it and is kept."""
    updates: dict[str, object] = {}
    if after.filters and after.filters == derive_filters(before):
        filters = derive_filters(after)
        if filters != after.filters:
            updates["filters"] = filters
    if after.signals and after.signals == derive_signals(before):
        signals = derive_signals(after)
        if signals != after.signals:
            updates["signals"] = signals
    if after.summary and after.summary == summarise(before):
        summary = summarise(after)
        if summary != after.summary:
            updates["summary"] = summary
    if not updates:
        return after, []
    return after.model_copy(update=updates, deep=True), sorted(updates)
