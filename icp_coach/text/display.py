"""Making user, transcript and CRM text safe to show in a terminal.

Two separate dangers: control characters and ANSI escape sequences in the text itself (a CSV cell
holding ``\\x1b[2J`` would clear the screen, ``\\r`` would overwrite what was printed), and square
brackets that a renderer (rich, Textual) would read as markup (``[/]`` crashes rich,
``[bold]`` styles the rest of the line). `terminal_safe` removes the first; `escape_markup`
neutralises the second; `display_text` does both, for text that is printed through a renderer.
Pure functions, no rich or Textual import, so the domain, the CLI and the TUI can all use them.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \), and the other two-byte ESC sequences.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides that can make a
# line read differently from what it holds (the "Trojan source" characters).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What rich and Textual treat as a tag: `[` then a tag-ish start, up to the next `]`.
_MARKUP_TAG = re.compile(r"(\\*)(\[[a-zA-Z#/@$!.:(\[][^\[\]]*?\])")


def terminal_safe(text: str, *, keep_newlines: bool = True) -> str:
    """`text` without ANSI escape sequences or control characters (tab and, unless told
    otherwise, newline kept; a carriage return becomes nothing, so nothing is overwritten)."""
    cleaned = _ANSI.sub("", str(text))
    if not keep_newlines:
        cleaned = cleaned.replace("\n", " ")
    return _CONTROL.sub("", cleaned.replace("\r\n", "\n"))


def escape_markup(text: str) -> str:
    """`text` with every markup-looking tag escaped the way rich and Textual unescape it
    (a backslash before the bracket; backslashes already in front are doubled)."""

    def escape(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    escaped = _MARKUP_TAG.sub(escape, text)
    if escaped.endswith("\\") and not escaped.endswith("\\\\"):
        escaped += "\\"  # a trailing backslash would escape the markup that follows it
    return escaped


def display_text(text: object, *, keep_newlines: bool = True) -> str:
    """User, transcript or CRM text ready to be printed through rich or Textual: control
    characters and escape sequences removed, markup escaped."""
    return escape_markup(terminal_safe(str(text), keep_newlines=keep_newlines))
