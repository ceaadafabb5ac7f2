"""One trade per Chinese compound: "水务设备经销商" is a water-equipment distributor, not the
water utilities and wholesale trades its parts name; "殡葬用品批发商" is one trade too.

When two or more gazetteer trades sit in one run of Chinese characters, a few characters apart
at most and with no separator between them (和、及、与、或、的、，), the run is reported in the note's
own words. A lone mention keeps its canonical entry.

In English a modifier before a trade's name makes a finer trade, named in the note's words:
"marine surveyors" are not surveyors in general, "craft breweries" are a kind of brewery. Words
that only size, place or introduce the trade ("independent", "the", "with", "serving") are no
modifiers.
"""

from __future__ import annotations

import re

from icp_coach.engines.offline.extraction.gazetteer import Gazetteer, Mention, regions
from icp_coach.engines.offline.extraction.segments import is_general_qualifier
from icp_coach.engines.offline.extraction.zh_factories import factories

_CJK_RUN = re.compile(r"[\u3400-\u9fff]{0,4}")
_SEPARATOR = re.compile(r"[和及与或跟、兼的等类]")
_MOST_BETWEEN = 4


def _joins(text: str, left: Mention, right: Mention) -> bool:
    between = text[left.end:right.start]
    return (_is_cjk(text[left.end - 1]) and _is_cjk(text[right.start])
            and len(between) <= _MOST_BETWEEN and bool(_CJK_RUN.fullmatch(between))
            and not _SEPARATOR.search(between) and left.canonical != right.canonical)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


_EMPTY_TAIL = re.compile(r"\s+(?:companies|company|businesses|business|firms|sector|industry|space)$",
                         re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?<![A-Za-z'-])([A-Za-z][a-z-]{2,})\s+$")
_NAMING = re.compile(r"so-?called|called|named|dubbed", re.IGNORECASE)
_NOT_A_MODIFIER = re.compile(
    r"(?:the|a|an|and|or|nor|but|with|for|to|at|from|by|of|on|in|into|than|as|such|like|unlike"
    r"|other|more|most|many|few|all|any|some|every|each|both|these|those|this|that|their|our"
    r"|your|its|his|her|my|we|they|you|it|not|no|also|only|just|even|are|is|was|were|be|been"
    r"|sell|sells|target|targets|serve|serves|work|works|include|includes|love|hate|want|need"
    r"|call|calls|ask|asks|about|via|per|plus|vs|versus|including|selling|serving|targeting"
    r"|through|across|among|around|over|under|between|within|without|after|before|during|near"
    r"|running|using|doing|making|having|getting|working|looking|going|chasing|pitching|calling"
    r"|talking|like|said|say|says|called|named|mostly|mainly|then|when|who|which|what|where|why"
    r"|how|own|same|different|similar|big|small|large|several|various|certain|specific|any"
    r"|\w+ly|\w+ed)", re.IGNORECASE)


_RELATIVE_BEFORE = re.compile(r"(?<![A-Za-z'-])(?:who|that|which|to)\s+$", re.IGNORECASE)


def _modified(text: str, mention: Mention) -> str | None:
    """ "marine surveyors": the note's words when a modifier stands before an English trade."""
    if not text[mention.start:mention.end].isascii():
        return None
    before = _WORD_BEFORE.search(text, 0, mention.start)
    if before is not None and _NAMING.fullmatch(before.group(1)):
        return text[mention.start:mention.end]  # "so-called X": the note's own term for it
    if before is not None and _RELATIVE_BEFORE.search(text, 0, before.start(1)):
        return None  # "firms who tour churches": the word after "who" is their verb
    if before is None or _NOT_A_MODIFIER.fullmatch(before.group(1)) \
            or is_general_qualifier(before.group(1)) or regions().find(before.group(1)):
        return None
    return _EMPTY_TAIL.sub("", text[before.start(1):mention.end])


# A business a Chinese trade name ends in ("电竞馆", "火锅店", "宠物医院"): the note names the
# business, not the trade's wider entry ("电竞", "餐饮", "兽医"). A factory stays its trade.
_ZH_BUSINESS = re.compile(r"(?:店|馆|院|房|厅|场|铺|坊|吧|中心)$")
# ... and so does one a word or two after it, joined with no separator ("汽车" in "汽车改装店"):
# the shop the note names does that work on that thing.
_ZH_BUSINESS_AFTER = re.compile(r"(?:(?![和及与或跟、兼的等类在是])[\u4e00-\u9fff]){0,3}?(?:店|馆|院|厅|铺|坊|吧)")
# Words for a shop of any kind ("餐饮门店" is the restaurants trade, not a finer one).
_ZH_PLAIN_SHOP = re.compile(r"(?:门|商|小|专卖|连锁|旗舰|实体|直营|加盟|分|线下|零售)店")
# ... and an English one ("family entertainment centers" are not amusement parks in general).
_EN_BUSINESS = re.compile(r"\s(?:cent(?:er|re)s?|clinics?|studios?|shops?|parks?|arenas?|halls?"
                          r"|salons?|labs?|stores?|parlou?rs?|rinks?|ranges?|lounges?|cafes?)$",
                          re.IGNORECASE)


def _business_named(text: str, mention: Mention, table: Gazetteer) -> str | None:
    """The note's words when they name a business the entry's name does not."""
    named = text[mention.start:mention.end]
    entry = table.entry(mention.canonical)
    if entry is None:
        return None
    if _is_cjk(named[-1]):
        shown = entry.zh or entry.en
        if _ZH_BUSINESS.search(named):
            return named if named != shown and not _ZH_BUSINESS.search(shown) else None
        after = _ZH_BUSINESS_AFTER.match(text, mention.end)
        if after is None or _ZH_PLAIN_SHOP.fullmatch(after.group()) or _ZH_BUSINESS.search(shown):
            return None
        return named + after.group()
    if _EN_BUSINESS.search(named) and _head(named) != _head(entry.en):
        return named
    return None


def _head(name: str) -> str:
    last = name.lower().split()[-1]
    return last[:-1] if last.endswith("s") else last


def _with_factories(text: str, mentions: list[Mention]) -> list[Mention]:
    """A factory named by a product the gazetteer does not know ("羽毛球拍厂") is that product's
    trade in the note's words, not the manufacturing its head noun names (`zh_factories.py`)."""
    for factory in factories(text):
        inside = [m for m in mentions if m.start < factory.end and m.end > factory.start]
        if any(m.start < factory.product_end for m in inside):
            continue  # "纸箱厂": the gazetteer names the product
        mentions = sorted([m for m in mentions if m not in inside]
                          + [Mention(factory.name, factory.start, factory.end)],
                          key=lambda m: m.start)
    return mentions


def trade_keys(text: str, table: Gazetteer) -> list[str]:
    """Trade keys a clause names, first mention order, each once: canonical entries, or the
    note's own words for a compound of several."""
    mentions = _with_factories(text, table.find(text))
    keys: list[str] = []
    run: list[Mention] = []
    for mention in [*mentions, None]:
        if mention is not None and run and _joins(text, run[-1], mention):
            run.append(mention)
            continue
        if run:
            keys.append(text[run[0].start:run[-1].end] if len(run) > 1
                        else _modified(text, run[0]) or _business_named(text, run[0], table)
                        or run[0].canonical)
        run = [mention] if mention is not None else []
    return list(dict.fromkeys(keys))
