"""The `customers` use case end to end: read, map, clean, rank, find traits, suggest rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from icp_coach.analysis.cleaning import CleanTable, clean_table, require_fields
from icp_coach.analysis.header_mapping import map_headers, parse_overrides
from icp_coach.analysis.icp_suggestions import filters_keep, suggest_rules
from icp_coach.analysis.subgroups import find_subgroups
from icp_coach.analysis.table_reading import read_table
from icp_coach.analysis.traits import candidate_traits, measure_traits
from icp_coach.analysis.value_score import DEFAULT_TOP_SHARE, VALUE_CRITERIA, rank_customers
from icp_coach.domain.taxonomy import PlaceAndTradeTaxonomy


def load_clean_table(path: str | Path, *, mappings: tuple[str, ...] | list[str] = (),
                     encoding: str | None = None, sheet: str | None = None,
                     cny_per_usd: float = 7.2, places: PlaceAndTradeTaxonomy | None = None) -> CleanTable:
    raw = read_table(path, encoding=encoding, sheet=sheet)
    mapping = map_headers(raw.columns, parse_overrides(list(mappings)), source=str(path))
    return clean_table(raw, mapping, cny_per_usd=cny_per_usd, places=places)


def analyse_customers(table: CleanTable, *, weights: dict[str, float] | None = None,
                      top_share: float = DEFAULT_TOP_SHARE) -> dict[str, Any]:
    require_fields(table, [column for column, _, _ in VALUE_CRITERIA.values()], "ranking customers by value")
    ranked = rank_customers(table.frame, weights, top_share)
    is_best = ranked.frame["is_best"].to_numpy()
    candidates = candidate_traits(ranked.frame, table.kinds)
    traits = measure_traits(candidates, is_best)
    subgroups = find_subgroups(candidates, traits, is_best)
    suggested = suggest_rules(traits)
    suggested["filters_keep"] = filters_keep(suggested["evidence"], {c.label: c.mask for c in candidates}, is_best)
    return {
        "source": table.source,
        "customers": int(ranked.frame.height),
        "top_share": top_share,
        "value_criteria": ranked.criteria_used,
        "best_customers": ranked.best,
        "best_customers_total": ranked.best_count,
        "traits": traits,
        "subgroups": subgroups,
        "suggested_icp": suggested,
        "import": table.summary(),
    }
