"""How the target trades are chosen from what the reading found, and which clauses name trades
in other roles. Sentences written for this file."""

from __future__ import annotations

import pytest

from icp_coach.engines.offline.extraction.compound_trades import trade_keys
from icp_coach.engines.offline.extraction.gazetteer import industries
from icp_coach.engines.offline.extraction.industry_choice import FoundTrade, choose_trades
from icp_coach.engines.offline.extraction.title_trade import trade_in_title
from icp_coach.engines.offline.extraction.trade_roles import names_other_role


def test_a_sector_on_one_line_is_said_better_by_a_finer_trade_on_another() -> None:
    found = [FoundTrade("manufacturing", 0, False), FoundTrade("manufacturing", 2, False),
             FoundTrade("bakeries", 3, False)]
    assert choose_trades(found, industries(), "en") == ["bakeries"]


def test_two_trades_listed_on_one_line_are_two_targets() -> None:
    found = [FoundTrade("fintech", 0, True), FoundTrade("insurance", 0, True)]
    assert choose_trades(found, industries(), "en") == ["fintech", "insurance"]


def test_without_a_stated_target_a_trade_named_once_further_down_is_a_mention() -> None:
    found = [FoundTrade("pest control", 1, False), FoundTrade("pest control", 4, False),
             FoundTrade("landscaping", 9, False)]
    assert choose_trades(found, industries(), "en") == ["pest control"]


def test_a_trade_said_again_more_precisely_and_debris_are_dropped() -> None:
    found = [FoundTrade("wholesale", 0, True), FoundTrade("乐器批发商", 0, True),
             FoundTrade("thirty to eighty", 1, True)]
    assert choose_trades(found, industries(), "zh") == ["乐器批发商"]


@pytest.mark.parametrize("clause", [
    "hotels are their customers, not ours",
    "seed merchants are their suppliers",
    "they get hired by law firms",
    "garden centres look similar",
    "florists are a different thing",
    "门窗厂是他们的下游",
    "健身房看起来像",
    "物业公司不是我们的客户",
])
def test_clauses_that_give_trades_another_role(clause: str) -> None:
    assert names_other_role(clause)


@pytest.mark.parametrize("clause", ["we sell to hotels", "目标客户是连锁健身房", "ski schools, 5-40 staff"])
def test_clauses_that_name_the_target(clause: str) -> None:
    assert not names_other_role(clause)


@pytest.mark.parametrize(("clause", "expected"), [
    ("we work with wedding photographers", ["wedding photographers"]),
    ("independent breweries", ["breweries"]),
    ("the so-called family entertainment centers", ["family entertainment centers"]),
    ("城里的电竞馆", ["电竞馆"]),
    ("食品厂", ["food manufacturing"]),
])
def test_the_note_s_words_when_they_name_a_finer_business(clause: str, expected: list[str]) -> None:
    assert trade_keys(clause, industries()) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Objective: win the independent bike shop", [("bike shops", None)]),
    ("# 会议纪要：琴行客户画像", [("琴行", None)]),
    ("Targeting the family winery", [("family wineries", "wineries")]),
    ("Notes from the founder call, Tuesday.", []),
    ("【群聊记录】", []),
])
def test_a_title_names_the_segment_in_its_words(title: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(s.words, s.canonical) for s in trade_in_title(title)] == expected


def test_without_a_stated_target_the_first_line_s_own_words_outrank_entries_beside_it() -> None:
    # "hull cleaning divers, hired by marinas": the note's own phrase is what the line is about.
    found = [FoundTrade("hull cleaning divers", 0, False), FoundTrade("marinas", 0, False)]
    assert choose_trades(found, industries(), "en") == ["hull cleaning divers"]


@pytest.mark.parametrize("clause", ["we sell them a scheduling add-on", "the GM is not the buyer"])
def test_clauses_about_us_or_people_give_no_trade_a_role(clause: str) -> None:
    assert not names_other_role(clause)
