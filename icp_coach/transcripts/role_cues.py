"""What one turn says about its speaker's side, in English and Chinese.

- `asks`: a question or prompt about the other side's work ("How do you ...?", "说说您是怎么做的",
  a question mark, 吗/呢 at the end, an interrogative such as 为什么/怎么/多少/什么/能不能);
- `asks_back`: a question about the interviewer's product, price or company ("Does your tool ...?",
  "How much would it cost?", "你们这个软件多少钱？", "能不能接我们的系统？"): the customer's questions;
- `mic_check`: "Can you hear me?", "喂，能听到吗？": neither side's evidence;
- `research_aside`: a line of the research side that asks nothing ("I'll put the notes in the
  channel", "just noting that", "don't mind me", "我这边记一下，会后把纪要发群里", "我主要听",
  "你们聊，我不插话", "我负责录音，您不用管我"; a producer's "We're live", "About two minutes left",
  "还有五分钟");
- `thanks_for_time`: the research side thanking for the interview ("Thanks for joining",
  "this was really helpful", "谢谢您抽时间", "今天就到这里");
- `you_and_self`: how much a turn speaks of "you" (您, 你们, 咱们) against "I"/"we" (我, 我们);
- `introduces_colleague`: the research side naming someone as one of its own ("Owen from our team is
  on too", "Raj is here with me", "旁边是我们的同事高远", "我们的产品经理罗斌");
- `hosts_session`: opening or closing the session for the research side ("Welcome, everyone",
  "I'll hand over to Sam", "欢迎参加今天的用户访谈", "访谈由我的同事小宁来主持", "今天的访谈就到这里");
- `courtesy`: a greeting, a thanks or an acknowledgement and nothing else ("Hi Theo.", "Got it,
  thanks.", "邓厂长好。", "谢谢邓厂长。", "好的，明白。").
"""

from __future__ import annotations

import re

_QUESTION_START = re.compile(
    r"^(?:(?:and|so|okay|ok|right|then|great|thanks|sorry|also|just|quick question)[, ]+){0,3}(what|why|how|when|where|who|which|did|do|does|"
    r"was|were|is|are|can|could|would|will|have|has|tell me|walk me|talk me|describe|say more)\b",
    re.IGNORECASE)
_PROMPT = re.compile(r"\b(could you|can you|would you|tell me|walk me through|talk me through)\b", re.IGNORECASE)
_ZH_QUESTION = re.compile(
    r"(吗|呢|么|没有|是不是|为什么|怎么|什么|哪些|哪个|多少|多久|能不能|有没有)[。.]?$|"
    r"^(那|所以)?(为什么|怎么|什么|哪|多少|能说说|说说|讲讲|聊聊|介绍一下)|"
    r"(请您?|麻烦您?|先请您?|能不能|可以)(先)?(简单)?(介绍|说说|讲讲|聊聊|谈谈)")
_MIC_CHECK = re.compile(
    r"\b(can|could) you (hear|see) (me|us|my)\b|\bhear me (ok|okay|alright)\b|\bis this (thing )?on\b|"
    r"^(hello|hi)\?|喂|听得到吗|听得见吗|能听到吗|能听见吗|听到吗", re.IGNORECASE)
# "it"/"this" only with what a product does, and "you do" only as the whole question: an
# interviewer asks "Does it happen often?", "What would it be?", "What do you do with those?".
_PRODUCT_VERB = (r"(work|handle|connect|integrate|sync|support|export|import|print|send|track|plug|link|"
                 r"talk to|come with|cost|need|replace|run on|read|scan|remind)")
