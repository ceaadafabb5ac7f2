"""Every option an interview names, with the words around each mention, as features for the
learned scorer.

Features are chosen to carry across trades: what kind of name it is (a listed product, a generic
option, an unknown capitalised name), how often and where the customer names it, whether the
interviewer raised it and the customer took it up, and which general notions sit near each
mention (a demo or a quote, "never looked at", a verdict such as "too expensive", what they used
before, a tool used alongside, where they found it, their own competitor, a comparison, a verb
of choosing), plus the type of the question answered, whether the name opens the answer to "what
else did you look at", and the cues in the stretch after a name (up to the next sentence another
name opens) and in the answer it opens, which tie a demo said sentences later to its name.
The same code builds the training matrix (training/train_alternatives.py) and the run-time one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from icp_coach.domain.jtbd_text import split_sentences
from icp_coach.domain.transcript import Transcript
from icp_coach.engines.offline.jtbd.option_mentions import (
    GENERIC,
    NAME,
    PRODUCT,
    OptionMention,
    chinese_list_mates,
    chinese_names,
    chinese_topics,
    english_names,
    gazetteer,
    generic_kind,
    known_mentions,
    lowercase_names,
    person_named,
    trie_pattern,
    without_overlaps,
    zh_person,
)

CUE_GROUPS = ("evidence", "weighed", "dismissive", "verdict", "used_before", "alongside", "chosen",
              "negated", "keep", "relayed", "served", "found", "rival", "compared", "software",
              "others_use")
QUESTION_GROUPS = ("options", "before", "choice")
_CHOSEN_RIGHT_BEFORE = (
    re.compile(r"\b(switch(ed|ing)? (over )?to|went with|go with|chose|picked|signed (up )?with|"
               r"bought|rolled out|ended up with|settled on|moved (over )?to|went for|before|since|"
               r"after|started (using|with)|now (use|have|run)|we got)\s+(the\s+)?$", re.IGNORECASE),
    re.compile(r"(决定(上|用|选|买|换成)了?|用上了?|上了|选了|换成了?|换了|签了|自从用了?|有了|现在用|用了)$"),
)
_PERSON_AFTER = re.compile(r"^('s\b)?\s*(said|says|told|asked|thinks|thought|wanted|was like|"
                           r"goes|called|emailed|mentioned|texted|quit|retired|resigned|reckons|insisted|"
                           r"remembered|who|(is|was) (my|our) \w+)\b|^,\s+who\b|"
                           r"^\s*(说|觉得|认为|告诉|跟我说|打电话|天天说|一直说)", re.IGNORECASE)
# The medium of a demo or a call, not the thing demonstrated: "a demo on Zoom", "在腾讯会议上演示".
_MEDIUM_BEFORE = re.compile(r"\b(demo|call|meeting|chat|video|webinar|session|walkthrough|presentation|"
                            r"interview|consult)\w*\s+(\w+\s+){0,4}?(on|over|via|through)\s+(a\s+|the\s+)?$",
                            re.IGNORECASE)
_MEDIUM_AROUND_ZH = (re.compile(r"(通过|用|在|开)$"),
                     re.compile(r"^(上|里)?(给我们|跟我们|和我们)?(演示|开会|开了个会|视频|沟通|聊|讲|连线|面试)"))
# A channel or a page on a platform, not the platform as an option: "our Facebook group",
# "their Instagram page", "小红书上发", "抖音直播间".
_CHANNEL_AFTER = re.compile(r"^('s\s+|\s+)(groups?|pages?|channels?|accounts?|ads?|feeds?|profiles?|posts?|reviews?|"
                            r"listings?|DMs?|stories|marketplace|messages|shop|storefront)\b|"
                            r"^(群|号|账号|店铺|主页|直播间|直播|上发|上卖|上推|上找|上看到|上刷到|上搜|评论|私信|广告|"
                            r"团购|推广|引流|上面发|上面卖)", re.IGNORECASE)
# The customer turning down what the interviewer named: "Not really, no.", "没有，没想过。"
_REFUSAL_OPENING = re.compile(r"^\W*(no\b|nope|nah|never\b|not really|not at all|not once|not seriously|"
                              r"absolutely not|god,? no|honestly,? no|no way|not for a second|"
                              r"没有|没想过|没考虑|没怎么|没认真|不可能|不会|不考虑|从来没|根本没|压根没|那不可能|没那|不，|不,|不是)",
                              re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(in|at|from|near|across|around|outside|to|of)\s+(the\s+)?$",
                           re.IGNORECASE)
# What follows a fronted product name: "X, we did a demo", "X我们试过", "X是同行推荐的", "X呢？"
_EN_TOPIC_AFTER = re.compile(r",?\s+(we|i|they|it|that|was|is|were|came|comes|had|has|did|does|gave|"
                             r"sent|looked|seemed|wanted|quoted|offered|charged|couldn't|didn't|"
                             r"wasn't|won|lost)\b|\?|,\s+(obviously|honestly|yes|no|a|an|one|someone|somebody|my|our|the)\b",
                            re.IGNORECASE)
_ZH_TOPIC_AFTER = (r"[，,]?(我们|我|他们|你们)?(也|都|还|一直|重点|认真|之前|以前)?(试用|试过|试了|用过|用了|看过|看了|"
                   r"谈过|谈了|问过|问了|找过|找了|接触过|装了|装过|下载了|下载过|对比|比较|评估|考虑|了解|听说|听人|有人(?:说|提|推荐)|报价|演示|选型|做过|做了|"
                   r"挺|太|是.{0,10}(推荐|介绍|做|对比|比较|考虑|看|选|谈|找)|[呢吗][？?]|好在|为什么|怎么|"
                   r"系统|软件|有人|的(报价|演示|销售|方案|系统|人来|人过来))")
_ZH_GLUE = set("的了是在我你他这那一个就都也还把被给跟和与对从用上")


@dataclass
class MentionContext:
    near: str  # a few words either side
    sentence: str  # the sentence and the one after it, same turn
    turn_index: int
    asked: set[str]  # question groups of the interviewer turn before
    opening: bool = False  # the name opens its sentence (English capitalised names only)
    chosen_right_before: bool = False
    person_after: bool = False
    place_before: bool = False
    option_answer_opening: bool = False  # among the first names of an answer to "what else did you look at"
    turn_lead: str = ""  # the whole answer, when this is the first name in it (what the answer is about)
    stretch: str = ""  # from this name to the next other name in the answer: what is said about it
    taken_up: bool = False  # no name in the answer: it answers a question that named the option
    medium_before: bool = False  # the medium of a demo or a call ("a demo on Zoom")
    channel_after: bool = False  # a channel on it ("our Facebook group", "小红书上发")


@dataclass
class OptionRecord:
    key: str
    kind: str
    words: Counter[str] = field(default_factory=Counter)
    contexts: list[MentionContext] = field(default_factory=list)
    quotes: list[tuple[int, int, int]] = field(default_factory=list)  # (turn, start, end)
    interviewer_mentions: int = 0
    topic_only: bool = False  # a Chinese name seen only opening a clause
    refused_when_asked: int = 0  # answers that open with a refusal after the interviewer named it
    keep_weighed: bool = False  # "did you think about keeping it?" answered yes

    @property
    def generic_key(self) -> str:
        return self.key if self.kind == GENERIC else ""


def _question_groups(text: str) -> set[str]:
    questions = gazetteer().questions
    return {name for name, patterns in questions.items() if any(p.search(text) for p in patterns)}


def _speaker_words(transcript: Transcript) -> set[str]:
    words: set[str] = set()
    for turn in transcript.turns:
        if turn.speaker:
            words.add(turn.speaker)
            words.update(re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]{2,}", turn.speaker))
    return words


def _name_vocabulary(transcript: Transcript) -> tuple[set[str], set[str]]:
    """Names not in any list: capitalised mid-sentence (English) or marked by Chinese phrasing.
    Also returns the names found only as a Chinese clause's opening word (weaker evidence)."""
    names: set[str] = set()
    topics: set[str] = set()
    speakers = _speaker_words(transcript)
    lower_words = {w for turn in transcript.turns for w in re.findall(r"\b[a-z][a-z'-]+\b", turn.text)}
    openers: Counter[str] = Counter()
    for turn in transcript.turns:
        if transcript.language != "zh" and not turn.is_interviewer:
            names.update(lowercase_names(turn.text))
        for name, _, end, opening in english_names(turn.text):
            if not opening:
                names.add(name)
            elif name.lower() not in lower_words and len(name) > 2:  # "Results?" asks, it names nothing
                openers[name] += 1 + int(not turn.is_interviewer and bool(_EN_TOPIC_AFTER.match(turn.text[end:])))
        if transcript.language == "zh" or re.search(r"[\u4e00-\u9fff]", turn.text):
            names |= chinese_names(turn.text)
            topics |= chinese_topics(turn.text)
    # a capitalised sentence opener is a candidate when never in lower case (else an ordinary word:
    # "Photos.", "Price was ...") and said twice, or fronted as a topic ("X, we had a demo")
    names |= {name for name, count in openers.items() if count >= 2}
    # a clause-opening word is a candidate when said twice or next to words of products
    whole = "\n".join(turn.text for turn in transcript.turns)
    kept_topics = {topic for topic in topics - names if whole.count(topic) >= 2 or re.search(
        re.escape(topic) + _ZH_TOPIC_AFTER, whole)}
    names |= kept_topics
    if transcript.language == "zh":
        known = names | {words for turn in transcript.turns for m in known_mentions(turn.text)
                         for words in (m.words, m.key)}
        names |= {mate for turn in transcript.turns if not turn.is_interviewer
                  for mate in chinese_list_mates(turn.text, known)}

    people = _people(transcript)

    def person(name: str) -> bool:
        return (name in speakers or name.split(" ")[0] in speakers or name in people
                or zh_person(name))

    return {n for n in names if not person(n)}, kept_topics


