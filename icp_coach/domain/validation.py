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


# (message, suggestion) per language, formatted with the finding's own values.
_TEXT: dict[str, dict[Language, tuple[str, str]]] = {
    "range_inverted": {
        "en": ("{label}: minimum {min:,.0f} is above maximum {max:,.0f}.",
               "Swap the two bounds or correct the one that was mistyped."),
        "zh": ("{label}：下限 {min:,.0f} 大于上限 {max:,.0f}。", "交换上下限，或改正输错的那个数。"),
    },
    "range_nonsense": {
        "en": ("{label}: a bound of {value:,.0f} makes no sense for a company.",
               "Use a positive number; a company has at least one employee and some revenue."),
        "zh": ("{label}：{value:,.0f} 这个边界对一家公司没有意义。", "请填正数：公司至少有一名员工、有一定收入。"),
    },
    "industries_all": {
        "en": ("Industries say '{value}': an ICP that fits everyone guides no one.",
               "Name the two or three industries where your best customers cluster."),
        "zh": ("行业写的是“{value}”：适合所有人的 ICP 无法指导任何人。", "写出最佳客户最集中的两三个行业。"),
    },
    "employees_too_wide": {
        "en": ("Employee range {min:,.0f}-{max:,.0f} spans more than two orders of magnitude.",
               "A 10-person startup and a 10,000-person enterprise buy differently; split the range or pick one band."),
        "zh": ("员工规模 {min:,.0f}-{max:,.0f} 跨度超过两个数量级。", "十人初创和万人企业的购买方式完全不同：拆分区间或只选一档。"),
    },
    "too_many_regions": {
        "en": ("{count} regions listed: that is a market, not a profile.",
               "Keep the regions where you win today and can serve well; park the rest as expansion."),
        "zh": ("列了 {count} 个地区：这是市场，不是画像。", "只保留现在能赢、能服务好的地区，其余留作扩张方向。"),
    },
    "no_red_flags": {
        "en": ("No red flags: without them every lead looks like a fit.",
               "Write down who churned, who cost too much to serve, and which deals you regret."),
        "zh": ("没有写红旗（不适合的信号）：这样每条线索看起来都合适。", "写下流失的客户、服务成本过高的客户和后悔签下的交易。"),
    },
    "too_narrow_industries": {
        "en": ("Only one industry and a narrow size band: check the segment is large enough.",
               "Count the accounts that match (market sizing) before committing to it."),
        "zh": ("只有一个行业且规模区间很窄：确认这个细分市场足够大。", "先做市场测算，数一数符合的公司数量。"),
    },
    "employees_too_narrow": {
        "en": ("Employee range {min:,.0f}-{max:,.0f} is very narrow.",
               "Unless the data says so, widen it to a band your sales motion actually serves."),
        "zh": ("员工规模 {min:,.0f}-{max:,.0f} 非常窄。", "除非数据支持，否则放宽到销售模式实际覆盖的区间。"),
    },
    "missing_pain_points": {
        "en": ("No pain points: the ICP says who, but not why they buy.",
               "Add the problems your best customers had before they bought, in their words."),
        "zh": ("没有痛点：ICP 说了是谁，却没说他们为什么买。", "用客户自己的话，写下最佳客户购买前遇到的问题。"),
    },
    "missing_decision_makers": {
        "en": ("No decision makers: sales will not know whom to call.",
               "Name the champion and the economic buyer, with their usual titles."),
        "zh": ("没有决策者：销售不知道该找谁。", "写出内部支持者（champion）和预算决策人及其常见职位。"),
    },
    "missing_economic_buyer": {
        "en": ("Decision makers have no economic buyer: who signs?",
               "Add the role that owns the budget (for example CFO or VP of the team that pays)."),
        "zh": ("决策者里没有预算决策人：谁来签字？", "补上掌握预算的角色（例如 CFO 或付费部门的副总裁）。"),
    },
    "filter_contradicts_red_flag": {
        "en": ("Filter '{filter}' admits what red flag '{flag}' rules out.",
               "Decide which one is true and change the other."),
        "zh": ("筛选条件“{filter}”放进了红旗“{flag}”要排除的客户。", "确定哪一条正确，并修改另一条。"),
    },
    "filter_contradicts_firmographics": {
        "en": ("Filter '{filter}' does not agree with the firmographics ({detail}).",
               "Make the scoring filters match the profile, or update the profile."),
        "zh": ("筛选条件“{filter}”与公司特征不一致（{detail}）。", "让评分筛选条件与画像一致，或更新画像。"),
    },
    "no_scoring_rules": {
        "en": ("No filters or signals yet: the ICP cannot score a prospect list.",
               "Turn the firmographics into filters and the buying signals into weighted signals."),
        "zh": ("还没有筛选条件或信号：这个 ICP 还不能给潜在客户打分。", "把公司特征变成筛选条件，把购买信号变成加权信号。"),
    },
    "dimension_empty": {
        "en": ("{label} is empty.", "Fill it from your best customers before you rely on the ICP."),
        "zh": ("{label}为空。", "先根据最佳客户补全这一维度，再使用这个 ICP。"),
    },
}

_LABELS: dict[str, dict[Language, str]] = {
    "firmographics.employees": {"en": "Employees", "zh": "员工规模"},
    "firmographics.annual_revenue_usd": {"en": "Annual revenue (USD)", "zh": "年收入（美元）"},
    "firmographics": {"en": "Firmographics", "zh": "公司特征"},
    "technographics": {"en": "Technographics", "zh": "技术特征"},
    "psychographics": {"en": "Psychographics", "zh": "心理特征"},
    "pain_points": {"en": "Pain points", "zh": "痛点"},
    "buying_signals": {"en": "Buying signals", "zh": "购买信号"},
    "decision_makers": {"en": "Decision makers", "zh": "决策者"},
}


def dimension_label(dimension: str, language: Language = "en") -> str:
    return _LABELS.get(dimension, {}).get(language, dimension)


def _finding(code: str, severity: Severity, path: str, language: Language, **values: object) -> Finding:
    message, suggestion = _TEXT[code][language]
    return Finding(
        severity=severity,
        code=code,
        path=path,
        message=message.format(**values),
        suggestion=suggestion.format(**values),
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
