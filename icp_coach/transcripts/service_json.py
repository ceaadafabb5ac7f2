"""Speech-to-text and meeting services' JSON that the generic segment finder (`json_transcript`)
cannot read, recognised by shape rather than by brand:

- sentences under capitalised or service-specific keys: 阿里云 录音文件识别 `Result.Sentences[]`
  (`Text`, `BeginTime`, `SpeakerId`), 腾讯云 ASR `ResultDetail[]` (`FinalSentence`, `StartMs`,
  `SpeakerId`), or the 腾讯云 `Result` text of `[0:1.020,0:3.380,1]  sentence` lines;
- paragraphs whose text is their words or sentences, joined (none between Chinese words, a space
  between English ones): 通义听悟 `Transcription.Paragraphs[*].Words` (one piece per `SentenceId`),
  腾讯会议 / 飞书妙记 / 钉钉闪记 `paragraphs[].sentences[].words[]`, Sonix `transcript[].words[]`;
- a speaker written as an object (`speaker_info.username`, `speaker.name`) or as an id that a
  list of speakers elsewhere in the file names (Otter's `speakers`);
- the text in the first alternative: Azure `recognizedPhrases[].nBest[0].display`, Speechmatics
  `results[].alternatives[0]` (words and punctuation, the speaker on the alternative);
- word lists carrying the speaker (Google STT's last result, `words[].speakerTag`), split into one
  piece per sentence and speaker.

Times: milliseconds (`*Ms`, `bg`, or values too large for seconds), ticks, ISO 8601 durations
(`PT1.5S`) and "1.400s". A file whose best reading is a plain segment list the generic reader
handles (WhisperX, AssemblyAI, Deepgram utterances, 讯飞 onebest ...) is left to it: `read` returns
None. Transcript text is data: nothing in it is followed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from icp_coach.transcripts.errors import EXPORT_AS, TranscriptError
from icp_coach.transcripts.json_transcript import line_finder, parse_json_transcript
from icp_coach.transcripts.speech_pieces import Piece, pieces_to_turns, split_role
from icp_coach.transcripts.turns import TurnBuilder

LOOKED_FOR = ("lists of segments with a text field (text, transcript, content, sentence, onebest, "
              "Text, FinalSentence, display) and a speaker, paragraphs of words or sentences, "
              "recognizedPhrases / nBest, results / alternatives, or words with a speaker")
_TEXT_KEYS = ("finalsentence", "display", "text", "transcript", "content", "sentence", "utterance",
              "onebest", "word", "punctuatedword")
_GENERIC_TEXT = ("text", "transcript", "content", "sentence", "utterance", "onebest", "value")
_SPEAKER_KEYS = ("speakername", "speakerinfo", "speaker", "speakerlabel", "speakerid", "speakertag",
                 "spk", "role", "username", "nickname")
_GENERIC_SPEAKER = ("speaker_name", "speaker", "speaker_label", "speakerLabel", "spk", "name", "role",
                    "speaker_id", "speakerId", "rl", "channel")
_NAME_KEYS = ("username", "name", "nickname", "displayname", "speakername", "realname")
_ID_KEYS = ("id", "speakerid", "spk", "userid")
_START_KEYS = ("startms", "starttime", "start", "begintime", "begin", "bg", "offsetmilliseconds",
               "offsetinticks", "offset", "startoffset", "from")
_ALTERNATIVES = ("alternatives", "nbest")
_CHILD_WORDS = ("words", "wordlist", "tokens", "contents")
_CHILD_SENTENCES = ("sentences", "sentencelist", "sentenceinfo")
_SENTENCE_IDS = ("sentenceid", "sid", "sentenceindex")
_SPEAKER_LISTS = re.compile(r"speaker|participant|attendee|member|user")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_CLOSING = re.compile(r"^[,.;:!?%)\]}'’”、，。；：！？）】》]")
_SENTENCE_END = re.compile(r"[.?!。？！]$")
_ISO_DURATION = re.compile(r"^P?T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$")
_TENCENT_LINE = re.compile(r"^\[(\d+):(\d+(?:\.\d+)?),\d+:\d+(?:\.\d+)?(?:,(\d+))?\]\s*(.+)$")


def _norm(key: str) -> str:
    return re.sub(r"[_\-\s]", "", key).lower()


def _field(item: dict[str, Any], names: tuple[str, ...]) -> tuple[str, Any] | None:
    """The first of `names` (normalised) the object has with a usable value: (key as written, value)."""
    keys = {_norm(key): key for key in item}
    for name in names:
        key = keys.get(name)
        if key is None:
            continue
        value = item[key]
        if value is None or value == "" or isinstance(value, bool):
            continue
        return key, value
    return None


def join_words(words: list[str]) -> str:
    """Words as one text: no space between Chinese, none before punctuation, else one space."""
    text = ""
    for word in words:
        if not word.strip():
            continue
        if word[:1].isspace():  # the service wrote the space itself
            text = (text + word) if text else word.strip()
            continue
        if text and not (_CJK.match(word[:1]) or _CJK.match(text[-1]) or _CLOSING.match(word)):
            text += " "
        text += word
    return text.strip()


@dataclass
class _Part:
    text: str
    needle: str  # a string as the file writes it, to find the part's line
    start: float | str | None = None
    speaker: str | None = None
    eos: bool = False


@dataclass
class _Reading:
    parts: list[_Part] = field(default_factory=list)
    plain: bool = True  # the generic reader reads this list the same way
    words: bool = False

    def chars(self) -> int:
        return sum(len(part.text) for part in self.parts)

    def rank(self) -> tuple[bool, float]:
        spoken = any(part.speaker for part in self.parts)
        return spoken, self.chars() * (0.9 if self.words else 1.0)


def _speaker_name(value: Any, names: dict[str, str]) -> tuple[str | None, bool]:
    """(speaker label, whether a list of speakers elsewhere named it)."""
    if isinstance(value, dict):
        found = _field(value, _NAME_KEYS)
        if found and isinstance(found[1], str) and found[1].strip():
            return found[1].strip(), True
        found = _field(value, _ID_KEYS)
        return (_speaker_name(found[1], names)[0], True) if found else (None, False)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        return None, False
    value = value.strip()
    if value in names:
        return names[value], True
    if value.isdigit() or (len(value) == 1 and value.isalpha()):
        return value, False  # a bare id stays as the file writes it ("1", "A"), as other readers do
    return value, False


def _speaker_of(item: dict[str, Any], names: dict[str, str]) -> tuple[str | None, bool]:
    """(speaker, read the generic way) of one segment."""
    found = _field(item, _SPEAKER_KEYS)
    if found is None:
        return None, True
    key, value = found
    if _norm(key) == "speakertag" and value == 0:
        return None, True  # Google: 0 is "no speaker assigned"
    name, mapped = _speaker_name(value, names)
    return name, key in _GENERIC_SPEAKER and not mapped and not isinstance(value, dict)


def _seconds(key: str, value: Any) -> float | str | None:
    """Seconds from a start field; a clock string as written; None when unreadable."""
    norm = _norm(key)
    if isinstance(value, str):
        written = value.strip()
        iso = _ISO_DURATION.match(written.upper()) if written.upper().startswith("PT") else None
        if iso:
            hours, minutes, seconds = (float(group or 0) for group in iso.groups())
            return hours * 3600 + minutes * 60 + seconds
        try:
            value = float(written.removesuffix("s"))
        except ValueError:
            return written or None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if "ticks" in norm:
        return value / 1e7
    if norm.endswith("ms") or "millisecond" in norm or norm == "bg":
        return value / 1000
    return float(value)


def _start_of(item: dict[str, Any]) -> float | str | None:
    found = _field(item, _START_KEYS)
    return _seconds(*found) if found else None


def _first_alternative(item: dict[str, Any]) -> dict[str, Any] | None:
    found = _field(item, _ALTERNATIVES)
    if found and isinstance(found[1], list) and found[1] and isinstance(found[1][0], dict):
        return found[1][0]
    return None


def _children(item: dict[str, Any], names: tuple[str, ...]) -> list[dict[str, Any]] | None:
    found = _field(item, names)
    if found and isinstance(found[1], list) and found[1] and all(isinstance(c, dict) for c in found[1]):
        return found[1]
    return None


def _word_parts(words: list[dict[str, Any]], names: dict[str, str]) -> list[_Part]:
    """A paragraph's words as one part per sentence (`SentenceId`) and speaker; without sentence
    ids, split where a sentence ends or the speaker changes."""
    parts = [_Part(text.strip(), text, _start_of(word), _speaker_of(word, names)[0])
             for word in words for text in [_plain_text(word)] if text]
    sentence_ids = [_field(word, _SENTENCE_IDS) for word in words if _plain_text(word)]
    if not any(sentence_ids):
        return _grouped_words(parts)
    grouped: list[_Part] = []
    keys: list[Any] = []
    for part, sentence in zip(parts, sentence_ids, strict=True):
        key = (sentence[1] if sentence else None, part.speaker)
        if not keys or keys[-1] != key:
            grouped.append(_Part("", part.needle, part.start, part.speaker))
            keys.append(key)
        grouped[-1].text = join_words([grouped[-1].text, part.text])
    return grouped


def _plain_text(item: dict[str, Any]) -> str | None:
    found = _field(item, _TEXT_KEYS)
    if found and isinstance(found[1], str) and found[1].strip():
        return found[1]
    alternative = _first_alternative(item)
    if alternative is not None:
        found = _field(alternative, _TEXT_KEYS)
        if found and isinstance(found[1], str) and found[1].strip():
            return found[1]
    return None


def _item_parts(item: dict[str, Any], names: dict[str, str]) -> tuple[list[_Part], bool]:
    """The parts of one segment (one, or one per sentence of a paragraph) and whether the generic
    reader would read it the same way."""
    speaker, generic_speaker = _speaker_of(item, names)
    start = _start_of(item)
    if speaker is None and _field(item, _TEXT_KEYS) is None:  # speakers on the words (Google v2)
        first = _first_alternative(item) or {}
        words = _children(item, _CHILD_WORDS) or _children(first, _CHILD_WORDS)
        if words and any(_speaker_of(word, names)[0] for word in words):
            return _word_parts(words, names), False
    found = _field(item, _TEXT_KEYS)
    if found and isinstance(found[1], str) and found[1].strip():
        return [_Part(found[1].strip(), found[1], start, speaker)], found[0] in _GENERIC_TEXT and generic_speaker
    alternative = _first_alternative(item)
    if alternative is not None:
        text = _plain_text(alternative)
        if text:
            speaker = speaker or _speaker_of(alternative, names)[0]
            punctuation = str(item.get("type", "")) == "punctuation" or item.get("attaches_to") == "previous"
            return [_Part(text.strip(), text, start, speaker, eos=bool(item.get("is_eos")) or punctuation
                          and bool(_SENTENCE_END.search(text)))], False
    sentences = _children(item, _CHILD_SENTENCES)
    if sentences is not None:
        parts = [part for sentence in sentences for part in _item_parts(sentence, names)[0]]
    else:
        words = _children(item, _CHILD_WORDS)
        parts = _word_parts(words, names) if words is not None else []
    for part in parts:
        part.speaker = speaker or part.speaker
        part.start = part.start if part.start is not None else start
    return parts, False


def _is_word_list(items: list[dict[str, Any]], parts: list[_Part]) -> bool:
    if any(str(item.get("type", "")) in ("word", "punctuation", "pronunciation") for item in items):
        return True
    texts = [part.text for part in parts]
    chinese = sum(len(_CJK.findall(t)) for t in texts) * 2 > sum(map(len, texts))
    per_word = 4 if chinese else 8
    return bool(texts) and all(len(t.split()) <= 1 for t in texts) and sum(map(len, texts)) <= per_word * len(texts)


def _grouped_words(parts: list[_Part]) -> list[_Part]:
    """Word parts as one part per speaker run and sentence."""
    grouped: list[_Part] = []
    words: list[str] = []
    for part in parts:
        if grouped and not words and _CLOSING.match(part.text) and grouped[-1].speaker == part.speaker:
            grouped[-1].text = join_words([grouped[-1].text, part.text])  # "." after a sentence end
            continue
        if not words or grouped[-1].speaker != part.speaker:
            if words:
                grouped[-1].text = join_words(words)
            grouped.append(_Part("", part.needle, part.start, part.speaker))
            words = []
        words.append(part.text)
        if part.eos or _SENTENCE_END.search(part.text):
            grouped[-1].text = join_words(words)
            words = []
    if words:
        grouped[-1].text = join_words(words)
    return [part for part in grouped if part.text]


def _without_repeats(parts: list[_Part]) -> list[_Part]:
    """Parts without a speaker whose words the parts with speakers say again are left out
    (Google STT v1: every result's text, then a last result with all words and their speakers)."""
    spoken = "".join(re.sub(r"\s+", "", part.text) for part in parts if part.speaker)
    if not spoken:
        return parts
    return [part for part in parts if part.speaker or re.sub(r"\s+", "", part.text) not in spoken]


def _list_reading(items: list[dict[str, Any]], names: dict[str, str]) -> _Reading | None:
    reading = _Reading()
    read = 0
    for item in items:
        parts, plain = _item_parts(item, names)
        read += bool(parts)
        reading.parts += parts
        reading.plain = reading.plain and plain
    if not reading.parts or read < 0.8 * len(items):
        return None
    reading.parts = _without_repeats(reading.parts)
    if _is_word_list(items, reading.parts):
        reading.parts, reading.words, reading.plain = _grouped_words(reading.parts), True, False
    return reading


def _text_lines_reading(text: str) -> _Reading | None:
    """腾讯云 ASR `Result`: `[0:0.020,0:2.380,1]  sentence` a line (the last number the speaker)."""
    parts = []
    for line in text.splitlines():
        match = _TENCENT_LINE.match(line.strip())
        if match:
            minutes, seconds, speaker, spoken = match.groups()
            parts.append(_Part(spoken.strip(), spoken.strip(), int(minutes) * 60 + float(seconds),
                               speaker))
    if len(parts) < 2:
        return None
    reading = _Reading(parts, plain=False)
    reading.words = True  # a rank below a sentence list holding the same text
    return reading


def _speaker_names(node: Any, names: dict[str, str], key: str = "") -> dict[str, str]:
    """Ids to names from a list of speakers (`"speakers": [{"id": 3, "name": "Maya"}]`)."""
    if isinstance(node, dict):
        for name, value in node.items():
            _speaker_names(value, names, _norm(name))
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, dict) and _SPEAKER_LISTS.search(key) and _field(item, _TEXT_KEYS) is None:
                ident, name = _field(item, _ID_KEYS), _field(item, _NAME_KEYS)
                if ident and name and isinstance(name[1], str) and not isinstance(ident[1], (dict, list)):
                    names.setdefault(str(ident[1]), name[1].strip())
            _speaker_names(item, names, key)
    return names