def _people(transcript: Transcript) -> set[str]:
    """Capitalised words the interview marks as a person: after a title or a role ("Dr. Patel",
    "our accountant, Kevin"), or after a common given name ("Kevin Brown")."""
    given = gazetteer().given_names
    people: set[str] = set()
    for turn in transcript.turns:
        for match in re.finditer(r"\b([A-Z][a-z]+)(?:\s+([A-Z][a-z]+))?", turn.text):
            first, second = match.group(1), match.group(2)
            if second and first in given:
                people.add(second)
                people.add(f"{first} {second}")
            if person_named(turn.text, match.start(1)):
                people.add(first)
                if second:
                    people.add(f"{first} {second}")
    return people



def _vocabulary_pattern(vocabulary: set[str]) -> re.Pattern[str] | None:
    """One pattern for all names, longest first; Latin names match as whole words."""
    latin = sorted(n for n in vocabulary if re.fullmatch(r"[A-Za-z0-9 .&+'-]+", n))
    other = sorted(vocabulary - set(latin))
    parts = []
    if latin:
        parts.append(rf"(?<![A-Za-z0-9])(?:{trie_pattern(latin)})(?![A-Za-z0-9])")
    if other:
        parts.append(f"(?:{trie_pattern(other)})")
    return re.compile("|".join(parts)) if parts else None


