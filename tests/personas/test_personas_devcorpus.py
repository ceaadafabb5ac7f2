"""Personas from the dev corpus: the notes turned into ICPs and the transcripts into JTBD results,
all on the offline engine. Every section a persona fills cites an existing ICP field or a quote
that occurs verbatim in a customer's turn; the evidence level matches the count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from icp_coach.bootstrap import make_app
from icp_coach.domain.jtbd import JTBDResult
from icp_coach.domain.persona import DRAFT_THRESHOLD, SECTIONS
from icp_coach.domain.persona_checks import resolve_icp_path
from icp_coach.services.extract_notes import extract_notes
from icp_coach.services.jtbd import analyse_transcripts
from icp_coach.services.personas import draft_personas
from icp_coach.settings import Settings
from icp_coach.transcripts.loader import load_transcript

PAIRS = [("billing_icp_en.md", "crm_brightwell_en.txt"),
         ("factory_iot_icp_zh.md", "membership_hetian_zh.txt")]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def app():  # type: ignore[no-untyped-def]
    return make_app(Settings(engine="offline"))


@pytest.mark.parametrize(("notes", "transcript"), PAIRS)
def test_personas_from_dev_notes_and_interviews_devcorpus(app, dev_data: Path, notes: str,  # type: ignore[no-untyped-def]
                                                 transcript: str) -> None:
    notes_path = dev_data / "job2_icp_notes" / notes
    icp = extract_notes(notes_path.read_text(encoding="utf-8"), app.offline_extractor,
                        source=notes).document
    parsed = load_transcript(dev_data / "job1_jtbd" / transcript)
    report = analyse_transcripts([parsed], app.jtbd_extractor)
    results: list[JTBDResult] = list(report.interviews)
    customer_text = [squash(turn.text) for turn in parsed.customer_turns()]

    draft = draft_personas(icp, app.persona_writer, jtbd=results)
    assert {p.role for p in draft.personas} >= {"champion", "economic_buyer"}
    for persona in draft.personas:
        filled = [s for s in SECTIONS
                  if any(item.basis in ("observed", "icp") for item in getattr(persona, s))]
        assert filled, f"{persona.role} cites nothing"
        for section in filled:
            items = [i for i in getattr(persona, section) if i.basis in ("observed", "icp")]
            assert all(item.evidence for item in items), (persona.role, section)
            for item in items:
                for evidence in item.evidence:
                    if evidence.kind == "quote":
                        assert any(squash(evidence.quote) in turn for turn in customer_text), evidence.quote
                    elif evidence.kind == "icp_field":
                        assert resolve_icp_path(icp, evidence.source.removeprefix("icp:")) is not None
        count = len(persona.distinct_evidence())
        assert persona.evidence_count == count
        assert persona.evidence_level == ("draft" if count >= DRAFT_THRESHOLD else "hypothesis")
    champion = next(p for p in draft.personas if p.role == "champion")
    assert champion.evidence_level == "draft"
    assert any(e.kind == "quote" for item in champion.items() for e in item.evidence)
