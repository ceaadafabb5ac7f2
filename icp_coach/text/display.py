"""Making user, transcript and CRM text safe to show in a terminal.

Two separate dangers: control characters and ANSI escape sequences in the text itself (a CSV cell
holding ``\\x1b[2J`` would clear the screen, ``\\r`` would overwrite what was printed), and square
brackets that a renderer (rich, Textual) would read as markup (``[/]`` crashes rich,
``[bold]`` styles the rest of the line). `terminal_safe` removes the first; `escape_markup`
neutralises the second; `display_text` does both, for text that is printed through a renderer.
Pure functions, no rich or Textual import, so the domain, the CLI and the TUI can all use them.

Where a widget or a console takes plain text (rich ``Text(...)``, Textual ``Content(...)``),
give it `terminal_safe` text and no markup at all: that is safest. `escape_markup` is exact for
rich markup (a property test checks it); Textual's markup parser follows other rules (even its
own ``escape`` does not round-trip every string), so in Textual prefer plain ``Content``.
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
# What rich and Textual read as a tag (the pattern of their own `escape`): `[`, a lower-case
# letter, `#`, `/` or `@`, then anything but `[` up to the next `]`.
_MARKUP_TAG = re.compile(r"\[[a-z#/@][^\[]*?\]")
_BEFORE_BRACKET = re.compile(r"(\\*)\[")
_TRAILING_BACKSLASHES = re.compile(r"(\\+)$")


def terminal_safe(text: str, *, keep_newlines: bool = True) -> str:
    """`text` without ANSI escape sequences or control characters (tab and, unless told
    otherwise, newline kept; a carriage return becomes nothing, so nothing is overwritten)."""
    cleaned = _ANSI.sub("", str(text))
    if not keep_newlines:
        cleaned = cleaned.replace("\n", " ")
    return _CONTROL.sub("", cleaned.replace("\r\n", "\n"))


def escape_markup(text: str) -> str:
    """`text` such that rich or Textual markup shows it exactly, wherever it is placed (e.g.
    `f"[bold]{escape_markup(text)}[/]"`). Their rules: before a tag, 2n backslashes show n and
    2n+1 escape the tag; before any other `[` one backslash is dropped. So a tag's backslashes are
    doubled plus one, another bracket's get one more, and trailing ones (a tag may follow) are
    doubled."""

    def escape(match: re.Match[str]) -> str:
        backslashes = match.group(1)
        if _MARKUP_TAG.match(text, match.end() - 1):
            return f"{backslashes}{backslashes}\\["
        return f"{backslashes}\\[" if backslashes else "["

    escaped = _BEFORE_BRACKET.sub(escape, text)
    return _TRAILING_BACKSLASHES.sub(lambda match: match.group(1) * 2, escaped)


def display_text(text: object, *, keep_newlines: bool = True) -> str:
    """User, transcript or CRM text ready to be printed through rich or Textual: control
    characters and escape sequences removed, markup escaped."""
    return escape_markup(terminal_safe(str(text), keep_newlines=keep_newlines))
