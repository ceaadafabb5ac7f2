"""List answers as separate, clean items: "The pains are A, B, and C" is three pain points, each
without the lead-in; "Red flags: under 10 a week, no finance team" is two red flags.

Each item keeps the evidence of the sentence it came from (the quote stays verbatim). An item is
split only where every part still reads as an item (three words, or four characters in Chinese),
so "billing and invoicing errors" stays one.
"""

from __future__ import annotations

import re

from icp_coach.domain.icp import BuyingSignal, PainPoint, RedFlag
from icp_coach.domain.patch import ICPPatch

_LEAD_IN = re.compile(
    r"^\s*(?:(?:and|also|plus)\s+)?(?:the\s+|our\s+|their\s+)?(?:(?:main|biggest|key|top|other|real)\s+)?"
    r"(?:pain(?:\s*points?)?s?|problems?|red\s+flags?|(?:buying\s+)?signals?|triggers?|warning\s+signs?)"
    r"\s*(?:(?:is|are|was|were|include|includes)\b\s*:?|:|：)\s*"
    r"|^\s*(?:最大的|主要的|主要|核心)?(?:痛点|问题|红旗|危险信号|信号|触发(?:因素|事件)?)\s*(?:是|有|包括|：|:)\s*",
    re.IGNORECASE)
_TRIGGER_LEAD = re.compile(
    r"^\s*(?:they|we|customers|buyers|most|usually|typically|often)\b[^.;,]*?"
    r"\b(?:start|begin|come)\s+(?:looking|searching|shopping|evaluating)\b[^.;,]*?"
    r"\b(?:right\s+|just\s+|shortly\s+)?(?:after|when|once|as soon as)\s+"
    r"|^\s*(?:通常|一般|往往)?(?:是)?在\s*", re.IGNORECASE)
_TRIGGER_TAIL_ZH = re.compile(r"(?:的时候|之后|以后|后)?(?:开始|就会)?(?:寻找|找|考虑|评估)(?:方案|产品|工具)?[。.]?$")
_SEPARATORS_EN = re.compile(r"\s*(?:;|,\s*(?:and|or)\s+|,\s+|\s+(?:and|or)\s+(?:when\s+|if\s+)?)\s*",
                            re.IGNORECASE)
_SEPARATORS_ZH = re.compile(r"\s*(?:[；;、，,]|(?:或者|或是|以及|还有)|(?:和|或)(?=[\u4e00-\u9fff]{4,}))\s*")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _reads_as_item(part: str) -> bool:
    if _CJK.search(part):
        return len(part) >= 3
    return len(re.findall(r"[\w'’-]+", part)) >= 2


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:，；：、")
    return re.sub(r"[.。!！]+$", "", text)


def split_items(text: str, *, trigger: bool = False) -> list[str]:
    """One answer's item text as clean separate items (the text itself when it is one item)."""
    body = _LEAD_IN.sub("", text, count=1)
    if trigger:
        body = _TRIGGER_LEAD.sub("", body, count=1)
        body = _TRIGGER_TAIL_ZH.sub("", body)
    separators = _SEPARATORS_ZH if _CJK.search(body) else _SEPARATORS_EN
    parts = [_tidy(part) for part in separators.split(body)]
    parts = [part for part in parts if part]
    if len(parts) > 1 and all(_reads_as_item(part) for part in parts):
        return list(dict.fromkeys(parts))
    cleaned = _tidy(body)
    return [cleaned] if cleaned else [_tidy(text)]


def clean_items(patch: ICPPatch) -> ICPPatch:
    """The patch with its pain points, buying signals and red flags split and tidied."""
    updates: dict[str, object] = {}
    for name in ("pain_points", "buying_signals", "red_flags"):
        items = getattr(patch, name)
        cleaned = []
        for item in items:
            for part in split_items(item.description, trigger=name == "buying_signals"):
                cleaned.append(item.model_copy(update={"description": part}, deep=True))
        if [i.description for i in cleaned] != [i.description for i in items]:
            updates[name] = cleaned
    return patch.model_copy(update=updates) if updates else patch


def with_turn_source(patch: ICPPatch, source: str) -> ICPPatch:
    """Quotes from an answer cite the interview turn they came from (their line is the line
    within that answer), so a quote points at a real place in the session's transcript."""
    updates: dict[str, object] = {}
    for name in ("pain_points", "buying_signals", "red_flags"):
        items = getattr(patch, name)
        if any(e.quote and not e.source for item in items for e in item.evidence):
            updates[name] = [item.model_copy(update={"evidence": [
                e.model_copy(update={"source": source}) if e.quote and not e.source else e
                for e in item.evidence]}) for item in items]
    return patch.model_copy(update=updates) if updates else patch


_CONFIRM_WORD = (r"(?:yes|yep|yeah|yup|correct|right|exactly|ok|okay|sure|fine|good|great|perfect|"
                 r"looks (?:good|right|fine|ok|okay|correct)(?: to me)?|sounds (?:good|right)|"
                 r"that'?s (?:right|correct|it|all)|all good|go on|go ahead|carry on|move on|next|done|"
                 r"confirm(?:ed)?|agreed|thanks|thank you|please|"
                 r"对|是的|是|没错|对的|好的|好|可以|没问题|确认|继续|行|嗯|同意|谢谢|就这样)")
