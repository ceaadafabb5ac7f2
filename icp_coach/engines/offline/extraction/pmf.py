"""The product-market-fit check (step 0): referral share, NPS and retention from an answer.

"About 30% of new customers come from referrals", "a third of deals are referred",
"转介绍占三成", "NPS is 45", "推荐客户的 NPS 9 分以上", "churn is under 2% a month".
PMF counts as reached at a referral share of 30% or more, unless the NPS said is low.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from icp_coach.engines.offline.extraction.lines import split_clauses, split_sentences
from icp_coach.text.numbers import find_quantities

_REFERRAL = re.compile(r"referr|word[- ]of[- ]mouth|recommend|introduc|转介绍|推荐|口碑|介绍来",
                       re.IGNORECASE)
_NPS = re.compile(r"\bnps\b|net promoter|净推荐值|推荐值", re.IGNORECASE)
_RETENTION = re.compile(r"retention|retain|churn|renew|stick around|logo loss|留存|续约|续费|流失"
                        r"|复购", re.IGNORECASE)
_NOT_YET = re.compile(r"not yet|haven't|have not|no pmf|还没|尚未|没有达到", re.IGNORECASE)
_SHARE_WORDS = [
    (re.compile(r"\b(?:about |around |roughly |maybe )?half\b|一半", re.IGNORECASE), 0.5),
    (re.compile(r"\ba third\b|one third|三分之一", re.IGNORECASE), 1 / 3),
    (re.compile(r"\ba quarter\b|one quarter|四分之一", re.IGNORECASE), 0.25),
    (re.compile(r"\btwo thirds\b|三分之二", re.IGNORECASE), 2 / 3),
    (re.compile(r"\ba fifth\b|五分之一", re.IGNORECASE), 0.2),
    (re.compile(r"\ba tenth\b|十分之一", re.IGNORECASE), 0.1),
]
_CHENG = re.compile(r"([一二两三四五六七八九])成")
_ZH_DIGITS = "一二三四五六七八九"


@dataclass
class PMFReading:
    referral_share: float | None = None
    referrer_nps: float | None = None
    retention_note: str = ""
    reached: bool | None = None
    said_not_yet: bool = False

    @property
    def found(self) -> bool:
        return (self.referral_share is not None or self.referrer_nps is not None
                or bool(self.retention_note))


def _share(sentence: str) -> float | None:
    for quantity in find_quantities(sentence):
        if quantity.percent and 0 <= quantity.value <= 100:
            return quantity.value / 100
    cheng = _CHENG.search(sentence)
    if cheng:
        return (_ZH_DIGITS.index(cheng.group(1).replace("两", "二")) + 1) / 10
    for pattern, value in _SHARE_WORDS:
        if pattern.search(sentence):
            return value
    return None


def _nps(sentence: str) -> float | None:
    match = _NPS.search(sentence)
    if not match:
        return None
    for quantity in find_quantities(sentence[match.end():]):
        if not quantity.percent and -100 <= quantity.value <= 100:
            return -quantity.value if sentence[match.end():][:quantity.start].rstrip().endswith(
                "-") and quantity.start > 0 else quantity.value
    return None


def read_pmf(text: str) -> PMFReading:
    reading = PMFReading()
    for sentence in split_sentences(text.replace("\n", " ")):
        for _, clause in split_clauses(sentence):
            if reading.referrer_nps is None:
                reading.referrer_nps = _nps(clause)
            if reading.referral_share is None and _REFERRAL.search(clause) and not _NPS.search(
                    clause):
                reading.referral_share = _share(clause)
        if not reading.retention_note and _RETENTION.search(sentence):
            reading.retention_note = sentence.strip()
        if _NOT_YET.search(sentence) and re.search(r"pmf|product[- ]market|契合|fit", sentence,
                                                   re.IGNORECASE):
            reading.said_not_yet = True
    if reading.said_not_yet:
        reading.reached = False
    elif reading.referral_share is not None:
        low_nps = reading.referrer_nps is not None and (
            reading.referrer_nps < 9 if reading.referrer_nps <= 10 else reading.referrer_nps < 30)
        reading.reached = reading.referral_share >= 0.3 and not low_nps
    return reading
