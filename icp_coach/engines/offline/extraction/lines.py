"""Notes -> units (a line, or a sentence of a prose paragraph) and what each unit is about.

A unit's kind comes, strongest first, from: the section it sits in (a Markdown heading, a bold
line or a short "label:" line), an inline label ("Champion = ...", "现有系统：..."), then cue words
in the line itself. Lines nothing can place keep kind None; the extractor then reads every unit
the rules did not settle with the learned clause heads (`reading.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from icp_coach.engines.offline.extraction.lexicons import cue_kinds, cues
from icp_coach.engines.offline.extraction.segments import SEGMENT_LABEL

KINDS = ("profile", "tech", "pain", "signal", "decision", "red_flag", "misc", "pmf", "psycho")
# When two kinds score the same, the earlier one wins: ruling a line out matters more than
# ruling it in, and a named role is more specific than a profile word.
_PRIORITY = ("red_flag", "misc", "decision", "signal", "pain", "tech", "pmf", "psycho",
             "profile")
# Sections whose lines never change kind, whatever they say.
_STICKY = ("red_flag", "misc")

# List markers, an emoji or symbol used as one ("🏠 Home inspectors", "▸", "✅") included.
# A task list's checkbox after the marker ("- [ ] ...", "- [x] ...") is part of the marker, and
# so is a board export's card label ("卡片：...", "Card: ...").
_CHECKBOX = r"(?:\s*\[[ xX✓✔]?\](?=\s))?"
_BULLET = re.compile(r"^(?:(?:[-+•·●▪▸▹►▶◦‣⁃]|\*(?!\*)|[\u2600-\u27bf\U0001F000-\U0001FAFF]\ufe0f?"
                     r"|\d{1,2}[.)、．]|[（(]?\d{1,2}[)）]|[a-z][.)]|[一二三四五六七八九十][、.])" + _CHECKBOX +
                     r"|\[[ xX✓✔]?\](?=\s)|(?:卡片|card)\s*[:：](?=\s*\S))\s*", re.IGNORECASE)
# A board's column ("List: Not a fit", "Column: Out", "【列：不做】", "看板列：不做") heads the cards
# under it, like a heading; so does a bracketed line standing alone ("【不做】").
_BOARD_COLUMN = re.compile(r"^[【\[]?\s*(?:list|column|lane|swim\s?lane|bucket|列|看板列|分组|泳道)\s*[:：]\s*"
                           r"(?P<title>[^】\]:：,，、]{1,30}?)\s*[】\]]?$|^【(?P<bare>[^】]{1,20})】$",
                           re.IGNORECASE)
# "Slide 4 — Why they switch", "Page 2: Pains", "第三页：痛点": the title of what follows.
_SLIDE = re.compile(r"^(?:(?:slide|page|section|part)\s*\d{1,3}|第[一二三四五六七八九十\d]{1,3}[页部节章])"
                    r"\s*[—–:：.-]+\s*(?P<title>\S.{0,60})$", re.IGNORECASE)
# A timestamp opening a line of a call summary or export ("03:40 Revenue: ...", "[00:02] ...").
_TIMESTAMP = re.compile(r"^\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?=\S)")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_BOLD_HEADING = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)\s*[:：]?$")
_LABEL = re.compile(r"^(?P<label>[^:：=\n]{1,40}?)\s*(?:[:：=]|\s[-–—>]+\s)\s*(?P<rest>\S.*)$")
# "maya: ..." / "王总：..." / "小陈 10:08：..." in a chat export: the speaker, not a label.
_SPEAKER = re.compile(r"^(?:\[?\d{1,2}:\d{2}\]?\s*)?(?:[A-Za-z][A-Za-z.'-]{0,15}(?: [A-Za-z][A-Za-z.'-]{0,15})?"
                      r"|[\u4e00-\u9fff]{1,4}(?:\s+\d{1,2}:\d{2}(?=：))?)\s*[:：]\s*(?=\S)")
# A chat export's message header: who wrote and when ("**Dana Ruiz (Ops)** 9:14 AM",
# "张伟 10:02", "Sam Lee, 2024-03-01 09:14"). It says nothing about the customer.
_MESSAGE_HEADER = re.compile(
    r"^(?:\*\*|__)?@?(?:[A-Za-z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,3}|[\u4e00-\u9fff]{1,5})"
    r"(?:\s*[（(][^()（）]{1,40}[)）])?(?:\*\*|__)?\s*[,，·|-]?\s*\[?"
    r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\]?$")
# Emphasis marks around words ("**Who:** ...", "__note__"): formatting, not content.
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# A memo's or an email's header fields and a meeting's attendance: who wrote to whom, not who
# the customer is.
_METADATA = re.compile(r"(?:to|from|cc|bcc|re|fwd?|subject|date|sent|attendees|participants"
                       r"|present|author|prepared by|note ?taker|minutes by|recorded by|location"
                       r"|主题|收件人|发件人|抄送|日期|时间|地点|参会人员?|与会人员?|出席|记录人?|整理人?|作者)",
                       re.IGNORECASE)
# A numbered line ("八、", "3.", "(2)") over a list with another marker heads that list.
_NUMBERED = re.compile(r"^(?:\d{1,2}[.)、．]|[（(]?\d{1,2}[)）]|[一二三四五六七八九十]+[、.．])\s*")
_ABBREVIATIONS = {"esp", "e.g", "i.e", "eg", "ie", "vs", "etc", "approx", "inc", "ltd", "mr", "ms",
                  "dr", "no", "st", "co", "corp"}


@dataclass(frozen=True)
class Unit:
    """A piece of the notes that says one thing: a line, or one sentence of a prose line."""

    line: int  # 1-based line number in the notes
    raw: str  # the line (or sentence) exactly as written, surrounding spaces removed
    text: str  # without the list marker
    body: str  # without the list marker and the inline label
    label: str = ""
    label_kind: str | None = None
    section: str | None = None
    heading: str = ""
    kind: str | None = None
    is_heading: bool = False
    bullet: bool = False
    decided_by: str = "none"  # heading | section | label | cue | learned | step | none
    excluded: tuple[str, ...] = ()  # clauses the learned heads read as ruling something out
    # Items of other kinds its clauses say besides the unit's own ("They run QuickBooks and
    # close the month by hand": a tech line that also names a pain), as (kind, clause).
    also: tuple[tuple[str, str], ...] = ()
    # The words before a colon opening the paragraph when no lexicon knows them ("Who we should
    # stop chasing: ..."): the learned reader reads them as the paragraph's heading.
    lead: str = ""


def classify_phrase(text: str, section: str = "headings") -> str | None:
    """The kind a heading or label names ("Red flags / disqualify" -> red_flag), or None."""
    best: tuple[tuple[int, int, int], str] | None = None
    for kind in cue_kinds(section):
        hits = list(cues(section, kind).finditer(text))
        if hits:
            # More cues, then longer ones ("technical buyer" beats "tech"), then the earliest.
            score = (len(hits), sum(len(h.group()) for h in hits), -hits[0].start())
            if best is None or score > best[0]:
                best = (score, kind)
    return best[1] if best else None


def split_sentences(text: str) -> list[str]:
    """Sentences of a line: Chinese end marks always split; an English full stop splits unless it
    ends an abbreviation or sits inside a number."""
    parts: list[str] = []
    start = 0
    for match in re.finditer(r"[。！？；!?]+|\.(?=\s|$)", text):
        end = match.end()
        if match.group().startswith("."):
            word = re.findall(r"[A-Za-z.]+$", text[start:match.start()])
            if word and word[0].lower().strip(".") in _ABBREVIATIONS:
                continue
        piece = text[start:end].strip()
        if piece:
            parts.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts or [text]


# A comma inside a number ("3,000") does not end a clause.
# An English aside in parentheses is a clause of its own ("... operators (not the mega-pass
# groups)"); Chinese （） usually lists examples inside the clause ("流程行业（化工、制药）先不碰"),
# unless the aside rules out ("冷库运营商（不是物流公司）").
_CLAUSE = re.compile(r",(?!\d{3}(?!\d))|[，;；。!?！？]|\)(?=\s|$)|\.(?!\d)|\s\("
                     r"|[（(](?=(?:不是|不含|不包括|不做|并非|非)[^）)]{1,20}[）)])"
                     r"|\s(?:but|except|unless|although|though|however)\s|但是|但|(?<=[，,。；;！!？?\s])不过|除非")


_PUNCTUATION = re.compile(r"[,，;；。!?！？.)]")


def split_clauses(text: str, *, asides: bool = True) -> list[tuple[int, str]]:
    """Clauses with their offsets; "、" and "/" stay inside a clause (they list items).
    `asides=False` keeps a parenthesis inside its clause ("the Managing Director (GF) signs")."""
    clauses: list[tuple[int, str]] = []
    start = 0
    for match in _CLAUSE.finditer(text):
        if not asides and match.group().strip() in ("(", ")"):
            continue
        if match.start() > start:
            clauses.append((start, text[start:match.start()]))
        # A conjunction opens the next clause ("but only if ..."); punctuation just ends one.
        start = match.end() if _PUNCTUATION.fullmatch(match.group()) else match.start()
    if start < len(text):
        clauses.append((start, text[start:]))
    return [(offset, clause) for offset, clause in clauses if clause.strip()]


def _heading_text(line: str) -> str | None:
    for pattern in (_MD_HEADING, _BOLD_HEADING):
        match = pattern.match(line)
        if match:
            return match.group(1).strip()
    slide = _SLIDE.match(line)
    if slide:
        return slide.group("title").strip()
    column = _BOARD_COLUMN.match(line)
    if column:
        return (column.group("title") or column.group("bare")).strip()
    stripped = _BULLET.sub("", line, count=1).strip()
    if stripped.endswith((":", "：")) and len(stripped) <= 60:
        return stripped[:-1].strip()
    return None


def _heading_level(line: str) -> int:
    """A Markdown heading's level ("## Out" -> 2); 7 for any other heading (a bold or "label:"
    line), which heads nothing deeper than itself."""
    marks = re.match(r"^(#{1,6})\s", line)
    return len(marks.group(1)) if marks else 7


def _is_title_line(line: str, lines: list[str], number: int) -> bool:
    """The notes' first line is their title when it is short, has no end mark and stands alone."""
    followed_by_blank = number >= len(lines) or not lines[number].strip()
    # A title heads something: a note of one line is content, not the title of nothing.
    has_content_after = any(row.strip() for row in lines[number:])
    return (followed_by_blank and has_content_after and len(line) <= 70 and not line.endswith((".", "。", "!", "?", "！", "？"))
            and (_LABEL.match(line) is None or bool(_DOC_TITLE.search(line))))


