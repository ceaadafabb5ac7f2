"""The segment a note defines is read in the note's own words when the gazetteer has no entry
for it; the trades of the segment's own customers and ruled-out or deferred segments are not
reported as industries. Sentences written for this file, in trades used nowhere else."""

from __future__ import annotations

import pytest

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extraction.segments import defined_segments, labelled_segments
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _firmographics(text: str, extractor: OfflineExtractor):
    return extract_notes(text, extractor).document


def _read(text: str) -> list[tuple[str, str | None]]:
    return [(s.words, s.canonical) for s in defined_segments(text)]


def test_an_unknown_trade_is_read_as_written_without_its_qualifiers() -> None:
    assert _read("We sell to independent harpsichord restorers with 2 to 10 staff in Ohio.") \
        == [("harpsichord restorers", None)]
    assert _read("我们主要做中小型风筝作坊的客户，员工10到50人") == [("风筝作坊", None)]
    assert _read("目标客户是连锁旗袍定制店，门店5到30家") == [("旗袍定制店", None)]


def test_a_list_of_trades_is_split_into_items_but_a_known_name_stays_whole() -> None:
    assert _read("Our ICP: regional stilt walkers and fire jugglers, 10-50 staff.") \
        == [("stilt walkers", None), ("fire jugglers", None)]
    assert _read("we sell into food and beverage manufacturers, usually 200+ people") \
        == [("", "food and beverage")]
    assert _read("We mostly sell to fintech, healthcare, and insurance companies in the US") \
        == [("", "fintech"), ("", "healthcare"), ("", "insurance")]


def test_a_known_head_gives_the_entry_and_a_known_modifier_gives_nothing() -> None:
    # "interpreting agencies" is a translation service, and its modifier keeps the note's whole
    # phrase (the entry alone names the wider trade); "piano" names no trade of its own.
    assert _read("Target: sign language interpreting agencies in Canada") \
        == [("sign language interpreting agencies", "translation services")]
    assert _read("我们主要做中小型印刷包装厂的客户") == [("印刷包装厂", "packaging")]
    assert _read("我们的客户是做月饼代工的食品厂，华东为主") == [("", "food manufacturing")]
    assert _read("嗯我们的客户就是城里做搬运钢琴的公司，那种") == [("搬运钢琴", None)]


def test_a_sentence_that_rules_out_defines_no_segment() -> None:
    assert _read("We don't sell to harpsichord restorers.") == []
    assert _read("我们不做风筝作坊的客户") == []


def test_a_segment_label_lists_its_trades() -> None:
    assert [(s.words, s.canonical) for s in labelled_segments("Stilt walkers; fire jugglers")] \
        == [("Stilt walkers", None), ("fire jugglers", None)]
    assert [(s.words, s.canonical) for s in labelled_segments("旗袍定制店以外的绣花作坊都可以")] \
        == [("绣花作坊", None)]


def test_the_note_reports_the_defined_trade_not_its_customers(extractor: OfflineExtractor) -> None:
    document = _firmographics(
        "Our ICP: regional stilt walker troupes, 10-50 staff. They work for theme parks and "
        "wedding venues.\nCanada is a maybe for next year.", extractor)
    assert document.firmographics.industries == ["stilt walker troupes"]
    assert "Canada" not in document.firmographics.regions
    # a place deferred is a later market, not a line not to cross
    assert not any("Canada" in flag.description for flag in document.red_flags)


def test_a_chinese_note_reports_its_trade_and_leaves_its_customers_out(
        extractor: OfflineExtractor) -> None:
    document = _firmographics("目标客户是连锁旗袍定制店，门店5到30家，主要在杭州。给婚纱摄影做配套的不算。",
                              extractor)
    assert document.firmographics.industries == ["旗袍定制店"]
    assert document.firmographics.regions == ["杭州"]
    assert any("婚纱摄影" in flag.description for flag in document.red_flags)


def test_a_singular_trade_name_is_found(extractor: OfflineExtractor) -> None:
    document = _firmographics("Who: any independent tyre dealer in Ohio with a yard.", extractor)
    assert document.firmographics.industries == ["tire shops"]


def test_a_deferred_row_of_a_table_is_a_red_flag_not_a_region(extractor: OfflineExtractor) -> None:
    document = _firmographics("| Segment | Stilt walker troupes |\n| Region | Oregon |\n"
                              "| Not now | California |\n", extractor)
    assert document.firmographics.regions == ["Oregon"]
    assert [flag.description for flag in document.red_flags] == ["California"]


def test_a_list_under_a_negated_verb_is_ruled_out_as_a_whole(extractor: OfflineExtractor) -> None:
    document = _firmographics("We sell to chimney sweeps in Maine. We do not go after roofers, "
                              "gutter cleaners, or marinas.", extractor)
    assert document.firmographics.industries == ["chimney sweeps"]
    flags = " ".join(flag.description for flag in document.red_flags)
    assert "marinas" in flags


def test_an_aside_that_rules_out_ends_before_the_next_item(extractor: OfflineExtractor) -> None:
    document = _firmographics("We sell to dental labs, not hospital labs, and orthodontic "
                              "practices.", extractor)
    assert "orthodontics" in document.firmographics.industries
    assert [flag.description for flag in document.red_flags] == ["not hospital labs"]