def turn_mentions(text: str, names: re.Pattern[str] | None) -> list[OptionMention]:
    found = known_mentions(text)
    if names is not None:
        found += [OptionMention(m.group(0), NAME, m.group(0), m.start(), m.end()) for m in names.finditer(text)]
    return without_overlaps([with_version(m, text) for m in found])


# A version or edition written after a name is part of it: "管家婆 v9", "易车宝365", "Sage v2";
# not a quantity ("管家婆3年").
_VERSION_AFTER = re.compile(r"(?:\s?[vV]\d+(?:\.\d+)*|(?<=[\u4e00-\u9fff])\d{1,4}"
                            r"(?![\d.]?\d*\s*[年月日号天周个万千百块元%岁次台家人]))(?![A-Za-z0-9])")


def with_version(mention: OptionMention, text: str) -> OptionMention:
    """The mention with the version written right after it ("管家婆 v9" is 管家婆, not 管家婆 and
    a product called "v9")."""
    if mention.kind == GENERIC:
        return mention
    match = _VERSION_AFTER.match(text, mention.end)
    if match is None or not match.group(0).strip():
        return mention
    return OptionMention(mention.key, mention.kind, text[mention.start:match.end()], mention.start, match.end())


def _near(text: str, start: int, end: int, language: str) -> str:
    if language == "zh" or re.search(r"[\u4e00-\u9fff]", text[max(0, start - 4):end + 4]):
        return text[max(0, start - 12):end + 12]
    before = text[:start].split()[-8:]
    after = text[end:].split()[:8]
    return " ".join([*before, text[start:end], *after])


