"""One person under several labels: `PM (Rachel)` and `Rachel`, `Rachel K.` and `Rachel`,
`访谈人（小周）` and `小周`.

Exports and hand-edited transcripts name a speaker inconsistently. Counting each label as its own
speaker splits the interviewer's questions over two "people", so neither looks like the one who
asks, and the alias that asks least ends up a customer. A label is folded into another only on
clear evidence: its bracket holds another label's name, or it is that name plus a surname or an
initial and no one else shares the first name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Generic labels numbered by the tool: "Speaker 1" and "Speaker 2" are two people.
_GENERIC = {"speaker", "spk", "participant", "guest", "user", "发言人", "说话人", "讲话人"}


def _key(name: str) -> str:
    return " ".join(name.lower().replace(".", " ").split())


def _first_word(name: str) -> str:
    words = _key(name).split()
    return words[0] if words else ""


def canonical_speakers(labels: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """(name, role) as written -> (speaker, role) after folding aliases of one person.

    The role of a folded label keeps what it said: `PM (Rachel)` becomes speaker `Rachel` with
    role `PM`.
    """
    written = list(dict.fromkeys(labels))
    bare = {_key(name): name for name, role in written if not role}
    mapping: dict[tuple[str, str], tuple[str, str]] = {}
    for name, role in written:
        if role and _key(role) in bare and _key(role) != _key(name):
            mapping[(name, role)] = (bare[_key(role)], name)
        else:
            mapping[(name, role)] = (name, role)
    # "Rachel K." / "Rachel Kim" and a bare "Rachel": one person when no other label starts so.
    names = {speaker for speaker, _ in mapping.values()}
    single = {_key(n): n for n in names if len(_key(n).split()) == 1 and _key(n) not in _GENERIC
              and not re.search(r"\d", n)}
    longer_by_first: dict[str, list[str]] = {}
    for n in names:
        if len(_key(n).split()) > 1:
            longer_by_first.setdefault(_first_word(n), []).append(n)
    fold = {longer[0]: single[first] for first, longer in longer_by_first.items()
            if first in single and len(longer) == 1}
    return {label: (fold.get(speaker, speaker), role) for label, (speaker, role) in mapping.items()}
