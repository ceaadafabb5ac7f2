"""A job statement a researcher would sign: "When <situation>, I want to <motivation>, so I can
<outcome>" (当……时，我想……，以便……), written from short clauses of the customer's own words.

Three parts, each from a different kind of evidence, and no statement at all when one is missing:
- the situation, from a trigger or a push: one clause, cut at a natural boundary, never a whole
  answer;
- the motivation, from what the customer wanted (a pull or a desired outcome) turned into a verb
  phrase: "we needed to see every job" -> "see every job", "学员自己挑时段" -> "让学员自己挑时段";
- the outcome, from a desired outcome or from the result clause inside what they wanted
  ("..., so we don't have to retype it", "……，不用再手动录一遍").
Pure text rules; the engine chooses which sentences to offer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MAX_EN_WORDS = 14
MAX_ZH_CHARS = 22
SITUATION_EN_WORDS = 18  # a situation needs its subject and its event: "our biggest client, a hotel, cancelled"
_LEAD_INS_EN = re.compile(
    r"^(?:(?:yeah|yes|so|and|but|well|honestly|oh|okay|ok|basically|mainly|sure|look|like|um|uh|i mean|that and|"
    r"the thing is|to be honest|frankly|actually|then|because|cause|and then|plus|also|just|"
    r"that's when|it was when|it's when|when|after|once|what happened was|what we (?:really )?wanted was)"
    r"[,\s]+)+", re.IGNORECASE)
_CLEFT_ZH = re.compile(r"^[^，。,是]{1,8}?(?:的)?(?:其实|就|还|主要)?是(?!不是)")
_TIME_EN = re.compile(
    r"^(?:(?:in|last|this|that|early|late|back in|around|on a|one)\s+)+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|spring|summer|autumn|fall|winter|year|week|month|quarter|"
    r"season|\w+day|morning|night|time)\b,?\s*", re.IGNORECASE)
_LEAD_INS_ZH = re.compile(r"^(?:就是说?|然后|那个|其实|主要是|因为|当时|结果|后来|反正|说实话|我觉得|所以|而且|"
                          r"有一次|有一回|那一次|那次|去年|今年|前年|那年|当年|那会儿|上个月|上周|上半年|下半年|"
                          r"嗯|啊|对|另外|还有(?:就是)?|当|(?:最好的一点|最好的地方|最好的|最大的好处|好处|最喜欢的|"
                          r"最重要的|最关键的|关键|核心|重点)(?:就)?是)+")
_CUT_EN = re.compile(r"\s*(?:[,;:—–()]|\s-\s|\b(?:because|but|which|while|so that|and then|although|"
                     r"though|whereas|unless|until|except)\b)\s*", re.IGNORECASE)
_CUT_ZH = re.compile(r"[，,；;：:（）()]")  # 、 joins a list ("订单、包材、交期"), it does not end a clause
_SOFT_CUT_EN = re.compile(r"\s+\b(?:and|when|after|before|if|since|with|so|or|then|who|where)\b\s+",
                          re.IGNORECASE)

_WANT_EN = re.compile(
    r"\b(?:i|we)(?:\s+|(?='))(?:really\s+|just\s+|basically\s+)?(?:want(?:ed)?|need(?:ed)?|'d like|would like|"
    r"wish(?:ed)? (?:we|i) could|had to|have to|hoped?|were hoping|was hoping|were looking|was looking)"
    r"(?:\s+(?:for\s+)?(?:a way|something|a tool|a system|one place)(?:\s+(?:to|that|where)))?\s+(?P<to>to\s+)?"
    r"(?P<rest>.+)$", re.IGNORECASE)
# "what I'm after is ...", "all we want is ...": the want said as a cleft
_WANT_IS_EN = re.compile(
    r"\b(?:what (?:i'm|i am|we're|we are) (?:really )?(?:after|looking for|hoping for)|"
    r"what (?:i|we) (?:really )?(?:want|need)(?:ed)?|all (?:i|we) (?:really )?(?:want|need)(?:ed)?)\s+(?:is|was)\s+"
    r"(?P<to>to\s+)?(?P<rest>.+)$", re.IGNORECASE)
_ABLE_EN = re.compile(r"^(?:being able to|be able to|to be able to|to|(?:i|we) (?:can|could|'d be able to|"
                      r"would be able to|were able to))\s+(?P<rest>.+)$", re.IGNORECASE)
_RESULT_EN = re.compile(
    r"\b(?:so(?: that)?|which means|that way|meaning)\s+(?P<rest>(?:[\w']+\s+){1,3}?(?:can|could|don't|doesn't|"
    r"didn't|won't|wouldn't|no longer|never|stops?|stopped|finally|gets? to|ha(?:ve|s) time|are able|is able)\b.*)$",
    re.IGNORECASE)
_WITHOUT_EN = re.compile(r"\bwithout (?:having to|us having to|me having to)\s+(?P<rest>.+)$", re.IGNORECASE)
_OPENS_WITH_SO_THAT = re.compile(r"^(?:(?:and|so|but|mainly|honestly|basically|really),?\s+)*so that\s+(?P<rest>.+)$",
                                 re.IGNORECASE)
_CONDITION_FIRST = re.compile(
    r"^(?:when|whenever|if|once|after|the day|the next time|next time)\b(?:[^,]*?\b"
    r"(?P<bare>(?:i|we|they|he|she|you)\s+(?:can|could|don't|won't|no longer|never|get to|have)\b.+)|"
    r"[^,]*?,\s*(?P<comma>.+))$",
    re.IGNORECASE)
_NOT_STATE_EN = re.compile(r"^not (?P<verb>being|having to)\s+(?P<rest>.+)$", re.IGNORECASE)
_CAN_VP = re.compile(r"^(?:i|we)\s+(?:can|could|'d be able to|would be able to)\s+(?P<rest>.+)$", re.IGNORECASE)
_SUBJECT_EN = re.compile(r"^(?:it|they|he|she|everything|everyone|everybody|nobody|someone|the|our|my|"
                         r"all|every|each|this|that|these|those|customers?|clients?|people|[A-Z]\w+)\b")

_WANT_ZH = re.compile(r"^(?:我们?|咱们)?(?:就|也|最|真的|其实)?(?:希望|想要|想|要的是|需要|要|盼着|就想|只想|巴不得|"
                      r"最好是|最好能)"
                      r"(?:的是|有个|有一个|能有)?")
_RESULT_ZH_STRONG = re.compile(r"(?:这样(?:一来)?(?:就|我们|我)?|那样(?:就)?|以便|好让|从而|"
                               r"(?=不用)|(?=不再)|(?=省得)|(?=免得)|(?=再也不))(?P<rest>.+)$")
_RESULT_ZH_WEAK = re.compile(r"(?<=[，,；;])\s*(?:才能|就能|就可以)(?P<rest>.+)$")
_DONE_ZH = re.compile(r"了(?!解)")
_THING_ZH = re.compile(r"(?:的东西|的功能|功能|系统|工具|软件|平台|服务|办法|方案)$")
_VERB_FIRST_ZH = re.compile(r"^(?:能|可以|直接|自动|不用|随时|一键|马上|及时|把|让|在|用|有|看|知道|查|找|少|多|"
                            r"提前|每天|实时|统一|集中|管|做|拿|省|减少|避免|保证|确保|不再)")


@dataclass(frozen=True)
class JobStatement:
    text: str
    sources: tuple[str, ...]  # the customer's sentences it was written from


def _size(text: str, language: str) -> int:
    return len(re.sub(r"\W", "", text)) if language == "zh" else len(text.split())


def _tidy(text: str, language: str) -> str:
    text = " ".join(text.split()).strip(" .!?。！？；;,，\"“”'‘’…")
    if language == "zh":
        text = _LEAD_INS_ZH.sub("", text).strip(" ，,")
        cleft = _CLEFT_ZH.match(text)  # "最打动我的其实是……", "真正下决心是……": what follows 是
        return text[cleft.end():].strip(" ，,") if cleft and _size(text[cleft.end():], "zh") >= 4 else text
    text = _LEAD_INS_EN.sub("", text).strip(" ,")
    return _TIME_EN.sub("", text).strip(" ,")


def _windows(text: str, splitter: re.Pattern[str], language: str) -> list[str]:
    """Clauses, and a clause with the short asides around it ("My boss, Pieter, came in"):
    neighbours are joined only when all but one are a few words long, never across a vocative
    ("Joaquín, you're ...") or a new lead-in, and never starting inside a noun phrase ("a hotel
    group, cancelled ..." when the subject came before it)."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in splitter.finditer(text):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    pieces = [_tidy(text[a:b], language) for a, b in spans]
    small = 4 if language == "zh" else 3
    windows = []
    for i in range(len(spans)):
        for j in range(i, min(i + (1 if language == "zh" else 3), len(spans))):  # 中文分句各自成句
            run = pieces[i:j + 1]
            if j > i:
                if sum(_size(piece, language) > small for piece in run) > 1:
                    break
                if _size(run[0], language) <= small and _PRONOUN.match(run[1]):
                    break
                if any(_NARRATIVE_START.match(piece) or _LEAD_INS_EN.match(piece) for piece in run[1:]):
                    break
            inside_noun_phrase = language == "en" and i > 0 and bool(_VERB_FIRST_EN.match(run[-1])) \
                and _size(pieces[i - 1], language) <= 6
            if not inside_noun_phrase:
                windows.append(text[spans[i][0]:spans[j][1]])
    return windows


# a piece that starts so leans on the clause before it: "from whoever picks up the phone"
_FRAGMENT_START = re.compile(r"^(?:from|to|for|with|by|of|in|on|at|about|into|than|whoever|whatever|"
                             r"instead|not(?! being| having)|or|and|like|as)\b", re.IGNORECASE)
_TRAILING_SAID = re.compile(r"\s+(?:and\s+)?(?:said|says|told (?:me|us)|asked(?: me| us)?)$", re.IGNORECASE)


def short_clause(text: str, language: str, limit: int | None = None) -> str | None:
    """The one short clause (or run of clauses) of `text` that carries most of its content, or
    None when none fits: the earliest of those nearly as full as the fullest."""
    splitter = _CUT_ZH if language == "zh" else _CUT_EN
    limit = limit or (MAX_ZH_CHARS if language == "zh" else MAX_EN_WORDS)
    pieces = [_TRAILING_SAID.sub("", _tidy(p, language)) for p in _windows(" ".join(text.split()), splitter, language)]
    pieces = [p for p in pieces if _size(p, language) >= (4 if language == "zh" else 3)
              and not (language == "en" and _FRAGMENT_START.match(p))]
    if not pieces:
        return None
    fitting = [p for p in pieces if _size(p, language) <= limit]
    if not fitting and language == "zh" and "、" in text:  # a long list: its items are the clauses then
        return short_clause(text.replace("、", "，"), language, limit)
    if not fitting and language == "en":  # cut a long clause before a later "and/when/after ..."
        for piece in pieces:
            heads = [piece[:m.start()] for m in _SOFT_CUT_EN.finditer(piece)]
            heads = [h for h in heads if 3 <= _size(h, language) <= limit]
            if heads:
                fitting.append(heads[-1])
    if not fitting:
        return None
    content = re.compile(r"[\u4e00-\u9fff]" if language == "zh" else r"[A-Za-z]{4,}")
    most = max(len(content.findall(p)) for p in fitting)
    return next(p for p in fitting if len(content.findall(p)) >= 0.7 * most)


# words that open a sentence with a capital only because they open it; another capitalised first
# word is most likely a name ("Linda was staying till seven") and keeps its capital
_SENTENCE_OPENERS = frozenset(
    "the a an our my we they it he she you his her their its this that these those there every each all some any "
    "one two three half most no nobody everyone everybody someone somebody people when if what how so and but "
    "then once after before being having not none nothing everything".split())


def _lower_first(text: str) -> str:
    if text[:2] in ("I ", "I'") or text[:1] == "I" and len(text) == 1:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].lower() != first[1:]:  # an acronym or a product name
        return text
    bare = re.sub(r"\W", "", first).lower()
    if first[:1].isupper() and bare not in _SENTENCE_OPENERS and not (len(bare) > 3 and bare.endswith("s")):
        return text  # a name
    return text[:1].lower() + text[1:]


