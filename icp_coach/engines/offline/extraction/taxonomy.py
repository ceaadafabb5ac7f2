"""Hierarchical gazetteer data: every entry knows its parent and its name in English and Chinese.

The data files (`regions.yaml`, `industries.yaml`) are written as `parent: {child: spec}`, the
top-level buckets under `top`. A spec is a mapping with optional `en` and `zh` display names and
`also` (more synonyms), or a short list `[zh name, synonym, ...]`. An entry is found by its key,
its display names and its synonyms; `names` replaces the key and display names as synonyms when a
display name is ambiguous (Georgia the country is not found by "Georgia", the US state is). A
synonym written "=X" is matched case-sensitively, and then X is not also matched folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

TOP = "top"
_SMALL_WORDS = {"and", "of", "the", "da", "de"}


@dataclass(frozen=True)
class Entry:
    """One place or trade: its key, display names, parent key (None at the top), synonyms."""

    key: str
    en: str
    zh: str
    parent: str | None
    synonyms: tuple[str, ...]


def _title(key: str) -> str:
    words = key.split(" ")
    return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def _spec(raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if isinstance(raw, list):
        return {"zh": str(raw[0]), "also": [str(s) for s in raw[1:]]} if raw else {}
    if isinstance(raw, str):
        return {"zh": raw}
    return dict(raw)


def load_entries(data: Mapping[str, Any], *, title_case: bool) -> list[Entry]:
    """Entries in file order (parents before the children they head). `title_case` gives places
    "Texas" from the key "texas"; trades keep the key ("pest control") as their English name."""
    entries: list[Entry] = []
    for parent, children in data.items():
        for key, raw in (children or {}).items():
            spec = _spec(raw)
            key = str(key)
            en = str(spec.get("en") or (_title(key) if title_case else key))
            zh = str(spec.get("zh") or "")
            also = [str(s) for s in spec.get("also", [])]
            if "names" in spec:
                names = [str(s) for s in spec["names"]]
            else:
                names = [n for n in dict.fromkeys([key, en, zh]) if n and "(" not in n]
            exact = {s[1:].lower() for s in also if s.startswith("=")}
            names = [n for n in names if n.lower() not in exact]
            entries.append(Entry(key=key, en=en, zh=zh,
                                 parent=None if parent == TOP else str(parent),
                                 synonyms=tuple(dict.fromkeys([*names, *also]))))
    return entries


def squeeze(text: str) -> str:
    """The spelling key synonyms are compared on: lower case, no spaces, hyphens or underscores."""
    return re.sub(r"[\s\-_]+", "", text.lower())


def problems(entries: Iterable[Entry]) -> list[str]:
    """What is wrong with a table: a key used twice, an unknown parent, a parent loop, or one
    spelling claimed by two entries (the second would silently never be found)."""
    entries = list(entries)
    found: list[str] = []
    by_key: dict[str, Entry] = {}
    for entry in entries:
        if entry.key in by_key:
            found.append(f"key {entry.key!r} is used twice")
        by_key[entry.key] = entry
    owner: dict[str, str] = {}
    for entry in entries:
        if entry.parent is not None and entry.parent not in by_key:
            found.append(f"{entry.key!r} has an unknown parent {entry.parent!r}")
        seen, node = {entry.key}, entry.parent
        while node is not None and node in by_key:
            if node in seen:
                found.append(f"{entry.key!r} sits in a parent loop")
                break
            seen.add(node)
            node = by_key[node].parent
        for synonym in entry.synonyms:
            spelling = synonym if synonym.startswith("=") else squeeze(synonym)
            other = owner.setdefault(spelling, entry.key)
            if other != entry.key:
                found.append(f"{synonym!r} names both {other!r} and {entry.key!r}")
    return found
