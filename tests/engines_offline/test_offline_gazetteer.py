"""Gazetteers: what English and Chinese text names, at the grain it names it.

Industries and regions are trees (a state under its country under its macro-region, a trade under
its sector): a mention is the finest entry, and the bucket it belongs to stays one call away.
"""

from __future__ import annotations

from icp_coach.engines.offline.extraction import gazetteer


def test_longest_synonym_wins() -> None:
    found = gazetteer.tools().values("ERP 一般是用友 U8 / 用友NC 或者金蝶，也有人只写用友")
    assert found == ["Yonyou U8", "Yonyou NC", "Kingdee", "Yonyou"]
    assert gazetteer.tools().values("they hit Stripe Billing limits") == ["Stripe Billing"]
    # Spaces or hyphens inside a term do not let a shorter term cut a longer one short.
    assert gazetteer.industries().values("healthcare staffing agencies, health-care systems") == [
        "healthcare staffing", "healthcare"]


def test_tools_carry_their_category() -> None:
    categories = {m.canonical: m.category for m in gazetteer.tools().find(
        "Salesforce as CRM, NetSuite for the GL, Snowflake, AWS, 钉钉")}
    assert categories == {"Salesforce": "crm", "NetSuite": "erp", "Snowflake": "data",
                          "AWS": "cloud", "DingTalk": "collaboration"}


def test_short_acronyms_are_case_sensitive() -> None:
    regions = gazetteer.regions()
    assert regions.values("US + Canada, UK too") == ["united states", "canada", "united kingdom"]
    assert regions.values("let us know, tell us more") == []
    assert regions.values("ma and pa shops, ca. 50 people") == []


def test_places_keep_the_grain_the_text_names() -> None:
    regions = gazetteer.regions()
    assert regions.values("mostly the Pacific Northwest and Idaho") == ["pacific northwest", "idaho"]
    assert regions.values("江苏、浙江为主，苏州最多") == ["jiangsu", "zhejiang", "suzhou"]
    assert regions.values("华东、华南为主（长三角、珠三角）") == [
        "east china", "south china", "yangtze river delta", "pearl river delta"]


def test_every_place_knows_the_region_a_team_plans_by() -> None:
    regions = gazetteer.regions()
    assert regions.parent_of("texas") == "united states"
    assert regions.ancestors("suzhou") == ["jiangsu", "china"]
    assert regions.macro("ontario") == "north america"
    assert regions.macro("north america") == "north america"
    assert regions.buckets("DACH and the Nordics, then Singapore") == ["europe", "apac"]
    assert regions.buckets("华东、华南为主（长三角、珠三角）") == ["china"]


def test_a_place_named_at_two_grains_is_kept_at_the_finer() -> None:
    regions = gazetteer.regions()
    assert regions.finest(regions.values("North America, mostly Texas and Ohio")) == ["texas", "ohio"]
    assert regions.finest(regions.values("中国，江苏苏州")) == ["suzhou"]
    # Siblings are both kept: a sales region does not swallow a state it does not head.
    assert regions.finest(regions.values("New England and Ohio")) == ["new england", "ohio"]


def test_display_names_follow_the_reader() -> None:
    regions, industries = gazetteer.regions(), gazetteer.industries()
    assert [regions.display(k, "en") for k in ("jiangsu", "texas", "dach")] == [
        "Jiangsu", "Texas", "DACH"]
    assert [regions.display(k, "zh") for k in ("jiangsu", "texas", "united states")] == [
        "江苏", "得克萨斯州", "美国"]
    assert industries.display("hvac", "en") == "hvac"
    assert industries.display("machining", "zh") == "机械加工"


def test_ambiguous_names_do_not_pull_in_the_wrong_place() -> None:
    regions = gazetteer.regions()
    assert regions.values("Georgia and the Carolinas") == ["georgia"]  # the state, not the country
    assert regions.parent_of("georgia") == "united states"
    assert regions.values("上海南站旁边，浙江西部") == ["shanghai", "zhejiang"]
    assert regions.values("沿海地区的客户") == []


def test_trades_sit_under_their_sector() -> None:
    industries = gazetteer.industries()
    assert industries.values("plumbers and lawn care outfits") == ["plumbing", "landscaping"]
    assert industries.macro("plumbing") == "field services"
    assert industries.values("做电梯维保和消防维保的") == ["elevator maintenance", "fire protection"]
    assert industries.ancestors("distributed solar") == ["solar", "energy"]
    assert industries.buckets("commercial bakeries, dairies") == ["food and beverage"]


def test_chinese_industry_words() -> None:
    assert gazetteer.industries().values("离散制造为主——机械加工、注塑、五金冲压；食品饮料") == [
        "manufacturing", "machining", "injection molding", "metal stamping", "food and beverage"]


def test_english_words_need_word_boundaries() -> None:
    assert gazetteer.industries().values("our retailers and the retail-ish") == ["retail"]
    assert gazetteer.industries().values("the team led by LED makers") == ["optoelectronics"]
    assert gazetteer.tools().values("a sapling, an awsome day") == []


def test_everyday_words_are_not_trades() -> None:
    industries = gazetteer.industries()
    assert industries.values("logging and alerts for stainless steel parts") == []
    assert industries.values("电子发票和电子签都要支持") == []
    assert industries.values("steel mills and 电子厂") == ["steel", "electronics"]
