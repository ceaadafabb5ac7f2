"""Notes read as a person reads them (issue 13 item 3, issue 17's misreadings), English and
Chinese, on the bundled model as users run it. Every note here was written for this test."""

from __future__ import annotations

import pytest

from icp_coach.domain.icp import ICPDocument
from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _read(extractor: OfflineExtractor, notes: str) -> ICPDocument:
    return extract_notes(notes, extractor).document


def test_walk_away_lines_are_red_flags_not_industries(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "# ICP\n\n## Best fit\n- dental group practices\n\n"
                                "## Walk away\n- hospital groups\n- orthodontic-only chains\n")
    assert document.firmographics.industries == ["dental"]
    assert [f.description for f in document.red_flags] == ["hospital groups",
                                                          "orthodontic-only chains"]


def test_an_exclusion_inside_a_prose_sentence_is_a_red_flag(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "Who buys\n\nWe sell to specialty subcontractors, not general "
                                "contractors, and mostly in Texas.\n")
    assert "construction" not in document.firmographics.industries or any(
        "general contractors" in f.description for f in document.red_flags)
    assert any("not general contractors" in f.description for f in document.red_flags)
    assert document.firmographics.regions == ["Texas"]


def test_must_haves_are_filters_not_red_flags(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "ICP\n\nMust-haves:\n- on Salesforce\n- 50 to 500 employees\n"
                                "- law firms\n")
    assert document.technographics.tech_stack == ["Salesforce"]
    assert (document.firmographics.employees.min, document.firmographics.employees.max) == (50, 500)
    assert document.firmographics.industries == ["law firms"]
    assert document.red_flags == []


@pytest.mark.parametrize("line", ["Our ACV is around $25k.", "Deals run $30k to $90k a year.",
                                  "客单价一年两三万元。"])
def test_contract_value_is_not_company_revenue(extractor: OfflineExtractor, line: str) -> None:
    document = _read(extractor, f"ICP\n\nLogistics firms with 100-800 people. {line}\n")
    assert not document.firmographics.annual_revenue_usd.is_set
    assert (document.firmographics.employees.min, document.firmographics.employees.max) == (100, 800)


def test_customer_logos_are_not_tech_stack(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "ICP\n\nStack: HubSpot and NetSuite.\n"
                                "Logos so far: Shopify and Stripe (case studies in the deck).\n")
    assert document.technographics.tech_stack == ["HubSpot", "NetSuite"]


def test_titles_under_signals_are_decision_makers_not_signals(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "ICP\n\nSignals:\n- VP Sales or COO\n- hiring a head of dispatch\n")
    assert [s.description for s in document.buying_signals] == ["hiring a head of dispatch"]
    titles = {t for maker in document.decision_makers for t in maker.titles}
    assert {"VP Sales", "COO"} <= titles


def test_markdown_debris_is_never_an_item(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "## ICP\n\n| Field | Value |\n|---|---|\n"
                                "| Industry | dental clinics |\n| Pain | no-shows every week |\n"
                                "---\n**\n\nPurpose: align the SDR team before Q3\n")
    assert document.firmographics.industries == ["dental"]
    assert [p.description for p in document.pain_points] == ["no-shows every week"]
    items = [p.description for p in document.pain_points] + [
        s.description for s in document.buying_signals] + [f.description for f in document.red_flags]
    assert not any(item.strip("-*| ") == "" or "Purpose" in item or "Field" in item
                   for item in items)


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("Mostly clinics, a couple hundred people up to maybe fifteen hundred.", 200, 1500),
    ("员工一千人上下到五千人左右。", 1000, 5000),
    ("They make 3,000 to 60,000 cases a year with 25 to 150 people.", 25, 150),
])
def test_prose_ranges_are_read_clause_by_clause(extractor: OfflineExtractor, sentence: str,
                                                low: int, high: int) -> None:
    employees = _read(extractor, f"Notes\n\n{sentence}\n").firmographics.employees
    assert (employees.min, employees.max) == (low, high)


@pytest.mark.parametrize(("answer", "language"), [
    ("连锁餐饮，50家店，华东", "zh"),
    ("Dental groups with 8 to 60 locations", "en"),
    ("Freight brokers, only 2-3 FTEs in the billing team", "en"),
])
def test_counts_of_stores_sites_or_a_team_are_not_company_size(extractor: OfflineExtractor,
                                                               answer: str, language: str) -> None:
    patch = extractor.extract_patch(answer, step=1, draft=ICPDocument(name="x"),
                                    language=language).patch  # type: ignore[arg-type]
    assert patch.employees is None
    assert patch.industries


def test_a_title_is_not_an_industry(extractor: OfflineExtractor) -> None:
    patch = extractor.extract_patch("对接的一般是电商总监，老板拍板", step=2,
                                    draft=ICPDocument(name="x"), language="zh").patch
    assert patch.industries == []
    assert {t for maker in patch.decision_makers for t in maker.titles} >= {"电商总监", "老板"}


def test_named_transport_and_erp_systems_are_tech_stack(extractor: OfflineExtractor) -> None:
    patch = extractor.extract_patch("They run MercuryGate or McLeod, and Acumatica for the books",
                                    step=2, draft=ICPDocument(name="x"), language="en").patch
    assert patch.tech_stack == ["MercuryGate", "McLeod", "Acumatica"]


def test_a_workaround_is_the_current_solution_not_the_pain(extractor: OfflineExtractor) -> None:
    patch = extractor.extract_patch(
        "Loads get double-booked every week. The workaround is a dispatcher phoning every "
        "driver.", step=2, draft=ICPDocument(name="x"), language="en").patch
    assert [p.description for p in patch.pain_points] == ["Loads get double-booked every week."]
    assert "dispatcher phoning" in patch.pain_points[0].current_solution


def test_a_platitude_in_notes_is_not_a_pain(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "Notes\n\nInvoices are re-keyed by hand every month.\n"
                                "Customer service is important to everyone.\n")
    assert [p.description for p in document.pain_points] == [
        "Invoices are re-keyed by hand every month."]
