"""Looking up a message in the user's language: one catalogue per language, one function.

The catalogues (messages_en.py, messages_zh.py) are plain dicts of namespaced keys. A key missing
in Chinese falls back to English; a key missing in English is a programming error (KeyError), and a
test keeps the two catalogues' keys and `{placeholders}` identical.
"""

from __future__ import annotations

from icp_coach.text.messages_en import MESSAGES as ENGLISH
from icp_coach.text.messages_zh import MESSAGES as CHINESE

CATALOGUES: dict[str, dict[str, str]] = {"en": ENGLISH, "zh": CHINESE}


def message(key: str, language: str, **values: object) -> str:
    """The message `key` in `language` ("en" or "zh"; anything else reads as English), with
    `values` put into its placeholders. English when the Chinese catalogue lacks the key."""
    catalogue = CATALOGUES.get(language, ENGLISH)
    text = catalogue.get(key) or ENGLISH[key]
    return text.format(**values) if values else text


def has_message(key: str) -> bool:
    """Whether `key` is in the catalogues."""
    return key in ENGLISH


def keys_under(prefix: str) -> list[str]:
    """The catalogue's keys under `prefix` (``"tui."``), in catalogue order."""
    return [key for key in ENGLISH if key.startswith(prefix)]
