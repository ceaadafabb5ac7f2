"""The events carry what the ICP panel shows, so a UI renders from them without asking the coach."""

from __future__ import annotations

import pytest
from coach_fakes import collect

from icp_coach.domain.events import ICPUpdated, ReplyDone, StepChanged
from icp_coach.domain.process import is_step_done, step_gaps
from icp_coach.domain.validation import completeness, validate_icp

pytestmark = pytest.mark.asyncio


async def test_an_answer_s_events_carry_the_draft_its_findings_completeness_and_step_state(make_coach):
    coach = make_coach()
    await collect(coach.start())
    coach.state.step = 1
    events = await collect(coach.handle("We sell to all industries, 10 to 10000 employees"))
    updated = next(e for e in events if isinstance(e, ICPUpdated))
    view = updated.view
    assert view is not None and view.document is updated.document
    assert [f.code for f in view.findings] == [f.code for f in validate_icp(view.document, "en")]
    assert "employees_too_wide" in {f.code for f in view.findings}
    assert view.completeness == completeness(view.document)
    assert [g.key for g in view.gaps] == [g.key for g in step_gaps(1, view.document)]
    assert view.step == 1 and view.step_title == "Analyse your best customers"
    done = events[-1]
    assert isinstance(done, ReplyDone) and done.view is not None
    assert done.view.document == coach.draft and done.view.step == coach.step


async def test_a_step_change_carries_the_new_step_and_which_steps_are_done(make_coach):
    coach = make_coach()
    await collect(coach.start())
    events = await collect(coach.handle(
        "About 40% of new customers came through referrals; referrers give us an NPS of 9."))
    events += await collect(coach.handle("yes"))
    moved = [e for e in events if isinstance(e, StepChanged)]
    assert moved and moved[-1].view is not None
    view = moved[-1].view
    assert view.step == moved[-1].step == coach.step == 1
    assert 0 in view.done_steps and 1 not in view.done_steps
    assert view.done_steps == [n for n in range(6) if is_step_done(n, view.document)]


async def test_the_same_draft_is_validated_once_however_often_its_findings_are_read(make_coach):
    coach = make_coach()
    coach.state.step = 1
    await collect(coach.handle("We sell to all industries, 10 to 10000 employees"))
    first = coach.findings()
    assert coach.findings() is first  # no second validation of an unchanged draft
    await collect(coach.handle("Fintech and Logistics"))
    assert coach.findings() is not first  # a change is validated again