# "医药流通 SaaS —— ICP draft", "Lift-ticketing ICP - working doc": a dash before words that name
# the document makes a title, not a "label - value" line.
_DOC_TITLE = re.compile(r"\s[-–—]+\s*(?:\w+\s+){0,2}(?:icp|draft|notes|working\s+doc|memo|brief|summary"
                        r"|草稿|纪要|备忘|画像|笔记)", re.IGNORECASE)


# What may follow a size or revenue word in a field's name ("人数", "营收规模", "Revenue (USD)").
# What may follow a size field's name in a label: "Employee count", "Revenue band", "营收（万元）".
_FIELD_NAME_END = re.compile(r"(?:count|size|number|total|range|band|员|数|数量|总数|规模|额)?\s*"
                             r"(?:min(?:imum)?|max(?:imum)?|floor|cap|ceiling|下限|上限|最低|最高"
                             r"|最少|最多)?\s*"
                             r"(?:[（(][^()（）]{0,20}[)）])?", re.IGNORECASE)


# Names of lists in a note that no one is called ("Logos:", "Competitors:", "标杆客户：").
_LIST_NAME = re.compile(r"(?<![A-Za-z])(?:references?|logos?|customers?|clients?|competitors?"
                        r"|case\s+stud\w*|accounts?)(?![A-Za-z])|标杆|客户|案例|竞品|对手", re.IGNORECASE)


