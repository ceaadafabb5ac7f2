"""Lines about the vendor's own tools, and asides that only say what a thing is not.

A note is written by the vendor: "we log all of this in HubSpot", "our own stack: Intercom",
"我们内部用纷享销客管线索" name the vendor's CRM and outreach tools, not the customer's stack. And
"the post drivers are their equipment, not software", "硬件，不算" sort a thing into a category;
the "not" in them rules no customer out, so they are no red flag.
"""

from __future__ import annotations

import re

# Anywhere in a sentence, these make every tool it names ours.
_OURS_SENTENCE = re.compile(
    r"(?<![A-Za-z])(?:internally|in-house\s+we|our\s+own\s+(?:stack|tools?|tooling|crm|systems?)"
    r"|(?:on\s+)?our\s+(?:side|end)\b|irrelevant\s+here|not\s+(?:the|their)\s+(?:customer'?s?\s+)?"
    r"(?:stack|problem)|for\s+our\s+(?:own\s+)?(?:team|reps|pipeline|records))(?![A-Za-z])"
    r"|(?:我们|我司|咱们|我这边|我们这边|公司)(?:内部|自己)|跟客户无关|和客户无关|与客户无关",
    re.IGNORECASE)
# In one clause: the vendor as the subject of using, logging or sequencing.
_OURS_CLAUSE = re.compile(
    r"(?<![A-Za-z])(?:(?:we|i)(?:'re|'ll| are| will| also| still| all)?\s+(?:\w+\s+)?"
    r"(?:log|logged|logging|track|tracked|run|running|use|used|using|keep|kept|put|record|enter"
    r"|manage|sequence|send|store|live\s+in|work\s+in|book)\b"
    r"|our\s+(?:own\s+)?(?:crm|pipeline|sequences?|outreach|reps?|sales|marketing|support|demo"
    r"|instance|workspace|account|team|dashboards?)\b"
    r"|(?:log|enter|put|record)\s+(?:this|it|them|all\s+of\s+this|everything)\s+(?:in|into)\s+our\b"
    r"|in\s+our\s+[A-Z])"
    r"|(?:我们|我司|咱们|我这边|我们这边)[^，。；,;：:]{0,6}?(?:用|在用|使用|录在|记在|放在|录到|记到|跟进)"
    r"|我们的?\s*(?:CRM|crm|系统|线索|打分)",
    re.IGNORECASE)
# We integrate with, replace or sync to their tool: the tool is theirs.
_THEIRS = re.compile(r"(?<![A-Za-z])(?:integrat\w*|replac\w*|sync\w*|connect\w*|plug\w*\s+into"
                     r"|migrat\w*|import\w*|export\w*|pull\w*\s+from)(?![A-Za-z])"
                     r"|对接|替换|同步|导入|导出|打通", re.IGNORECASE)


_SENTENCE_END = re.compile(r"[.!?。！？；;|\n]\s*")


def our_tools_sentence(text: str, clause: str | None = None) -> bool:
    """A sentence whose tools are all the vendor's ("Internally we log ... in HubSpot"); with
    `clause`, the sentence (or table cell) of `text` that holds it."""
    if clause is not None and clause.strip() in text:
        at = text.index(clause.strip())
        starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
        start = starts[-1] if starts else 0
        end_match = _SENTENCE_END.search(text, at + len(clause.strip()))
        text = text[start:end_match.start() if end_match else len(text)]
    return bool(_OURS_SENTENCE.search(text))


# The tool a note was written or exported in: "钉钉会议纪要", "Slack export", "(飞书文档)".
_MEDIUM_AFTER = re.compile(r"\s*(?:会议纪要|纪要|文档|群聊|群|聊天记录|导出|记录|笔记|export|thread|channel"
                           r"|doc|notes|transcript|minutes|huddle|dm)(?![A-Za-z])", re.IGNORECASE)


def names_the_medium(text: str, end: int) -> bool:
    """The tool name ending at `end` names the note's medium, not a tool of theirs."""
    return bool(_MEDIUM_AFTER.match(text, end))


def our_tools_clause(clause: str) -> bool:
    """A clause naming the vendor's own tool ("we run our pipeline in Pipedrive"); not one
    where we integrate with theirs ("we sync with their QuickBooks")."""
    return bool(_OURS_CLAUSE.search(clause)) and not _THEIRS.search(clause)


# "that's equipment, not software", "is not what we integrate with", "是设备，不算系统", "硬件，不算".
_CATEGORY_ASIDE = re.compile(
    r"(?<![A-Za-z])(?:(?:that'?s|those\s+are|these\s+are|it'?s|is|are)\s+(?:just\s+|all\s+|only\s+)?"
    r"(?:their\s+|the\s+)?(?:equipment|hardware|gear|machinery|machines|physical\s+kit|kit)"
    r"|not\s+(?:software|a\s+system|systems|an?\s+(?:app|tool|platform)"
    r"|what\s+we\s+(?:integrate|connect|sync|work)\s+with|part\s+of\s+(?:the|their)\s+stack"
    r"|(?:in|on)\s+(?:the|their)\s+stack|a\s+tool\s+we\s+track)"
    r"|(?:we\s+)?(?:don'?t|do\s+not|won'?t)\s+(?:track|integrate\s+with|count|list)"
    r"\s+(?:it|them|that|those|these))(?![A-Za-z])"
    r"|(?:是|属于|算)(?:他们的|客户的)?(?:工具)?(?:设备|硬件|机器|机械|器材)|不(?:算|是)(?:系统|软件|工具)"
    r"|别记到系统|不用记|不记|硬件[，,、\s]*不算|设备[，,、\s]*不算",
    re.IGNORECASE)


def only_sorts_a_thing(text: str) -> bool:
    """The line only says what kind of thing something is: equipment, not software."""
    return bool(_CATEGORY_ASIDE.search(text))


# The vendor's own office, said not to be a market: "Our HQ is in Indianapolis, which is why
# Indiana keeps showing up; it is not a target", "我们自己的办公室在上海，上海不是目标区域".
_OUR_OFFICE = re.compile(
    r"(?<![A-Za-z])(?:(?:our|my)\s+(?:own\s+)?(?:hq|headquarters|head\s+office|home\s+office|offices?"
    r"|base)|(?:we're|we\s+are|i'm|i\s+am)\s+(?:based|located|headquartered)|headquartered)(?![A-Za-z])"
    r"|(?:我们|我司|咱们|本公司|公司)(?:自己)?的?(?:总部|办公室|公司)|总部在|总部设在",
    re.IGNORECASE)
_NOT_A_MARKET = re.compile(
    r"(?<![A-Za-z])(?:not\s+(?:a|our|the)\s+(?:target|market|region|territory)|not\s+a\s+target\s+market"
    r"|isn'?t\s+(?:a|our)\s+(?:target|market)|no\s+target|not\s+targets?|stays?\s+out"
    r"|just\s+where\s+(?:our|we))(?![A-Za-z])"
    r"|不是(?:我们的)?目标|不算目标|不是(?:我们的)?市场|不做|别混|不跑|别去跑|别因为",
    re.IGNORECASE)


def office_not_a_market(text: str) -> bool:
    """A sentence naming the vendor's own office and saying its place is no market: every
    place in it is off the profile."""
    return bool(_OUR_OFFICE.search(text)) and bool(_NOT_A_MARKET.search(text))
