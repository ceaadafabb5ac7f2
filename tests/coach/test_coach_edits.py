"""Answers read as edits, and the exact /set and /remove commands, with the fake extractor."""

from __future__ import annotations

import pytest
from coach_fakes import collect

from icp_coach.domain.events import CoachError, ICPUpdated, ReplyDone
from icp_coach.services.coach_edits import read_edit, split_values


def reply(events) -> str:
    return [e.text for e in events if isinstance(e, ReplyDone)][-1]


@pytest.mark.parametrize("text, removed", [
    ("Remove 'global'.", ["global"]),
    ("Please drop fintech from the list", ["fintech"]),
    ("Not SaaS but logistics.", ["SaaS"]),
    ("Change fintech to insurance", ["fintech"]),
    ("去掉电商。", ["电商"]),
    ("把华东改成华南", ["华东"]),
    ("不是零售，而是批发", ["零售"]),
])
def test_edit_cues_name_what_goes_in_both_languages(text, removed):
    assert read_edit(text).removals == removed


def test_corrections_without_a_removal_still_restate():
    assert read_edit("Actually, they are 200-1,000 people.").correction
    assert read_edit("其实是 300 到 800 人").correction
    assert not read_edit("They use Stripe.").is_edit


@pytest.mark.asyncio
async def test_an_answer_edit_removes_the_value_says_so_and_undo_takes_it_back(make_coach):
    coach = make_coach()
    coach.state.step = 1
    await collect(coach.handle("Fintech and Logistics, 50-500 employees"))
    events = await collect(coach.handle("Remove fintech."))
    assert coach.draft.firmographics.industries == ["Logistics"]
    text = reply(events)
    assert "removed “Fintech” from industries" in text and "/undo" in text
    await collect(coach.handle("/undo"))
    assert coach.draft.firmographics.industries == ["Fintech", "Logistics"]


@pytest.mark.asyncio
async def test_actually_restates_a_range_even_after_the_step_moved_on(make_coach):
    coach = make_coach()
    coach.state.step = 1
    await collect(coach.handle("Fintech, 50-500 employees"))
    coach.state.step = 3  # answers there are red flags, but a correction changes what it names
    events = await collect(coach.handle("Actually our best ones are 200-1,000 employees"))
    employees = coach.draft.firmographics.employees
    assert (employees.min, employees.max) == (200, 1000)
    assert any(isinstance(e, ICPUpdated) and "firmographics.employees" in e.changed_paths for e in events)


@pytest.mark.asyncio
async def test_set_and_remove_edit_one_field_exactly_and_rebuild_the_rules(make_coach):
    coach = make_coach()
    coach.state.step = 1
    await collect(coach.handle("Fintech and Logistics, 50-500 employees"))
    await collect(coach.handle("/step 4"))  # derives filters from the profile
    await collect(coach.handle("/set employees 200-1,000"))
    await collect(coach.handle("/set regions North America, Western Europe"))
    await collect(coach.handle("/remove industries Fintech"))
    doc = coach.draft
    assert (doc.firmographics.employees.min, doc.firmographics.employees.max) == (200, 1000)
    assert doc.firmographics.regions == ["North America", "Western Europe"]
    rules = {f.field: f.value for f in doc.filters}
    assert rules["employees"] == [200, 1000] and rules["industry"] == ["Logistics"]
    assert rules["region"] == ["North America", "Western Europe"]
    assert "200-1,000" in doc.summary
    assert not [f for f in coach.findings() if f.code.startswith("filter_contradicts")]


@pytest.mark.asyncio
async def test_a_rule_the_user_wrote_is_kept_and_flagged_when_the_profile_moves(make_coach):
    from icp_coach.domain.criteria import Filter

    coach = make_coach()
    coach.state.step = 1
    await collect(coach.handle("Fintech, 50-500 employees"))
    coach.state.draft = coach.draft.model_copy(update={"filters": [
        Filter(field="employees", op="between", value=[10, 60])]})
    await collect(coach.handle("/set employees 200-1000"))
    assert coach.draft.filters[0].value == [10, 60]  # the user's own rule stays
    assert "filter_contradicts_firmographics" in {f.code for f in coach.findings()}


@pytest.mark.asyncio
async def test_bad_exact_edits_say_what_to_type(make_coach):
    coach = make_coach()
    events = await collect(coach.handle("/set colour blue"))
    assert isinstance(events[-1], CoachError) and "/set FIELD VALUE" in events[-1].what_to_do
    events = await collect(coach.handle("/set employees lots"))
    assert isinstance(events[-1], CoachError) and "200-1000" in events[-1].message
    events = await collect(coach.handle("/remove regions Mars"))
    assert "nothing was removed" in reply(events)


def test_values_split_into_clean_items():
    assert split_values("North America, Western Europe and the UK") == [
        "North America", "Western Europe", "UK"]
    assert split_values("华东、华南和华北") == ["华东", "华南", "华北"]


@pytest.mark.asyncio
async def test_undo_says_what_goes_away_and_shows_a_range_low_to_high(make_coach):
    coach = make_coach()
    coach.state.step = 1
    await collect(coach.handle("Fintech and Logistics, 50-500 employees"))
    text = reply(await collect(coach.handle("/undo")))
    assert "industries: - Fintech, Logistics" in text
    assert "employees: - 50, 500" in text
    assert "+ " not in text