def result_clause(text: str, language: str) -> tuple[str, str] | None:
    """(what comes before, the result) when `text` says what something leads to:
    "..., so we don't have to retype it", "……，这样就不用再手动录一遍"."""
    flat = " ".join(text.split())
    if language == "zh":
        for pattern in (_RESULT_ZH_STRONG, _RESULT_ZH_WEAK):
            for match in pattern.finditer(flat):
                before, rest = flat[:match.start()], match.group("rest")
                if _size(before, "zh") >= 4 and _size(rest, "zh") >= 4:
                    return before, rest
        return None
    result = _RESULT_EN.search(flat) or _WITHOUT_EN.search(flat)
    if result is None:
        return None
    rest = result.group("rest")
    if result.re is _WITHOUT_EN:
        rest = f"I don't have to {rest}"
    return flat[:result.start()], rest


_PRONOUN = re.compile(r"^(?:i|we|you|they|he|she|it|everyone|everybody|nobody|no one|someone)\b", re.IGNORECASE)
_PAST = re.compile(r"^\S+(?:\s+\S+){0,3}?\s+(?:was|were|had|did|used to|got|went|came|took|made|ran|said|"
                   r"told|left|lost|broke|stuck|kept|thought|felt|knew|saw|bought|paid|spent|sent|found|gave|began|"
                   r"\w{2,}ed|wasn't|weren't|hadn't|didn't|couldn't|wouldn't)(?!\w)",
                   re.IGNORECASE)