# A business named before a colon ("棋牌室：看着像，但…", "批发商：…"): the item's subject, no one
# speaking; people are not called by a business noun.
_NAMES_A_BUSINESS = re.compile(r"[\u4e00-\u9fff](?:店|厂|室|馆|吧|院|所|商|坊|厅|场|铺|园|社|站|行|公司|门店|机构|中心|作坊|工作室|企业|集团)$")


_SIDE_KEY = re.compile(r"min(?:imum)?|max(?:imum)?|floor|cap|ceiling|lower|upper|from|to|下限|上限"
                       r"|最低|最高|最少|最多", re.IGNORECASE)


def _is_speaker(prefix: str) -> bool:
    """ "maya:" is a speaker; "Budget:", "Users:" or "CFO:" name a role, a kind or a title and
    stay in the text; "To:", "Re:", "主题：" are a memo's header fields, not speakers."""
    name = prefix.strip(" :：*_")
    if _SIDE_KEY.fullmatch(name):
        return False  # a nested key under a field ("employees:" over "min: 25"): the bound's side
    if _METADATA.fullmatch(name) or SEGMENT_LABEL.match(name) or _LIST_NAME.search(name) \
            or _NAMES_A_BUSINESS.search(name):
        return False  # "目标：...", "Reference customers: ...": a list's name, no one speaking
    if classify_phrase(prefix) is not None or classify_phrase(prefix, "lines") is not None:
        return False
    # "Staff:", "Employees:", "人数：", a table's "| Revenue |": a firmographic field's name.
    field_name = prefix.strip(" :：*_")
    for family in ("employees", "revenue"):
        head = cues(family, "").match(field_name)
        if head and _FIELD_NAME_END.fullmatch(field_name[head.end():].strip()):
            return False
    from icp_coach.engines.offline.extraction.titles import find_titles  # titles use this module

    if find_titles(prefix.rstrip(" :：")) and not re.search(r"\[|\d{1,2}:\d{2}", prefix):
        return False
    return not any(cues("roles", role).search(prefix) for role in cue_kinds("roles"))


