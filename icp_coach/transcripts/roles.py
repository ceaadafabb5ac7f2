"""Who ran the interview: named by the user, else by label and the metadata's hosts, else by the
evidence of the conversation itself.

The evidence, weighed per person (aliases already folded into one speaker; cues in `role_cues`):
- a label or role that says so (interviewer, moderator, host, researcher, PM, observer, 访谈人,
  主持人, 记录 ...), or a name on the header's `Hosts:` / `主持人：` line or marked so in brackets
  on a `Participants:` / `参会人：` line; a label that says customer, interviewee, 客户, 用户 or
  受访者 is never taken for an interviewer;
- asking about the other side's work (question marks, interrogatives, prompts, in both languages),
  against asking back about the product, the price or the company, which is what customers do;
- thanking for the interview, opening with a question, short turns against the others' answers;
- beside the main interviewer: a second one who asks about as much, in turns shorter than the
  customer's or answering nothing; anyone who speaks two or three times only to ask, to note
  something for the team or to greet and thank, and answers no question (an observer, a
  note-taker); someone the interviewer introduces as a colleague ("Owen from our team", "我们的
  同事高远") who asks more than answers; the one who opens the call, thanks for it and asks most
  of the time, or introduces the interviewer as a colleague (a lead who also did the logistics).
  The one who answers most is always the customer;
- numbered labels that are all alike ("Participant 1/2/3", "Guest 1/2") say nothing about sides.
Questions are found with or without punctuation (speech-to-text often drops the "?").
When the runner-up is almost as likely the interviewer, the choice says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from icp_coach.domain.transcript import TranscriptTurn
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.role_cues import (
    asks,
    asks_back,
    courtesy,
    hosts_session,
    introduces_colleague,
    research_aside,
    size,
    thanks_for_time,
    you_and_self,
)

INTERVIEWER_WORDS = (
    "interviewer", "researcher", "moderator", "host", "facilitator", "ux research", "audience",
    "panel", "attendee", "observer", "note taker", "notetaker", "note-taker", "q&a", "pm",
    "product manager", "product team",
    "访谈人", "采访人", "访谈者", "采访者", "访谈员", "采访员", "主持人", "主持", "研究员", "调研员", "用户研究", "观众", "旁听",
    "记录", "观察员", "提问", "产品经理",
)
CUSTOMER_WORDS = ("customer", "client", "interviewee", "respondent", "participant", "guest",
                  "受访者", "受访人", "客户", "嘉宾", "用户")
_SHORT_WORDS = ("pm", "ux")  # whole words only: not "pmo", "uxbridge"
_NOT_AFTER = {"用户": "(?!研究|调研)"}  # 用户研究员 is on the research side
_QUESTION_END = re.compile(r"(?:[?？]|[吗呢么][。.]?)\s*[\"'”’)）]?\s*$")


_Q_AND_A = {"q", "a", "问", "答"}


def _labelled_as(words: tuple[str, ...], turn: TranscriptTurn, q_and_a: bool = False) -> bool:
    """Whether the label says the side; `Q` / `A` do only in a Q/A record (AssemblyAI's speakers
    `A` and `B` are letters, not an answerer)."""
    label = f"{turn.speaker} {turn.role} {turn.label}".lower()
    if q_and_a and words is INTERVIEWER_WORDS and turn.speaker.strip().lower() in ("q", "问"):
        return True
    if q_and_a and words is CUSTOMER_WORDS and turn.speaker.strip().lower() in ("a", "答"):
        return True
    return any(re.search(rf"(?<![a-z]){re.escape(word)}" + ("(?![a-z])" if word in _SHORT_WORDS else "")
                         + _NOT_AFTER.get(word, ""), label)
               for word in words)


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
    if len(speakers) < 2:
        return Choice([], "only one speaker")
    evidence = _evidence(turns)
    # "Participant 1/2/3", "Guest 1/2": the meeting tool's word, which says neither side
    numbered = not any(t.role for t in turns) and _numbered_alike(speakers)
    q_and_a = {s.strip().lower() for s in speakers} <= _Q_AND_A
    named_guest = {s for s in speakers
                   if not numbered and any(_labelled_as(CUSTOMER_WORDS, t, q_and_a) for t in turns if t.speaker == s)
                   or any(_same_person(g, s, "") for g in guests or [])}
    hinted = [s for s in speakers if s not in named_guest and (
        not numbered and any(_labelled_as(INTERVIEWER_WORDS, t, q_and_a) for t in turns if t.speaker == s)
        or any(_same_person(h, s, t.role) for h in hosts or [] for t in turns if t.speaker == s))]
    runner_up = ""
    if hinted and len(hinted) < len(speakers):
        main, how = hinted, "by label or the header"
    else:
        candidates = [s for s in speakers if s not in named_guest] or speakers
        best, runner_up = _main_interviewer(evidence, candidates)
        main, how = [best], "who asks the questions"
    rest = [s for s in speakers if s not in main and s not in named_guest]
    opening = {s: [t.text for t in turns if t.speaker == s][:3] for s in speakers}
    chosen = main + _also_research(evidence, main, rest, speakers, opening)
    if len(chosen) >= len(speakers):
        chosen = main
    reasons = _reasons(evidence, [s for s in chosen if s not in hinted])
    how += f": {reasons}" if reasons else ""
    askers_back = [s for s in speakers if s not in chosen and evidence[s].asked_back >= 0.2]
    if askers_back:
        how += "; " + ", ".join(askers_back) + " asks about the product or the price, as customers do"
    if runner_up and runner_up not in chosen:
        how += (f"; unsure: {runner_up} looks almost as much like the interviewer "
                f"(asks {evidence[runner_up].asked:.0%} of {evidence[runner_up].turns} turns)")
    return Choice(chosen, how)


_NUMBERED = re.compile(r"^(?P<word>[^\W\d_]+?)(?:[\s_-]*\d{1,2}|[\s_-]+[A-Za-z])$")


def _numbered_alike(speakers: list[str]) -> bool:
    """Every speaker is one word plus a number or a letter ("Participant 1", "Guest 2", "Attendee
    A"): a meeting tool's numbering, which says nothing about who is on which side."""
    words = {match.group("word").lower() if (match := _NUMBERED.match(s.strip())) else None for s in speakers}
    return len(words) == 1 and None not in words


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
    words: int
    asked: float  # share of turns that ask about the other side's work, or prompt
    asked_back: float  # share of turns that ask about the product, the price, the company
    mean_size: float
    opened: bool  # the first turn, and it asks or thanks (not a mic check)
    thanks: bool  # thanks the other side for the interview
    asides: int  # lines of a note-taker or an observer
    one_off_questions: bool  # every line short and ending on a question
    you_share: float  # "you/your/您/你们" against "I/we/我/我们" (0.5 when neither)
    answered: float  # share of turns that answer someone else's question (not ask, not greet)
    courteous: bool  # every turn a greeting, a thanks or an "okay", none answering a question
    asks_or_notes: bool  # every turn asks, notes something down or is a courtesy; none answers


def _prompt_weight(text: str, after_question: bool) -> float:
    """1 for a question, 0.5 for a short prompt ("Go on.", "然后呢"), 0 for an answer: a short
    turn right after someone else's question ("Yeah.", "对。", "五年。") answers it."""
    if asks_back(text):
        return 0.0
    if asks(text):
        return 1.0
    return 0.5 if size(text) <= 4 and not after_question else 0.0


def _evidence(turns: list[TranscriptTurn]) -> dict[str, _Evidence]:
    said: dict[str, list[str]] = defaultdict(list)
    weights: dict[str, float] = defaultdict(float)
    answers: dict[str, int] = defaultdict(int)
    polite: dict[str, bool] = defaultdict(lambda: True)
    minor: dict[str, bool] = defaultdict(lambda: True)
    previous: TranscriptTurn | None = None
    for turn in turns:
        if turn.speaker:
            text = turn.text.strip()
            after_question = previous is not None and previous.speaker != turn.speaker and asks(previous.text)
            said[turn.speaker].append(text)
            weights[turn.speaker] += _prompt_weight(text, after_question)
            answers[turn.speaker] += after_question and not asks(text) and not courtesy(text)
            polite[turn.speaker] &= courtesy(text) and not after_question
            minor[turn.speaker] &= not after_question and not asks_back(text) and (
                asks(text) or research_aside(text) or courtesy(text) or thanks_for_time(text)
                or hosts_session(text))
            previous = turn
    first = next((t for t in turns if t.speaker), None)
    evidence = {}
    for speaker, texts in said.items():
        back = [asks_back(t) for t in texts]
        asked = weights[speaker]
        words = sum(size(t) for t in texts)
        you, own = (sum(pair) for pair in zip(*(you_and_self(t) for t in texts), strict=True))
        opened = first is not None and first.speaker == speaker and (
            (asks(first.text) and not asks_back(first.text)) or thanks_for_time(first.text))
        evidence[speaker] = _Evidence(
            turns=len(texts), words=words, asked=asked / len(texts), asked_back=sum(back) / len(texts),
            mean_size=words / len(texts), opened=opened, thanks=any(thanks_for_time(t) for t in texts),
            asides=sum(research_aside(t) for t in texts),
            one_off_questions=all(_QUESTION_END.search(t) and size(t) <= 30 for t in texts),
            you_share=(you + 1) / (you + own + 2),
            answered=answers[speaker] / len(texts), courteous=polite[speaker],
            asks_or_notes=minor[speaker])
    return evidence


def _score(e: _Evidence, longest: float) -> float:
    """How much one speaker looks like the one running the call."""
    return (e.asked - e.asked_back - 0.3 * e.mean_size / longest
            + (0.15 if e.opened else 0.0) + (0.2 if e.thanks else 0.0) + 0.3 * (e.you_share - 0.5))


def _main_interviewer(evidence: dict[str, _Evidence], candidates: list[str]) -> tuple[str, str]:
    """The best-scoring candidate, and the runner-up when it scores almost as well."""
    longest = max(e.mean_size for e in evidence.values()) or 1.0
    asking = [s for s in candidates if evidence[s].turns >= 3 and evidence[s].asked >= 0.4]
    ranked = sorted(asking or candidates, key=lambda s: _score(evidence[s], longest), reverse=True)
    close = len(ranked) > 1 and _score(evidence[ranked[0]], longest) - _score(evidence[ranked[1]], longest) < 0.2
    return ranked[0], ranked[1] if close else ""


def _also_research(evidence: dict[str, _Evidence], main: list[str], rest: list[str],
                   speakers: list[str], opening: dict[str, list[str]]) -> list[str]:
    """Besides the main interviewer(s): a second interviewer, an observer, a note-taker.

    Never the one who answers most (the customer), never someone who asks about the product.
    """
    total = sum(e.turns for e in evidence.values())
    others = [s for s in speakers if s not in main and s in evidence]
    answerer = max(others, key=lambda s: evidence[s].words, default="")
    top = max((evidence[s].asked for s in main if s in evidence), default=1.0)
    answer_size = evidence[answerer].mean_size if answerer else 0.0

    def co_interviewer(e: _Evidence) -> bool:
        steady = e.turns >= 3 and e.asked >= 0.5 or e.turns == 2 and e.asked >= 0.9
        # shorter turns than the customer's, or (when the customer answers tersely) no answers at all
        return (steady and e.asked_back <= 0.2 and e.asked >= top - 0.3
                and (e.mean_size <= 0.8 * answer_size or e.answered <= 0.1))

    def minor_research(e: _Evidence) -> bool:
        return (e.turns <= 3 and e.turns <= 0.15 * total and e.asked_back == 0
                and (e.asides > 0 or e.one_off_questions or e.asks_or_notes))

    def colleague(s: str) -> bool:  # introduced as one of theirs, and asks more than answers
        e = evidence[s]
        return (e.asked_back == 0 and e.answered <= 0.34 and e.turns <= 0.25 * total
                and introduced(s))

    def introduced(s: str) -> bool:
        return any(introduces_colleague(text, s) for m in main for text in opening.get(m, []))

    def runs_the_call(s: str) -> bool:
        # opens the call and thanks for it at the end, asks most of the time, answers little, or
        # introduces the interviewer as one of the team: the lead who also did the logistics
        e = evidence[s]
        if e.asked_back > 0 or e.answered > 0.34:
            return False
        introduces = any(introduces_colleague(text, m) for m in main for text in opening.get(s, []))
        return introduces and e.asked >= 0.3 or e.opened and e.thanks and e.asked >= 0.5
    return [s for s in rest if s in evidence and s != answerer
            and (co_interviewer(evidence[s]) or minor_research(evidence[s]) or colleague(s)
                 or runs_the_call(s))]


def _reasons(evidence: dict[str, _Evidence], chosen: list[str]) -> str:
    parts = []
    for s in chosen:
        e = evidence.get(s)
        if e is None:
            continue
        if e.asides and e.turns <= 3:
            parts.append(f"{s}: a note-taker's or observer's line")
        elif e.courteous and e.turns <= 3:
            parts.append(f"{s}: only greets or thanks, answers nothing (an observer)")
        elif e.asks_or_notes and e.turns <= 3 and e.asked < 0.5:
            parts.append(f"{s}: opens, closes or thanks, answers nothing (a host or an observer)")
        elif e.asked < 0.5:
            parts.append(f"{s}: introduced as one of the research side, answers {e.answered:.0%} of "
                         f"{e.turns} turns")
        else:
            parts.append(f"{s}: asks {e.asked:.0%} of {e.turns} turns")
    return "; ".join(parts)


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
