"""A desired outcome the head read as a pull. Both say something good; a pull is what the product
does ("it sends a reminder", "系统会自动提醒"), an outcome is what the customer's own side gets
to do or stop doing ("so that I can send them the photos that evening", "项目经理不用再在群里
喊人", "最好能一年都不超卖一次"). A pull sentence framed as a result the customer wants, whose
subject is not the product, is filed as an outcome when the head gave the outcome some weight.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from icp_coach.engines.offline.jtbd.decision import MIN_PROBABILITY
from icp_coach.engines.offline.jtbd.story import Labelled

# the head's outcome probability a pull sentence needs before its framing can make it an outcome
MIN_OUTCOME = 0.08
_FRAMED_AS_RESULT = {
    "en": re.compile(
        r"^(?:(?:and|so|but|honestly|really|basically),? )*(?:so that|so (?:i|we) can|what (?:i|we) (?:need|want) is|"
        r"(?:i|we) just (?:want|need)|all (?:i|we) (?:want|need)|(?:my|our|the) (?:goal|aim|target) is|ideally|"
        r"the dream is|success (?:is|would be)|what good looks like)\b|"
        r"\b(?:without (?:having to|me having to)|no longer have to|never (?:have|need) to|instead of (?:me )?\w+ing|"
        r"not have to|stop having to|(?:under|within|in less than|less than|no more than) (?:an?|one|two|three|"
        r"five|ten|\d+) (?:minutes?|hours?|days?|weeks?))\b",
        re.IGNORECASE),
    "zh": re.compile(
        r"^(?:(?:那|就是|其实|反正|主要)?(?:目标是|最好能|最好是|希望以后|以后能|我只想|我就想|我要的是|我们要的是|"
        r"我需要的是|理想的是|理想状态是|做到))|不用再|再也不用|不必再|省得|这样就不用|这样我就|"
        r"[一二三四五六七八九十两半\d]+(?:分钟|秒钟?|个?小时|天)(?:内|之内|以内|就能)"),
}
# the product as subject: what it does is a pull, however it is framed
_PRODUCT_SUBJECT = {
    "en": re.compile(r"^(?:(?:and|so|but|plus|also),? )*(?:it|this|the (?:app|system|software|tool|platform|"
                     r"dashboard|portal))\b", re.IGNORECASE),
    "zh": re.compile(r"^(?:它|这个(?:系统|软件|平台|工具|小程序|app)?|系统|软件|平台|小程序)"),
}


# said outright as what the customer wants to get or be able to do, in the present: "What I'm
# after is being able to ...", "I just want to know ...", "我就想……", "要的是……", "最好是……"
_SAYS_WHAT_THEY_WANT = {
    "en": re.compile(
        r"^(?:(?:and|so|but|honestly|really|basically|look|mainly|well|yeah|i mean),? )*"
        r"(?:what (?:i'm|i am|we're|we are) (?:after|looking for|hoping for) is|what (?:i|we) (?:really )?want is|"
        r"(?:i|we) (?:just |really |only )?want to (?:know|see|be able|stop|get|have|make sure|never|spend)|"
        r"all (?:i|we) (?:really )?want is|(?:i|we)(?:'d| would) (?:really )?(?:love|like) to (?:be able|stop|get|"
        r"know|see|have|spend)|the dream is|in an ideal world)\b",
        re.IGNORECASE),
    "zh": re.compile(
        r"^(?:(?:那|就是|其实|反正|主要|说白了|还有就是|另外就是|然后)?[，,]?)"
        r"(?:我们?|咱们)?(?:就|只|最)?(?:就想|只想|就是想|想要的是|要的是|需要的是|最想要的是|希望的是|"
        r"最好是|最好能|最希望|盼着)"),
}
# ... unless what they want is a product: "what I'm after is a tool that ...", "要的是一个系统"
_WANTS_A_PRODUCT = {
    "en": re.compile(r"\b(?:is|want|need) (?:a|an|one|some) (?:\w+ )?(?:tool|system|app|platform|software|"
                     r"program|product|solution|something)\b", re.IGNORECASE),
    "zh": re.compile(r"(?:是|要|想|能)(?:有)?(?:一个|一套|个|套)?.{0,8}(?:系统|软件|工具|平台|小程序|app|APP|功能)"
                     r"(?:[，,。]|$)"),
}
# labels a sentence said as a want can be refiled from (an anxiety or a dismissal stays)
_REFILED_FROM = ("pull", "habit", "push", None)


def outcomes_framed_as_results(items: Sequence[Labelled], language: str) -> None:
    """Refiles as `outcome` the pull sentences framed as a result the customer wants, and any
    sentence said outright as the result they want (not a product they want)."""
    key = "zh" if language == "zh" else "en"
    for item in items:
        text = item.sentence.text.strip()
        if item.label in _REFILED_FROM and _SAYS_WHAT_THEY_WANT[key].search(text) \
                and not _WANTS_A_PRODUCT[key].search(text) and not _PRODUCT_SUBJECT[key].search(text):
            item.label = "outcome"
            item.scores["outcome"] = max(item.scores.get("outcome", 0.0), MIN_PROBABILITY)
            continue
        if item.label != "pull" or item.scores.get("outcome", 0.0) < MIN_OUTCOME:
            continue
        if _FRAMED_AS_RESULT[key].search(text) and not _PRODUCT_SUBJECT[key].search(text):
            item.label = "outcome"
