"""The ICP beside the chat: the current step and what it still needs, the six dimensions with
their completeness, and the validation findings as badges. It renders; the domain decides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from icp_coach.domain.language import as_language
from icp_coach.tui.i18n import t

if TYPE_CHECKING:  # the domain (pydantic) loads with the coach, after the first screen is up
    from icp_coach.domain.icp import ICPDocument
    from icp_coach.domain.validation import Finding

BAR_CELLS = 10
BADGE_STYLES = {"error": "bold white on red", "warning": "bold black on yellow",
                "hint": "bold white on blue"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}


def completeness_bar(share: float, cells: int = BAR_CELLS) -> Text:
    filled = round(share * cells)
    bar = Text("█" * filled, style="green" if share >= 0.67 else "yellow" if share else "dim")
    bar.append("░" * (cells - filled), style="dim")
    bar.append(f" {share:>4.0%}")
    return bar


def _dimension_values(document: ICPDocument, name: str, language: str) -> str:
    """A short reading of what a dimension holds, for the panel (not a full rendering)."""
    if name == "firmographics":
        firmo = document.firmographics
        parts = list(firmo.industries[:3])
        if firmo.employees.is_set:
            parts.append(f"{_number(firmo.employees.min)}-{_number(firmo.employees.max)} "
                         f"{t('panel.employees', language)}")
        parts += firmo.regions[:2]
        return ", ".join(parts)
    if name == "technographics":
        tech = document.technographics
        return ", ".join([*tech.tech_stack[:3], *tech.integrations[:2]])
    if name == "psychographics":
        psycho = document.psychographics
        return ", ".join([*psycho.values[:2], *psycho.culture[:2]])
    if name == "pain_points":
        return "; ".join(p.description for p in document.pain_points[:2])
    if name == "buying_signals":
        return "; ".join(s.description for s in document.buying_signals[:2])
    return ", ".join(f"{m.role}: {'/'.join(m.titles[:1])}" if m.titles else m.role
                     for m in document.decision_makers[:3])


def _number(value: float | None) -> str:
    return "?" if value is None else f"{value:,.0f}"


def render_step(document: ICPDocument, current: int, language: str) -> Text:
    from icp_coach.domain.process import step, step_gaps

    text = Text()
    text.append(f"{t('panel.step', language)} {current}: {step(current).title_in(language)}",
                style="bold")
    gaps = step_gaps(current, document)
    if not gaps:
        text.append("\n" + t("panel.step_done", language), style="green")
        return text
    text.append(f"\n{t('panel.needs', language)}: ", style="dim")
    for position, gap in enumerate(gaps):
        if position:
            text.append(", ")
        label = t(f"gap.{gap.key}", language)
        if gap.required:
            text.append(label, style="bold yellow")
        else:
            text.append(f"{label} ({t('panel.optional', language)})", style="dim")
    return text


def render_dimensions(document: ICPDocument, language: str) -> Text:
    from icp_coach.domain.icp import DIMENSIONS
    from icp_coach.domain.validation import completeness, dimension_label

    scores = completeness(document)
    text = Text()
    text.append(t("panel.dimensions", language), style="bold underline")
    for name in DIMENSIONS:
        text.append(f"\n{dimension_label(name, as_language(language))}\n", style="bold")
        text.append("  ")
        text.append_text(completeness_bar(scores[name]))
        values = _dimension_values(document, name, language)
        if values:
            text.append(f"\n  {values}", style="italic")
    text.append(f"\n{t('panel.overall', language)} ", style="bold")
    text.append_text(completeness_bar(scores["overall"]))
    return text


def render_findings(findings: list[Finding], language: str) -> Text:
    text = Text()
    text.append(t("panel.findings", language), style="bold underline")
    if not findings:
        text.append("\n" + t("panel.no_findings", language), style="dim")
        return text
    for finding in sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 3)):
        text.append("\n")
        text.append(f" {t(f'badge.{finding.severity}', language)} ",
                    style=BADGE_STYLES.get(finding.severity, "bold"))
        text.append(f" {finding.message}")
    return text


class ICPPanel(VerticalScroll):
    """Updated live from the coach's ICPUpdated / StepChanged / FindingRaised events."""

    def compose(self) -> Any:
        yield Static(id="panel-title")
        yield Static(id="panel-step")
        yield Static(id="panel-dimensions")
        yield Static(id="panel-findings")

    def show(self, document: ICPDocument, current_step: int, language: str) -> None:
        from icp_coach.domain.validation import validate_icp

        title = Text(f"{t('panel.title', language)}: ", style="bold")
        title.append(document.name)
        title.append(f"  {t('panel.version', language)} {document.version}", style="dim")
        self.query_one("#panel-title", Static).update(title)
        self.query_one("#panel-step", Static).update(render_step(document, current_step, language))
        self.query_one("#panel-dimensions", Static).update(render_dimensions(document, language))
        findings = validate_icp(document, as_language(language))
        self.query_one("#panel-findings", Static).update(render_findings(findings, language))
