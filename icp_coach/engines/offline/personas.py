"""Personas without a model: from the ICP's own fields first, then the interviews' verbatim quotes,
then role templates. Every evidence-backed item cites the ICP field it was read or derived from
(`pain_points[0]`) or the quote; template items are marked as such and never counted as evidence.

Each role reads the ICP its own way: the champion owns the pains, the economic buyer weighs their
business consequences and the timing the buying signals give, the technical buyer judges the fit
with the stack, integrations and compliance, the user lives the pains day to day, the blocker
raises the red flags and the risks of change.
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
from icp_coach.domain.persona_roles import (
    ROLE_CUES,
    SpeakerRole,
    role_for_title,
    split_speaker_label,
    titles_in_text,
)
from icp_coach.domain.persona_template import RoleTemplate, parse_role_template

MAX_PER_SECTION = 6  # items read from the ICP, per section
MAX_FROM_INTERVIEWS = 4  # and from the interviews, after them
_HIRING = re.compile(r"\b(?:hir(?:e|es|ed|ing)|recruit\w*|appoint\w*|new(?:ly)? (?:hired|appointed))\b"
                     r"|招聘|新招|招了|新来|上任|到任", re.IGNORECASE)
STOPWORDS = frozenset(
    "the a an and or but of to in on for with at by from is are was were be been it its this that "
    "we our us you your they them their i me my he she his her have has had do does did not no "
    "so just like really about what which who when then than there here would could should can "
    "will one two three all any some more most very much get got going been into out up down "
    "over also because didn don it's i'm we're they're that's every each where while only even "
    "still those these thing things something lot kind sort yeah okay know think mean we'd i'd "
    "you'd they'd we've i've we'll i'll sometimes always never maybe actually basically pretty during "
    "before after without within through against between under across per via".split()
)
_ZH_BREAK = re.compile(r"[^\u4e00-\u9fff]+|[的了在是和就都也还要会把被给让我你他她它们这那有个一不很吗呢吧啊呀么说]+")

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

# Role-specific readings of the ICP, en and zh; `{x}` is the ICP text the item is derived from.
PHRASES: dict[str, dict[str, str]] = {
    "pain.economic_buyer": {"en": "What it costs the business: {x}", "zh": "对业务的代价：{x}"},
    "pain.technical_buyer": {"en": "What it means for the systems and the team that runs them: {x}",
                             "zh": "对系统和技术团队的影响：{x}"},
    "pain.user": {"en": "What it means day to day: {x}", "zh": "对日常工作的影响：{x}"},
    "pain.blocker": {"en": "The risk of leaving it as it is: {x}", "zh": "维持现状的风险：{x}"},
    "pain.champion": {"en": "{x}", "zh": "{x}"},
    "pain.workaround": {"en": "Living with today's workaround: {x}", "zh": "只能靠现在的办法凑合：{x}"},
    "pain.maturity": {"en": "Where their systems stand today: {x}", "zh": "现有系统的状况：{x}"},
    "goal.champion": {"en": "Be the one who fixes it for good: {x}", "zh": "由自己牵头彻底解决：{x}"},
    "goal.economic_buyer": {"en": "A measurable return from ending: {x}", "zh": "解决后能算清回报：{x}"},
    "goal.technical_buyer": {"en": "Less engineering time spent on: {x}", "zh": "少花技术团队的时间在：{x}"},
    "goal.user": {"en": "Less time lost to: {x}", "zh": "少在这上面耗时间：{x}"},
    "goal.blocker": {"en": "Change only if it removes more risk than it adds: {x}",
                     "zh": "只有风险降低多于新增时才改变：{x}"},
    "goal.signal.economic_buyer": {"en": "Turn this moment into results: {x}", "zh": "把握当下的时机出成果：{x}"},
    "goal.signal.champion": {"en": "Show progress while it matters: {x}", "zh": "趁这个时机做出成绩：{x}"},
    "goal.priority": {"en": "Serve the company's priority: {x}", "zh": "服务公司的优先事项：{x}"},
    "goal.stack": {"en": "Keep {x} working with no custom code", "zh": "不写定制代码，保持{x}正常运转"},
    "goal.integration": {"en": "A supported connection to {x}", "zh": "与{x}有现成、受支持的对接"},
    "goal.compliance": {"en": "Stay {x} compliant", "zh": "持续满足{x}合规要求"},
    "goal.compliance.blocker": {"en": "Nothing that puts {x} at risk", "zh": "不能让{x}合规出现风险"},
    "goal.workaround": {"en": "Stop working around it with: {x}", "zh": "不再靠这种办法凑合：{x}"},
    "goal.protect": {"en": "Protect what works today: {x}", "zh": "保护现在还能用的做法：{x}"},
    "objection.workaround": {"en": "We manage with this today: {x}", "zh": "我们现在这样也能应付：{x}"},
    "answer.workaround": {"en": "Put a number on what this workaround costs each month, in their own figures.",
                          "zh": "用他们自己的数字，算出这种凑合的办法每月要花多少代价。"},
    "objection.red_flag": {"en": "Raises the red flag: {x}", "zh": "触及红旗：{x}"},
    "answer.red_flag": {"en": "Check it in discovery; where it holds the account is a poor fit, so say so early.",
                        "zh": "在初步沟通时就核实；如果属实，这个客户并不合适，尽早说明。"},
    "objection.compliance": {"en": "Does it pass our {x} review?", "zh": "能通过我们的{x}审查吗？"},
    "answer.compliance": {"en": "Send the documentation for {x} before they ask, with a named contact.",
                          "zh": "主动提前提供{x}相关材料，并指定对接人。"},
    "objection.integration": {"en": "Will it really connect to {x}?", "zh": "真的能和{x}打通吗？"},
    "answer.integration": {"en": "Show the working connection to {x} and a customer on the same stack.",
                           "zh": "演示与{x}的实际对接，并介绍使用同样系统的客户。"},
    "objection.low_urgency": {"en": "Not urgent enough to fund now: {x}", "zh": "还没急到现在就要花钱：{x}"},
    "answer.low_urgency": {"en": "Tie it to a trigger they are living through and to what waiting costs.",
                           "zh": "把它和客户正在经历的触发事件、以及拖延的代价联系起来。"},
    "objection.adoption": {"en": "Will the team really change how they handle this: {x}",
                           "zh": "团队真的会改变处理方式吗：{x}"},
    "answer.adoption": {"en": "Offer a pilot on that one workflow with a success measure agreed up front.",
                        "zh": "先在这一个流程上试点，事先约定衡量成功的指标。"},
    "objection.return": {"en": "Is the return worth the spend for this: {x}", "zh": "为这个花钱值得吗：{x}"},
    "answer.return": {"en": "Quantify it with their own figures and show a comparable customer's result.",
                      "zh": "用他们自己的数字量化，并给出类似客户的实际效果。"},
    "objection.change_risk": {"en": "Is changing riskier than living with this: {x}",
                              "zh": "改变会不会比忍受现状风险更大：{x}"},
    "answer.change_risk": {"en": "Show the rollout plan, the way back, and a customer who changed safely.",
                           "zh": "给出上线计划、回退方案，以及平稳切换过的客户。"},
    "criterion.champion": {"en": "Removes: {x}", "zh": "能解决：{x}"},
    "criterion.economic_buyer": {"en": "Payback from ending: {x}", "zh": "解决它带来的回报：{x}"},
    "criterion.user": {"en": "Cuts the time spent on: {x}", "zh": "减少花在这上面的时间：{x}"},
    "criterion.technical_buyer": {"en": "Fixes without new engineering load: {x}", "zh": "不给技术团队增加负担就能解决：{x}"},
    "criterion.blocker": {"en": "Rules out: {x}", "zh": "排除：{x}"},
    "criterion.timing": {"en": "Timing: {x}", "zh": "时机：{x}"},
    "criterion.stack": {"en": "Works with the current stack: {x}", "zh": "兼容现有技术栈：{x}"},
    "criterion.integration": {"en": "Integrates with {x}", "zh": "能与{x}集成"},
    "criterion.compliance": {"en": "Meets {x}", "zh": "满足{x}"},
    "criterion.maturity": {"en": "Fits their technical maturity: {x}", "zh": "符合他们的技术成熟度：{x}"},
    "criterion.easier": {"en": "Easier than today's way: {x}", "zh": "比现在的办法更省事：{x}"},
    "criterion.concern": {"en": "{x}", "zh": "{x}"},
    "message": {"en": "Lead with the pain: {x}", "zh": "从这个痛点切入：{x}"},
}


def _say(key: str, language: str, text: str = "") -> str:
    return PHRASES[key]["zh" if language == "zh" else "en"].format(x=text)


def _relevant(text: str, role: str) -> bool:
    cues = ROLE_CUES[role]
    lowered = text.lower()
    return not cues or any(cue in lowered for cue in cues)


def _quote_evidence(quote: Quote) -> Evidence:
    return Evidence(quote=quote.quote, source=quote.source, line=quote.line, kind="quote",
                    verified=True)


def _icp_evidence(path: str, text: str) -> Evidence:
    return Evidence(quote=text, source=f"icp:{path}", kind="icp_field", verified=True)


def _icp_item(text: str, path: str, field_text: str, **extra: str) -> PersonaItem:
    return PersonaItem(text=text, basis="icp", evidence=[_icp_evidence(path, field_text)], **extra)


def _from_jtbd(item: EvidencedItem) -> PersonaItem | None:
    quotes = [_quote_evidence(q) for q in item.evidence]
    if not quotes:
        return None  # an item without a verified quote is not evidence for a persona
    return PersonaItem(text=item.text, basis="observed", evidence=quotes)


class _SpeakerIndex:
    """Which buying role each quoted speaker plays."""

    def __init__(self, speakers: Sequence[SpeakerRole], icp: ICPDocument) -> None:
        self._by_source = {(s.source, s.speaker): s.role for s in speakers if s.role}
        self._by_name = {s.speaker: s.role for s in speakers if s.role}
        self._icp_titles = {t.lower(): m.role for m in icp.decision_makers for t in m.titles if t}

    def role_of(self, quote: Quote) -> str | None:
        if not quote.speaker:
            return None
        role = self._by_source.get((quote.source, quote.speaker)) or self._by_name.get(quote.speaker)
        if role:
            return role
        _, title = split_speaker_label(quote.speaker)
        if title:
            return self._icp_titles.get(title.lower()) or role_for_title(title)
        return None

    def belongs(self, item: EvidencedItem, role: str) -> bool:
        """Is this interview finding about `role`? By the speaker's role when known, else by the
        role's cue words (and an interviewee of unknown role counts as the champion)."""
        roles = {self.role_of(quote) for quote in item.evidence} - {None}
        if roles:
            return role in roles
        return role == "champion" or _relevant(item.text, role)


