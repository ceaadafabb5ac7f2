"""One-sided size statements that set or move a single bound, read as a person reads a note.

A property export names the bound in its field ("icp_employees_min: 35", "revenue_max_usd:
150000000", "员工人数下限 | 80", "年营收上限（万元） | 50000"); a correction moves one side of
the range said before ("the floor is 60 from now on", "cap moved back up to 180", "下限改成五百人",
"按 4 亿封顶", "it is $5M, not $3M"). The figure a correction replaces ("not $3M", "原来填的是
1000", "widened from 35-300") is the old value and says nothing.
"""

from __future__ import annotations

import re

from icp_coach.engines.offline.extraction.lines import Unit

# Which side a word names: the floor or the cap of the range.
_MIN_WORDS = (r"(?<![A-Za-z])(?:floor|minimum|min|(?:lower|low|bottom)\s+(?:bound|end|limit)"
              r"|start(?:s|ing)?\s+at|begin(?:s|ning)?\s+at|entry\s+point)(?![A-Za-z])"
              r"|下限|最低|最少|起步|门槛|起点")
_MAX_WORDS = (r"(?<![A-Za-z])(?:cap|capped|ceiling|maximum|max|(?:upper|top|high)\s+(?:bound|end|limit)"
              r"|top(?=\s+(?:stays|remains|is|was|moves|goes)\b)"
              r"|tops?\s+out)(?![A-Za-z])|上限|封顶|最高|最多|顶格")
_SIDE = re.compile(rf"(?P<min>{_MIN_WORDS})|(?P<max>{_MAX_WORDS})", re.IGNORECASE)
# A field name's own side token: "icp_employees_min", "revenue-max-usd", "EmployeesMax".
_FIELD_SIDE = re.compile(r"(?:^|[_\-\s.(（])(?P<min>min|minimum|floor|lower|low|from)(?:$|[_\-\s.)）])"
                         r"|(?:^|[_\-\s.(（])(?P<max>max|maximum|cap|upper|high|to)(?:$|[_\-\s.)）])"
                         r"|(?P<zmin>下限|最低|最少|起)|(?P<zmax>上限|最高|最多|止)", re.IGNORECASE)
_FIELD_EMPLOYEES = re.compile(r"employ|headcount|staff|fte|people|员工|人数|人员", re.IGNORECASE)
_FIELD_REVENUE = re.compile(r"revenue|rev(?![a-z])|sales|turnover|arr|营收|营业额|收入|产值|销售额",
                            re.IGNORECASE)
# A field name and its value on one line: "name: value", "name | value", "name = value".
_FIELD_LINE = re.compile(r"^\s*\|?\s*(?P<name>[^:：|=\d]{2,40}?)\s*(?:[:：=]|\|)\s*(?P<value>[^|]*?)"
                         r"\s*\|?\s*$")
_BARE_VALUE = re.compile(r"^\s*(?:US\$|\$|¥|￥|€|£)?\s*[\d,.]+\s*(?:[kKmMbB]|万|亿|千|百万|千万)?\s*"
                         r"(?:人|名|元|万元|美元|USD|CNY|RMB)?\s*$")

