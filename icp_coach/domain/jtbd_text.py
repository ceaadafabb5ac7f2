"""Pure text helpers for interview evidence: finding a quote verbatim in a customer turn,
splitting turns into sentences, telling Chinese from English.

A quote is kept only when it occurs in a customer turn after whitespace is normalised (runs of
spaces and line breaks count as one space; curly and straight quote marks count as the same
mark). The quote that is shown is always the transcript's own span, never the candidate's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from icp_coach.domain.jtbd import Quote
from icp_coach.domain.language import Language
from icp_coach.domain.non_speech import speech_spans
from icp_coach.domain.transcript import Transcript, TranscriptTurn

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_SAME_MARK = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                            "\u00a0": " ", "\u3000": " "})


def detect_language(text: str) -> Language:
    """"zh" when Chinese characters make up a fair share of the letters, else "en"."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    return "zh" if cjk and cjk * 3 >= latin * 0.5 else "en"


_NEEDS_WORK = re.compile(r"\s\s|[\t\n\r\f\v\u00a0\u3000\u2018\u2019\u201c\u201d]|^\s|\s$")


@lru_cache(maxsize=8192)
def _normalise_with_map(text: str) -> tuple[str, Sequence[int]]:
    """Whitespace-collapsed text and, for each of its characters, the index in `text`.
    Cached: a transcript's turns are searched for many quotes."""
    if not _NEEDS_WORK.search(text):
        return text, range(len(text))
    chars: list[str] = []
    index: list[int] = []
    previous_space = True  # drops leading whitespace
    for position, char in enumerate(text.translate(_SAME_MARK)):
        if char.isspace():
            if previous_space:
                continue
            chars.append(" ")
            index.append(position)
            previous_space = True
            continue
        chars.append(char)
        index.append(position)
        previous_space = False
    while chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), tuple(index)


def normalise(text: str) -> str:
    return _normalise_with_map(text)[0]


def find_span(candidate: str, text: str) -> tuple[int, int] | None:
    """(start, end) of `candidate` inside `text` under whitespace normalisation, else None."""
    exact = text.find(candidate) if candidate.strip() == candidate else -1
    if exact >= 0 and candidate:
        return exact, exact + len(candidate)
    wanted = normalise(candidate)
    if not wanted:
        return None
    flat, index = _normalise_with_map(text)
    at = flat.find(wanted)
    if at < 0:
        return None
    return index[at], index[at + len(wanted) - 1] + 1


@dataclass(frozen=True)
class Located:
    turn: TranscriptTurn
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.turn.text[self.start:self.end]


def locate_in_customer_turns(candidate: str, transcript: Transcript) -> Located | None:
    """The first customer turn holding `candidate` verbatim (whitespace-normalised)."""
    for turn in transcript.turns:
        if turn.is_interviewer:
            continue
        span = find_span(candidate, turn.text)
        if span is not None:
            return Located(turn, span[0], span[1])
    return None


def verified_quote(candidate: str, transcript: Transcript) -> Quote | None:
    """A `Quote` for `candidate` when it is verbatim in a customer turn; None otherwise."""
    found = locate_in_customer_turns(candidate, transcript)
    if found is None:
        return None
    return Quote(quote=found.text, source=transcript.source, line=found.turn.line_at(found.start),
                 speaker=found.turn.speaker, timestamp=found.turn.timestamp)


def quote_is_verbatim(quote: Quote, transcript: Transcript) -> bool:
    return locate_in_customer_turns(quote.quote, transcript) is not None


# --- sentences --------------------------------------------------------------------------------
# Both languages' sentence ends are honoured in either kind of transcript: interviews mix them.
_EN_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9\u4e00-\u9fff])"
                     r"|(?<=[。！？])[”’」』）]*")
_ZH_END = re.compile(r"(?<=[。！？；])[”’」』）]*|(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z\u4e00-\u9fff])")
_LONG_EN_BREAK = re.compile(r"(?<=[,;:\u2014])\s+(?=(?:and|but|so|which|because|then)\b)|(?<=;)\s+")
_LONG_ZH_BREAK = re.compile(r"(?<=[，,])")

MAX_EN_WORDS = 32
MAX_ZH_CHARS = 48
# ASR run-ons (a whole answer without a sentence mark) are cut before the words that open a clause
# in speech, or at an ASR pause (a space between Chinese characters); a piece too short to say
# anything joins its neighbour, so a force said inside a run-on becomes a sentence of its own
_RUN_ON_EN = re.compile(r"\s+(?=(?:and then|and|but|so|then|because|now|honestly|what if|after that|"
                        r"which|until|when|i|i'd|i'm|we|we'd|we're|my|our|they|there's|that's)\b)",
                        re.IGNORECASE)
