"""Checks an ICP draft the way a seasoned GTM coach would: too broad, too narrow, contradictory,
incomplete. Every finding has a severity, the field path, a message and a suggestion, in English
and in Chinese.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict

from icp_coach.domain.icp import DIMENSIONS, ICPDocument, NumberRange
from icp_coach.domain.language import Language
from icp_coach.text.messages import has_message, message

Severity = Literal["error", "warning", "hint"]

BROAD_INDUSTRY_WORDS = frozenset(
    {"all", "any", "all industries", "every industry", "everyone", "any industry", "所有行业",
     "全行业", "各行各业", "所有", "任何行业", "不限", "全部行业"}
)


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    severity: Severity
    code: str
    path: str
    message: str
    suggestion: str


def dimension_label(dimension: str, language: Language = "en") -> str:
    key = f"validation.label.{dimension}"
    return message(key, language) if has_message(key) else dimension


# Each finding's message and suggestion are the catalogue's `validation.CODE.message` and
# `validation.CODE.suggestion` (icp_coach/text/messages_*.py), formatted with its own values.
def _finding(code: str, severity: Severity, path: str, language: Language, **values: object) -> Finding:
    return Finding(
        severity=severity,
        code=code,
        path=path,
        message=message(f"validation.{code}.message", language, **values),
        suggestion=message(f"validation.{code}.suggestion", language, **values),
    )


def validate_icp(doc: ICPDocument, language: Language | None = None) -> list[Finding]:
    """Every finding on the document, errors first."""
    lang: Language = language or doc.language
    findings: list[Finding] = []
    findings += _check_ranges(doc, lang)
    findings += _check_breadth(doc, lang)
    findings += _check_gaps(doc, lang)
    findings += _check_contradictions(doc, lang)
    order = {"error": 0, "warning": 1, "hint": 2}
    return sorted(findings, key=lambda finding: order[finding.severity])


def _check_ranges(doc: ICPDocument, lang: Language) -> list[Finding]:
    findings = []
    ranges: dict[str, NumberRange] = {
        "firmographics.employees": doc.firmographics.employees,
        "firmographics.annual_revenue_usd": doc.firmographics.annual_revenue_usd,
    }
    for path, bounds in ranges.items():
        label = dimension_label(path, lang)
        if bounds.min is not None and bounds.max is not None and bounds.min > bounds.max:
            findings.append(_finding("range_inverted", "error", path, lang,
                                     label=label, min=bounds.min, max=bounds.max))
        for side, value in (("min", bounds.min), ("max", bounds.max)):
            nonsense = value is not None and (value < 0 or (value == 0 and side == "max"))
            if path.endswith("employees") and value == 0 and side == "min":
                nonsense = False  # "0 to 50" is a usual way to say "under 50"
            if nonsense:
                findings.append(_finding("range_nonsense", "error", f"{path}.{side}", lang,
                                         label=label, value=value))
    return findings


def _check_breadth(doc: ICPDocument, lang: Language) -> list[Finding]:
    findings = []
    firmo = doc.firmographics
    for industry in firmo.industries:
        if industry.strip().lower() in BROAD_INDUSTRY_WORDS:
            findings.append(_finding("industries_all", "warning", "firmographics.industries", lang,
                                     value=industry))
            break
    low, high = firmo.employees.min, firmo.employees.max
    if low is not None and high is not None and high >= low:
        if high / max(low, 1) > 100:
            findings.append(_finding("employees_too_wide", "warning", "firmographics.employees",
                                     lang, min=low, max=high))
        elif low > 0 and high - low < max(10, low * 0.2):
            findings.append(_finding("employees_too_narrow", "hint", "firmographics.employees",
                                     lang, min=low, max=high))
    if len(firmo.regions) >= 5:
        findings.append(_finding("too_many_regions", "warning", "firmographics.regions", lang,
                                 count=len(firmo.regions)))
    if not doc.red_flags and _has_profile(doc):
        findings.append(_finding("no_red_flags", "warning", "red_flags", lang))
    if (len(firmo.industries) == 1 and low is not None and high is not None
            and 0 < high - low <= 50 and not any(
                i.strip().lower() in BROAD_INDUSTRY_WORDS for i in firmo.industries)):
        findings.append(_finding("too_narrow_industries", "hint", "firmographics", lang))
    return findings


def _has_profile(doc: ICPDocument) -> bool:
    return completeness(doc)["overall"] > 0


def _check_gaps(doc: ICPDocument, lang: Language) -> list[Finding]:
    findings: list[Finding] = []
    if not _has_profile(doc):
        return findings  # a scoring-only draft (name, filters, signals) is not nagged
    if not doc.pain_points:
        findings.append(_finding("missing_pain_points", "warning", "pain_points", lang))
    if not doc.decision_makers:
        findings.append(_finding("missing_decision_makers", "warning", "decision_makers", lang))
    elif doc.decision_maker("economic_buyer") is None:
        findings.append(_finding("missing_economic_buyer", "hint", "decision_makers", lang))
    if not doc.filters and not doc.signals:
        findings.append(_finding("no_scoring_rules", "hint", "filters", lang))
    for dimension in ("firmographics", "technographics", "buying_signals"):
        if completeness(doc)[dimension] == 0:
            findings.append(_finding("dimension_empty", "hint", dimension, lang,
                                     label=dimension_label(dimension, lang)))
    return findings


def _check_contradictions(doc: ICPDocument, lang: Language) -> list[Finding]:
    findings = []
    firmo = doc.firmographics
    for position, rule in enumerate(doc.filters):
        path = f"filters[{position}]"
        for flag in doc.red_flags:
            text = flag.description.lower()
            if rule.op in ("in", "eq"):
                values = rule.value if isinstance(rule.value, list) else [rule.value]
                admitted = [str(v).lower() for v in values if str(v).lower() and str(v).lower() in text]
                if admitted:
                    findings.append(_finding("filter_contradicts_red_flag", "error", path, lang,
                                             filter=rule.describe(), flag=flag.description))
        if rule.field in ("employees", "annual_revenue_usd") and rule.op == "between":
            bounds = firmo.employees if rule.field == "employees" else firmo.annual_revenue_usd
            low, high = rule.value
            if bounds.min is not None and bounds.max is not None and (low, high) != (bounds.min, bounds.max):
                # disjoint: the filter scores the wrong companies; overlapping: a stale bound
                severity: Severity = "error" if high < bounds.min or low > bounds.max else "warning"
                detail = f"{bounds.min:,.0f}-{bounds.max:,.0f}"
                findings.append(_finding("filter_contradicts_firmographics", severity, path, lang,
                                         filter=rule.describe(), detail=detail))
        profile_lists = {"industry": firmo.industries, "region": firmo.regions}
        if rule.field in profile_lists and rule.op in ("in", "eq") and profile_lists[rule.field]:
            values = rule.value if isinstance(rule.value, list) else [rule.value]
            profile = profile_lists[rule.field]
            known = {i.lower() for i in profile}
            stale = [str(v) for v in values if str(v).lower() not in known]
            if stale:
                severity = "error" if len(stale) == len(values) else "warning"
                findings.append(_finding("filter_contradicts_firmographics", severity, path, lang,
                                         filter=rule.describe(), detail=", ".join(profile)))
    return findings


def _filled(value: object) -> bool:
    if isinstance(value, NumberRange):
        return value.is_set
    if isinstance(value, list | str):
        return bool(value)
    return value is not None


def completeness(doc: ICPDocument) -> dict[str, float]:
    """Share of each dimension's sub-fields that hold something, and the overall mean (0..1)."""
    firmo = doc.firmographics
    tech = doc.technographics
    psycho = doc.psychographics
    parts: dict[str, list[bool]] = {
        "firmographics": [_filled(firmo.industries), _filled(firmo.employees),
                          _filled(firmo.annual_revenue_usd), _filled(firmo.regions),
                          _filled(firmo.growth_stages) or _filled(firmo.business_models)],
        "technographics": [_filled(tech.tech_stack), _filled(tech.integrations),
                           _filled(tech.maturity) or _filled(tech.compliance)],
        "psychographics": [_filled(psycho.values) or _filled(psycho.culture),
                           _filled(psycho.priorities),
                           _filled(psycho.risk_appetite) or _filled(psycho.innovation_attitude)],
        "pain_points": [len(doc.pain_points) >= 1, len(doc.pain_points) >= 3,
                        any(p.evidence for p in doc.pain_points)],
        "buying_signals": [len(doc.buying_signals) >= 1, len(doc.buying_signals) >= 3],
        "decision_makers": [doc.decision_maker("champion") is not None,
                            doc.decision_maker("economic_buyer") is not None,
                            any(maker.titles for maker in doc.decision_makers)],
    }
    scores = {name: sum(flags) / len(flags) for name, flags in parts.items()}
    scores["overall"] = math.fsum(scores[d] for d in DIMENSIONS) / len(DIMENSIONS)
    return scores
