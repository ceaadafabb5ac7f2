"""Distinctive traits as suggested ICP filters and signals, with the numbers behind each.

A trait most best customers share (>= 50% of them) may become a knock-out filter; a rarer one
becomes a weighted signal, so a suggested filter never throws away most of the best customers.
A value rare among the best customers is a red flag, unless a filter on its column already keeps
those accounts out (`country in [germany, austria]` makes "country = france" say nothing new).
Tech-stack items are always signals (typed "fit"). Values of one column are merged into one rule.
"""

from __future__ import annotations

from typing import Any

FILTER_MIN_SHARE_BEST = 0.5


def suggest_rules(traits: list[dict[str, Any]]) -> dict[str, Any]:
    by_column: dict[str, list[dict[str, Any]]] = {}
    for trait in traits:
        if trait["distinctive"] and trait["direction"] == "over":
            by_column.setdefault(trait["column"], []).append(trait)
    filters: list[dict[str, Any]] = []
    signals: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    for column, items in by_column.items():
        kind = items[0]["kind"]
        if kind in ("range", "size_band"):
            strongest = min(items, key=lambda t: (t["q_value"], -t["lift"]))
            low, high = strongest["range"]
            rule: dict[str, Any] = ({"field": column, "op": "gte", "value": low} if high is None
                                    else {"field": column, "op": "between", "value": [low, high]})
            chosen = [strongest]
        elif kind == "item":
            for item in items:
                rule = {"field": column, "op": "contains", "value": item["value"],
                        "weight": _weight(item["lift"]), "type": "fit"}
                signals.append(rule)
                evidence.append(_evidence(rule, [item], "signal"))
            continue
        elif kind == "flag":
            chosen = [items[0]]
            rule = {"field": column, "op": "eq", "value": items[0]["value"]}
        else:
            chosen = items
            values = [t["value"] for t in items]
            rule = {"field": column, "op": "eq", "value": values[0]} if len(values) == 1 else \
                {"field": column, "op": "in", "value": values}
        share_best = min(1.0, sum(t["share_best"] for t in chosen))
        if share_best >= FILTER_MIN_SHARE_BEST:
            filters.append(rule)
            evidence.append(_evidence(rule, chosen, "filter"))
        else:
            signal = {**rule, "weight": _weight(max(t["lift"] for t in chosen)), "type": "fit"}
            signals.append(signal)
            evidence.append(_evidence(signal, chosen, "signal"))
    filtered = {rule["field"] for rule in filters}
    red_flags = [{"description": f"{t['label']}: {t['share_best']:.0%} of best customers vs "
                                 f"{t['share_rest']:.0%} of the rest (lift {t['lift']:.2f})"}
                 for t in traits if t["distinctive"] and t["direction"] == "under" and t["share_rest"] >= 0.1
                 and t["column"] not in filtered][:5]
    return {"filters": filters, "signals": signals, "red_flags": red_flags, "evidence": evidence}


def filters_keep(evidence: list[dict[str, Any]], masks: dict[str, Any], is_best: Any) -> dict[str, Any]:
    """How many accounts, and what share of the best customers, pass all suggested filters
    together (values of one filter are alternatives; filters stack)."""
    import numpy as np

    best = np.asarray(is_best, dtype=bool)
    keep = np.ones(best.size, dtype=bool)
    for item in evidence:
        if item["role"] != "filter":
            continue
        either = np.zeros(best.size, dtype=bool)
        for trait in item["traits"]:
            either |= np.asarray(masks[trait["label"]], dtype=bool)
        keep &= either
    n_best = int(best.sum())
    return {"accounts": int(keep.sum()), "best_customers": int((keep & best).sum()),
            "share_of_best": round(float((keep & best).sum()) / n_best, 4) if n_best else None}


def _weight(lift: float) -> float:
    return float(max(1, min(3, round(lift))))


def _evidence(rule: dict[str, Any], traits: list[dict[str, Any]], role: str) -> dict[str, Any]:
    return {
        "role": role,
        "rule": rule,
        "traits": [{key: t[key] for key in ("label", "share_best", "share_rest", "lift", "q_value")}
                   for t in traits],
        "why": ("most best customers share it, so it can be a knock-out" if role == "filter"
                else "over-represented among the best but not shared by most, so a weighted signal"),
    }
