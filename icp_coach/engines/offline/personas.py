"""Personas without a model: from the ICP's fields, the interviews' verbatim quotes and role
templates. Evidence-backed items cite the ICP field or the quote; template items are marked as
such and never counted as evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from icp_coach.domain.evidence import Evidence
from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.jtbd import EvidencedItem, JTBDResult, Quote
from icp_coach.domain.knowledge import Passage
from icp_coach.domain.persona import Persona, PersonaItem
from icp_coach.domain.persona_template import RoleTemplate, parse_role_template

# Words that make a pain, force or signal matter to a role (English and Chinese).
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "champion": (),  # the champion cares about the whole problem
    "economic_buyer": ("cost", "revenue", "budget", "roi", "money", "price", "pricing", "spend",
                       "leak", "margin", "expensive", "board", "forecast", "$", "成本", "收入",
                       "预算", "钱", "费用", "价格", "回报", "利润", "营收", "老板"),
    "technical_buyer": ("integrat", "api", "engineer", "security", "data", "sync", "stack",
                        "deploy", "on-prem", "migration", "system", "集成", "接口", "研发",
                        "安全", "数据", "系统", "部署", "私有化", "迁移", "开发"),
    "user": ("manual", "spreadsheet", "sheet", "hours", "every day", "daily", "double entry",
             "by hand", "chore", "log", "手工", "表格", "每天", "加班", "重复", "录入", "手动"),
    "blocker": ("homegrown", "in-house", "built our own", "legal", "procurement", "compliance",
                "security", "risk", "veto", "自建", "法务", "采购", "合规", "风险", "否决"),
}
STOPWORDS = frozenset(
    "the a an and or but of to in on for with at by from is are was were be been it its this that "
    "we our us you your they them their i me my he she his her have has had do does did not no "
    "so just like really about what which who when then than there here would could should can "
    "will one two three all any some more most very much get got going been into out up down "
    "over also because didn don it's i'm we're they're that's".split()
)


# How to answer an objection, by the force it comes from (the anxiety of the new, the habit of the old).
FORCE_ANSWERS: dict[str, dict[str, str]] = {
    "anxiety": {
        "en": "Name the risk and show how it is contained: a migration plan, a pilot, a customer who had the same fear.",
        "zh": "直面这个顾虑，说明风险如何被控制：迁移方案、小范围试点、有过同样担心的老客户。",
    },
    "habit": {
        "en": "Use their own words about today's workaround and put a number on what it costs them each week.",
        "zh": "用他们描述现有变通办法的原话，算出它每周要付出的代价。",
    },
}


def _relevant(text: str, role: str) -> bool:
    cues = ROLE_CUES[role]
    lowered = text.lower()
    return not cues or any(cue in lowered for cue in cues)


def _quote_evidence(quote: Quote) -> Evidence:
    return Evidence(quote=quote.quote, source=quote.source, line=quote.line, kind="quote",
                    verified=True)


def _icp_evidence(path: str, text: str) -> Evidence:
    return Evidence(quote=text, source=f"icp:{path}", kind="icp_field", verified=True)


def _from_jtbd(item: EvidencedItem) -> PersonaItem | None:
    quotes = [_quote_evidence(q) for q in item.evidence]
    if not quotes:
        return None  # an item without a verified quote is not evidence for a persona
    return PersonaItem(text=item.text, basis="observed", evidence=quotes)


def _speaker_roles(icp: ICPDocument) -> dict[str, str]:
    """Lower-cased title -> buying role, from the ICP's decision makers."""
    return {title.lower(): maker.role for maker in icp.decision_makers for title in maker.titles}


def _quote_role(quote: Quote, titles: dict[str, str]) -> str | None:
    speaker = quote.speaker.lower()
    for title, role in titles.items():
        if title and title in speaker:
            return role
    return None


def _belongs(item: EvidencedItem, role: str, titles: dict[str, str]) -> bool:
    """Is this interview finding about `role`? By the speaker's title when the ICP names it,
    else by the role's cue words (and the interviewee counts as the champion)."""
    roles = {_quote_role(quote, titles) for quote in item.evidence} - {None}
    if roles:
        return role in roles
    return role == "champion" or _relevant(item.text, role)


def _vocabulary(quotes: list[str], language: str, limit: int = 8) -> list[str]:
    counts: Counter[str] = Counter()
    for quote in quotes:
        if language == "zh":
            counts.update(re.findall(r"[\u4e00-\u9fff]{2,4}", quote))
        else:
            counts.update(word for word in re.findall(r"[a-z][a-z'\-]{3,}", quote.lower())
                          if word not in STOPWORDS)
    return [word for word, _ in counts.most_common(limit)]


