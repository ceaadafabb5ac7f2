"""The JTBD report a researcher would share: per interview, then across interviews.

Quotes appear in quote marks only when verified; an unverified finding is labelled as such.
"""

from __future__ import annotations

from icp_coach.domain.jtbd import FORCES, EvidencedItem, JTBDReport, JTBDResult, Quote

LABELS = {
    "en": {
        "title": "Jobs-To-Be-Done from customer interviews",
        "interview": "Interview", "engine": "engine", "customers": "customer", "interviewers": "interviewer",
        "push": "Push (of the situation)", "pull": "Pull (of the new solution)",
        "anxiety": "Anxiety (about the new solution)", "habit": "Habit (of the present)",
        "forces": "Forces of progress", "triggers": "Triggers", "timeline": "Switch timeline",
        "alternatives": "Alternatives", "considered": "seriously considered",
        "passing": "mentioned in passing", "chosen": "Chosen solution",
        "outcomes": "Desired outcomes", "jobs": "Job statements", "not_valued": "Did not value (not a force)",
        "unverified": "unverified: no quote found in the customer's words", "none": "none found",
        "across": "Across interviews", "pattern": "pattern", "hypothesis": "hypothesis",
        "support": "interviews", "threshold": "A theme backed by at least {n} interviews is a pattern; "
        "fewer is a hypothesis to test.", "notes": "Notes",
        "first_thought": "First thought", "passive_looking": "Passive looking",
        "active_looking": "Active looking", "deciding": "Deciding", "first_use": "First use",
        "trigger": "Trigger", "desired_outcome": "Desired outcome", "alternative": "Alternative",
    },
    "zh": {
        "title": "客户访谈中的用户任务（JTBD）",
        "interview": "访谈", "engine": "引擎", "customers": "客户", "interviewers": "访谈人",
        "push": "推力（现状之痛）", "pull": "拉力（新方案的吸引）",
        "anxiety": "焦虑（对新方案的担心）", "habit": "惯性（现有做法）",
        "forces": "进步的四种力量", "triggers": "触发事件", "timeline": "转换时间线",
        "alternatives": "备选方案", "considered": "认真考虑过", "passing": "仅顺带提到",
        "chosen": "最终选择", "outcomes": "期望结果", "jobs": "任务陈述", "not_valued": "不在乎的（不算作力量）",
        "unverified": "未验证：客户原话中找不到引文", "none": "未发现",
        "across": "跨访谈汇总", "pattern": "规律", "hypothesis": "假设", "support": "个访谈",
        "threshold": "至少 {n} 个访谈支持的主题算作规律，少于此数为待验证的假设。", "notes": "说明",
        "first_thought": "最初念头", "passive_looking": "被动关注", "active_looking": "主动寻找",
        "deciding": "做决定", "first_use": "首次使用",
        "trigger": "触发事件", "desired_outcome": "期望结果", "alternative": "备选方案",
    },
}


def _quote(quote: Quote) -> str:
    where = f"{quote.source}:{quote.line}"
    if quote.timestamp:
        where += f" @{quote.timestamp}"
    return f"> \"{quote.quote}\"  \n> — {quote.speaker or '?'}, {where}"


def _is_the_quote(text: str, quote: Quote) -> bool:
    """Offline findings are named by their own quote: then the quote alone is shown."""
    stem = " ".join(text.split()).rstrip("…").strip()
    return bool(stem) and " ".join(quote.quote.split()).startswith(stem)


def _item(item: EvidencedItem, labels: dict[str, str]) -> list[str]:
    if not item.evidence:
        return [f"- {item.text} _({labels['unverified']})_"]
    first = item.evidence[0]
    if _is_the_quote(item.text, first):
        where = f"{first.source}:{first.line}"
        lines = [f"- \"{first.quote}\" — {first.speaker or '?'}, {where}"]
        return lines + ["  " + line for q in item.evidence[1:] for line in _quote(q).splitlines()]
    lines = [f"- {item.text}"]
    lines += ["  " + line for q in item.evidence for line in _quote(q).splitlines()]
    return lines


def _section(title: str, items: list[EvidencedItem], labels: dict[str, str], level: str = "###") -> list[str]:
    lines = [f"{level} {title}", ""]
    lines += [line for item in items for line in _item(item, labels)] or [f"_{labels['none']}_"]
    return lines + [""]


def render_interview(result: JTBDResult, language: str | None = None) -> str:
    labels = LABELS[language or result.language]
    lines = [f"## {labels['interview']}: {result.source}", "",
             f"{labels['engine']}: {result.engine} · {labels['customers']}: "
             f"{', '.join(result.customers) or '?'} · {labels['interviewers']}: "
             f"{', '.join(result.interviewers) or '?'}", ""]
    lines += [f"### {labels['forces']}", ""]
    for force in FORCES:
        lines += _section(labels[force], getattr(result.forces, force), labels, "####")
    lines += _section(labels["triggers"], result.triggers, labels)
    lines += [f"### {labels['timeline']}", ""]
    for event in result.timeline:
        lines.append(f"- **{labels[event.stage]}**: {event.text}")
        lines += ["  " + line for q in event.evidence[:1] for line in _quote(q).splitlines()]
    lines += ["", f"### {labels['alternatives']}", ""]
    if result.chosen_solution:
        lines.append(f"- **{labels['chosen']}**: {result.chosen_solution}")
    for considered in (True, False):
        names = [a for a in result.alternatives if a.considered is considered]
        if names:
            tag = labels["considered"] if considered else labels["passing"]
            lines.append(f"- {tag}: " + ", ".join(
                f"{a.name} ({a.evidence[0].source}:{a.evidence[0].line})" if a.evidence else a.name
                for a in names))
    lines.append("")
    lines += _section(labels["outcomes"], result.desired_outcomes, labels)
    lines += _section(labels["jobs"], result.job_statements, labels)
    if result.not_valued:
        lines += _section(labels["not_valued"], result.not_valued, labels)
    if result.notes:
        lines += [f"### {labels['notes']}", ""] + [f"- {note}" for note in result.notes] + [""]
    return "\n".join(lines)


def render_report(report: JTBDReport, language: str | None = None) -> str:
    language = language or (report.interviews[0].language if report.interviews else "en")
    labels = LABELS[language]
    parts = [f"# {labels['title']}", ""]
    parts += [render_interview(result, language) for result in report.interviews]
    if len(report.interviews) < 2:
        return "\n".join(parts).rstrip() + "\n"
    parts += [f"## {labels['across']}", "", labels["threshold"].format(n=report.pattern_threshold), ""]
    for theme in report.themes:
        status = labels[theme.status]
        kind = labels.get(theme.kind, theme.kind)
        parts.append(f"- **{kind}** ({status}, {theme.support} {labels['support']}): {theme.text}")
        parts += ["  " + line for q in theme.evidence[:1] for line in _quote(q).splitlines()]
    return "\n".join(parts).rstrip() + "\n"
