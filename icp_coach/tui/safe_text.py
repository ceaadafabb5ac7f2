"""Text from users, transcripts, CRM cells, documents and errors, made safe to show.

Nothing shown in the TUI is parsed as Rich/Textual markup (widgets get `Text` objects or
`markup=False`), and control characters never reach the terminal raw: an ANSI escape in a
transcript or a CRM cell would otherwise restyle, move or clear the screen.
"""

from __future__ import annotations

import re

from rich.text import Text

# CSI and OSC escape sequences first (so their printable tails go too), then any other C0/C1
# control character except tab and newline, and the bidi overrides that make a line read
# otherwise than it holds.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: object) -> str:
    """`text` without escape sequences or control characters (tab and newline stay)."""
    return _CONTROL.sub("", str(text))


def plain(text: object, style: str = "") -> Text:
    """A `Text` that shows `text` literally: no markup, no control characters."""
    return Text(printable(text), style=style)
