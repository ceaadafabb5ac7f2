"""Checks on personas: against the ICP's buying committee, and every piece of evidence verified."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

from icp_coach.domain.evidence import Evidence
from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.language import Language
from icp_coach.domain.persona import SECTIONS, Persona
from icp_coach.domain.validation import Finding

_TEXT: dict[str, dict[Language, tuple[str, str]]] = {
    "persona_role_not_in_icp": {
        "en": ("Persona '{name}' is a {role}, but the ICP names no {role}.",
               "Add the role to the ICP's decision makers, or drop the persona."),
        "zh": ("买家角色“{name}”是 {role}，但 ICP 的决策者里没有这个角色。", "把这个角色补进 ICP 的决策者，或删除这个买家角色。"),
    },
    "persona_duplicate_role": {
        "en": ("Two personas share the role {role}.", "Merge them, or give each a distinct role."),
        "zh": ("有两个买家角色都是 {role}。", "合并它们，或给每个设置不同的角色。"),
    },
    "persona_no_goals": {
        "en": ("Persona '{name}' has no goals.", "Ask people in this role what success looks like for them."),
        "zh": ("买家角色“{name}”没有目标。", "问问这个角色的人，对他们来说什么才算成功。"),
    },
    "persona_no_pains": {
        "en": ("Persona '{name}' has no pains.", "Interview people in this role about what frustrates them today."),
        "zh": ("买家角色“{name}”没有痛点。", "访谈这个角色的人，了解他们现在最头疼的事。"),
    },
    "persona_hypothesis": {
        "en": ("Persona '{name}' rests on {count} evidence item(s): a hypothesis, not a draft.",
               "Run the interviews listed under 'to learn' before you rely on it."),
        "zh": ("买家角色“{name}”只有 {count} 条证据：这是假设，还不是草稿。", "先完成“待了解”里列出的访谈，再依赖它。"),
    },
}


def _finding(code: str, severity: Literal["error", "warning", "hint"], path: str,
             language: Language, **values: Any) -> Finding:
    message, suggestion = _TEXT[code][language]
    return Finding(severity=severity, code=code, path=path, message=message.format(**values),
                   suggestion=suggestion.format(**values))


def check_personas(icp: ICPDocument, personas: list[Persona], language: Language = "en") -> list[Finding]:
    findings: list[Finding] = []
    icp_roles = {maker.role for maker in icp.decision_makers}
    seen: set[str] = set()
    for position, persona in enumerate(personas):
        path = f"personas[{position}]"
        if persona.role in seen:
            findings.append(_finding("persona_duplicate_role", "error", path, language, role=persona.role))
        seen.add(persona.role)
        if persona.role not in icp_roles:
            findings.append(_finding("persona_role_not_in_icp", "warning", path, language,
                                     name=persona.name, role=persona.role))
        if not persona.goals:
            findings.append(_finding("persona_no_goals", "warning", f"{path}.goals", language, name=persona.name))
        if not persona.pains:
            findings.append(_finding("persona_no_pains", "warning", f"{path}.pains", language, name=persona.name))
        if persona.evidence_level == "hypothesis":
            findings.append(_finding("persona_hypothesis", "hint", path, language,
                                     name=persona.name, count=persona.evidence_count))
    return findings


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def resolve_icp_path(icp: ICPDocument, path: str) -> Any:
    """The value at 'pain_points[0]' or 'technographics.tech_stack'; None when it does not exist."""
    value: Any = icp.model_dump(mode="json")
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(value, list) or index >= len(value):
                return None
            value = value[index]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return None
    return value


def _icp_field_holds(icp: ICPDocument, evidence: Evidence) -> bool:
    if not evidence.source.startswith("icp:"):
        return False
    value = resolve_icp_path(icp, evidence.source[4:])
    if value is None:
        return False
    flat = _squash(str(value if not isinstance(value, dict) else " ".join(map(str, value.values()))))
    return not evidence.quote or all(_squash(part) in flat for part in evidence.quote.split(", "))


def verify_persona(persona: Persona, icp: ICPDocument, quote_pool: Iterable[str]) -> Persona:
    """Keep only evidence that checks out: quotes that occur verbatim in the interviews' verified
    quotes, ICP references that resolve to what they claim. Items left without evidence are
    marked 'inferred' (never observed), and the evidence level is recomputed."""
    pool = [_squash(quote) for quote in quote_pool]
    updates: dict[str, Any] = {}
    for section in SECTIONS:
        kept_items = []
        for item in getattr(persona, section):
            kept = []
            for evidence in item.evidence:
                if evidence.kind == "quote":
                    ok = bool(evidence.quote) and any(_squash(evidence.quote) in quote for quote in pool)
                elif evidence.kind == "icp_field":
                    ok = _icp_field_holds(icp, evidence)
                else:
                    ok = evidence.kind == "knowledge" and bool(evidence.source)
                if ok:
                    kept.append(evidence.model_copy(update={"verified": True}))
            basis = item.basis
            if item.basis in ("observed", "icp") and not any(e.kind in ("quote", "icp_field") for e in kept):
                basis = "inferred"
            kept_items.append(item.model_copy(update={"evidence": kept, "basis": basis}))
        updates[section] = kept_items
    return persona.model_copy(update=updates).with_evidence_level()


# How many evidenced items a section needs before a sales team can lean on it.
ENOUGH_PER_SECTION = 3
_PLAN_SECTIONS = ("goals", "pains", "objections", "decision_criteria")
_PLAN: dict[str, dict[Language, str]] = {
    "confirm_role": {"en": "Confirm this role exists in your deals and name its usual titles.",
                     "zh": "确认成交中确实有这个角色，并写下它常见的职位名称。"},
    "nobody": {"en": "Interview 2-3 people with the title {title}: no interview speaks for this role yet.",
               "zh": "访谈 2-3 位“{title}”：目前还没有任何访谈代表这个角色。"},
    "more": {"en": "Interview 1-2 more {title}s (so far: {who}).",
             "zh": "再访谈 1-2 位“{title}”（已有：{who}）。"},
    "goals": {"en": "Goals: {n} of {need} evidenced; ask what success looks like for them a year from now.",
              "zh": "目标：{need} 条中只有 {n} 条有证据；问问一年后怎样才算成功。"},
    "pains": {"en": "Pains: {n} of {need} evidenced; ask what went wrong the last time and what it cost.",
              "zh": "痛点：{need} 条中只有 {n} 条有证据；问问上一次出问题是什么情况、代价多大。"},
    "objections": {"en": "Objections: {n} of {need} evidenced; ask what would make them say no.",
                   "zh": "异议：{need} 条中只有 {n} 条有证据；问问什么情况下他们会说不。"},
    "decision_criteria": {"en": "Decision criteria: {n} of {need} evidenced; ask how they compared the options.",
                          "zh": "决策标准：{need} 条中只有 {n} 条有证据；问问他们当时如何比较各个方案。"},
    "template": {"en": "Check the {n} item(s) marked 'to verify' in those interviews.",
                 "zh": "在这些访谈中核实标为“待验证”的 {n} 条内容。"},
    "hypothesis": {"en": "{n} more distinct evidence item(s) make this persona a draft.",
                   "zh": "再有 {n} 条不同的证据，这个买家角色就能成为草稿。"},
}


def interviews_to_run(persona: Persona, language: Language = "en", *,
                      role_in_icp: bool = True) -> list[str]:
    """What is still to learn about a persona, from its own evidence: who to interview, which
    sections lack evidence and what to ask, how far it is from a draft."""
    from icp_coach.domain.persona import DRAFT_THRESHOLD

    def say(key: str, **values: Any) -> str:
        return _PLAN[key][language].format(**values)

    title = persona.title or persona.name
    steps = [] if role_in_icp else [say("confirm_role")]
    steps += [say("more", title=title, who=", ".join(persona.interviewees))
             if persona.interviewees else say("nobody", title=title)]
    for section in _PLAN_SECTIONS:
        count = len(persona.evidenced_items(section))
        if count < ENOUGH_PER_SECTION:
            steps.append(say(section, n=count, need=ENOUGH_PER_SECTION))
    templated = sum(1 for item in persona.items() if item.basis == "template")
    if templated:
        steps.append(say("template", n=templated))
    if persona.evidence_level == "hypothesis":
        steps.append(say("hypothesis", n=DRAFT_THRESHOLD - persona.evidence_count))
    return steps
