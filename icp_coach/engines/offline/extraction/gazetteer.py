"""Finding canonical values (industries, regions, tools) in English and Chinese text.

Industries and regions are trees (`taxonomy.py`): "Texas" sits under the United States, under
North America; "pest control" under field services. A mention is the finest entry the text names;
`macro` gives the bucket it belongs to, `display` its name in the note's language, and `finest`
drops a place named twice at two grains ("Texas, North America" is Texas).

Every synonym compiles into one alternation, longest first, so "用友 U8" wins over "用友" and
"stripe billing" over "stripe". English synonyms must sit on word boundaries; Chinese ones match
anywhere. A synonym written "=US" is matched case-sensitively, so "us" the pronoun is not a region; a
canonical value listed that way among its own synonyms ("=Close") is matched only as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from icp_coach.domain.language import Language
from icp_coach.engines.offline.extraction.lexicons import load_data
from icp_coach.engines.offline.extraction.taxonomy import Entry, load_entries


@dataclass(frozen=True)
class Mention:
    canonical: str
    start: int
    end: int
    category: str = ""


def _key(text: str) -> str:
    return re.sub(r"[\s\-_]+", "", text.lower())


_SEP = "\x00"  # on a node: a run of spaces, hyphens or underscores may come before the next letter
_END = ""  # on a node: a term ends here
_WORD = "A-Za-z0-9"


def _is_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _trie_regex(terms: list[str], *, fold: bool) -> str:
    """One regex for many terms, factored by shared prefixes: a few hundred places or trades
    are tried letter by letter instead of one alternative at a time. The trie is built on the
    letters alone (a node only notes that a separator may follow it), so every branch is one
    letter and the longest term at a position wins, as with longest-first alternation. English
    terms sit on word boundaries (a lookbehind before the first letter, a lookahead after the
    last); Chinese ones match anywhere."""
    trie: dict[str, dict] = {}
    for term in terms:
        node = trie
        pieces = [piece for piece in re.split(r"[\s\-_]+", term.strip()) if piece]
        for index, piece in enumerate(pieces):
            if index:
                node[_SEP] = {}
            for char in piece.lower() if fold else piece:
                node = node.setdefault(char, {})
        node[_END] = {}

    def render(node: dict[str, dict], last: str) -> str:
        letters = [re.escape(char) + render(child, char)
                   for char, child in node.items() if char not in (_SEP, _END)]
        branches = []
        if letters:
            body = letters[0] if len(letters) == 1 else "(?:" + "|".join(letters) + ")"
            branches.append((r"[\s\-_]*" if _SEP in node else "") + body)
        if _END in node:
            branches.append(f"(?![{_WORD}])" if _is_word(last) else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    word_start = {t: c for t, c in trie.items() if _is_word(t)}
    other_start = {t: c for t, c in trie.items() if not _is_word(t)}
    parts = []
    if word_start:
        parts.append(f"(?<![{_WORD}])" + render(word_start, ""))
    if other_start:
        parts.append(render(other_start, ""))
    return "|".join(parts)


class Gazetteer:
    """Canonical value -> synonyms; `find` returns non-overlapping mentions in text order."""

    def __init__(self, entries: dict[str, list[str]], categories: dict[str, str] | None = None,
                 tree: Iterable[Entry] = ()):
        self._tree: dict[str, Entry] = {entry.key: entry for entry in tree}
        self._canonical: dict[str, str] = {}
        self._categories = categories or {}
        folded: list[str] = []
        exact: list[str] = []
        for canonical, synonyms in entries.items():
            # "=Close" among Close's own synonyms: the name is matched only as written, so
            # "month-end close" is not the Close CRM.
            names = [str(s) for s in synonyms]
            # A tree entry lists its own names (taxonomy.py decides which are safe to match).
            own = [] if f"={canonical}" in names or self._tree else [canonical]
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
        return re.compile(_trie_regex(sorted(set(terms)), fold=bool(flags & re.IGNORECASE)),
                          flags)

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
        """Canonical values found (the finest entry each mention names), first mention order,
        without duplicates."""
        seen: list[str] = []
        for mention in self.find(text):
            if mention.canonical not in seen:
                seen.append(mention.canonical)
        return seen

    # --- the tree (industries and regions) ---------------------------------------------------
    @classmethod
    def from_tree(cls, entries: Iterable[Entry], *, inflect: bool = False) -> Gazetteer:
        """`inflect`: an English name of several words is also found with its last word in the
        other number ("dance studio" for "dance studios", "tyre dealer" for "tyre dealers"),
        unless another entry claims that spelling."""
        entries = list(entries)
        synonyms = {e.key: [*e.synonyms] for e in entries}
        if inflect:
            claimed = {_key(s) for names in synonyms.values() for s in names}
            for names in synonyms.values():
                for name in list(names):
                    for variant in _other_number(name):
                        if _key(variant) not in claimed:
                            claimed.add(_key(variant))
                            names.append(variant)
        return cls(synonyms, tree=entries)

    def entry(self, key: str) -> Entry | None:
        return self._tree.get(key)

    def parent_of(self, key: str) -> str | None:
        """The entry one grain wider ("texas" -> "united states"), None at the top."""
        entry = self._tree.get(key)
        return entry.parent if entry else None

    def ancestors(self, key: str) -> list[str]:
        """Every wider entry, nearest first ("texas" -> united states, north america)."""
        found: list[str] = []
        node = self.parent_of(key)
        while node is not None and node not in found:
            found.append(node)
            node = self.parent_of(node)
        return found

    def macro(self, key: str) -> str:
        """The top-level bucket an entry belongs to ("pest control" -> "field services"): what
        callers that group, filter or count by broad sector or macro-region want."""
        chain = self.ancestors(key)
        return chain[-1] if chain else key

    def buckets(self, text: str) -> list[str]:
        """The top-level buckets the text names, first mention order, without duplicates."""
        return list(dict.fromkeys(self.macro(value) for value in self.values(text)))

    def display(self, key: str, language: Language = "en") -> str:
        """The entry's name for a reader of `language` ("jiangsu" -> 江苏 in Chinese)."""
        entry = self._tree.get(key)
        if entry is None:
            return key
        return (entry.zh or entry.en) if language == "zh" else entry.en

    def finest(self, keys: Iterable[str]) -> list[str]:
        """Keys without those that are a wider grain of another one kept: a place or trade is
        reported once, at the finest grain the text states."""
        keys = list(dict.fromkeys(keys))
        covered = {ancestor for key in keys for ancestor in self.ancestors(key)}
        return [key for key in keys if key not in covered]


