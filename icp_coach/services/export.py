"""The ICP document as Markdown, in the structure of the classic ICP template, English or Chinese."""

from __future__ import annotations

from icp_coach.domain.assessment import MAX_TOTAL
from icp_coach.domain.icp import DIMENSIONS, ICPDocument, NumberRange
from icp_coach.domain.language import Language
from icp_coach.domain.validation import Finding, completeness, dimension_label, validate_icp

_HEAD: dict[str, dict[Language, str]] = {
    "title": {"en": "Ideal Customer Profile", "zh": "理想客户画像（ICP）"},
    "version": {"en": "Version information", "zh": "版本信息"},
    "overview": {"en": "Overview", "zh": "概述"},
    "red_flags": {"en": "Red flags (disqualifiers)", "zh": "红旗（排除条件）"},
    "scoring": {"en": "Scoring", "zh": "评分规则"},
    "filters": {"en": "Filters (knock-outs)", "zh": "筛选条件（一票否决）"},
    "signals": {"en": "Signals (weighted)", "zh": "信号（加权）"},
    "tiers": {"en": "Tiers: 1 at a score of 60 or more, 2 at 30 or more, else 3.",
              "zh": "分层：得分 60 及以上为第 1 层，30 及以上为第 2 层，其余为第 3 层。"},
    "personas": {"en": "Personas", "zh": "买家角色"},
    "assessments": {"en": "Account assessments (seven criteria)", "zh": "客户评估（七项标准）"},
    "market": {"en": "Market size", "zh": "市场规模"},
    "findings": {"en": "Validation findings", "zh": "校验结果"},
    "completeness": {"en": "Completeness", "zh": "完整度"},
    "none": {"en": "_Not defined yet._", "zh": "_尚未定义。_"},
}

_FIELD: dict[str, dict[Language, str]] = {
    "name": {"en": "Name", "zh": "名称"},
    "version": {"en": "Version", "zh": "版本"},
    "updated": {"en": "Updated", "zh": "更新日期"},
    "review": {"en": "Review cadence", "zh": "复盘频率"},
    "next_review": {"en": "Next review", "zh": "下次复盘"},
    "engine": {"en": "Produced with", "zh": "生成引擎"},
    "pmf": {"en": "Product-market fit", "zh": "产品市场契合度"},
    "industries": {"en": "Industries", "zh": "行业"},
    "employees": {"en": "Employees", "zh": "员工规模"},
    "annual_revenue_usd": {"en": "Annual revenue (USD)", "zh": "年收入（美元）"},
    "regions": {"en": "Regions", "zh": "地区"},
    "growth_stages": {"en": "Growth stage", "zh": "发展阶段"},
    "ownership": {"en": "Ownership", "zh": "所有制"},
    "business_models": {"en": "Business model", "zh": "商业模式"},
    "tech_stack": {"en": "Tech stack", "zh": "技术栈"},
    "maturity": {"en": "Technical maturity", "zh": "技术成熟度"},
    "integrations": {"en": "Integrations", "zh": "集成需求"},
    "compliance": {"en": "Compliance", "zh": "合规要求"},
    "values": {"en": "Values", "zh": "价值观"},
    "culture": {"en": "Culture", "zh": "企业文化"},
    "risk_appetite": {"en": "Risk appetite", "zh": "风险偏好"},
    "innovation_attitude": {"en": "Attitude to innovation", "zh": "创新态度"},
    "priorities": {"en": "Priorities", "zh": "优先事项"},
    "urgency": {"en": "urgency", "zh": "紧迫度"},
    "current_solution": {"en": "today", "zh": "现有方案"},
    "weight": {"en": "weight", "zh": "权重"},
}

