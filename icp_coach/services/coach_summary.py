"""Short, human descriptions of the draft: what an answer changed, and a one-paragraph summary."""

from __future__ import annotations

from icp_coach.domain.diff import FieldChange
from icp_coach.domain.icp import ICPDocument, NumberRange
from icp_coach.domain.language import Language
from icp_coach.domain.validation import dimension_label

_LABEL: dict[str, dict[str, str]] = {
    "firmographics.industries": {"en": "industries", "zh": "行业"},
    "firmographics.employees": {"en": "employees", "zh": "员工规模"},
    "firmographics.annual_revenue_usd": {"en": "annual revenue (USD)", "zh": "年收入（美元）"},
    "firmographics.regions": {"en": "regions", "zh": "地区"},
    "firmographics.growth_stages": {"en": "growth stage", "zh": "发展阶段"},
    "firmographics.business_models": {"en": "business model", "zh": "商业模式"},
    "technographics.tech_stack": {"en": "tech stack", "zh": "技术栈"},
    "technographics.integrations": {"en": "integrations", "zh": "集成"},
    "technographics.compliance": {"en": "compliance", "zh": "合规"},
    "psychographics.values": {"en": "values", "zh": "价值观"},
    "pain_points": {"en": "pain points", "zh": "痛点"},
    "buying_signals": {"en": "buying signals", "zh": "购买信号"},
    "decision_makers": {"en": "decision makers", "zh": "决策者"},
    "champion": {"en": "champion", "zh": "推动者"},
    "economic_buyer": {"en": "economic buyer", "zh": "预算决策者"},
    "technical_buyer": {"en": "technical buyer", "zh": "技术决策者"},
    "user": {"en": "users", "zh": "使用者"},
    "blocker": {"en": "blockers", "zh": "阻碍者"},
    "red_flags": {"en": "red flags", "zh": "红旗"},
    "pmf": {"en": "PMF check", "zh": "PMF 检查"},
    "best_accounts": {"en": "best accounts", "zh": "最佳客户"},
    "jobs_to_be_done": {"en": "jobs to be done", "zh": "待完成任务"},
    "validation_evidence": {"en": "validation evidence", "zh": "验证依据"},
    "summary": {"en": "summary", "zh": "概述"},
    "filters": {"en": "filters", "zh": "筛选条件"},
    "signals": {"en": "signals", "zh": "信号"},
    "review": {"en": "review plan", "zh": "复盘计划"},
    "assessments": {"en": "account assessments", "zh": "客户评估"},
    # the gaps a step can name when the user moves on early
    "pmf.evidence": {"en": "referral share, NPS or retention", "zh": "推荐占比、NPS 或留存"},
    "firmographics.size": {"en": "company size", "zh": "公司规模"},
    "decision_makers.titles": {"en": "job titles", "zh": "职位"},
    "technographics": {"en": "tools they use", "zh": "在用的工具"},
    "review.next_review": {"en": "review cadence", "zh": "复盘频率"},
}

_SEP = {"en": ", ", "zh": "、"}


def field_label(path: str, language: Language) -> str:
    return _LABEL.get(path, {}).get(language) or dimension_label(path, language)


def show_range(bounds: NumberRange, money: bool = False) -> str:
    def show(value: float) -> str:
        return f"${value:,.0f}" if money else f"{value:,.0f}"

    if bounds.min is not None and bounds.max is not None:
        return f"{show(bounds.min)}-{show(bounds.max)}"
    if bounds.min is not None:
        return f">= {show(bounds.min)}"
    if bounds.max is not None:
        return f"<= {show(bounds.max)}"
    return ""


def _value_of(doc: ICPDocument, path: str, language: Language) -> str:
    sep = _SEP[language]
    firmo, tech = doc.firmographics, doc.technographics
    values: dict[str, str] = {
        "firmographics.industries": sep.join(firmo.industries),
        "firmographics.employees": show_range(firmo.employees),
        "firmographics.annual_revenue_usd": show_range(firmo.annual_revenue_usd, money=True),
        "firmographics.regions": sep.join(firmo.regions),
        "firmographics.growth_stages": sep.join(firmo.growth_stages),
        "firmographics.business_models": sep.join(firmo.business_models),
        "technographics.tech_stack": sep.join(tech.tech_stack),
        "technographics.integrations": sep.join(tech.integrations),
        "technographics.compliance": sep.join(tech.compliance),
        "psychographics.values": sep.join(doc.psychographics.values),
        "pain_points": str(len(doc.pain_points)),
        "buying_signals": str(len(doc.buying_signals)),
        "decision_makers": sep.join(m.role for m in doc.decision_makers),
        "red_flags": str(len(doc.red_flags)),
        "pmf": _pmf_value(doc, language),
    }
    return values.get(path, "")


def _pmf_value(doc: ICPDocument, language: Language) -> str:
    pmf = doc.pmf
    parts = []
    if pmf.referral_share is not None:
        parts.append(("推荐占比 " if language == "zh" else "referrals ") + f"{pmf.referral_share:.0%}")
    if pmf.referrer_nps is not None:
        parts.append(("推荐客户打分 " if language == "zh" else "referrers' score ") + f"{pmf.referrer_nps:g}")
    if pmf.overall_nps is not None:
        parts.append(("整体 NPS " if language == "zh" else "overall NPS ") + f"{pmf.overall_nps:g}")
    if pmf.retention_note:
        parts.append("留存已记录" if language == "zh" else "retention noted")
    return _SEP[language].join(parts)


