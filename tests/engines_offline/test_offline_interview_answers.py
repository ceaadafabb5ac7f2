"""One chat answer at a time, as the five-step interview feeds them."""

from __future__ import annotations

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.patch import apply_patch
from icp_coach.embeddings import BundledEmbedder, HashingEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor


def test_step_answers_build_up_a_draft() -> None:
    extractor = OfflineExtractor(use_embeddings=False)
    draft = ICPDocument(name="t")
    answers = [
        (1, "Mostly fintech and insurance in EMEA, between 50 and 250 staff, $10M-$60M ARR."),
        (2, "They run Salesforce and Snowflake. Month-end reconciliation is done by hand in Excel."),
        (3, "The Head of Finance Ops pushes for it and the CFO signs. Avoid anyone under 20 people."),
    ]
    for step, answer in answers:
        extraction = extractor.extract_patch(answer, step=step, draft=draft, language="en")
        assert extraction.engine == "offline"
        draft, _ = apply_patch(draft, extraction.patch)
    firmo = draft.firmographics
    assert firmo.industries == ["fintech", "insurance"]
    assert firmo.regions == ["EMEA"]
    assert (firmo.employees.min, firmo.employees.max) == (50, 250)
    assert (firmo.annual_revenue_usd.min, firmo.annual_revenue_usd.max) == (10_000_000, 60_000_000)
    assert draft.technographics.tech_stack == ["Salesforce", "Snowflake", "Excel"]
    assert [p.description for p in draft.pain_points] == [
        "Month-end reconciliation is done by hand in Excel."]
    assert {m.role: m.titles for m in draft.decision_makers} == {
        "champion": ["Head of Finance Ops"], "economic_buyer": ["CFO"]}
    assert [f.description for f in draft.red_flags] == ["Avoid anyone under 20 people."]


def test_chinese_answer() -> None:
    extraction = OfflineExtractor(use_embeddings=False).extract_patch(
        "我们的客户主要是华南的注塑厂，50-200 名员工，年收入 1000 万到 5000 万人民币。",
        step=1, draft=ICPDocument(name="t", language="zh"), language="zh")
    patch = extraction.patch
    assert patch.industries == ["注塑"]
    assert patch.regions == ["华南"]
    assert patch.employees is not None and (patch.employees.min, patch.employees.max) == (50, 200)
    assert patch.annual_revenue_usd is not None
    assert (patch.annual_revenue_usd.min, patch.annual_revenue_usd.max) == (1_388_889, 6_944_444)
    assert any("7.2" in note for note in extraction.notes)


def test_lines_no_rule_places_are_read_by_the_learned_clause_heads() -> None:
    line = "Most of them moved to usage pricing last year and it broke their invoicing"
    without = OfflineExtractor(use_embeddings=False).classify(f"Notes\n\n{line}\n")
    assert [u.kind for u in without if not u.is_heading] == [None]
    placed = OfflineExtractor(embedder=BundledEmbedder()).classify(f"Notes\n\n{line}\n")
    assert [(u.kind, u.decided_by) for u in placed if not u.is_heading] == [("pain", "learned")]


def test_the_heads_refuse_an_embedder_they_were_not_trained_on() -> None:
    notes: list[str] = []
    units = OfflineExtractor(embedder=HashingEmbedder()).classify(
        "Notes\n\nMost of them moved to usage pricing last year\n", notes)
    assert [u.decided_by for u in units if not u.is_heading] == ["none"]
    assert any("learned clause reading unavailable" in note for note in notes)


def test_a_short_answer_with_two_sentences_is_read_sentence_by_sentence() -> None:
    extraction = OfflineExtractor(use_embeddings=False).extract_patch(
        "We use HubSpot. Invoices are chased by hand.", step=2, draft=ICPDocument(name="t"),
        language="en")
    assert extraction.patch.tech_stack == ["HubSpot"]
    assert [p.description for p in extraction.patch.pain_points] == ["Invoices are chased by hand."]