def _readings(node: Any, names: dict[str, str]) -> list[_Reading]:
    found: list[_Reading] = []
    if isinstance(node, dict):
        for value in node.values():
            found += _readings(value, names)
    elif isinstance(node, list):
        objects = [item for item in node if isinstance(item, dict)]
        if objects and len(objects) == len(node):
            reading = _list_reading(objects, names)
            if reading is not None:
                found.append(reading)
        for item in node:
            found += _readings(item, names)
    elif isinstance(node, str) and "\n" in node:
        reading = _text_lines_reading(node)
        if reading is not None:
            found.append(reading)
    return found


def _clock(start: float | str | None, in_milliseconds: bool) -> str | None:
    if start is None or isinstance(start, str):
        return start
    whole = int(start / 1000 if in_milliseconds else start)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def read(text: str, source: str) -> tuple[list[TurnBuilder], list[str]] | None:
    """Turns and warnings, or None: not JSON, no speech with speakers found, or a plain segment
    list the generic reader handles."""
    try:
        document = json.loads(text)
    except ValueError:
        return None
    try:
        names = _speaker_names(document, {})
        readings = _readings(document, names)
    except RecursionError:  # nesting deeper than any export: left to the generic reader's error
        return None
    if not readings:
        return None
    best = max(readings, key=_Reading.rank)
    if best.plain or not best.rank()[0]:
        return None
    numbers = [part.start for part in best.parts if isinstance(part.start, float)]
    in_milliseconds = bool(numbers) and max(numbers) > 20000
    line_of = line_finder(text, prefix=60)  # a joined needle may part from the file after 60
    pieces = []
    for part in best.parts:
        name, role = split_role(part.speaker) if part.speaker else (None, "")
        pieces.append(Piece(line_of(part.needle), part.text, _clock(part.start, in_milliseconds),
                            speaker=name, role=role, written=part.speaker or ""))
    return pieces_to_turns(pieces, "JSON")


def read_json(text: str, source: str) -> tuple[list[TurnBuilder], list[str]]:
    """A JSON transcript: the shapes above, else the generic segment lists of `json_transcript`.
    With neither, the error says what was looked for."""
    found = read(text, source)
    if found is not None:
        return found
    try:
        return parse_json_transcript(text, source)
    except TranscriptError as error:
        if "no list of transcript segments" not in str(error):
            raise
        raise TranscriptError(
            source, f"a JSON file with no list of transcript segments in it (looked for {LOOKED_FOR})",
            line=1, what_to_do="export segments with their text (and speaker), or " + EXPORT_AS) from error