def _vocabulary(quotes: list[str], language: str, limit: int = 8) -> list[str]:
    """The words and two-word phrases that recur in what they said, as they said them."""
    counts: Counter[str] = Counter()
    cues = {cue for role_cues in ROLE_CUES.values() for cue in role_cues if len(cue) > 1}
    for quote in quotes:
        lowered = quote.lower()
        counts.update({cue: 3 for cue in cues if re.search(r"[\u4e00-\u9fff]", cue) and cue in quote})
        counts.update({cue: 3 for cue in cues if cue.isalpha() and
                       re.search(rf"\b{re.escape(cue)}\b", lowered)})
        if language == "zh" or re.search(r"[\u4e00-\u9fff]", quote):
            counts.update(chunk for chunk in _ZH_BREAK.split(quote) if 2 <= len(chunk) <= 4)
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", quote)]
        content = [w for w in words if w.lower() not in STOPWORDS and len(w) > 2]
        counts.update(w.lower() for w in content if len(w) > 3)
        for first, second in zip(words, words[1:], strict=False):
            if first.lower() not in STOPWORDS and second.lower() not in STOPWORDS:
                counts[f"{first.lower()} {second.lower()}"] += 2  # a phrase says more than a word
    return [word for word, _ in counts.most_common(limit)]


