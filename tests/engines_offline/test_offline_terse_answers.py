"""Terse interview answers: no lead-in phrase, no heading, one line; English and Chinese.

Each row is (step, language, answer, what the patch must hold). Fields a row does not name must
stay empty, so a terse answer neither loses what it says nor invents something else.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from icp_coach.bootstrap import make_app
from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.patch import ICPPatch
from icp_coach.embeddings import HashingEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.settings import Settings

Expected = dict[str, Any]

TERSE: list[tuple[int, str, str, Expected]] = [
    # --- the answers users reported (step 1-3) ---
    (1, "en", "Fintech companies with 50-200 employees in Germany",
     {"industries": ["fintech"], "employees": (50, 200), "regions": ["Germany"]}),
    (1, "zh", "金融科技公司，50-200人，在德国",
     {"industries": ["金融科技"], "employees": (50, 200), "regions": ["德国"]}),
    (1, "en", "Our best customers are fintech companies with 50-200 employees in Germany",
     {"industries": ["fintech"], "employees": (50, 200), "regions": ["Germany"]}),
    (1, "en", "Fintech and insurance, 50-500 people, US and UK",
     {"industries": ["fintech", "insurance"], "employees": (50, 500),
      "regions": ["United States", "United Kingdom"]}),
    (1, "en", "SaaS, $5-40M ARR", {"industries": ["saas"], "revenue": (5e6, 40e6)}),
    (2, "en", "Salesforce and Snowflake", {"tech": ["Salesforce", "Snowflake"]}),
    (2, "en", "Head of RevOps champions it, CFO signs",
     {"roles": {"champion": ["Head of RevOps"], "economic_buyer": ["CFO"]}}),
    (3, "en", "They churn when they have fewer than 20 seats",
     {"red_flags": ["They churn when they have fewer than 20 seats"]}),
    (1, "zh", "电商和零售，100到500人，华东",
     {"industries": ["电商", "零售"], "employees": (100, 500), "regions": ["华东"]}),
    (2, "zh", "用钉钉和金蝶", {"tech": ["DingTalk", "Kingdee"]}),
    (2, "zh", "决策人是CFO，推动者是运营总监",
     {"roles": {"economic_buyer": ["CFO"], "champion": ["运营总监"]}}),
    (2, "zh", "痛点：对账要三天", {"pains": ["对账要三天"]}),
    # --- step 1: who they are ---
    (1, "en", "Logistics, 200-1000 employees, North America",
     {"industries": ["logistics"], "employees": (200, 1000), "regions": ["North America"]}),
    (1, "en", "B2B SaaS in the UK, 20-100 staff",
     {"industries": ["saas"], "employees": (20, 100), "regions": ["United Kingdom"]}),
    (1, "en", "Healthcare and pharma", {"industries": ["healthcare", "pharmaceuticals"]}),
    (1, "en", "Manufacturing\nGermany and France\n100-500 employees",
     {"industries": ["manufacturing"], "employees": (100, 500), "regions": ["Germany", "France"]}),
    (1, "en", "Retailers, $10M-$50M revenue, Canada",
     {"industries": ["retail"], "revenue": (10e6, 50e6), "regions": ["Canada"]}),
    (1, "en", "Mid-size banks in APAC", {"industries": ["banking"], "regions": ["APAC"]}),
    (1, "en", "Insurance, 500+ people", {"industries": ["insurance"],
                                         "employees": (500, None)}),
    (1, "en", "Between 50 and 300 employees", {"employees": (50, 300)}),
    (1, "en", "Fintech, 50-200 people, the CFO signs",
     {"industries": ["fintech"], "employees": (50, 200), "roles": {"economic_buyer": ["CFO"]}}),
    (1, "zh", "制造业，厂长拍板",
     {"industries": ["制造业"], "roles": {"economic_buyer": ["厂长"]}}),
    (1, "zh", "制造业，300-2000人，华南",
     {"industries": ["制造业"], "employees": (300, 2000), "regions": ["华南"]}),
    (1, "zh", "物流行业", {"industries": ["物流"]}),
    (1, "zh", "年收入5000万到2亿人民币", {"revenue": (6_944_444, 27_777_778)}),
    (1, "zh", "医疗，北京和上海", {"industries": ["医疗"], "regions": ["北京", "上海"]}),
    (1, "en", "Fintech\n- 50-200 people\n- Germany",
     {"industries": ["fintech"], "employees": (50, 200), "regions": ["Germany"]}),
    (1, "en", "fintech, 50–200 ppl, DACH",
     {"industries": ["fintech"], "employees": (50, 200), "regions": ["DACH"]}),
    (1, "en", "Germany", {"regions": ["Germany"]}),
    (1, "zh", "金融科技？大概50到200人", {"industries": ["金融科技"], "employees": (50, 200)}),
    (1, "zh", "主要是跨境电商，深圳", {"industries": ["跨境电商"], "regions": ["深圳"]}),
    # --- step 2: what they share ---
    (2, "en", "Salesforce, maybe HubSpot?", {"tech": ["Salesforce", "HubSpot"]}),
    (2, "en", "- Salesforce\n- Snowflake\n- dbt", {"tech": ["Salesforce", "Snowflake", "dbt"]}),
    (2, "en", "Ops Director pushes, CEO signs",
     {"roles": {"champion": ["Ops Director"], "economic_buyer": ["CEO"]}}),
    (2, "zh", "客户都在用金蝶云星空", {"tech": ["Kingdee"]}),
    (2, "zh", "运营总监推动", {"roles": {"champion": ["运营总监"]}}),
    (2, "en", "HubSpot, NetSuite, Stripe", {"tech": ["HubSpot", "NetSuite", "Stripe"]}),
    (2, "en", "VP Sales is the champion; CFO owns the budget",
     {"roles": {"champion": ["VP Sales"], "economic_buyer": ["CFO"]}}),
    (2, "en", "Reconciliation takes a week every month",
     {"pains": ["Reconciliation takes a week every month"]}),
    (2, "en", "Month-end close is a mess", {"pains": ["Month-end close is a mess"]}),
    (2, "en", "They just raised a Series B", {"signals": ["They just raised a Series B"]}),
    (2, "en", "Hiring a RevOps lead", {"signals": ["Hiring a RevOps lead"]}),
    (2, "en", "CFO", {"roles": {"economic_buyer": ["CFO"]}}),
    (2, "en", "HubSpot shops where the VP Sales pushes it",
     {"tech": ["HubSpot"], "roles": {"champion": ["VP Sales"]}}),
    (2, "zh", "用企业微信和用友", {"tech": ["WeCom", "Yonyou"]}),
    (2, "zh", "SAP和飞书", {"tech": ["SAP", "Feishu"]}),
    (2, "zh", "财务总监拍板", {"roles": {"economic_buyer": ["财务总监"]}}),
    (2, "zh", "IT经理评估，CEO签字",
     {"roles": {"technical_buyer": ["IT经理"], "economic_buyer": ["CEO"]}}),
    (2, "zh", "月底手工对账，经常出错", {"pains": ["月底手工对账，经常出错"]}),
    (2, "zh", "刚融了B轮", {"signals": ["刚融了B轮"]}),
    # --- step 3: who to rule out ---
    (3, "en", "Under 10 employees, they never renew",
     {"red_flags": ["Under 10 employees, they never renew"]}),
    (3, "en", "Agencies churn fast", {"red_flags": ["Agencies churn fast"]}),
    (3, "en", "Avoid public sector", {"red_flags": ["Avoid public sector"]}),
    (3, "en", "Anyone without a finance team", {"red_flags": ["Anyone without a finance team"]}),
    (3, "en", "Companies below $1M ARR", {"red_flags": ["Companies below $1M ARR"]}),
    (3, "zh", "年收入低于500万的别碰", {"red_flags": ["年收入低于500万的别碰"]}),
    (3, "zh", "50人以下的不要", {"red_flags": ["50人以下的不要"]}),
    (3, "zh", "政府项目不做", {"red_flags": ["政府项目不做"]}),
    (3, "zh", "外贸公司流失多", {"red_flags": ["外贸公司流失多"]}),
    (3, "zh", "不到20人的公司续费率很低", {"red_flags": ["不到20人的公司续费率很低"]}),
]


def _read(patch: ICPPatch) -> Expected:
    """The patch in the table's terms; empty fields left out."""
    def bounds(value: Any) -> tuple[float | None, float | None] | None:
        return None if value is None else (value.min, value.max)

    found: Expected = {
        "industries": patch.industries, "regions": patch.regions, "tech": patch.tech_stack,
        "employees": bounds(patch.employees), "revenue": bounds(patch.annual_revenue_usd),
        "roles": {maker.role: maker.titles for maker in patch.decision_makers},
        "pains": [p.description for p in patch.pain_points],
        "signals": [s.description for s in patch.buying_signals],
        "red_flags": [f.description for f in patch.red_flags],
    }
    return {key: value for key, value in found.items() if value}


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    # As the interview builds it: the embedding tie-breaker on (it loads only if a line needs it).
    from icp_coach.embeddings import BundledEmbedder

    return OfflineExtractor(embedder=BundledEmbedder())


