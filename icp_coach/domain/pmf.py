"""The product-market-fit check (step 0) read from a free answer: the one parser the coach and
the offline extractor both use.

It reads the referral share as a percentage ("35%", "百分之三十"), a fraction ("about 4 out of
10", "每十个新客户里有四个", "三分之一", "三成") or a word ("a third", "half"); the referrers' score
("the ones who refer us rate us 9+", "推荐我们的客户打分都在 9 分以上", "NPS among referrers is
62"); the overall NPS apart from it ("overall NPS is 52", "整体 NPS 是 45"); a retention note; and
"not yet". PMF counts as reached at a referral share of about 30%, else at referrers scoring 9+
(or an NPS among referrers of 50+); an overall NPS alone decides nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REFERRAL_SHARE_FOR_PMF = 0.30  # about a third of new customers arriving by referral
REFERRER_SCORE_FOR_PMF = 9.0  # referrers rating you 9 or 10 out of 10
REFERRER_NPS_FOR_PMF = 50.0  # or an NPS of 50+ among the customers who refer you

_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "十": 10, "百": 100}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100}
_NUM = (r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+"
        r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)\b)")

_REFERRAL = re.compile(r"referr|refer us|word[- ]of[- ]mouth|recommend|introduc|转介绍|推荐|口碑|介绍",
                       re.IGNORECASE)
_REFERRERS = re.compile(
    r"referrers?|who refer|that refer|refer(?:ring)? (?:us|customers)|referred customers|promoters"
    r"|customers who (?:recommend|refer)|推荐(?:我们|过我们)?的(?:老)?客户|推荐客户|转介绍的客户|介绍来的客户|推荐人",
    re.IGNORECASE)
_OVERALL = re.compile(r"overall|all customers|across (?:the )?(?:base|customers)|company[- ]wide|"
                      r"总体|整体|全部客户|所有客户|总的", re.IGNORECASE)
_NPS = re.compile(r"\bnps\b|net promoter|净推荐值|推荐值", re.IGNORECASE)
_SCORE = re.compile(r"\brat(?:e|es|ed|ing)\b|\bscor(?:e|es|ed|ing)\b|\bgive us\b|out of 10|/10|打分|评分|打\s*\d|分",
                    re.IGNORECASE)
_RETENTION = re.compile(r"retention|retain|churn|renew|stick around|logo loss|留存|续约|续费|流失|复购",
                        re.IGNORECASE)
_NOT_YET = re.compile(r"not yet|haven't|have not|no pmf|还没|尚未|没有达到", re.IGNORECASE)
_PMF_WORDS = re.compile(r"pmf|product[- ]market|契合|fit", re.IGNORECASE)
_STRONG_RETENTION = re.compile(r"high|strong|above|over 9\d|\b9\d\s*%|很高|较高|超过\s*9\d", re.IGNORECASE)

_PERCENT = re.compile(rf"({_NUM})\s*(?:%|％|percent|per cent)|百分之\s*({_NUM})", re.IGNORECASE)
_OUT_OF = re.compile(rf"({_NUM})\s*(?:out of|in|of every|of each)\s*(?:every\s+)?({_NUM})\b", re.IGNORECASE)
_ZH_EVERY = re.compile(rf"每\s*({_NUM})\s*(?:个|位|家)?[^，,。；;]*?(?:里|中|当中)?\s*(?:就)?有\s*({_NUM})\s*(?:个|位|家)")
_ZH_PARTS = re.compile(rf"({_NUM})\s*分之\s*({_NUM})")
_CHENG = re.compile(r"([一二两三四五六七八九\d])\s*成")
_WORD_SHARES = (
    (re.compile(r"\btwo[- ]thirds\b", re.IGNORECASE), 2 / 3),
    (re.compile(r"\b(?:a|one)[- ]third\b", re.IGNORECASE), 1 / 3),
    (re.compile(r"\b(?:a|one)[- ]quarter\b", re.IGNORECASE), 0.25),
    (re.compile(r"\bhalf\b|一半", re.IGNORECASE), 0.5),
    (re.compile(r"\b(?:a|one)[- ]fifth\b", re.IGNORECASE), 0.2),
    (re.compile(r"\b(?:a|one)[- ]tenth\b", re.IGNORECASE), 0.1),
)
_SCORE_NUMBER = re.compile(rf"(-?{_NUM})\s*(\+|分以上|分及以上|or (?:more|higher|above)|and up)?", re.IGNORECASE)


def number(text: str) -> float | None:
    """'4', '4.5', 'four', '四', '十', '三十', '一百' as a number; None otherwise."""
    text = text.strip().lower()
    if re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return float(text)
    if text in _EN_NUMBERS:
        return float(_EN_NUMBERS[text])
    if text and all(ch in _ZH_DIGITS for ch in text):
        if text == "百":
            return 100.0
        if "百" in text:
            head, _, rest = text.partition("百")
            tail = number(rest) if rest else 0.0
            return (_ZH_DIGITS.get(head, 1)) * 100 + (tail or 0)
        if "十" in text:
            tens, _, ones = text.partition("十")
            return float((_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[ones] if ones else 0))
        if len(text) == 1:
            return float(_ZH_DIGITS[text])
    return None


@dataclass
class PMFReading:
    referral_share: float | None = None
    referrer_nps: float | None = None  # the referrers' score: 0-10, or an NPS among referrers
    overall_nps: float | None = None  # the NPS of all customers; recorded, never the referrers'
    retention_note: str = ""
    reached: bool | None = None
    said_not_yet: bool = False

    @property
    def found(self) -> bool:
        return (self.referral_share is not None or self.referrer_nps is not None
                or self.overall_nps is not None or bool(self.retention_note))


def _fraction(part: float | None, whole: float | None) -> float | None:
    if part is None or not whole or not 0 <= part <= whole:
        return None
    return part / whole


def referral_share(clause: str) -> float | None:
    """The share a clause says: a percentage, a fraction, 'X成' or a word."""
    match = _PERCENT.search(clause)
    if match:
        value = number(match.group(1) or match.group(2))
        if value is not None and 0 <= value <= 100:
            return value / 100
    for pattern, swap in ((_OUT_OF, False), (_ZH_EVERY, True), (_ZH_PARTS, True)):
        match = pattern.search(clause)
        if match:
            first, second = number(match.group(1)), number(match.group(2))
            share = _fraction(second, first) if swap else _fraction(first, second)
            if share is not None:
                return share
    cheng = _CHENG.search(clause)
    if cheng:
        tenths = number(cheng.group(1))
        if tenths is not None:
            return tenths / 10
    for pattern, value in _WORD_SHARES:
        if pattern.search(clause):
            return value
    return None


def _score_after(clause: str, start: int) -> float | None:
    """The first score in `clause` after `start` that is not a share ('9', '9+', '9 分以上')."""
    rest = clause[start:]
    rest = _PERCENT.sub(" ", rest)
    for match in _SCORE_NUMBER.finditer(rest):
        value = number(match.group(1).lstrip("-"))
        if value is None:
            continue
        if match.group(1).startswith("-"):
            value = -value
        if -100 <= value <= 100:
            return value
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*|\n+")
_CLAUSE_END = re.compile(r"\s*(?:[，,]\s*(?:and|but|while)?\s*|\band\b(?= the| our| those| referr| nps)|而且|并且)\s*",
                         re.IGNORECASE)


def read_pmf(text: str) -> PMFReading:
    """Referral share, referrers' score, overall NPS, retention and 'not yet' in an answer."""
    reading = PMFReading()
    for sentence in (s for s in _SENTENCE_END.split(text) if s and s.strip()):
        for clause in (c for c in _CLAUSE_END.split(sentence) if c and c.strip()):
            _read_clause(clause, sentence, reading)
        if not reading.retention_note and _RETENTION.search(sentence):
            reading.retention_note = sentence.strip()[:300]
        if _NOT_YET.search(sentence) and _PMF_WORDS.search(sentence):
            reading.said_not_yet = True
    reading.reached = decide(reading)
    return reading


