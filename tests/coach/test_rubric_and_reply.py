"""Step 4's rubric from the profile, and the scripted reply writer."""

from __future__ import annotations

import pytest
from coach_fakes import METHOD, SLACK

from icp_coach.analysis.header_mapping import CANONICAL_FIELDS
from icp_coach.domain.criteria import Filter, matches
from icp_coach.domain.icp import BuyingSignal, ICPDocument, NumberRange
from icp_coach.domain.knowledge import Passage
from icp_coach.domain.ports import ReplyRequest
from icp_coach.domain.validation import validate_icp
from icp_coach.engines.offline.reply import ScriptedReplyWriter, tip_from
from icp_coach.services.coach_rubric import with_scoring_rules


def _profile() -> ICPDocument:
    doc = ICPDocument(name="Tally")
    doc.firmographics.industries = ["Logistics", "Fintech"]
    doc.firmographics.employees = NumberRange(min=50, max=500)
    doc.firmographics.regions = ["North America"]
    doc.technographics.tech_stack = ["NetSuite"]
    doc.buying_signals = [BuyingSignal(type="event", description="raised a Series B")]
    return doc


def test_firmographics_become_filters_and_tools_become_weighted_signals_on_prospect_columns():
    doc, changed = with_scoring_rules(_profile())
    assert changed == ["filters", "signals"]
    assert [(f.field, f.op) for f in doc.filters] == [
        ("industry", "in"), ("employees", "between"), ("region", "in")]
    assert doc.filters[1].value == [50, 500] and all(isinstance(v, int) for v in doc.filters[1].value)
    weights = {(s.field, s.value): (s.weight, s.type) for s in doc.signals}
    assert weights[("tech_stack", "NetSuite")] == (2.0, "fit")
    # every rule names a column a prospect list can have; an event stays a buying signal
    assert {c.field for c in [*doc.filters, *doc.signals]} <= set(CANONICAL_FIELDS)
    assert doc.buying_signals[0].description == "raised a Series B"
    # the derived rules agree with the profile they came from
    assert not [f for f in validate_icp(doc) if f.code.startswith("filter_contradicts")]
    fit = {"industry": "logistics", "employees": 120, "region": "North America"}
    assert all(matches(rule, fit) for rule in doc.filters)
    assert not matches(doc.filters[1], {"employees": 5000})


def test_rules_the_user_wrote_are_never_replaced():
    doc, _ = with_scoring_rules(_profile())
    doc.firmographics.industries = ["Retail"]
    again, changed = with_scoring_rules(doc)
    assert changed == [] and again.filters == doc.filters


def _request(language: str, passages: list[Passage]) -> ReplyRequest:
    return ReplyRequest(step=1, step_title="t", language=language, conversation=[],  # type: ignore[arg-type]
                        passages=passages, draft=ICPDocument(name="x"), guidance="Which industries?")


@pytest.mark.asyncio
async def test_the_scripted_reply_says_the_guidance_then_numbered_tips():
    writer = ScriptedReplyWriter()
    tokens = [t async for t in writer.stream_reply(_request("en", [SLACK, METHOD]))]
    text = "".join(tokens)
    assert len(tokens) > 5
    assert text.startswith("Which industries?")
    assert "[1] Slack's early ICP: Slack started with tech start-ups" in text
    assert "[2] Five steps:" in text


def test_chinese_replies_use_chinese_frames_and_cut_tips_at_a_sentence():
    passage = Passage(id="p", doc_id="d", title="聚焦", text="第一句话。" * 100, lang="zh")
    text = ScriptedReplyWriter().compose(_request("zh", [passage]))
    assert "方法论参考" in text and "[1] 聚焦：第一句话。" in text
    assert len(tip_from(passage)) <= 281


def test_rules_hold_cells_not_sentences_nor_unbounded_regions_nor_exponents():
    doc = _profile()
    doc.firmographics.regions = ["global"]
    doc.firmographics.annual_revenue_usd = NumberRange(min=10_000_000, max=50_000_000)
    ruled, _ = with_scoring_rules(doc)
    assert "region" not in {f.field for f in ruled.filters}  # 'global' narrows nothing
    revenue = next(f for f in ruled.filters if f.field == "annual_revenue_usd")
    assert revenue.describe() == "annual_revenue_usd between 10,000,000 and 50,000,000"
    assert "e+" not in " ".join(f.describe() for f in ruled.filters)
    assert Filter(field="employees", op="gte", value=1e7).describe() == "employees >= 10,000,000"
