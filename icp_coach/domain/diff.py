"""Field-level differences between two versions of an ICP: the "iterate" step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from icp_coach.domain.icp import ICPDocument

ChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class FieldChange:
    path: str
    kind: ChangeKind
    old: Any = None
    new: Any = None


def _flatten(value: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}.{key}" if prefix else key, out)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for position, item in enumerate(value):
            _flatten(item, f"{prefix}[{position}]", out)
    else:
        out[prefix] = value


def diff_icp(old: ICPDocument, new: ICPDocument) -> list[FieldChange]:
    """Changes from `old` to `new`; list fields of words report the items added and removed."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    _flatten(old.model_dump(mode="json"), "", before)
    _flatten(new.model_dump(mode="json"), "", after)
    changes: list[FieldChange] = []
    for path in sorted(set(before) | set(after)):
        was, now = before.get(path), after.get(path)
        if was == now:
            continue
        if isinstance(was, list) and isinstance(now, list):
            removed = [item for item in was if item not in now]
            added = [item for item in now if item not in was]
            if added:
                changes.append(FieldChange(path, "added", None, added))
            if removed:
                changes.append(FieldChange(path, "removed", removed, None))
        elif path not in before or was in (None, "", []):
            changes.append(FieldChange(path, "added", None, now))
        elif path not in after or now in (None, "", []):
            changes.append(FieldChange(path, "removed", was, None))
        else:
            changes.append(FieldChange(path, "changed", was, now))
    return changes