def collect_options(transcript: Transcript) -> list[OptionRecord]:
    """Each option named in the interview, with the context of every mention."""
    language = transcript.language
    vocabulary, topic_only = _name_vocabulary(transcript)
    names = _vocabulary_pattern(vocabulary)
    records: dict[str, OptionRecord] = {}
    asked: set[str] = set()
    asked_keys: dict[str, str] = {}
    keep_asked = False
    for index, turn in enumerate(transcript.turns):
        mentions = turn_mentions(turn.text, names)
        if turn.is_interviewer:
            asked = _question_groups(turn.text)
            keep_asked = bool(_KEEP_ASKED.search(turn.text))
            asked_keys = {}
            for mention in mentions:
                record = records.setdefault(mention.key, OptionRecord(mention.key, mention.kind))
                record.interviewer_mentions += 1
                asked_keys[mention.key] = mention.kind
            continue
        spans = split_sentences(turn.text, language)
        openings = {start for _, start, _, flag in english_names(turn.text) if flag}
        named_early: set[str] = set()
        first_start = mentions[0].start if mentions else -1
        for mention in mentions:
            position = next((i for i, (a, b) in enumerate(spans) if a <= mention.start < b), None)
            if position is None:
                continue
            a = spans[position][0]
            b = spans[position + 1][1] if position + 1 < len(spans) else spans[position][1]
            before = turn.text[max(a, mention.start - 30):mention.start]
            after = turn.text[mention.end:mention.end + 20]
            opening = mention.kind == NAME and mention.start in openings
            context = MentionContext(
                near=_near(turn.text, mention.start, mention.end, language),
                sentence=turn.text[a:b], turn_index=index, asked=set(asked), opening=opening,
                chosen_right_before=any(p.search(before) for p in _CHOSEN_RIGHT_BEFORE),
                person_after=bool(_PERSON_AFTER.search(after)),
                place_before=bool(_PLACE_BEFORE.search(before)),
                option_answer_opening="options" in asked and position < 2,
                turn_lead=turn.text if mention.start == first_start else "",
                stretch=_list_stretch(turn.text, mention, mentions, spans),
                medium_before=_medium(before, after),
                channel_after=bool(_CHANNEL_AFTER.search(after)))
            record = records.setdefault(mention.key, OptionRecord(mention.key, mention.kind))
            record.words[mention.words] += 1
            record.contexts.append(context)
            record.quotes.append((index, *spans[position]))
            if position < 2:
                named_early.add(mention.key)
        refused = bool(_REFUSAL_OPENING.search(turn.text[:40]))
        if keep_asked and not refused and _AFFIRMED.match(turn.text):
            for key in _kept_keys(asked_keys, {m.key: m.kind for m in mentions}):
                records[key].keep_weighed = True
        for key in asked_keys:
            records[key].refused_when_asked += int(refused)
            if key in named_early or not spans:
                continue
            end = spans[min(1, len(spans) - 1)][1]
            answer = turn.text[spans[0][0]:end]
            records[key].contexts.append(MentionContext(
                near=answer, sentence=answer, turn_index=index, asked=set(asked), taken_up=True))
            records[key].quotes.append((index, *spans[0]))
        asked, asked_keys, keep_asked = set(), {}, False
    for record in records.values():
        record.topic_only = record.key in topic_only
    merged = merge_spellings(list(records.values()))
    return [r for r in merged if r.contexts or r.interviewer_mentions]