_ROLE: dict[str, dict[Language, str]] = {
    "champion": {"en": "Champion", "zh": "内部推动者"},
    "economic_buyer": {"en": "Economic buyer", "zh": "预算决策人"},
    "technical_buyer": {"en": "Technical buyer", "zh": "技术评估人"},
    "user": {"en": "User", "zh": "最终用户"},
    "blocker": {"en": "Blocker", "zh": "潜在阻碍者"},
}

_SEVERITY: dict[str, dict[Language, str]] = {
    "error": {"en": "error", "zh": "错误"},
    "warning": {"en": "warning", "zh": "警告"},
    "hint": {"en": "hint", "zh": "提示"},
}


def role_label(role: str, language: Language) -> str:
    return _ROLE.get(role, {}).get(language, role)


def _range(bounds: NumberRange, money: bool = False) -> str:
    def show(value: float) -> str:
        text = f"{value:,.0f}"
        return f"${text}" if money else text

    if bounds.min is not None and bounds.max is not None:
        return f"{show(bounds.min)} – {show(bounds.max)}"
    if bounds.min is not None:
        return f"≥ {show(bounds.min)}"
    if bounds.max is not None:
        return f"≤ {show(bounds.max)}"
    return ""


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(doc: ICPDocument, language: Language | None = None,
                    findings: list[Finding] | None = None) -> str:
    lang: Language = language or doc.language
    head = {key: value[lang] for key, value in _HEAD.items()}
    head.update({name: dimension_label(name, lang) for name in DIMENSIONS})
    field = {key: value[lang] for key, value in _FIELD.items()}
    out: list[str] = [f"# {head['title']}: {doc.name}", ""]

    out += [f"## {head['version']}", ""]
    out.append(f"- **{field['version']}**: {doc.version}")
    if doc.updated:
        out.append(f"- **{field['updated']}**: {doc.updated.isoformat()}")
    out.append(f"- **{field['review']}**: {doc.review.cadence}")
    if doc.review.next_review:
        out.append(f"- **{field['next_review']}**: {doc.review.next_review.isoformat()}")
    if doc.engine:
        out.append(f"- **{field['engine']}**: {doc.engine}")
    out.append("")

    out += [f"## {head['overview']}", "", doc.summary or head["none"], ""]
    pmf = doc.pmf
    if pmf.reached is not None or pmf.referral_share is not None:
        parts = []
        if pmf.referral_share is not None:
            parts.append(f"referrals {pmf.referral_share:.0%}")
        if pmf.referrer_nps is not None:
            parts.append(f"NPS {pmf.referrer_nps:g}")
        if pmf.reached is not None:
            parts.append("reached" if pmf.reached else "not yet")
        out += [f"- **{field['pmf']}**: {', '.join(parts)}", ""]

    firmo = doc.firmographics
    rows = [
        ("industries", ", ".join(firmo.industries)),
        ("employees", _range(firmo.employees)),
        ("annual_revenue_usd", _range(firmo.annual_revenue_usd, money=True)),
        ("regions", ", ".join(firmo.regions)),
        ("growth_stages", ", ".join(firmo.growth_stages)),
        ("ownership", ", ".join(firmo.ownership)),
        ("business_models", ", ".join(firmo.business_models)),
    ]
    out += _section(head["firmographics"], rows, field, head["none"])
    tech = doc.technographics
    out += _section(head["technographics"], [
        ("tech_stack", ", ".join(tech.tech_stack)),
        ("maturity", tech.maturity),
        ("integrations", ", ".join(tech.integrations)),
        ("compliance", ", ".join(tech.compliance)),
    ], field, head["none"])
    psycho = doc.psychographics
    out += _section(head["psychographics"], [
        ("values", ", ".join(psycho.values)),
        ("culture", ", ".join(psycho.culture)),
        ("priorities", ", ".join(psycho.priorities)),
        ("risk_appetite", psycho.risk_appetite),
        ("innovation_attitude", psycho.innovation_attitude),
    ], field, head["none"])

    out += [f"## {head['pain_points']}", ""]
    for pain in doc.pain_points:
        extra = []
        if pain.urgency:
            extra.append(f"{field['urgency']}: {pain.urgency}")
        if pain.current_solution:
            extra.append(f"{field['current_solution']}: {pain.current_solution}")
        suffix = f" ({'; '.join(extra)})" if extra else ""
        out.append(f"- {pain.description}{suffix}")
        out += [f"  > \"{e.quote}\" ({e.source}{f':{e.line}' if e.line else ''})"
                for e in pain.evidence if e.quote]
    out += ([head["none"]] if not doc.pain_points else []) + [""]

    out += [f"## {head['buying_signals']}", ""]
    out += [f"- {signal.description} ({signal.type})" for signal in doc.buying_signals]
    out += ([head["none"]] if not doc.buying_signals else []) + [""]

    out += [f"## {head['decision_makers']}", ""]
    for maker in doc.decision_makers:
        titles = ", ".join(maker.titles) or "—"
        out.append(f"- **{role_label(maker.role, lang)}**: {titles}")
    out += ([head["none"]] if not doc.decision_makers else []) + [""]

    out += [f"## {head['red_flags']}", ""]
    out += [f"- {flag.description}" for flag in doc.red_flags]
    out += ([head["none"]] if not doc.red_flags else []) + [""]

    out += [f"## {head['scoring']}", "", f"### {head['filters']}", ""]
    out += [f"- `{rule.describe()}`" for rule in doc.filters] or [head["none"]]
    out += ["", f"### {head['signals']}", ""]
    if doc.signals:
        total = sum(signal.weight for signal in doc.signals)
        out += ["| signal | " + field["weight"] + " | share |", "|---|---:|---:|"]
        out += [f"| {_escape(s.describe())} | {s.weight:g} | {s.weight / total:.0%} |"
                for s in doc.signals]
    else:
        out.append(head["none"])
    out += ["", head["tiers"], ""]

    if doc.personas:
        out += [f"## {head['personas']}", ""]
        for persona in doc.personas:
            title = f", {persona.title}" if persona.title else ""
            out.append(f"- **{persona.name}**{title} ({role_label(persona.role, lang)}, "
                       f"{persona.evidence_level}: {persona.evidence_count} evidence items)")
        out.append("")

    if doc.assessments:
        out += [f"## {head['assessments']}", ""]
        for assessment in doc.assessments:
            out.append(f"- **{assessment.account}**: {assessment.total}/{MAX_TOTAL} "
                       f"({assessment.recommendation()})")
        out.append("")

    if doc.market:
        market = doc.market
        out += [f"## {head['market']}", ""]
        for label, accounts, usd in (("TAM", market.tam_accounts, market.tam_usd),
                                     ("SAM", market.sam_accounts, market.sam_usd),
                                     ("SOM", market.som_accounts, market.som_usd)):
            if accounts is not None:
                money = f", ${usd:,.0f}" if usd is not None else ""
                out.append(f"- **{label}**: {accounts:,} accounts{money}")
        out += [f"- {assumption}" for assumption in market.assumptions] + [""]

    scores = completeness(doc)
    out += [f"## {head['completeness']}", ""]
    out += [f"- {head[d]}: {scores[d]:.0%}" for d in DIMENSIONS]
    out += [f"- **overall**: {scores['overall']:.0%}", ""]

    shown = validate_icp(doc, lang) if findings is None else findings
    if shown:
        out += [f"## {head['findings']}", ""]
        out += [f"- **{_SEVERITY[f.severity][lang]}** `{f.path}`: {f.message} {f.suggestion}"
                for f in shown]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _section(title: str, rows: list[tuple[str, str]], field: dict[str, str], none: str) -> list[str]:
    filled = [(key, value) for key, value in rows if value]
    lines = [f"## {title}", ""]
    if not filled:
        return lines + [none, ""]
    lines += [f"- **{field[key]}**: {value}" for key, value in filled]
    return lines + [""]
