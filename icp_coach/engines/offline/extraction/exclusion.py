"""Words that rule something out, in English and Chinese ("not", "skip", "walk away", "不做").

A must-have is not an exclusion although it often carries a "not": "必须能在手机上开单，不然业务员不用"
and "must run on-prem, otherwise IT won't sign" state a requirement; the "not" only says what
happens without it. Such lines are requirements (filters), never red flags.
"""

from __future__ import annotations

import re

from icp_coach.engines.offline.extraction.lexicons import cues

EXCLUSION = re.compile(
    r"(?<![A-Za-z])(?:not|no|never|avoid|skip|exclude[sd]?|excluding|except|out of scope|walk away"
    r"|shouldn'?t|wouldn'?t|waste (?:of )?time|no point|hard no|no-go|no go|steer clear"
    r"|stop (?:chasing|pursuing|targeting|selling to|calling on)|not worth|deprioriti[sz]e\w*"
    r"|don'?t|won'?t|isn'?t|aren'?t|pass on|stay away|disqualif\w*|poor fit|bad fit|not a fit"
    r"|deal.?breaker|say no|turn (?:them )?down|decline)(?![A-Za-z])"
    r"|不做|不接|不碰|不要|别|排除|除外|不适合|不是|不考虑|不建议|暂时不|先不|避开|不跟|放弃|直接撤|劝退"
    r"|放一放|不值得|拒绝|不算在内|不算",
    re.IGNORECASE)
# A requirement: "must", "has to", "need(s) to", "必须", "一定要", "得要"...
_REQUIREMENT = re.compile(r"(?<![A-Za-z])(?:must|has to|have to|needs? to|required?|requires"
                          r"|mandatory|non-negotiable|must-have)(?![A-Za-z])|必须|一定要|得要|务必|必需|要求",
                          re.IGNORECASE)
# ... and what happens without it: "otherwise", "or else", "without it", "不然", "否则", "没有这个".
_OTHERWISE = re.compile(r"(?<![A-Za-z])(?:otherwise|or else|else|without (?:it|this|that|which))(?![A-Za-z])"
                        r"|不然|否则|要不然|没有(?:这个|这一?条|它)|没这个|缺一个|缺了", re.IGNORECASE)


# A negation that widens rather than rules out: "not only X", "not just X", "don't exclude X",
# "不只是", "不限于", "不排除", "不是不做" (a double negation says yes). Masked before any
# ruling-out word is looked for.
INCLUSIVE = re.compile(
    r"(?<![A-Za-z])(?:not (?:only|just|limited to|restricted to|excluding|ruling out)"
    r"|(?:don'?t|do not|never) (?:exclude|rule out|skip|ignore)|no (?:need|reason) to (?:skip|exclude))"
    r"(?![A-Za-z])|不只是|不只|不仅仅|不仅|不光|不单|不限于|不局限于|不排除|不拒绝|并非不|不是不",
    re.IGNORECASE)
# Ruling-out words the shared cue list lacks: a state that ended ("no longer", "not anymore",
# "不再", "不做了") and a contrast's negative half ("... but CPA firms aren't").
_MORE_EXCLUSION = re.compile(
    r"(?<![A-Za-z])(?:no longer|not any ?more|aren'?t|isn'?t|other than|apart from|but not"
    r"|must not|mustn'?t|can'?t be|cannot be|should not be)(?![A-Za-z])"
    r"|不再|不做了|暂不考虑|不能用|不能是|不能在", re.IGNORECASE)

# Words that rule a segment out ("skip", "too small", "不做"); not every negation does: "teams of
# up to 200 that don't have a CRM" still describes the profile.
SEGMENT_RULED_OUT = re.compile(
    r"(?<![A-Za-z])(?:skip|avoid|exclude[sd]?|excluding|walk\s+away|pass\s+on|stay\s+away"
    r"|disqualif\w*|not\s+a\s+(?:good\s+)?fit|poor\s+fit|bad\s+fit|waste\s+of\s+time|not\s+worth"
    r"|don'?t\s+(?:bother|sell|target|want|go\s+after|chase|pursue|take|do|touch)"
    r"|won'?t\s+(?:buy|pay|sign)|can'?t\s+afford|never\s+(?:buy|close|renew|convert|sign)"
    r"|not\s+(?:interested|for\s+us|our\s+(?:customer|market|icp))|too\s+(?:small|big|large|tiny)"
    r"|out\s+of\s+scope)(?![A-Za-z])"
    r"|不做|不接|不碰|不要|别碰|别做|别找|排除|除外|不考虑|先不|暂不|放一放|不适合|太小|太大|做不了|买不起"
    r"|算不过账|不合适|不值得", re.IGNORECASE)