# A word that makes the sentence a correction or a change of the figures said before it.
CHANGE = re.compile(
    r"(?<![A-Za-z])(?:correct(?:ed|ion|s)?|updat(?:e|ed|es|ing)|revis(?:e|ed|ion)|narrow(?:ed|s)?"
    r"|tighten(?:ed)?|widen(?:ed)?|raised\s+to|lowered\s+to|moved(?:\s+back)?(?:\s+(?:up|down))?"
    r"|changed?\s+to|set\s+(?:to|at)|bumped|from\s+now\s+on|going\s+forward|is\s+now|should\s+(?:read|be"
    r"|start|begin|end|stop)|scratch\s+(?:that|the)|make\s+(?:it|that|the)|instead|rather\s+than"
    # a verb of change and where it goes: "changed the minimum to 20", "bump the lower end to 15"
    r"|(?:chang|rais|lower|bump|mov|increas|decreas|reduc|lift|shift|adjust|push|pull|drop|cut"
    r"|tighten|narrow|widen|add)(?:e|es|ed|ing|s)?\b[^.;:!?]{0,40}?\b(?:to|at|of)"
    r"|add(?:ed|ing|s)?\s+(?:an?\s+)?(?:upper|lower|top|bottom|hard)?\s*(?:cap|ceiling|floor|limit|bound)"
    r"|actually|let'?s\s+(?:say|go\s+with|use|make\s+it)|i'?d\s+(?:go|say|use)"
    # "let's cap it at 60", "floor it at 20", "cap headcount at 150"
    r"|let'?s\s+(?:cap|floor|limit|keep|set)|(?:cap|floor|limit)\s+(?:it|that|this|them|headcount"
    r"|employees|revenue|the\s+\w+)\s+(?:at|to)"
    r"|now\s+it'?s|now\s+(?:it\s+)?is|it'?s\s+now|stays?\s+at|remains?\s+at|unchanged\s+at"
    r"|(?:the\s+)?new\s+(?:floor|minimum|min|cap|ceiling|max(?:imum)?|lower\s+(?:bound|end|limit)"
    r"|upper\s+(?:bound|end|limit)|top\s+end)"
    r")(?![A-Za-z])|,\s*not\s+(?=[$¥￥€£]?\s*\d)"
    r"|更正|修正|订正|收窄|缩小|放宽|改成|改为|改到|改至|提到|提高到|提高至|提至|降到|降低到|降至|降为|调整"
    r"|调到|调为|调至|[上下]调|上移|下移|扩大到|扩到|缩到|应为|应该是|加(?:个|一个|上|了)?(?:上限|下限|封顶)"
    r"|按[^，。；]{0,8}(?:写|算|封顶|计)|定为|定在|设为|设在|以后|今后", re.IGNORECASE)
# Labels and headings over comments, reviews and revisions: what they say amends the note.
_REVISION_CONTEXT = re.compile(
    r"(?<![A-Za-z])(?:comments?|review(?:ed|er)?|revisions?|change\s*log|changelog|changes"
    r"|updates?|feedback|amend\w*|approv\w*|notes?\s+(?:from|after)|sign-?off|edit(?:s|ed)?"
    r"|later|addendum|follow-?up|p\.?\s?s\.?|correction)(?![A-Za-z])"
    r"|批注|评论|审批|意见|修订|更新|变更|反馈|修改|补充|追加|后来|会后", re.IGNORECASE)
# A date opening an entry ("Oct 3:", "2026-10-01:", "11/04 —", "v2 (Apr 9):", "（12/2）"): a
# dated entry of a log or a thread, which amends what the note said before it.
_DATED_ENTRY = re.compile(
    r"^\W{0,3}(?:v\d+(?:\.\d+)*\s*)?[（(]?\s*(?:(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.]\d{1,2}"
    r"|\d{1,2}[/.]\d{1,2}|\d{1,2}-\d{1,2}(?=\s*[:：|—–)）])|\d{1,2}月\d{1,2}[日号]"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?![\d,])", re.IGNORECASE)
# The words a line opens with before its colon, which a speaker or label reading may drop.
_OPENING = re.compile(r"^\W{0,3}([^:：\n]{1,40}?)\s*[:：]")
# Right before a figure: the old value a correction replaces.
_OLD_VALUE_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:not|from|instead\s+of|rather\s+than|was|used\s+to\s+be|originally"
    r"|previously|initially|at\s+first|early\s+on)|原来(?:填的|写的|定的)?(?:是|按)?|原先(?:是|按)?"
    r"|之前(?:是|写的是|按)?|以前(?:是|按)?|最早(?:是|按)?|一开始(?:是|按)?|起初(?:是|按)?|而不是|不是|(?:^|(?<=[\s:：(（]))~~"
    r"|第一版[^，。；]{0,12}?是?|初稿[^，。；]{0,8}?是?)\s*(?:the\s+|about\s+|约)?[$¥￥€£]?\s*$",
    re.IGNORECASE)