def _is_list_heading(line: str, lines: list[str], number: int) -> bool:
    """A short line with no end mark right above a list ("Must-haves", "Why they buy")."""
    if len(line) > 50 or line.endswith((".", "。", "!", "！", ",", "，", ";", "；")):
        return False
    following = next((row.strip() for row in lines[number:] if row.strip()), "")
    return bool(following) and bool(_BULLET.match(following)) and _LABEL.match(line) is None


# Markdown debris: rules, table separators, lone emphasis marks. Never an item.
_DEBRIS = re.compile(r"^[\s|:*_=~`>#+-]*$")
_TABLE_ROW = re.compile(r"^\|.*\|\s*$")


def _tab_row(line: str) -> str | None:
    """A row pasted from a spreadsheet (tab-separated) in the same "|a|b|" shape, else None."""
    if "\t" not in line.strip("\t ") :
        return None
    return "| " + " | ".join(cell.strip() for cell in line.split("\t")) + " |"


def _table_line(line: str, following: str, *, header: bool = False) -> str | None:
    """A Markdown table row as a "label: cells" line; "" for a header row or a separator row
    (context, not content); None when the line is not a table row."""
    if not _TABLE_ROW.match(line):
        return None
    if header:
        return ""
    if _DEBRIS.match(line) or _DEBRIS.match(following) and _TABLE_ROW.match(following):
        return ""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    cells = [cell for cell in cells if cell]
    if not cells:
        return ""
    if len(cells) == 1:
        return cells[0]
    first = re.sub(r"^\*\*(.+)\*\*$", r"\1", cells[0])
    return f"{first}: " + "; ".join(cells[1:])


# Between the pieces of a table row whose columns rule in and out ("| Region | UK | Northern
# Ireland |" under "| Field | In | Out |"): each piece is read as a line of its own.
ROW_PIECES = "\u00a6"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _ruling_out_columns(header: str) -> dict[int, str]:
    """The columns of a table header that rule out ("Out", "Exclude", "不做"), by index."""
    cells = _cells(header)
    return {index: cell for index, cell in enumerate(cells)
            if index and cell and classify_phrase(cell) == "red_flag"}


def _split_row(line: str, columns: dict[int, str]) -> str | None:
    """A row of an in/out table as "label: kept cells" then, for each ruling-out cell,
    "Out: cell", the pieces joined by ROW_PIECES; None when no ruling-out cell is filled."""
    cells = _cells(line)
    out = [(columns[i], cell) for i, cell in enumerate(cells) if i in columns and cell]
    kept = [cell for i, cell in enumerate(cells) if i and i not in columns and cell]
    if not out or not cells[0]:
        return None
    first = re.sub(r"^\*\*(.+)\*\*$", r"\1", cells[0])
    pieces = [f"{first}: " + "; ".join(kept)] if kept else []
    pieces += [f"{name}: {cell}" for name, cell in out]
    return f" {ROW_PIECES} ".join(pieces)


def _size_columns(header: list[str]) -> bool:
    """A header whose columns name size fields ("| Employees (FTE) | Revenue (USD M) |"), not a
    key-value table's "| Field | Value |"."""
    return any(cues(family, "").match(cell) for cell in header for family in ("employees", "revenue"))


def _row_under_header(cells: list[str], header: list[str]) -> str:
    """A data row read with its column names: "Employees (FTE): 50-200; Revenue (USD M): 5-20",
    or "Core: Headcount 100-500; Revenue ($M) 20-80" when the first column names the row."""
    if any(cues(family, "").match(header[0]) for family in ("employees", "revenue")):
        return "; ".join(f"{name}: {cell}" for name, cell in zip(header, cells, strict=True))
    return f"{cells[0]}: " + "; ".join(f"{name} {cell}" for name, cell
                                       in zip(header[1:], cells[1:], strict=True))


def _kind_column(header: list[str]) -> bool:
    """A header whose first column names the kind of customer ("| Company type | Staff |",
    "| 客户类型 | 规模 |"): the first-column cells are trades, not row labels."""
    return len(header) >= 2 and bool(header[0]) and SEGMENT_LABEL.match(header[0]) is not None


