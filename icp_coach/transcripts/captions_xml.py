"""TTML and DFXP captions (`<tt>` … `<body>` … `<p begin= end=>`) into pieces of speech; also
YouTube's timed-text XML (`<transcript><text start=>`, `<timedtext>`) and ELAN annotation files
(`elan.py`).

The speaker comes from `ttm:agent` on the `<p>` or a `<span>` (named by the `<ttm:agent>` in the
head, else its id), or from a `Name:` / `>> NAME:` label in the text; `<br/>` breaks a line. The
head (metadata, styling, layout) is never speech.
Parsed by `safe_xml` (no DOCTYPE, no entities, nothing fetched).
"""

from __future__ import annotations

import html
import re

from icp_coach.transcripts.elan import ROOT as ELAN_ROOT
from icp_coach.transcripts.elan import parse_elan
from icp_coach.transcripts.errors import EXPORT_AS, TranscriptError
from icp_coach.transcripts.safe_xml import Node, parse_xml
from icp_coach.transcripts.speech_pieces import Piece, pieces_to_turns, split_role
from icp_coach.transcripts.turns import TurnBuilder

_SPACE = re.compile(r"[ \t\r\n]+")
_OFFSET = re.compile(r"^(?P<n>\d+(?:\.\d+)?)(?P<unit>h|m|s|ms|f|t)$")
_CLOCK = re.compile(r"^(?P<hms>\d{1,3}:\d{2}:\d{2})(?P<frac>\.\d+)?(?::\d{2,3}(?:\.\d+)?)?$")


def _timestamp(value: str | None, tick_rate: float) -> str | None:
    """TTML times as HH:MM:SS.mmm: clock times as written (frames dropped), offsets converted."""
    if not value:
        return None
    value = value.strip()
    clock = _CLOCK.match(value)
    if clock:
        return clock.group("hms") + (clock.group("frac") or "")
    offset = _OFFSET.match(value)
    if not offset:
        return value
    scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, "f": 1 / 30, "t": 1 / tick_rate}
    seconds = float(offset.group("n")) * scale[offset.group("unit")]
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def _agents(root: Node) -> dict[str, str]:
    """xml:id of each `<ttm:agent>` to its name (`<ttm:name>`), as the head declares them."""
    names: dict[str, str] = {}

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, tuple):
                continue
            if child.name == "agent" and child.attrs.get("id"):
                name = next((_text_of(c) for c in child.children if not isinstance(c, tuple) and c.name == "name"), "")
                names[child.attrs["id"]] = name.strip() or child.attrs["id"]
            walk(child)

    walk(root)
    return names


def _text_of(node: Node) -> str:
    return "".join(c[1] if isinstance(c, tuple) else _text_of(c) for c in node.children)


class _Caption:
    """The pieces of one `<p>`: a new piece wherever a `<span ttm:agent>` changes the speaker."""

    def __init__(self, agents: dict[str, str], timestamp: str | None) -> None:
        self.agents = agents
        self.timestamp = timestamp
        self.pieces: list[tuple[str | None, list[tuple[int, str]]]] = []

    def speaker(self, node: Node) -> str | None:
        ids = node.attrs.get("agent", "").split()
        return ", ".join(self.agents.get(i, i) for i in ids) if ids else None

    def walk(self, node: Node, speaker: str | None) -> None:
        for child in node.children:
            if isinstance(child, tuple):
                self.write(speaker, child[0], child[1])
            elif child.name == "br":
                self.write(speaker, child.line, "\n")
            elif child.name not in ("metadata", "set", "animate"):
                own = self.speaker(child)
                if own is not None and own != speaker:
                    self.pieces.append((own, []))
                self.walk(child, own or speaker)
                if own is not None and own != speaker:
                    self.pieces.append((speaker, []))

    def write(self, speaker: str | None, line: int, chunk: str) -> None:
        if not self.pieces or self.pieces[-1][0] != speaker:
            self.pieces.append((speaker, []))
        self.pieces[-1][1].append((line, chunk))

    def as_pieces(self) -> list[Piece]:
        found: list[Piece] = []
        for speaker, chunks in self.pieces:
            starts: list[int | None] = [None]  # per row between <br/>s: the line its text starts on
            texts = [""]
            for line, chunk in chunks:
                if chunk == "\n":
                    starts.append(None)
                    texts.append("")
                    continue
                if starts[-1] is None and chunk.strip():
                    starts[-1] = line + chunk[:len(chunk) - len(chunk.lstrip())].count("\n")
                texts[-1] += chunk
            kept = [(start, _SPACE.sub(" ", text).strip()) for start, text in zip(starts, texts, strict=True)
                    if start is not None and text.strip()]
            if kept:
                name, role = split_role(speaker) if speaker else (None, "")
                found.append(Piece(kept[0][0], "\n".join(t for _, t in kept), self.timestamp, speaker=name,
                                   role=role, part_lines=[n for n, _ in kept], written=speaker or ""))
        return found


