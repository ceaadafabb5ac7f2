"""The TUI's own words in English and Chinese: the `tui.` keys of the message catalogues
(icp_coach/text/messages_en.py, messages_zh.py). The coach's replies come from prompts/; these are
labels, titles and notifications only."""

from __future__ import annotations

from icp_coach.text.messages import CATALOGUES, has_message, keys_under, message

_PREFIX = "tui."

# key (without the `tui.` prefix) -> {"en": ..., "zh": ...}: the TUI's view of the catalogues.
STRINGS: dict[str, dict[str, str]] = {
    key.removeprefix(_PREFIX): {language: catalogue.get(key, "")
                                for language, catalogue in CATALOGUES.items()}
    for key in keys_under(_PREFIX)
}


def t(key: str, language: str, **values: object) -> str:
    """The UI string `key` in `language` (English when the translation is missing; the key itself
    when it is not in the catalogue)."""
    if not has_message(_PREFIX + key):
        return key
    return message(_PREFIX + key, language, **values)