def _row_of_kinds(cells: list[str], header: list[str]) -> str | None:
    """A data row under a kind-of-customer header, each filled cell read as a line of its own
    under its column's name ("Company type: Taxidermy studios", "Staff: 2-15"), the pieces
    joined by ROW_PIECES; None when the first cell is itself a segment label ("Primary")."""
    first = re.sub(r"^\*\*(.+)\*\*$", r"\1", cells[0])
    if not first or SEGMENT_LABEL.match(first):
        return None
    pieces = [f"{name}: {cell}" for name, cell in zip(header, [first, *cells[1:]], strict=True)
              if name and cell]
    return f" {ROW_PIECES} ".join(pieces)


# A config's list spread over lines ('"disqualify": [' ... '"a", "b"' ... '],'): its key heads
# the items, each quoted string an item, and the closing bracket ends it.
_LIST_OPENS = re.compile(r'^(?P<indent>\s*)["\']?(?P<key>[^"\':：\[\]{}]{1,40}?)["\']?\s*[:：]\s*\[\s*$')
_LIST_CLOSES = re.compile(r"^\s*\]\s*[,，]?\s*$")
_QUOTED_ITEM = re.compile(r'"([^"]+)"|“([^”]+)”')
_ONLY_QUOTED = re.compile(r'^\s*(?:(?:"[^"]+"|“[^”]+”)\s*[,，]?\s*)+$')


def _config_lists(lines: list[str]) -> list[str]:
    """Config lists of strings spread over lines under a key naming a kind ("disqualify",
    "排除") read as a "key:" heading over "- item" lines, the closing bracket a blank line. A
    list of anything else (objects) stays as it is."""
    read = list(lines)
    for index, line in enumerate(lines):
        opens = _LIST_OPENS.match(line)
        if not opens or classify_phrase(opens.group("key")) is None:
            continue  # a list under a key that names no kind stays as it is
        end = index + 1
        while end < len(lines) and _ONLY_QUOTED.match(lines[end]):
            end += 1
        if end == index + 1 or end == len(lines) or not _LIST_CLOSES.match(lines[end]):
            continue
        indent = opens.group("indent")
        read[index] = f"{indent}{opens.group('key').strip()}:"
        for item in range(index + 1, end):
            quoted = [a or b for a, b in _QUOTED_ITEM.findall(lines[item])]
            read[item] = f"{indent}  - " + "; ".join(text.strip() for text in quoted)
        read[end] = ""
    return read


def plain_lines(text: str) -> list[str]:
    """The lines with table rows rewritten, debris blanked and opening timestamps dropped, line
    numbers kept."""
    lines = _config_lists(text.splitlines())
    plain = []
    columns: dict[int, str] = {}  # the ruling-out columns of the Markdown table being read
    header: list[str] = []  # the column names of the table being read, if they name sizes or kinds
    if any(_REPLY_HEADER.search(line) for line in lines):  # an e-mail reply: ">" quotes
        lines = [_QUOTED.sub("", line, count=1) for line in lines]
    for index, line in enumerate(lines):
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if not _TABLE_ROW.match(line.strip()):
            columns = {}
        elif _DEBRIS.match(following) and _TABLE_ROW.match(following) and not _DEBRIS.match(line):
            columns = _ruling_out_columns(line)  # a header row
        elif columns and not _DEBRIS.match(line):
            row = _split_row(line, columns)
            if row is not None:
                plain.append(row)
                continue
        tab = _tab_row(line)
        if tab is not None:
            # The first row of a pasted block is its header.
            first = index == 0 or _tab_row(lines[index - 1]) is None
            if first:
                header = _cells(tab) if _kind_column(_cells(tab)) else []
            row = _row_of_kinds(_cells(tab), header) \
                if header and not first and len(_cells(tab)) == len(header) else None
            plain.append(row or _table_line(tab, "", header=first) or "")
            continue
        table = _table_line(line.strip(), following)
        if table is None:
            header = []
        elif _DEBRIS.match(following) and _TABLE_ROW.match(following) and not _DEBRIS.match(line):
            header = _cells(line)
            header = header if _size_columns(header) or _kind_column(header) else []
        elif header and table and len(_cells(line)) == len(header):
            kinds = _row_of_kinds(_cells(line), header) if _kind_column(header) else None
            if kinds or _size_columns(header):
                table = kinds or _row_under_header(_cells(line), header)
        if table is not None:
            plain.append(table)
        elif line.strip() and (_DEBRIS.match(line) or _MESSAGE_HEADER.match(line.strip())
                               or _is_signature(line.strip())):
            plain.append("")
        else:
            indent = line[:len(line) - len(line.lstrip())]
            line = _FORM_LEADER.sub(r"\g<label>: ", line.strip(), count=1)
            plain.append(indent + _TIMESTAMP.sub("", line, count=1))
    return plain


