"""Gazetteer hits of a text, looked up once per text.

Reading a note asks the same gazetteers about the same lines and clauses many times (the cue
hints, the clause features, the bare-name check, tools and products); each lookup scans every
entry, so the answers are kept for the process. Texts are keys: nothing is cached by position.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icp_coach.engines.offline.extraction import gazetteer

_TABLES = {"region": gazetteer.regions, "industry": gazetteer.industries, "tech": gazetteer.tools}
GAZETTEERS = tuple(_TABLES)


# A nationality word naming a language or its speakers, not a place: "German courses",
# "Spanish-speaking", "French translation".
_LANGUAGE_USE = re.compile(
    r"(?:\s*,?\s*(?:and|or|&|/)?\s*(?:[A-Z][a-z]+\s*,?\s*(?:and|or|&|/)?\s*){0,3})?"
    r"[\s-]*(?:courses?|classes|lessons?|language|lang|speakers?|speaking|translat\w*|interpret\w*"
    r"|teachers?|tutors?|tutoring|subtitl\w*|dubbing)(?![A-Za-z])")


def _names_a_language(text: str, mention: gazetteer.Mention) -> bool:
    word = text[mention.start:mention.end]
    return word[:1].isupper() and word.lower().endswith(("an", "ish", "ese", "ch", "ian")) \
        and bool(_LANGUAGE_USE.match(text, mention.end))


@lru_cache(maxsize=8192)
def mentions(dimension: str, text: str) -> tuple[gazetteer.Mention, ...]:
    """Hits of one gazetteer ("region", "industry" or "tech") in a text, in text order; for
    regions, not a nationality word that names a language ("German courses")."""
    found = tuple(_TABLES[dimension]().find(text))
    if dimension == "region":
        found = tuple(m for m in found if not _names_a_language(text, m))
    return found


def values(dimension: str, text: str) -> list[str]:
    """Canonical values found, first mention order, without duplicates."""
    return list(dict.fromkeys(mention.canonical for mention in mentions(dimension, text)))
