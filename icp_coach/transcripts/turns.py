"""Collects pieces of speech into turns, remembering the source line of every piece."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from icp_coach.domain.non_speech import is_only_non_speech
from icp_coach.domain.transcript import TranscriptTurn


def _joiner(left: str, right: str) -> str:
    """A space between pieces, except where Chinese meets Chinese (cues cut mid-sentence)."""
    if not left or not right:
        return ""
    if _is_cjk(left[-1]) and _is_cjk(right[0]):
        return ""
    return " "


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


@dataclass
class TurnBuilder:
    speaker: str
    role: str
    line: int
    timestamp: str | None = None
    label: str = ""  # as the file writes it, when that differs from `speaker` (an alias)
    text: str = ""
    line_starts: list[tuple[int, int]] = field(default_factory=list)

    def add(self, piece: str, line: int, *, new_line: bool = False) -> None:
        piece = piece.strip()
        if not piece or is_only_non_speech(piece):
            return
        if self.text:
            self.text += "\n" if new_line else _joiner(self.text, piece)
        self.line_starts.append((len(self.text), line))
        self.text += piece

    def build(self) -> TranscriptTurn:
        label = self.label if self.label and self.label != self.speaker else ""
        return TranscriptTurn(speaker=self.speaker, role=self.role, text=self.text, line=self.line,
                              timestamp=self.timestamp, line_starts=self.line_starts, label=label)


_SENTENCE_END = re.compile(r"[.!?。！？…~～）)\"'”’]\s*$")


def _cut_mid_sentence(text: str) -> bool:
    """A long piece that stops without punctuation: a cue or a 60-second voice message cut short."""
    return not _SENTENCE_END.search(text) and len(text) - text.rfind("\n") > 20


def join_same_speaker(turns: list[TurnBuilder], *, separate_lines: bool = False) -> list[TurnBuilder]:
    """Consecutive pieces by one speaker form one turn (meeting exports cut turns into cues).

    With `separate_lines` (text exports, chat messages), pieces under two headers of one speaker
    keep a line break between them unless the first was cut mid-sentence.
    """
    joined: list[TurnBuilder] = []
    for turn in turns:
        if not turn.text:
            continue
        last = joined[-1] if joined else None
        if last is not None and (last.speaker, last.role, last.label) == (turn.speaker, turn.role, turn.label):
            new_line = separate_lines and not _cut_mid_sentence(last.text)
            for offset, (start, line) in enumerate(turn.line_starts):
                end = turn.line_starts[offset + 1][0] if offset + 1 < len(turn.line_starts) else len(turn.text)
                last.add(turn.text[start:end], line, new_line=new_line or offset > 0 and separate_lines)
            continue
        joined.append(turn)
    return joined