# A paper form's field and its value joined by a dot leader ("Minimum headcount .... 40",
# "年营收……3000 万"): the field's label, as a colon would make it.
_FORM_LEADER = re.compile(r"^(?P<label>[^.:：…\n]{0,40}?[^\s.:：…])\s*(?:\.{3,}|\s\.{2}|…{2,}|·{3,})\s*"
                          r"(?=\S)")


# An e-mail reply's quote marks ("> When do we call? ..."): the quoted words, not markup. A
# ">" before a number is a bound ("> 50 staff"); elsewhere than in a reply, ">" may mark a
# script's prompts or a callout, and stays.
_QUOTED = re.compile(r"^\s*(?:>[ \t]?)+(?=[^\d\s=>])")
_REPLY_HEADER = re.compile(r"^\s*>\s*(?:from|发件人)\s*[:：]|\b(?:wrote|writes)\s*:\s*$|写道[:：]\s*$"
                           r"|^\s*(?:subject|主题)\s*[:：]\s*(?:re|fwd?|回复|答复|转发)\s*[:：]", re.IGNORECASE)
# A line that goes on from the line above (prose wrapped at a fixed width): the line above
# is long and has no end mark, and this one opens in lower case (English) or is Chinese with no
# label or speaker before a colon.
_WRAP_END = re.compile(r"[A-Za-z0-9,\u4e00-\u9fff'\"”’)\-–—]$")
_EN_GOES_ON = re.compile(r"^(?:[a-z(\"“']|[$€£]\s?\d)[^:：]*(?:$|[:：](?!\s*$))")
_ZH_GOES_ON = re.compile(r"^[\u4e00-\u9fff“\"][^:：]{14}")
_SPEAKER_OPENS = re.compile(r"^[^\s:：]{1,20}[:：]")


def _goes_on(previous: str, line: str) -> bool:
    """Whether `line` (stripped) continues `previous` (stripped): prose wrapped at a width."""
    if not previous or not line or not _WRAP_END.search(previous) or _TABLE_ROW.match(previous):
        return False
    if _BULLET.match(line) or _NUMBERED.match(line) or _TABLE_ROW.match(line) \
            or _heading_text(line) is not None or _SPEAKER_OPENS.match(line):
        return False
    if _heading_text(previous) is not None or previous.endswith(("{", "[")):
        return False
    chinese = bool(re.search(r"[\u4e00-\u9fff]$", previous))
    if chinese:
        return len(previous) >= 30 and bool(_ZH_GOES_ON.match(line))
    return len(previous) >= 40 and bool(_EN_GOES_ON.match(line))


def _join_wrapped(lines: list[str], originals: list[str]) -> tuple[list[str], list[str]]:
    """Wrapped prose joined onto its first line; the lines taken in read as JOINED."""
    plain, source = list(lines), list(originals) + [""] * (len(lines) - len(originals))
    head = -1  # the line the current paragraph is being joined onto
    for index, line in enumerate(lines):
        stripped = line.strip()
        if head >= 0 and _goes_on(lines[index - 1].strip() if plain[index - 1] == JOINED
                                  else plain[index - 1].strip(), stripped):
            glue = "" if re.search(r"[\u4e00-\u9fff]$", plain[head]) else " "
            plain[head] = plain[head].rstrip() + glue + stripped
            source[head] = source[head].rstrip() + glue + source[index].strip()
            plain[index] = JOINED
            continue
        head = index if stripped else -1
    return plain, source


JOINED = "\x00"


_SIGNATURE = re.compile(r"^[^|]{1,40}(?:\s[|｜]\s[^|｜]{1,60}){2,}$")


def _is_signature(line: str) -> bool:
    """An email signature ("Kim Lee | Head of Sales | GroutWorks"): who wrote, not who buys."""
    if not _SIGNATURE.match(line):
        return False
    from icp_coach.engines.offline.extraction.titles import find_titles  # titles use this module

    return any(find_titles(cell.strip()) for cell in re.split(r"[|｜]", line))


def _has_children(lines: list[str], number: int) -> bool:
    """A list item followed by more deeply indented items heads them ("- 痛点" over its points)."""
    line = lines[number - 1]
    indent = len(line) - len(line.lstrip())
    following = next((row for row in lines[number:] if row.strip()), "")
    return bool(_BULLET.match(following.strip())) and len(following) - len(following.lstrip()) > indent


_CJK_NUMERAL = re.compile(r"^[一二三四五六七八九十]+[、.．]")


