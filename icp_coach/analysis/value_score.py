"""Which customers are the best: a weighted, rank-based value score.

Each criterion turns a column into a percentile rank (1 = best), so an outlier LTV counts no more
than the top rank and a missing cell simply leaves that criterion out of the account's average.
Defaults follow the method: high lifetime value (counted twice), low cost to serve (relative to
ACV when ACV is known), referrals, a short sales cycle, high NPS, expansion; churned accounts are
never best. The top share (default 15%) are the best customers, each listed with why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from icp_coach.analysis.errors import TableInputError

# criterion -> (column, higher is better, label)
VALUE_CRITERIA: dict[str, tuple[str, bool, str]] = {
    "lifetime_value": ("lifetime_value_usd", True, "lifetime value"),
    "cost_to_serve": ("cost_to_serve_usd", False, "cost to serve"),
    "referrals": ("referrals", True, "referrals"),
    "sales_cycle": ("sales_cycle_days", False, "sales cycle (days)"),
    "nps": ("nps", True, "NPS"),
    "expanded": ("expanded", True, "expanded"),
    "churned": ("churned", False, "churned"),
}
DEFAULT_WEIGHTS: dict[str, float] = {
    "lifetime_value": 2.0, "cost_to_serve": 1.0, "referrals": 1.0, "sales_cycle": 1.0,
    "nps": 0.5, "expanded": 0.5, "churned": 1.0,
}
VALUE_COLUMNS = frozenset(column for column, _, _ in VALUE_CRITERIA.values()) | {"acv_usd"}
DEFAULT_TOP_SHARE = 0.15
MAX_LISTED = 1000  # best customers listed with reasons; all are flagged in the ranked frame


def parse_weights(text: str | None) -> dict[str, float]:
    """'lifetime_value=3,nps=0' over the defaults; a weight of 0 turns a criterion off."""
    weights = dict(DEFAULT_WEIGHTS)
    if not text:
        return weights
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        name, sep, number = part.partition("=")
        name = name.strip()
        if not sep or name not in VALUE_CRITERIA:
            raise TableInputError(
                f"--weights {part.strip()!r}: write NAME=NUMBER with NAME one of {', '.join(VALUE_CRITERIA)}")
        try:
            value = float(number)
        except ValueError as error:
            raise TableInputError(f"--weights {part.strip()!r}: {number.strip()!r} is not a number") from error
        if value < 0:
            raise TableInputError(f"--weights {part.strip()!r}: weights cannot be negative")
        weights[name] = value
    return weights


@dataclass
class BestCustomers:
    frame: Any  # the clean frame plus value_score (0-1), value_rank (1 = best), is_best
    criteria_used: dict[str, float]
    top_share: float
    best: list[dict[str, Any]] = field(default_factory=list)
    best_count: int = 0


def rank_customers(frame: Any, weights: dict[str, float] | None = None,
                   top_share: float = DEFAULT_TOP_SHARE) -> BestCustomers:
    import polars as pl

    if not 0 < top_share < 1:
        raise TableInputError(f"--top {top_share}: give a share between 0 and 1, e.g. 0.15")
    weights = weights or DEFAULT_WEIGHTS
    used = {name: weight for name, weight in weights.items()
            if weight > 0 and VALUE_CRITERIA[name][0] in frame.columns and name != "churned"}
    gate = weights.get("churned", 0) > 0 and "churned" in frame.columns
    if not used:
        wanted = ", ".join(VALUE_CRITERIA[name][0] for name in weights if weights[name] > 0)
        raise TableInputError(
            f"no value column found to rank customers (looked for {wanted}); "
            "map one with --map COLUMN=FIELD, e.g. --map 'Customer LTV=lifetime_value_usd'")
    percentiles = []
    for name in used:
        column, higher_better, _ = VALUE_CRITERIA[name]
        value = pl.col(column)
        if name == "cost_to_serve" and "acv_usd" in frame.columns:
            value = pl.when(pl.col("acv_usd") > 0).then(value / pl.col("acv_usd")).otherwise(None)
        value = value.cast(pl.Float64)
        rank = value.rank("average")
        count = value.is_not_null().sum()
        pct = (rank - 1) / pl.max_horizontal(count - 1, pl.lit(1))
        percentiles.append((pct if higher_better else 1 - pct).alias(f"__pct_{name}"))
    scored = frame.with_columns(percentiles)
    numerator = pl.sum_horizontal([pl.col(f"__pct_{n}").fill_null(0) * w for n, w in used.items()])
    denominator = pl.sum_horizontal([pl.col(f"__pct_{n}").is_not_null().cast(pl.Float64) * w for n, w in used.items()])
    score = pl.when(denominator > 0).then(numerator / denominator).otherwise(None)
    scored = scored.with_columns(score.alias("value_score"))
    eligible = pl.col("value_score").is_not_null()
    if gate:
        eligible = eligible & ~pl.col("churned").fill_null(False)
    scored = scored.with_columns(eligible.alias("__eligible__"))
    order_key = pl.when(pl.col("__eligible__")).then(pl.col("value_score")).otherwise(pl.col("value_score") - 2)
    scored = scored.with_columns(order_key.rank("ordinal", descending=True).alias("value_rank"))
    n_best = max(1, round(top_share * scored.height))
    scored = scored.with_columns(((pl.col("value_rank") <= n_best) & pl.col("__eligible__")).alias("is_best"))
    best_rows = scored.filter(pl.col("is_best")).sort("value_rank").head(MAX_LISTED)
    best = [_why(row, used, gate) for row in best_rows.iter_rows(named=True)]
    frame_out = scored.drop([c for c in scored.columns if c.startswith("__pct_") or c == "__eligible__"])
    best_count = int(scored.select(pl.col("is_best").sum()).item())
    return BestCustomers(frame_out, {**used, **({"churned": weights["churned"]} if gate else {})}, top_share, best,
                         best_count)


def _why(row: dict[str, Any], used: dict[str, float], gate: bool) -> dict[str, Any]:
    reasons = []
    for name in sorted(used, key=lambda n: -(row.get(f"__pct_{n}") or 0)):
        pct = row.get(f"__pct_{name}")
        if pct is None or pct < 0.7:
            continue
        column, _, label = VALUE_CRITERIA[name]
        value = row.get(column)
        shown = ("yes" if value else "no") if isinstance(value, bool) else f"{value:,.0f}" if isinstance(value, float) else value
        reasons.append(f"{label} {shown} (top {max(1, round(100 * (1 - pct)))}%)")
    if gate:
        reasons.append("not churned")
    return {
        "account_id": row.get("account_id"),
        "company": row.get("company"),
        "line": row.get("__line__"),
        "value_score": round(float(row["value_score"]), 4),
        "rank": int(row["value_rank"]),
        "why": reasons,
    }
