"""Gazetteer hits of a text, looked up once per text.

Reading a note asks the same gazetteers about the same lines and clauses many times (the cue
hints, the clause features, the bare-name check, tools and products); each lookup scans every
entry, so the answers are kept for the process. Texts are keys: nothing is cached by position.
"""

from __future__ import annotations

from functools import lru_cache

from icp_coach.engines.offline.extraction import gazetteer

_TABLES = {"region": gazetteer.regions, "industry": gazetteer.industries, "tech": gazetteer.tools}
GAZETTEERS = tuple(_TABLES)


@lru_cache(maxsize=8192)
def mentions(dimension: str, text: str) -> tuple[gazetteer.Mention, ...]:
    """Hits of one gazetteer ("region", "industry" or "tech") in a text, in text order."""
    return tuple(_TABLES[dimension]().find(text))


def values(dimension: str, text: str) -> list[str]:
    """Canonical values found, first mention order, without duplicates."""
    return list(dict.fromkeys(mention.canonical for mention in mentions(dimension, text)))
