"""Line breaks between Chinese (and Japanese, Korean) characters, not only at spaces.

Rich (which lays out every Static and Markdown block) and Textual's TextArea break lines at
whitespace only. Chinese has none between words, so a sentence holding one ASCII space ("50-200
人，在上海") broke there and left half-empty lines. This makes each wide character a breakable
unit, keeping closing punctuation (，。）」 ...) on the line before it and opening punctuation
with what follows, as Chinese typesetting does.

Both libraries keep their word pattern in a module global read at every call; `enable()` swaps
those two patterns for the CJK-aware ones below (tests/tui pin the resulting layout, so a library
upgrade that moves them fails loudly rather than silently going back to space-only breaks).
"""

from __future__ import annotations

import re

# CJK punctuation, kana, unified ideographs (+ extension A), compatibility ideographs, Hangul,
# fullwidth forms.
_WIDE = "\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af" \
        "\uf900-\ufaff\uff00-\uffef"
_CLOSING = "，。、；：？！）」』】》〉〕”’…—,.;:?!)%\uff05"
_OPENING = "（「『【《〈〔“‘"
_UNIT = (rf"[{_OPENING}]*(?:[{_WIDE}]|[^\s{_WIDE}]+)[{_CLOSING}]*")

RICH_WORD = re.compile(rf"\s*{_UNIT}\s*")  # rich._wrap.re_word: r"\s*\S+\s*"
TEXTUAL_CHUNK = re.compile(rf"{_UNIT}\s*|\s+")  # textual._wrap.re_chunk: r"\S+\s*|\s+"


def enable() -> None:
    """Idempotent; affects layout only (no text is changed)."""
    import rich._wrap
    import textual._wrap

    rich._wrap.re_word = RICH_WORD  # type: ignore[attr-defined]
    textual._wrap.re_chunk = TEXTUAL_CHUNK