_CONFIRMATION = re.compile(rf"^\s*{_CONFIRM_WORD}(?:[\s,，.!。！、;；]+{_CONFIRM_WORD})*[\s,，.!。！]*$",
                           re.IGNORECASE)


def is_confirmation(text: str) -> bool:
    """'yes', 'looks right', 'yes, that's right', '对，没错': the user agrees and adds nothing."""
    return bool(_CONFIRMATION.match(text))


_NAMES_LEAD = re.compile(r"^.*?\b(?:are|is|include|includes|:)\s+|^.*?(?:是|有|包括|：|:)\s*", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"\s*(?:,\s*(?:and\s+)?|;|\band\b|、|，|；|和|及|与)\s*", re.IGNORECASE)


def split_names(text: str) -> list[str]:
    """'Our three best accounts are A, B and C.' -> [A, B, C]."""
    body = _NAMES_LEAD.sub("", text.strip(), count=1) or text
    return [name for name in (_tidy(part) for part in _NAME_SEPARATORS.split(body)) if name]


_NAMED_ACCOUNTS = re.compile(
    r"\b(?:best|top|favou?rite|ideal|biggest)\s+(?:\w+\s+)?(?:accounts?|clients?|logos?)\s+(?:are|include|would be)\b"
    r"|\b(?:two|three|four|five|\d)\s+(?:best|top|biggest)\s+customers\s+(?:are|include)\b"
    r"|(?:最好|最佳|最大|最典型)的(?:[一二两三四五六七八九十\d]+个|几个)(?:客户|大客户)(?:是|有|包括)", re.IGNORECASE)
_PSYCHOGRAPHIC = re.compile(
    r"\b(?:values?|valued|prefers?|care(?:s)? (?:about|more)|like to|love to|risk[- ]averse|cautious|"
    r"conservative|early adopters?|try(?:ing)? new|open to new|move fast|slow to (?:change|decide)|"
    r"data[- ]driven|hands[- ]on)\b|重视|看重|在意|偏好|喜欢|愿意尝试|尝鲜|保守|谨慎|求稳|数据驱动", re.IGNORECASE)
_NOT_PSYCHOGRAPHIC = re.compile(r"\b(?:after|when|once|raised|hire[sd]?|lost|losing|struggl|pain|spend|spent)\b"
                                r"|之后|以后|开始找|痛点|花费|浪费|出错", re.IGNORECASE)


def reread_psychographics(patch: ICPPatch) -> ICPPatch:
    """How they decide and treat change ('they value speed', '愿意尝试新工具') read as a pain or
    a signal is psychographics: moved to values, in the user's words."""
    moved: list[str] = []
    updates: dict[str, object] = {}
    for name in ("pain_points", "buying_signals"):
        kept = []
        for item in getattr(patch, name):
            text = item.description
            if _PSYCHOGRAPHIC.search(text) and not _NOT_PSYCHOGRAPHIC.search(text):
                moved.append(text)
            else:
                kept.append(item)
        if len(kept) != len(getattr(patch, name)):
            updates[name] = kept
    if not moved:
        return patch
    updates["values"] = [*patch.values, *moved]
    return patch.model_copy(update=updates)


def answer_to_question(patch: ICPPatch, text: str, asked: str) -> ICPPatch:
    """The answer to a question about a field no extraction rule reads (the best accounts, the
    jobs to be done, how they decide, what the profile was checked against) fills that field;
    the sentences it holds are not also read as pains or signals."""
    readers = {
        "best_accounts": ("best_accounts", split_names),
        "jobs_to_be_done": ("jobs_to_be_done", split_items),
        "psychographics": ("values", split_items),
        "validation_evidence": ("validation_evidence", lambda t: [_tidy(t)]),
    }
    profile = (patch.industries or patch.regions or patch.employees is not None
               or patch.annual_revenue_usd is not None)
    if (asked not in readers and _NAMED_ACCOUNTS.search(text) and not patch.best_accounts
            and not profile):
        names = split_names(text)  # "our best accounts are A, B and C", said unasked
        return patch.model_copy(update={"best_accounts": names}) if names else patch
    if asked in ("buying_signals", "pain_points", "red_flags") and patch.is_empty():
        # nothing in the answer was placed, yet it answers the question asked: keep it there
        parts = split_items(text, trigger=asked == "buying_signals")
        kind = {"pain_points": PainPoint, "buying_signals": BuyingSignal, "red_flags": RedFlag}[asked]
        return patch.model_copy(update={asked: [kind(description=p) for p in parts if p]})
    if asked not in readers:
        return patch
    name, read = readers[asked]
    items_only = patch.model_copy(update={"pain_points": [], "buying_signals": [], "red_flags": []})
    if getattr(patch, name) or not items_only.is_empty():
        return patch  # the answer said something the extractor could place: it is not this
    values = [v for v in read(text) if v]
    if not values:
        return patch
    return patch.model_copy(update={name: values, "pain_points": [], "buying_signals": [],
                                    "red_flags": []})
