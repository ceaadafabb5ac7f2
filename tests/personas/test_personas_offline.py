"""Personas drafted offline: evidence per section, honest evidence levels, checks."""

from __future__ import annotations

import pytest

from icp_coach.domain.persona import DRAFT_THRESHOLD, SECTIONS, Persona
from icp_coach.engines.offline.personas import OfflinePersonaWriter
from icp_coach.prompt_files import load_prompt
from icp_coach.services.persona_report import render_personas
from icp_coach.services.personas import draft_personas, verified_quotes
from tests.personas.persona_fixtures import billing_icp, interview


@pytest.fixture
def writer() -> OfflinePersonaWriter:
    return OfflinePersonaWriter(load_prompt)


def sections_filled_with_evidence(persona: Persona) -> list[str]:
    return [s for s in SECTIONS if any(i.basis in ("observed", "icp") for i in getattr(persona, s))]


def test_one_persona_per_icp_role_with_the_icp_titles(writer: OfflinePersonaWriter) -> None:
    draft = draft_personas(billing_icp(), writer, jtbd=[interview()])
    assert [p.role for p in draft.personas] == ["champion", "economic_buyer", "technical_buyer"]
    champion = draft.personas[0]
    assert champion.title == "Head of RevOps"
    assert champion.other_titles == ["Director of Finance Operations"]
    assert draft.icp.personas == draft.personas  # stored in the ICP


def test_every_evidenced_item_cites_an_existing_icp_field_or_a_verbatim_quote(
        writer: OfflinePersonaWriter) -> None:
    icp = billing_icp()
    draft = draft_personas(icp, writer, jtbd=[interview()])
    pool = verified_quotes([interview()])
    for persona in draft.personas:
        assert sections_filled_with_evidence(persona), persona.role
        for item in persona.items():
            if item.basis in ("observed", "icp"):
                assert item.evidence, (persona.role, item.text)
            for evidence in item.evidence:
                assert evidence.verified
                if evidence.kind == "quote":
                    assert any(evidence.quote in q for q in pool)
                else:
                    assert evidence.source.startswith("icp:")


def test_evidence_level_matches_the_distinct_evidence_count(writer: OfflinePersonaWriter) -> None:
    draft = draft_personas(billing_icp(), writer, jtbd=[interview()])
    for persona in draft.personas:
        assert persona.evidence_count == len(persona.distinct_evidence())
        expected = "draft" if persona.evidence_count >= DRAFT_THRESHOLD else "hypothesis"
        assert persona.evidence_level == expected
    champion = draft.personas[0]
    assert champion.evidence_level == "draft"  # three pains, two signals, four quotes


def test_thin_evidence_makes_a_hypothesis_with_what_to_learn(writer: OfflinePersonaWriter) -> None:
    icp = billing_icp(pain_points=[], buying_signals=[], technographics={})
    draft = draft_personas(icp, writer, roles=["technical_buyer"])
    persona = draft.personas[0]
    assert persona.evidence_level == "hypothesis"
    assert persona.to_learn and any("technical" in step.lower() for step in persona.to_learn)
    assert any(f.code == "persona_hypothesis" for f in draft.findings)


def test_template_items_are_never_presented_as_observed(writer: OfflinePersonaWriter) -> None:
    draft = draft_personas(billing_icp(), writer, roles=["economic_buyer"])
    holes = draft.personas[0].watering_holes
    assert holes and all(item.basis == "template" and not item.evidence for item in holes)
    markdown = render_personas(draft.personas)
    assert "_(to verify)_" in markdown


def test_role_missing_from_the_icp_is_a_finding(writer: OfflinePersonaWriter) -> None:
    draft = draft_personas(billing_icp(), writer, roles=["blocker"])
    assert any(f.code == "persona_role_not_in_icp" for f in draft.findings)
    assert draft.personas[0].to_learn[0].startswith("Confirm this role")


def test_blocker_objections_come_from_the_red_flags(writer: OfflinePersonaWriter) -> None:
    draft = draft_personas(billing_icp(), writer, roles=["blocker"])
    objections = draft.personas[0].objections
    assert any(item.evidence and item.evidence[0].source == "icp:red_flags[0]" for item in objections)


def test_unknown_role_is_rejected(writer: OfflinePersonaWriter) -> None:
    with pytest.raises(ValueError, match="unknown role"):
        draft_personas(billing_icp(), writer, roles=["ceo"])


def test_chinese_personas_use_chinese_templates(writer: OfflinePersonaWriter) -> None:
    draft = draft_personas(billing_icp(language="zh"), writer, roles=["champion"])
    persona = draft.personas[0]
    assert any("同行" in item.text for item in persona.watering_holes)
    markdown = render_personas(draft.personas, "zh")
    assert "## Head of RevOps (内部推动者)" in markdown
    assert "### 痛点" in markdown and "_(待验证)_" in markdown
