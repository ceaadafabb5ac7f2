"""Personas as Markdown a sales or marketing lead can share, English or Chinese."""

from __future__ import annotations

from icp_coach.domain.language import Language
from icp_coach.domain.persona import Persona, PersonaItem
from icp_coach.domain.validation import Finding
from icp_coach.services.export import role_label

_LABELS: dict[str, dict[Language, str]] = {
    "title": {"en": "Buyer personas", "zh": "买家角色"},
    "goals": {"en": "Goals", "zh": "目标"},
    "pains": {"en": "Pains", "zh": "痛点"},
    "jobs_to_be_done": {"en": "Jobs to be done", "zh": "待完成的任务"},
    "triggers": {"en": "Triggers", "zh": "触发事件"},
    "objections": {"en": "Objections and answers", "zh": "异议与回应"},
    "decision_criteria": {"en": "Decision criteria", "zh": "决策标准"},
    "watering_holes": {"en": "Where they get information", "zh": "信息渠道"},
    "messages": {"en": "Messages that land", "zh": "有效的沟通信息"},
    "vocabulary": {"en": "Words they use", "zh": "他们常用的词"},
    "to_learn": {"en": "Interviews still to run", "zh": "还需要做的访谈"},
    "draft": {"en": "Draft persona", "zh": "草稿"},
    "hypothesis": {"en": "Hypothesis: not enough evidence yet", "zh": "假设：证据还不够"},
    "interviewees": {"en": "Interviewed in this role", "zh": "已访谈的该角色人员"},
    "evidenced": {"en": "with a source", "zh": "有来源"},
    "evidence": {"en": "evidence items", "zh": "条证据"},
    "template": {"en": "to verify", "zh": "待验证"},
    "inferred": {"en": "inferred, no evidence", "zh": "推断，无证据"},
    "findings": {"en": "Findings", "zh": "检查结果"},
    "seniority": {"en": "Seniority", "zh": "职级"},
    "team": {"en": "Team", "zh": "团队"},
}


def _item(item: PersonaItem, language: Language) -> list[str]:
    tag = f" _({_LABELS[item.basis][language]})_" if item.basis in ("template", "inferred") else ""
    quoted = [e for e in item.evidence if e.kind == "quote"]
    said = " ".join(quoted[0].quote.split()) if quoted else ""
    text = " ".join(item.text.split())
    if quoted and (said == text or (text.endswith("…") and said.startswith(text[:-1]))):
        # The item is the customer's own sentence: show it once, as the quote it is.
        first = quoted[0]
        where = f"{first.source}:{first.line}" if first.line else first.source
        lines = [f"- \"{first.quote}\" ({where})"]
        evidence_shown = [e for e in item.evidence if e is not first]
    else:
        lines = [f"- {item.text}{tag}"]
        evidence_shown = item.evidence
    if item.answer:
        lines.append(f"  - → {item.answer}")
    for evidence in evidence_shown:
        if evidence.kind == "quote":
            where = f"{evidence.source}:{evidence.line}" if evidence.line else evidence.source
            lines.append(f"  > \"{evidence.quote}\" ({where})")
        elif evidence.kind == "icp_field":
            lines.append(f"  - ICP `{evidence.source.removeprefix('icp:')}`")
        else:
            lines.append(f"  - {evidence.source}")
    return lines


def render_personas(personas: list[Persona], language: Language = "en",
                    findings: list[Finding] | None = None) -> str:
    label = {key: value[language] for key, value in _LABELS.items()}
    out = [f"# {label['title']}", ""]
    for persona in personas:
        out.append(f"## {persona.name} ({role_label(persona.role, language)})")
        out.append("")
        level = label[persona.evidence_level]
        out.append(f"**{level}** · {persona.evidence_count} {label['evidence']} · {persona.engine}")
        out.append("")
        counted = [f"{label[s]} {persona.evidenced.get(s, 0)}/{len(getattr(persona, s))}"
                   for s in ("goals", "pains", "objections", "decision_criteria")]
        out.append(label['evidenced'] + ("：" if language == "zh" else ": ") + " · ".join(counted))
        out.append("")
        if persona.interviewees:
            out.append(f"- **{label['interviewees']}**: {'; '.join(persona.interviewees)}")
        if persona.other_titles:
            out.append(f"- {', '.join(persona.other_titles)}")
        if persona.seniority:
            out.append(f"- **{label['seniority']}**: {persona.seniority}")
        if persona.team:
            out.append(f"- **{label['team']}**: {persona.team}")
        out.append("")
        for section in ("goals", "pains", "jobs_to_be_done", "triggers", "objections",
                        "decision_criteria", "watering_holes", "messages"):
            items: list[PersonaItem] = getattr(persona, section)
            if items:
                out += [f"### {label[section]}", ""]
                for item in items:
                    out += _item(item, language)
                out.append("")
        if persona.vocabulary:
            out += [f"### {label['vocabulary']}", "", ", ".join(persona.vocabulary), ""]
        if persona.to_learn:
            out += [f"### {label['to_learn']}", ""] + [f"- {step}" for step in persona.to_learn] + [""]
    if findings:
        out += [f"## {label['findings']}", ""]
        out += [f"- **{f.severity}** `{f.path}`: {f.message} {f.suggestion}" for f in findings]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
