"""Use case: free-form notes -> a new, validated ICP document.

The extractor (any ICPExtractor: offline rules or an LLM) proposes a patch; the patch is applied
to a fresh document with the domain's own merge rules, evidence is pointed at the notes file and
checked to occur verbatim, and the validation findings come back with the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.language import Language
from icp_coach.domain.patch import ICPPatch, apply_patch
from icp_coach.domain.ports import Extraction, ICPExtractor
from icp_coach.domain.validation import Finding, validate_icp

WHOLE_NOTES_STEP = 99  # not an interview step: extract every dimension

_CJK = re.compile(r"[\u3400-\u9fff]")


class EmptyNotesError(ValueError):
    """The notes hold no text to extract from."""


@dataclass
class NotesExtraction:
    document: ICPDocument
    findings: list[Finding]
    extraction: Extraction
    changed_paths: list[str] = field(default_factory=list)
    dropped_quotes: int = 0


def detect_language(text: str) -> Language:
    """zh when a fair share of the letters are Chinese characters, else en."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    share = sum(1 for c in letters if _CJK.match(c)) / len(letters)
    return "zh" if share >= 0.2 else "en"


def default_name(source: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", source.replace("\\", "/").rsplit("/", 1)[-1])
    return stem.replace("_", " ").replace("-", " ").strip() or "ICP"


def _verified_evidence(patch: ICPPatch, text: str, source: str) -> tuple[ICPPatch, int]:
    """Point evidence at the notes file; keep a quote only if it occurs verbatim in the notes."""
    dropped = 0
    lines = text.splitlines()

    def fix(items: list) -> list:
        nonlocal dropped
        fixed = []
        for item in items:
            kept = []
            for evidence in item.evidence:
                if evidence.quote and evidence.quote not in text:
                    dropped += 1
                    continue
                line = evidence.line
                if evidence.quote and (line is None or line < 1 or line > len(lines)
                                       or evidence.quote not in lines[line - 1]):
                    line = next((n for n, row in enumerate(lines, 1) if evidence.quote in row), line)
                kept.append(evidence.model_copy(update={
                    "source": evidence.source or source, "line": line,
                    "verified": bool(evidence.quote)}))
            fixed.append(item.model_copy(update={"evidence": kept}))
        return fixed

    updated = patch.model_copy(update={
        "pain_points": fix(patch.pain_points),
        "buying_signals": fix(patch.buying_signals),
        "red_flags": fix(patch.red_flags),
    })
    return updated, dropped


def _money(value: float) -> str:
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"${value / size:.3g}{suffix}"
    return f"${value:,.0f}"


def _span(low: float | None, high: float | None, show: Callable[[float], str]) -> str:
    if low is not None and high is not None:
        return f"{show(low)}–{show(high)}"
    if low is not None:
        return f"≥ {show(low)}"
    return f"≤ {show(high)}" if high is not None else ""


def draft_summary(document: ICPDocument, language: Language) -> str:
    """One line saying who the ICP is, built only from the extracted fields."""
    firmo = document.firmographics
    employees = _span(firmo.employees.min, firmo.employees.max, lambda v: f"{v:,.0f}")
    revenue = _span(firmo.annual_revenue_usd.min, firmo.annual_revenue_usd.max, _money)
    if language == "zh":
        parts = [f"行业：{'、'.join(firmo.industries)}" if firmo.industries else "",
                 f"员工 {employees} 人" if employees else "",
                 f"年收入 {revenue}（美元）" if revenue else "",
                 f"地区：{'、'.join(firmo.regions)}" if firmo.regions else ""]
        kept = [part for part in parts if part]
        return ("；".join(kept) + "。") if kept else ""
    parts = [", ".join(firmo.industries), f"{employees} employees" if employees else "",
             f"{revenue} annual revenue" if revenue else "",
             f"in {', '.join(firmo.regions)}" if firmo.regions else ""]
    kept = [part for part in parts if part]
    return ("; ".join(kept) + ".") if kept else ""


def extract_notes(text: str, extractor: ICPExtractor, *, name: str | None = None,
                  source: str = "notes", language: Language | None = None,
                  today: date | None = None) -> NotesExtraction:
    """A new ICPDocument from notes, with the extractor's patch applied and validated."""
    if not text.strip():
        raise EmptyNotesError(f"{source}: the notes are empty; write what you know about your "
                              "best customers and run extract again")
    lang: Language = language or detect_language(text)
    draft = ICPDocument(name=name or default_name(source), language=lang)
    extraction = extractor.extract_patch(text, step=WHOLE_NOTES_STEP, draft=draft, language=lang)
    patch, dropped = _verified_evidence(extraction.patch, text, source)
    document, changed = apply_patch(draft, patch)
    document = document.model_copy(update={
        "engine": extraction.engine, "updated": today or date.today(),
        "summary": document.summary or draft_summary(document, lang)})
    document = ICPDocument.model_validate(document.model_dump())
    return NotesExtraction(document=document, findings=validate_icp(document, lang),
                           extraction=extraction, changed_paths=changed, dropped_quotes=dropped)