_RUN_ON_ZH = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_RUN_ON_ZH_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])(?=然后|但是|所以|后来|不过|结果)")
_CONNECTIVE = re.compile(r"^(?:(?:and|but|so|then|because|now|honestly|when|which|until)\s*)+$",
                         re.IGNORECASE)
MIN_RUN_ON_EN_WORDS = 7
MIN_RUN_ON_ZH_CHARS = 8


@dataclass(frozen=True)
class Sentence:
    turn_index: int
    start: int
    end: int
    text: str


def _pieces(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in pattern.finditer(text):
        cut = match.end()
        if cut > start:
            spans.append((start, cut))
        start = cut
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _too_long(piece: str, language: str) -> bool:
    if language == "zh":
        return len(piece) > MAX_ZH_CHARS
    return len(piece.split()) > MAX_EN_WORDS


def _split_long(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Cut an over-long sentence at clause boundaries, then merge clauses back up to the limit."""
    piece = text[start:end]
    if not _too_long(piece, language):
        return [(start, end)]
    breaker = _LONG_ZH_BREAK if language == "zh" else _LONG_EN_BREAK
    clauses = [(start + a, start + b) for a, b in _pieces(piece, breaker)]
    merged: list[tuple[int, int]] = []
    for a, b in clauses:
        if merged and not _too_long(text[merged[-1][0]:b], language):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _size(piece: str, language: str) -> int:
    return sum(ch.isalnum() for ch in piece) if language == "zh" else len(piece.split())


def _split_run_on(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Cut a piece still over-long after the clause marks at the openings of spoken clauses."""
    piece = text[start:end]
    if not _too_long(piece, language):
        return [(start, end)]
    if language == "zh":
        breaker = _RUN_ON_ZH if _RUN_ON_ZH.search(piece) else _RUN_ON_ZH_WORDS
        least = MIN_RUN_ON_ZH_CHARS
    else:
        breaker, least = _RUN_ON_EN, MIN_RUN_ON_EN_WORDS
    merged: list[tuple[int, int]] = []
    carried: int | None = None  # a lone "and" / "so" opens the clause after it
    for a, b in _pieces(piece, breaker):
        a, b = start + a, start + b
        if _CONNECTIVE.match(text[a:b].strip()):
            carried = a if carried is None else carried
            continue
        a, carried = (a if carried is None else carried), None
        if merged and (_size(text[a:b], language) < least
                       or _size(text[merged[-1][0]:merged[-1][1]], language) < least):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if carried is not None:
        merged = merged[:-1] + [(merged[-1][0] if merged else carried, end)]
    return merged


def split_sentences(text: str, language: str, run_ons: bool = False) -> list[tuple[int, int]]:
    """Sentence spans of `text`; long sentences are cut at clause boundaries, and with `run_ons`
    what is still over-long (an ASR run-on) at the openings of spoken clauses."""
    pattern = _ZH_END if language == "zh" else _EN_END
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _pieces(text, re.compile(r"\n+")):
        for speech_start, speech_end in speech_spans(text, line_start, line_end):  # not [Music]
            spans.extend(_sentences_in(text, speech_start, speech_end, pattern, language, run_ons))
    return spans


def _sentences_in(text: str, start: int, end: int, pattern: re.Pattern[str],
                  language: str, run_ons: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for a, b in _pieces(text[start:end], pattern):
        a, b = _trimmed(text, start + a, start + b)
        if b <= a:
            continue
        for c, d in _split_long(text, a, b, language):
            c, d = _trimmed(text, c, d)
            if d <= c:
                continue
            for e, f in (_split_run_on(text, c, d, language) if run_ons else [(c, d)]):
                e, f = _trimmed(text, e, f)
                if f > e:
                    spans.append((e, f))
    return spans


def customer_sentences(transcript: Transcript) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, turn in enumerate(transcript.turns):
        if turn.is_interviewer:
            continue
        for start, end in split_sentences(turn.text, transcript.language, run_ons=True):
            sentences.append(Sentence(index, start, end, turn.text[start:end]))
    return sentences


# --- overlap (used by the evaluation and to merge duplicate evidence) -----------------------------
_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")


def overlap_units(text: str, language: str) -> list[str]:
    """Words for English, characters for Chinese (punctuation and spaces ignored)."""
    if language == "zh":
        return [c for c in text if c.isalnum()]
    return [w.lower() for w in _WORD.findall(text)]


def overlap_ratio(a: str, b: str, language: str) -> float:
    """Shared units over the shorter text's units (multiset), 0..1."""
    from collections import Counter

    ua, ub = Counter(overlap_units(a, language)), Counter(overlap_units(b, language))
    shorter = min(sum(ua.values()), sum(ub.values()))
    if shorter == 0:
        return 0.0
    return sum((ua & ub).values()) / shorter