class OfflinePersonaWriter:
    """Implements domain.ports.PersonaWriter with no model."""

    name = "offline"

    def __init__(self, load_template: Callable[[str, str], str]) -> None:
        self._load_template = load_template

    def template(self, role: str, language: str) -> RoleTemplate:
        return parse_role_template(self._load_template(f"personas/{role}", language))

    def draft_personas(self, icp: ICPDocument, jtbd: Sequence[JTBDResult],
                       passages: Sequence[Passage], roles: Sequence[str],
                       language: str) -> list[Persona]:
        return [self._draft(icp, jtbd, role, language) for role in roles]

    def _draft(self, icp: ICPDocument, results: Sequence[JTBDResult], role: str,
               language: str) -> Persona:
        template = self.template(role, language)
        titles = _speaker_roles(icp)
        maker = icp.decision_maker(role)
        maker_index = icp.decision_makers.index(maker) if maker else -1
        title = maker.titles[0] if maker and maker.titles else template.title

        pains: list[PersonaItem] = []
        for position, pain in enumerate(icp.pain_points):
            if _relevant(pain.description, role) or role == "champion":
                evidence = [_icp_evidence(f"pain_points[{position}]", pain.description)]
                evidence += [e for e in pain.evidence if e.quote and e.verified]
                pains.append(PersonaItem(text=pain.description, basis="icp", evidence=evidence))
        goals: list[PersonaItem] = []
        objections: list[PersonaItem] = []
        criteria: list[PersonaItem] = []
        jobs: list[PersonaItem] = []
        triggers: list[PersonaItem] = []
        quotes_said: list[str] = []
        for result in results:
            for item in result.forces.push:
                if _belongs(item, role, titles) and (found := _from_jtbd(item)):
                    pains.append(found)
            for item in result.forces.pull + result.desired_outcomes:
                if _belongs(item, role, titles) and (found := _from_jtbd(item)):
                    goals.append(found)
            for force in ("anxiety", "habit"):
                for item in getattr(result.forces, force):
                    if _belongs(item, role, titles) and (found := _from_jtbd(item)):
                        answer = FORCE_ANSWERS[force]["zh" if language == "zh" else "en"]
                        objections.append(found.model_copy(update={"answer": answer}))
            for item in result.job_statements:
                if role in ("champion", "user") and (found := _from_jtbd(item)):
                    jobs.append(found)
            for item in result.triggers:
                if _belongs(item, role, titles) and (found := _from_jtbd(item)):
                    triggers.append(found)
            for group in (result.forces.push, result.forces.pull, result.forces.anxiety,
                          result.forces.habit):
                quotes_said += [q.quote for item in group if _belongs(item, role, titles)
                                for q in item.evidence]
        for position, signal in enumerate(icp.buying_signals):
            if role in ("champion", "economic_buyer") or _relevant(signal.description, role):
                triggers.append(PersonaItem(text=signal.description, basis="icp", evidence=[
                    _icp_evidence(f"buying_signals[{position}]", signal.description)]))
        if role == "technical_buyer":
            tech = icp.technographics
            for name in ("tech_stack", "integrations", "compliance"):
                values = getattr(tech, name)
                if values:
                    text = ", ".join(values)
                    label = {"en": {"tech_stack": "Works with the current stack",
                                    "integrations": "Integrates with",
                                    "compliance": "Meets compliance"},
                             "zh": {"tech_stack": "兼容现有技术栈", "integrations": "能集成",
                                    "compliance": "满足合规要求"}}[language if language == "zh" else "en"][name]
                    criteria.append(PersonaItem(text=f"{label}: {text}", basis="icp", evidence=[
                        _icp_evidence(f"technographics.{name}", text)]))
        if role == "blocker":
            for position, flag in enumerate(icp.red_flags):
                objections.append(PersonaItem(
                    text=flag.description, basis="icp",
                    answer=template.objections[0][1] if template.objections else "",
                    evidence=[_icp_evidence(f"red_flags[{position}]", flag.description)]))
        messages = [
            PersonaItem(text=self._message(pain.text, language), basis=pain.basis,
                        evidence=pain.evidence[:1])
            for pain in pains[:3]
        ]
        goals += [PersonaItem(text=goal, basis="template") for goal in template.goals]
        criteria += [PersonaItem(text=c, basis="template") for c in template.decision_criteria]
        objections += [PersonaItem(text=o, answer=a, basis="template") for o, a in template.objections]
        holes = [PersonaItem(text=h, basis="template") for h in template.watering_holes]
        persona = Persona(
            role=role,  # type: ignore[arg-type]
            name=title,
            title=title,
            other_titles=maker.titles[1:] if maker else [],
            seniority=template.seniority,
            team=template.team,
            goals=goals,
            pains=pains,
            jobs_to_be_done=jobs,
            triggers=triggers,
            objections=objections,
            decision_criteria=criteria,
            watering_holes=holes,
            messages=messages,
            vocabulary=_vocabulary(quotes_said, language),
            engine=self.name,
        ).with_evidence_level()
        to_learn = list(template.to_learn) if persona.evidence_level == "hypothesis" else []
        if maker_index < 0:
            to_learn.insert(0, "Confirm this role exists in your deals and name its usual titles."
                            if language != "zh" else "确认成交中确实有这个角色，并写下它常见的职位名称。")
        return persona.model_copy(update={"to_learn": to_learn})

    @staticmethod
    def _message(pain: str, language: str) -> str:
        if language == "zh":
            return f"从这个痛点切入：{pain}"
        return f"Lead with the pain: {pain}"