_NP_START = r"(?:(?:a|an|the|our|my|every|each|all|some|one|two|any)\s+\w+|[a-z]{3,}s|[A-Z]{2,}\w*)"
_NOT_VERBS = r"(?!(?:would|could|should|will|can|did|was|were|had|has|is|are|do|does)\b)"
_NP_TO_VP = re.compile(rf"^(?P<np>{_NP_START}(?:\s+{_NOT_VERBS}\w+){{0,2}}?)\s+to\s+(?P<vp>[a-z].+)$")
_NP_PARTICIPLE = re.compile(rf"^{_NP_START}(?:\s+{_NOT_VERBS}\w+){{0,2}}?\s+"
                            r"(?:\w{2,}ed|paid|done|sent|built|kept|seen|known|made|shown|told|sold|found)\b")
_NARRATIVE_START = re.compile(r"^(?:that's|that is|that was|this is|this was|it's|it is|it was|there's|"
                              r"here's|what|why|how|who|was|were|is|are|had|did|would|could)\b", re.IGNORECASE)
_VERB_FIRST_EN = re.compile(r"^(?:\w{3,}ed|went|came|took|made|ran|said|told|left|lost|broke|got|had)\b",
                            re.IGNORECASE)
_COPULA_EN = re.compile(r"^(?:\S+\s+){1,3}?(?:was|is|were|are)\b(?!\s+\w{2,}ing\b)", re.IGNORECASE)
_SUBORDINATOR = re.compile(r"^(?:if|when|whenever|once|after|because|since|as soon as|the day|the moment)\s+",
                           re.IGNORECASE)