def without_inclusive(text: str) -> str:
    """The text with its widening negations ("not only", "不排除") blanked, same length."""
    return INCLUSIVE.sub(lambda m: " " * len(m.group()), text)


def rules_out_words(text: str) -> bool:
    """Any ruling-out word, a widening negation ("not only X") not counted."""
    text = without_inclusive(text)
    return bool(EXCLUSION.search(text) or cues("negation", "").search(text)
                or _MORE_EXCLUSION.search(text))


def _any_exclusion(text: str) -> bool:
    return rules_out_words(text) or bool(cues("lines", "red_flag").search(without_inclusive(text)))


# A line that calls itself a must-have ("Must-have;", "non-negotiable", "硬性要求"): a weak "not"
# or "later" in it ("sync later", "we don't get past the first call") rules nothing out.
_DECLARED_MUST = re.compile(r"(?<![A-Za-z])(?:must[- ]haves?|non-negotiable|deal[- ]maker)(?![A-Za-z])"
                            r"|硬性要求|必须要有|必备", re.IGNORECASE)


def states_requirement(text: str) -> bool:
    """A must-have whose only "not" is what happens without it ("must X, otherwise they won't")."""
    requirement = _REQUIREMENT.search(text)
    if requirement is None:
        return False
    if _DECLARED_MUST.search(text) and not SEGMENT_RULED_OUT.search(text):
        return True
    otherwise = _OTHERWISE.search(text, requirement.end())
    before = text[:otherwise.start()] if otherwise else text
    return not _any_exclusion(before)


def says_exclusion(text: str) -> bool:
    """Words that rule something out ("not", "skip", "walk away", "不做", "先不"...), and no
    must-have that only says what happens without it."""
    return _any_exclusion(text) and not states_requirement(text)


# A reply turning a suggestion down ("Won't do — every prospect says that", "驳回，太泛了", "不用。"):
# a verdict on the note's own draft, not a customer to walk away from.
_REPLY_VERDICT = re.compile(
    r"^\W*(?:won'?t\s+do|won'?t\s+fix|rejected|declined|no\s+need|not\s+needed|dropping\s+it"
    r"|驳回|不采纳|不用|不需要|不必|拒绝)(?:\s*[—–\-,:;.!。，：；！]|\s*$)", re.IGNORECASE)
# A line about a title, not a customer: "那是招聘岗位，不是决策人", "that is a job posting, not a buyer".
_ABOUT_A_TITLE = re.compile(
    r"(?<![A-Za-z])(?:job\s+(?:posting|post|ad|advert|opening)|not\s+a\s+(?:buyer|decision[- ]maker)"
    r"|not\s+(?:someone|who)\s+to\s+(?:call|court|contact)|not\s+the\s+champion)(?![A-Za-z])"
    r"|招聘岗位|不是决策人|不是决策者|不是推动者|不要当成决策人|不是我们要找的人",
    re.IGNORECASE)
# A heading or a question left as a line ("【列：不做】", "不做哪些？", "Red flags?").
_QUESTION_WORDS = re.compile(r"哪些|什么|啥|吗|呢|[?？]")
_LINE_LABEL = re.compile(r"^\s*(?:[【\[][^】\]]{0,12}[】\]]|[^:：\s]{1,12}[:：])\s*")


def _bare_heading(text: str) -> bool:
    heading_cue = cues("headings", "red_flag")
    core = text.strip()
    for _ in range(2):
        core = _LINE_LABEL.sub("", core).strip()
    core = _QUESTION_WORDS.sub("", core.strip("【】[]:：")).strip(" 　.。:：-")
    if not core:
        return True
    match = heading_cue.match(core)
    return match is not None and match.end() == len(core)