_SPELLING_TAIL = re.compile(r"(?:app|crm|erp|software|system|platform|online|cloud|系统|软件|平台|app|云)$")
_BUILD, _OUTSOURCE = "build in-house|自己开发", "agency or outsourcing|外包"


def _medium(before: str, after: str) -> bool:
    zh_before, zh_after = _MEDIUM_AROUND_ZH
    return bool(_MEDIUM_BEFORE.search(before) or (zh_before.search(before) and zh_after.search(after)))


def spelling_key(name: str) -> str:
    """One key for the spellings of one name: case, spaces, hyphens and dots dropped ("Smart Cat",
    "SmartCat", "smart-cat"), and a trailing word for its kind ("Jane App", "明源云系统")."""
    squeezed = re.sub(r"[^0-9a-z\u4e00-\u9fff]", "", name.lower())
    shorter = _SPELLING_TAIL.sub("", squeezed)
    return shorter if len(shorter) >= 3 or (shorter and re.search(r"[\u4e00-\u9fff]", shorter)
                                            and len(shorter) >= 2) else squeezed


def _absorb(into: OptionRecord, other: OptionRecord) -> None:
    into.words.update(other.words)
    into.contexts += other.contexts
    into.quotes += other.quotes
    into.interviewer_mentions += other.interviewer_mentions
    into.topic_only = into.topic_only and other.topic_only
    into.refused_when_asked += other.refused_when_asked


def merge_spellings(records: list[OptionRecord]) -> list[OptionRecord]:
    """One record per option: names spelled differently are merged (a listed product's canonical
    name wins, else the spelling said most), and hiring an outside firm to build the tool is the
    build option, not a second one."""
    groups: dict[str, list[OptionRecord]] = {}
    for record in records:
        key = record.key if record.kind == GENERIC else spelling_key(record.key)
        groups.setdefault(key or record.key, []).append(record)
    merged: list[OptionRecord] = []
    for group in groups.values():
        group.sort(key=lambda r: (r.kind != PRODUCT, -len(r.contexts), " " in r.key, r.key))
        head = group[0]
        for other in group[1:]:
            _absorb(head, other)
        merged.append(head)
    by_key = {r.key: r for r in merged}
    build, outsource = by_key.get(_BUILD), by_key.get(_OUTSOURCE)
    if build is not None and outsource is not None:
        patterns = gazetteer().generic[_BUILD]
        own = [c for c in outsource.contexts if not c.taken_up]
        if own and all(any(p.search(c.sentence) for p in patterns) for c in own):
            _absorb(build, outsource)
            merged.remove(outsource)
    return merged


_STRETCH_GROUPS = ("evidence", "weighed", "verdict", "alongside", "found")


def _stretch(text: str, mention: OptionMention, mentions: list[OptionMention],
             spans: list[tuple[int, int]]) -> str:
    """The words from `mention` up to the next sentence another name opens, or up to another name
    in its own sentence (at most 400 characters): "Cantaloupe was the big one. ... their rep did a
    full demo and gave me a quote" ties the demo to Cantaloupe, sentences away; "a demo for me on
    Zoom" stays StudioFlow's; in "Bob told us about X, we trialled it" the trial is X's, not Bob's."""
    openers = {a for a, _ in spans}
    own_end = next((b for a, b in spans if a <= mention.start < b), len(text))
    # a later sentence that another name opens ends the stretch where that sentence begins
    later = [m.start if m.start < own_end else max(a for a in openers if 0 <= m.start - a <= 12)
             for m in mentions if m.start > mention.start and m.key != mention.key
             and (m.start < own_end or any(0 <= m.start - a <= 12 for a in openers))]
    return text[mention.start:min([*later, mention.start + 400])]


# The interviewer asking whether they thought of keeping the old way ("Did you think about just
# keeping the ledger?", "有没有想过就继续用表格？").
_KEEP_ASKED = re.compile(
    r"\b(?:keep(?:ing)?|stay(?:ing)? (?:with|on)|stick(?:ing)? with|carry(?:ing)? on with|leave it as)\b|"
    r"(?:继续|接着用|还是用|维持现状|保持现状|不换|就用着)", re.IGNORECASE)