def _heads_other_list(line: str, lines: list[str], number: int) -> bool:
    """A short numbered line with no end mark over a list of other markers ("八、不做的情况" over
    "- ..." bullets) is that list's heading, not an item."""
    if not _NUMBERED.match(line) or re.search(r"[.。!！,，;；]$", line):
        return False
    following = next((row.strip() for row in lines[number:] if row.strip()), "")
    if _NUMBERED.match(following) and not (_CJK_NUMERAL.match(line) and not _CJK_NUMERAL.match(following)):
        return False
    # Over bullets of another kind, or over a paragraph when the line is a few words of a
    # numbered outline ("七、其他", "3. Pricing").
    title = _NUMBERED.sub("", line, count=1)
    return bool(_BULLET.match(following)) or (
        len(title) <= 12 and len(title.split()) <= 3 and len(following) > 2 * len(line))


def split_units(text: str, *, titled: bool = True) -> list[Unit]:
    """The notes as units with their section, label and line number (kind not yet decided).

    `titled=False` for a chat answer: it has no title line, so a short first line is content
    ("Fintech, 50-200 people, Germany"), not the heading of what follows.
    """
    units: list[Unit] = []
    section: str | None = None
    heading = ""
    colon_section = False  # a "label:" heading ends at the first paragraph after a blank line
    section_level = 0  # the Markdown level of the heading that opened the section (7: no "#")
    blank_before = False
    lines, originals = _join_wrapped(plain_lines(text), text.splitlines())
    for number, line in enumerate(lines, start=1):
        if line == JOINED:
            continue
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        bullet = bool(_BULLET.match(stripped))
        title = _heading_text(stripped)
        document_title = False
        if (title is None and titled and not units and not bullet
                and _is_title_line(stripped, lines, number)):
            title, document_title = stripped, bool(_DOC_TITLE.search(stripped))
        if title is None and not bullet and _is_list_heading(stripped, lines, number):
            title = stripped
        if title is None and bullet and len(stripped) <= 40 and (
                _has_children(lines, number) or _heads_other_list(stripped, lines, number)):
            title = _BULLET.sub("", stripped, count=1).strip()
        if title is not None:
            level = _heading_level(stripped)
            # "... —— ICP draft" names the document: it places nothing below it.
            named = None if document_title else classify_phrase(title)
            if named is None and section in _STICKY and level > section_level:
                # A sub-heading naming no kind ("### Card details" under "## Not a fit") is
                # part of the ruling-out section it sits in.
                named, level = section, section_level
            section = named
            if section in _STICKY and not any(not unit.is_heading for unit in units) \
                    and stripped.startswith("# "):
                # The document's own title ("# ICP notes", "# Misc thoughts on our ICP") names
                # the whole file: it does not rule out everything below it.
                section = None
            heading, section_level = title, level
            colon_section = not stripped.startswith("#") and not _BOARD_COLUMN.match(stripped)
            units.append(Unit(number, stripped, title, title, section=section, heading=heading,
                              kind=section, is_heading=True, decided_by="heading"))
            blank_before = False
            continue
        if colon_section and blank_before and not bullet:
            section, heading, colon_section = None, "", False
        blank_before = False
        body_text = _BULLET.sub("", stripped, count=1).strip() if bullet else stripped
        body_text = _EMPHASIS.sub(r"\2", body_text).strip("*_ ") or body_text
        speaker = _SPEAKER.match(body_text)
        if speaker and _is_speaker(speaker.group()):
            body_text = body_text[speaker.end():]
        if speaker or not bullet:
            # "Q: How big?" / "Red flags:" after a speaker: a question or a label opens a section.
            if body_text.endswith((":", "：", "?", "？")) and len(body_text) <= 60 and (
                    speaker or body_text.endswith(("?", "？"))):
                title = body_text.rstrip(":：").strip()
                section, heading, colon_section = classify_phrase(title), title, True
                units.append(Unit(number, body_text, title, title, section=section,
                                  heading=heading, kind=section, is_heading=True,
                                  decided_by="heading"))
                continue
        original = originals[number - 1].strip() if number <= len(originals) else stripped
        for segment in _segments(body_text):
            units += _line_units(number, segment, original if segment == body_text else segment,
                                 section, heading, bullet)
    return units


def _segments(text: str) -> list[str]:
    """A long line of "key = value; ...; key: value" (a CRM notes field) is read segment by
    segment, each with its own label; any other line is one segment."""
    if ROW_PIECES in text:
        return [piece.strip() for piece in text.split(ROW_PIECES) if piece.strip()]
    pieces = [piece.strip() for piece in re.split(r"\s*[;；]\s*", text) if piece.strip()]
    matches = [_LABEL.match(piece) for piece in pieces]
    labelled = sum(1 for m in matches if m and classify_phrase(m.group("label")) is not None)
    return pieces if len(pieces) >= 4 and labelled >= 2 else [text]


