"""Subgroup discovery: the strongest combinations of two or three traits among the best customers.

Candidates are the over-represented single traits; combinations take traits from different
columns and are ranked by weighted relative accuracy (coverage x (precision - base rate)), which
favours groups that are both large and rich in best customers. Every trait of a combination must
earn its place: without it the rest would be clearly less rich in best customers (a trait nearly
everyone has adds nothing, so "size 50-200 and uses email" is not reported as a combination).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from icp_coach.analysis.traits import Candidate

MAX_SEEDS = 14
MIN_BEST = 3
MIN_GAIN = 1.15  # a combination's precision over that of each part left when one trait is dropped


def find_subgroups(candidates: list[Candidate], traits: list[dict[str, Any]], is_best: Any,
                   limit: int = 10) -> list[dict[str, Any]]:
    import numpy as np
    from scipy.stats import fisher_exact

    best = np.asarray(is_best, dtype=bool)
    n_all, n_best = int(best.size), int(best.sum())
    if not n_best or n_best == n_all:
        return []
    base = n_best / n_all
    by_label = {c.label: c for c in candidates}
    seeds = [by_label[t["label"]] for t in sorted(traits, key=lambda t: t["p_value"])
             if t["direction"] == "over" and t["n_best"] >= MIN_BEST and t["p_value"] < 0.2
             and t["label"] in by_label][:MAX_SEEDS]
    found: list[dict[str, Any]] = []

    def precision_of(group: tuple[Candidate, ...]) -> tuple[int, int]:
        mask = np.logical_and.reduce([np.asarray(c.mask, dtype=bool) for c in group])
        return int(mask.sum()), int((mask & best).sum())

    for size in (2, 3):
        for group in combinations(seeds, size):
            if len({c.column for c in group}) < size:
                continue
            covered, hits = precision_of(group)
            if hits < MIN_BEST:
                continue
            precision = hits / covered
            if not all(_adds_to(precision, precision_of(rest)) for rest in combinations(group, size - 1)):
                continue
            found.append({
                "traits": [c.label for c in group],
                "conditions": [{"column": c.column, "kind": c.kind, "value": c.value} for c in group],
                "accounts": covered,
                "best_accounts": hits,
                "coverage": round(covered / n_all, 4),
                "share_of_best": round(hits / n_best, 4),
                "precision": round(precision, 4),
                "lift": round(precision / base, 3),
                "quality": coverage_quality(covered / n_all, precision, base),
            })
    found.sort(key=lambda g: -g["quality"])
    top = found[:limit]
    for found_group in top:
        hits, covered = found_group["best_accounts"], found_group["accounts"]
        found_group["p_value"] = float(fisher_exact([[hits, covered - hits],
                                               [n_best - hits, n_all - covered - n_best + hits]]).pvalue)
        found_group["quality"] = round(found_group["quality"], 5)
    return top


def _adds_to(precision: float, part: tuple[int, int]) -> bool:
    covered, hits = part
    return covered > 0 and precision >= MIN_GAIN * hits / covered


def coverage_quality(coverage: float, precision: float, base: float) -> float:
    return coverage * (precision - base)
