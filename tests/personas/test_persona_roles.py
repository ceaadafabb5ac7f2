"""Who plays which buying role: titles by family, interviewees by what they say about themselves."""

from __future__ import annotations

import pytest

from icp_coach.domain.persona_roles import map_speakers, role_for_title, titles_in_text
from icp_coach.transcripts.loader import parse_transcript
from tests.personas.committee_fixtures import clinic_call, fleet_call


@pytest.mark.parametrize(("title", "role"), [
    ("CFO", "economic_buyer"), ("VP of Finance", "economic_buyer"), ("Founder & CEO", "economic_buyer"),
    ("Chief Revenue Officer", "economic_buyer"), ("Head of Customer Success", "champion"),
    ("Director of Marketing Operations", "champion"), ("Sales Ops Manager", "champion"),
    ("CTO", "technical_buyer"), ("IT Director", "technical_buyer"), ("Data Engineer", "technical_buyer"),
    ("Procurement Manager", "blocker"), ("General Counsel", "blocker"), ("CISO", "blocker"),
    ("Billing Specialist", "user"), ("Support Agent", "user"),
    ("财务总监", "economic_buyer"), ("总经理", "economic_buyer"), ("首席财务官", "economic_buyer"),
    ("会员运营总监", "champion"), ("门店店长", "champion"), ("IT经理", "technical_buyer"),
    ("研发负责人", "technical_buyer"), ("采购经理", "blocker"), ("法务", "blocker"),
    ("客服专员", "user"), ("调度员", "user"),
])
def test_title_families_map_to_buying_roles_in_english_and_chinese(title: str, role: str) -> None:
    assert role_for_title(title) == role


def test_words_that_are_no_title_map_to_no_role() -> None:
    assert role_for_title("scared we'd lose a quarter") is None
    assert role_for_title("觉得") is None
    assert role_for_title("") is None


def test_a_self_introduction_gives_the_title_and_the_sentence_it_came_from() -> None:
    speakers = {s.speaker: s for s in map_speakers([fleet_call()])}
    ruth = speakers["Ruth Amadi"]
    assert (ruth.role, ruth.basis, ruth.line) == ("economic_buyer", "self_introduction", 2)
    assert ruth.quote.startswith("I run finance at a 400-truck carrier")
    assert speakers["Ken Ito"].role == "champion" and speakers["Ken Ito"].basis == "stated_title"
    assert "Interviewer" not in speakers


def test_chinese_stated_titles_and_self_introductions() -> None:
    speakers = {s.speaker: s for s in map_speakers([clinic_call()])}
    assert speakers["陈立"].title == "运营总监" and speakers["陈立"].role == "champion"
    assert speakers["王强"].role == "technical_buyer" and speakers["王强"].basis == "self_introduction"


def test_the_icp_title_settles_the_role_over_the_title_family() -> None:
    call = parse_transcript("Interviewer: What is your role?\n"
                            "Lee (Director of Finance Operations): I own the close.\n", "x.txt")
    assert map_speakers([call])[0].role == "economic_buyer"  # by the family: a finance director
    icp_says = [("champion", ["Director of Finance Operations"])]
    mapped = map_speakers([call], icp_says)[0]
    assert (mapped.role, mapped.basis) == ("champion", "icp_title")


def test_a_speaker_with_no_title_is_placed_by_what_they_care_about_only_when_it_is_clear() -> None:
    money = parse_transcript(
        "Interviewer: Tell me about it?\n"
        "Sam: The budget was the problem. Every tool is a cost, and the ROI has to show by Q3.\n"
        "Interviewer: Anything else?\n"
        "Sam: Pricing per seat made the spend unpredictable.\n", "money.txt")
    vague = parse_transcript("Interviewer: How was it?\nAlex: It was fine, we liked it.\n", "vague.txt")
    assert map_speakers([money])[0].role == "economic_buyer"
    assert map_speakers([money])[0].basis == "cares_about"
    assert map_speakers([vague])[0].role is None


def test_titles_named_in_free_text_are_found() -> None:
    assert titles_in_text("Deals over $20k need the CFO to sign off") == ["CFO"]
    assert "财务总监" in titles_in_text("超过五万的采购由财务总监审批")