@pytest.mark.parametrize(("step", "language", "answer", "expected"), TERSE,
                         ids=[f"step{s}-{lang}-{i}" for i, (s, lang, _, _) in enumerate(TERSE)])
def test_a_terse_answer_fills_what_the_step_asks(extractor: OfflineExtractor, step: int,
                                                 language: str, answer: str,
                                                 expected: Expected) -> None:
    extraction = extractor.extract_patch(answer, step=step, draft=ICPDocument(name="x"),
                                         language=language)  # type: ignore[arg-type]
    assert _read(extraction.patch) == expected


def test_the_table_covers_both_languages_and_every_asking_step() -> None:
    assert len(TERSE) >= 30
    assert {lang for _, lang, _, _ in TERSE} == {"en", "zh"}
    assert {step for step, _, _, _ in TERSE} == {1, 2, 3}


def test_a_one_line_note_file_is_content_not_a_title() -> None:
    # Whole-note extraction (no step) read the same way: a single line heads nothing.
    extraction = OfflineExtractor(use_embeddings=False).extract_patch(
        "Fintech and insurance, 50-500 people, US and UK", step=99,
        draft=ICPDocument(name="x"), language="en")
    assert extraction.patch.industries == ["fintech", "insurance"]
    assert extraction.patch.employees is not None
    assert (extraction.patch.employees.min, extraction.patch.employees.max) == (50, 500)


