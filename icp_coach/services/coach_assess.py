"""/assess: score one account on the seven criteria, one question per criterion, 1 to 5 each."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from icp_coach.domain.assessment import CRITERIA, MAX_TOTAL, AccountAssessment, CriterionScore
from icp_coach.domain.process import AssessFlow

Say = Callable[..., str]  # (section, **values) -> text from prompts/<lang>/steps/assess.md
_SCORE = re.compile(r"^\s*([1-5])(?:\s*(?:/\s*5|分))?(?:\s*[-:：,，.。]?\s*(.*))?$", re.DOTALL)
_CN_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5"}


@dataclass(frozen=True)
class AssessStep:
    flow: AssessFlow | None  # None when finished
    message: str
    assessment: AccountAssessment | None = None


def _ask(flow: AssessFlow, say: Say) -> str:
    criterion = CRITERIA[len(flow.scores)]
    return say(f"criterion {criterion}", number=len(flow.scores) + 1, total=len(CRITERIA),
               account=flow.account)


def start_assessment(account: str, say: Say) -> tuple[AssessFlow, str]:
    flow = AssessFlow(account=account.strip()[:120])
    if not flow.account:
        return flow, say("start")
    return flow, say("intro", account=flow.account) + "\n\n" + _ask(flow, say)


def advance_assessment(flow: AssessFlow, text: str, say: Say, today: date) -> AssessStep:
    if not flow.account:
        name = text.strip()[:120]
        if not name:
            return AssessStep(flow, say("start"))
        flow = AssessFlow(account=name)
        return AssessStep(flow, say("intro", account=name) + "\n\n" + _ask(flow, say))
    answer = text.strip()
    if answer[:1] in _CN_DIGITS:
        answer = _CN_DIGITS[answer[0]] + answer[1:]
    match = _SCORE.match(answer)
    if match is None:
        return AssessStep(flow, say("bad_score", answer=text.strip()[:40]) + "\n\n" + _ask(flow, say))
    criterion = CRITERIA[len(flow.scores)]
    scores = [*flow.scores, {"criterion": criterion, "score": int(match.group(1)),
                             "evidence": (match.group(2) or "").strip()[:300]}]
    flow = AssessFlow(account=flow.account, scores=scores)
    if len(scores) < len(CRITERIA):
        return AssessStep(flow, _ask(flow, say))
    assessment = AccountAssessment(
        account=flow.account,
        scores=[CriterionScore.model_validate(item) for item in scores],
        assessed_on=today.isoformat())
    lowest = min(assessment.scores, key=lambda item: item.score)
    message = say("result", account=assessment.account, total=assessment.total, max=MAX_TOTAL,
                  recommendation=say(f"recommendation {assessment.recommendation()}"),
                  weakest=say(f"name {lowest.criterion}"), weakest_score=lowest.score)
    return AssessStep(None, message, assessment)
