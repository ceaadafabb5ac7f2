"""Once a note defines its segment, trades named in other roles (the segment's customers,
suppliers, markets compared, our other product) are not industries; places named as a
condition, a venue or a turned-down lead are not regions; a must-have is never a red flag.
Sentences written for this file, in trades used nowhere else."""

from __future__ import annotations

import pytest

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extraction.segments import defined_segments
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _document(extractor: OfflineExtractor, text: str):
    return extract_notes(text, extractor).document


def test_trades_in_other_roles_are_not_the_segment_en(extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "Our ICP is taxidermy studios with 2 to 12 staff.\n\n"
        "Their work comes from hunting outfitters and natural history museums.\n\n"
        "Unlike furniture retail, every piece is a custom quote.\n\n"
        "Tanneries supply the hides.\n"))
    industries = [i.lower() for i in document.firmographics.industries]
    assert any("taxiderm" in i for i in industries), industries
    assert not any("museum" in i or "retail" in i or "tanner" in i for i in industries), industries


def test_trades_in_other_roles_are_not_the_segment_zh(extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "我们的目标客户是手工豆腐作坊，员工5到30人。\n\n"
        "他们的货主要卖给火锅店和社区超市。\n\n"
        "大豆是从粮油批发商那里进的。\n\n"
        "奶茶店是我们另一条产品线在做。\n"))
    industries = document.firmographics.industries
    assert any("豆腐" in i for i in industries), industries
    assert not any(w in i for i in industries for w in ("火锅", "超市", "批发", "奶茶", "餐饮", "零售")), industries


def test_without_a_defined_segment_mentions_still_count(extractor: OfflineExtractor) -> None:
    document = _document(extractor, "Industries we see: hotels, hospitals\n\n50-500 staff\n")
    industries = [i.lower() for i in document.firmographics.industries]
    assert "hotels" in industries, industries


def test_a_must_have_naming_a_trade_targets_it(extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "We sell to costume rental shops in Ohio.\n\n"
        "Requirements: they must also be a dry cleaner.\n\n"
        "They must take payments online, otherwise the module is useless.\n\n"
        "The shop has to send invoices to theaters, which is slow.\n"))
    industries = [i.lower() for i in document.firmographics.industries]
    assert any("dry clean" in i or "laundr" in i for i in industries), industries
    assert not any("theat" in i or "payment" in i for i in industries), industries


def test_the_first_trade_under_a_segment_heading_defines_it(extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "一、我们要找的客户\n- 皮具护理店，门店3到20家。\n"
        "- 商场和干洗店经常给他们介绍客人。\n\n二、区域\n- 杭州\n"))
    industries = document.firmographics.industries
    assert any("皮具" in i or "修鞋" in i for i in industries), industries
    assert not any("干洗" in i or "商场" in i or "零售" in i for i in industries), industries


def test_a_trade_said_to_fit_too_is_kept(extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "Who\n- taxidermy studios, 2-12 staff\n- hunting lodges and hotels also fit\n"))
    industries = [i.lower() for i in document.firmographics.industries]
    assert "taxidermy studios" in industries and "hotels" in industries, industries


def test_places_in_conditions_venues_and_turned_down_leads_are_not_regions(
        extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "We sell to taxidermy studios in Montana and Wyoming.\n\n"
        "Idaho later, once we hire a rep in Boise.\n\n"
        "We met most of them at the trade show in Denver.\n\n"
        "The two Alberta leads were great but we can't support them.\n"))
    regions = [r.lower() for r in document.firmographics.regions]
    assert "montana" in regions and "wyoming" in regions, regions
    assert not any(r in regions for r in ("idaho", "boise", "denver", "colorado", "alberta")), regions


def test_a_deferred_city_in_a_reason_is_not_a_region_zh(extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "目标客户是手工豆腐作坊。\n\n区域：先做成都、绵阳。\n\n"
        "重庆明年再说，等我们在万州有了合作伙伴。\n\n下个月在西安的博览会上有展位。\n"))
    regions = document.firmographics.regions
    assert "成都" in regions, regions
    assert not any(r in regions for r in ("万州", "西安", "重庆")), regions


def test_a_must_have_under_a_mixed_heading_is_not_a_red_flag(extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "Taxidermy studios ICP\n\n## Must-haves and deal breakers\n"
        "- Must print tags offline and sync later. Must-have.\n"
        "- A hide inventory is a must. Without it they will say no.\n"
        "- Walk away from studios that want us to sell their mounts online.\n"))
    flags = " ".join(f.description.lower() for f in document.red_flags)
    assert "walk away" in flags
    assert "tags" not in flags and "inventory" not in flags, flags


def test_a_finer_trade_before_a_generic_head_names_the_segment() -> None:
    found = defined_segments("目标客户是舞蹈培训机构，老师10到40人")
    assert [s.canonical for s in found] == ["dance studios"], found


def test_tags_venues_and_our_own_trade_name_no_segment(extractor: OfflineExtractor) -> None:
    document = _document(extractor, (
        "Customer notes\n\nTags: #hospitality #insurance-heavy\n\n"
        "We are a software company.\n\n"
        "Met them at the hotel expo.\n\n"
        "Accounts are mostly craft breweries.\n"))
    industries = [i.lower() for i in document.firmographics.industries]
    assert "breweries" in industries, industries
    assert not any(w in i for i in industries for w in ("software", "saas", "insurance", "hotel", "hospitality")), industries


def test_washington_beside_other_states_is_the_state(extractor: OfflineExtractor) -> None:
    regions = _document(extractor, "We sell to taxidermy studios.\n\nRegions: Oregon; Washington\n"
                        ).firmographics.regions
    assert "Washington State" in regions and "Oregon" in regions, regions
    alone = _document(extractor, "We sell to taxidermy studios around Washington, D.C.\n"
                      ).firmographics.regions
    assert "Washington State" not in alone, alone


def test_a_long_specialty_before_a_generic_trade_name_is_read_as_written() -> None:
    found = defined_segments("We sell to koi pond filter cleaning companies in Ohio")
    assert [(s.words, s.canonical) for s in found] == [("koi pond filter cleaning", None)]


@pytest.mark.parametrize("text, trade", [
    ("We sell to taxidermy studios.\n\nHotels are a good fit too.\n", "hotels"),
    ("We sell to taxidermy studios.\n\nWe also sell to hotels.\n", "hotels"),
    ("目标客户是手工豆腐作坊。\n\n酒店也是我们的目标客户。\n", "酒店"),
])
def test_a_second_target_on_its_own_line_is_kept(text: str, trade: str,
                                                  extractor: OfflineExtractor) -> None:
    industries = [i.lower() for i in _document(extractor, text).firmographics.industries]
    assert trade in industries, industries
