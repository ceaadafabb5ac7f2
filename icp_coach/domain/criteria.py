"""Filters and signals as machine-readable criteria, and the one function that evaluates them.

A filter is a knock-out: a record failing it is excluded. A signal adds its weight to a score when
it matches. Both are decided by `matches(criterion, record)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from icp_coach.domain.cells import Cell, normalise_cell, split_list

Op = Literal["eq", "in", "between", "gte", "lte", "contains"]
OPS: tuple[str, ...] = ("eq", "in", "between", "gte", "lte", "contains")


class Criterion(BaseModel):
    """A rule on one field of an account record."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(min_length=1)
    op: Op
    value: Any
    description: str = ""

    @model_validator(mode="after")
    def _value_fits_op(self) -> Criterion:
        if self.op == "between":
            if not isinstance(self.value, list | tuple) or len(self.value) != 2:
                raise ValueError("op 'between' takes a [min, max] pair")
            low, high = self.value
            if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high)):
                raise ValueError("op 'between' takes two numbers")
            if low > high:
                raise ValueError(f"op 'between' has min {low} above max {high}")
        elif self.op == "in":
            if not isinstance(self.value, list | tuple) or not self.value:
                raise ValueError("op 'in' takes a non-empty list of values")
        elif self.op in ("gte", "lte"):
            if not isinstance(self.value, int | float) or isinstance(self.value, bool):
                raise ValueError(f"op '{self.op}' takes a number")
        elif self.op == "contains":
            if not isinstance(self.value, str) or not self.value.strip():
                raise ValueError("op 'contains' takes a non-empty text")
        return self

    def describe(self) -> str:
        if self.description:
            return self.description
        value = self.value
        if self.op == "between":
            return f"{self.field} between {_number(value[0])} and {_number(value[1])}"
        if self.op == "in":
            return f"{self.field} in {', '.join(str(v) for v in value)}"
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
        needle = str(value).strip().lower()
        if isinstance(cell, str):
            return needle in cell or any(needle in item for item in split_list(cell))
        return needle in str(cell).lower()
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
