"""Features for the JTBD sentence classifier that carry across trades: hashed word and stem
(English) or character (Chinese) n-grams, general cue-word counts per class, the type of the
interviewer's preceding question, and markers of how a sentence is said rather than what trade it
is about: negation and its scope over a worry, person, tense and aspect (the old way told as a
routine, the new way in the present, a dated event), modality (desire, hypothesis), targets,
dismissals ("we never use it"), consequences, resistance and small talk.

Cheap by design (no model call): a 10,000-word interview is featurised in well under a second.
The same function builds the training matrix (training/train_jtbd.py) and the run-time one.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

from icp_coach.engines.offline.jtbd.lexicon import CLASSES, cue_lexicon

HASH_BUCKETS = 2048
QUESTION_BUCKETS = 256  # the interviewer's preceding question, as n-grams of its own
QUESTION_KINDS = ("push", "pull", "anxiety", "habit", "trigger", "outcome", "distractor",
                  "alternatives")
_MARKERS = {
    "negation": r"\b(not|no|never|n't|nobody|nothing|none)\b|不|没|别|无",
    "first_person": r"\b(i|we|my|our|me|us|i'm|we're|i'd|we'd)\b|我|我们",
    "past": r"\b(was|were|had|did|used to|\w+ed)\b|了|过|以前|之前|当时",
    "future": r"\b(will|want|would like|hope|goal|going to|'d like)\b|希望|想要|目标|要做到",
    "conditional": r"\b(if|what if|unless|in case)\b|如果|要是|万一",
    "hedge": r"\b(maybe|kind of|sort of|i guess|probably|honestly|like)\b|可能|好像|其实",
    "relayed": r"\b(said|told me|says|asked)\b|说|告诉",
    "number": r"\d|\b(one|two|three|four|five|ten|twenty|thirty|forty|fifty|hundred|percent)\b|[一二三四五六七八九十百千万]",
    "question": r"[?？]",
    # the old way, told as a routine: "we'd ring", "she would type", "every Friday", 以前都是
    "habitual_past": r"\b(we|i|they|she|he|you|people|it)('d| would) \w+|\bused to\b|\b(every|each) "
                     r"(time|morning|night|week|month|day|friday|monday)\b|以前|之前|原来|过去|每次|每天|每个月|都是",
    # the new way, told in the present: "now", "it does", "they can", 现在, 自动, 直接
    "now_present": r"\b(now|these days|nowadays|anymore|no longer)\b|\b(it|the (app|system|tool|portal|"
                   r"software|platform)) (does|shows|sends|pulls|lets|puts|goes|works|tells|gives|"
                   r"updates|fills|matches|logs|reads|takes|plans)\b|现在|自动|直接|一键|就能",
    "ability": r"\b(can|could) (now |just |finally |actually )?(see|book|pay|log|scan|find|get|do|pick|"
               r"track|check|approve|change)\b|\bwithout (having to|me|anyone)\b|能看到|可以|就能|随时",
    # a single event, dated: "then one day", "last spring", "in March", 那次, 去年
    "event_time": r"\b(then|one day|one time|once|last (year|month|week|spring|summer|autumn|fall|winter)|"
                  r"that (week|month|day|night|morning|year)|in (january|february|march|april|may|june|"
                  r"july|august|september|october|november|december|20\d\d)|after that|the day|"
                  r"(the|a) (week|day|month|night) (before|after)|(at )?(the )?end of (the )?(year|quarter)|"
                  r"year[- ]end|(last|this) (january|february|march|april|may|june|july|august|september|"
                  r"october|november|december))\b"
                  r"|那次|那一次|有一次|去年|前年|今年|那天|那个月|那周|后来|突然|年底|年初|上个月|上周|上次|"
                  r"[一二三四五六七八九十\d]+月份?|前几天|那年",
    # the event that forces a move: an ultimatum, someone leaving, a rule from above, said or relayed
    "ultimatum_or_departure": r"\b(quit|resigned|retired|retiring|left (us|the company|the business)|"
                              r"handed in (his|her|their) notice|went on (maternity|sick) leave|passed away|"
                              r"ultimatum|or else|one more time|(said|told (us|me)) (we|i) (have|had) to|"
                              r"(we|you) have to|we had to (go|move|switch)|drop us|pull(ed)? the contract|"
                              r"(if|unless) .{0,40} (again|another)|(you're|you are|we're|we are) not (getting|going|doing|"
                              r"spending) .{0,30}(another|again|anymore)|(this|that) or (i'm|she's|he's|we're))\b"
                              r"|辞职|离职|退休|走了|跳槽|(再|要是再|如果再).{0,12}(就|的话)|必须|下了?死命令|"
                              r"不干了|换别家|不续",
    # an option tried or looked at and left: not what made them move
    "tried_option": r"\b(tried|trialled|trialed|had a go (with|at)|gave .{0,25} a (go|try|shot)|"
                    r"test(ed)? drove|demoed|looked at|signed up for .{0,25} (trial|month))\b"
                    r"|试过|试用|用过一段|用了[一两三几\d]+(天|周|个星期|个月)|试了[一两三几\d]*",
    # the customer's own result, not the product's feature: "get my mornings back", "so I can ..."
    "own_result": r"\b(get (my|our|the) \w+( \w+)? back|so (that )?(i|we|they|the \w+) (can|could|don't|won't|"
                  r"never|aren't|get|stop)|(i|we)('d| would) (finally )?have (time|room)|home by|out the door by|"
                  r"never again|no more|stop having to|without (me|us) having to|(would|will) (mean|be) "
                  r"(that|we|i))\b|就好了|再也不|能够|能准时|准点|按时下班|早点(回家|下班)|腾出|(我|我们)(也)?能",
    "consequence": r"\b(lost|nearly|almost|threaten\w*|complain\w*|fined|sued|audit\w*|inspect\w*|"
                   r"tender|renew\w*|deadline|required?|requirement|mandate|law|regulator)\b"
                   r"|赔|罚|投诉|检查|要求|考核|招标|差点|丢了",
    # the old way failing, said in any trade: "half the time", "we had no idea", "had to chase", 只能, 根本不知道
    "struggle": r"\b(had to|have to|couldn't|could not|no idea|nobody knew|no way (of|to)|half the time|"
                r"all the time|took (ages|forever)|by hand|chas(e|ed|ing)|lost|missed|wrong|forgot|"
                r"mistakes?|late|again and again|over and over)\b|只能|根本|查不到|不知道|对不上|老是|经常|"
                r"半天|白跑|手工|一个一个|还得|忘了|搞错|出错",
    "worry_word": r"\b(worr\w+|afraid|scared|nervous|fear\w*|doubt\w*|uneasy|unsure|terrified|"
                  r"wasn't sure|not sure|concern\w*)\b|担心|怕|顾虑|没底|不踏实|纠结|犹豫",
    # negation scope over a worry: "no worries", "I wasn't worried", 不担心, 没什么顾虑
    "negated_worry": r"\b(no|not|never|wasn't|weren't|didn't|without|any) (\w+ ){0,2}(worr\w+|concern\w*|"
                     r"afraid|nervous|doubts?|fears?|hesitat\w*)|不担心|没担心|没什么(担心|顾虑)|没有(担心|顾虑)|不怕|放心",
    "hypothetical": r"\b(what if|what happens if|would|might|could) |万一|会不会|要是",
    "target": r"\b(under|below|within|at least|at most|no more than|less than|down to|up to|zero|"
              r"every|all|not one|not a single|none|half|double)\b|%|以内|以下|以上|降到|提到|达到|"
              r"控制在|不超过|一次都|零|百分之",
    "desire": r"\b(i|we) (just )?(want|need|'d like|would like|hope)\b|\bi'd love\b|\bideally\b|"
              r"\b(success|good) (is|would be|looks like|means)\b|希望|想要|目标|要做到|理想",
    # "we don't use it", "didn't care", "wasn't the thing", 用不上, 不需要, 无所谓
    "dismissal": r"\b(don't|do not|didn't|did not|never|won't|wouldn't) (really |actually |even )?"
                 r"(use|used|need|needed|care|cared|bother|want|wanted|touch|touched|look at|switch)"
                 r"|\b(nobody|no one) (uses|used|logs|posts|reads)\b|\bnot (the|a|about|something|"
                 r"relevant|important|what)\b|\bwasn't (the|about|a|my|what)|\b(ignore|irrelevant|"
                 r"pointless|gimmick)\b|用不上|不需要|不在乎|不关心|无所谓|没用|没啥用|没人用|不重要|不太关心"
                 r"|(功能|这个|那个|这块|那块)[^，。,]{0,4}(不用|不看|没用过|用不着)",
    "resistance": r"\b(still|insist\w*|refus\w*|kept|keeps|alongside|just in case|trust(ed)?|prefer"
                  r"|old school|always done|his own|her own|their own|by heart|knows? (it|her|his))\b"
                  r"|还是|还在|习惯|不愿意|不信|踏实|一直|改不了|自己的",
    "social": r"\b(thanks|thank you|sorry|hello|hi|hey|weather|coffee|tea|lunch|ha|haha|lol|busy"
              r"|weekend|holiday)\b|你好|您好|谢谢|不好意思|哈哈|喂|方便|忙吗",
    "people_pain": r"\b(customers?|clients?|patients?|parents?|members?|families|buyers?|guests?|"
                   r"people) (would |kept |were |got |started )?(ring|call|complain|email|ask|wait|"
                   r"leave|left|moan|argue|shout|queue|line)\w*|客户|客人|家长|病人|投诉|骂",
}
_COMPILED = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _MARKERS.items()}
_WORD = re.compile(r"[a-z']+|\d+")
_CJK = re.compile(r"[\u4e00-\u9fff]")

FEATURE_NAMES: tuple[str, ...] = (
    tuple(f"hash_{i}" for i in range(HASH_BUCKETS))
    + tuple(f"cue_{name}" for name in CLASSES)
    + tuple(f"asked_{kind}" for kind in QUESTION_KINDS) + ("asked_nothing",)
    + tuple(f"has_{name}" for name in _MARKERS)
    + ("length", "first_in_turn", "zh")
    + tuple(f"question_hash_{i}" for i in range(QUESTION_BUCKETS))
)


_WORRY_OVER = re.compile(r"\b(worr\w+|afraid|scared|nervous|fear\w*|concern\w*|doubt\w*|wasn't sure|not sure|"
                         r"unsure|what if|in case)\b|担心|怕|顾虑|没底|万一|会不会", re.IGNORECASE)


def worried_about_use(text: str) -> bool:
    """A worry whose object is a dismissal-looking clause: "I was worried the crew wouldn't use
    the app", "怕师傅们不用" — an anxiety about switching, not something the customer did not
    value."""
    found = _COMPILED["dismissal"].search(text) or _DISTRACTOR_CUE.search(text)
    if found is None:
        return False
    worry = _WORRY_OVER.search(text[:found.start()])
    return worry is not None and not _COMPILED["negated_worry"].search(text[:found.start()])


_DISTRACTOR_CUE = re.compile(r"\b(would never use|wouldn't use|won't use|never used|don't use|didn't use|"
                             r"don't bother|wouldn't bother|won't bother)\b|不会用|不用|不愿意用", re.IGNORECASE)


def dismisses(text: str) -> bool:
    """Whether the sentence says something was not used, not needed or not the point (not when
    it is a worry that others would not use it)."""
    return bool(_COMPILED["dismissal"].search(text)) and not worried_about_use(text)


_POINTS_BACK = re.compile(r"\b(that|it|this|them|those)\b|那个|这个|它|这块|那块", re.IGNORECASE)


_INTRODUCES_A_FEATURE = re.compile(
    r"^\W*(?:(?:and|also|plus|oh|then|so|um|uh)\W+)*(?:there's|there is|there are|there was|it has|it's got|"
    r"it had|it comes with|they have|they've got|they had|you get|you've got)\b"
    r"|^\W*(?:然后|另外|而且)?(?:它|系统|软件|平台|那个系统|这个系统)?(?:还|也)?(?:有个|有一个|有些|有一些|带了|自带|带个)",
    re.IGNORECASE)


def introduces_a_feature(text: str) -> bool:
    """"There's an inventory thing for the shop", "还有个会员积分": a sentence that shows a feature,
    whose worth the customer gives in the next breath."""
    return bool(_INTRODUCES_A_FEATURE.search(text))


def dismisses_what_came_before(text: str) -> bool:
    """A clause that opens with a dismissal pointing back: "we never use that", "这个我们用不上"
    (not "there's a X we never use", which names what it dismisses)."""
    found = _COMPILED["dismissal"].search(text)
    if found is None or not _POINTS_BACK.search(text):
        return False
    before = text[:found.start()]
    return len(before.split()) <= 2 if not _CJK.search(before) else len(before.strip()) <= 4


def _units(text: str, language: str) -> list[str]:
    if language == "zh":
        chars = [c for c in text if _CJK.match(c) or c.isalnum()]
        return chars + [a + b for a, b in zip(chars, chars[1:], strict=False)]
    words = _WORD.findall(text.lower())
    stems = [f"~{_stem(w)}" for w in words if len(w) > 4]
    return words + stems + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


_SUFFIXES = ("ingly", "ing", "edly", "ed", "ies", "es", "s", "ly", "ment", "ness")


def _stem(word: str) -> str:
    """A crude suffix strip, so "worried", "worries" and "worrying" share a unit."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _bucket(unit: str) -> int:
    return zlib.crc32(unit.encode("utf-8")) % HASH_BUCKETS


