"""Whether the customer says someone else chose the product for them ("head office put every
site on it", "不是我们选的，是总公司统一采购的"). Then the customer's own job cannot be read from
why it was bought, and the engine writes no job statement."""

from __future__ import annotations

import re

from icp_coach.domain.transcript import Transcript

_CHOSEN_FOR_US = {
    "en": re.compile(
        r"\b(?:i|we) (?:didn't|did not|never) (?:pick|picked|choose|chose|select|selected|buy|bought|get a say)"
        r"(?: (?:it|this|that|this one|that one|the (?:system|software|tool|app|platform|vendor|one)))?"
        r"(?=\s*(?:[,.;!?]|$|—|-|,? (?:we|they|it|head office|corporate|the group|the company)\b))|"
        r"\b(?:wasn't|was not|weren't|not) (?:my|our) (?:choice|decision|call|pick)\b|"
        r"\b(?:head office|corporate|headquarters|hq|the group|the parent company|the franchisor|"
        r"the owners?|the council|the board|it|they) (?:\w+ ){0,3}(?:chose|picked|bought|mandated|rolled (?:it )?out|"
        r"put (?:every|all|us|each)|made us|decided)\b.{0,40}\b(?:for us|on us|on (?:every|all|each) (?:site|branch|store)|"
        r"same system|without asking)|"
        r"\b(?:(?:we|i) (?:were|was) (?:told|made|forced) to (?:use|switch|move))\b|"
        r"\b(?:imposed on us|handed (?:it )?down to us|came down from (?:head office|corporate|above))\b",
        re.IGNORECASE),
    "zh": re.compile(
        r"不是(?:我|我们|咱们)(?:自己)?(?:选|挑|定|买)的|(?:总公司|总部|集团|上面|上级|公司)(?:统一|直接)?(?:采购|选|定|"
        r"安排|下发|要求上|推)(?:的|了)|(?:上面|总部|总公司|集团)定的|没(?:让我们|给我们)(?:选|挑)|"
        r"(?:我们|我)(?:没|没有)(?:参与|选择权|发言权)"),
}


def chosen_by_someone_else(transcript: Transcript) -> bool:
    """Whether a customer turn says the product was chosen for them, not by them."""
    pattern = _CHOSEN_FOR_US["zh" if transcript.language == "zh" else "en"]
    return any(pattern.search(turn.text) for turn in transcript.customer_turns())