def _without_asides(text: str) -> str:
    """The sentence without the short comments said between commas ("But then, this is the bit,
    back in February ..."): they are no situation and would hide the one told around them."""
    pieces = re.split(r"(?<=,)\s+", " ".join(text.split()))
    kept = [p for p in pieces if not (_NARRATIVE_START.match(_tidy(p, "en")) and _size(p, "en") <= 5)]
    return " ".join(kept) if kept else text


def situation_phrase(text: str, language: str) -> str | None:
    if language != "zh":
        text = _without_asides(text)
    clause = short_clause(text, language, None if language == "zh" else SITUATION_EN_WORDS)
    if clause is None:
        return None
    if language == "zh":
        if clause.startswith("不是") and clause.endswith("嘛"):  # "不是出了新规定嘛": a reminder, not a denial
            clause = clause[2:]
        clause = re.sub(r"[嘛吧呀啊啦]+$", "", clause)
        clause = re.sub(r"(?:的时候|时候|之后|以后|时)$", "", clause)
        clause = re.sub(r"(?<=[\u4e00-\u9fff])就(?=[\u4e00-\u9fff])", "", clause).removesuffix("了")
        return clause if _size(clause, "zh") >= 4 and not clause.endswith(("吗", "呢")) else None
    if re.match(r"^(?:if|unless|whether)\b", clause, re.IGNORECASE):
        return None  # a condition, not a situation that happened
    clause = _SUBORDINATOR.sub("", clause)
    if _NARRATIVE_START.match(clause) or _size(clause, "en") < 3 or _VERB_FIRST_EN.match(clause) \
            or _COPULA_EN.match(clause):
        return None  # a comment ("that's where ..."), "the first was ...", an event without its subject
    return _lower_first(clause)


_PRONOUN_TO_VP = re.compile(r"^(?P<np>it|them|him|her|us|everyone|everybody)\s+to\s+(?P<vp>[a-z].+)$", re.I)


