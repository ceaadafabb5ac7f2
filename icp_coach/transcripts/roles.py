"""Who ran the interview: named by the user, else by label and the metadata's hosts, else by the
evidence of the conversation itself.

The evidence, weighed per person (aliases already folded into one speaker):
- a label or role that says so (interviewer, moderator, host, researcher, observer, audience,
  访谈人, 主持人 ...), or a name on the header's `Hosts:` / `主持人：` line;
- asking: turns that are questions (a question mark, a question word first, 吗/呢 at the end)
  or short prompts ("Go on.", "And then?", "嗯，然后呢");
- short turns against the others' long answers, and opening the conversation;
- someone who speaks once or twice and only to put a question (an observer, a note-taker) is on
  the research side, but never the main interviewer when another asks in turn after turn.
A label that says "customer", "interviewee" or "受访者" is never taken for an interviewer.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from icp_coach.domain.transcript import TranscriptTurn
from icp_coach.transcripts.errors import TranscriptError

INTERVIEWER_WORDS = (
    "interviewer", "researcher", "moderator", "host", "facilitator", "ux research", "audience",
    "panel", "attendee", "observer", "note taker", "notetaker", "q&a",
    "访谈人", "采访人", "访谈者", "采访者", "主持人", "主持", "研究员", "调研员", "用户研究", "观众", "旁听",
    "记录员", "提问",
)
CUSTOMER_WORDS = ("customer", "client", "interviewee", "respondent", "participant", "guest",
                  "受访者", "受访人", "客户", "嘉宾", "用户代表")
_QUESTION_START = re.compile(
    r"^(?:(?:and|so|okay|ok|right|then)[, ]+)?(what|why|how|when|where|who|which|did|do|does|was|were|"
    r"is|are|can|could|would|will|have|has|tell me|walk me|talk me|describe|say more)\b",
    re.IGNORECASE)
_ZH_QUESTION = re.compile(r"(吗|呢|么|没有|是不是|为什么|怎么|什么|哪些|哪个|多少|多久|能不能|有没有)[。.]?$|"
                          r"^(那|所以)?(为什么|怎么|什么|哪|多少|能说说|说说|讲讲|聊聊|介绍一下)")


_QUESTION_END = re.compile(r"(?:[?？]|[吗呢么][。.]?)\s*[\"'”’)）]?\s*$")


def asks(text: str) -> bool:
    text = text.strip()
    return "?" in text or "？" in text or bool(_QUESTION_START.match(text)) or bool(_ZH_QUESTION.search(text))


def _size(text: str) -> int:
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in text)
    return len(text.split()) + cjk // 2


def _labelled_as(words: tuple[str, ...], turn: TranscriptTurn) -> bool:
    label = f"{turn.speaker} {turn.role} {turn.label}".lower()
    if words is INTERVIEWER_WORDS and turn.speaker.strip().lower() in ("q", "问"):
        return True
    if words is CUSTOMER_WORDS and turn.speaker.strip().lower() in ("a", "答"):
        return True
    return any(re.search(rf"(?<![a-z]){re.escape(word)}", label) for word in words)


@dataclass(frozen=True)
class Choice:
    interviewers: list[str]  # speakers (people)
    how: str  # why these, in a few words, for the note the user sees


def detect_interviewers(turns: list[TranscriptTurn], source: str,
                        override: list[str] | None = None,
                        hosts: list[str] | None = None,
                        guests: list[str] | None = None) -> Choice:
    """The interviewers among the speakers of `turns`. `override` names them (case-insensitive)."""
    speakers = list(dict.fromkeys(turn.speaker for turn in turns if turn.speaker))
    if override:
        return Choice(_overridden(turns, speakers, override, source), "as given with --interviewer")
    named_guest = {s for s in speakers
                   if any(_labelled_as(CUSTOMER_WORDS, t) for t in turns if t.speaker == s)
                   or any(_same_person(g, s, "") for g in guests or [])}
    hinted = [s for s in speakers if s not in named_guest and (
        any(_labelled_as(INTERVIEWER_WORDS, t) for t in turns if t.speaker == s)
        or any(_same_person(h, s, t.role) for h in hosts or [] for t in turns if t.speaker == s))]
    if hinted and len(hinted) < len(speakers):
        rest = [s for s in speakers if s not in hinted and s not in named_guest]
        more = _clear_askers(turns, rest, speakers)
        chosen = hinted + more
        if len(chosen) == len(speakers):
            chosen = hinted
        how = "by label or the header's hosts" + (", then by who asks" if more else "")
        return Choice(chosen, how)
    if len(speakers) < 2:
        return Choice([], "only one speaker")
    candidates = [s for s in speakers if s not in named_guest] or speakers
    chosen = _by_questions(turns, candidates, speakers)
    return Choice(chosen, "who asks the questions, in short turns")


def _overridden(turns: list[TranscriptTurn], speakers: list[str], override: list[str],
                source: str) -> list[str]:
    chosen: list[str] = []
    missing: list[str] = []
    for name in (n.strip() for n in override if n.strip()):
        hits = [s for s in speakers
                if any(_same_person(name, s, t.role) or _same_person(name, t.label, "")
                       for t in turns if t.speaker == s)]
        chosen += [s for s in hits if s not in chosen]
        if not hits:
            missing.append(name)
    if missing:
        raise TranscriptError(source, f"--interviewer {', '.join(missing)} is not a speaker here",
                              what_to_do=f"use one of: {', '.join(speakers)}")
    return chosen


@dataclass(frozen=True)
class _Evidence:
    turns: int
    asked: float  # share of turns that ask or prompt
    mean_size: float
    opened: bool


def _evidence(turns: list[TranscriptTurn]) -> dict[str, _Evidence]:
    spoke: dict[str, int] = defaultdict(int)
    asked: dict[str, float] = defaultdict(float)
    words: dict[str, int] = defaultdict(int)
    for turn in turns:
        if not turn.speaker:
            continue
        spoke[turn.speaker] += 1
        size = _size(turn.text)
        asked[turn.speaker] += 1.0 if asks(turn.text) else (0.5 if size <= 4 else 0.0)
        words[turn.speaker] += size
    first = next((t.speaker for t in turns if t.speaker), "")
    return {s: _Evidence(spoke[s], asked[s] / spoke[s], words[s] / spoke[s], s == first) for s in spoke}


def _one_off_asker(turns: list[TranscriptTurn], speaker: str, evidence: _Evidence) -> bool:
    """Speaks once or twice, each time to end on a question: an observer or a note-taker."""
    said = [t.text.strip() for t in turns if t.speaker == speaker]
    return evidence.turns <= 2 and all(_QUESTION_END.search(text) and _size(text) <= 30 for text in said)


def _clear_askers(turns: list[TranscriptTurn], candidates: list[str], speakers: list[str]) -> list[str]:
    """Besides the named interviewers: people who clearly only ask (a second host, the audience)."""
    evidence = _evidence(turns)
    longest = max((evidence[s].mean_size for s in speakers if s in evidence), default=1.0)

    def clear(e: _Evidence) -> bool:
        always = e.turns >= 2 and e.asked >= 0.9 and e.mean_size < longest
        return always or (e.turns >= 2 and e.asked >= 0.6 or e.asked == 1.0) and e.mean_size < 0.6 * longest
    return [s for s in candidates if s in evidence
            and (clear(evidence[s]) or _one_off_asker(turns, s, evidence[s]))]


def _by_questions(turns: list[TranscriptTurn], candidates: list[str], speakers: list[str]) -> list[str]:
    """The speaker who most looks like the one running the call, and anyone who asks as much."""
    evidence = _evidence(turns)
    candidates = [s for s in candidates if s in evidence]
    longest = max(evidence[s].mean_size for s in evidence) or 1.0

    def weight(s: str) -> float:
        e = evidence[s]
        return e.asked + (0.15 if e.opened else 0.0) - 0.3 * e.mean_size / longest
    asking = [s for s in candidates if evidence[s].turns >= 2 and evidence[s].asked >= 0.5]
    best = max(asking or candidates, key=weight)  # a one-off question never outweighs a whole interview
    top = evidence[best]
    chosen = [best] + [s for s in candidates if s != best and evidence[s].turns >= 2
                       and evidence[s].asked >= 0.6 and evidence[s].asked >= top.asked - 0.15
                       and evidence[s].mean_size <= 1.2 * max(top.mean_size, 1.0)]
    chosen += [s for s in candidates if s not in chosen and (
        evidence[s].asked == 1.0 and evidence[s].turns <= 2 and evidence[s].mean_size < 0.6 * longest
        or _one_off_asker(turns, s, evidence[s]))]  # the audience, an observer
    if len(chosen) >= len(speakers):
        chosen = [best]
    return chosen


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
