"""Who is the interviewer: named by the user, else by role or name, else by who asks questions."""

from __future__ import annotations

import re
from collections import defaultdict

from icp_coach.domain.transcript import TranscriptTurn
from icp_coach.transcripts.errors import TranscriptError

INTERVIEWER_WORDS = (
    "interviewer", "researcher", "moderator", "host", "facilitator", "ux research", "audience",
    "panel", "attendee",
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
                        override: list[str] | None = None,
                        hosts: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Interviewer speaker labels, and warnings. `override` names them (case-insensitive)."""
    speakers = list(dict.fromkeys(turn.speaker for turn in turns if turn.speaker))
    if override:
        roles_of = {turn.speaker: turn.role for turn in turns}
        chosen = []
        missing = []
        for name in (n.strip() for n in override if n.strip()):
            hits = [s for s in speakers if _same_person(name, s, roles_of.get(s, ""))]
            chosen += [s for s in hits if s not in chosen]
            if not hits:
                missing.append(name)
        if missing:
            raise TranscriptError(
                source, f"--interviewer {', '.join(missing)} is not a speaker here",
                what_to_do=f"use one of: {', '.join(speakers)}")
        return chosen, []
    roles = {turn.speaker: turn.role for turn in turns}
    hinted = [s for s in speakers if _hinted(s, roles.get(s, ""))
              or any(_same_person(h, s, roles.get(s, "")) for h in hosts or [])]
    if hinted and len(hinted) < len(speakers):
        rest = [t for t in turns if t.speaker not in hinted]
        more = _by_questions(rest, [s for s in speakers if s not in hinted], strict=True)
        chosen = hinted + more
        if len(chosen) == len(speakers):
            chosen = hinted
        return chosen, [f"{source}: interviewer(s): {', '.join(chosen)} (by label or the "
                        "metadata's hosts, then by who asks); pass --interviewer NAME to change it"]
    if len(speakers) < 2:
        return [], [f"{source}: only one speaker ({speakers[0] if speakers else 'none'}); "
                    "every turn is treated as the customer's"]
    chosen = _by_questions(turns, speakers, strict=False)
    note = (f"{source}: interviewer(s) taken to be {', '.join(chosen)} (who asks the questions, in "
            "short turns); pass --interviewer NAME to change it")
    return chosen, [note]


def _by_questions(turns: list[TranscriptTurn], speakers: list[str], *, strict: bool) -> list[str]:
    """Speakers who mostly ask, in short turns. `strict`: only clear askers (may be none)."""
    if not speakers:
        return []
    asked: dict[str, int] = defaultdict(int)
    spoke: dict[str, int] = defaultdict(int)
    words: dict[str, int] = defaultdict(int)
    for turn in turns:
        if turn.speaker:
            spoke[turn.speaker] += 1
            asked[turn.speaker] += _asks(turn.text)
            words[turn.speaker] += _size(turn.text)
    share = {s: asked[s] / spoke[s] for s in speakers}
    mean = {s: words[s] / spoke[s] for s in speakers}
    first = turns[0].speaker if turns else ""

    def weight(s: str) -> float:
        # mostly questions, short turns, the one who opens: the signs of whoever runs the call
        return share[s] + (0.15 if s == first else 0.0) - 0.3 * mean[s] / max(max(mean.values()), 1)
    best = max(speakers, key=weight)
    chosen = [best] + [s for s in speakers if s != best and spoke[s] >= 2 and share[s] >= 0.6
                       and share[s] >= share[best] - 0.15 and mean[s] <= 1.2 * mean[best]]
    if strict:
        longest = max(mean.values())
        return [s for s in speakers if (spoke[s] >= 2 and share[s] >= 0.6 or share[s] == 1.0)
                and mean[s] < 0.6 * longest]
    if len(chosen) == len(speakers):
        chosen = [best]
    return chosen


def _size(text: str) -> int:
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in text)
    return len(text.split()) + cjk // 2


def _same_person(name: str, speaker: str, role: str) -> bool:
    """`--interviewer "Priya Raman"` names the speaker `Priya`, `Priya Raman`, `PM (Priya)`."""
    wanted = name.lower().split()
    for label in (speaker, role):
        have = label.lower().split()
        if not have:
            continue
        if have == wanted or set(have) <= set(wanted) or set(wanted) <= set(have):
            return True
    return False
