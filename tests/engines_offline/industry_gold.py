"""How the industry case folders are scored: a gold entry `a|b|c` is met by any of its spellings,
compared without case, spaces, hyphens, underscores or apostrophes."""

from __future__ import annotations

import json
import re
from pathlib import Path


def squeeze(text: str) -> str:
    return re.sub(r"[\s\-_'’]+", "", text.lower())


def meets(entry: str, value: str) -> bool:
    return squeeze(value) in {squeeze(spelling) for spelling in entry.split("|")}


def folder_gold(folder: Path) -> dict[str, dict[str, list[str]]]:
    """The folder's industries.gold.json, without its `_`-prefixed notes."""
    gold = json.loads((folder / "industries.gold.json").read_text("utf-8"))
    return {name: entry for name, entry in gold.items() if not name.startswith("_")}
