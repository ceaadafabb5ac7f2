"""Sentences that sound like a force but carry none of the customer's own struggle or wish.

Four shapes a researcher would not file as push / pull / anxiety / habit, in any trade:
- someone else's trouble told as background and disowned in the same sentence: "Dave's van keeps
  breaking down, but that's his story really", "隔壁老板说他们经常丢衣服，那是他们的事";
- a what-if the customer turns down: "If it did payroll, maybe, but no, I'd never move that",
  "要是能直播也行，算了，我们搞不来";
- the interviewer's paraphrase echoed back and nothing else: "Yes, exactly, that's it", "对对对，没错";
- polite praise for the vendor's people or product, said to them as a courtesy: "You've all been so
  kind", "你们做得很好，谢谢你们".

The first two are what the customer did not value (a distractor); the last two are talk (no class).
"""

from __future__ import annotations

import re

_DISOWNED = {
    "en": re.compile(
        r"\b(?:(?:that's|that is|that was|it's|it was)(?: just| only| more| really)? (?:his|her|their|them|theirs|"
        r"somebody else's|someone else's)(?: own)? (?:story|problem|lookout|business|thing|issue|worry)|"
        r"(?:that's|that is|it's|that was|it was) (?:just |only )?(?:gossip|another story|a different story|"
        r"a separate thing|a different thing)|(?:their|his|her) problem,? not (?:mine|ours)|"
        r"(?:that|it) (?:was|is|had|has) (?:got )?nothing to do with (?:us|me|software|the software|the system|"
        r"the app|our (?:decision|choice|switch)))\b",
        re.IGNORECASE),
    "zh": re.compile(
        r"(?:那|这)(?:是|都是)(?:他|她|他们|她们|人家|别人)(?:家)?(?:的|自己的)(?:事|问题|情况)|"
        r"(?:跟|和|与)(?:我|我们|咱们)(?:家)?(?:没|没有|没什么|没啥)(?:什么|啥)?关系|不关(?:我|我们)(?:的)?事|"
        r"(?:那|这)(?:是|就是)另(?:一|外一)回事|两码事"),
}
# a capability the product might add, not a condition on it: "if it did payroll", "if there was
# live chat", "要是能直播" (whereas "if it means machine translation, no thanks" is a worry)
_WHAT_IF = {
    "en": re.compile(r"^\W*(?:(?:oh|well|hmm|so|and|i mean|i suppose|maybe)\W+)?(?:if|suppose|supposing|say|what if|even if)"
                     r" (?:it|they|the (?:app|system|software|tool)) (?:also |ever |could |would |did|had|handled|"
                     r"offered|ordered|let|ran|took|sent|came with|added)|^\W*(?:(?:oh|well|so|and)\W+)?"
                     r"(?:if|suppose|what if) there (?:was|were|is)\b", re.IGNORECASE),
    "zh": re.compile(r"^[^，,。]{0,4}(?:要是|如果|假如|真要)(?:系统|软件|它)?(?:还)?(?:能|可以|有|带)"),
}
_TURNED_DOWN = {
    "en": re.compile(r"\b(?:no thanks|but no(?=\s*[,.!;])|nah|i wouldn't (?:actually |really )?(?:use|need|bother with)|"
                     r"i'd (?:never (?:use|bother|move|take (?:it|that) off)|switch it off|turn it off|ignore it)|wouldn't (?:actually |really )?use (?:it|that|them)|"
                     r"not for us|don't need (?:it|that))\b", re.IGNORECASE),
    "zh": re.compile(r"(?:算了|没必要|用不上|用不着|搞不来|不需要|不考虑|不会用的|没想过|想都没想过)"),
}
_ECHO_WORDS_EN = frozenset(
    "yes yeah yep yup exactly right correct absolutely totally precisely sure spot on that's that it is what i "
    "said like you just mm mhm uh huh indeed quite so true".split())
_ECHO_ZH = re.compile(r"(?:是的|是啊|是|对的|对啊|对|没错|嗯|就是|这样|这个|意思|您|你|说的|说得|对|了|啊|呀|吧|的)")
_PRAISE_TO_THEM = {
    "en": re.compile(r"\b(?:you|your|you've|you're|you lot|you guys|you all)\b[^.?!]{0,40}\b(?:great|brilliant|"
                     r"lovely|kind|fab|fabulous|nice|good job|great job|helpful|amazing|wonderful|patient|"
                     r"fantastic|excellent)\b", re.IGNORECASE),
    "zh": re.compile(r"(?:你们|您们|你|您)[^。？！]{0,12}(?:好|不错|棒|耐心|辛苦|专业|热情|周到|用心|厉害|人真好)"),
}
_COURTESY = {
    "en": re.compile(r"\b(?:thank|thanks|cheers|lovely chatting|nice chatting|good to talk|pleasure)\b|"
                     r"^\W*(?:not really|no|nothing)\b[^.?!]{0,20},", re.IGNORECASE),
    "zh": re.compile(r"(?:谢谢|感谢|辛苦了|不客气|没什么了|没有了|就这些)"),
}
_OWN_STAKE = {
    "en": re.compile(r"\b(?:i|we|my|our|us|me|i'm|i've|we're|we've)\b", re.IGNORECASE),
    "zh": re.compile(r"我"),
}


def _key(language: str) -> str:
    return "zh" if language == "zh" else "en"


def disowns(text: str, language: str) -> bool:
    """Someone else's trouble told as background, then set apart from the speaker's own."""
    return bool(_DISOWNED[_key(language)].search(text))


def turns_down_a_what_if(text: str, language: str) -> bool:
    """A hypothetical feature or scene, waved off in the same sentence."""
    key = _key(language)
    return bool(_WHAT_IF[key].search(text) and _TURNED_DOWN[key].search(text))


def only_agrees(text: str, language: str) -> bool:
    """Nothing but agreement with what the interviewer just said."""
    if _key(language) == "zh":
        rest = _ECHO_ZH.sub("", text)
        return sum(ch.isalnum() for ch in rest) == 0
    words = re.findall(r"[a-z']+", text.lower())
    return bool(words) and all(word in _ECHO_WORDS_EN for word in words)


def courtesy_praise(text: str, turn_text: str, language: str) -> bool:
    """Praise for the vendor's people or product said as a courtesy (in a turn that thanks or
    closes), with nothing of the speaker's own situation in it."""
    key = _key(language)
    if not (_PRAISE_TO_THEM[key].search(text) and _COURTESY[key].search(turn_text)):
        return False
    without_thanks = re.sub(r"\bthank(?:s| you)?\b", "", text, flags=re.IGNORECASE)
    return not _OWN_STAKE[key].search(without_thanks)