def names_no_customer(text: str) -> bool:
    """A red-flag line that rules no customer out: a reply turning a suggestion down, a word
    about a title (a job posting, "not a decision maker"), or a heading or question left as a
    line ("【列：不做】", "不做哪些")."""
    return bool(_REPLY_VERDICT.match(_LINE_LABEL.sub("", text, count=1)) or _ABOUT_A_TITLE.search(text)) \
        or _bare_heading(text)


# A clause that says a trade is the customer: "PI agencies are our customers", "奶茶店是我们的客户".
# A "but not X that ..." after it narrows the trade; it does not take the trade back.
_AFFIRMS_CUSTOMER = re.compile(
    r"(?<![A-Za-z])(?:(?:are|is)\s+(?:all\s+|still\s+|definitely\s+)?(?:our|the)\s+(?:core\s+|main\s+|target\s+)?"
    r"(?:customers?|clients?|market|buyers?|icp|target|sweet\s+spot)"
    r"|we\s+(?:do\s+)?sell\s+to|we\s+(?:do\s+)?target)(?![A-Za-z])"
    r"|(?:就)?是我们的(?:核心|主力|目标)?(?:客户|客群|市场|目标)|我们(?:只)?(?:做|卖给|服务)",
    re.IGNORECASE)


def affirms_customer(clause: str) -> bool:
    """The clause names its trade as the customer ("X are our customers")."""
    return bool(_AFFIRMS_CUSTOMER.search(clause)) and not rules_out_words(
        _AFFIRMS_CUSTOMER.sub(" ", clause))


# A look-alike and the verdict on it in a later clause: "Marinas look a lot like boatyards, but
# they are not our customers", "草莓采摘园长得很像，但不是我们的客户". What looks like the target is
# named only to be ruled out.
_LOOKS_LIKE = re.compile(
    r"(?<![A-Za-z])(?:look(?:s|ed)?\s+(?:a\s+lot\s+|just\s+|very\s+|so\s+|pretty\s+)?(?:like|similar|alike)"
    r"|seem(?:s|ed)?\s+(?:\w+\s+)?(?:close|similar|alike)|sound(?:s)?\s+(?:\w+\s+)?like|similar\s+to"
    r"|resembl\w*|look-?alikes?|easy\s+to\s+(?:confuse|mistake)|(?:confused|mistaken)\s+(?:with|for))(?![A-Za-z])"
    r"|长得(?:很|挺|非常|特别|有点)?像|看(?:着|起来|上去)(?:也|都)?(?:很|挺|有点)?(?:像|差不多|类似)"
    r"|很像|相似|容易(?:混|搞混|弄混|当成|看成)",
    re.IGNORECASE)
# "It looks like ...", "这看起来像...": a hedge about something, not a look-alike named.
_HEDGE_SUBJECT = re.compile(r"^\W*(?:it|this|that|there|we|i|you|这|那|我们|我)(?![A-Za-z])", re.IGNORECASE)


def rules_out_a_look_alike(text: str) -> bool:
    """A line naming something that resembles the target, then ruling it out in a later clause."""
    found = _LOOKS_LIKE.search(text)
    if found is None or _HEDGE_SUBJECT.match(text) or not text[:found.start()].strip(" ，,"):
        return False
    return any(says_exclusion(clause) or _SAYS_DIFFERENT.search(clause)
               for clause in _clauses_after(text, found.end()))


# "..., but the workflow is nothing alike", "其实完全是两门生意": the look-alike is another business.
_SAYS_DIFFERENT = re.compile(
    r"(?<![A-Za-z])(?:nothing\s+alike|(?:completely|totally|entirely|very|a)\s+different|different\s+(?:business|trade"
    r"|animal|market|world|beast)|not\s+the\s+same|another\s+(?:business|trade|world))(?![A-Za-z])"
    r"|(?:完全|根本)?是?两(?:门|种|类|回)(?:生意|事|行业)|不是一(?:类|回事|个行业|门生意)|完全不同|另一(?:个行业|回事|门生意)",
    re.IGNORECASE)


def _clauses_after(text: str, start: int) -> list[str]:
    from icp_coach.engines.offline.extraction.lines import split_clauses  # lines uses this module

    return [clause for offset, clause in split_clauses(text) if offset >= start]
