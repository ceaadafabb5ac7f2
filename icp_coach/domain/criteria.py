"""Filters and signals as machine-readable criteria, and the one function that evaluates them.

A filter is a knock-out: a record failing it is excluded. A signal adds its weight to a score when
it matches. Both are decided by `matches(criterion, record)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from icp_coach.domain.cell_values import reading_reason
from icp_coach.domain.cells import Cell, normalise_cell

Op = Literal["eq", "in", "not_in", "between", "gte", "lte", "contains"]
OPS: tuple[str, ...] = ("eq", "in", "not_in", "between", "gte", "lte", "contains")

# how people write the ops in a hand-made ICP file -> the op (compared lower-cased, spaces as _)
OP_SPELLINGS: dict[str, str] = {
    "=": "eq", "==": "eq", "equals": "eq", "is": "eq",
    "not in": "not_in", "notin": "not_in", "nin": "not_in", "!in": "not_in", "not_one_of": "not_in",
    "exclude": "not_in", "excludes": "not_in", "none_of": "not_in",
    "one_of": "in", "any_of": "in", "is_in": "in",
    ">=": "gte", "min": "gte", "at_least": "gte", "<=": "lte", "max": "lte", "at_most": "lte",
    "range": "between", "contains_any": "contains", "contains any": "contains", "has": "contains",
    "has_any": "contains", "includes": "contains",
}


class Criterion(BaseModel):
    """A rule on one field of an account record."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(min_length=1)
    op: Op
    value: Any
    description: str = ""

    @model_validator(mode="before")
    @classmethod
    def _op_as_people_write_it(cls, data: Any) -> Any:
        """'not in', 'contains any', '>=' -> the op; `between` open on one side (null or a
        missing bound) -> gte / lte, so every later step sees one of OPS."""
        if not isinstance(data, dict) or not isinstance(data.get("op"), str):
            return data
        data = dict(data)
        spelled = data["op"].strip().lower()
        data["op"] = OP_SPELLINGS.get(spelled) or OP_SPELLINGS.get(spelled.replace(" ", "_")) \
            or spelled.replace(" ", "_")
        value = data.get("value")
        if data["op"] == "between" and isinstance(value, list | tuple) and len(value) == 2:
            low, high = value
            if low is None and high is not None:
                data["op"], data["value"] = "lte", high
            elif high is None and low is not None:
                data["op"], data["value"] = "gte", low
        if data["op"] == "contains" and isinstance(value, list | tuple) and len(value) == 1:
            data["value"] = value[0]
        return data

    @model_validator(mode="after")
    def _value_fits_op(self) -> Criterion:
        if self.op == "between":
            if not isinstance(self.value, list | tuple) or len(self.value) != 2:
                raise ValueError("op 'between' takes a [min, max] pair (null for an open side)")
            low, high = self.value
            if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high)):
                raise ValueError("op 'between' takes two numbers")
            if low > high:
                raise ValueError(f"op 'between' has min {low} above max {high}")
        elif self.op in ("in", "not_in"):
            if not isinstance(self.value, list | tuple) or not self.value:
                raise ValueError(f"op '{self.op}' takes a non-empty list of values")
        elif self.op in ("gte", "lte"):
            if not isinstance(self.value, int | float) or isinstance(self.value, bool):
                raise ValueError(f"op '{self.op}' takes a number")
        elif self.op == "contains":
            needles = self.value if isinstance(self.value, list | tuple) else [self.value]
            if not needles or not all(isinstance(v, str) and v.strip() for v in needles):
                raise ValueError("op 'contains' takes a non-empty text, or a list of texts (any of them)")
        return self

    def needles(self) -> list[str]:
        """The texts a `contains` rule looks for, lower-cased (it matches when any is there)."""
        values = self.value if isinstance(self.value, list | tuple) else [self.value]
        return [str(v).strip().lower() for v in values]

    def describe(self) -> str:
        if self.description:
            return self.description
        value = self.value
        if self.op == "between":
            return f"{self.field} between {_number(value[0])} and {_number(value[1])}"
        if self.op == "in":
            return f"{self.field} in {', '.join(str(v) for v in value)}"
        if self.op == "not_in":
            return f"{self.field} not in {', '.join(str(v) for v in value)}"
        if self.op == "contains" and isinstance(value, list | tuple):
            return f"{self.field} contains any of {', '.join(str(v) for v in value)}"
        symbols = {"eq": "=", "gte": ">=", "lte": "<=", "contains": "contains"}
        shown = _number(value) if self.op in ("gte", "lte") else value
        return f"{self.field} {symbols[self.op]} {shown}"


def _number(value: float) -> str:
    """10000000 as '10,000,000' (never '1e+07'); 2.5 stays '2.5'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


class Filter(Criterion):
    """A knock-out criterion."""


SignalType = Literal["fit", "intent"]


class Signal(Criterion):
    """A weighted criterion; `type` keeps fit (who they are) apart from intent (what they do now)."""

    weight: float = Field(default=1.0, gt=0)
    type: SignalType | None = None


def _target(value: Any) -> Cell:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return normalise_cell(value)


def matches(criterion: Criterion, record: Mapping[str, Any]) -> bool:
    """Does `record` pass this filter / match this signal? An empty or missing cell never does."""
    raw = record.get(criterion.field)
    cell = normalise_cell(raw)
    if cell is None:
        return False
    op, value = criterion.op, criterion.value
    if op == "contains":
        text = cell if isinstance(cell, str) else str(cell).lower()
        return any(needle in text for needle in criterion.needles())
    if op == "not_in":
        return not matches(criterion.model_copy(update={"op": "in"}), record)
    exact = _exact(criterion, cell)
    if exact or not isinstance(raw, str):
        return exact
    # '51-200', '$12.5M', 'Y', 'US; Canada': what the cell means, beyond its text
    return reading_reason(criterion.field, op, value, raw) is not None


def _exact(criterion: Criterion, cell: Cell) -> bool:
    op, value = criterion.op, criterion.value
    if op == "eq":
        return _same(cell, _target(value))
    if op == "in":
        return any(_same(cell, _target(v)) for v in value)
    if isinstance(cell, bool) or not isinstance(cell, float):
        return False  # a numeric comparison on text or a boolean never matches
    if op == "between":
        return float(value[0]) <= cell <= float(value[1])
    if op == "gte":
        return cell >= float(value)
    if op == "lte":
        return cell <= float(value)
    raise ValueError(f"unknown op {op!r}")


def _same(cell: Cell, target: Cell) -> bool:
    if isinstance(target, bool) and isinstance(cell, float) and cell in (0.0, 1.0):
        return (cell == 1.0) == target  # "1" / "0" in a yes-no column
    if isinstance(cell, bool) or isinstance(target, bool):
        return isinstance(cell, bool) and isinstance(target, bool) and cell == target
    return cell == target


def fields_used(criteria: list[Filter] | list[Signal] | list[Criterion]) -> list[str]:
    seen: dict[str, None] = {}
    for criterion in criteria:
        seen.setdefault(criterion.field, None)
    return list(seen)
