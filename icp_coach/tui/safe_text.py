"""Text from users, transcripts, CRM cells, documents and errors, made safe to show in the TUI.

Nothing shown in the TUI is parsed as Rich/Textual markup (widgets get `Text` objects or
`markup=False`), and control characters never reach the terminal raw: the rules for what is
removed are the package's one set, in `icp_coach.text.display`.
"""

from __future__ import annotations

from rich.text import Text

from icp_coach.text.display import terminal_safe


def printable(text: object) -> str:
    """`text` without escape sequences or control characters (tab and newline stay)."""
    return terminal_safe(str(text))


def plain(text: object, style: str = "") -> Text:
    """A `Text` that shows `text` literally: no markup, no control characters."""
    return Text(printable(text), style=style)
