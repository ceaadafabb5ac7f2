"""Personas and knowledge set by the UI on the coach: stored in the ICP, committed, undoable."""

from __future__ import annotations

import json

import pytest
from coach_fakes import TinyKnowledge, collect

from icp_coach.domain.events import ICPUpdated, ReplyDone
from icp_coach.domain.evidence import Evidence
from icp_coach.domain.persona import Persona, PersonaItem
from icp_coach.services.export import render_markdown

pytestmark = pytest.mark.asyncio


def champion(name: str = "Billing manager Bea") -> Persona:
    item = PersonaItem(text="Close the month without spreadsheets", basis="icp",
                       evidence=[Evidence(kind="icp_field", source="pain_points[0]",
                                          quote="month-end billing takes a week")])
    # claims to be a draft with 9 items: the coach recounts from the evidence itself
    return Persona(role="champion", name=name, title="Billing manager", goals=[item],
                   pains=[item], evidence_level="draft", evidence_count=9)


async def test_personas_are_stored_in_the_draft_committed_and_exported(make_coach, store):
    coach = make_coach()
    await collect(coach.start())
    event = coach.set_personas([champion()])
    assert isinstance(event, ICPUpdated) and event.changed_paths == ["personas"]
    assert [p.name for p in coach.draft.personas] == ["Billing manager Bea"]
    stored = coach.draft.personas[0]
    assert (stored.evidence_level, stored.evidence_count) == ("hypothesis", 1)
    # committed: a fresh load of the session (after a crash) has them, with a new ICP version
    assert store.load_state(coach.session_id).draft.personas == coach.draft.personas
    assert store.versions(coach.session_id)[-1].reason == "personas"
    # and the exports carry them
    assert "Billing manager Bea" in render_markdown(coach.draft, "en")
    exported = json.loads(coach.export_text("json"))
    assert exported["personas"][0]["name"] == "Billing manager Bea"
    assert "Billing manager Bea" in coach.export_text("md")


async def test_undo_brings_back_the_personas_before_the_edit(make_coach, store):
    coach = make_coach()
    await collect(coach.start())
    coach.set_personas([champion("First")])
    coach.set_personas([champion("Second")])
    events = await collect(coach.handle("/undo"))
    assert any(isinstance(e, ICPUpdated) and "personas" in e.changed_paths for e in events)
    assert [p.name for p in coach.draft.personas] == ["First"]
    assert [p.name for p in store.load_state(coach.session_id).draft.personas] == ["First"]
    await collect(coach.handle("/undo"))
    assert coach.draft.personas == []


async def test_saving_the_same_personas_again_changes_nothing(make_coach, store):
    coach = make_coach()
    coach.set_personas([champion()])
    versions = len(store.versions(coach.session_id))
    event = coach.set_personas([champion()])
    assert event.changed_paths == []
    assert len(store.versions(coach.session_id)) == versions
    assert len(coach.state.undo_stack) == 1


async def test_knowledge_attached_later_is_cited_from_the_next_reply(make_coach):
    coach = make_coach()
    coach.attach_knowledge(None)  # the index is not ready yet
    before = await collect(coach.start())
    assert all(not e.citations for e in before if isinstance(e, ReplyDone))
    coach.attach_knowledge(TinyKnowledge())
    after = await collect(coach.handle("/step 1"))
    assert any(e.citations for e in after if isinstance(e, ReplyDone))


async def test_renaming_the_open_session_sticks_after_the_next_turn(make_coach, store):
    coach = make_coach()
    await collect(coach.start())
    coach.rename("Tally Billing Ltd")
    await collect(coach.handle("/show"))
    saved = store.load_state(coach.session_id)
    assert (saved.company, saved.draft.name) == ("Tally Billing Ltd", "Tally Billing Ltd")
    assert store.summary(coach.session_id).company == "Tally Billing Ltd"
