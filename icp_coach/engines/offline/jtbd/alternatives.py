"""Alternatives: which options the customer seriously weighed, which were only named in
passing, and which one they chose.

A name counts when it sits in the customer's words, or in a question the customer then answers.
Evidence words near it ("we did two demos", "we got a quote", 试用, 报价) make it considered;
dismissive words ("never really a contender", "but no", 否了, 就算了) make it a passing mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from icp_coach.domain.jtbd import Alternative, Quote
from icp_coach.domain.jtbd_text import split_sentences, verified_quote
from icp_coach.domain.transcript import Transcript
from icp_coach.engines.offline.jtbd.lexicon import alternative_lexicon, cue_lexicon

# General verbs of choosing: "switched to X", "before X", "went with X".
_EN_CHOSEN = [
    r"\bbefore ([A-Z][\w.-]+)\b", r"\b(?:switch(?:ed)? to|chose|went with|bought|moved to|"
    r"rolled out|pick(?:ed)?|ended up with|end up with|went for|signed with) ([A-Z][\w.-]+)",
]
_ZH_CHOSEN = [
    r"决定(?:上|用|选|买|换成)了?([\u4e00-\u9fffA-Za-z]{2,6}?)(?:[，,。？?]|的|之前|以后|这)",
    r"(?:用上|上了|选了|换成)([\u4e00-\u9fffA-Za-z]{2,6}?)(?:之前|以后|之后|[，,。？?])",
]
# A capitalised name right after words of weighing an option: a product the gazetteer lacks.
_EN_WEIGHED_NAME = re.compile(
    r"\b(?:evaluated|looked at|considered|trialled|trialed|a trial of|priced|demoed|compared|"
    r"shortlisted|piloted|talked to|mentioned|brought up|recommended|pitched)\s+"
    r"(?:a |an |the )?([A-Z][\w.-]*[A-Za-z0-9](?:\s[A-Z][\w.-]*[A-Za-z0-9])?)")
_NOT_NAMES = {"I", "We", "The", "And", "But", "So", "Before", "Then", "Our", "They", "It", "This",
              "That", "What", "How", "When", "Why", "Okay", "Yeah", "Sales", "Monday", "Sunday"}


@dataclass
class _Mention:
    detail: str = ""  # for a generic option, the customer's own words for it
    considered: float = 0.0
    passing: float = 0.0
    quotes: list[Quote] = field(default_factory=list)


def find_chosen_solution(transcript: Transcript) -> str | None:
    """The product the interview is about: named in "before X", "决定上X" and the like, most often."""
    patterns = _ZH_CHOSEN if transcript.language == "zh" else _EN_CHOSEN
    found: Counter[str] = Counter()
    for turn in transcript.turns:
        for pattern in patterns:
            for match in re.finditer(pattern, turn.text):
                name = match.group(1).strip()
                if name and name not in _NOT_NAMES and name not in transcript.interviewers:
                    found[name] += 1
    if not found:
        return None
    speakers = {t.speaker for t in transcript.turns}
    for name, _ in found.most_common():
        if name not in speakers:
            # confirm with the total number of mentions anywhere in the interview
            return name
    return None


def _names_in(text: str) -> list[str]:
    return list(_matches_in(text))


def _matches_in(text: str) -> dict[str, str]:
    """Option name -> the words that named it (for generic options such as building in-house)."""
    lexicon = alternative_lexicon()
    hits: dict[str, str] = {}
    for weighed in _EN_WEIGHED_NAME.finditer(text):
        name = weighed.group(1).strip()
        if name.split()[0] not in _NOT_NAMES:
            hits.setdefault(name, "")
    for table, generic in ((lexicon.names, False), (lexicon.generic, True)):
        for name, spellings in table.items():
            for spelling in spellings:
                match = spelling.search(text)
                if match:
                    hits[name] = match.group(0) if generic else ""
                    break
    return hits


def _weigh(text: str) -> tuple[float, float]:
    lexicon = alternative_lexicon()
    considered = sum(1.0 for p in lexicon.considered if p.search(text))
    passing = sum(1.0 for p in lexicon.passing if p.search(text))
    return considered, passing


def find_alternatives(transcript: Transcript, chosen: str | None) -> list[Alternative]:
    lexicon = cue_lexicon(transcript.language)
    mentions: dict[str, _Mention] = {}
    asked_names: list[str] = []
    options_question = False
    for turn in transcript.turns:
        if turn.is_interviewer:
            asked_names = _names_in(turn.text)
            options_question = "alternatives" in lexicon.question_kinds(turn.text)
            continue
        spans = split_sentences(turn.text, transcript.language)
        for position, (start, end) in enumerate(spans):
            sentence = turn.text[start:end]
            matched = _matches_in(sentence)
            names = list(matched)
            # an answer to "did you consider X?" is about X even when X is not repeated
            if position < 2 and asked_names:
                names += [n for n in asked_names if n not in names]
            if not names:
                continue
            window = " ".join(turn.text[a:b] for a, b in spans[position:position + 3])
            considered, passing = _weigh(window)
            own_considered, own_passing = _weigh(sentence)
            if options_question:
                considered += 0.5
            for name in names:
                mention = mentions.setdefault(name, _Mention(detail=matched.get(name, "")))
                mention.considered += considered + own_considered
                mention.passing += passing + 2 * own_passing
                quote = verified_quote(sentence, transcript)
                if quote is not None and len(mention.quotes) < 2:
                    mention.quotes.append(quote)
        asked_names = []
        options_question = False
    alternatives: list[Alternative] = []
    speakers = {t.speaker for t in transcript.turns} | {t.speaker.split()[0] for t in transcript.turns if t.speaker}
    for key, mention in mentions.items():
        if key in speakers:
            continue  # a person, not an option
        english, _, chinese = key.partition("|")
        name = chinese if chinese and transcript.language == "zh" else english
        if mention.detail and mention.detail.lower() != name.lower():
            name = f"{name}（{mention.detail}）" if transcript.language == "zh" else f"{name} ({mention.detail})"
        if chosen and (name.lower() == chosen.lower()):
            continue
        if mention.considered == 0 and mention.passing == 0:
            continue  # named, but never as an option (a tool they use alongside)
        considered = mention.considered > mention.passing
        alternatives.append(Alternative(name=name, considered=considered, evidence=mention.quotes))
    alternatives.sort(key=lambda a: (not a.considered, a.name))
    return alternatives