def test_a_heading_that_names_a_kind_still_heads_an_answers_list() -> None:
    extraction = OfflineExtractor(use_embeddings=False).extract_patch(
        "Red flags:\n- under 10 people\n- agencies", step=1, draft=ICPDocument(name="x"),
        language="en")
    assert [f.description for f in extraction.patch.red_flags] == ["under 10 people", "agencies"]
    assert extraction.patch.employees is None


def test_a_titled_note_still_treats_its_first_line_as_the_title() -> None:
    units = OfflineExtractor(use_embeddings=False).classify(
        "Fintech accounts\n\nMonth-end close is done by hand in Excel.\n")
    assert units[0].is_heading and not units[1].is_heading


def test_a_coach_interview_answered_tersely_fills_firmographics_in_step_one() -> None:
    async def run() -> Any:
        app = make_app(Settings(engine="offline"), embedder=HashingEmbedder())
        try:
            coach = app.start_coach(company="Ledgerly", language="en", auto_advance=False,
                                    with_knowledge=False)
            [event async for event in coach.handle("/step 1")]
            assert coach.state.step == 1
            [event async for event in coach.handle("Fintech and insurance, 50-500 people, US and UK")]
            [event async for event in coach.handle("SaaS, $5-40M ARR")]
            return coach.draft
        finally:
            app.close()

    firmo = asyncio.run(run()).firmographics
    assert {"fintech", "insurance", "saas"} <= {i.lower() for i in firmo.industries}
    assert (firmo.employees.min, firmo.employees.max) == (50, 500)
    assert (firmo.annual_revenue_usd.min, firmo.annual_revenue_usd.max) == (5e6, 40e6)
    assert set(firmo.regions) >= {"United States", "United Kingdom"}


def test_a_chinese_coach_interview_answered_tersely_fills_firmographics_in_step_one() -> None:
    async def run() -> Any:
        app = make_app(Settings(engine="offline"), embedder=HashingEmbedder())
        try:
            coach = app.start_coach(company="账易", language="zh", auto_advance=False,
                                    with_knowledge=False)
            [event async for event in coach.handle("/step 1")]
            [event async for event in coach.handle("电商和零售，100到500人，华东")]
            return coach.draft
        finally:
            app.close()

    firmo = asyncio.run(run()).firmographics
    assert {"电商", "零售"} <= set(firmo.industries)
    assert (firmo.employees.min, firmo.employees.max) == (100, 500)
    assert firmo.regions == ["华东"]