def _english_goal(clause: str, *, marked: bool, noun: bool = False) -> tuple[str, str] | None:
    """("vp" | "clause", text): a verb phrase to follow "I want to" / "so I can", or a present
    clause to follow "make sure" / "so that". `marked`: it followed want/need/can/able to;
    `noun`: it followed "want"/"need" without "to", so it names a thing ("zero double bookings")."""
    clause = clause.strip()
    able = _ABLE_EN.match(clause)
    if able:
        return "vp", able.group("rest")
    causative = _NP_TO_VP.match(clause) or (_PRONOUN_TO_VP.match(clause) if marked else None)
    if causative and (marked or not _PRONOUN.match(clause)):  # "a PM to handle forty projects"
        return "vp", f"have {_lower_first(causative.group('np'))} {causative.group('vp')}"
    if noun and not _PRONOUN.match(clause):
        return "vp", f"have {_lower_first(clause)}"  # "I want zero double bookings"
    if _NP_PARTICIPLE.match(clause) and not _PRONOUN.match(clause):
        return "vp", f"have {_lower_first(clause)}"  # "hazards closed the same day"
    if marked and not _PRONOUN.match(clause) and not _SUBJECT_EN.match(clause):
        return "vp", clause  # "want to see every job": a verb follows the marker
    if _PAST.match(clause):
        return None  # what happened, not what they want
    if _PRONOUN.match(clause) or _SUBJECT_EN.match(clause):
        return "clause", _lower_first(clause)
    return None


def _wants_a_thing(wanted: re.Match[str] | None) -> bool:
    """"I want zero double bookings" (a thing) rather than "I want to ..." (an action)."""
    if wanted is None or wanted.group("to"):
        return False
    said = wanted.group(0)[: wanted.start("rest") - wanted.start()].lower()
    return not re.search(r"\b(?:to|that|where|could)\s*$", said) and not said.rstrip().endswith(("had", "have"))


def motivation_phrase(text: str, language: str) -> str | None:
    """What the customer wanted, as what follows "I want to" (or "我想")."""
    flat = " ".join(text.split())
    if language == "zh":
        clause = short_clause(flat, "zh")
        if clause is None:
            return None
        clause = _WANT_ZH.sub("", clause).strip("，, ")
        if _size(clause, "zh") < 4 or clause.endswith(("吗", "呢")) or _DONE_ZH.search(clause):
            return None  # a question, or what was done ("监管那边推荐了几个"), not what they want
        if _VERB_FIRST_ZH.match(clause):
            return clause
        return f"要{clause}" if _THING_ZH.search(clause) else f"让{clause}"
    wanted = _WANT_IS_EN.search(flat) or _WANT_EN.search(flat)
    clause = short_clause(wanted.group("rest") if wanted else flat, "en")
    if clause is None:
        return None
    goal = _english_goal(clause, marked=bool(wanted), noun=_wants_a_thing(wanted))
    if goal is None:
        return None
    kind, phrase = goal
    if kind == "clause" and re.match(r"^you\b", phrase):
        return None  # "you're paying for ...": a description of how things are, not a want
    return phrase if kind == "vp" else f"make sure {phrase}"


def outcome_phrase(text: str, language: str) -> str | None:
    """The end result, as what follows "so I can" (or "以便"); a result clause wins.
    A clause that needs "so that" comes back as "that ..."."""
    found = result_clause(text, language)
    if found is None and language != "zh":
        opened = _OPENS_WITH_SO_THAT.match(" ".join(text.split()))
        if opened:  # "So that when the agency asks, I can send the photos": the result after the condition
            condition = _CONDITION_FIRST.match(opened["rest"])
            found = ("", (condition["comma"] or condition["bare"]) if condition else opened["rest"])
    source = found[1] if found else text
    if language == "zh":
        clause = short_clause(source, "zh")
        if clause is None:
            return None
        clause = re.sub(r"^(?:这样|就能|就可以|可以|能)", "", _WANT_ZH.sub("", clause)).strip("，, ")
        return clause if _size(clause, "zh") >= 4 and not clause.endswith(("吗", "呢")) else None
    clause = short_clause(source, "en")
    if clause is None:
        return None
    can = _CAN_VP.match(clause)
    if can:
        return can.group("rest")
    state = _NOT_STATE_EN.match(clause)
    if state:  # "not being the only one who knows", "not having to ring round"
        return f"that I'm not {state['rest']}" if state["verb"] == "being" else f"that I don't have to {state['rest']}"
    if found and not _FRAGMENT_START.match(clause):
        return f"that {_lower_first(clause)}"  # "so dispatch doesn't have to phone around"
    wanted = _WANT_IS_EN.search(clause) or _WANT_EN.search(clause)
    goal = _english_goal(wanted.group("rest") if wanted else clause, marked=bool(wanted),
                         noun=_wants_a_thing(wanted))
    if goal is None:
        return None
    kind, phrase = goal
    return phrase if kind == "vp" else f"that {phrase}"


