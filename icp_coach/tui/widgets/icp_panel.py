"""The ICP beside the chat: the current step and what it still needs, the six dimensions with
their completeness, and the validation findings as badges. It renders; the domain decides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from icp_coach.domain.language import as_language
from icp_coach.tui.i18n import t
from icp_coach.tui.safe_text import printable

if TYPE_CHECKING:  # the domain (pydantic) loads with the coach, after the first screen is up
    from icp_coach.domain.events import DraftView
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
    comma = "、" if language == "zh" else ", "
    semicolon = "；" if language == "zh" else "; "
    if name == "firmographics":
        firmo = document.firmographics
        parts = list(firmo.industries[:3])
        if firmo.employees.is_set:
            parts.append(f"{_bounds(firmo.employees.min, firmo.employees.max)} "
                         f"{t('panel.employees', language)}")
        parts += firmo.regions[:2]
        return comma.join(parts)
    if name == "technographics":
        tech = document.technographics
        return comma.join([*tech.tech_stack[:3], *tech.integrations[:2]])
    if name == "psychographics":
        psycho = document.psychographics
        return comma.join([*psycho.values[:2], *psycho.culture[:2]])
    if name == "pain_points":
        return semicolon.join(p.description for p in document.pain_points[:2])
    if name == "buying_signals":
        return semicolon.join(s.description for s in document.buying_signals[:2])
    from icp_coach.services.export import role_label

    lang: Any = language
    return comma.join(f"{role_label(m.role, lang)}: {'/'.join(m.titles[:1])}" if m.titles
                      else role_label(m.role, lang) for m in document.decision_makers[:3])


def _bounds(low: float | None, high: float | None) -> str:
    if low is None:
        return f"≤{high:,.0f}"
    if high is None:
        return f"≥{low:,.0f}"
    return f"{low:,.0f}-{high:,.0f}"


def render_step(current: int, title: str, gaps: list[Any], language: str) -> Text:
    text = Text()
    text.append(f"{t('panel.step', language)} {current}: {title}", style="bold")
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


def render_dimensions(document: ICPDocument, scores: dict[str, float], language: str) -> Text:
    from icp_coach.domain.icp import DIMENSIONS
    from icp_coach.domain.validation import dimension_label

    text = Text()
    text.append(t("panel.dimensions", language), style="bold underline")
    for name in DIMENSIONS:
        text.append(f"\n{dimension_label(name, as_language(language))}\n", style="bold")
        text.append("  ")
        text.append_text(completeness_bar(scores.get(name, 0.0)))
        values = printable(_dimension_values(document, name, language))
        if values:
            text.append(f"\n  {values}", style="italic")
    text.append(f"\n{t('panel.overall', language)} ", style="bold")
    text.append_text(completeness_bar(scores.get("overall", 0.0)))
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
        text.append(f" {printable(finding.message)}")
    return text


class ICPPanel(VerticalScroll):
    """Updated live from the coach's ICPUpdated / StepChanged / FindingRaised events."""

    def compose(self) -> Any:
        yield Static(id="panel-title")
        yield Static(id="panel-step")
        yield Static(id="panel-dimensions")
        yield Static(id="panel-findings")

    def show(self, view: DraftView, language: str) -> None:
        """Render the coach's snapshot of the draft (domain/events.py DraftView): computed once
        per change by the coach, nothing is validated or measured again here."""
        document = view.document
        title = Text(f"{t('panel.title', language)}: ", style="bold")
        title.append(printable(document.name))
        title.append(f"  {t('panel.version', language)} {document.version}", style="dim")
        self.query_one("#panel-title", Static).update(title)
        self.query_one("#panel-step", Static).update(
            render_step(view.step, view.step_title, list(view.gaps), language))
        self.query_one("#panel-dimensions", Static).update(
            render_dimensions(document, dict(view.completeness), language))
        self.query_one("#panel-findings", Static).update(
            render_findings(list(view.findings), language))
