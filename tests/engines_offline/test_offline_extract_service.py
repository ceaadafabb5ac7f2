"""The extract_notes use case: any ICPExtractor, evidence checked against the notes, findings."""

from __future__ import annotations

from datetime import date

import pytest

from icp_coach.domain.icp import Evidence, ICPDocument, PainPoint
from icp_coach.domain.patch import ICPPatch
from icp_coach.domain.ports import Extraction
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import EmptyNotesError, detect_language, extract_notes


class ScriptedExtractor:
    """An extractor that returns a fixed patch, as a model might (quotes and all)."""

    name = "scripted"

    def __init__(self, patch: ICPPatch) -> None:
        self.patch = patch
        self.calls: list[tuple[str, int, str]] = []

    def extract_patch(self, text: str, *, step: int, draft: ICPDocument,
                      language: str) -> Extraction:
        self.calls.append((text, step, language))
        return Extraction(patch=self.patch, engine=self.name)


def test_invented_quotes_are_dropped_and_real_ones_point_at_the_file() -> None:
    notes = "## Pain\n- invoices are chased by hand\n"
    patch = ICPPatch(pain_points=[PainPoint(description="manual chasing", evidence=[
        Evidence(quote="invoices are chased by hand"),
        Evidence(quote="we lose a week every month"),  # not in the notes
    ])])
    result = extract_notes(notes, ScriptedExtractor(patch), source="acme.md",
                           today=date(2026, 1, 2))
    [pain] = result.document.pain_points
    assert [(e.quote, e.source, e.line, e.verified) for e in pain.evidence] == [
        ("invoices are chased by hand", "acme.md", 2, True)]
    assert result.dropped_quotes == 1
    assert result.document.engine == "scripted"
    assert result.document.updated == date(2026, 1, 2)


def test_whole_notes_are_not_read_as_the_pmf_step() -> None:
    extractor = ScriptedExtractor(ICPPatch())
    extract_notes("some notes about our customers", extractor)
    assert extractor.calls[0][1] != 0


def test_findings_come_with_the_document() -> None:
    notes = "## Who\n- B2B SaaS, 50 to 300 people, US and Canada\n"
    result = extract_notes(notes, OfflineExtractor(use_embeddings=False), name="Tally")
    assert result.document.name == "Tally"
    codes = {finding.code for finding in result.findings}
    assert {"no_red_flags", "missing_pain_points", "missing_decision_makers"} <= codes


def test_language_and_name_defaults() -> None:
    result = extract_notes("行业：注塑，员工 200 到 2000 人", OfflineExtractor(use_embeddings=False),
                           source="notes/factory_iot.md")
    assert result.document.language == "zh"
    assert result.document.name == "factory iot"
    assert detect_language("B2B SaaS with 50-300 people") == "en"


def test_empty_notes_are_refused() -> None:
    with pytest.raises(EmptyNotesError, match="empty"):
        extract_notes(" \n\t\n", OfflineExtractor(use_embeddings=False), source="x.md")


def test_a_one_line_summary_is_drafted_from_the_fields() -> None:
    extractor = OfflineExtractor(use_embeddings=False)
    english = extract_notes("Who: B2B SaaS, 50 to 300 people, $5M-$40M ARR, US and Canada\n",
                            extractor).document
    assert english.summary == "saas; 50–300 employees; $5M–$40M annual revenue; in United States, Canada."
    chinese = extract_notes("行业：注塑，员工 200 到 2000 人，华东\n", extractor).document
    assert chinese.summary == "行业：注塑；员工 200–2,000 人；地区：华东。"