_DO_NOTHING = "do nothing|维持现状"


def _kept_keys(asked: dict[str, str], answered: dict[str, str]) -> list[str]:
    """The old way a keep-question was about: the habits it or its answer names, else keeping as
    such ("do nothing") when nothing more definite is named."""
    keys = {**asked, **answered}
    ways = [k for k, kind in keys.items() if kind == GENERIC and k != _DO_NOTHING
            and k in _STATUS_QUO]
    return ways or [k for k in keys if k == _DO_NOTHING]


_STATUS_QUO = ("spreadsheet|表格", "paper|纸质单据", "whiteboard|白板", "group chat|微信群", "email|邮件",
               "the old system|原来的系统")


# An answer that says yes to "did you think about keeping X?" before anything else.
_AFFIRMED = re.compile(r"^\W*(?:(?:honestly|well|oh|actually|so)[, ]+)?(?:yes|yeah|yep|we did|i did|absolutely|"
                       r"definitely|for sure|a lot|seriously|that was the (?:real |big )?question)\b|"
                       r"^\W*(?:也|都|还|倒是|其实|真)?(?:想过|考虑过|有过|有想过|认真|确实|当然|是的|对|有的|真想过|讨论过|商量过)", re.IGNORECASE)


_LIST_JOIN = re.compile(r"^\s*(?:[,，、]|and|or|as well as|plus|和|跟|还有|以及|或者|还是|或|及)?\s*"
                        r"(?:(?<=[,，])\s*(?:and|or)\s*)?$", re.IGNORECASE)


def _list_stretch(text: str, mention: OptionMention, mentions: list[OptionMention],
                  spans: list[tuple[int, int]]) -> str:
    """_stretch, but for a name in a list ("we looked at A, B and C. Had trials of all three",
    "A、B和C这三个我们都试过") the stretch runs to the end of the last member's: what is said of the
    list is said of each of its members."""
    ordered = sorted(mentions, key=lambda m: m.start)
    index = next(i for i, m in enumerate(ordered) if m is mention)
    last = index
    while last + 1 < len(ordered) and _LIST_JOIN.match(text[ordered[last].end:ordered[last + 1].start]):
        last += 1
    first = index
    while first > 0 and _LIST_JOIN.match(text[ordered[first - 1].end:ordered[first].start]):
        first -= 1
    own = _stretch(text, mention, mentions, spans)
    if first == last:
        return own
    tail = ordered[last]
    end = tail.start + len(_stretch(text, tail, mentions, spans))
    return text[mention.start:max(end, mention.start + len(own))]


def _stretch_flags(contexts: list[MentionContext]) -> list[float]:
    """Cues in the stretches after a name, then cues anywhere in the answers it opens."""
    context = gazetteer().context
    flags = []
    for texts in ([c.stretch for c in contexts if c.stretch], [c.turn_lead for c in contexts if c.turn_lead]):
        flags += [float(any(p.search(text) for text in texts for p in context[g])) for g in _STRETCH_GROUPS]
    return flags


def _cue_flags(text: str) -> list[float]:
    context = gazetteer().context
    return [float(any(p.search(text) for p in context[group])) for group in CUE_GROUPS]


def _generic_keys() -> tuple[str, ...]:
    return tuple(gazetteer().generic)


FEATURE_NAMES: tuple[str, ...] = (
    ("kind_product", "kind_generic", "kind_name", "zh")
    + tuple(f"generic_{i}" for i in range(12))
    + ("customer_mentions", "customer_turns", "interviewer_mentions", "only_asked", "share_of_mentions",
       "most_mentioned", "first_position", "last_position")
    + tuple(f"near_{g}" for g in CUE_GROUPS) + tuple(f"sentence_{g}" for g in CUE_GROUPS)
    + tuple(f"mean_near_{g}" for g in CUE_GROUPS)
    + tuple(f"answers_{q}" for q in QUESTION_GROUPS)
    + ("chosen_right_before", "chosen_right_before_share", "person_after", "place_before",
       "opening_only", "zh_glue_inside", "name_length", "taken_up_only", "bias_zh_name", "zh_topic_only", "acronym",
       "option_answer_opening", "refused_when_asked", "medium_share", "channel_share", "taken_up_yes")
    + tuple(f"stretch_{g}" for g in _STRETCH_GROUPS) + tuple(f"lead_turn_{g}" for g in _STRETCH_GROUPS)
)


