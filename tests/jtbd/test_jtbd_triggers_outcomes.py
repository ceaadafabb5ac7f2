"""Triggers against options tried, worries against dismissals, and job statements only when the
customer chose: what a researcher reading the report would notice."""

from __future__ import annotations

from icp_coach.domain.jtbd import JTBDResult
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.transcripts.loader import parse_transcript

_EN = """Sam: How did you end up looking for something new?
Lee: We gave RouteMaster a go for about a fortnight but it was far too complicated for a team our size.
Sam: And then?
Lee: Last November we lost our biggest office contract because we missed two cleans in one week.
Sam: What did you like about the tool you picked?
Lee: It sends every cleaner their list with the alarm codes, and it logs the time they arrive.
Sam: Any worries?
Lee: I was worried the night staff wouldn't use the phone app at all.
Sam: Anything you don't use?
Lee: There's a stock ordering screen, we never use it.
Sam: What would good look like?
Lee: I want to get my evenings back, so I can stop ringing round every cleaner at ten at night.
"""
_CHOSEN_FOR_US = "Lee: To be fair I didn't pick it, head office put every branch on the same system.\n"

_ZH = """小周: 后来是怎么决定换的？
老板: 我们之前试用过一个排班软件，用了两个星期太复杂就没用了。
小周: 然后呢？
老板: 去年年底最大的客户说，再漏一次就不续合同了。
小周: 有什么顾虑吗？
老板: 我担心老员工不会用手机，还是打电话问我。
小周: 有没有用不上的功能？
老板: 那个积分商城我们用不上。
小周: 现在这个哪里吸引你？
老板: 我们想要每个员工在手机上就能看到自己的班表，这样就不用再一个个打电话通知了。
小周: 做成了是什么样？
老板: 希望以后一次都不漏，客户那边再也不投诉。
"""


def _run(text: str, interviewer: str) -> JTBDResult:
    transcript = parse_transcript(text, "interview.txt", interviewer=[interviewer])
    return OfflineJTBDExtractor().extract_jtbd(transcript)


def _texts(items: list) -> str:
    return " | ".join(q.quote for item in items for q in item.evidence)


def test_an_option_tried_is_not_a_trigger_but_a_dated_loss_is() -> None:
    result = _run(_EN, "Sam")
    assert "lost our biggest office contract" in _texts(result.triggers)
    assert "RouteMaster" not in _texts(result.triggers)


def test_a_worry_that_staff_would_not_use_it_is_an_anxiety_not_a_dismissal() -> None:
    result = _run(_EN, "Sam")
    assert "night staff wouldn't use" in _texts(result.forces.anxiety)
    assert "night staff" not in _texts(result.not_valued)
    assert "stock ordering screen" in _texts(result.not_valued)


def test_getting_time_back_is_a_desired_outcome_not_a_pull() -> None:
    result = _run(_EN, "Sam")
    assert "evenings back" in _texts(result.desired_outcomes)
    assert "evenings back" not in _texts(result.forces.pull)


def test_chinese_trigger_and_worry() -> None:
    result = _run(_ZH, "小周")
    assert "不续合同" in _texts(result.triggers)
    assert "试用过" not in _texts(result.triggers)
    assert "不会用手机" in _texts(result.forces.anxiety)
    assert "不会用手机" not in _texts(result.not_valued)


def test_no_job_statement_when_someone_else_chose_the_product() -> None:
    assert _run(_EN, "Sam").job_statements  # the customer's own choice: a statement
    assert not _run(_EN + _CHOSEN_FOR_US, "Sam").job_statements
    assert _run(_ZH, "小周").job_statements
    assert not _run(_ZH + "老板: 这个系统不是我们选的，是总公司统一采购的。\n", "小周").job_statements
