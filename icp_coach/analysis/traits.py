"""What sets the best customers apart: every candidate trait with its statistics.

Candidates: each value of a category column, each item of a list column (tech stack), yes/no
columns, and numeric columns cut into data-driven bins (quintiles, rounded to readable edges) plus
the standard company-size bands for employees. For each: share among the best vs the rest, lift
(share among the best / share among all), Fisher's exact test, Benjamini-Hochberg q-value, and a
95% Wilson interval. A trait is distinctive when q < 0.05 and its lift is far from 1, so a trait
everyone has (lift near 1) is never distinctive however frequent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from icp_coach.analysis.value_score import VALUE_COLUMNS

SIZE_BANDS: tuple[tuple[float, float | None], ...] = ((1, 10), (10, 50), (50, 200), (200, 1000), (1000, None))
MIN_COUNT = 5  # a value seen fewer times is not tested
MAX_CATEGORIES = 60
Q_THRESHOLD = 0.05
LIFT_OVER = 1.25
LIFT_UNDER = 0.8
SKIP_KINDS = {"id", "name", "outcome"}


@dataclass
class Candidate:
    column: str
    kind: str  # value | item | flag | range | size_band
    value: Any  # text, bool, or [low, high] (high None = open-ended)
    label: str
    mask: Any  # numpy bool array over the customers


def candidate_traits(frame: Any, kinds: dict[str, str]) -> list[Candidate]:
    import numpy as np
    import polars as pl

    candidates: list[Candidate] = []
    height = frame.height
    for column, kind in kinds.items():
        if column in VALUE_COLUMNS or kind in SKIP_KINDS or column not in frame.columns:
            continue
        series = frame[column]
        if kind == "category":
            counts = series.drop_nulls().value_counts(sort=True)
            if counts.height > MAX_CATEGORIES and counts.height > 0.5 * height:
                continue  # free text, not a category
            values = series.to_numpy()
            for value, count in counts.iter_rows():
                if count >= MIN_COUNT:
                    candidates.append(Candidate(column, "value", value, f"{column} = {value}", values == value))
        elif kind == "list":
            exploded = frame.select(pl.col(column).list.unique()).explode(column)[column].drop_nulls()
            for value, count in exploded.value_counts(sort=True).iter_rows():
                if count >= MIN_COUNT:
                    mask = frame.select(pl.col(column).list.contains(value).fill_null(False))[column].to_numpy()
                    candidates.append(Candidate(column, "item", value, f"{column} has {value}", mask))
        elif kind == "bool":
            for flag in (True, False):
                mask = (series == flag).fill_null(False).to_numpy()
                if mask.sum() >= MIN_COUNT:
                    candidates.append(Candidate(column, "flag", flag, f"{column} = {'yes' if flag else 'no'}", mask))
        elif kind in ("number", "money"):
            numbers = series.cast(pl.Float64).to_numpy()
            known = ~np.isnan(numbers)
            if known.sum() < 2 * MIN_COUNT:
                continue
            bands = list(SIZE_BANDS) if column == "employees" else []
            for low, high in bands:
                mask = known & (numbers >= low) & ((numbers < high) if high is not None else True)
                if mask.sum() >= MIN_COUNT:
                    candidates.append(Candidate(column, "size_band", [low, high], f"{column} {_range_text(low, high)}", mask))
            for low, high in _quantile_bins(numbers[known]):
                if bands and any((low, high) == band for band in bands):
                    continue
                mask = known & (numbers >= low) & ((numbers < high) if high is not None else True)
                if mask.sum() >= MIN_COUNT:
                    candidates.append(Candidate(column, "range", [low, high], f"{column} {_range_text(low, high)}", mask))
    return candidates


def _quantile_bins(values: Any) -> list[tuple[float, float | None]]:
    import numpy as np

    edges = sorted({_nice(float(q)) for q in np.quantile(values, [0.2, 0.4, 0.6, 0.8])})
    low_edge = _nice_floor(float(values.min()))
    points = [low_edge, *[e for e in edges if e > low_edge]]
    return [(points[i], points[i + 1] if i + 1 < len(points) else None) for i in range(len(points))]


def _nice(value: float) -> float:
    if value == 0:
        return 0.0
    digits = 2 - int(math.floor(math.log10(abs(value)))) - 1
    return float(round(value, digits))


def _nice_floor(value: float) -> float:
    if value <= 0:
        return math.floor(value)
    magnitude = 10 ** int(math.floor(math.log10(value)))
    return float(math.floor(value / magnitude) * magnitude)


def _range_text(low: float, high: float | None) -> str:
    if high is None:
        return f"{low:,.0f}+" if low == int(low) else f"{low:,g}+"
    return f"{low:,.0f}-{high:,.0f}" if low == int(low) and high == int(high) else f"{low:,g}-{high:,g}"


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    if total == 0:
        return (0.0, 1.0)
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return (max(0.0, centre - spread), min(1.0, centre + spread))


def measure_traits(candidates: list[Candidate], is_best: Any) -> list[dict[str, Any]]:
    """Statistics for each candidate; sorted with distinctive over-represented traits first."""
    import numpy as np
    from scipy.stats import false_discovery_control, fisher_exact

    best = np.asarray(is_best, dtype=bool)
    n_best = int(best.sum())
    n_all = int(best.size)
    n_rest = n_all - n_best
    results: list[dict[str, Any]] = []
    for candidate in candidates:
        mask = np.asarray(candidate.mask, dtype=bool)
        a = int((mask & best).sum())
        c = int(mask.sum()) - a
        share_best = a / n_best if n_best else 0.0
        share_rest = c / n_rest if n_rest else 0.0
        share_all = (a + c) / n_all if n_all else 0.0
        lift = share_best / share_all if share_all else 0.0
        p_value = float(fisher_exact([[a, n_best - a], [c, n_rest - c]]).pvalue) if n_best and n_rest else 1.0
        low, high = wilson(a, n_best)
        results.append({
            "column": candidate.column,
            "kind": candidate.kind,
            "value": None if candidate.kind in ("range", "size_band") else candidate.value,
            "range": candidate.value if candidate.kind in ("range", "size_band") else None,
            "label": candidate.label,
            "n_best": a, "n_rest": c,
            "share_best": round(share_best, 4), "share_rest": round(share_rest, 4),
            "share_all": round(share_all, 4),
            "lift": round(lift, 3),
            "share_best_ci": [round(low, 4), round(high, 4)],
            "lift_ci": [round(low / share_all, 3) if share_all else None,
                        round(high / share_all, 3) if share_all else None],
            "p_value": p_value,
        })
    if results:
        q_values = false_discovery_control([r["p_value"] for r in results], method="bh")
        for result, q in zip(results, q_values, strict=True):
            result["q_value"] = float(q)
            over = result["lift"] >= LIFT_OVER and result["n_best"] >= 3
            under = result["lift"] <= LIFT_UNDER
            result["direction"] = "over" if result["lift"] > 1 else "under"
            result["distinctive"] = bool(q < Q_THRESHOLD and (over or under))
    results.sort(key=lambda r: (not (r["distinctive"] and r["direction"] == "over"), not r["distinctive"],
                                r["q_value"], -r["lift"]))
    for rank, result in enumerate(results, start=1):
        result["rank"] = rank
    return results