def option_features(options: list[OptionRecord], transcript: Transcript) -> np.ndarray:
    """One row per option (see FEATURE_NAMES)."""
    rows = np.zeros((len(options), len(FEATURE_NAMES)), dtype=np.float32)
    generic_keys = _generic_keys()
    counts = [len([c for c in o.contexts if not c.taken_up]) for o in options]
    top = max(counts, default=0)
    turns = max(len(transcript.turns), 1)
    chosen_total = sum(sum(c.chosen_right_before for c in o.contexts) for o in options)
    zh = transcript.language == "zh"
    flags_of: dict[str, list[float]] = {}  # a sentence around several names is read once

    def cue_flags(text: str) -> list[float]:
        if text not in flags_of:
            flags_of[text] = _cue_flags(text)
        return flags_of[text]

    for row, option in enumerate(options):
        values: list[float] = [float(option.kind == PRODUCT), float(option.kind == GENERIC),
                               float(option.kind == NAME), float(zh)]
        onehot = [0.0] * 12
        if option.kind == GENERIC and generic_kind(option.key) in generic_keys:
            onehot[generic_keys.index(generic_kind(option.key)) % 12] = 1.0
        values += onehot
        own = [c for c in option.contexts if not c.taken_up]
        n = len(option.contexts)
        positions = [c.turn_index / turns for c in option.contexts] or [0.0]
        values += [math.log1p(len(own)), math.log1p(len({c.turn_index for c in own})),
                   math.log1p(option.interviewer_mentions), float(not own),
                   len(own) / top if top else 0.0, float(top > 0 and len(own) == top),
                   min(positions), max(positions)]
        near = np.array([cue_flags(c.near) for c in option.contexts]) if n else np.zeros((1, len(CUE_GROUPS)))
        wide = np.array([cue_flags(c.sentence) for c in option.contexts]) if n else near
        values += list(near.max(axis=0)) + list(wide.max(axis=0)) + list(near.mean(axis=0))
        values += [float(any(q in c.asked for c in option.contexts)) for q in QUESTION_GROUPS]
        chosen_hits = sum(c.chosen_right_before for c in option.contexts)
        name = option.key
        values += [math.log1p(chosen_hits), chosen_hits / chosen_total if chosen_total else 0.0,
                   float(any(c.person_after for c in own)), float(any(c.place_before for c in own)),
                   float(bool(own) and all(c.opening for c in own)),
                   float(option.kind == NAME and any(ch in _ZH_GLUE for ch in name[1:-1])),
                   min(len(name), 12) / 12, float(bool(option.contexts) and not own),
                   float(zh and option.kind == NAME), float(option.topic_only),
                   float(option.kind == NAME and name.replace(" ", "").isupper()),
                   float(any(c.option_answer_opening for c in own)),
                   float(option.refused_when_asked > 0),
                   sum(c.medium_before for c in own) / len(own) if own else 0.0,
                   sum(c.channel_after for c in own) / len(own) if own else 0.0,
                   float(any(c.taken_up and _AFFIRMED.match(c.near) for c in option.contexts))
                   ] + _stretch_flags(own)
        rows[row] = values
    return rows


def display_name(option: OptionRecord, language: str) -> str:
    """A product's canonical name; a generic option as "label (the customer's words)"."""
    if option.kind != GENERIC:
        return option.key
    english, _, chinese = generic_kind(option.key).partition("|")
    label = chinese if chinese and language == "zh" else english
    words = option.words.most_common(1)[0][0] if option.words else ""
    if words and words.lower() != label.lower():
        return f"{label}（{words}）" if language == "zh" else f"{label} ({words})"
    return label