def _line_units(number: int, body_text: str, original: str, section: str | None, heading: str,
                bullet: bool) -> list[Unit]:
    label, label_kind, body, lead = "", None, body_text, ""
    match = _LABEL.match(body_text)
    if match:
        name = match.group("label").strip()
        found = "misc" if _METADATA.fullmatch(name.strip("*_ ")) else classify_phrase(name)
        if found is not None:
            label, label_kind, body = name, found, match.group("rest")
        elif len(name.split()) <= 8 and not re.search(r"\d", name):
            lead = name
    # A paragraph says one thing per sentence, whatever section or label it sits under ("What
    # hurts them: routes are awful. Callbacks eat the margin."): each sentence is an item, and
    # a label opening the paragraph speaks for all of its sentences. A bullet is one item,
    # unless semicolons list several ("刚拿下区域总代；刚开了新网点").
    pieces = _list_items(body) if bullet else split_sentences(body)
    quoted = _QUOTED_LIST.fullmatch(body.strip()) if label_kind in _ITEM_KINDS else None
    if quoted:  # a config's list of pains, signals or red flags ('["a", "b"],'): each an item
        pieces = [piece for piece in re.findall(r'"([^"]+)"', quoted.group(1)) if piece.strip()]
    if label and not bullet:  # "Pains: a; b; c" (a table row too): each item on its own
        pieces = [item for piece in pieces for item in _list_items(piece)]
    if len(pieces) == 1:
        return [Unit(number, original, body_text, body, label=label, label_kind=label_kind,
                     section=section, heading=heading, bullet=bullet, lead=lead)]
    return [Unit(number, piece if piece in original else original, piece, piece, label=label,
                 label_kind=label_kind, section=section, heading=heading, bullet=bullet,
                 lead=lead) for piece in pieces]


_ITEM_KINDS = ("pain", "signal", "red_flag")
_QUOTED_LIST = re.compile(r'\[\s*("[^"]*"(?:\s*,\s*"[^"]*")+)\s*\]\s*,?')


def _list_items(text: str) -> list[str]:
    """A bullet's items when semicolons separate them, each long enough to say something."""
    # a semicolon inside brackets ("growers (indoor rooms; oyster, shiitake)") splits no items
    pieces = [piece.strip() for piece in re.split(r"(?<=[;；])(?![^()（）]*[)）])", text)
              if piece.strip(" ;；")]
    if len(pieces) < 2 or any(len(piece.strip(" ;；")) < 4 for piece in pieces):
        return [text]
    return pieces


def _cue_scores(text: str, extra: dict[str, float]) -> dict[str, float]:
    scores = {kind: float(len(cues("lines", kind).findall(text))) for kind in cue_kinds("lines")}
    scores["red_flag"] = scores.get("red_flag", 0.0) * 2  # ruling out is said once, and meant
    for kind, value in extra.items():
        scores[kind] = scores.get(kind, 0.0) + value
    return scores


def classify_units(units: list[Unit],
                   content_hints: Callable[[str], dict[str, float]] | None = None) -> list[Unit]:
    """Decide each unit's kind. `content_hints` adds scores from gazetteers and number parsers
    (for example +2 profile for a headcount range), which this module does not know about."""
    decided: list[Unit] = []
    for unit in units:
        if unit.is_heading:
            decided.append(unit)
            continue
        if unit.section in _STICKY:
            decided.append(replace(unit, kind=unit.section, decided_by="section"))
            continue
        # An inline label ("Size: 40-400", a table row's first cell) is more specific than the
        # section it sits in ("## Decisions" of meeting minutes).
        label_rules = unit.label_kind is not None
        if label_rules:
            decided.append(replace(unit, kind=unit.label_kind, decided_by="label"))
            continue
        if unit.section not in (None, "profile"):
            decided.append(replace(unit, kind=unit.section, decided_by="section"))
            continue
        extra = content_hints(unit.text) if content_hints else {}
        scores = _cue_scores(unit.text, extra)
        if unit.section == "profile":
            scores["profile"] = scores.get("profile", 0.0) + 1.5
        best = max(scores.values(), default=0.0)
        if best <= 0:
            decided.append(unit)
            continue
        kind = next(k for k in _PRIORITY if scores.get(k, 0.0) == best)
        decided.append(replace(unit, kind=kind, decided_by="cue"))
    return decided
