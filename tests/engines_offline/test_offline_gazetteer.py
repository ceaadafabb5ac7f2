"""Gazetteers: canonical English values from English and Chinese synonyms."""

from __future__ import annotations

from icp_coach.engines.offline.extraction import gazetteer


def test_longest_synonym_wins() -> None:
    found = gazetteer.tools().values("ERP 一般是用友 U8 / 用友NC 或者金蝶，也有人只写用友")
    assert found == ["Yonyou U8", "Yonyou NC", "Kingdee", "Yonyou"]
    assert gazetteer.tools().values("they hit Stripe Billing limits") == ["Stripe Billing"]


def test_tools_carry_their_category() -> None:
    categories = {m.canonical: m.category for m in gazetteer.tools().find(
        "Salesforce as CRM, NetSuite for the GL, Snowflake, AWS, 钉钉")}
    assert categories == {"Salesforce": "crm", "NetSuite": "erp", "Snowflake": "data",
                          "AWS": "cloud", "DingTalk": "collaboration"}


def test_short_acronyms_are_case_sensitive() -> None:
    assert gazetteer.regions().values("US + Canada, UK too") == ["north america", "europe"]
    assert gazetteer.regions().values("let us know, tell us more") == []


def test_countries_map_to_the_region_a_team_plans_by() -> None:
    assert gazetteer.regions().values("华东、华南为主（长三角、珠三角）") == ["china"]
    assert gazetteer.regions().values("DACH and the Nordics, then Singapore") == ["europe", "apac"]


def test_chinese_industry_words() -> None:
    assert gazetteer.industries().values("离散制造为主——机械加工、注塑、五金冲压；食品饮料") == [
        "manufacturing", "machining", "injection molding", "metal stamping", "food and beverage"]


def test_english_words_need_word_boundaries() -> None:
    assert gazetteer.industries().values("our retailers and the retail-ish") == ["retail"]
    assert gazetteer.tools().values("a sapling, an awsome day") == []
