"""The two languages every part of the tool speaks, as one type."""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "zh")


def as_language(value: str) -> Language:
    """Narrow a language code read from a flag, a file or a session to `Language`."""
    if value == "en":
        return "en"
    if value == "zh":
        return "zh"
    raise ValueError(f"unsupported language {value!r}: use 'en' or 'zh'")
