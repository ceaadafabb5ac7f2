"""A feature the customer mentions only to set it aside, within one sentence: never a force.

Two ways people do it, in any trade and in both languages:
- granted, then waved off: "The reports are nice I guess, but honestly that's not why we moved",
  "it's probably clever, but it had nothing to do with our decision", "报表功能有是有，不过我们基本
  不看", "看着还行，不过我们没怎么用";
- someone else's liking, not theirs: "My partner loves the dashboard, I never open it", "Our
  bookkeeper likes the export, I don't go near it myself", "我老婆挺喜欢那个看板，我自己从来不打开".

The head reads "nice", "loves", "很方便" and files a pull; the shape of the sentence says the
speaker did not value it. Only that shape counts: a praise then a dismissal *after* a contrast or
in the speaker's own clause. "The reports are nice and that's why we moved", "my partner found it
and I love the dashboard", "we bought a tool but the crew never used it" (no praise: the old way
failing, a push) are left alone.
"""

from __future__ import annotations

import re

# praise or a plain "it's there" for a feature
_GRANTED_EN = (r"\b(nice|fine|great|clever|slick|decent|good|handy|cool|neat|impressive|pretty|fancy|"
               r"lovely|brilliant|useful|smart|solid|excellent|not bad|okay|works|built in|included|comes with|there)\b")
_CONTRAST_EN = r"(?:,|\b)\s*(?:but|though|although|yet|except)\b"
# what the speaker then says of it: not the reason, not used by them, no matter
_WAVED_OFF_EN = (
    r"\b(?:not (?:why|what|the reason|a (?:factor|reason|deal)|something we)|(?:was|is)n't (?:why|what|the reason|"
    r"a factor|the point)|had nothing to do with|has nothing to do with|nothing to do with|wasn't a factor|"
    r"played no part|(?:couldn't|can't|could not|cannot) (?:tell you|remember|recall) the last time|(?:makes|made) no difference|(?:haven't|hasn't|have not) (?:really |actually |ever )?"
    r"(?:used|opened|touched|looked at)|"
    r"(?:does|did)n't (?:really )?matter|doesn't matter|couldn't care less|don't care|didn't care|"
    r"(?:mostly|basically|pretty much|just) ignore|never (?:really |even |once )?(?:use|used|open|opened|"
    r"touch|touched|look at|looked at|sent|send|bother)|(?:don't|didn't|do not|did not) (?:really |even |ever )?"
    r"(?:use|open|touch|bother with|look at|go near)|(?:none|nobody|no one) of (?:our|my|the) \w+ (?:has|have|"
    r"ever|even)|(?:has|have) never (?:asked|used|opened)|i've never \w+ (?:one|it))")
_SOMEONE_ELSE_EN = (
    r"^\W*(?:(?:and|but|so|oh|well)\W+)?(?:my|our|the|his|her) (?:[\w-]+ ){0,2}?[\w-]+"
    r"[^.;,]{0,25}?\b(?:loves?|likes?|raves?|adores?|swears by|(?:is|are) (?:really |very |quite )?"
    r"(?:into|keen on|fond of)|thinks? [^.;,]{0,30}\b(?:great|brilliant|lovely|handy|cool|amazing|useful|clever)|"
    r"says? (?:it's|it is)|was (?:sold on|excited about))")
_OWN_CLAUSE_EN = (r"[,;]\s*(?:but |though |whereas |while )?(?:i|me|personally|for me|myself|we|i've|i'm)\b"
                  r"[^.]*?" + _WAVED_OFF_EN + r"|\b(?:i|personally,? i)\b[^.,;]{0,20}" + _WAVED_OFF_EN)

_GRANTED_ZH = (r"(?:有是有|是有|挺好|不错|还行|还可以|还算可以|可以吧|好看|漂亮|花哨|厉害|方便|好用|能用|先进|很酷|实用|"
               r"也带了|都有)")
_CONTRAST_ZH = r"(?:不过|但是|但|可是|可|就是|只是)"
_WAVED_OFF_ZH = (r"(?:基本|几乎|从来|一次都|一单都|根本|平时|一般|压根)?(?:(?:不看|不打开|不用|不碰)(?=$|[，。,！；…]|的|它|这|那)|不怎么看|很少看|"
                 r"没看过|没用过|没怎么用|不怎么用|用不上|没发过|没签过|没点过|没开过|无所谓|没什么关系|没关系|"
                 r"不是因为这个|不是冲着这个|不是为了这个|没考虑|有没有都一样|不重要|不关心|不在乎|(?:一点)?关系都没有|"
                 r"没(?:有)?(?:什么|啥)关系|(?:一直|从来|根本)没(?:开|打开|用))")
_SOMEONE_ELSE_ZH = (r"(?:老婆|老公|爱人|媳妇|女儿|儿子|孩子|合伙人|会计|财务|店长|厨师长|老板|同事|员工|店员|"
                    r"前台|助理|师傅|院长|校长|经理|主管|领导|老师|医生|护士|司机|销售|设计师|家里人|朋友|他们|她|他)们?"
                    r"[^，。,]{0,6}(?:喜欢|夸|爱用|觉得[^，。,]{0,12}(?:好|方便|先进|漂亮|酷|实用|厉害)|"
                    r"说[^，。,]{0,12}(?:好|方便|先进|漂亮|酷|实用|厉害))")
_OWN_CLAUSE_ZH = r"(?:我|我们|我个人|我自己|对我来说)[^。]{0,12}?" + _WAVED_OFF_ZH

_GRANTED_THEN_WAVED_OFF = {
    "en": re.compile(_GRANTED_EN + r"[^.?!]{0,60}?(?P<tail>" + _CONTRAST_EN + r"[^.?!]{0,60}?" + _WAVED_OFF_EN
                     + r"[^.?!,;]*)", re.IGNORECASE),
    "zh": re.compile(_GRANTED_ZH + r"[^。？！]{0,12}?[，,、]?\s*" + _CONTRAST_ZH + r"[^。？！]{0,16}?" + _WAVED_OFF_ZH),
}
_SOMEONE_ELSE_NOT_ME = {
    "en": re.compile(_SOMEONE_ELSE_EN + r"[^.?!]*?(?P<tail>(?:" + _OWN_CLAUSE_EN + r")[^.?!,;]*)", re.IGNORECASE),
    "zh": re.compile(_SOMEONE_ELSE_ZH + r"[^。？！]*?[，,、]\s*(?:" + _CONTRAST_ZH + r")?\s*" + _OWN_CLAUSE_ZH),
}
# English names what it waves off ("I never open it", "that's not why"); "I never look at the
# phone now" is the new way working, not a feature set aside. Chinese drops the pronoun.
_POINTS_BACK_EN = re.compile(r"\b(it|its|it's|them|that|that's|this|one|those|either way)\b", re.IGNORECASE)


def sets_aside(text: str, language: str) -> bool:
    """The sentence grants a feature or names someone else who likes it, then says the speaker
    did not use it or it was not the reason: what the customer did not value."""
    if language == "zh":
        return bool(_GRANTED_THEN_WAVED_OFF["zh"].search(text) or _SOMEONE_ELSE_NOT_ME["zh"].search(text))
    return any(found is not None and _POINTS_BACK_EN.search(found.group("tail"))
               for found in (_GRANTED_THEN_WAVED_OFF["en"].search(text), _SOMEONE_ELSE_NOT_ME["en"].search(text)))