_ASKS_BACK = re.compile(
    # "your app" is theirs, "the system" or "your company" may be the customer's own
    r"\b(your|this) (tool|software|product|app|platform|solution)\b|\byour thing\b|"
    r"\b(does|can|will|would|could|is) (your|the|this) (tool|software|product|app|system|platform|thing|"
    r"solution|service)\b|"
    r"\bhow much (is it|does it|would it|will it|do you charge|would you charge|is this)\b|"
    r"\bwhat (would|do|will) you charge\b|\b(like|than) yours\b|"
    r"\bhow much (would|does|will|is) (a|the|this|your) (tool|software|product|app|thing|system|platform|service)\b|"
    rf"\b(does|can|will|would|could) (it|this|that) (also |even |actually )?{_PRODUCT_VERB}\b|"
    r"\bdo you have (any|a demo|customers|pricing)\b|\bare you (selling|a |an )|"
    r"\bwhat do(es)? (you|you guys|your company|your team) do( exactly| again)?\s*[?？]|"
    r"\bother \w+ (do|use|track|handle)\b|\bdo you know (any|other|anyone|of)\b|\bwill you send\b|"
    r"\bwhat is this exactly\b|\bis this (a sales|an? \w+ app|something you)\b|"
    r"你们(这个|那个|这套|这款|的)?(软件|系统|产品|东西|工具|小程序|平台|app|App)|"
    r"你们(这个|那个)(能|可以|会|要不要|多少钱|怎么收费|是不是)|你们是(做什么|干什么|卖|做系统|做软件)|"
    r"你们(能|可以)(不能)?(做|帮|给|提供|接|对接|支持)|"
    r"是卖.{0,6}的吗|你说别的|有没有别的.{0,10}在用|(能不能|可不可以)(接|打通|对接|跟.{0,12}打通|先给我们)",
    re.IGNORECASE)
_RESEARCH_ASIDE = re.compile(
    r"\b(noting|note that|notes? (for|in|to)|taking notes|take notes|written that down|write[- ]?up|"
    r"recording link|the recording|listening in|just listening|mostly be quiet|carry on|go ahead, (sorry|please)|"
    r"for the team|from our side|that's all from (me|us)|(just )?here to listen|listen(ing)? in|"
    r"(stay|be|keep) (quiet|on mute)|don'?t mind me|ignore me|pretend i'?m not here|"
    r"(stay|keep) out of (your|the) way|won'?t (interrupt|jump in)|"
    r"we'?re live|recording('s| is) (going|running|rolling|on))\b|"  # a producer's lines
    r"你们(先)?聊|我不插话|不打扰(你们|您们|二位|大家)|(别|不用|不必)管我|当我不在|我就听听|记一下|记下来|记下了|记好了|(做|负责|在)(记录|笔记|录音)|记笔记|记录一下|记录下来|我来记|我先记|整理一下|整理出来|我整理|纪要|笔记|我主要听|在旁边听|旁听|您继续|你们继续|补充(一|几)?个问题|会后|发到?群里|同步给|"
    r"还(剩|有)(最后)?.{1,3}分钟|时间(差不多|快)到了|录音(已经)?(开始了|开着|在录)|正在录(音|制)",
    re.IGNORECASE)
_THANKS_FOR_TIME = re.compile(
    r"\bthank(s| you)[^.?!]{0,25}\bfor (joining|taking|making|doing|fitting|squeezing|your time|speaking|"
    r"talking|picking up|the call)\b|\b(this|that) (was|has been|is) (really |so |super )?(useful|helpful|great)\b|"
    r"谢谢(您|你|二位|各位)?(今天)?(抽|接受)|谢谢.{0,8}(抽时间|抽空|的分享)|感谢(您|你|二位|各位)|非常感谢|"
    r"收获很大|今天就到这里|对我们很有帮助",
    re.IGNORECASE)
_QUESTION_MARK = re.compile(r"[?？]")
_YOU = re.compile(r"\b(you|your|yours|you're|you've|you'd|you'll)\b|您|你们|咱们|你", re.IGNORECASE)
_SELF = re.compile(r"\b(i|i'm|i've|i'd|me|my|we|we're|we've|our|ours|us)\b|我们|我|俺", re.IGNORECASE)


# Speech-to-text without punctuation ("so how do you plan the routes", "那后来怎么处理的"):
# a clause that opens on a question word and a verb, or a Chinese interrogative anywhere.
_CLAUSE_QUESTION = re.compile(
    r"^(?:(?:and|so|but|okay|ok|right|then|sorry|also|now)\s+)*(?:(?:what|why|how|when|where|who|which)\s+"
    r"(?:do|does|did|is|are|was|were|would|could|can|will|should|much|many|long|often|about|kind|sort)"
    r"|(?:do|does|did|is|are|can|could|would|have|has)\s+(?:you|your|they|it|that|this|the)|what if)\b",
    re.IGNORECASE)
