"""Score a prospect list against an ICP's filters and signals, vectorised.

Filters are knock-outs: failing any excludes the account, and the failed filter is named with the
cell that failed it. Signals are weighted: score = 100 x matched weight / all weight. Tiers: 1 at
>= 60, 2 at >= 30, else 3 (configurable), compared on exact sums so a score exactly on a
threshold lands in the higher tier. Every input column is kept; the output adds excluded,
failed_filters, score, tier, matched_signals, confidence and icp_version (plus fit_score and
intent_score when signals are typed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from icp_coach.analysis.criteria_expressions import criterion_expr, present_expr, shown_cell_expr
from icp_coach.analysis.errors import TableInputError
from icp_coach.analysis.header_mapping import map_headers, normalise_header
from icp_coach.domain.criteria import Criterion, Filter, Signal

ADDED_COLUMNS = ("excluded", "failed_filters", "score", "tier", "matched_signals", "confidence", "icp_version")
DEFAULT_TIERS = (60.0, 30.0)


@dataclass
class ScoringRules:
    filters: list[Filter]
    signals: list[Signal]
    version: str = ""
    tiers: tuple[float, float] = DEFAULT_TIERS
    columns: dict[str, str] = field(default_factory=dict)  # rule field -> file column

    @property
    def criteria(self) -> list[Criterion]:
        return [*self.filters, *self.signals]

    def fields(self) -> list[str]:
        return list(dict.fromkeys(c.field for c in self.criteria))


def resolve_columns(rules: ScoringRules, columns: list[str], source: str = "") -> ScoringRules:
    """Find the file column for each rule field: exact, then same words ignoring case and
    punctuation. A missing column is an error naming the rule and the field."""
    by_key = {normalise_header(column): column for column in columns}
    by_field = map_headers(columns).fields
    resolved: dict[str, str] = {}
    for kind, items in (("filter", rules.filters), ("signal", rules.signals)):
        for index, criterion in enumerate(items, start=1):
            if criterion.field in columns:
                resolved[criterion.field] = criterion.field
                continue
            match = by_key.get(normalise_header(criterion.field)) or by_field.get(criterion.field)
            if match is None:
                raise TableInputError(
                    f"{source}: {kind} {index} ({criterion.describe()}) needs column "
                    f"{criterion.field!r}, which the file lacks; columns: {', '.join(columns)}. "
                    "Rename the column or change the rule's field."
                )
            resolved[criterion.field] = match
    rules.columns = resolved
    return rules


def check_value_types(frame: Any, rules: ScoringRules, source: str = "") -> None:
    """A rule whose value cannot meet any cell of its column (a number rule on a text column, a
    yes/no rule on text) is a wrong-type error, not a silent 'nobody matches'."""
    import polars as pl

    from icp_coach.analysis.criteria_expressions import cell_parts

    checks = []
    for column in dict.fromkeys(rules.columns.values()):
        parts = cell_parts(column)
        checks += [(~parts.empty).sum().alias(f"{column}\x00filled"),
                   parts.number.is_not_null().sum().alias(f"{column}\x00number"),
                   parts.flag.is_not_null().sum().alias(f"{column}\x00flag")]
    if not checks:
        return
    counts = frame.select(checks).row(0, named=True) if isinstance(frame, pl.DataFrame) else \
        frame.select(checks).collect().row(0, named=True)
    for kind, items in (("filter", rules.filters), ("signal", rules.signals)):
        for index, criterion in enumerate(items, start=1):
            column = rules.columns[criterion.field]
            filled = counts[f"{column}\x00filled"]
            numbers = counts[f"{column}\x00number"]
            flags = counts[f"{column}\x00flag"] + numbers  # 1/0 count as yes/no
            wants_number = criterion.op in ("between", "gte", "lte") or (
                criterion.op == "eq" and isinstance(criterion.value, int | float)
                and not isinstance(criterion.value, bool))
            wants_flag = criterion.op == "eq" and isinstance(criterion.value, bool)
            if filled and wants_number and numbers == 0:
                raise TableInputError(
                    f"{source}: {kind} {index} ({criterion.describe()}) compares numbers, but column "
                    f"{column!r} holds no numbers; fix the rule's value or the column")
            if filled and wants_flag and flags == 0:
                raise TableInputError(
                    f"{source}: {kind} {index} ({criterion.describe()}) expects yes/no, but column "
                    f"{column!r} holds no yes/no values; fix the rule's value or the column")


def scoring_expressions(rules: ScoringRules) -> list[Any]:
    """The added columns as Polars expressions over the raw text columns (one pass, no loops)."""
    import polars as pl

    col = rules.columns
    filter_pass = [criterion_expr(f, col[f.field]) for f in rules.filters]
    failures = [
        pl.when(~passed).then(pl.lit(f.describe() + " (cell: ") + shown_cell_expr(col[f.field]) + pl.lit(")"))
        for f, passed in zip(rules.filters, filter_pass, strict=True)
    ]
    signal_hit = [criterion_expr(s, col[s.field]) for s in rules.signals]
    total = sum(s.weight for s in rules.signals)
    matched_weight: Any = pl.sum_horizontal([hit.cast(pl.Float64) * s.weight
                                             for s, hit in zip(rules.signals, signal_hit, strict=True)]) \
        if rules.signals else pl.lit(0.0)
    excluded = ~pl.all_horizontal(filter_pass) if filter_pass else pl.lit(False)
    first, second = rules.tiers
    tier = (pl.when(excluded).then(None)
            .when(matched_weight * 100 >= first * total if total else pl.lit(False)).then(1)
            .when(matched_weight * 100 >= second * total if total else pl.lit(False)).then(2)
            .otherwise(3)) if total else pl.when(excluded).then(None).otherwise(1)
    used = list(dict.fromkeys(col[c.field] for c in rules.criteria))
    present = pl.sum_horizontal([present_expr(c).cast(pl.Float64) for c in used]) / len(used) if used else pl.lit(1.0)
    matched_names = [pl.when(hit).then(pl.lit(s.describe())) for s, hit in zip(rules.signals, signal_hit, strict=True)]
    expressions = [
        excluded.alias("excluded"),
        _join(failures).alias("failed_filters"),
        (matched_weight * 100 / total if total else pl.lit(0.0)).round(2).alias("score"),
        tier.cast(pl.Int8).alias("tier"),
        _join(matched_names).alias("matched_signals"),
        present.round(2).alias("confidence"),
        pl.lit(rules.version).alias("icp_version"),
    ]
    for kind in ("fit", "intent"):
        typed = [(s, hit) for s, hit in zip(rules.signals, signal_hit, strict=True) if s.type == kind]
        if typed:
            kind_total = sum(s.weight for s, _ in typed)
            kind_sum = pl.sum_horizontal([hit.cast(pl.Float64) * s.weight for s, hit in typed])
            expressions.append((kind_sum * 100 / kind_total).round(2).alias(f"{kind}_score"))
    return expressions


def _join(parts: list[Any]) -> Any:
    import polars as pl

    if not parts:
        return pl.lit("")
    return pl.concat_list([part.cast(pl.Utf8) for part in parts]).list.drop_nulls().list.join("; ")


def score_frame(frame: Any, rules: ScoringRules) -> Any:
    """Add the scoring columns to a DataFrame or LazyFrame of raw text cells."""
    clashes = [name for name in ADDED_COLUMNS if name in frame.collect_schema().names()]
    if clashes:
        raise TableInputError(
            f"the prospect file already has column(s) {', '.join(clashes)}, which scoring adds; "
            "rename them (re-scoring a scored file: drop the old scoring columns first)")
    return frame.with_columns(scoring_expressions(rules))


def summarise(scored: Any, rules: ScoringRules) -> dict[str, Any]:
    import polars as pl

    counts = scored.select(
        pl.len().alias("accounts"),
        pl.col("excluded").sum().alias("excluded"),
        *[(pl.col("tier") == tier).sum().alias(f"tier_{tier}") for tier in (1, 2, 3)],
    ).row(0, named=True)
    by_filter = {f.describe(): 0 for f in rules.filters}
    if rules.filters:
        failed = scored.select([
            (~criterion_expr(f, rules.columns[f.field])).sum().alias(str(i)) for i, f in enumerate(rules.filters)
        ]).row(0)
        by_filter = {f.describe(): int(n) for f, n in zip(rules.filters, failed, strict=True)}
    return {
        "accounts": int(counts["accounts"]),
        "excluded": int(counts["excluded"]),
        "tiers": {str(t): int(counts[f"tier_{t}"]) for t in (1, 2, 3)},
        "excluded_by_filter": by_filter,
        "thresholds": {"tier_1": rules.tiers[0], "tier_2": rules.tiers[1]},
        "icp_version": rules.version,
    }


def score_csv_streaming(source: Path, rules: ScoringRules, target: Path) -> dict[str, Any]:
    """Stream a (well-formed, UTF-8) CSV from disk to a scored CSV without loading it whole."""
    import polars as pl

    lazy = pl.scan_csv(source, infer_schema=False)
    scored = score_frame(lazy, rules)
    scored.sink_csv(target)
    written = pl.scan_csv(target, infer_schema=False)
    summary_frame = written.select(
        pl.col("excluded").eq("true").alias("excluded"),
        pl.col("tier").cast(pl.Int8, strict=False).alias("tier"),
    ).collect(engine="streaming")
    counts = {"accounts": summary_frame.height, "excluded": int(summary_frame["excluded"].sum()),
              "tiers": {str(t): int((summary_frame["tier"] == t).sum()) for t in (1, 2, 3)},
              "thresholds": {"tier_1": rules.tiers[0], "tier_2": rules.tiers[1]},
              "icp_version": rules.version}
    return counts
