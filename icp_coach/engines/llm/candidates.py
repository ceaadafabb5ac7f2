"""What the model is asked for (words picked out of the notes), and how code checks those words
against the notes and turns them into an ICPPatch.

Every list item must occur in the notes (ignoring case, spaces and punctuation); longer phrases
(pain points, signals, red flags) may differ slightly, but most of their characters must be found
in the notes. Whatever fails the check is dropped and counted, never shown as the user's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field

from icp_coach.domain.icp import (
    BuyingSignal,
    DecisionMaker,
    Evidence,
    NumberRange,
    PainPoint,
    RedFlag,
)
from icp_coach.domain.patch import ICPPatch
from icp_coach.text.numbers import parse_count_range, parse_money_range_usd

_MAX_ITEMS = 10


def _items() -> Any:
    return Field(default_factory=list, max_length=_MAX_ITEMS)


class ICPCandidates(BaseModel):
    """The model's picks. Small on purpose: a 0.5B model fills a short flat schema reliably."""

    industries: list[str] = _items()
    company_size_text: str = Field(default="", max_length=200)
    revenue_text: str = Field(default="", max_length=200)
    regions: list[str] = _items()
    tech_stack: list[str] = _items()
    pain_points: list[str] = _items()
    buying_signals: list[str] = _items()
    champion_titles: list[str] = _items()
    economic_buyer_titles: list[str] = _items()
    red_flags: list[str] = _items()


LIST_FIELDS = ("industries", "regions", "tech_stack", "pain_points", "buying_signals",
               "champion_titles", "economic_buyer_titles", "red_flags")
_PHRASE_FIELDS = {"pain_points", "buying_signals", "red_flags"}
_FUZZY_SHARE = 0.8
_IGNORED = re.compile(r"[\s\-_/·,.:;!?'\"“”‘’()（）\[\]，。、：；！？《》「」]+")


def match_key(text: str) -> str:
    """Lower case, without spaces and punctuation: "用友 U8" and "用友u8" compare equal."""
    return _IGNORED.sub("", text.lower())


def _bigrams(key: str) -> set[str]:
    return {key[i:i + 2] for i in range(len(key) - 1)} or ({key} if key else set())


@dataclass
class NotesIndex:
    """The notes, prepared once for checking many candidates."""

    text: str
    key: str = ""
    bigrams: set[str] = field(default_factory=set)
    lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.key = match_key(self.text)
        self.bigrams = _bigrams(self.key)
        self.lines = self.text.splitlines()

    def contains(self, candidate: str) -> bool:
        key = match_key(candidate)
        return bool(key) and key in self.key

    def mostly_contains(self, candidate: str) -> bool:
        grams = _bigrams(match_key(candidate))
        return bool(grams) and len(grams & self.bigrams) / len(grams) >= _FUZZY_SHARE

    def line_of(self, quote: str) -> int | None:
        """1-based line of a verbatim quote, for evidence."""
        for number, line in enumerate(self.lines, start=1):
            if quote in line:
                return number
        return None


@dataclass
class CheckedCandidates:
    lists: dict[str, list[str]]
    employees: NumberRange | None
    revenue: NumberRange | None
    dropped: list[str]
    notes: list[str]


_NAME_FIELDS = {"industries", "regions", "tech_stack", "champion_titles", "economic_buyer_titles"}
# "Salesforce or HubSpot", "用友 U8 / 用友 NC", "创始人或 CEO": one candidate naming several things.
_ENUMERATION = re.compile(r"\s*(?:、|，|,|;|；|/|\bor\b|\band\b|或者|或|以及|及|和)\s*", re.IGNORECASE)
_FILLER = re.compile(r"^(?:(?:sometimes|usually|often|mostly|mainly|also|maybe|the|a|an)\s+)+"
                     r"|^(?:有的是|有的|有时|一般是|一般|基本是|基本|主要是|主要|通常是|通常|也)"
                     r"|\s+(?:too|also|as well|etc\.?)$|(?:等等|等)$",
                     re.IGNORECASE)


def _clean(item: str) -> str:
    return item.strip().strip("-*•·\"'“”‘’ ").strip()


def _pieces(name: str, raw: str) -> list[str]:
    """Code-side tidying of one candidate: names are split at enumerations and lose filler
    words ("sometimes the head nurse" -> "head nurse"); phrases stay whole."""
    item = _clean(raw)
    if name not in _NAME_FIELDS:
        return [item]
    parts = [_FILLER.sub("", _clean(part)).strip() for part in _ENUMERATION.split(item)]
    # "10 to 80 staff" filed under industries: a range of numbers is never a name.
    return [part for part in parts if parse_count_range(part) is None]


def check_candidates(found: ICPCandidates, notes: NotesIndex, *,
                     cny_per_usd: float) -> CheckedCandidates:
    """Keep what the notes support; parse the numbers from the spans with code."""
    lists: dict[str, list[str]] = {}
    dropped: list[str] = []
    claimed: set[str] = set()  # an item proposed for two fields stays in the first one only
    for name in LIST_FIELDS:
        kept: list[str] = []
        for raw in getattr(found, name):
            for item in _pieces(name, raw):
                key = match_key(item)
                if not key or key in claimed:
                    continue
                supported = notes.contains(item) or (
                    name in _PHRASE_FIELDS and notes.mostly_contains(item))
                if supported:
                    kept.append(item)
                    claimed.add(key)
                else:
                    dropped.append(f"{name}: {item}")
        lists[name] = kept
    extra_notes: list[str] = []
    employees = revenue = None
    if found.company_size_text and notes.mostly_contains(found.company_size_text):
        parsed = parse_count_range(found.company_size_text)
        if parsed:
            employees = NumberRange(min=parsed.min, max=parsed.max)
    if found.revenue_text and notes.mostly_contains(found.revenue_text):
        money = parse_money_range_usd(found.revenue_text, cny_per_usd=cny_per_usd)
        if money:
            revenue = NumberRange(min=money.min, max=money.max)
            if money.note:
                extra_notes.append(money.note)
    return CheckedCandidates(lists=lists, employees=employees, revenue=revenue,
                             dropped=dropped, notes=extra_notes)


def _evidence(quote: str, notes: NotesIndex) -> list[Evidence]:
    line = notes.line_of(quote)
    if line is None:
        return []
    return [Evidence(quote=quote, line=line, kind="quote", verified=True)]  # source: the caller's file


def candidates_to_patch(checked: CheckedCandidates, notes: NotesIndex) -> ICPPatch:
    lists = checked.lists
    roles: tuple[tuple[Literal["champion", "economic_buyer"], str], ...] = (
        ("champion", "champion_titles"), ("economic_buyer", "economic_buyer_titles"))
    makers = [DecisionMaker(role=role, titles=lists[name]) for role, name in roles if lists[name]]
    return ICPPatch(
        industries=lists["industries"],
        regions=lists["regions"],
        tech_stack=lists["tech_stack"],
        employees=checked.employees,
        annual_revenue_usd=checked.revenue,
        pain_points=[PainPoint(description=item, evidence=_evidence(item, notes))
                     for item in lists["pain_points"]],
        buying_signals=[BuyingSignal(description=item, evidence=_evidence(item, notes))
                        for item in lists["buying_signals"]],
        red_flags=[RedFlag(description=item, evidence=_evidence(item, notes))
                   for item in lists["red_flags"]],
        decision_makers=makers,
    )