_ZH_INTERROGATIVE = re.compile(
    r"(?<!不知道)(怎么|怎样|如何|为什么|为啥|什么|哪|多少|多久|多长|多大|几[个家台次天年人种位块件条单]|谁|是否|"
    r"有没有|是不是|能不能|会不会|要不要|[吗呢]$)")
_SENTENCE_MARK = re.compile(r"[.!?。！？]")
_WH_VERB = re.compile(r"\b(?:what|why|how|when|where|who|which)\s+(?:do|does|did|is|are|was|were|would|could|"
                      r"can|will|should|much|many|long|often)\s+(?:you|your|they|it|that|this|the|we|he|she)\b",
                      re.IGNORECASE)


def unpunctuated(text: str) -> bool:
    """No full stop, question mark or exclamation anywhere: speech-to-text without punctuation."""
    return not _SENTENCE_MARK.search(text)


def asks(text: str) -> bool:
    """A question or prompt (not a mic check), whoever it is about."""
    text = text.strip()
    if _MIC_CHECK.search(text) and len(_QUESTION_MARK.findall(text)) <= 1:
        return False
    if (_QUESTION_MARK.search(text) or _QUESTION_START.match(text) or _PROMPT.search(text)
            or _ZH_QUESTION.search(text)):
        return True
    clauses = [c.strip() for c in re.split(r"[,;:，；：、]", text) if c.strip()]
    if any(_CLAUSE_QUESTION.match(c) for c in clauses):
        return True
    return unpunctuated(text) and bool(clauses) and bool(
        _ZH_INTERROGATIVE.search(clauses[-1]) or _WH_VERB.search(text))


def asks_back(text: str) -> bool:
    """A question about the interviewer's product, price or company: what a customer asks."""
    questions = [q for q in re.split(r"(?<=[?？])", text) if _QUESTION_MARK.search(q)]
    if not questions and unpunctuated(text) and asks(text):
        questions = [text]
    return any(_ASKS_BACK.search(q.split(".")[-1]) for q in questions)


# a timekeeper's clause: "About two minutes left.", "Jon, we have five minutes left", "we're at time"
_TIMEKEEPING = re.compile(
    r"(?:^|[.,!;]\s+)(?:sorry,?\s+|okay,?\s+|so,?\s+)?"
    r"(?:(?:we(?:'ve| have)?\s+(?:got\s+)?|there(?:'s| is| are)\s+)?(?:only\s+|just\s+|about\s+)?"
    r"(?:a|one|two|three|four|five|ten|\d+)\s+(?:more\s+)?minutes?\s+(?:left|to go)"
    r"|(?:we'?re|we are)\s+(?:almost\s+|nearly\s+)?(?:at|over)\s+time)\b",
    re.IGNORECASE)


def research_aside(text: str) -> bool:
    return bool(_RESEARCH_ASIDE.search(text) or _TIMEKEEPING.search(text))


def thanks_for_time(text: str) -> bool:
    return bool(_THANKS_FOR_TIME.search(text))


def size(text: str) -> int:
    """Words, counting two Chinese characters as one."""
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in text)
    return len(text.split()) + cjk // 2


def you_and_self(text: str) -> tuple[int, int]:
    """How often a turn speaks of the other side ("you", "your team", 您, 你们, 咱们) and of itself
    ("I", "we", "our", 我, 我们): interviewers ask about the customer's world."""
    return len(_YOU.findall(text)), len(_SELF.findall(text))


_COLLEAGUE = re.compile(
    r"\b(with me|my colleague|from (our|my) (team|side|company)|our (\w+ )?(team|designer|engineer|"
    r"founder|cto|ceo|product manager|researcher|pm)|on (our|my) team|joining me|is on (the line )?too|"
    r"taking notes|listening in)\b|同事|我们(的|这边的|团队的)?(产品|设计|研发|技术|研究|调研|运营)|我们团队|"
    r"一起来的|旁听|做记录|负责(记录|录音)",
    re.IGNORECASE)