# A range said as the one a change replaced: "widened from 35-300", "原来是 100-500 人".
_OLD_RANGE_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:(?:widened|narrowed|changed|moved|raised|lowered|revised|updated|cut"
    r"|expanded|shrunk|went|tightened)\s+from|used\s+to\s+be|originally|previously|formerly"
    r"|was|were|not|instead\s+of|rather\s+than|old)"
    r"|原来(?:填的|写的|定的)?(?:是)?|原先(?:是)?|以前(?:是)?|之前(?:是|写的是)?|而不是|不是|旧的?"
    r"|第一版[^，。；]{0,12}?是?|(?:^|(?<=[\s:：(（]))~~)"
    r"\s*(?:the\s+|about\s+|约)?[$¥￥€£]?\s*$", re.IGNORECASE)
# Words opening an entry that replaces what was said before ("Update:", "Final:", "修改为：",
# "最终版："): a range said there is the one that stands. Comments and reviews only discuss.
_AMENDING = re.compile(
    r"(?<![A-Za-z])(?:updat(?:e|ed|es)|edit(?:ed|s)?|revis(?:ed|ion)|correct(?:ed|ion)|final"
    r"|changed?|new|now|amended|v\d+(?:\.\d+)*)(?![A-Za-z])"
    r"|更新|修改|更正|修正|变更|最终|定稿|改为|改成|调整为|新版|现在", re.IGNORECASE)


# A row that names a bound and leaves its value to the row below ("Employees (max): see next row").
_VALUE_BELOW = re.compile(r"^\W*(?:(?:see|in|on)\s+(?:the\s+)?(?:next|following)\s+(?:row|line|cell)"
                          r"|below|见下(?:行|一行|格)?|下一行)\W*$", re.IGNORECASE)
# The row below holding it: a bare figure opening the row ("150: full-time; ...", "150").
_VALUE_OPENS_ROW = re.compile(r"^\s*(?P<value>(?:US\$|\$|¥|￥|€|£)?\s*[\d,.]+\s*(?:[kKmMbB]|万|亿)?)"
                              r"\s*(?:[:：;；|]|$)")


def _field_line(unit: Unit) -> re.Match[str] | None:
    text = unit.text if not unit.label or unit.label in unit.text else f"{unit.label}: {unit.body}"
    # a pasted sheet's row keeps its comment cell: "Employees (min): 15; below that it's ..."
    text = re.sub(r"(?<=\S);\s+[^\d;]*$", "", text)
    return _FIELD_LINE.match(text)


def bound_awaiting_value(unit: Unit) -> Unit | None:
    """The unit itself when it names one bound and points to the row below for its value."""
    match = _field_line(unit)
    if match is None or not _VALUE_BELOW.match(match.group("value")):
        return None
    return unit if _named_side(match.group("name")) is not None else None


def value_opening(unit: Unit) -> str | None:
    """The bare figure a row opens with ("150: full-time; ..."), for the bound named above it."""
    match = _VALUE_OPENS_ROW.match(unit.text)
    return None if match is None else match.group("value")


def field_bound(unit: Unit, value_below: str | None = None) -> tuple[str, str, str, str] | None:
    """(field, side, field name, value text) when the unit is a property naming one bound:
    "icp_employees_min: 35", "员工人数下限 | 80", "年营收上限（万元）：50000"; with
    `value_below`, the value the row under a "see next row" field holds."""
    match = _field_line(unit)
    if match is None:
        return None
    value = value_below if value_below is not None else match.group("value")
    if not _BARE_VALUE.match(value):
        return None
    name = match.group("name")
    if unit.heading and re.fullmatch(r"\s*[A-Za-z]+\s*|[\u4e00-\u9fff]{2}", name) \
            and _FIELD_SIDE.search(name) and not _field_named(name):
        name = f"{unit.heading.strip()} {name.strip()}"  # "revenue_usd:" over "min: 3M"
    named = _named_side(name)
    return None if named is None else (named[0], named[1], name, value)


def _field_named(name: str) -> str | None:
    return "revenue" if _FIELD_REVENUE.search(name) else (
        "employees" if _FIELD_EMPLOYEES.search(name) else None)