_UNCOUNTED = re.compile(r"(?:ics|ss|us|is|ware|ing|ry|ia|sh|ce|th|food|media|care|equipment)$")


def _other_number(name: str) -> list[str]:
    """The name with its last word in the other number: plural and singular of an English
    trade of two words or more ("ski resorts" / "ski resort", "pharmacy chains" / "pharmacy
    chain"). Single words are left alone: "bank" of "bank transfer" is no bank."""
    words = name.split(" ")
    if name.startswith("=") or len(words) < 2 or not name.isascii() or not words[-1].isalpha():
        return []
    last = words[-1].lower()
    if last.endswith("ies") and len(last) > 4:
        other = last[:-3] + "y"
    elif re.search(r"(?:ch|sh|x|ss)es$", last):
        other = last[:-2]
    elif last.endswith("s") and not _UNCOUNTED.search(last):
        other = last[:-1]
    elif re.search(r"[^aeiou]y$", last):
        other = last[:-1] + "ies"
    elif re.search(r"(?:ch|sh|x|ss)$", last):
        other = last + "es"
    elif _UNCOUNTED.search(last) or len(last) < 3:
        return []
    else:
        other = last + "s"
    return [" ".join([*words[:-1], other])]


@lru_cache(maxsize=1)
def industries() -> Gazetteer:
    return Gazetteer.from_tree(load_entries(load_data("industries.yaml"), title_case=False),
                               inflect=True)


@lru_cache(maxsize=1)
def regions() -> Gazetteer:
    return Gazetteer.from_tree(load_entries(load_data("regions.yaml"), title_case=True))


@lru_cache(maxsize=1)
def tools() -> Gazetteer:
    entries: dict[str, list[str]] = {}
    categories: dict[str, str] = {}
    for category, items in load_data("tools.yaml").items():
        for canonical, synonyms in items.items():
            entries[canonical] = list(synonyms)
            categories[canonical] = category
    return Gazetteer(entries, categories)
