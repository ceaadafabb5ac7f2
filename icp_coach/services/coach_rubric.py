"""Step 4: turn the profile into a scoring rubric. Who they are (firmographics) becomes knock-out
filters; what they use and what they do now (technographics, buying signals) becomes weighted
signals. Field names are the prospect-list columns the scorer reads.
"""

from __future__ import annotations

from collections.abc import Callable

from icp_coach.domain.criteria import Filter, Signal
from icp_coach.domain.icp import ICPDocument, NumberRange

# Why these weights: an intent event (funding, hiring, a migration) predicts a purchase now and
# weighs most; the stack a product depends on comes next; nice-to-have traits weigh least.
INTENT_WEIGHT = 3.0
STACK_WEIGHT = 2.0
TRAIT_WEIGHT = 1.0
_MAX_SIGNAL_TEXT = 60


def _range_filter(field: str, bounds: NumberRange) -> Filter | None:
    if bounds.min is not None and bounds.max is not None and bounds.min <= bounds.max:
        return Filter(field=field, op="between", value=[bounds.min, bounds.max])
    if bounds.min is not None:
        return Filter(field=field, op="gte", value=bounds.min)
    if bounds.max is not None:
        return Filter(field=field, op="lte", value=bounds.max)
    return None


def derive_filters(doc: ICPDocument) -> list[Filter]:
    firmo = doc.firmographics
    filters: list[Filter] = []
    if firmo.industries:
        filters.append(Filter(field="industry", op="in", value=list(firmo.industries)))
    for field, bounds in (("employees", firmo.employees),
                          ("annual_revenue_usd", firmo.annual_revenue_usd)):
        rule = _range_filter(field, bounds)
        if rule is not None:
            filters.append(rule)
    if firmo.regions:
        filters.append(Filter(field="region", op="in", value=list(firmo.regions)))
    return filters


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_SIGNAL_TEXT else text[:_MAX_SIGNAL_TEXT].rsplit(" ", 1)[0]


def derive_signals(doc: ICPDocument) -> list[Signal]:
    signals: list[Signal] = []
    for tool in doc.technographics.tech_stack:
        signals.append(Signal(field="tech_stack", op="contains", value=tool,
                              weight=STACK_WEIGHT, type="fit"))
    for tool in doc.technographics.integrations:
        signals.append(Signal(field="tech_stack", op="contains", value=tool,
                              weight=TRAIT_WEIGHT, type="fit"))
    for item in doc.technographics.compliance:
        signals.append(Signal(field="compliance", op="contains", value=item,
                              weight=TRAIT_WEIGHT, type="fit"))
    if doc.firmographics.growth_stages:
        signals.append(Signal(field="growth_stage", op="in",
                              value=list(doc.firmographics.growth_stages),
                              weight=STACK_WEIGHT, type="fit"))
    for signal in doc.buying_signals:
        text = _short(signal.description)
        if text:
            signals.append(Signal(field="signals", op="contains", value=text,
                                  weight=INTENT_WEIGHT, type="intent",
                                  description=f"{signal.type}: {text}"))
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
