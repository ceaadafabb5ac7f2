"""Words that rule something out, in English and Chinese ("not", "skip", "walk away", "不做")."""

from __future__ import annotations

import re

from icp_coach.engines.offline.extraction.lexicons import cues

EXCLUSION = re.compile(
    r"(?<![A-Za-z])(?:not|no|never|avoid|skip|exclude[sd]?|excluding|except|out of scope|walk away"
    r"|shouldn'?t|wouldn'?t|waste (?:of )?time|no point"
    r"|don'?t|won'?t|isn'?t|aren'?t|pass on|stay away|disqualif\w*|poor fit|bad fit|not a fit"
    r"|deal.?breaker)(?![A-Za-z])|不做|不接|不碰|不要|别|排除|除外|不适合|不是|不考虑|不建议|暂时不|先不|避开",
    re.IGNORECASE)


def says_exclusion(text: str) -> bool:
    """Words that rule something out ("not", "skip", "walk away", "不做", "先不"...)."""
    return bool(EXCLUSION.search(text) or cues("negation", "").search(text)
                or cues("lines", "red_flag").search(text))
