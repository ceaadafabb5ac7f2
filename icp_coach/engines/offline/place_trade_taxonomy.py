"""The place-and-trade taxonomy port (domain.taxonomy) backed by the offline gazetteers:
regions.yaml and industries.yaml, widened by filter_taxonomy.yaml (more parents, large cities,
country / state codes and the names countries give themselves).

A text is read as a whole name first (any synonym, English or Chinese; "=US" only as written).
A display name an entry does not match in notes ("Georgia" for the country, "Washington" for the
state) is a less sure reading of that whole text. Failing that, a cell such as "Austin, Texas"
or 浙江杭州 is read through the names it holds, when they all lie on one line of the tree (the
finest of them is the reading); "Paris, Texas" is not read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from icp_coach.domain.taxonomy import Reading, TaxonomyKind
from icp_coach.engines.offline.extraction.taxonomy import Entry, load_entries, squeeze

if TYPE_CHECKING:
    from icp_coach.engines.offline.extraction.gazetteer import Gazetteer

_PARTS = re.compile(r"\s*[,;/|，；、]\s*")
_PUNCTUATION = re.compile(r"[.,'’]")  # "Washington, D.C." is washington dc
_SOURCES: dict[str, tuple[str, bool]] = {"region": ("regions.yaml", True), "industry": ("industries.yaml", False)}
_EXTRA_SECTION = {"region": "regions", "industry": "industries"}


class Tree:
    """One taxonomy (regions or industries) as the matcher reads it."""

    def __init__(self, entries: list[Entry], contains: dict[str, list[str]], *, mentions: bool):
        self._entries = {entry.key: entry for entry in entries}
        self._parents: dict[str, list[str]] = {e.key: [e.parent] if e.parent else [] for e in entries}
        for parent, children in contains.items():
            for child in children:
                self._parents.setdefault(child, []).append(parent)
        self._sure: dict[str, list[str]] = defaultdict(list)
        self._as_written: dict[str, list[str]] = defaultdict(list)
        for entry in entries:
            for synonym in entry.synonyms:
                if synonym.startswith("="):
                    self._as_written[synonym[1:]].append(entry.key)
                else:
                    self._sure[squeeze(synonym)].append(entry.key)
        self._unsure: dict[str, list[str]] = defaultdict(list)
        for entry in entries:
            for name in (entry.key, entry.en, entry.zh):
                spelling = squeeze(name)
                if name and entry.key not in self._sure.get(spelling, []):
                    self._unsure[spelling].append(entry.key)
        english = defaultdict(list)
        for entry in entries:
            english[entry.en.lower()].append(entry.key)
        self._shared_names = {key for keys in english.values() if len(keys) > 1 for key in keys}
        self._mentions = mentions
        self._wider: dict[str, frozenset[str]] = {}

    @cached_property
    def _gazetteer(self) -> Gazetteer | None:
        """The names inside a longer cell (built on first need: its regex takes a while)."""
        from icp_coach.engines.offline.extraction.gazetteer import Gazetteer

        return Gazetteer.from_tree(self._entries.values()) if self._mentions else None

    def problems(self) -> list[str]:
        """Names in `contains` that are not in the tree (each would silently widen nothing)."""
        unknown = {key for key, parents in self._parents.items() for key in (key, *parents)}
        return [f"{key!r} is not in the tree" for key in sorted(unknown - set(self._entries))]

    def wider(self, key: str) -> frozenset[str]:
        """Every node `key` lies within, through any of its parents."""
        if key not in self._wider:
            found: set[str] = set()
            todo = list(self._parents.get(key, []))
            while todo:
                node = todo.pop()
                if node not in found and node != key:
                    found.add(node)
                    todo.extend(self._parents.get(node, []))
            self._wider[key] = frozenset(found)
        return self._wider[key]

    def name(self, key: str) -> str:
        entry = self._entries[key]
        if key in self._shared_names and entry.parent:  # "Georgia (Europe)", "Georgia (United States)"
            return f"{entry.en} ({self._entries[entry.parent].en})"
        return entry.en

    def _reading(self, key: str, *, certain: bool = True, whole: bool = True) -> Reading:
        return Reading(key, self.name(key), self.wider(key), certain, whole)

    def whole(self, text: str) -> list[Reading]:
        """The nodes the whole text names, sure ones first; dots and commas may be left out."""
        spellings = list(dict.fromkeys([squeeze(text), squeeze(_PUNCTUATION.sub("", text))]))
        sure = dict.fromkeys([*self._as_written.get(text.strip(), []),
                              *(key for spelling in spellings for key in self._sure.get(spelling, []))])
        unsure = dict.fromkeys(key for spelling in spellings for key in self._unsure.get(spelling, [])
                               if key not in sure)
        return [*(self._reading(k) for k in sure), *(self._reading(k, certain=False) for k in unsure)]

    def read(self, text: str) -> tuple[Reading, ...]:
        text = text.strip()
        if not text:
            return ()
        readings = self.whole(text)
        if readings:
            return tuple(readings)
        parts = [part for part in _PARTS.split(text) if part]
        keys: list[str] = []
        if len(parts) > 1:
            for part in parts:
                sure = [r.key for r in self.whole(part) if r.certain]
                if len(sure) == 1:
                    keys.append(sure[0])
        elif self._gazetteer is not None:
            keys = self._gazetteer.values(text)
        finest = self._finest_of_one_line(keys)
        return (self._reading(finest, whole=False),) if finest else ()

    def _finest_of_one_line(self, keys: list[str]) -> str | None:
        """The finest key when every other one is wider than it (Texas of Texas and USA)."""
        for key in keys:
            if all(other == key or other in self.wider(key) for other in keys):
                return key
        return None


@cache
def load_data(name: str) -> Any:
    """One data file, parsed by libyaml when present: the score command pays for the trees on
    every run, and the pure-Python parser takes several times longer (same result)."""
    from importlib import resources

    import yaml

    text = resources.files("icp_coach.engines.offline").joinpath("data", name).read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def _extra(kind: TaxonomyKind) -> dict[str, Any]:
    return dict(load_data("filter_taxonomy.yaml").get(_EXTRA_SECTION[kind]) or {})


@lru_cache(maxsize=2)
def tree(kind: TaxonomyKind) -> Tree:
    name, title_case = _SOURCES[kind]
    extra = _extra(kind)
    entries = load_entries(load_data(name), title_case=title_case)
    entries += load_entries(extra.get("places") or {}, title_case=title_case)
    aliases = (load_data("filter_taxonomy.yaml").get("aliases") or {}).get(_EXTRA_SECTION[kind]) or {}
    entries = [replace(entry, synonyms=(*entry.synonyms, *(str(a) for a in aliases.get(entry.key, ()))))
               if entry.key in aliases else entry for entry in entries]
    return Tree(entries, dict(extra.get("contains") or {}), mentions=kind == "region")


class GazetteerTaxonomy:
    """PlaceAndTradeTaxonomy over the offline engine's data; the trees load on first use."""

    def read(self, kind: TaxonomyKind, text: str) -> tuple[Reading, ...]:
        return _read(kind, text)


@lru_cache(maxsize=65536)
def _read(kind: TaxonomyKind, text: str) -> tuple[Reading, ...]:
    return tree(kind).read(text)
