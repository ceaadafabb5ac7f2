"""Files a user attaches mid-interview: a CRM export in step 1, an interview transcript in steps
2-3. The analysis is the analysis / JTBD services'; this turns their result into a report to read
and a draft answer the user can edit and send, so the coach (not the TUI) updates the ICP.

Blocking (Polars, embeddings, maybe an LLM): call from a thread worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from icp_coach.text.messages import message

CRM_STEPS = (1,)
TRANSCRIPT_STEPS = (2, 3)


@dataclass(frozen=True)
class Attachment:
    title: str
    report: str  # Markdown
    answer: str  # a draft answer for the coach, in the interview's language


def kind_for_step(step: int) -> str | None:
    if step in CRM_STEPS:
        return "crm"
    if step in TRANSCRIPT_STEPS:
        return "transcript"
    return None


def _range_text(value: Any) -> str:
    if isinstance(value, list | tuple) and len(value) == 2:
        low, high = value
        return f"{float(low):,.0f}-{float(high):,.0f}"
    return str(value)


def _millions(ranges: list[str]) -> str:
    if not ranges:
        return ""
    low, _, high = ranges[0].replace(",", "").partition("-")
    try:
        return f"{float(low) / 1e6:,.0f}-{float(high) / 1e6:,.0f}"
    except ValueError:
        return ranges[0]


def crm_answer(result: dict[str, Any], language: str) -> str:
    """The distinctive traits of the best customers, phrased as an answer to step 1."""
    picked: dict[str, list[str]] = {}
    for trait in result.get("traits", []):
        if not trait.get("distinctive") or trait.get("direction") != "over":
            continue
        column = str(trait.get("column"))
        if trait.get("range") is not None:
            if column in picked:
                continue  # the best-ranked range of a number says it; a second one blurs it
            value = _range_text(trait["range"])
        else:
            value = str(trait.get("value"))
        picked.setdefault(column, []).append(value)
    industries = ", ".join(picked.pop("industry", []))
    employees = ", ".join(picked.pop("employees", []))
    regions = ", ".join(picked.pop("region", []) + picked.pop("country", []))
    tools = ", ".join(picked.pop("tech_stack", []))
    revenue = _millions(picked.pop("annual_revenue_usd", []))
    others = "; ".join(f"{column}: {', '.join(values)}" for column, values in picked.items())
    total = result.get("customers", 0)
    # The pieces are the catalogue's `attachments.crm.*` (each language joins its own way).
    if industries:
        text = message("attachments.crm.lead_industries", language, total=total, industries=industries)
    else:
        text = message("attachments.crm.lead", language, total=total)
    if employees:
        text += message("attachments.crm.employees", language, employees=employees)
    if regions:
        text += message("attachments.crm.regions", language, regions=regions)
    if revenue:
        text += message("attachments.crm.revenue", language, revenue=revenue)
    text += message("attachments.crm.end", language)
    if tools:
        text += message("attachments.crm.tools", language, tools=tools)
    return text + (message("attachments.crm.others", language, others=others) if others else "")


def analyse_crm_export(context: Any, path: Path, language: str) -> Attachment:
    tables = context.tables
    table = tables.read_customers(path)
    result = tables.analyse_customers(table)
    return Attachment(title=path.name, report=tables.customers_markdown(result, language),
                      answer=crm_answer(result, language))


def transcript_answer(feed: dict[str, Any], language: str) -> str:
    """Pains and triggers the interview evidences, phrased as an answer to steps 2-3."""
    pains = [item["description"] for item in feed.get("pain_points", [])][:4]
    signals = [item["description"] for item in feed.get("buying_signals", [])][:3]
    solutions = [item["name"] for item in feed.get("current_solutions", [])][:3]
    lines = [message("attachments.interview.lead", language)]
    lines += [message("attachments.interview.pain", language, x=pain) for pain in pains]
    lines += [message("attachments.interview.signal", language, x=signal) for signal in signals]
    lines += [message("attachments.interview.solution", language, x=solution)
              for solution in solutions]
    return "\n".join(lines)


def analyse_interview(context: Any, path: Path, language: str) -> Attachment:
    from icp_coach.services.jtbd import analyse_transcripts
    from icp_coach.services.jtbd_report import render_report
    from icp_coach.services.jtbd_themes import icp_feed
    from icp_coach.transcripts.loader import load_transcript

    transcript = load_transcript(path)
    report = analyse_transcripts([transcript], context.jtbd_extractor, pattern_threshold=1)
    return Attachment(title=path.name, report=render_report(report, language),
                      answer=transcript_answer(icp_feed(report), language))


def analyse_attachment(context: Any, path: Path, step: int, language: str) -> Attachment:
    kind = kind_for_step(step)
    if kind == "crm":
        return analyse_crm_export(context, path, language)
    if kind == "transcript":
        return analyse_interview(context, path, language)
    raise ValueError(f"attachments are for steps 1-3 (you are in step {step})")