def _clause(text: str) -> str:
    """A description fit to sit inside a sentence: no closing punctuation of its own."""
    return text.strip().rstrip("。．.!！?？;；")


def describe_changes(doc: ICPDocument, changed: list[str], language: Language) -> str:
    """'industries: Fintech, Logistics; employees: 50-500' for the paths an answer changed."""
    parts = []
    for path in changed:
        value = _value_of(doc, path, language)
        label = field_label(path, language)
        parts.append(f"{label}: {value}" if value else label)
    return ("；" if language == "zh" else "; ").join(parts)


def compose_summary(doc: ICPDocument, language: Language) -> str:
    """A one-paragraph overview built from the fields, for step 4 when none was written."""
    firmo = doc.firmographics
    sep = _SEP[language]
    who: list[str] = []
    if language == "zh":
        if firmo.industries:
            who.append(f"{sep.join(firmo.industries)}行业")
        if firmo.employees.is_set:
            who.append(f"员工 {show_range(firmo.employees)} 人")
        if firmo.regions:
            who.append(f"位于{sep.join(firmo.regions)}")
        text = f"我们的理想客户是{'、'.join(who) or '（待补充）'}的公司"
        if doc.pain_points:
            text += f"，核心痛点：{_clause(doc.pain_points[0].description)}"
        if doc.buying_signals:
            text += f"；典型购买信号：{_clause(doc.buying_signals[0].description)}"
        return text + "。"
    if firmo.industries:
        who.append(f"{sep.join(firmo.industries)} companies")
    else:
        who.append("companies")
    if firmo.employees.is_set:
        who.append(f"with {show_range(firmo.employees)} employees")
    if firmo.regions:
        who.append(f"in {sep.join(firmo.regions)}")
    text = "Our ideal customers are " + " ".join(who)
    if doc.pain_points:
        text += f"; their main pain: {_clause(doc.pain_points[0].description)}"
    if doc.buying_signals:
        text += f"; a typical trigger to buy: {_clause(doc.buying_signals[0].description)}"
    return text + "."


_NESTED = ("firmographics", "technographics", "psychographics", "pmf", "review", "market")


def _group(path: str) -> str:
    base = path.split("[")[0]
    parts = base.split(".")
    return ".".join(parts[:2]) if parts[0] in _NESTED else parts[0]


def _show_value(value: object) -> str:
    if isinstance(value, float) and not isinstance(value, bool):
        return f"{value:,.0f}" if value.is_integer() or abs(value) >= 100 else f"{value:g}"
    return str(value)


def _leaves(value: object) -> list[str]:
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, list):
        return [_show_value(item) for item in value if item not in (None, "")]
    return [_show_value(value)]


_CADENCE: dict[str, dict[str, str]] = {
    "monthly": {"en": "monthly", "zh": "每月"},
    "quarterly": {"en": "quarterly", "zh": "每季度"},
    "half_yearly": {"en": "every six months", "zh": "每半年"},
    "yearly": {"en": "yearly", "zh": "每年"},
}


def cadence_label(cadence: str, language: Language) -> str:
    return _CADENCE.get(cadence, {}).get(language, cadence)


_SHOWN_LEAVES = (".description", ".titles", ".account")


def _shown(path: str) -> bool:
    """Only the leaves a person recognises: descriptions and titles, not evidence or roles."""
    if "[" not in path:
        return True
    return path.endswith(_SHOWN_LEAVES) and ".evidence" not in path


_BOUND_ORDER = {"min": 0, "max": 1}


def _bounds_first(changes: list[FieldChange]) -> list[FieldChange]:
    """A range's lower bound before its upper one ('50, 500', not '500, 50')."""
    def key(change: FieldChange) -> tuple[str, int]:
        head, _, leaf = change.path.rpartition(".")
        return (head, _BOUND_ORDER[leaf]) if leaf in _BOUND_ORDER else (change.path, 0)
    return sorted(changes, key=key) if any(c.path.endswith((".min", ".max")) for c in changes) else changes


def group_changes(changes: list[FieldChange]) -> dict[str, tuple[list[str], list[str]]]:
    """Field changes grouped by ICP field: (what was added or is new, what was removed or old).

    Filters and signals are listed by their readable description, not field by field.
    """
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for change in _bounds_first(changes):
        group = _group(change.path)
        added, removed = groups.setdefault(group, ([], []))
        if group in ("filters", "signals"):
            continue
        for item in (_leaves(change.new) if _shown(change.path) else []):
            if item not in added:
                added.append(item)
        for item in (_leaves(change.old) if _shown(change.path) else []):
            if item not in removed:
                removed.append(item)
    return groups


def describe_diff(changes: list[FieldChange], language: Language, limit: int = 14,
                  new: ICPDocument | None = None) -> str:
    """One line per changed ICP field: '+ new values' and '- old values'."""
    lines = []
    groups = group_changes(changes)
    for path, (added, removed) in list(groups.items())[:limit]:
        label = field_label(path, language) if path in _LABEL else path
        if path in ("filters", "signals") and new is not None:
            added = [rule.describe() for rule in getattr(new, path)]
        parts = []
        if added:
            parts.append("+ " + _brief(added))
        if removed:
            parts.append("- " + _brief(removed))
        lines.append(f"- {label}: {'  '.join(parts) or '~'}")
    if len(groups) > limit:
        more = len(groups) - limit
        lines.append(f"- ... {more} more" if language == "en" else f"- ……另有 {more} 项")
    return "\n".join(lines)


def _brief(value: object) -> str:
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return text if len(text) <= 80 else text[:77] + "..."
