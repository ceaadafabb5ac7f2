"""Role templates: what is usually true of a buying role, to be verified, never shown as observed.

A template is a Markdown file with `## <field>` sections (title, seniority, team, goals,
decision_criteria, watering_holes, objections "objection :: answer", to_learn).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RoleTemplate:
    title: str = ""
    seniority: str = ""
    team: str = ""
    goals: list[str] = field(default_factory=list)
    decision_criteria: list[str] = field(default_factory=list)
    watering_holes: list[str] = field(default_factory=list)
    objections: list[tuple[str, str]] = field(default_factory=list)
    to_learn: list[str] = field(default_factory=list)


def parse_role_template(text: str) -> RoleTemplate:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip().lower(), [])
        elif current is not None and line:
            current.append(line[2:].strip() if line.startswith("- ") else line)
    objections = []
    for line in sections.get("objections", []):
        objection, _, answer = line.partition("::")
        objections.append((objection.strip(), answer.strip()))

    def first(name: str) -> str:
        return " ".join(sections.get(name, []))

    return RoleTemplate(
        title=first("title"),
        seniority=first("seniority"),
        team=first("team"),
        goals=sections.get("goals", []),
        decision_criteria=sections.get("decision_criteria", []),
        watering_holes=sections.get("watering_holes", []),
        objections=objections,
        to_learn=sections.get("to_learn", []),
    )
