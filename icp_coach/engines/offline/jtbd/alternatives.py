"""Alternatives: which options the customer seriously weighed, which were only named in
passing, and which one they chose.

Every option the interview names (option_features.collect_options) is scored by two small
learned heads trained by training/train_alternatives.py on interviews written for that purpose:
alternatives_head.npz says considered, passing, habit (what they use or used, not weighed as an
option to keep: reported as named, not weighed) or none (not an option for the job: a person, a
place, a customer, a tool used alongside); an option is considered when P(considered) reaches the
threshold the trainer chose by cross-validation (stored in the head). chosen_head.npz how likely the option is the one they went with,
used when no verb of choosing names it. The interviewer's own mentions count only through the customer's
answer; the chosen solution (and its modules) is never its own alternative.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from icp_coach.domain.jtbd import Alternative, Quote
from icp_coach.domain.jtbd_text import verified_quote
from icp_coach.domain.transcript import Transcript
from icp_coach.engines.offline.jtbd.option_features import (
    FEATURE_NAMES,
    OptionRecord,
    collect_options,
    display_name,
    option_features,
    spelling_key,
)
from icp_coach.engines.offline.jtbd.option_mentions import (
    FUNCTION_WORDS,
    GENERIC,
    GENERIC_HEADS,
    LOWER_NOT_NAMES,
    gazetteer,
    known_mentions,
    zh_answer_name,
    zh_name_like,
)
from icp_coach.engines.offline.learned.head import LinearHead

HEAD_FILE = "alternatives_head.npz"
CHOSEN_HEAD_FILE = "chosen_head.npz"
CLASSES = ("considered", "habit", "none", "passing")
NAMED = ("considered", "habit", "passing")  # reported, weighed or not
DEFAULT_CONSIDERED_THRESHOLD = 0.5
CHOSEN_CLASSES = ("chosen", "other")
CHOSEN_THRESHOLD = 0.35
KEPT_NONE_CEILING = 0.6


@dataclass(frozen=True)
class ScoredOption:
    option: OptionRecord
    name: str
    probabilities: dict[str, float]


@lru_cache(maxsize=2)
def load_head(file_name: str) -> LinearHead:
    with resources.files(__package__).joinpath(file_name).open("rb") as handle:
        head = LinearHead.load(handle)
    if head.feature_names != FEATURE_NAMES:
        raise RuntimeError(f"{file_name} was trained on other features: run "
                           "training/train_alternatives.py")
    return head


def score_options(transcript: Transcript, heads: tuple[LinearHead, LinearHead] | None = None
                  ) -> list[ScoredOption]:
    """Every option named, with P(considered), P(passing), P(none) and P(chosen)."""
    options = collect_options(transcript)
    if not options:
        return []
    alternatives, chosen = heads or (load_head(HEAD_FILE), load_head(CHOSEN_HEAD_FILE))
    rows = option_features(options, transcript)
    kinds, chosen_p = alternatives.predict_proba(rows), chosen.predict_proba(rows)
    column = chosen.classes.index("chosen")
    return [ScoredOption(option, display_name(option, transcript.language),
                         {**{name: float(p) for name, p in zip(alternatives.classes, row, strict=True)},
                          "chosen": float(chosen_row[column])})
            for option, row, chosen_row in zip(options, kinds, chosen_p, strict=True)]


def pick_chosen(scored: list[ScoredOption]) -> ScoredOption | None:
    """The product or name most likely to be the one they went with, if likely enough."""
    candidates = [s for s in scored if s.option.kind != GENERIC]
    if not candidates:
        return None
    best = max(candidates, key=lambda s: s.probabilities.get("chosen", 0.0))
    return best if best.probabilities.get("chosen", 0.0) >= CHOSEN_THRESHOLD else None


def _same_name(chosen: str, item: ScoredOption) -> bool:
    """The chosen product under any spelling ("Repair Shopr" is RepairShopr) or with its module."""
    names = {item.name.lower(), item.option.key.lower()}
    wanted = chosen.lower()
    if item.option.kind != GENERIC and spelling_key(chosen) == spelling_key(item.option.key):
        return True
    return wanted in names or (item.option.kind != GENERIC and any(
        len(name) >= 2 and (name in wanted or wanted in name) for name in names))


def _weak_name(option: OptionRecord) -> bool:
    """A clause-opening word never said in answer to a question about options."""
    return option.topic_only and not any("options" in c.asked for c in option.contexts if not c.taken_up)


def considered_threshold(head: LinearHead) -> float:
    return float(head.meta.get("considered_threshold", DEFAULT_CONSIDERED_THRESHOLD))


def label_alternatives(scored: list[ScoredOption], chosen: str | None,
                       threshold: float = DEFAULT_CONSIDERED_THRESHOLD) -> list[tuple[ScoredOption, str]]:
    """(option, "considered" | "passing") for the options that are alternatives: considered when
    P(considered) reaches `threshold`, else named in passing unless "none" is likeliest.
    A Chinese word seen only opening a clause (option.topic_only: no 叫X, no X系统, no verb of
    trying before it) is too weak a sign of a name to report as weighed, unless it opens a clause
    of an answer to "what else did you look at?": otherwise at most in passing."""
    labelled = []
    for item in scored:
        if chosen and _same_name(chosen, item):
            continue
        weights = {name: item.probabilities.get(name, 0.0) for name in CLASSES}
        # "did you think about keeping it?" answered yes: weighed, unless it is hardly an option
        kept = item.option.keep_weighed and weights["none"] < KEPT_NONE_CEILING
        if (weights["considered"] >= threshold or kept) and not _weak_name(item.option):
            labelled.append((item, "considered"))
        elif max(weights, key=lambda name: weights[name]) in NAMED:
            labelled.append((item, "passing"))
    return labelled


# General verbs of choosing right before a name: "switched to X", "before X", "决定上X".
_EN_CHOSEN = [
    r"\bbefore ([A-Z][\w.-]+)\b", r"\b(?:switch(?:ed)? to|chose|went with|bought|moved to|"
    r"rolled out|pick(?:ed)?|ended up with|end up with|went for|signed with|go with|going with|"
    r"land(?:ed)? on|settled on|decided on) ([A-Z][\w-]*(?:\.[\w-]+)*)",
    r"\b[Ww]hy ([A-Z][\w-]*)(?:\?| in the end)",  # the interviewer's "Why CaseTrack?"
]
_ZH_CHOSEN = [
    r"决定(?:上|用|选|买|换成)了?([\u4e00-\u9fffA-Za-z]{2,6}?)(?:[，,。？?]|的|之前|以后|这)",
    r"(?:用上|上了|选了|换成|选到|选中|签了)([\u4e00-\u9fffA-Za-z]{2,6}?)(?:之前|以后|之后|的|[，,。？?])",
    r"为什么(?:选|用|选择|买|上)了?([\u4e00-\u9fffA-Za-z]{2,6}?)(?:的|呢|[，,。？?])",
]
_NOT_CHOSEN = {"I", "We", "The", "And", "But", "So", "Before", "Then", "Our", "They", "It", "This",
               "That", "What", "How", "When", "Why", "Okay", "Yeah"}


def _chosen_by_verbs(transcript: Transcript) -> str | None:
    """The name most often right after a verb of choosing, anywhere in the interview, among the
    names said more than once ("we bought Anker battery packs" once is no product choice)."""
    patterns = _ZH_CHOSEN if transcript.language == "zh" else _EN_CHOSEN
    whole = "\n".join(turn.text for turn in transcript.turns)
    found: Counter[str] = Counter()
    speakers = {t.speaker for t in transcript.turns}
    not_names = gazetteer().not_names
    for turn in transcript.turns:
        for pattern in patterns:
            for match in re.finditer(pattern, turn.text):
                name = match.group(1).strip()
                if transcript.language == "zh" and not zh_name_like(name):
                    continue  # "上了本地的新闻": a phrase, not a product
                if name and name not in _NOT_CHOSEN and name not in not_names \
                        and name not in speakers and name not in transcript.interviewers \
                        and _said_twice(name, whole):
                    found[name] += 1
    return found.most_common(1)[0][0] if found else None


def _said_twice(name: str, whole: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", name):
        return whole.count(name) >= 2
    return len(re.findall(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", whole)) >= 2


# The interviewer asking what they went with: the name that opens the answer is the choice.
_CHOICE_ASKED = re.compile(
    r"\bwhat did you (?:end up )?(?:go(?:ing)? with|choos\w*|choose|pick|buy|sign with|settle on|land on)\b|"
    r"\bwhich (?:one|tool|system|product|software) did you (?:go with|choose|pick|end up)|"
    r"\bwhat did you (?:end up|wind up) (?:with|on|using|buying)\b|"
    r"\bwhere did you (?:end up|land|settle)\b|\bwhat (?:stuck|won(?: out)?)\?|"
    r"\b(?:and|so) you (?:picked|chose|went with|settled on|landed on|bought)\b|\bwhat(?:'s| is) it now\b|"
    r"\b(?:which|what) (?:system|software|tool|app|platform|product) (?:do|are) you (?:use|using|run|running|on)"
    r"(?: today| now| these days)?\b|"
    r"\bwhat (?:are|do) you (?:on|using|use|running) now\b|^\W*(?:and|so) (?:now|today)\?|"
    r"最后(?:选|用|定)(?:的|了)(?:是|哪|什么)|选的是(?:哪|什么)|最后用了(?:哪|什么)|"
    r"最后(?:选|用|定)了[？?]|^\W*最后呢[？?]|现在用的(?:是|哪|什么)|现在用(?:什么|哪个|哪家)|"
    r"为什么(?:最后)?(?:选|用|定|买)了?(?:现在)?(?:这个|这家|这套|它)", re.IGNORECASE)
# An answer that opens on the name itself: "途管家。报名……", "We went with RentCue, ...".
_ANSWER_NAME = {
    "zh": re.compile(r"^(?:我们|最后|后来)?(?:选了|用了|选的是|用的是|定了|上了|换成了?)?"
                     r"([\u4e00-\u9fffA-Za-z0-9]{2,6}?)(?:[，,。！!]|$)"),
    "en": re.compile(r"^(?:(?:we|i) (?:went with|chose|picked|bought|signed with|settled on|landed on|"
                     r"are on|'re on)\s+)?([A-Z][A-Za-z0-9]+(?:[ -][A-Z][A-Za-z0-9]+)?)[,.!]",
                     re.IGNORECASE)}


def _chosen_by_answer(transcript: Transcript, scored: list[ScoredOption]) -> str | None:
    """The listed or named option that opens the answer to "so what did you go with?"."""
    turns = transcript.turns
    for index, turn in enumerate(turns[:-1]):
        answer = turns[index + 1]
        if not turn.is_interviewer or answer.is_interviewer or not _CHOICE_ASKED.search(turn.text):
            continue
        opening = answer.text[:60]
        places = [(opening.find(words), item) for item in scored if item.option.kind != GENERIC
                  for words in item.option.words if words and words in opening]
        bare = _bare_answer_name(answer.text.strip(), transcript)
        if places and (bare is None or min(place[0] for place in places) == 0):
            return min(places, key=lambda place: place[0])[1].name
        if bare:
            return bare
    return None


def _bare_answer_name(answer: str, transcript: Transcript) -> str | None:
    """The name an answer about the choice opens on, found by nothing else ("途管家。")."""
    zh = transcript.language == "zh"
    match = _ANSWER_NAME["zh" if zh else "en"].match(answer)
    if match is None:
        return None
    name = match.group(1)
    if zh:
        return name if zh_answer_name(answer, name) else None
    first = name.split()[0]
    if not first[0].isupper():
        return name if _lower_case_answer_name(answer, name) else None
    speakers = {t.speaker for t in transcript.turns}
    whole = "\n".join(turn.text for turn in transcript.turns)
    lower = re.search(rf"(?<![A-Za-z]){re.escape(first.lower())}(?![A-Za-z])", whole)
    # said once is enough when the name is the whole first sentence: "Aspire. The crews clock in..."
    alone = answer[len(name):len(name) + 1] in (".", "!")
    return None if (first in _NOT_CHOSEN or first in gazetteer().not_names or first in speakers
                    or not first[0].isupper() or lower or not (alone or _said_twice(name, whole))) else name


def _lower_case_answer_name(answer: str, name: str) -> bool:
    """A name written in lower case (as speech-to-text often does) that is the whole first
    sentence of the answer about the choice ("shear sync. The shearers tap ..."), and is no
    ordinary word and no generic option ("paper.", "honestly.")."""
    alone = answer[len(name):len(name) + 1] in (".", "!")
    words = name.replace("-", " ").split()
    return alone and not known_mentions(name) and not any(
        w in FUNCTION_WORDS or w in LOWER_NOT_NAMES or w in GENERIC_HEADS or len(w) < 3 for w in words)


def choose(transcript: Transcript, scored: list[ScoredOption]) -> str | None:
    """The product the interview is about: the name that answers "what did you go with", else
    the name verbs of choosing point at, else the option the scorer finds most likely to be the
    one they went with."""
    named = _chosen_by_answer(transcript, scored) or _chosen_by_verbs(transcript)
    if named:
        return named
    chosen = pick_chosen(scored)
    return chosen.name if chosen else None


_last: list[tuple[Transcript, list[ScoredOption]]] = []


def _scored(transcript: Transcript) -> list[ScoredOption]:
    """score_options, once per transcript: the extractor asks for the chosen solution first and
    the alternatives next, about the same interview."""
    if _last and _last[0][0] is transcript:
        return _last[0][1]
    scored = score_options(transcript)
    _last[:] = [(transcript, scored)]
    return scored


def find_chosen_solution(transcript: Transcript) -> str | None:
    return choose(transcript, _scored(transcript))


def _evidence(option: OptionRecord, transcript: Transcript) -> list[Quote]:
    quotes: list[Quote] = []
    for turn_index, start, end in option.quotes:
        quote = verified_quote(transcript.turns[turn_index].text[start:end], transcript)
        if quote is not None and quote not in quotes:
            quotes.append(quote)
        if len(quotes) == 2:
            break
    return quotes


def find_alternatives(transcript: Transcript, chosen: str | None) -> list[Alternative]:
    scored = _scored(transcript)
    alternatives = [Alternative(name=item.name, considered=label == "considered",
                                evidence=_evidence(item.option, transcript))
                    for item, label in label_alternatives(scored, chosen,
                                                          considered_threshold(load_head(HEAD_FILE)))]
    alternatives.sort(key=lambda a: (not a.considered, a.name))
    return alternatives
