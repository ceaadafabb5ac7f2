"""The process as pure rules: done-criteria, the PMF decision, review plans and versions."""

from __future__ import annotations

from datetime import date

import pytest

from icp_coach.domain.icp import ICPDocument, NumberRange, PainPoint, PMFStatus, RedFlag, Review
from icp_coach.domain.process import (
    STEPS,
    bump_version,
    decide_pmf,
    is_step_done,
    parse_pmf_answer,
    parse_review_answer,
    step,
    step_gaps,
)


def test_there_is_a_pmf_check_and_five_steps_with_titles_in_both_languages():
    assert [s.number for s in STEPS] == [0, 1, 2, 3, 4, 5]
    assert all(s.title["en"] and s.title["zh"] and s.goal["zh"] for s in STEPS)
    with pytest.raises(ValueError, match="steps run from 0 to 5"):
        step(6)


def test_step_one_is_done_with_industries_and_a_size_band():
    draft = ICPDocument(name="x")
    assert not is_step_done(1, draft)
    assert [g.key for g in step_gaps(1, draft) if g.required] == [
        "firmographics.industries", "firmographics.size"]
    draft.firmographics.industries = ["Logistics"]
    draft.firmographics.employees = NumberRange(min=50, max=500)
    assert is_step_done(1, draft)


def test_before_pmf_step_one_asks_for_people_first():
    draft = ICPDocument(name="x", pmf=PMFStatus(segmentation="jobs_to_be_done"))
    gaps = step_gaps(1, draft)
    assert gaps[0].key == "decision_makers.titles" and gaps[0].required
    assert not next(g for g in gaps if g.key == "firmographics.industries").required


def test_step_three_needs_a_red_flag_and_step_two_a_pain_point():
    draft = ICPDocument(name="x")
    assert "pain_points" in [g.key for g in step_gaps(2, draft)]
    draft.pain_points = [PainPoint(description="late invoices")]
    assert "pain_points" not in [g.key for g in step_gaps(2, draft)]
    assert not is_step_done(3, draft)
    draft.red_flags = [RedFlag(description="no finance team")]
    assert is_step_done(3, draft)


@pytest.mark.parametrize("pmf, reached", [
    (PMFStatus(referral_share=0.35), True),
    (PMFStatus(referral_share=0.29), False),
    (PMFStatus(referrer_nps=9), True),
    (PMFStatus(referrer_nps=7), False),
    (PMFStatus(referrer_nps=62), True),
    (PMFStatus(retention_note="retention is very high, above 95%"), True),
])
def test_pmf_is_reached_at_about_thirty_percent_referrals_or_referrers_scoring_nine(pmf, reached):
    decided = decide_pmf(pmf)
    assert decided.reached is reached
    assert decided.segmentation == ("firmographic" if reached else "jobs_to_be_done")


@pytest.mark.parametrize("text, share, nps", [
    ("About 35% of new customers came through referrals.", 0.35, None),
    ("Referrals bring in roughly 12 percent of deals; NPS of referrers is 9.", 0.12, 9),
    ("去年约 40% 的新客户来自老客户推荐，推荐客户的 NPS 是 9 分。", 0.40, 9),
    ("转介绍的客户占百分之三十，净推荐值 50", None, 50),
])
def test_pmf_numbers_are_parsed_by_code_in_english_and_chinese(text, share, nps):
    parsed = parse_pmf_answer(text, PMFStatus())
    assert parsed is not None
    if share is not None:
        assert parsed.referral_share == pytest.approx(share)
    if nps is not None:
        assert parsed.referrer_nps == nps


def test_an_answer_without_pmf_evidence_gives_nothing():
    assert parse_pmf_answer("We are doing fine, thanks.", PMFStatus()) is None


def test_review_defaults_to_quarterly_and_collects_triggers():
    today = date(2026, 1, 15)
    review = parse_review_answer("Let's revisit when we launch usage-based pricing.", Review(), today)
    assert review.cadence == "quarterly"
    assert review.next_review == date(2026, 4, 16)
    assert review.triggers == ["when we launch usage-based pricing"]
    zh = parse_review_answer("每半年复盘一次；如果进入新市场就提前复盘。", Review(), today)
    assert zh.cadence == "half_yearly" and zh.triggers == ["如果进入新市场就提前复盘"]


@pytest.mark.parametrize("old, new", [("0.1", "1.0"), ("1.0", "1.1"), ("2.9", "2.10"), ("x", "1.0")])
def test_versions_bump_to_one_then_by_minor_steps(old, new):
    assert bump_version(old) == new
