"""Merge the rules suggested from a customer export into an ICP document.

Filters and signals are added unless the document already has the same rule. A filter also
speaks of a firmographic: `country in [germany, austria]` says where the ICP's companies are,
so an empty `regions` (or industries, business models, employee or revenue range) is filled from
it. What the user wrote is never overwritten: a field that already has content stays as it is.
"""

from __future__ import annotations

from typing import Any

from icp_coach.domain.criteria import Filter, Signal
from icp_coach.domain.icp import ICPDocument, NumberRange, RedFlag

_LIST_FIELDS = {"industry": "industries", "region": "regions", "country": "regions", "state": "regions",
                "city": "regions", "business_model": "business_models"}
_RANGE_FIELDS = {"employees": "employees", "annual_revenue_usd": "annual_revenue_usd"}


def merge_suggested_rules(doc: ICPDocument, suggested: dict[str, Any]) -> int:
    """Add the suggestions to `doc` in place; returns how many items were added."""
    have = {(c.field, c.op, repr(c.value)) for c in [*doc.filters, *doc.signals]}
    added = 0
    for key, model in (("filters", Filter), ("signals", Signal)):
        for rule in suggested.get(key, []):
            if (rule["field"], rule["op"], repr(rule["value"])) in have:
                continue
            getattr(doc, key).append(model.model_validate(rule))
            added += 1
    for rule in suggested.get("filters", []):
        added += _fill_firmographic(doc, rule)
    known_flags = {flag.description for flag in doc.red_flags}
    for flag in suggested.get("red_flags", []):
        if flag["description"] not in known_flags:
            doc.red_flags.append(RedFlag(description=flag["description"]))
            added += 1
    return added


def _fill_firmographic(doc: ICPDocument, rule: dict[str, Any]) -> int:
    firmographics = doc.firmographics
    field, op, value = rule["field"], rule["op"], rule["value"]
    if field in _LIST_FIELDS and op in ("eq", "in"):
        name = _LIST_FIELDS[field]
        if getattr(firmographics, name):
            return 0
        values = value if isinstance(value, list) else [value]
        setattr(firmographics, name, [_display(str(item)) for item in values])
        return 1
    if field in _RANGE_FIELDS and op in ("between", "gte", "lte"):
        name = _RANGE_FIELDS[field]
        if getattr(firmographics, name).is_set:
            return 0
        low, high = (value if op == "between" else (value, None) if op == "gte" else (None, value))
        setattr(firmographics, name, NumberRange(min=low, max=high))
        return 1
    return 0


def _display(value: str) -> str:
    """Cells are compared case-folded ('north america'); a document shows 'North America'."""
    return value.title() if value.isascii() and value.islower() else value
