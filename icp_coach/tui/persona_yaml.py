"""Personas as editable YAML: written out for the editor, read back and checked with pydantic.

A problem is reported with the line it is on, found by walking the YAML node tree along the
pydantic error's location, so the editor can put the cursor there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from icp_coach.domain.persona import SECTIONS

# Kept even when empty, so the editor shows where each kind of content goes.
ALWAYS_SHOWN = frozenset({"role", "name", "title", "goals", "pains", "basis", "text"})


@dataclass
class PersonaTextError(Exception):
    """What is wrong with the edited text, and on which line (1-based)."""

    line: int
    where: str
    problem: str

    def __str__(self) -> str:
        where = f" ({self.where})" if self.where else ""
        return f"line {self.line}{where}: {self.problem}"


_STATUS: dict[str, dict[str, str]] = {
    "draft": {"en": "draft", "zh": "草稿"},
    "hypothesis": {"en": "hypothesis", "zh": "假设"},
    "line": {"en": "# {name} ({role}): {level}, {count} evidence item(s); with a source: goals {goals}, pains {pains}",
             "zh": "# {name}（{role}）：{level}，{count} 条证据；有来源：目标 {goals}，痛点 {pains}"},
    "todo": {"en": "# interviews still to run:", "zh": "# 还需要做的访谈："},
}


def persona_status(persona: Any, language: str = "en") -> list[str]:
    """What the editor says above a persona: its evidence level and the interviews still to run."""
    lang = "zh" if language == "zh" else "en"
    counted = persona.with_evidence_level()
    lines = [_STATUS["line"][lang].format(
        name=counted.name, role=counted.role, level=_STATUS[counted.evidence_level][lang],
        count=counted.evidence_count,
        goals=f"{counted.evidenced.get('goals', 0)}/{len(counted.goals)}",
        pains=f"{counted.evidenced.get('pains', 0)}/{len(counted.pains)}")]
    if counted.to_learn:
        lines.append(_STATUS["todo"][lang])
        lines += [f"#   - {' '.join(step.split())}" for step in counted.to_learn]
    return lines


def personas_to_yaml(personas: list[Any], language: str = "en") -> str:
    """The personas as YAML, empty optional fields left out (they may be added back); each one
    headed by comments giving its evidence level and the interviews still to run."""
    import yaml

    if not personas:
        return "[]\n"
    parts = []
    for persona in personas:
        body = yaml.safe_dump([_prune(persona.model_dump(mode="json"))], allow_unicode=True,
                              sort_keys=False, width=100)
        parts.append("\n".join(persona_status(persona, language)) + "\n" + body)
    return "".join(parts)


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _prune(item) for key, item in value.items()
                if key in ALWAYS_SHOWN or item not in ("", [], None)}
    if isinstance(value, list):
        return [_prune(item) for item in value]
    return value


def parse_personas(text: str) -> list[Any]:
    """The edited YAML as validated Persona objects; PersonaTextError names the line otherwise."""
    import yaml
    from pydantic import TypeAdapter, ValidationError

    from icp_coach.domain.persona import Persona

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise PersonaTextError(mark.line + 1 if mark else 1, "", str(problem)) from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise PersonaTextError(1, "", "expected a list of personas, each starting with '- role:'")
    try:
        return TypeAdapter(list[Persona]).validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        where = ".".join(f"[{part}]" if isinstance(part, int) else str(part) for part in location)
        raise PersonaTextError(_line_of(text, location), where.replace(".[", "["),
                               first["msg"]) from error


def _line_of(text: str, location: tuple[Any, ...]) -> int:
    """The line of the YAML node at `location` (or of the closest enclosing node)."""
    import yaml

    node = yaml.compose(text)
    line = node.start_mark.line if node is not None else 0
    for part in location:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        elif isinstance(node, yaml.MappingNode):
            pairs = [(key, value) for key, value in node.value if key.value == str(part)]
            if not pairs:
                break  # a missing field: the persona (or item) that lacks it
            key, node = pairs[0]
            line = key.start_mark.line
            continue
        else:
            break
        line = node.start_mark.line
    return line + 1


def unverify_new_quotes(edited: list[Any], original: list[Any]) -> list[Any]:
    """`verified` stays only on evidence that was already verified before the edit: a quote typed
    or changed in the editor was never checked against its transcript."""
    checked = {evidence.key() for persona in original for item in persona.items()
               for evidence in item.evidence if evidence.verified}
    result = []
    for persona in edited:
        update: dict[str, Any] = {}
        for section in SECTIONS:
            items = getattr(persona, section)
            update[section] = [item.model_copy(update={"evidence": [
                evidence if not evidence.verified or evidence.key() in checked
                else evidence.model_copy(update={"verified": False})
                for evidence in item.evidence]}) for item in items]
        result.append(persona.model_copy(update=update))
    return result