def _first(candidates: list[str], phrase: Callable[[str], str | None],
           taken: set[str]) -> tuple[str, str] | None:
    for sentence in candidates:
        if sentence in taken:
            continue
        found = phrase(sentence)
        if found:
            return sentence, found
    return None


def _wanted_part(language: str) -> Callable[[str], str | None]:
    """The motivation of a sentence, leaving out its result clause (kept for the outcome)."""
    def phrase(sentence: str) -> str | None:
        split = result_clause(sentence, language)
        return motivation_phrase(split[0] if split else sentence, language)
    return phrase


_RESULT_START = {
    "en": re.compile(r"^(?:(?:and|so|but|mainly|honestly|basically),? )*(?:so that|so (?:i|we) can|that way|"
                     r"which means)\b", re.IGNORECASE),
    "zh": re.compile(r"(?:以便|这样|好让|不用|不再|省得|免得)"),
}


def _worded_as_result(sentence: str, language: str) -> bool:
    key = "zh" if language == "zh" else "en"
    return bool(_RESULT_START[key].search(sentence.strip())) or result_clause(sentence, language) is not None


def _worded_as_want(sentence: str, language: str) -> bool:
    flat = " ".join(sentence.split())
    if language == "zh":
        return _WANT_ZH.match(re.sub(r"^(?:还有就是|另外就是|就是|其实|然后)", "", flat)) is not None
    return bool(_WANT_IS_EN.search(flat) or _WANT_EN.search(flat))


def compose(situations: list[str], motivations: list[str], outcomes: list[str],
            language: str) -> JobStatement | None:
    """The statement from the strongest candidates that each yield a phrase; None unless all
    three parts are backed. Candidates come strongest first; a result clause inside a motivation
    sentence may serve as the outcome. Among the desired outcomes, those worded as a result ("so
    that ...", "这样就不用……") are offered first as the outcome; one worded as a want ("I just want
    to know ...", "我就想……") is the motivation when what they liked about the product gives only a
    description of it ("make sure it texts everyone")."""
    situation = _first(situations, lambda s: situation_phrase(s, language), set())
    if situation is None:
        return None
    outcomes = sorted(outcomes, key=lambda s: not _worded_as_result(s, language))
    from_pull = _first(motivations, _wanted_part(language), {situation[0]})
    parts = None
    if from_pull is None or from_pull[1].startswith("make sure "):
        wanted = [s for s in outcomes if _worded_as_want(s, language) and not _worded_as_result(s, language)]
        if wanted:
            parts = _parts(situation, None, wanted, outcomes, language)
    parts = parts or _parts(situation, from_pull, motivations, outcomes, language)
    if parts is None:
        return None
    motivation, outcome = parts
    sources = tuple(dict.fromkeys((situation[0], motivation[0], outcome[0])))
    if language == "zh":
        return JobStatement(f"当{situation[1]}时，我想{motivation[1]}，以便{outcome[1]}。", sources)
    goal = outcome[1]
    so = "so I can"
    if goal.startswith("that "):
        so, goal = "so that", goal[5:]
    elif re.match(r"^(?:i|we|you|they)\s+(?:don't|didn't|won't|no longer|never|stop)", goal, re.IGNORECASE):
        so = "so that"
    return JobStatement(f"When {situation[1]}, I want to {motivation[1]}, {so} {goal}.", sources)


def _parts(situation: tuple[str, str], motivation: tuple[str, str] | None, motivations: list[str],
           outcomes: list[str], language: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """(motivation, outcome), each (sentence, phrase), or None when one is missing."""
    if motivation is None:
        motivation = _first(motivations, _wanted_part(language), {situation[0]})
    taken = {situation[0]} | ({motivation[0]} if motivation else set())
    outcome = _first(outcomes, lambda s: outcome_phrase(s, language), taken)
    if outcome is None:  # a wanted thing that says what it leads to: "..., so we never retype it"
        for sentence in motivations:
            if sentence == situation[0] or result_clause(sentence, language) is None:
                continue
            wanted, result = _wanted_part(language)(sentence), outcome_phrase(sentence, language)
            if wanted and result:
                motivation, outcome = (sentence, wanted), (sentence, result)
                break
    if motivation is None and outcome is not None:
        motivation = _first(outcomes, _wanted_part(language), {situation[0], outcome[0]})
    if motivation is None or outcome is None or motivation[1] == outcome[1]:
        return None
    return motivation, outcome
