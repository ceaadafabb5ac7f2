"""The cells a rule's exact comparison cannot judge, read as a person reads them: '51-200' and
'500+' against a number rule, '$12.5M' and '1.2亿' against a revenue bound (yuan to USD), a
'3500' under a 万元 header, 'Y' / 是 / ✓ against a yes/no rule, 'US; Canada' against an `in` rule.

Each pass carries the reason shown in filter_reasons, so a reading is never silent.
"""

from __future__ import annotations

from dataclasses import dataclass

from icp_coach.analysis.header_mapping import FIELD_KINDS, by_field_name
from icp_coach.domain.cell_values import header_unit, reading_reason
from icp_coach.domain.criteria import Criterion
from icp_coach.domain.taxonomy import PLACE_LEVELS


@dataclass(frozen=True)
class ColumnContext:
    money: bool  # amounts in USD: yuan are converted
    scale: float  # the header's unit (1e4 for 万元), for cells without one
    cny_header: bool
    level: str | None  # country | state for place columns
    cny_per_usd: float = 7.2


def column_context(column: str, canonical: str | None, rule_field: str, cny_per_usd: float = 7.2) -> ColumnContext:
    field = canonical or by_field_name(rule_field) or rule_field
    money = FIELD_KINDS.get(field) == "money" or rule_field.lower().endswith("_usd")
    scale, cny = header_unit(column)
    return ColumnContext(money, scale, cny, PLACE_LEVELS.get(field), cny_per_usd)


def passes_by_reading(criterion: Criterion, cells: list[str], context: ColumnContext) -> dict[str, str]:
    """The cells (failing the exact comparison) that pass when read for what they mean, each
    with the reason (`cell_values.reading_reason`)."""
    passes: dict[str, str] = {}
    for cell in cells:
        reason = reading_reason(criterion.field, criterion.op, criterion.value, cell, money=context.money,
                                column_scale=context.scale, column_cny=context.cny_header,
                                cny_per_usd=context.cny_per_usd)
        if reason is not None:
            passes[cell] = reason
    return passes