def _add(items: list[PersonaItem], item: PersonaItem | None, limit: int = MAX_PER_SECTION) -> None:
    if item is not None and len(items) < limit and \
            all(" ".join(i.text.split()) != " ".join(item.text.split()) for i in items):
        items.append(item)


class OfflinePersonaWriter:
    """Implements domain.ports.PersonaWriter with no model."""

    name = "offline"

    def __init__(self, load_template: Callable[[str, str], str]) -> None:
        self._load_template = load_template

    def template(self, role: str, language: str) -> RoleTemplate:
        return parse_role_template(self._load_template(f"personas/{role}", language))

    def draft_personas(self, icp: ICPDocument, jtbd: Sequence[JTBDResult],
                       passages: Sequence[Passage], roles: Sequence[str],
                       language: str, *, speakers: Sequence[SpeakerRole] = ()) -> list[Persona]:
        index = _SpeakerIndex(speakers, icp)
        return [self._draft(icp, jtbd, role, language, index, speakers) for role in roles]

    def _draft(self, icp: ICPDocument, results: Sequence[JTBDResult], role: str, language: str,
               index: _SpeakerIndex, speakers: Sequence[SpeakerRole]) -> Persona:
        template = self.template(role, language)
        maker = icp.decision_maker(role)
        maker_index = icp.decision_makers.index(maker) if maker else -1
        mine = [s for s in speakers if s.role == role]
        title = (maker.titles[0] if maker and maker.titles else "") \
            or next((s.title for s in mine if s.title), "") or _title_in_icp(icp, role) \
            or template.title

        names = ("goals", "pains", "jobs_to_be_done", "triggers", "objections", "decision_criteria")
        sections: dict[str, list[PersonaItem]] = {name: [] for name in names}
        self._from_icp(icp, role, language, maker_index, sections)  # the ICP's own fields first
        heard: dict[str, list[PersonaItem]] = {name: [] for name in names}
        quotes_said = self._from_interviews(results, role, language, index, heard)
        quotes_said += [e.quote for pain in icp.pain_points for e in pain.evidence
                        if e.quote and e.verified and e.kind == "quote"]
        for name in names:
            for item in heard[name]:
                _add(sections[name], item, len(sections[name]) + 1)

        pains = sections["pains"]
        messages = [PersonaItem(text=_say("message", language, _core(pain.text)), basis=pain.basis,
                                evidence=pain.evidence[:1]) for pain in pains[:3]]
        for section, defaults in (("goals", template.goals),
                                  ("decision_criteria", template.decision_criteria)):
            if not sections[section]:  # template items only where nothing else exists
                sections[section] += [PersonaItem(text=text, basis="template") for text in defaults]
        if not sections["objections"]:
            sections["objections"] += [PersonaItem(text=o, answer=a, basis="template")
                                       for o, a in template.objections]
        vocabulary = _vocabulary(quotes_said, language)
        if role == "technical_buyer":
            vocabulary += [tool for tool in icp.technographics.tech_stack if tool not in vocabulary]
        persona = Persona(
            role=role,  # type: ignore[arg-type]
            name=title,
            title=title,
            other_titles=[t for t in (maker.titles[1:] if maker else []) +
                          [s.title for s in mine if s.title] if t != title][:5],
            seniority=template.seniority,
            team=template.team,
            watering_holes=[PersonaItem(text=h, basis="template") for h in template.watering_holes],
            messages=messages,
            vocabulary=vocabulary[:10],
            interviewees=[f"{s.label()}, {s.source}" for s in mine],
            engine=self.name,
            goals=sections["goals"],
            pains=sections["pains"],
            jobs_to_be_done=sections["jobs_to_be_done"],
            triggers=sections["triggers"],
            objections=sections["objections"],
            decision_criteria=sections["decision_criteria"],
        ).with_evidence_level()
        return persona.model_copy(update={"to_learn": list(template.to_learn)})

    @staticmethod
    def _from_interviews(results: Sequence[JTBDResult], role: str, language: str,
                         index: _SpeakerIndex, sections: dict[str, list[PersonaItem]]) -> list[str]:
        """Interview findings that belong to the role, each with its verbatim quotes."""
        lang = "zh" if language == "zh" else "en"
        said: list[str] = []
        for result in results:
            forces = result.forces
            for section, group in (("pains", forces.push), ("goals", forces.pull),
                                   ("goals", result.desired_outcomes), ("triggers", result.triggers)):
                for item in group:
                    if index.belongs(item, role):
                        _add(sections[section], _from_jtbd(item), MAX_FROM_INTERVIEWS)
            for force in ("anxiety", "habit"):
                for item in getattr(forces, force):
                    if index.belongs(item, role) and (found := _from_jtbd(item)):
                        _add(sections["objections"],
                             found.model_copy(update={"answer": FORCE_ANSWERS[force][lang]}),
                             MAX_FROM_INTERVIEWS)
            for item in result.job_statements:
                mapped = {index.role_of(q) for q in item.evidence} - {None}
                if (role in mapped) or (not mapped and role in ("champion", "user")):
                    _add(sections["jobs_to_be_done"], _from_jtbd(item), MAX_FROM_INTERVIEWS)
            for group in (forces.push, forces.pull, forces.anxiety, forces.habit,
                          result.desired_outcomes):
                said += [q.quote for item in group if index.belongs(item, role) for q in item.evidence]
        return said

    @staticmethod
    def _from_icp(icp: ICPDocument, role: str, language: str, maker_index: int,
                  sections: dict[str, list[PersonaItem]]) -> None:
        """The ICP's fields, read as this role reads them; every item cites its field."""
        goals, pains, objections = sections["goals"], sections["pains"], sections["objections"]
        criteria, triggers = sections["decision_criteria"], sections["triggers"]
        tech = icp.technographics
        ordered = sorted(enumerate(icp.pain_points),
                         key=lambda p: (not _relevant(p[1].description, role),
                                        {"high": 0, "medium": 1, None: 1, "low": 2}[p[1].urgency]))

        # A "signal" naming a job title is about a decision maker, not an event to time a deal by.
        # (Hiring one is still an event.)
        events = [(i, sig) for i, sig in enumerate(icp.buying_signals)
                  if not titles_in_text(sig.description) or _HIRING.search(sig.description)]
        people = [(i, sig) for i, sig in enumerate(icp.buying_signals) if (i, sig) not in events
                  and any(role_for_title(t) == role for t in titles_in_text(sig.description))]

        if maker_index >= 0:  # what the ICP says this role cares about
            for position, concern in enumerate(icp.decision_makers[maker_index].concerns):
                path = f"decision_makers[{maker_index}].concerns[{position}]"
                _add(criteria, _icp_item(_say("criterion.concern", language, concern), path, concern))
                if role in ("champion", "economic_buyer", "user"):
                    _add(goals, _icp_item(concern, path, concern))

        for position, pain in ordered:
            path = f"pain_points[{position}]"
            quotes = [e for e in pain.evidence if e.quote and e.verified and e.kind == "quote"]
            text = pain.description if _relevant(pain.description, role) or role == "champion" \
                else _say(f"pain.{role}", language, pain.description)
            item = _icp_item(text, path, pain.description)
            _add(pains, item.model_copy(update={"evidence": item.evidence + quotes}))
        # Fewer than three pains in the ICP: today's workarounds are pains of their own, and so is
        # where the technical buyer's systems stand.
        for position, pain in enumerate(icp.pain_points):
            if len(pains) < 3 and pain.current_solution and role != "blocker":
                _add(pains, _icp_item(_say("pain.workaround", language, pain.current_solution),
                                      f"pain_points[{position}].current_solution",
                                      pain.current_solution))
        if len(pains) < 3 and role == "technical_buyer" and tech.maturity:
            _add(pains, _icp_item(_say("pain.maturity", language, tech.maturity),
                                  "technographics.maturity", tech.maturity))

        if role == "technical_buyer":
            for name, goal_key, criterion_key in (
                    ("compliance", "goal.compliance", "criterion.compliance"),
                    ("integrations", "goal.integration", "criterion.integration"),
                    ("tech_stack", "goal.stack", "criterion.stack")):
                for position, value in enumerate(getattr(tech, name)):
                    path = f"technographics.{name}[{position}]"
                    _add(goals, _icp_item(_say(goal_key, language, value), path, value))
                    _add(criteria, _icp_item(_say(criterion_key, language, value), path, value))
            if tech.maturity:
                _add(criteria, _icp_item(_say("criterion.maturity", language, tech.maturity),
                                         "technographics.maturity", tech.maturity))
        if role == "blocker":
            for position, value in enumerate(tech.compliance):
                path = f"technographics.compliance[{position}]"
                _add(goals, _icp_item(_say("goal.compliance.blocker", language, value), path, value))
                _add(criteria, _icp_item(_say("criterion.compliance", language, value), path, value))
            for position, pain in enumerate(icp.pain_points):
                if pain.current_solution:
                    path = f"pain_points[{position}].current_solution"
                    _add(goals, _icp_item(_say("goal.protect", language, pain.current_solution),
                                          path, pain.current_solution))
        if role in ("champion", "economic_buyer"):
            for position, value in enumerate(icp.psychographics.priorities):
                _add(goals, _icp_item(_say("goal.priority", language, value),
                                      f"psychographics.priorities[{position}]", value))
            for position, signal in events:
                _add(goals, _icp_item(_say(f"goal.signal.{role}", language, signal.description),
                                      f"buying_signals[{position}]", signal.description))
        if role == "user":
            for position, pain in enumerate(icp.pain_points):
                if pain.current_solution:
                    path = f"pain_points[{position}].current_solution"
                    _add(goals, _icp_item(_say("goal.workaround", language, pain.current_solution),
                                          path, pain.current_solution))
                    _add(criteria, _icp_item(_say("criterion.easier", language, pain.current_solution),
                                             path, pain.current_solution))
        for position, pain in ordered:  # each pain, as the goal this role would set for it
            _add(goals, _icp_item(_say(f"goal.{role}", language, pain.description),
                                  f"pain_points[{position}]", pain.description))
        for position, pain in ordered[:3]:
            _add(criteria, _icp_item(_say(f"criterion.{role}", language, pain.description),
                                     f"pain_points[{position}]", pain.description))

        for position, signal in people:  # "the CFO signs off": how this role decides
            _add(criteria, _icp_item(signal.description, f"buying_signals[{position}]",
                                     signal.description))
        for position, signal in events:
            if role in ("champion", "economic_buyer") or _relevant(signal.description, role):
                _add(triggers, _icp_item(signal.description, f"buying_signals[{position}]",
                                         signal.description))
                if role == "economic_buyer":
                    _add(criteria, _icp_item(_say("criterion.timing", language, signal.description),
                                             f"buying_signals[{position}]", signal.description))

        # Objections: the red flags (the blocker raises them all), the compliance reviews, the
        # integrations in doubt, today's workarounds, pains not urgent enough to fund.
        for position, flag in enumerate(icp.red_flags):
            if role in ("blocker", "champion") or _relevant(flag.description, role):
                _add(objections, _icp_item(_say("objection.red_flag", language, flag.description),
                                           f"red_flags[{position}]", flag.description,
                                           answer=_say("answer.red_flag", language)))
        if role in ("technical_buyer", "blocker"):
            for position, value in enumerate(tech.compliance):
                _add(objections, _icp_item(_say("objection.compliance", language, value),
                                           f"technographics.compliance[{position}]", value,
                                           answer=_say("answer.compliance", language, value)))
        if role == "technical_buyer":
            for position, value in enumerate(tech.integrations):
                _add(objections, _icp_item(_say("objection.integration", language, value),
                                           f"technographics.integrations[{position}]", value,
                                           answer=_say("answer.integration", language, value)))
        for position, pain in enumerate(icp.pain_points):
            if pain.current_solution and role != "technical_buyer":
                _add(objections, _icp_item(_say("objection.workaround", language, pain.current_solution),
                                           f"pain_points[{position}].current_solution",
                                           pain.current_solution,
                                           answer=_say("answer.workaround", language)))
            if pain.urgency == "low" and role in ("economic_buyer", "blocker"):
                _add(objections, _icp_item(_say("objection.low_urgency", language, pain.description),
                                           f"pain_points[{position}]", pain.description,
                                           answer=_say("answer.low_urgency", language)))
        doubt = {"champion": "adoption", "user": "adoption", "economic_buyer": "return",
                 "blocker": "change_risk"}.get(role)
        for position, pain in ordered:  # the doubt this role voices about fixing each pain
            if doubt is None or len(objections) >= 3:
                break
            _add(objections, _icp_item(_say(f"objection.{doubt}", language, pain.description),
                                       f"pain_points[{position}]", pain.description,
                                       answer=_say(f"answer.{doubt}", language)))


def _core(text: str) -> str:
    """The ICP text inside a role phrase ("What it costs the business: X" -> X)."""
    head, sep, tail = text.partition(": ")
    if not sep:
        head, sep, tail = text.partition("：")
    return tail if sep and len(head) < 60 else text


def _title_in_icp(icp: ICPDocument, role: str) -> str:
    """A title for the role named anywhere in the ICP's text (notes often file "the CFO signs
    off" under buying signals rather than decision makers)."""
    texts = [icp.summary] + [s.description for s in icp.buying_signals] + \
        [p.description for p in icp.pain_points] + [f.description for f in icp.red_flags]
    for text in texts:
        for title in titles_in_text(text):
            if role_for_title(title) == role:
                return title
    return ""
