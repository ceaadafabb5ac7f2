"""Decision makers: which buying role a sentence names, and the job titles in it.

Titles are kept in the note's own words ("Head of RevOps", "质量部经理"). The role comes from
cue words in the clause ("signs", "拍板", "veto"), a negated cue ("doesn't own budget") does not
count, a clause without a cue inherits the role of the clause before it, and a title with no cue
anywhere falls back to the usual role of that title (`titles.yaml` role_hints).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from icp_coach.engines.offline.extraction.lexicons import cue_pattern, load_data
from icp_coach.engines.offline.extraction.lines import split_clauses

ROLE_ORDER = ("technical_buyer", "economic_buyer", "champion", "blocker", "user")


def _alternation(words: list[str]) -> str:
    ordered = sorted({str(w).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def _title_patterns() -> list[re.Pattern[str]]:
    data = load_data("titles.yaml")
    en, zh = data["en"], data["zh"]
    func = _alternation(en["functions"])
    lead = _alternation(en["leading_heads"])
    trail = _alternation(en["trailing_heads"])
    standalone = _alternation(en["standalone"])
    boundary_start, boundary_end = r"(?<![A-Za-z])", r"(?![A-Za-z])"
    generic_heads = ["经理", "总监", "主管", "负责人", "工程师", "专员", "主任", "组长", "科长", "部长",
                     "处长", "VP"]
    standalone_zh = [h for h in zh["heads"] if h not in generic_heads]
    prefixes = _alternation(zh["prefixes"])
    # A capitalised word also counts as a function ("Director of Staffing", "Fleet Manager").
    capital = r"(?-i:(?!(?:The|A|An|Our|Their|This|That|These|Those|Each|Every|Some|Any)(?![A-Za-z]))" \
              r"(?:[A-Z][A-Za-z&]+|[A-Z]{2,}))"
    words = rf"(?:{func}|{capital})(?:\s*(?:&|and|/)?\s*(?:{func}|{capital})){{0,2}}"
    return [
        re.compile(rf"{boundary_start}(?:(?:senior|sr\.?|group|global|regional)\s+)?(?:{lead})"
                   rf"(?:\s*,)?\s+(?:of\s+)?(?:the\s+)?{words}{boundary_end}", re.IGNORECASE),
        re.compile(rf"{boundary_start}{words}\s+(?:{trail})s?{boundary_end}", re.IGNORECASE),
        # "owners sign", "the CFOs": a plural still names the title.
        re.compile(rf"{boundary_start}(?:{standalone})(?:s(?![A-Za-z]))?{boundary_end}",
                   re.IGNORECASE),
        # A department before a head: "质量部经理", "信息中心主任", "HR 总监".
        re.compile(rf"(?:{prefixes})+(?:部门|部|中心|科|处|室|组|办)?\s*(?:{_alternation(generic_heads + standalone_zh)})"),
        re.compile(rf"(?:{_alternation(standalone_zh)})"),
        # Any department before a head: "资产管理部总经理", "客户服务中心主任".
        re.compile(r"(?:(?![的是有或者和与及要在由了般常请找跟])[\u4e00-\u9fff]){2,6}(?:部门|部|中心)"
                   r"(?:总经理|经理|总监|主管|负责人|主任|部长)"),
        # Two characters before a generic head: "督导经理", "仓库主管".
        re.compile(r"[\u4e00-\u9fff]{2}(?:经理|总监|主管|负责人)"),
    ]


def _is_fallback(match: re.Match[str]) -> bool:
    return match.re is _title_patterns()[-1]


# Words that describe a person rather than name a trade ("the new manager", "our best lead").
_NOT_A_TRADE = ("new", "the", "our", "their", "your", "this", "that", "every", "each", "any",
                "some", "other", "former", "interim", "acting", "local", "small", "big",
                "bigger", "good", "best", "real", "actual", "same", "only", "one", "two",
                "office", "count", "quarters", "start", "first", "last", "next", "usually",
                "often", "always", "sometimes", "mostly", "then", "also", "when", "who",
                "whoever", "someone", "with", "from", "like", "sure")


@lru_cache(maxsize=1)
def _trade_titles() -> re.Pattern[str]:
    """A trade word and a head ("funeral director", "head brewer", "yard manager"): read as a
    title only in a clause that names a buying role, where a person is what is spoken of."""
    data = load_data("titles.yaml")["en"]
    trail = _alternation(["director", "manager", "supervisor", "superintendent", "coordinator",
                          "lead", *data["trailing_heads"]])
    stop = _alternation(list(_NOT_A_TRADE))
    word = rf"(?!(?:{stop})(?![A-Za-z]))[a-z]{{4,}}"
    # "... head of RevOps" is the other pattern's: a head followed by "of" is not this one's.
    return re.compile(rf"(?<![A-Za-z])(?:{word}\s+(?:{trail})s?|head\s+{word})(?![A-Za-z])"
                      rf"(?!\s+of(?![A-Za-z]))")


_OWNER_OF_A_TASK = re.compile(r"(?<![A-Za-z])(?:daily|day-to-day|day\s+to\s+day|process|problem"
                              r"|system|data|project|product)\s+$", re.IGNORECASE)


def find_titles(text: str) -> list[tuple[int, int, str]]:
    """Job titles in text order as (start, end, title), the longest where two overlap."""
    found: list[tuple[int, int, str]] = []
    if role_cues_in(text):
        found += [(m.start(), m.end(), m.group()) for m in _trade_titles().finditer(text)]
    for pattern in _title_patterns():
        for match in pattern.finditer(text):
            if re.search(r"[的是有或者和与及要在由了]", match.group()[:2]) and _is_fallback(match):
                continue
            title = re.sub(r"^(?:the|a|an|our|their)\s+", "", match.group().strip(" ,"),
                           flags=re.IGNORECASE)
            if title.lower() in ("owner", "owners") and _OWNER_OF_A_TASK.search(text[:match.start()]):
                continue  # "the daily owner of ticketing" owns a task, not the company
            found.append((match.start(), match.end(), title))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[0]))
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return sorted(kept)


@cache
def _role_cues(role: str) -> re.Pattern[str]:
    return cue_pattern(list(load_data("cues.yaml")["roles"][role]))


@lru_cache(maxsize=1)
def _negation() -> re.Pattern[str]:
    words = _alternation(load_data("cues.yaml")["role_negation"])
    return re.compile(rf"(?:{words})\s*(?:\S+\s+){{0,2}}$", re.IGNORECASE)


def role_cues_in(clause: str) -> list[tuple[int, str]]:
    """(offset, role) of every role cue in a clause that is not negated ("doesn't own budget").
    A bare veto next to a technical cue is the technical buyer's veto, not a blocker's."""
    found = []
    for role in ROLE_ORDER:
        for match in _role_cues(role).finditer(clause):
            if not _negation().search(clause[:match.start()][-30:]):
                found.append((match.start(), role))
    roles = {role for _, role in found}
    if "technical_buyer" in roles and "blocker" in roles:
        found = [(offset, role) for offset, role in found if role != "blocker"]
    return sorted(found)


def role_of(clause: str) -> str | None:
    """The buying role a clause names (its first cue), or None."""
    found = role_cues_in(clause)
    return found[0][1] if found else None


def role_hint(title: str) -> str | None:
    hints = load_data("titles.yaml")["role_hints"]
    key = re.sub(r"\s+", " ", title.lower())
    for role, names in hints.items():
        if key in {str(n).lower() for n in names}:
            return str(role)
    return None


# A title named as the one pushed or won over ("push the owner to buy", "推着老板买", "说服老板"):
# the subject pushes, the title after the verb is not the champion.
_PUSHED = re.compile(
    r"(?<![A-Za-z])(?:push(?:es|ed|ing)?|nag(?:s|ged|ging)?|lobb(?:y|ies|ied|ying)|convinc(?:e|es|ed|ing)"
    r"|persuad(?:e|es|ed|ing))"
    r"\s+(?:it\s+to\s+|on\s+)?(?:the\s+|their\s+|his\s+|her\s+)?$"
    r"|(?:推着|说服|劝|游说)$", re.IGNORECASE)
# A title said to hold no buying role: "not involved in the purchase", "has no say", a job
# posting ("hiring a ...", "在招聘"), who not to sell to ("we never sell to them"), "不是决策人".
_NO_ROLE = re.compile(
    r"(?<![A-Za-z])(?:not\s+involved|no\s+say|has\s+no\s+say|have\s+no\s+say|no\s+part\s+in"
    r"|not\s+(?:a|the|our)\s+(?:buyer|decision[- ]maker|champion|contact)|not\s+(?:someone|who)\s+to"
    r"|not\s+a\s+person\s+to|job\s+(?:posting|post|ad|advert|opening)s?|(?:is|are)\s+hiring|hiring\s+(?:a|an|for)"
    r"|(?:is|are)\s+recruiting|never\s+sell\s+to|don'?t\s+sell\s+to|do\s+not\s+sell\s+to"
    r"|no\s+buying\s+power)(?![A-Za-z])"
    r"|在招聘|正在招|招聘岗位|招聘的岗位|招人|不是决策人|不是决策者|不是推动者|没有话语权|没话语权|不参与|不管采购|不买东西"
    r"|不拍板|不签字|不用约|不要约", re.IGNORECASE)
# A following clause may finish a title's sentence ("General manager: daily owner, pushes for
# it"): in English only one that opens with a verb or pronoun, not with a new subject.
_NEW_SUBJECT = re.compile(r"^\s*(?:the|a|an|our|their|its|his|her|some|many|most|every|each|any"
                          r"|[A-Z][a-z]+\s+[A-Z])(?![A-Za-z])", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")


# "..., our champion": a clause that only names the role of the subject before it.
_ROLE_PREDICATE = re.compile(r"^\W*(?:(?:is|are)\s+)?(?:our|the|their|a|an)\s+(?:internal\s+)?"
                             r"(?:champion|economic\s+buyer|signer|blocker|decision[- ]maker|sponsor"
                             r"|end\s+user|user)s?\W*$", re.IGNORECASE)
# A heading that names the decision makers in general, not one role ("Decision makers", "决策人").
_GENERIC_HEADING = re.compile(r"\W*(?:(?:the\s+)?decision[- ]?makers?|buyers?|buying\s+committee"
                              r"|who\s+(?:decides|buys)|决策人|决策者|决策链|关键人)\W*", re.IGNORECASE)


def heading_role(text: str) -> str | None:
    """The role a label or heading gives the lines under it; none for a heading that only
    says they are decision makers."""
    return None if _GENERIC_HEADING.fullmatch(text) else role_of(text)


def _pushed(clause: str, start: int) -> bool:
    return bool(_PUSHED.search(clause[:start]))


def _follow_up(clause: str) -> bool:
    """A clause that goes on about the subject before it (no new subject of its own)."""
    if _CJK.search(clause) or _ROLE_PREDICATE.match(clause):
        return True
    return not _NEW_SUBJECT.match(clause) and not re.match(r"\s*[A-Z]{2,}", clause)


def _cues(clause: str, titles: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    # A cue inside a title ("Head of Cloud Security") does not name a role; and where a clause
    # names the champion, its day-to-day use is what the champion does, not a user's role.
    found = [(offset, role) for offset, role in role_cues_in(clause)
             if not any(s <= offset < e for s, e, _ in titles)]
    if any(role == "champion" for _, role in found):
        found = [(offset, role) for offset, role in found if role != "user"]
    return found


def _singular(title: str) -> str:
    """"District managers" -> "District manager": a plural head names the same title."""
    return re.sub(r"(?<=[a-z]{3})(?<!s)s$", "", title) if re.search(
        r"(?:manager|director|coordinator|supervisor|lead|officer|owner|engineer|specialist"
        r"|administrator|admin|controller|head|analyst|partner|founder)s$", title, re.IGNORECASE) else title


def decision_titles(paragraphs: list[tuple[str, str | None]]) -> dict[str, list[str]]:
    """role -> titles over a note's decision paragraphs ((text, role its label or heading
    gives)). A title that only fell back to champion (no cue, no usual role) is left there
    when another paragraph gives it a role by its words ("院长拍板")."""
    roles: dict[str, list[str]] = {}
    fallbacks: set[str] = set()
    for text, context in paragraphs:
        for role, titles in titles_by_role([text], context, fallbacks).items():
            bucket = roles.setdefault(role, [])
            bucket += [t for t in titles if t.lower() not in {b.lower() for b in bucket}]
    cued = {t.lower() for role, titles in roles.items() for t in titles if role != "champion"}
    if "champion" in roles:
        roles["champion"] = [t for t in roles["champion"]
                             if not (t.lower() in fallbacks and t.lower() in cued)]
    return {role: titles for role, titles in roles.items() if titles}


def titles_by_role(texts: list[str], context_role: str | None = None,
                   fallbacks: set[str] | None = None) -> dict[str, list[str]]:
    """role -> titles found in decision-maker texts, in order, without duplicates.

    A title takes the role of the nearest cue in its clause; with none there, the champion or
    blocker cue of the clauses that go on about it ("General manager: daily owner of ticketing,
    pushes for the change"), else the role of the clause before ("The CFO signs, sometimes the
    COO"), any cue of the clauses after it, the title's usual role, or champion. A title pushed or won over ("push the owner to buy"), or said to hold no
    role ("not involved", a job posting, "不是决策人"), is not given that role."""
    roles: dict[str, list[str]] = {}
    for text in texts:
        current = context_role
        clauses = [clause for _, clause in split_clauses(text, asides=False)]
        read = []
        for clause in clauses:
            titles = [t for t in find_titles(clause) if not _pushed(clause, t[0])]
            read.append((clause, titles, _cues(clause, find_titles(clause))))
        for index, (clause, titles, cues_here) in enumerate(read):
            following = []
            for later, later_titles, later_cues in read[index + 1:]:
                if later_titles or not _follow_up(later):
                    break
                following.append((later, later_cues))
            silenced = _NO_ROLE.search(clause) or any(_NO_ROLE.search(c) for c, _ in following)
            ahead = next((cs[0][1] for _, cs in following if cs), None)
            for start, end, title in titles:
                if silenced:
                    continue
                role = current
                if cues_here:
                    # The nearest cue names this title's role ("the plant manager pushes it and
                    # the owner signs off").
                    middle = (start + end) / 2
                    role = min(cues_here, key=lambda cue: abs(cue[0] - middle))[1]
                elif ahead and (role is None or ahead in ("champion", "blocker")):
                    role = ahead
                if role is None and role_hint(title) is None and fallbacks is not None:
                    fallbacks.add(_singular(title).lower())
                role = role or role_hint(title) or "champion"
                title = _singular(title)
                bucket = roles.setdefault(role, [])
                if title.lower() not in {t.lower() for t in bucket}:
                    bucket.append(title)
            if cues_here:
                current = cues_here[-1][1]
            elif ahead and titles:
                current = ahead
    return roles