def sentence_features(texts: Sequence[str], asked: Sequence[set[str]], first_in_turn: Sequence[bool],
                      language: str, questions: Sequence[str] | None = None) -> np.ndarray:
    """One row per sentence; `asked` holds the question kinds of the interviewer turn before it,
    `questions` its text."""
    lexicon = cue_lexicon(language)
    rows = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=np.float32)
    cue_at = HASH_BUCKETS
    asked_at = cue_at + len(CLASSES)
    marker_at = asked_at + len(QUESTION_KINDS) + 1
    tail_at = marker_at + len(_MARKERS)
    for row, text in enumerate(texts):
        units = _units(text, language)
        for unit in units:
            rows[row, _bucket(unit)] += 1.0
        if units:
            rows[row, :HASH_BUCKETS] /= np.sqrt(len(units))
        scores = lexicon.score(text)
        worried = worried_about_use(text)
        if worried:  # the dismissal cue words are the object of a worry
            scores["distractor"] = 0.0
        for j, name in enumerate(CLASSES):
            rows[row, cue_at + j] = scores.get(name, 0.0)
        kinds = asked[row]
        for j, kind in enumerate(QUESTION_KINDS):
            rows[row, asked_at + j] = float(kind in kinds)
        rows[row, asked_at + len(QUESTION_KINDS)] = float(not kinds)
        for j, (name, pattern) in enumerate(_COMPILED.items()):
            rows[row, marker_at + j] = float(bool(pattern.search(text))) if not (worried and name == "dismissal") else 0.0
        size = len(text) / 3 if language == "zh" else len(text.split())
        rows[row, tail_at] = min(size, 40) / 40
        rows[row, tail_at + 1] = float(first_in_turn[row])
        rows[row, tail_at + 2] = float(language == "zh")
        if questions is not None and questions[row]:
            units = _units(questions[row], language)
            for unit in units:
                rows[row, tail_at + 3 + zlib.crc32(b"q" + unit.encode("utf-8")) % QUESTION_BUCKETS] += 1.0
            if units:
                rows[row, tail_at + 3:] /= np.sqrt(len(units))
    return rows