def _named_side(name: str) -> tuple[str, str] | None:
    """(field, side) a field's name says: "Employees (min)", "revenue_max_usd", "人数上限"."""
    side = _FIELD_SIDE.search(re.sub(r"([a-z])([A-Z])", r"\1_\2", name))
    if side is None:
        return None
    field = _field_named(name)
    if field is None:
        return None
    which = "min" if side.group("min") or side.group("zmin") else "max"
    return field, which


def _openings(unit: Unit) -> tuple[str, ...]:
    """The words a unit opens with: its label or lead, and what a speaker reading dropped."""
    opening = unit.raw[:max(0, unit.raw.find(unit.text))] if unit.text in unit.raw else ""
    said = _OPENING.match(unit.text)
    return (unit.label, unit.lead, opening, said.group(1) if said else "")


def opens_as_amendment(unit: Unit) -> bool:
    """ "Update: 20-60 employees", "Final: ...", "修改为：员工 20-80 人", "v3 (May 20): ...":
    what the entry says replaces the note's earlier figure."""
    return any(_AMENDING.search(w) for w in _openings(unit) if w) or any(
        _DATED_ENTRY.match(w) for w in (_openings(unit)[2] + unit.text,) if w)


def in_revision_context(unit: Unit) -> bool:
    """Whether the unit sits under a comment, review, approval or revision label or heading, or
    opens as a dated entry or a comment ("Comment (Lee, Jun 3): ...", "Update: ...", "10/5 变更：")."""
    label, lead, opening, said = _openings(unit)
    if any(_REVISION_CONTEXT.search(w) or _AMENDING.search(w)
           for w in (label, lead, unit.heading, opening, said) if w):
        return True
    return any(_DATED_ENTRY.match(w) for w in (opening + unit.text, label, lead) if w)


def side_of(clause: str, start: int, end: int, figures: list[tuple[int, int]]) -> str | None:
    """ "min" or "max" when a side word in the clause speaks of the figure at start:end: the
    nearest one with no other figure between them ("the staff floor is 60", "按 4 亿封顶")."""
    best: tuple[int, str] | None = None
    for match in _SIDE.finditer(clause):
        if match.end() <= start:
            gap = (match.end(), start)
        elif match.start() >= end:
            gap = (end, match.start())
        else:
            continue
        if any(gap[0] <= f_start and f_end <= gap[1] for f_start, f_end in figures
               if (f_start, f_end) != (start, end)):
            continue
        distance = gap[1] - gap[0]
        if best is None or distance < best[0]:
            best = (distance, "min" if match.group("min") else "max")
    return best[1] if best else None


def side_word_next_to(text: str, start: int, end: int, side: str, reach: int = 14) -> bool:
    """Whether a word naming `side` stands right by the figure at start:end ("Minimum 15
    staff", "12 employees minimum", "下限定 25 人"), a few characters away at most."""
    for match in _SIDE.finditer(text):
        if side != ("min" if match.group("min") else "max"):
            continue
        if 0 <= start - match.end() <= reach:
            return True
        between = text[end:match.start()]
        if match.start() >= end and re.fullmatch(r"\s*(?:[^\W\d]+\s*){0,2}", between) \
                and len(between) <= reach:
            return True  # "12 employees minimum": only the field's own words in between
    return False


def sides_named(sentence: str) -> set[str]:
    return {"min" if m.group("min") else "max" for m in _SIDE.finditer(sentence)}


# A number that points at a part of the document or a record: "in section 2", "item 3",
# "row D4", "第 3 条", "第一部分": no figure of the customer.
_REFERENCE_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:sections?|sec\.|§|items?|points?|rows?|lines?|steps?|pages?|p\.|pp\.|no\.|nos\."
    r"|numbers?|clauses?|paragraphs?|para\.?|tables?|figures?|fig\.|slides?|tickets?|issues?|kr"
    r"|okr|chapters?|appendix|annex|part|questions?|q|round|phase|wave|tier)\s*#?\s*$|#\s*$|第\s*$"
    r"|(?<![A-Za-z])[vV]$",
    re.IGNORECASE)
_REFERENCE_AFTER = re.compile(r"^\s*(?:条|部分|节|章|页|项|行|点|款|轮|期)")