def introduces_colleague(text: str, name: str) -> bool:
    """`text` names `name` as one of the research side's own people, within one clause. A label
    with a full name ("Tariq Aziz") is found by the first name too, as people say it."""
    if not name or len(name) < 2:
        return False
    words = name.split()
    names = [name] + ([words[0]] if len(words) > 1 and len(words[0]) >= 3 else [])
    for clause in re.split(r"[.!?;。！？；]", text):
        for called in names:
            edge = r"\b" if called.isascii() else ""  # Chinese names sit inside words
            found = re.search(rf"{edge}{re.escape(called)}{edge}", clause, re.IGNORECASE)
            at = found.start() if found else -1
            if at >= 0 and _COLLEAGUE.search(clause[max(0, at - 30):at + len(called) + 40]):
                return True
    return False


_COURTESY = re.compile(
    r"^(yeah|yes|yep|oh|and)[\s,]+(?=thank)|"  # "yeah thanks ...", said without commas
    r"^(hi|hello|hey|good (morning|afternoon|evening)|nice to meet you|thanks|thank you|cheers|bye|"
    r"got it|noted|understood|makes sense|perfect|great|okay|ok|sure|right|"
    r"好的|您好|你好|大家好|谢谢|感谢|再见|拜拜|明白|了解|收到|知道了)\b[\s,.!，。！、]*|"
    r"^(谢谢|感谢|好的|明白|了解)[\s,.!，。！、]*",
    re.IGNORECASE)
_GREETED = re.compile(r"^[^\d\s]{1,6}(好|您好|你好)[。！!.]?$")  # 邓厂长好。


def courtesy(text: str) -> bool:
    """A greeting, a thanks or an "okay" with nothing of substance after it (a name, "thanks",
    "记下了"): what a silent observer says. "Right, we had six vans." says something."""
    text = text.strip()
    if _QUESTION_MARK.search(text):
        return False
    if _GREETED.match(text):
        return True
    rest = text
    while (match := _COURTESY.match(rest)) and match.end() > 0:
        rest = rest[match.end():]
    if rest == text:
        return False
    rest = rest.strip(" ,.!，。！、")
    return all(_says_nothing_more(piece) for piece in re.split(r"[,.!，。！、]+", rest) if piece.strip())


# what follows a thanks when nobody typed the commas: "... really appreciate it", "...辛苦了"
_APPRECIATION_AT_END = re.compile(
    r"\s*(\b(really |truly |very )?(much )?appreciated?( (it|that|this|you|your time))?( (a lot|so much|very much))?|"
    r"\b(so much|very much|again|everyone)|(辛苦(了|啦|您了|你了|大家了)?|麻烦(您|你|大家)?了|打扰(您|你)?了))$",
    re.IGNORECASE)


def _says_nothing_more(piece: str) -> bool:
    """After "thanks"/"hi": a name ("Theo", "樊老板"), another thanks, a note-taker's aside."""
    piece = piece.strip()
    while piece and (match := _APPRECIATION_AT_END.search(piece)) and match.group().strip():
        piece = piece[:match.start()].strip()
    if not piece:
        return True
    if _COURTESY.match(piece) or _GREETED.match(piece):
        return courtesy(piece)
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in piece)
    return (not re.search(r"\d", piece) and (len(piece.split()) <= 2 if not cjk else cjk <= 4)
            or thanks_for_time(piece) or research_aside(piece))


_HOSTS_SESSION = re.compile(
    r"\bwelcome(,)? (back|to|everyone|all)\b|\btoday's (session|interview|call|conversation)\b|"
    r"\bhand (it )?over to\b|\bover to you\b|\bthat's (a )?wrap\b|"
    r"欢迎(大家|各位)?(参加|来到)|今天的(访谈|分享|调研|会议|交流)|由.{1,10}(来)?主持|交给.{1,8}(来)?(问|主持)",
    re.IGNORECASE)


def hosts_session(text: str) -> bool:
    """The research side opening or closing the session (a host who asks nothing)."""
    return bool(_HOSTS_SESSION.search(text))
