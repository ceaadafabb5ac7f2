"""The ICP document as Markdown, in the structure of the classic ICP template, English or Chinese."""

from __future__ import annotations

from icp_coach.domain.assessment import MAX_TOTAL
from icp_coach.domain.icp import DIMENSIONS, ICPDocument, NumberRange
from icp_coach.domain.language import Language
from icp_coach.domain.validation import Finding, completeness, dimension_label, validate_icp
from icp_coach.text.messages import has_message, keys_under, message


def _labels(group: str, language: Language) -> dict[str, str]:
    """The catalogue's `export.GROUP.*` labels in `language`, by their last key part."""
    prefix = f"export.{group}."
    return {key.removeprefix(prefix): message(key, language) for key in keys_under(prefix)}


def role_label(role: str, language: Language) -> str:
    key = f"export.role.{role}"
    return message(key, language) if has_message(key) else role


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
    head = _labels("head", lang)
    head.update({name: dimension_label(name, lang) for name in DIMENSIONS})
    field = _labels("field", lang)
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
        out += [f"- **{message(f'export.severity.{f.severity}', lang)}** `{f.path}`: {f.message} {f.suggestion}"
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
