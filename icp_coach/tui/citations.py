"""One numbering of the passages cited in a session, the same in the chat, F4 and /sources.

A reply cites its own passages as [1], [2] (the order the writer got them in); the session
numbers every passage once, in the order it was first cited, as the coach's `/sources` does. The
chat shows the session's numbers, so [3] in a reply is [3] in the sources view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_MARKER = re.compile(r"\[(\d{1,3})\]")
_PARTIAL = re.compile(r"\[\d{0,3}$")


class CitationNumbers:
    """The passages cited so far, numbered from 1 (a passage keeps its number)."""

    def __init__(self, passages: Iterable[Any] = ()) -> None:
        self._passages: list[Any] = []
        self._numbers: dict[str, int] = {}
        for passage in passages:
            self.add(passage)

    def add(self, passage: Any) -> int:
        number = self._numbers.get(passage.id)
        if number is None:
            self._passages.append(passage)
            number = self._numbers[passage.id] = len(self._passages)
        return number

    def number_of(self, passage: Any) -> int:
        return self.add(passage)

    def numbered(self) -> list[tuple[int, Any]]:
        return list(enumerate(self._passages, start=1))


def renumber(text: str, numbers: dict[int, int], *, final: bool = False) -> tuple[str, str]:
    """(`text` with each [n] of this reply replaced by the session's number, a held-back tail).

    While streaming, a marker may be cut between two tokens ("[" then "2]"): an unfinished one at
    the end is held back for the next call, unless `final`.
    """
    rest = ""
    if not final:
        partial = _PARTIAL.search(text)
        if partial is not None:
            text, rest = text[:partial.start()], text[partial.start():]
    if numbers:
        text = _MARKER.sub(lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", text)
    return text, rest