def test_whom_the_segment_delivers_to_is_not_the_segment(extractor: OfflineExtractor) -> None:
    document = _firmographics("- 目标：区域婚车租赁公司，给酒店和婚庆公司配送车辆的那种\n- 区域：江苏\n", extractor)
    industries = document.firmographics.industries
    assert "婚车租赁" in industries
    assert not {"酒店", "婚庆"} & set(industries)


def test_a_dash_before_icp_draft_makes_a_title_not_a_segment(extractor: OfflineExtractor) -> None:
    document = _firmographics("Route-planning SaaS — ICP draft\n\n- Who: chimney sweeps\n"
                              "- Where: Maine\n", extractor)
    assert document.firmographics.industries == ["chimney sweeps"]


def test_spoken_and_labelled_definitions() -> None:
    assert _read("so the folks we sell to, they're mostly, um, independent harpsichord "
                 "restorers and technicians, like one-person shops") == [("harpsichord restorers", None)]
    assert _read("Best fit: artisan cheese makers with 10-80 staff") == [("artisan cheese makers", None)]
    assert _read("We help independent taxidermists run their studios.") == [("taxidermists", None)]


def test_a_line_that_defines_the_segment_is_a_profile_line(extractor: OfflineExtractor) -> None:
    # "waste of time" rules the second clause out; it is no pain that makes the line a pain.
    document = _firmographics("Our sweet spot is family-owned tile installers in Arizona; anyone "
                              "doing new-build tract homes is a waste of time.", extractor)
    assert document.firmographics.industries == ["tile installers"]
    assert document.firmographics.regions == ["Arizona"]


def test_x_besides_y_keeps_y_only(extractor: OfflineExtractor) -> None:
    document = _firmographics("客户类型：殡葬服务以外的陵园管理公司\n区域：安徽\n", extractor)
    assert document.firmographics.industries == ["陵园管理"]


def test_logos_competitors_and_signatures_name_no_segment(extractor: OfflineExtractor) -> None:
    notes = ("We sell to independent tile installers in Arizona.\n\n"
             "Reference customers: Desert Tile Co (a hotel renovation specialist).\n"
             "Competitors we lose to: Ekos (brewery software).\n\n"
             "Cheers,\nKim Lee | Head of Sales | GroutWorks, software for the construction trades\n")
    assert _firmographics(notes, extractor).firmographics.industries == ["tile installers"]
    zh = ("我们的客户是做门窗安装的工作室，主要在佛山。\n标杆客户：某酒店集团的供应商、某地产公司的合作方。\n"
          "——\n王磊 | 销售总监 | 某某科技（专注建筑行业SaaS）\n")
    assert _firmographics(zh, extractor).firmographics.industries == ["门窗安装"]


def test_the_answer_to_a_segment_question_names_the_segment(extractor: OfflineExtractor) -> None:
    one_line = "Q: What type of business do you sell to? A: Independent harpsichord restorers\n"
    assert _firmographics(one_line, extractor).firmographics.industries == ["harpsichord restorers"]
    two_lines = "问：你们的目标客户是什么样的客户？\n答：县城里的旗袍定制店\n"
    assert _firmographics(two_lines, extractor).firmographics.industries == ["旗袍定制店"]


def test_the_people_we_sell_to_work_in_the_trade() -> None:
    assert _read("We sell to finance teams at independent harpsichord workshops.") \
        == [("harpsichord workshops", None)]
    assert _read("We sell to CFOs at mid-sized SaaS companies in Germany.") == [("", "saas")]
    assert _read("我们卖给连锁旗袍定制店的财务总监。") == [("旗袍定制店", None)]


def test_a_tools_sweet_spot_is_no_segment(extractor: OfflineExtractor) -> None:
    notes = ("Who: chimney sweeps in Maine\n"
             "Tech: multi-cloud is the sweet spot - AWS plus Azure, Okta for identity\n")
    assert _firmographics(notes, extractor).firmographics.industries == ["chimney sweeps"]


def test_only_doing_one_trade_defines_it(extractor: OfflineExtractor) -> None:
    document = _firmographics("硬性条件：\n- 只做浙江、江苏的旗袍定制店，别的省不考虑\n", extractor)
    assert document.firmographics.industries == ["旗袍定制店"]
    assert document.firmographics.regions == ["浙江", "江苏"]


def test_a_business_named_by_what_it_makes_is_that_trade() -> None:
    # "做X的厂": X is the trade; not our own business, one served, or one the clause rules out.
    assert _read("主要是做羽毛球拍的厂，50到300人") == [("羽毛球拍", None)]
    assert _read("我们是做软件的公司") == []
    assert _read("给做羽毛球拍的厂供货") == []
    assert _read("做竹筷的作坊也问过，不做") == []


def test_a_singular_noun_ending_in_s_before_an_ing_noun_is_not_cut_there() -> None:
    # "canvas", "glass": not plurals, so "awning" / "blowing" does not end the phrase there
    assert _read("We sell to canvas awning makers with 5 to 40 staff.") == [("canvas awning makers", None)]
    assert _read("We sell to glass blowing studios in Ohio.") == [("glass blowing studios", None)]
    # a plural business noun followed by a participle still ends the phrase
    assert _read("We sell to repair shops servicing forklifts in Ohio.") == [("repair shops", None)]
