"""Lines no person wrote to be read: base64 blobs, hex digests, encoded URLs.

An email saved with an attachment, a Markdown export with an inline image (`data:image/png;base64,`)
or a pasted token carries lines of encoded bytes. They say nothing about a customer, and each
one costs the clause reader as much as a paragraph (a 76-character base64 line is ~60 tokens), so
a note with a small image took tens of seconds. Such lines are blanked before reading; blanking
(not deleting) keeps every other line where it was, so evidence and line numbers still match.
"""

from __future__ import annotations

import re

# a run of 32+ characters with no space, drawn from what encodings use: base64, hex, URL escapes
_ENCODED_RUN = re.compile(r"[A-Za-z0-9+/=_\-.%:;,]{32,}")
_MACHINE_SHARE = 0.8


def is_machine_text(line: str) -> bool:
    """Most of the line's visible characters sit in long encoded runs; words are rare there."""
    visible = sum(1 for char in line if not char.isspace())
    if visible < 32:
        return False
    encoded = sum(len(run) for run in _ENCODED_RUN.findall(line) if not _is_words(run))
    return encoded >= _MACHINE_SHARE * visible


def without_machine_text(text: str) -> str:
    if not _ENCODED_RUN.search(text):
        return text
    return "\n".join("" if is_machine_text(line) else line for line in text.split("\n"))


def _is_words(run: str) -> bool:
    """'well-established,family-run,multi-site' is words joined by punctuation, not an encoding:
    most of its pieces between separators are short and lower-case."""
    pieces = [piece for piece in re.split(r"[+/=_\-.%:;,]", run) if piece]
    if len(pieces) < 3:
        return False
    wordlike = sum(1 for piece in pieces if piece.isalpha() and len(piece) <= 14
                   and (piece.islower() or piece.istitle()))
    return wordlike >= 0.8 * len(pieces)
