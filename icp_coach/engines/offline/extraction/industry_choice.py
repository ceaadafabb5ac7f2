"""Which of the trades a note names are its target, as a person would write them.

A person names one or two trades, from what the note says the customer is. So, of the keys the
reading found (gazetteer entries or the note's own words):
- a key that is debris, not a trade (a number said in words, a stray quote, the note's own meta
  words: "segment", "workshop", "notes") is dropped;
- a top-level sector ("manufacturing", "entertainment", "制造业") is redundant once a finer trade
  is found on another line, unless the segment itself names it: the finer one says it;
- a trade whose name sits inside another's ("批发" in "殡葬用品批发商", "景区" in "景区运营") is the
  same trade said less precisely;
- when the note never states its target ("we sell to ...", a segment label), the trade it names
  first is the target, with any it names at least as often in other lines; a trade named once
  further down (a supplier, a customer's customer, a look-alike) is a mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from icp_coach.domain.language import Language
from icp_coach.engines.offline.extraction.gazetteer import Gazetteer
from icp_coach.engines.offline.extraction.trade_names import short_trade_name

# Words that are not trades: numbers said in words, the note's own vocabulary about itself.
_DEBRIS = re.compile(
    r"[\"“”„`]|(?<![A-Za-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen"
    r"|segment|segments|workshop|exported|export|notes?|draft|template|persona|icp|slide|board"
    r"|okr|objective)(?![A-Za-z])"
    r"|画像|纪要|会议|备注|模板|在范围内|范围",
    re.IGNORECASE)


@dataclass(frozen=True)
class FoundTrade:
    """A trade key (gazetteer entry or the note's own words), where the note names it (the
    unit's index) and whether a statement of the target names it."""

    key: str
    unit: int
    targeted: bool
    segment: bool = False  # read as an item of the segment's own phrase


def choose_trades(found: Sequence[FoundTrade], table: Gazetteer, language: Language) -> list[str]:
    """The target trades' display names, first mention order, each once."""
    found = [f for f in found if table.entry(f.key) is not None or not _DEBRIS.search(f.key)]
    targeted = [f for f in found if f.targeted]
    pool = targeted or found
    keep = set(table.finest(f.key for f in pool))
    keep -= _redundant_sectors(pool, keep, table)
    pool = [f for f in pool if f.key in keep]
    chosen = list(dict.fromkeys(f.key for f in pool)) if targeted else _most_named(pool, table)
    chosen = _one_per_entry(chosen, table)
    names = list(dict.fromkeys(short_trade_name(table.display(key, language)) for key in chosen))
    return [name for name in names if not any(_inside(name, other) for other in names)]


# A plain business noun after an entry's name: "茶饮店" is the 茶饮 entry's shop, "tattoo shops"
# the tattoo studios entry said another way.
_PLAIN_HEAD = re.compile(r"\s*(?:店|门店|馆|铺|shops?|stores?|studios?|parlou?rs?|businesses|companies|firms)?",
                         re.IGNORECASE)


def _one_per_entry(keys: list[str], table: Gazetteer) -> list[str]:
    """The same trade in two spellings is one item ("奶茶店，就是现制茶饮店"): of the keys in the
    note's words that only name one entry (its name and a plain business noun), the first is
    kept, and the entry's own key goes when the note's words for it are kept."""
    named: dict[str, str] = {}  # entry -> the first key in the note's words that names it
    for key in keys:
        entry = _entry_named(key, table)
        if entry is not None:
            named.setdefault(entry, key)
    return [key for key in keys if named.get(_entry_named(key, table) or key, key) == key]


def _entry_named(key: str, table: Gazetteer) -> str | None:
    """The one entry a key in the note's words names with only a plain business noun after
    it (None for an entry's own key or a finer trade: "specialty coffee roasters")."""
    if table.entry(key) is not None:
        return None
    found = table.find(key)
    if len(found) == 1 and found[0].start == 0 and _PLAIN_HEAD.fullmatch(key[found[0].end:]):
        return found[0].canonical
    return None


def _redundant_sectors(pool: Sequence[FoundTrade], keep: set[str], table: Gazetteer) -> set[str]:
    """Top-level sectors a finer trade on another line says better ("manufacturing" in one line
    and "bakeries" in the next name one trade), unless the segment itself names the sector
    ("Target: dental clinics", then "vet clinics too"). Two on one line are two targets
    ("Fintech and insurance", "连锁药店，其次口腔诊所")."""
    redundant = set()
    for sector in (key for key in keep if _is_sector(key, table)):
        if any(f.key == sector and f.segment for f in pool):
            continue
        lines = {f.unit for f in pool if f.key == sector}
        if any(f.key in keep and not _is_sector(f.key, table) and f.unit not in lines for f in pool):
            redundant.add(sector)
    return redundant


def _is_sector(key: str, table: Gazetteer) -> bool:
    return table.entry(key) is not None and table.parent_of(key) is None


def _inside(name: str, other: str) -> bool:
    """`name` said again, more precisely, by `other` ("批发" in "殡葬用品批发商")."""
    if name == other or len(name) >= len(other):
        return False
    if name.isascii():
        return re.search(r"(?<![a-z])" + re.escape(name.lower()) + r"(?![a-z])", other.lower()) is not None
    return name in other


def _most_named(found: Sequence[FoundTrade], table: Gazetteer) -> list[str]:
    """With no statement of the target: the trades of the first line naming any, and those named
    in as many lines (two at least)."""
    if not found:
        return []
    lines: dict[str, set[int]] = {}
    for f in found:
        lines.setdefault(f.key, set()).add(f.unit)
    first = [f.key for f in found if f.unit == found[0].unit]
    # "marine surveying for insurers and lenders": the trade in the note's own words is the
    # one the line is about; the plain entries beside it are what it deals with.
    own = [key for key in first if table.entry(key) is None]
    first = own or first
    bar = max(2, *(len(lines[key]) for key in first))
    return [key for key, units in lines.items() if key in first or len(units) >= bar]
