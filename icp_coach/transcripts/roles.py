"""Who is the interviewer: named by the user, else by role or name, else by who asks questions."""

from __future__ import annotations

import re
from collections import defaultdict

from icp_coach.domain.transcript import TranscriptTurn
from icp_coach.transcripts.errors import TranscriptError

INTERVIEWER_WORDS = (
    "interviewer", "researcher", "moderator", "host", "facilitator", "ux research",
    "访谈人", "采访人", "访谈者", "采访者", "主持人", "研究员", "调研员",
)
_QUESTION_START = re.compile(
    r"^(what|why|how|when|where|who|which|did|do|does|was|were|is|are|can|could|would|tell me|walk me)\b",
    re.IGNORECASE)


def _asks(text: str) -> bool:
    text = text.strip()
    return text.endswith(("?", "？")) or "?" in text or "？" in text or bool(_QUESTION_START.match(text)) \
        or text.endswith(("吗", "呢"))


def _hinted(speaker: str, role: str) -> bool:
    label = f"{speaker} {role}".lower()
    return any(word in label for word in INTERVIEWER_WORDS) or speaker.strip().lower() in ("q", "问")


def detect_interviewers(turns: list[TranscriptTurn], source: str,
                        override: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Interviewer speaker labels, and warnings. `override` names them (case-insensitive)."""
    speakers = list(dict.fromkeys(turn.speaker for turn in turns if turn.speaker))
    if override:
        wanted = {name.strip().lower() for name in override if name.strip()}
        chosen = [s for s in speakers if s.lower() in wanted]
        found = {s.lower() for s in chosen}
        missing = [name.strip() for name in override if name.strip() and name.strip().lower() not in found]
        if missing:
            raise TranscriptError(
                source, f"--interviewer {', '.join(missing)} is not a speaker here",
                what_to_do=f"use one of: {', '.join(speakers)}")
        return chosen, []
    roles = {turn.speaker: turn.role for turn in turns}
    hinted = [s for s in speakers if _hinted(s, roles.get(s, ""))]
    if hinted:
        return hinted, []
    if len(speakers) < 2:
        return [], [f"{source}: only one speaker ({speakers[0] if speakers else 'none'}); "
                    "every turn is treated as the customer's"]
    asked: dict[str, int] = defaultdict(int)
    spoke: dict[str, int] = defaultdict(int)
    for turn in turns:
        if turn.speaker:
            spoke[turn.speaker] += 1
            asked[turn.speaker] += _asks(turn.text)
    share = {s: asked[s] / spoke[s] for s in speakers}
    best = max(speakers, key=lambda s: (share[s], asked[s]))
    note = (f"{source}: interviewer taken to be {best!r} (asks {asked[best]} of {spoke[best]} "
            "turns as questions); pass --interviewer NAME to change it")
    return [best], [note]