# YouTube's timed-text XML, as caption downloaders save it: the caption element and its start.
_YOUTUBE = {"transcript": ("text", "start", "s"), "timedtext": ("p", "t", "ms")}


def _youtube_pieces(root: Node) -> list[Piece]:
    """`<transcript><text start="1.2">` (srv1) or `<timedtext><body><p t="1200">` (srv3)."""
    element, start, unit = _YOUTUBE[root.name]
    pieces: list[Piece] = []

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, tuple) or child.name == "head":
                continue
            if child.name != element:
                walk(child)
                continue
            caption = _Caption({}, _timestamp(f"{child.attrs[start]}{unit}" if child.attrs.get(start) else None, 1))
            caption.walk(child, None)
            for piece in caption.as_pieces():
                piece.text = html.unescape(piece.text)  # srv1 escapes its text twice: &amp;#39;
                pieces.append(piece)

    walk(root)
    return pieces


def parse_ttml(text: str, source: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns (a speaker's consecutive captions joined) and warnings."""
    root = parse_xml(text, source)
    if root.name in _YOUTUBE:
        youtube = _youtube_pieces(root)
        if not youtube:
            raise TranscriptError(source, "no captions in this YouTube timed-text file", line=root.line,
                                  what_to_do="download the captions again")
        return pieces_to_turns(youtube, "YouTube caption")
    if root.name == ELAN_ROOT:
        return parse_elan(root, source)
    if root.name != "tt":
        raise TranscriptError(source, f"an XML file that is not TTML/DFXP captions (its root element is "
                              f"<{root.name}>, not <tt>, nor ELAN's <ANNOTATION_DOCUMENT>)", line=root.line, what_to_do=EXPORT_AS)
    try:
        tick_rate = float(root.attrs.get("tickRate", "") or 10_000_000)
    except ValueError:
        tick_rate = 10_000_000.0
    agents = _agents(root)
    pieces: list[Piece] = []

    def walk(node: Node, speaker: str | None, begin: str | None) -> None:
        for child in node.children:
            if isinstance(child, tuple) or child.name in ("head", "metadata", "styling", "layout"):
                continue
            caption = _Caption(agents, None)
            own = caption.speaker(child) or speaker
            when = child.attrs.get("begin") or begin
            if child.name == "p":
                caption.timestamp = _timestamp(when, tick_rate)
                caption.walk(child, own)
                pieces.extend(caption.as_pieces())
            else:
                walk(child, own, when)

    body = next((c for c in root.children if not isinstance(c, tuple) and c.name == "body"), None)
    if body is not None:
        walk(body, None, None)
    if not pieces:
        raise TranscriptError(source, "no captions (<p> elements with text) in this TTML file",
                              line=root.line, what_to_do="export the captions again")
    return pieces_to_turns(pieces, "TTML")
