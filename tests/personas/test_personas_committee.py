"""Every persona of the buying committee has goals, pains, objections and criteria from the
evidence, each citing its source; templates only where nothing else exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from icp_coach.bootstrap import make_app
from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.persona import Persona
from icp_coach.domain.persona_checks import resolve_icp_path
from icp_coach.domain.transcript import Transcript
from icp_coach.services.jtbd import analyse_transcripts
from icp_coach.services.persona_report import render_personas
from icp_coach.services.personas import PersonaDraft, draft_personas
from icp_coach.settings import Settings
from icp_coach.tui.persona_yaml import parse_personas, personas_to_yaml
from tests.personas.committee_fixtures import (
    CLINIC_CALL,
    FLEET_CALL,
    clinic_call,
    clinic_icp,
    fleet_call,
    fleet_icp,
)

ALL_ROLES = ["champion", "economic_buyer", "technical_buyer", "user", "blocker"]


@pytest.fixture(scope="module")
def app():  # type: ignore[no-untyped-def]
    return make_app(Settings(engine="offline"))


def draft(app, icp: ICPDocument, call: Transcript | None = None, roles: list[str] | None = None  # type: ignore[no-untyped-def]
          ) -> PersonaDraft:
    results = list(analyse_transcripts([call], app.jtbd_extractor).interviews) if call else []
    return draft_personas(icp, app.persona_writer, jtbd=results, roles=roles,
                          transcripts=[call] if call else [])


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_every_item_cites_what_it_claims(persona: Persona, icp: ICPDocument, raw: str) -> None:
    for item in persona.items():
        if item.basis in ("observed", "icp"):
            assert item.evidence, (persona.role, item.text)
        else:
            assert not any(e.kind in ("quote", "icp_field") for e in item.evidence)
        for evidence in item.evidence:
            if evidence.kind == "quote":
                assert squash(evidence.quote) in squash(raw), evidence.quote
            elif evidence.kind == "icp_field":
                value = resolve_icp_path(icp, evidence.source.removeprefix("icp:"))
                assert value is not None and squash(evidence.quote) in squash(str(value))


@pytest.mark.parametrize(("make_icp", "make_call", "raw"), [
    (fleet_icp, fleet_call, FLEET_CALL), (clinic_icp, clinic_call, CLINIC_CALL)])
def test_every_role_has_three_evidenced_goals_and_pains_citing_their_source(  # type: ignore[no-untyped-def]
        app, make_icp, make_call, raw: str) -> None:
    icp = make_icp()
    result = draft(app, icp, make_call(), roles=ALL_ROLES)
    assert [p.role for p in result.personas] == ALL_ROLES
    for persona in result.personas:
        assert len(persona.evidenced_items("goals")) >= 3, persona.role
        assert len(persona.evidenced_items("pains")) >= 3, persona.role
        assert persona.objections and all(o.answer for o in persona.objections), persona.role
        assert persona.decision_criteria, persona.role
        assert_every_item_cites_what_it_claims(persona, icp, raw)


def test_each_role_reads_the_icp_its_own_way(app) -> None:  # type: ignore[no-untyped-def]
    personas = {p.role: p for p in draft(app, fleet_icp(), roles=ALL_ROLES).personas}

    def sources(persona: Persona, section: str) -> set[str]:
        return {e.source for item in getattr(persona, section) for e in item.evidence}

    assert {"icp:buying_signals[0]", "icp:buying_signals[1]"} <= sources(personas["economic_buyer"], "goals")
    technical = sources(personas["technical_buyer"], "decision_criteria")
    assert {"icp:technographics.tech_stack[0]", "icp:technographics.integrations[0]",
            "icp:technographics.compliance[0]", "icp:technographics.maturity"} <= technical
    blocker = sources(personas["blocker"], "objections")
    assert {"icp:red_flags[0]", "icp:red_flags[1]", "icp:technographics.compliance[0]"} <= blocker
    assert "icp:pain_points[0].current_solution" in sources(personas["user"], "goals")
    assert "icp:decision_makers[0].concerns[0]" in sources(personas["champion"], "decision_criteria")
    # the same pain, read by the economic buyer for what it costs
    assert any(item.text.startswith("What it costs the business: ")
               for item in personas["economic_buyer"].pains)


def test_what_an_interviewee_said_goes_to_the_role_they_play(app) -> None:  # type: ignore[no-untyped-def]
    personas = {p.role: p for p in draft(app, fleet_icp(), fleet_call()).personas}
    buyer, champion = personas["economic_buyer"], personas["champion"]
    nervous = "I was nervous the drivers would refuse another app"

    def quotes(persona: Persona) -> str:
        return " ".join(e.quote for item in persona.items() for e in item.evidence if e.kind == "quote")

    assert nervous in quotes(buyer) and nervous not in quotes(champion)
    assert "copy the telematics data" in quotes(champion)
    assert buyer.interviewees == ["Ruth Amadi (Head of finance), interviews/fleet_cfo.txt"]
    assert champion.interviewees == ["Ken Ito (Fleet Operations Manager), interviews/fleet_cfo.txt"]


def test_champion_and_economic_buyer_always_and_the_interviewees_roles_too(app) -> None:  # type: ignore[no-untyped-def]
    icp = clinic_icp(decision_makers=[])
    result = draft(app, icp, clinic_call())
    assert [p.role for p in result.personas] == ["champion", "economic_buyer", "technical_buyer"]
    technical = result.personas[2]
    assert technical.title == "信息化负责人"
    assert technical.to_learn[0].startswith("确认成交中确实有这个角色")


def test_a_title_filed_under_buying_signals_still_names_the_role(app) -> None:  # type: ignore[no-untyped-def]
    icp = fleet_icp(decision_makers=[], buying_signals=[
        {"description": "Any tool over $20k needs the CFO to sign off"},
        {"description": "Hiring a Head of Fleet Safety"}])
    buyer = next(p for p in draft(app, icp).personas if p.role == "economic_buyer")
    assert buyer.title == "CFO"
    assert [t.text for t in buyer.triggers] == ["Hiring a Head of Fleet Safety"]  # an event
    assert "Any tool over $20k needs the CFO to sign off" in [c.text for c in buyer.decision_criteria]


def test_templates_only_where_nothing_else_exists_and_never_counted(app) -> None:  # type: ignore[no-untyped-def]
    bare = ICPDocument(name="Bare", decision_makers=[{"role": "economic_buyer", "titles": ["CFO"]}])
    persona = draft(app, bare, roles=["economic_buyer"]).personas[0]
    assert persona.goals and all(item.basis == "template" for item in persona.goals)
    assert persona.evidence_count == 0 and persona.evidence_level == "hypothesis"
    assert persona.evidenced["goals"] == 0
    rich = draft(app, fleet_icp(), roles=["economic_buyer"]).personas[0]
    assert all(item.basis != "template" for item in rich.goals + rich.objections + rich.decision_criteria)


def test_evidence_level_and_interviews_still_to_run_per_persona(app) -> None:  # type: ignore[no-untyped-def]
    result = draft(app, fleet_icp(), fleet_call())
    personas = {p.role: p for p in result.personas}
    assert personas["economic_buyer"].to_learn[0] == (
        "Interview 1-2 more CFOs (so far: Ruth Amadi (Head of finance), interviews/fleet_cfo.txt).")
    assert personas["technical_buyer"].to_learn[0].startswith(
        "Interview 2-3 people with the title IT Manager")
    markdown = render_personas(result.personas)
    assert markdown.count("### Interviews still to run") == len(result.personas)
    assert "**Draft persona**" in markdown
    assert "with a source: Goals " in markdown
    text = personas_to_yaml(result.personas)
    assert "# CFO (economic_buyer): draft" in text and "# interviews still to run:" in text
    assert parse_personas(text) == result.personas  # the comments do not change what is read back


def test_chinese_markdown_states_the_level_and_the_interviews(app) -> None:  # type: ignore[no-untyped-def]
    result = draft(app, clinic_icp(), clinic_call())
    markdown = render_personas(result.personas, "zh")
    assert "### 还需要做的访谈" in markdown and "**草稿**" in markdown
    assert "已访谈的该角色人员" in markdown
    assert "还需要做的访谈" in personas_to_yaml(result.personas, "zh")


def test_cli_maps_transcript_speakers_and_reports_them_in_json(tmp_path: Path) -> None:
    import subprocess
    import sys

    icp_file = tmp_path / "icp.json"
    icp_file.write_text(fleet_icp().model_dump_json(), encoding="utf-8")
    call = tmp_path / "call.txt"
    call.write_text(FLEET_CALL, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "icp_coach.cli.main", "personas", str(icp_file),
                           "--transcript", str(call), "--engine", "offline", "--json"],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {(s["speaker"], s["role"]) for s in data["speakers"]} == {
        ("Ruth Amadi", "economic_buyer"), ("Ken Ito", "champion")}
    for persona in data["personas"]:
        assert persona["evidence_level"] in ("draft", "hypothesis") and persona["to_learn"]
    missing = subprocess.run([sys.executable, "-m", "icp_coach.cli.main", "personas", str(icp_file),
                              "--transcript", str(tmp_path / "nope.txt"), "--engine", "offline"],
                             capture_output=True, text=True, timeout=180)
    assert missing.returncode == 1 and "nope.txt" in missing.stderr


def test_the_tui_editor_heads_each_persona_with_its_level_and_next_interview(app) -> None:  # type: ignore[no-untyped-def]
    from icp_coach.tui.screens.personas import PersonasScreen

    personas = draft(app, fleet_icp(), fleet_call()).personas
    status = PersonasScreen(personas, "Roadwise", "en").status_text(personas).splitlines()
    assert len(status) == len(personas)
    assert status[1].startswith("CFO (economic_buyer): draft,")
    assert status[1].endswith("→ Interview 1-2 more CFOs (so far: Ruth Amadi (Head of finance), "
                              "interviews/fleet_cfo.txt).")


def test_with_two_pains_in_the_icp_the_workaround_is_a_third(app) -> None:  # type: ignore[no-untyped-def]
    icp = fleet_icp()
    icp = icp.model_copy(update={"pain_points": icp.pain_points[:2]})
    personas = {p.role: p for p in draft(app, icp, roles=ALL_ROLES).personas}
    for role in ("champion", "economic_buyer", "user", "technical_buyer"):
        sources = [e.source for item in personas[role].evidenced_items("pains") for e in item.evidence]
        assert len(personas[role].evidenced_items("pains")) == 3, role
        assert "icp:pain_points[0].current_solution" in sources, role
