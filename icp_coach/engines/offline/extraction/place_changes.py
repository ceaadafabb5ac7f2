"""How a note changes its mind about places: deferred, dropped, narrowed, added back.

A person reads a note top to bottom and the later word wins: "Texas, Arizona, Nevada" then
"correction: Nevada is out" leaves two states; "成都、重庆" then "更正一下，先只做成都" leaves one;
a changelog's "removed Georgia" takes Georgia off, its "added Pennsylvania" puts Pennsylvania
on. A place said to come later ("Florida later", "the Pacific Northwest comes in 2027",
"西安下半年再看", "山西明年") is not a region of today's profile either. A place a line rules
out by naming what lies outside it ("nothing outside the US", "non-US firms: skip",
"省外的不做") is the region, not a line not to cross.

Pure functions over clause texts; the extractor decides which clauses are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

# Said to come later: not part of the profile now.
DEFERRED = re.compile(
    r"(?<![A-Za-z])(?:later(?!-)|next\s+(?:year|quarter|phase|season|spring|summer|fall|autumn|winter|fy)"
    r"|(?:comes?|coming|starting|from|not\s+(?:until|before))\s+(?:in\s+)?(?:20\d\d|q[1-4]|h[12])"
    r"|(?:phase|wave|stage)\s+(?:2|3|two|three|ii)"
    r"|down\s+the\s+road|eventually|someday|some\s+day|parked|on\s+hold|on\s+ice|back\s+burner"
    r"|shelved|paused|hold(?:ing)?\s+off"
    r"|not\s+(?:yet|now|for\s+now|this\s+(?:year|plan|quarter|round|cycle|half|season))"
    r"|for\s+later|comes?\s+next|coming\s+next|wait(?:s|ing)?\s+(?:until|till|for)"
    r"|revisit(?:ed|ing)?|re-?(?:evaluate|assess)\w*|not\s+a\s+no)(?![A-Za-z-])"
    r"|明年|后年|下半年|下个?季度|以后再|之后再|再说|再看|再议|再谈|放着|放一放|先放|暂缓|暂不|先不|二期|三期"
    r"|下一期|下一阶段|后面再|等[^，。；,;]{1,12}再|还没到|晚点|搁置|缓一缓|往后放|先停|先搁|暂停|再评估|不是不做",
    re.IGNORECASE)
# Taken off the list: a correction, a changelog edit, a verdict.
DROPPED = re.compile(
    r"(?<![A-Za-z])(?:scratch(?:ed)?|drop(?:ped|s)?|remov(?:e|ed|es|ing)|delet(?:e|ed)|strike"
    r"|struck|cross(?:ed)?\s+off|take\s+out|took\s+out|taken\s+out|(?:is|are|was|were)\s+out"
    r"|out\s+for\s+now|no\s+longer|not\s+any\s?more|pull(?:ed|ing)?\s+out|exit(?:ed|ing)"
    r"|gave\s+up\s+on|give\s+up\s+on|forget|(?:is|are|was|were)\s+off|off\s+the\s+(?:list|plan|map)"
    r"|stays?\s+(?:out|off)|stayed\s+(?:out|off)|kept\s+out|keep\s+(?:it\s+|them\s+)?out"
    r"|le(?:ft|ave)\s+(?:it\s+|them\s+)?out|killed)(?![A-Za-z])"
    r"|删掉|删除|删去|去掉|拿掉|划掉|撤了|撤出|退出|不做了|不再做|不再|取消|放弃|砍掉|不列入|不加|驳回",
    re.IGNORECASE)
# Put (back) on the list.
ADDED = re.compile(
    r"(?<![A-Za-z])(?:add(?:ed|s|ing)?|includ(?:e|ed|es|ing)|now\s+also|back\s+in|reinstat\w*"
    r"|expand(?:ed|ing)?\s+(?:to|into)|opened\s+up|open(?:ing)?\s+up)(?![A-Za-z])"
    r"|加上|增加|补充|新增|加入|也做|可以试|恢复|放开",
    re.IGNORECASE)
# Narrowed to what the clause names: "TX + AZ only", "先只做成都", "just Ohio now".
ONLY = re.compile(r"(?<![A-Za-z])(?:only|solely|exclusively|just)(?![A-Za-z])|只做|只在|只有|只|仅限|仅",
                  re.IGNORECASE)
# A restatement that corrects what came before: "correction", "actually", "更正", "改成".
CORRECTION = re.compile(r"(?<![A-Za-z])(?:correction|corrected|actually|update[d]?|instead|revised?"
                        r"|scratch\s+that|change\s+of\s+plan|changed?\s+(?:our|my)\s+mind)(?![A-Za-z])"
                        r"|更正|修正|纠正|改一下|改成|改为|改到|其实|调整为|调整成",
                        re.IGNORECASE)
# The place named is the one kept: what lies outside it is ruled out.
OUTSIDE = re.compile(
    r"(?<![A-Za-z])(?:outside(?:\s+of)?(?:\s+the)?|non-|beyond(?:\s+the)?|ex-)\s*$"
    r"|(?<![A-Za-z])anywhere\s+(?:but|except|other\s+than)(?:\s+the)?\s*$",
    re.IGNORECASE)
OUTSIDE_ZH = re.compile(r"^\s*(?:以外|之外|外)(?:的|地区|区域|省份|城市)")

# Places said to be counted as the region around them ("Houston and Dallas are all Texas, count
# them once", "广州、深圳都算广东", "武汉、长沙都在里面，按省记"): the finer places fold into it.
FOLDS = re.compile(
    r"(?<![A-Za-z])(?:counts?\s+(?:as|once|them\s+once|under)|counted\s+(?:as|once|under)"
    r"|(?:all\s+)?count\s+as|one\s+entry|(?:are|is)\s+(?:all\s+)?(?:inside|within|part\s+of)"
    r"|inside\s+(?:them|it)|belongs?\s+to|no\s+need\s+to\s+list|don'?t\s+list\s+them"
    r"|(?:are|is)\s+all|(?:are|is)\s+(?:all\s+)?(?-i:(?:the\s+)?[A-Z][a-z]+\b(?!\s+(?:is|are)\b)))(?![A-Za-z])"
    r"|都算|算作|算在|属于|归入|都归|归|都在(?:里面|这|其中|[^，。；,;]{0,8}?里)|在里面|按省|按州|记一次|不要分开|不用分开|不单列|不用单列|不必单列",
    re.IGNORECASE)
# A clause that goes on about the places before it: "Belgium is on last year's slide; it was
# dropped in the spring".
_FOLLOW_UP = re.compile(r"^\s*(?:but\s+|and\s+)?(?:it|they|that|this|these|those|which|both)(?![A-Za-z])"
                        r"|^\s*(?:但|不过)?(?:它|它们|这|那|这个|那个|这些|都|今年|这次|本期|这期|目前|暂时|暂且)",
                        re.IGNORECASE)

Change = Literal["keep", "drop", "only"]


def folds(clause: str) -> bool:
    """The clause says its finer places count as the region around them."""
    return bool(FOLDS.search(clause))


def folded_places(folds_named: Iterable[Sequence[str]], kept: Sequence[str],
                  gazetteer: Any) -> set[str]:
    """The finer places that fold clauses count as a region around them: one whose wider place
    the same clause names ("广州、深圳都算广东"), or, where the clause names none ("武汉、长沙都在
    里面"), one whose wider place (not a top-level bucket) is kept."""
    inside: set[str] = set()
    for named in folds_named:
        for key in named:
            wider = gazetteer.ancestors(key)
            if any(a in named for a in wider) or any(
                    a in kept and gazetteer.parent_of(a) is not None for a in wider):
                inside.add(key)
    return inside


_PARENTHESIS = re.compile(r"[（(]([^（）()]{1,80})[）)]")


def parenthesised_places(text: str, find: Callable[[str], list[tuple[int, int, str]]],
                         gazetteer: Any) -> list[tuple[str, ...]]:
    """A place with the places inside it in brackets ("浙江（杭州、宁波）", "California (Napa,
    Sonoma)"): the bracketed places are that region, named once."""
    places = find(text)
    groups: list[tuple[str, ...]] = []
    for bracket in _PARENTHESIS.finditer(text):
        before = [p for p in places if p[1] <= bracket.start() and bracket.start() - p[1] <= 1]
        inside = [p for p in places if bracket.start() < p[0] and p[1] < bracket.end()]
        if before and inside and all(before[-1][2] in gazetteer.ancestors(p[2]) for p in inside):
            groups.append((before[-1][2], *(p[2] for p in inside)))
    return groups


def goes_on_to_drop(clause: str) -> bool:
    """A follow-up clause ("it was dropped in the spring") that takes the places before it off."""
    return bool(_FOLLOW_UP.match(clause)) and (drops(clause) or defers(clause))



@dataclass(frozen=True)
class PlaceEvent:
    """One clause's word on some places, in note order."""

    change: Change
    keys: tuple[str, ...]
    clause: str = ""


def defers(clause: str) -> bool:
    return bool(DEFERRED.search(clause))


def drops(clause: str) -> bool:
    return bool(DROPPED.search(clause)) and not ADDED.search(_before_first(DROPPED, clause))


def adds(clause: str) -> bool:
    return bool(ADDED.search(clause)) and not drops(clause) and not defers(clause)


def narrows(clause: str) -> bool:
    return bool(ONLY.search(clause))


def kept_by_outside(clause: str, start: int, end: int) -> bool:
    """The place at clause[start:end] is what "outside"/"non-"/"以外" keeps."""
    return bool(OUTSIDE.search(clause[:start]) or OUTSIDE_ZH.match(clause[end:]))


def _before_first(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.search(text)
    return text[:found.start()] if found else text


def fold(events: Iterable[PlaceEvent], parent_of: Callable[[str], str | None] = lambda _: None
         ) -> tuple[list[str], list[PlaceEvent]]:
    """The places left after reading the events in order, and the events that took places off
    (deferred or dropped) for places that stayed off.

    A "drop" takes its places off until a later "keep" puts them back; an "only" (a
    correction that restates the list) narrows it to its places and the places inside them,
    when they are all on it already and something else is."""
    kept: list[str] = []
    dropped: dict[str, PlaceEvent] = {}
    for event in events:
        if event.change == "keep":
            for key in event.keys:
                if key not in kept:
                    kept.append(key)
                dropped.pop(key, None)
        elif event.change == "drop":
            for key in event.keys:
                if key in kept:
                    kept.remove(key)
                dropped.setdefault(key, event)
        elif event.change == "only":
            named = [key for key in event.keys if key in kept]
            if not named or len(named) != len(set(event.keys)) or len(kept) <= len(named):
                continue
            inside = [key for key in kept if _within(key, set(named), parent_of)]
            for key in kept:
                if key not in inside:
                    dropped.setdefault(key, event)
            kept = inside
    return kept, list(dict.fromkeys(dropped.values()))


def _within(key: str, named: set[str], parent_of: Callable[[str], str | None]) -> bool:
    seen: set[str] = set()
    current: str | None = key
    while current is not None and current not in seen:
        if current in named:
            return True
        seen.add(current)
        current = parent_of(current)
    return False


def place_change(clause: str, ruled_out: bool, line: str = "") -> Change | None:
    """What a clause naming places does to them, or None when it only mentions them. `line`:
    the clause's whole line, where a correction word often sits ("Correction: Ohio only")."""
    if drops(clause) or defers(clause):
        return "drop"
    if ruled_out:
        return "drop"
    if adds(clause):
        return "keep"
    if narrows(clause) and CORRECTION.search(line or clause):
        return "only"
    return None


def names_in(keys: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))
