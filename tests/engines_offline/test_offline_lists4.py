"""Industries and red flags of whole notes as a reader takes them: a trade named by what its
people run or do ("开X的老板", "people who run X", "it is the shops that ..."), look-alikes set
aside, red flags in many wordings ("we lose when", "劝退", "踩过的坑"), and what is merely put off
(a place or segment deferred) or asked is no red flag. Trades here are used nowhere else; the
scored cases live in notes_lists4/ (see its README)."""

from __future__ import annotations

import pytest
from benchmark_scripts import load_benchmark

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

BENCH = load_benchmark("eval_extract.py", "eval_extract")


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _read(extractor: OfflineExtractor, text: str) -> dict:
    document = extract_notes(text, extractor, source="note.md").document.model_dump(mode="json")
    return BENCH.predicted_fields(document)


def _flags_naming(fields: dict, word: str) -> list[str]:
    return [flag for flag in fields["red_flags"] if word.lower() in flag.lower()]


def test_a_chinese_trade_named_by_who_runs_it(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "小周：我们到底卖给谁？\n"
        "老板：我们的客户就是开螺蛳粉店的老板，店里有堂食也有外卖。\n"
        "老板：规模一般3到20个员工。\n"
        "老板：区域先做广西。\n"))
    assert fields["industries"] == ["螺蛳粉店"]


def test_a_trade_named_by_what_they_do_after_a_cue(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, "## 目标客户\n- 主攻做手工皂的，尤其是带体验课的门店。\n- 员工2到15人。\n")
    assert fields["industries"] == ["手工皂"]


def test_a_business_named_by_its_work_without_a_cue(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "We finally know our buyer. It is the shops that rebuild and tune accordions: the small "
        "firms who visit folk clubs and music schools, strip the reeds and wax them back in. "
        "Most have 2 to 12 people.\n"))
    assert fields["industries"] == ["shops that rebuild and tune accordions"]


def test_people_who_run_a_business_name_the_business(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, "Who we sell to: people who run ice cream parlours, 3-25 staff, in Ireland.\n")
    assert [value.lower() for value in fields["industries"]] == ["ice cream parlours"]


def test_an_aside_in_brackets_lists_no_trades(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "Company type: commercial snail farms (heated tunnels; garden, Burgundy, giant African)\n"
        "Headcount: 5-40\n"))
    assert len(fields["industries"]) == 1 and "snail" in fields["industries"][0].lower()


def test_a_business_before_a_colon_is_the_flag_not_a_speaker(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "# 台球俱乐部客户画像\n\n## 目标客户\n- 做台球俱乐部的，员工5到30人。\n\n"
        "## 踩过的坑（一律不做）\n- 台球厅：看着像，但是以散客计时为主，需求完全不同。\n"
        "- 球杆批发商：是我们客户的上游，不是客户。\n"))
    assert _flags_naming(fields, "台球厅")
    assert _flags_naming(fields, "球杆批发商")


@pytest.mark.parametrize("line", [
    "We lose when the studio already has a booking tool they like.",
    "Hard pass on municipal tenders.",
    "劝退：只想要免费版的。",
    "踩过的坑：给集团总部做定制，最后没付款。",
    "国企一律不做。",
])
def test_red_flags_in_many_wordings(extractor: OfflineExtractor, line: str) -> None:
    fields = _read(extractor, f"Target: independent yoga studios, 2-15 staff.\n{line}\n")
    assert fields["red_flags"], line
    assert len(fields["industries"]) == 1  # the studios, whatever the note's language


def test_what_is_put_off_is_no_red_flag(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "Target: independent yoga studios, 2-15 staff.\n"
        "Regions: Oregon and Idaho. Montana is paused until Q3, not a no.\n"
        "Hot-yoga franchise groups are parked for now.\n\n"
        "Red flags\n- studios with fewer than 40 members\n"))
    assert _flags_naming(fields, "fewer than 40")
    assert not _flags_naming(fields, "Montana")
    assert not _flags_naming(fields, "franchise")


def test_a_segment_put_off_under_a_red_flags_heading_stays_a_flag(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "Target: independent yoga studios, 2-15 staff.\n\n"
        "Red flags\n- studios with fewer than 40 members\n- Nevada is on hold until 2028.\n"
        "- hot-yoga franchise groups: not this year\n"))
    assert _flags_naming(fields, "franchise")
    assert not _flags_naming(fields, "Nevada")  # a place put off is a later market, never a flag


def test_a_question_and_a_reason_are_no_flags_of_their_own(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "【群聊】\n小林：新同事问目标客户是谁，您再说一下？\n周总：我们的客户就是开螺蛳粉店的老板。\n"
        "小林：米粉厂要不要跟？\n周总：不跟。米粉厂跟螺蛳粉店看着像，其实是两门生意。\n\n"
        "Where we walk away\n- Walk away if the shop only does delivery; there is no dining room to plan.\n"))
    assert not [flag for flag in fields["red_flags"] if "要不要" in flag]
    assert _flags_naming(fields, "米粉厂")
    assert not [flag for flag in fields["red_flags"] if flag.lower().startswith("there is")]
    assert fields["industries"] == ["螺蛳粉店"]


def test_a_chinese_numbered_heading_over_a_digit_list_heads_it(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "目标客户：开糖画铺的老板，员工2到8人。\n\n"
        "二、常见痛点\n1. 糖稀用量全靠估\n2. 节假日排班乱\n\n"
        "三、劝退条件（踩过的坑）\n1. 只在庙会摆摊的个体户\n2. 景区统一招商的摊位，采购走招标\n"))
    assert _flags_naming(fields, "庙会")
    assert _flags_naming(fields, "招标")
    assert not _flags_naming(fields, "糖稀")

