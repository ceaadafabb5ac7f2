"""Finding canonical values (industries, regions, tools) in English and Chinese text.

Every synonym compiles into one alternation, longest first, so "用友 U8" wins over "用友" and
"stripe billing" over "stripe". English synonyms must sit on word boundaries; Chinese ones match
anywhere. A synonym written "=US" is matched case-sensitively, so "us" the pronoun is not a region; a
canonical value listed that way among its own synonyms ("=Close") is matched only as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from icp_coach.engines.offline.extraction.lexicons import load_data


@dataclass(frozen=True)
class Mention:
    canonical: str
    start: int
    end: int
    category: str = ""


def _key(text: str) -> str:
    return re.sub(r"[\s\-_]+", "", text.lower())


def _term_regex(term: str) -> str:
    pieces = [re.escape(piece) for piece in re.split(r"[\s\-_]+", term.strip()) if piece]
    body = r"[\s\-_]*".join(pieces)
    if term[:1].isascii() and term[:1].isalnum():
        body = r"(?<![A-Za-z0-9])" + body
    if term[-1:].isascii() and term[-1:].isalnum():
        body += r"(?![A-Za-z0-9])"
    return body


class Gazetteer:
    """Canonical value -> synonyms; `find` returns non-overlapping mentions in text order."""

    def __init__(self, entries: dict[str, list[str]], categories: dict[str, str] | None = None):
        self._canonical: dict[str, str] = {}
        self._categories = categories or {}
        folded: list[str] = []
        exact: list[str] = []
        for canonical, synonyms in entries.items():
            # "=Close" among Close's own synonyms: the name is matched only as written, so
            # "month-end close" is not the Close CRM.
            names = [str(s) for s in synonyms]
            own = [] if f"={canonical}" in names else [canonical]
            for synonym in [*own, *names]:
                term = str(synonym)
                if term.startswith("="):
                    exact.append(term[1:])
                    self._canonical["=" + term[1:]] = canonical
                else:
                    folded.append(term)
                    self._canonical[_key(term)] = canonical
        self._folded = self._compile(folded, re.IGNORECASE)
        self._exact = self._compile(exact, 0)

    @staticmethod
    def _compile(terms: list[str], flags: int) -> re.Pattern[str] | None:
        if not terms:
            return None
        ordered = sorted(set(terms), key=len, reverse=True)
        return re.compile("|".join(_term_regex(term) for term in ordered), flags)

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        if self._folded is not None:
            for match in self._folded.finditer(text):
                canonical = self._canonical.get(_key(match.group()))
                if canonical:
                    found.append(Mention(canonical, match.start(), match.end(),
                                         self._categories.get(canonical, "")))
        if self._exact is not None:
            for match in self._exact.finditer(text):
                canonical = self._canonical.get("=" + match.group())
                if canonical:
                    found.append(Mention(canonical, match.start(), match.end(),
                                         self._categories.get(canonical, "")))
        # Longest first, then drop anything overlapping a kept mention.
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        kept: list[Mention] = []
        for mention in found:
            if all(mention.end <= k.start or mention.start >= k.end for k in kept):
                kept.append(mention)
        return sorted(kept, key=lambda m: m.start)

    def values(self, text: str) -> list[str]:
        """Canonical values found, first mention order, without duplicates."""
        seen: list[str] = []
        for mention in self.find(text):
            if mention.canonical not in seen:
                seen.append(mention.canonical)
        return seen


@lru_cache(maxsize=1)
def industries() -> Gazetteer:
    return Gazetteer(load_data("industries.yaml"))


@lru_cache(maxsize=1)
def regions() -> Gazetteer:
    return Gazetteer(load_data("regions.yaml"))


@lru_cache(maxsize=1)
def tools() -> Gazetteer:
    entries: dict[str, list[str]] = {}
    categories: dict[str, str] = {}
    for category, items in load_data("tools.yaml").items():
        for canonical, synonyms in items.items():
            entries[canonical] = list(synonyms)
            categories[canonical] = category
    return Gazetteer(entries, categories)