def _read_clause(clause: str, sentence: str, reading: PMFReading) -> None:
    nps = _NPS.search(clause)
    about_referrers = bool(_REFERRERS.search(clause)) or (
        not _OVERALL.search(clause) and bool(_REFERRERS.search(sentence)) and nps is not None
        and not _OVERALL.search(sentence))
    if nps is not None:
        value = _score_after(clause, nps.end())
        if value is None:
            value = _score_after(clause[:nps.start()], 0)
        if value is not None:
            if about_referrers and not _OVERALL.search(clause):
                reading.referrer_nps = reading.referrer_nps if reading.referrer_nps is not None else value
            elif reading.overall_nps is None:
                reading.overall_nps = value
        return
    if about_referrers and _SCORE.search(clause) and reading.referrer_nps is None:
        value = _score_after(clause, 0)
        if value is not None and 0 <= value <= 10:
            reading.referrer_nps = value
            return
    if reading.referral_share is None and _REFERRAL.search(clause):
        reading.referral_share = referral_share(clause)


def decide(reading: PMFReading) -> bool | None:
    """Reached, not reached, or None when the answer gave nothing to decide on."""
    if reading.said_not_yet:
        return False
    if reading.referral_share is not None:
        return reading.referral_share >= REFERRAL_SHARE_FOR_PMF
    if reading.referrer_nps is not None:
        score = reading.referrer_nps
        return score >= REFERRER_SCORE_FOR_PMF if score <= 10 else score >= REFERRER_NPS_FOR_PMF
    if reading.retention_note:
        return bool(_STRONG_RETENTION.search(reading.retention_note))
    return None