def is_reference(before: str, after: str) -> bool:
    """ "in section 2", "item 3", "第 3 条": a number naming a part of the document."""
    return bool(_REFERENCE_BEFORE.search(before[-16:]) or _REFERENCE_AFTER.match(after))


def is_old_value(before: str, after: str = "") -> bool:
    """Whether the words right before a single figure mark it as the value being replaced, or
    an arrow after it points to the new one ("floor 10 -> 25", "上限 80 → 60")."""
    return bool(_OLD_VALUE_BEFORE.search(before[-24:]) or _ARROW_AFTER.match(after))


_ARROW_AFTER = re.compile(r"\s*(?:人|名|people|employees|staff)?\s*(?:->|→|=>|⟶|➔|—>|-->)")
_ARROW_BEFORE = r"(?:->|→|=>|⟶|➔|—>|-->)"


def is_old_range(before: str, after: str = "") -> bool:
    """ "widened from 35-300", "原来是 100-500 人", "20-200 → 30-200": the range a change replaced."""
    return bool(_OLD_RANGE_BEFORE.search(before[-24:]) or _ARROW_AFTER.match(after))


def changes_right_before(before: str) -> bool:
    """ "改成 150 人", "raised to $3M", "is now 60": a change verb right before the figure."""
    return bool(re.search(r"(?:" + CHANGE.pattern + "|" + _ARROW_BEFORE
                          + r")\s*(?:about|around|~|约|大概)?\s*[$¥￥€£]?\s*$", before[-20:],
                          re.IGNORECASE))


# Between a new figure and the old one it replaces: "25, not 20", "$1.5M instead of $1M".
_NEW_THEN_OLD = re.compile(
    r"^\s*(?:人|名|people|employees|staff)?\s*[,，]?\s*(?:and\s+)?(?:not|instead\s+of|rather\s+than"
    r"|而不是|不是)\s*(?:the\s+)?[$¥￥€£]?\s*$", re.IGNORECASE)
# Between an old figure and its replacement: "30 人改为 20 人", "20 -> 25", "from 30 to 40".
_OLD_THEN_NEW = re.compile(
    r"^\s*(?:人|名|万元?|亿元?|元|people|employees|staff)?\s*[,，]?\s*(?:->|→|=>|⟶|➔|—>|-->"
    r"|改为|改成|改到|改至|调到|调为|调至|调整为|调整到|提高到|提高至|提到|提至|降到|降至|降为|降低到|变为|变成"
    r"|换成|上调到|上调至|下调到|下调至|(?:is\s+)?now|(?:should\s+(?:read|be)|becomes|became"
    r"|changed?\s+to|raised\s+to|lowered\s+to|moved\s+to|bumped\s+to|updated\s+to|revised\s+to|to))"
    r"\s*(?:about|around|约)?\s*[$¥￥€£]?\s*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?:(?<![A-Za-z])from|由|从)\s*[$¥￥€£]?\s*$", re.IGNORECASE)


def replacement_pairs(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(old, new) indices into `spans` (figures in text order) where the sentence replaces one
    figure with another: "make this 25, not 20", "由 30 人改为 20 人", "floor 10 -> 25"."""
    pairs = []
    for index in range(len(spans) - 1):
        between = sentence[spans[index][1]:spans[index + 1][0]]
        if _NEW_THEN_OLD.match(between):
            pairs.append((index + 1, index))
        elif _OLD_THEN_NEW.match(between):
            to_only = re.search(r"(?<![A-Za-z])to\s*[$¥￥€£]?\s*$", between, re.IGNORECASE) \
                and not re.search(r"(?:->|→|=>|改|调|提|降|变|换|now|should|became|becomes"
                                  r"|changed|raised|lowered|moved|bumped|updated|revised)",
                                  between, re.IGNORECASE)
            if to_only and not (_FROM_BEFORE.search(sentence[:spans[index][0]])
                                and CHANGE.search(sentence[:spans[index][0]])):
                continue  # "20 to 150": a range, unless a change goes "from" one to the other
            pairs.append((index, index + 1))
    return pairs
