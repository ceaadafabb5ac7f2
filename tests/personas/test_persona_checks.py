"""Verification keeps only evidence that checks out; checks flag what a reviewer would."""

from __future__ import annotations

from icp_coach.domain.evidence import Evidence
from icp_coach.domain.persona import Persona, PersonaItem
from icp_coach.domain.persona_checks import check_personas, resolve_icp_path, verify_persona
from tests.personas.persona_fixtures import billing_icp


def persona(**sections: list[PersonaItem]) -> Persona:
    return Persona(role="champion", name="Head of RevOps", **sections)  # type: ignore[arg-type]


def test_an_invented_quote_is_dropped_and_the_item_marked_inferred() -> None:
    invented = PersonaItem(text="Hates spreadsheets", basis="observed", evidence=[
        Evidence(quote="I hate spreadsheets with a passion", source="t.txt", line=3)])
    real = PersonaItem(text="Double entry", basis="observed", evidence=[
        Evidence(quote="Reps hate  double entry.", source="t.txt", line=20)])
    checked = verify_persona(persona(pains=[invented, real]), billing_icp(),
                             ["Updating the sheet was a separate chore. Reps hate double entry."])
    assert checked.pains[0].evidence == [] and checked.pains[0].basis == "inferred"
    assert checked.pains[1].evidence[0].verified and checked.pains[1].basis == "observed"
    assert checked.evidence_count == 1 and checked.evidence_level == "hypothesis"


def test_icp_references_must_resolve_to_what_they_claim() -> None:
    icp = billing_icp()
    good = Evidence(kind="icp_field", source="icp:pain_points[1]",
                    quote="Revenue leakage from overages nobody bills")
    wrong_text = Evidence(kind="icp_field", source="icp:pain_points[1]", quote="Churn")
    missing = Evidence(kind="icp_field", source="icp:pain_points[9]", quote="x")
    item = PersonaItem(text="Leakage", basis="icp", evidence=[good, wrong_text, missing])
    checked = verify_persona(persona(pains=[item]), icp, [])
    assert [e.quote for e in checked.pains[0].evidence] == [good.quote]


def test_resolve_icp_path() -> None:
    icp = billing_icp()
    assert resolve_icp_path(icp, "technographics.tech_stack") == ["stripe", "netsuite"]
    assert resolve_icp_path(icp, "decision_makers[1].titles") == ["CFO", "VP Finance"]
    assert resolve_icp_path(icp, "nothing.here") is None


def test_five_distinct_items_make_a_draft_and_duplicates_do_not_count() -> None:
    icp = billing_icp()
    refs = [Evidence(kind="icp_field", source=f"icp:pain_points[{i}]",
                     quote=icp.pain_points[i].description) for i in range(3)]
    refs += [Evidence(kind="icp_field", source=f"icp:buying_signals[{i}]",
                      quote=icp.buying_signals[i].description) for i in range(2)]
    items = [PersonaItem(text=f"item {i}", basis="icp", evidence=[ref]) for i, ref in enumerate(refs)]
    checked = verify_persona(persona(pains=items, goals=items[:2]), icp, [])
    assert checked.evidence_count == 5 and checked.evidence_level == "draft"
    fewer = verify_persona(persona(pains=items[:4] + items[:1]), icp, [])
    assert fewer.evidence_count == 4 and fewer.evidence_level == "hypothesis"


def test_duplicate_roles_and_empty_goals_or_pains_are_findings() -> None:
    icp = billing_icp()
    personas = [persona(), persona()]
    codes = [f.code for f in check_personas(icp, personas)]
    assert "persona_duplicate_role" in codes
    assert "persona_no_goals" in codes and "persona_no_pains" in codes
    zh = check_personas(icp, [persona()], "zh")
    assert any("没有目标" in f.message for f in zh)
