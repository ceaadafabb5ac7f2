"""ASS / SSA subtitles: the `Dialogue:` lines of the `[Events]` section, their fields in the
order the section's `Format:` line gives. The speaker is the Name (Actor) field, else a `Name:`
label in the text; `{\\...}` override tags and drawings are dropped and `\\N` breaks a line.
`Comment:` events, `[Script Info]`, styles, fonts and pictures are not speech."""

from __future__ import annotations

import re

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.speech_pieces import Piece, pieces_to_turns, split_role
from icp_coach.transcripts.turns import TurnBuilder

_DEFAULT_FORMAT = ["layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"]
_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*$")
_EVENT = re.compile(r"^\s*(?P<kind>[A-Za-z]+)\s*:\s?(?P<value>.*)$")
_DRAWING = re.compile(r"\{[^}]*\\p[1-9][^}]*\}.*?(?:\{[^}]*\\p0[^}]*\}|$)")
_OVERRIDE = re.compile(r"\{[^}]*\}")


def looks_like_ass(text: str) -> bool:
    head = text.lstrip("\ufeff")[:4000]
    return head.lstrip().lower().startswith("[script info]") or (
        "[events]" in head.lower() and bool(re.search(r"^\s*Dialogue\s*:", head, re.MULTILINE)))


def _clean(text: str) -> str:
    text = _DRAWING.sub("", text)
    text = _OVERRIDE.sub("", text)
    text = text.replace("\\N", "\n").replace("\\n", "\n").replace("\\h", " ")
    return "\n".join(part.strip() for part in text.split("\n") if part.strip())


def parse_ass(lines: list[str], source: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns (a speaker's consecutive Dialogue events joined) and warnings."""
    section = ""
    fields: list[str] | None = None
    pieces: list[Piece] = []
    warnings: list[str] = []
    seen_events = False
    for number, line in enumerate(lines, start=1):
        heading = _SECTION.match(line)
        if heading:
            section = heading.group("name").strip().lower()
            seen_events = seen_events or section == "events"
            continue
        event = _EVENT.match(line)
        if section != "events" or not event:
            continue
        kind = event.group("kind").lower()
        if kind == "format":
            fields = [name.strip().lower() for name in event.group("value").split(",")]
            if "text" not in fields or fields[-1] != "text":
                raise TranscriptError(source, "the [Events] Format line has no Text field last", line=number,
                                      what_to_do="export the subtitles again")
            continue
        if kind != "dialogue":
            continue  # Comment:, Picture:, Sound:, Movie:, Command: are not speech
        order = fields or _DEFAULT_FORMAT
        if fields is None and not warnings:
            warnings.append(f"line {number}: Dialogue before any Format line; read in the usual ASS order")
        values = event.group("value").split(",", len(order) - 1)
        if len(values) < len(order):
            warnings.append(f"line {number}: Dialogue line with too few fields; left out")
            continue
        event_fields = dict(zip(order, values, strict=True))
        text = _clean(event_fields["text"])
        if not text:
            continue
        written = (event_fields.get("name") or event_fields.get("actor") or "").strip()
        name, role = split_role(written) if written else ("", "")
        start = (event_fields.get("start") or "").strip() or None
        pieces.append(Piece(number, text, start, speaker=name or None, role=role, written=written if name else ""))
    if not seen_events:
        raise TranscriptError(source, "no [Events] section in this ASS/SSA file",
                              what_to_do="export the subtitles again (the speech is in [Events] Dialogue lines)")
    if not pieces:
        raise TranscriptError(source, "no Dialogue lines with text in the [Events] section",
                              what_to_do="export the subtitles again")
    turns, found = pieces_to_turns(pieces, "ASS/SSA")
    return turns, warnings + found
