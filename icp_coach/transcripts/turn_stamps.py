"""Timecodes an export wrote inside a turn's text, taken out so they never reach a quote.

`Dana: [00:06] text`, `Speaker 1: (00:00:04) text`, `方琳：【00:01】文字`: a bracketed time is the
tool's, wherever it stands in the text. An unbracketed time (`Speaker 2: 00:03:11 text`) is the
tool's only at the start of a piece of speech, and only when at least two pieces start that way:
a customer who answers "7:30, usually." once keeps the time, and a time said mid-sentence ("we
open at 7:30") always stays. The first time dropped from a turn becomes its timestamp when the
label had none.
"""

from __future__ import annotations

import re

from icp_coach.transcripts.turns import TurnBuilder

_CODE = r"\d{1,2}:\d{2}(?::\d{2}){0,2}(?:[.,]\d{1,3})?"
_LONG_CODE = r"\d{2}:\d{2}(?::\d{2}){0,2}(?:[.,]\d{1,3})?|\d:\d{2}:\d{2}(?:[.,]\d{1,3})?"
# square and CJK brackets hold only the tool's times; round ones also a reader's aside "(7:30)",
# so they count only with two-digit hours or minutes first (`(00:01:12)`, `（01:02）`)
_BRACKETED = re.compile(
    rf"\s*(?:[\[【〔［〖]\s*(?P<square>{_CODE})\s*[\]】〕］〗]|[(（]\s*(?P<round>{_LONG_CODE})\s*[)）])\s*")
_BARE_AT_START = re.compile(rf"^(?P<bare>{_LONG_CODE})(?:\s+|$)")


def _stamp(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


def _pieces(builder: TurnBuilder) -> list[tuple[str, int, bool]]:
    """(text, line, starts a new line) for each piece the builder was given."""
    pieces = []
    for offset, (start, line) in enumerate(builder.line_starts):
        end = builder.line_starts[offset + 1][0] if offset + 1 < len(builder.line_starts) else len(builder.text)
        new_line = start > 0 and builder.text[start - 1] == "\n"
        pieces.append((builder.text[start:end].strip(), line, new_line))
    return pieces


def _cleaned(piece: str, bare_is_stamp: bool) -> tuple[str, str | None]:
    """The piece without the tool's times, and the first time taken out."""
    first: str | None = None
    match = _BARE_AT_START.match(piece) if bare_is_stamp else None
    if match:
        first, piece = match.group("bare"), piece[match.end():]
    found = list(_BRACKETED.finditer(piece))
    if found:
        first = first or _stamp(found[0])
        piece = _BRACKETED.sub(lambda m: " " if m.start() > 0 and m.end() < len(piece) else "", piece)
    return piece.strip(), first


def without_inner_stamps(builders: list[TurnBuilder]) -> list[TurnBuilder]:
    """The builders with export timecodes taken out of their text (see the module docstring)."""
    pieces = [_pieces(builder) for builder in builders]
    bare_starts = sum(bool(_BARE_AT_START.match(text)) for each in pieces for text, _, _ in each)
    for builder, own in zip(builders, pieces, strict=True):
        cleaned = [(_cleaned(text, bare_starts >= 2), line, new_line) for text, line, new_line in own]
        if all(text == new for (text, _, _), ((new, _), _, _) in zip(own, cleaned, strict=True)):
            continue
        builder.text, builder.line_starts = "", []
        for (text, stamp), line, new_line in cleaned:
            builder.timestamp = builder.timestamp or stamp
            builder.add(text, line, new_line=new_line)
    return builders
