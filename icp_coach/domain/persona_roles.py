"""Who is who in the buying committee: job titles to buying roles, and interview speakers to roles.

Title families are general knowledge of how B2B organisations are built (C-level, VP / Head /
Director / Manager of a function, individual contributors), in English and Chinese. The ICP's own
decision makers always win: a title the ICP files under a role is that role.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from icp_coach.domain.transcript import Transcript

RoleName = Literal["champion", "economic_buyer", "technical_buyer", "user", "blocker"]

# Words that make a sentence matter to a role (what a speaker says they care about), en and zh.
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "champion": (),  # the champion cares about the whole problem
    "economic_buyer": ("cost", "revenue", "budget", "roi", "money", "price", "pricing", "spend",
                       "leak", "margin", "expensive", "board", "forecast", "payback", "profit",
                       "cash", "$", "成本", "收入", "预算", "钱", "费用", "价格", "回报", "利润",
                       "营收", "老板", "投入", "回本", "报价"),
    "technical_buyer": ("integrat", "api", "engineer", "data", "sync", "stack", "deploy",
                        "on-prem", "migration", "system", "architecture", "集成", "接口", "研发",
                        "数据", "系统", "部署", "私有化", "迁移", "开发", "架构", "对接"),
    "user": ("manual", "spreadsheet", "sheet", "hours", "every day", "daily", "double entry",
             "by hand", "chore", "copy", "paste", "手工", "表格", "每天", "加班", "重复", "录入",
             "手动", "复制"),
    "blocker": ("homegrown", "in-house", "built our own", "legal", "procurement", "compliance",
                "security", "risk", "veto", "contract", "audit", "privacy", "自建", "法务", "采购",
                "合规", "风险", "否决", "合同", "审计", "隐私", "安全"),
}

# Functions, by the role their people usually play (checked in this order).
_GATEKEEPER = ("legal", "counsel", "procurement", "purchasing", "sourcing", "compliance",
               "security", "ciso", "risk", "privacy", "audit", "法务", "采购", "合规", "安全",
               "风控", "审计", "风险", "律师")
_GENERAL_MANAGEMENT = ("ceo", "chief executive", "founder", "co-founder", "cofounder", "owner",
                       "president", "managing director", "general manager", "coo",
                       "chief operating", "managing partner", "总经理", "首席执行官", "创始人",
                       "董事长", "总裁", "老板", "合伙人", "厂长", "一把手", "董事")
_FINANCE = ("cfo", "finance", "financial", "controller", "treasurer", "accounting", "accountant",
            "bookkeep", "财务", "会计", "出纳", "资金")
_TECHNICAL = ("cto", "cio", "engineering", "engineer", "developer", "architect", "devops",
              "infrastructure", "platform", "technology", "technical", "software", "systems",
              "data", "it", "信息化", "信息部", "信息中心", "技术", "研发", "架构", "工程师",
              "开发", "数据", "运维", "系统", "it")
_C_LEVEL = ("chief", "president", "vp", "vice president", "svp", "evp", "partner", "副总裁",
            "首席", "副总", "总裁")
_HEAD = ("head", "director", "principal", "controller", "负责人", "总监", "部长", "主任", "总工")
_MANAGER = ("manager", "lead", "supervisor", "owner", "经理", "主管", "组长", "店长", "队长", "班长")
_INDIVIDUAL = ("specialist", "analyst", "coordinator", "associate", "representative", "rep",
               "agent", "clerk", "assistant", "administrator", "admin", "operator", "planner",
               "staff", "executive assistant", "account executive", "sdr", "bdr", "dispatcher",
               "driver", "nurse", "technician", "recruiter", "designer", "cashier", "receptionist",
               "scheduler", "inspector", "machinist", "buyer", "consultant", "officer",
               "专员", "助理", "文员", "客服", "操作员", "职员", "调度员", "计划员", "店员", "导购",
               "代表", "顾问", "司机", "护士", "技术员", "业务员", "前台", "收银员", "质检员", "员工")
_CXO = re.compile(r"\bC[A-Z]{1,2}O\b")


def _has(label: str, words: Iterable[str]) -> bool:
    for word in words:
        if re.search(r"[\u4e00-\u9fff]", word):
            if word in label:
                return True
        elif re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", label):
            return True
    return False


def seniority_of(title: str) -> Literal["c_level", "head", "manager", "individual", ""]:
    label = title.lower()
    if _CXO.search(title) or _has(label, _C_LEVEL) or _has(label, _GENERAL_MANAGEMENT):
        return "c_level"
    if _has(label, _HEAD):
        return "head"
    if _has(label, _MANAGER):
        return "manager"
    if _has(label, _INDIVIDUAL):
        return "individual"
    return ""


def role_for_title(title: str) -> RoleName | None:
    """The buying role a title usually plays, or None when the title says nothing about it."""
    label = title.lower().strip()
    if not label:
        return None
    seniority = seniority_of(title)
    it_title = re.search(r"(?<![A-Za-z])IT(?![A-Za-z])", title) is not None
    if _has(label, _GATEKEEPER):
        return "blocker"
    if _has(label, _GENERAL_MANAGEMENT) and not _has(label, _TECHNICAL) or re.search(r"\bC[EO]O\b", title):
        return "economic_buyer"
    if _has(label, _FINANCE):
        if seniority in ("c_level", "head"):
            return "economic_buyer"
        return "user" if seniority == "individual" or not seniority else "champion"
    if it_title or _has(label, tuple(w for w in _TECHNICAL if w != "it")) \
            or re.search(r"\bC[TI]O\b", title):
        return "technical_buyer"
    if seniority == "c_level":
        return "economic_buyer"
    if seniority in ("head", "manager"):
        return "champion"
    if seniority == "individual":
        return "user"
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def role_in_icp(title: str, makers: Sequence[tuple[str, Sequence[str]]]) -> str | None:
    """The role whose ICP titles name this title (either contains the other), if any."""
    wanted = _squash(title)
    if not wanted:
        return None
    for role, titles in makers:
        for known in titles:
            known_s = _squash(known)
            if known_s and (known_s == wanted or known_s in wanted or wanted in known_s):
                return role
    return None


class SpeakerRole(BaseModel):
    """One interviewee and the buying role they play, with why we think so."""

    model_config = ConfigDict(extra="forbid")

    source: str
    speaker: str
    title: str = ""
    role: RoleName | None = None
    basis: Literal["stated_title", "self_introduction", "icp_title", "cares_about", "none"] = "none"
    line: int | None = None
    quote: str = ""  # the self-introduction, verbatim, when that is where the title came from

    def label(self) -> str:
        return f"{self.speaker} ({self.title})" if self.title else self.speaker


_EN_INTRO = [
    (re.compile(r"\bI(?:'m| am) [A-Z][\w'-]+(?: [A-Z][\w'-]+)?, (?:the |a |an |our )?"
                r"(?P<title>[A-Za-z][\w&/ .-]{1,50}?)(?= at | for | of |,|\.|;| and | here|$)"), ""),
    (re.compile(r"\b(?:As|as) (?:the |a |an |our )?(?P<title>[A-Za-z][\w&/ -]{1,40}?),"), ""),
    (re.compile(r"\bI work as (?:the |a |an )?(?P<title>[A-Za-z][\w&/ -]{1,40}?)"
                r"(?= at | for | in |,|\.|;| and |$)"), ""),
    (re.compile(r"\bI(?:'m| am) (?:the |a |an |our |their )?(?P<title>[A-Za-z][\w&/ .-]{1,50}?)"
                r"(?= at | for | of |,|\.|;| and | here|$)"), ""),
    (re.compile(r"\bI (?:run|lead|head(?: up)?|own|oversee|look after) (?:the |our |all of |all )?"
                r"(?P<title>[A-Za-z][\w&/ -]{1,40}?)(?= at | for | team| department| org|,|\.|;| and |$)"),
     "Head of "),
    (re.compile(r"\bI manage (?:the |our )?(?P<title>[A-Za-z][\w&/ -]{1,40}?)"
                r"(?= at | for | team| department|,|\.|;| and |$)"), "Manager, "),
    (re.compile(r"\bI(?:'m| am) (?:responsible for|in charge of) (?:the |our )?"
                r"(?P<title>[A-Za-z][\w&/ -]{1,40}?)(?= at | for | team|,|\.|;| and |$)"), "Head of "),
    (re.compile(r"\bmy (?:title|role|job title) is (?:the |a |an )?(?P<title>[A-Za-z][\w&/ -]{1,40}?)"
                r"(?=,|\.|;| at | and |$)"), ""),
]
_ZH_INTRO = [
    (re.compile(r"我是(?:公司的|我们的|这边的|咱们的|公司|这里的)?(?P<title>[\u4e00-\u9fffA-Za-z]{2,12}?)"
                r"(?=[，,。；;！!]|$|，|的时候)"), ""),
    (re.compile(r"我(?:负责|管|主管|分管|带)(?:公司的|我们的|整个)?(?P<title>[\u4e00-\u9fffA-Za-z]{2,8}?)"
                r"(?=这块|这一块|工作|部门|团队|[，,。；;]|$)"), "{}负责人"),
    (re.compile(r"我在[^，,。；;]{1,15}?(?:负责|管|主管|分管)(?P<title>[\u4e00-\u9fffA-Za-z]{2,8}?)"
                r"(?=这块|这一块|工作|部门|团队|[，,。；;]|$)"), "{}负责人"),
    (re.compile(r"我在\S{1,12}?(?:做|当|担任)(?P<title>[\u4e00-\u9fffA-Za-z]{2,10}?)(?=[，,。；;]|$)"), ""),
]


def _intro_title(text: str, makers: Sequence[tuple[str, Sequence[str]]] = ()) -> str:
    """A title the speaker gives themselves ("I run finance at ...", "我负责信息化这块"), when it
    is one whose role we can tell (by its family or because the ICP lists it)."""
    def known(title: str) -> bool:
        return role_for_title(title) is not None or role_in_icp(title, makers) is not None

    for pattern, prefix in _EN_INTRO:
        for match in pattern.finditer(text):
            found = match.group("title").strip(" .-")
            title = (prefix + found) if prefix and not prefix.startswith("{") else found
            if known(title) or (prefix and known(found)):
                return title if known(title) else found
    for pattern, prefix in _ZH_INTRO:
        for match in pattern.finditer(text):
            found = match.group("title").strip().removesuffix("的")
            form = prefix
            if found.startswith(("负责", "管")):  # 我是负责采购的 -> 采购负责人
                found, form = found.removeprefix("负责").removeprefix("管"), "{}负责人"
            title = form.format(found) if form else found
            if known(title):
                return title
    return ""


def _cared_role(texts: Sequence[str]) -> RoleName | None:
    """The role whose concerns dominate what a speaker said (at least 3 hits, twice the next)."""
    hits: Counter[str] = Counter()
    for text in texts:
        lowered = text.lower()
        for role, cues in ROLE_CUES.items():
            hits[role] += sum(lowered.count(cue) for cue in cues)
    ranked = hits.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]  # type: ignore[return-value]


_LABEL_ROLE = re.compile(r"^\s*(?P<name>[^(（]+?)\s*[(（](?P<title>[^)）]+)[)）]\s*$")


def split_speaker_label(label: str) -> tuple[str, str]:
    """'Maya (VP Sales)' or '周敏（会员运营总监）' -> (name, title)."""
    match = _LABEL_ROLE.match(label)
    return (match.group("name"), match.group("title").strip()) if match else (label.strip(), "")


def map_speakers(transcripts: Sequence[Transcript],
                 makers: Sequence[tuple[str, Sequence[str]]] = ()) -> list[SpeakerRole]:
    """Every customer speaker of every transcript with the buying role they play.

    In order: a title written beside the name, else one they state when introducing themselves;
    a title the ICP lists settles the role, else the title family does; with no title at all, what
    they talk about most (only when it clearly dominates)."""
    found: list[SpeakerRole] = []
    for transcript in transcripts:
        turns_by: dict[str, list] = {}
        for turn in transcript.customer_turns():
            if turn.speaker:
                turns_by.setdefault(turn.speaker, []).append(turn)
        for speaker, turns in turns_by.items():
            name, title = split_speaker_label(speaker)
            stated = next((t.role.strip() for t in turns if t.role.strip()), "") or title
            basis: str = "stated_title" if stated else "none"
            line: int | None = turns[0].line if stated else None
            quote = ""
            title = stated
            if not title or role_for_title(title) is None and role_in_icp(title, makers) is None:
                for turn in turns[:6]:
                    intro = _intro_title(turn.text, makers)
                    if intro:
                        title, basis, line = intro, "self_introduction", turn.line
                        quote = _intro_sentence(turn.text, intro)
                        break
            role: str | None = None
            if title:
                role = role_in_icp(title, makers)
                if role is not None:
                    basis = "icp_title" if basis != "self_introduction" else basis
                else:
                    role = role_for_title(title)
            if role is None:
                role = _cared_role([t.text for t in turns])
                if role is not None:
                    basis = "cares_about" if not title else basis
            found.append(SpeakerRole(source=transcript.source, speaker=speaker, title=title,
                                     role=role, basis=basis, line=line, quote=quote))  # type: ignore[arg-type]
    return found


def _intro_sentence(text: str, title: str) -> str:
    """The sentence of `text` holding the self-introduction (verbatim)."""
    for sentence in re.split(r"(?<=[.!?。！？；;])\s*", text):
        head = title.split()[-1] if " " in title else title[:2]
        if head.lower() in sentence.lower() or title[:2] in sentence:
            return sentence.strip()
    return text.strip()[:200]


# Titles mentioned in free text (an ICP note that filed "the CFO signs off" under buying signals).
_EN_TITLE = re.compile(
    r"\b(?:(?:Chief|Head|VP|SVP|EVP|Vice President|Director|Manager|Lead)\s+(?:of\s+)?"
    r"(?:[A-Z][\w&]*|IT)(?:\s+(?:[A-Z][\w&]*|Ops|Operations))?"
    r"|(?:[A-Z][\w&]*\s+){1,2}(?:Director|Manager|Lead|Head|Officer)"
    r"|C[A-Z]{1,2}O)\b")
_ZH_TITLE = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,6}?(?:总监|经理|负责人|主管|副总裁|总裁|厂长|老板|部长)"
                       r"|首席[\u4e00-\u9fff]{2,3}官"
                       r"|CEO|CFO|CTO|CIO|COO")


def titles_in_text(text: str) -> list[str]:
    """Job titles named in a sentence, those whose role we can tell."""
    titles = [m.group(0).strip() for m in _EN_TITLE.finditer(text)]
    titles += [re.split(r"[由和与让给被请是的及、需要经找]", m.group(0).strip())[-1]
               for m in _ZH_TITLE.finditer(text)]
    return [t for t in dict.fromkeys(titles) if role_for_title(t) is not None]
