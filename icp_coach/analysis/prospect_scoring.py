"""Score a prospect list against an ICP's filters and signals, vectorised.

Filters are knock-outs: failing any excludes the account, and the failed filter is named with the
cell that failed it. Signals are weighted: score = 100 x matched weight / all weight. Tiers: 1 at
>= 60, 2 at >= 30, else 3 (configurable), compared on exact sums so a score exactly on a
threshold lands in the higher tier. Every input column is kept; the output adds excluded,
failed_filters, filter_reasons, score, tier, matched_signals, confidence and icp_version (plus
fit_score and intent_score when signals are typed; unmatched_signals on request, for the JSON
records).

With a taxonomy (domain.taxonomy), an `in` / `eq` rule on a place or trade field also matches a
cell naming the same node in another language or spelling, or a node inside one of its values
("Texas" for North America, 杭州 for 华东); filter_reasons says so per row. A cell the taxonomy
does not read keeps the exact comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from icp_coach.analysis.cell_readings import column_context, passes_by_reading
from icp_coach.analysis.criteria_expressions import (
    cell_parts,
    criterion_expr,
    present_expr,
    shown_cell_expr,
)
from icp_coach.analysis.errors import TableInputError
from icp_coach.analysis.header_mapping import by_field_name, map_headers, normalise_header
from icp_coach.domain.cell_values import read_flag, read_quantity, split_values
from icp_coach.domain.criteria import Criterion, Filter, Signal
from icp_coach.domain.taxonomy import (
    PlaceAndTradeTaxonomy,
    filter_targets,
    taxonomy_kind,
    why_within,
)

ADDED_COLUMNS = ("excluded", "failed_filters", "filter_reasons", "score", "tier", "matched_signals", "confidence",
                 "icp_version", "unmatched_signals")
DEFAULT_TIERS = (60.0, 30.0)
# where a place rule looks when the file lacks its column: the finer places lie inside the region
PLACE_FALLBACKS: dict[str, tuple[str, ...]] = {"region": ("country", "state", "city"),
                                               "country": ("state", "city"), "state": ("city",)}


@dataclass
class ScoringRules:
    filters: list[Filter]
    signals: list[Signal]
    version: str = ""
    tiers: tuple[float, float] = DEFAULT_TIERS
    columns: dict[str, str] = field(default_factory=dict)  # rule field -> file column
    taxonomy: PlaceAndTradeTaxonomy | None = None  # places and trades as trees; None: exact only
    cny_per_usd: float = 7.2  # for money cells in yuan (1.2亿, 3500万, a 万元 header)
    column_fields: dict[str, str] = field(default_factory=dict)  # file column -> canonical field

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
    rules.column_fields = {column: name for name, column in by_field.items()}
    resolved: dict[str, str] = {}
    for kind, items in (("filter", rules.filters), ("signal", rules.signals)):
        for index, criterion in enumerate(items, start=1):
            if criterion.field in columns:
                resolved[criterion.field] = criterion.field
                continue
            match = by_key.get(normalise_header(criterion.field)) or by_field.get(criterion.field)
            if match is None:
                canonical = by_field_name(criterion.field)
                match = by_field.get(canonical) if canonical else None
            if match is None:  # a region rule on a file with countries, states or provinces
                match = next((by_field[place] for place in PLACE_FALLBACKS.get(criterion.field.strip().lower(), ())
                              if place in by_field), None)
            if match is None:
                raise TableInputError(
                    f"{source}: {kind} {index} ({criterion.describe()}) needs column "
                    f"{criterion.field!r}, which the file lacks; columns: {', '.join(columns)}. "
                    "Rename the column or change the rule's field."
                )
            resolved[criterion.field] = match
    rules.columns = resolved
    return rules


def _distinct_values(frame: Any, columns: list[str]) -> dict[str, Any]:
    """The distinct cells of each column (one pass over the data, streaming for a LazyFrame)."""
    import polars as pl

    query = frame.lazy().select([pl.col(c).cast(pl.Utf8).unique().implode().alias(c) for c in columns])
    row = query.collect(engine="streaming").row(0, named=True)
    return {c: pl.Series(c, row[c], dtype=pl.Utf8) for c in columns}


def _matching_values(frame: Any, rules: ScoringRules, distinct: dict[str, Any]
                     ) -> tuple[list[Any], dict[str, Any], list[Any], list[Any]]:
    """Each rule decided once per distinct cell: for rule i, the raw cells that match it; for
    each column, the cells that hold data; for each filter, the failing cells with the message
    to show, and the cells that pass by a reading beyond the exact comparison with the reason. A
    row then needs only hash look-ups (`is_in`, `replace_strict`): the per-cell answer of
    `criterion_expr`, widened by `cell_readings.passes_by_reading` (ranges, units, yes/no
    spellings, several values in a cell) and `_taxonomy_passes` (places and trades). A `not_in`
    rule passes the filled cells its `in` twin does not."""
    import polars as pl

    columns = list(dict.fromkeys(rules.columns[c.field] for c in rules.criteria))
    present = {column: distinct[column].to_frame().filter(present_expr(column))[column].drop_nulls()
               for column in columns}
    hits: list[Any] = []
    reasons: list[Any] = []
    for index, criterion in enumerate(rules.criteria):
        column = rules.columns[criterion.field]
        context = column_context(column, rules.column_fields.get(column), criterion.field, rules.cny_per_usd)
        base = criterion.model_copy(update={"op": "in"}) if criterion.op == "not_in" else criterion
        values = distinct[column].to_frame().drop_nulls()
        decided_by_reading = context.scale != 1.0 or (context.money and context.cny_header)
        numeric = base.op in ("between", "gte", "lte") or (
            base.op == "eq" and isinstance(base.value, int | float) and not isinstance(base.value, bool))
        parts = cell_parts(column)
        if decided_by_reading and numeric:  # '3500' under a 万元 header is not 3,500
            exact = values.filter(pl.lit(False))[column]
            unread = values.filter(present_expr(column))[column]
        else:
            exact = values.filter(criterion_expr(base, column))[column]
            failing = values.filter(~criterion_expr(base, column) & present_expr(column))
            # only cells a reading can change: not plain numbers, yes/no words, single values
            readable = (parts.number.is_null() if numeric
                        else parts.flag.is_null() & parts.number.is_null() if isinstance(base.value, bool)
                        else parts.text.str.contains(r"[;；|，、,/]") if base.op in ("in", "eq")
                        else pl.lit(False))
            unread = failing.filter(readable.fill_null(False))[column]
        widened = passes_by_reading(base, unread.to_list(), context)
        if rules.taxonomy is not None and base.op in ("in", "eq"):
            rest = values.filter(~criterion_expr(base, column) & parts.text.is_not_null())[column]
            rest_cells = [cell for cell in rest.to_list() if cell not in widened]
            widened.update(_taxonomy_passes(base, rest_cells, rules.taxonomy, context.level))
        passed = pl.concat([exact, pl.Series(column, list(widened), dtype=pl.Utf8)]) if widened else exact
        if criterion.op == "not_in":
            passed_set = set(passed.to_list())
            chosen = present[column].filter(~present[column].is_in(list(passed_set)))
            hits.append(chosen)
            widened = {}
        else:
            hits.append(passed)
        if index < len(rules.filters):
            reasons.append((pl.Series(column, list(widened), dtype=pl.Utf8),
                            pl.Series("__reason__", list(widened.values()), dtype=pl.Utf8)))
    failures = []
    for index, f in enumerate(rules.filters):
        column = rules.columns[f.field]
        failing = (distinct[column].to_frame().drop_nulls()
                   .filter(~pl.col(column).is_in(hits[index].implode()))
                   .with_columns((pl.lit(f.describe() + " (cell: ") + shown_cell_expr(column) + pl.lit(")"))
                                 .alias("__message__")))
        failures.append((failing[column], failing["__message__"]))
    return hits, present, failures, reasons


def _taxonomy_passes(criterion: Criterion, cells: list[str], taxonomy: PlaceAndTradeTaxonomy | None,
                     level: str | None = None) -> dict[str, str]:
    """The cells (of those failing the exact comparison) that name a value of an `in` / `eq`
    rule on a place or trade field, or a node inside one, each with the reason to show; a cell
    holding several places ('US; Canada') passes when one of them does."""
    kind = taxonomy_kind(criterion.field) or (taxonomy_kind(level) if level else None)
    if taxonomy is None or kind is None or criterion.op not in ("in", "eq"):
        return {}
    values = criterion.value if criterion.op == "in" else [criterion.value]
    if not any(isinstance(value, str) for value in values):
        return {}
    targets = filter_targets(taxonomy, kind, values)
    passes: dict[str, str] = {}
    for cell in cells:
        items = split_values(cell, commas=False) if kind == "region" else [cell]
        for item in dict.fromkeys([cell, *items] if len(items) > 1 else [cell]):
            reason = why_within(taxonomy, kind, criterion.field, item, targets, level)
            if reason is None and len(item) <= 3 and item.isascii() and item.isalpha() and item != item.upper():
                reason = why_within(taxonomy, kind, criterion.field, item.upper(), targets, level)
            if reason is not None:
                passes[cell] = reason if item == cell else f"{reason} (one of {cell})"
                break
    return passes


def check_value_types(frame: Any, rules: ScoringRules, source: str = "",
                      distinct: dict[str, Any] | None = None) -> None:
    """A rule whose value cannot meet any cell of its column (a number rule on a text column, a
    yes/no rule on text) is a wrong-type error, not a silent 'nobody matches'."""
    columns = list(dict.fromkeys(rules.columns.values()))
    if distinct is None:
        distinct = _distinct_values(frame, columns)
    counts: dict[str, tuple[int, int, int]] = {}
    for column in columns:
        parts = cell_parts(column)
        row = distinct[column].to_frame().select(
            (~parts.empty).sum().alias("filled"), parts.number.is_not_null().sum().alias("numbers"),
            parts.flag.is_not_null().sum().alias("flags")).row(0)
        numbers, flags = int(row[1]), int(row[2])
        if numbers == 0 or flags == 0:  # ranges, '$12.5M', 'Y' / 是 / ✓ count too
            texts = distinct[column].to_frame().filter(parts.text.is_not_null())[column].to_list()
            if numbers == 0:
                numbers = sum(read_quantity(t) is not None for t in texts)
            if flags == 0:
                flags = sum(read_flag(t) is not None for t in texts)
        counts[column] = (int(row[0]), numbers, flags)
    for kind, items in (("filter", rules.filters), ("signal", rules.signals)):
        for index, criterion in enumerate(items, start=1):
            column = rules.columns[criterion.field]
            filled, numbers, flags = counts[column]
            wants_number = criterion.op in ("between", "gte", "lte") or (
                criterion.op == "eq" and isinstance(criterion.value, int | float)
                and not isinstance(criterion.value, bool))
            wants_flag = criterion.op == "eq" and isinstance(criterion.value, bool)
            if filled and wants_number and numbers == 0:
                raise TableInputError(
                    f"{source}: {kind} {index} ({criterion.describe()}) compares numbers, but column "
                    f"{column!r} holds no numbers; fix the rule's value or the column")
            if filled and wants_flag and flags + numbers == 0:  # 1/0 count as yes/no
                raise TableInputError(
                    f"{source}: {kind} {index} ({criterion.describe()}) expects yes/no, but column "
                    f"{column!r} holds no yes/no values; fix the rule's value or the column")


def scoring_expressions(rules: ScoringRules, hits: list[Any], present_values: dict[str, Any],
                        failing: list[Any], distinct_counts: dict[str, int] | None = None,
                        reasons: list[Any] | None = None) -> tuple[list[list[Any]], list[Any]]:
    """Two steps of Polars expressions: first each rule as a look-up of the row's cell among
    the cells known to match it (see `_matching_values`), kept in helper columns; then the added
    columns computed from those helpers."""
    import polars as pl

    columns = list(dict.fromkeys(rules.columns[c.field] for c in rules.criteria))
    n_filters = len(rules.filters)
    helpers = [_member_expr(rules.columns[c.field], values, distinct_counts).alias(f"__hit_{i}")
               for i, (c, values) in enumerate(zip(rules.criteria, hits, strict=True))]
    helpers += [_member_expr(c, present_values[c], distinct_counts).alias(f"__present_{i}")
                for i, c in enumerate(columns)]
    present = {c: pl.col(f"__present_{i}") for i, c in enumerate(columns)}
    filter_pass = [pl.col(f"__hit_{i}") for i in range(n_filters)]
    failures = []
    for f, (cells, messages) in zip(rules.filters, failing, strict=True):
        column = pl.col(rules.columns[f.field]).cast(pl.Utf8)
        empty = pl.when(column.is_null()).then(pl.lit(f.describe() + " (cell: empty)"))
        failures.append(empty.otherwise(column.replace_strict(cells, messages, default=None, return_dtype=pl.Utf8))
                        if cells.len() else empty)
    explained = [pl.col(rules.columns[f.field]).cast(pl.Utf8)
                 .replace_strict(cells, texts, default=None, return_dtype=pl.Utf8)
                 for f, (cells, texts) in zip(rules.filters, reasons or [], strict=False) if cells.len()]
    signal_hit = [pl.col(f"__hit_{n_filters + i}") for i in range(len(rules.signals))]
    excluded = ~pl.all_horizontal(filter_pass) if filter_pass else pl.lit(False)
    confidence = (pl.sum_horizontal([present[c] for c in columns]).cast(pl.Float64) / len(columns)) \
        if columns else pl.lit(1.0)
    stages = [helpers]
    if 0 < len(rules.signals) <= MAX_PATTERN_SIGNALS:
        # which signals matched, as one small integer; every figure per pattern is computed once
        stages.append([pl.sum_horizontal([hit.cast(pl.Int32) * (1 << i) for i, hit in enumerate(signal_hit)])
                       .alias("__pattern__")])
        by_pattern = _pattern_tables(rules)
        pattern = pl.col("__pattern__")
        codes = list(range(1 << len(rules.signals)))

        def lookup(values: list[Any], dtype: Any) -> Any:
            return pattern.replace_strict(codes, values, return_dtype=dtype)

        score = lookup(by_pattern["score"], pl.Float64)
        tier = pl.when(excluded).then(None).otherwise(lookup(by_pattern["tier"], pl.Int8))
        matched = lookup(by_pattern["matched"], pl.Utf8)
        unmatched = lookup(by_pattern["unmatched"], pl.Utf8)
        typed_scores: dict[str, Any] = {kind: lookup(by_pattern[kind], pl.Float64)
                                        for kind in ("fit", "intent") if kind in by_pattern}
    else:
        score, tier, matched, unmatched, typed_scores = _direct_figures(rules, signal_hit, excluded)
    expressions = [
        excluded.alias("excluded"),
        _join(failures).alias("failed_filters"),
        _join(explained).alias("filter_reasons"),
        score.alias("score"),
        tier.cast(pl.Int8).alias("tier"),
        matched.alias("matched_signals"),
        confidence.round(2).alias("confidence"),
        pl.lit(rules.version).alias("icp_version"),
        unmatched.alias("unmatched_signals"),
        *[value.alias(f"{kind}_score") for kind, value in typed_scores.items()],
    ]
    return stages, expressions


MAX_PATTERN_SIGNALS = 12


def _tier(matched_weight: float, total: float, tiers: tuple[float, float]) -> int:
    if not total:
        return 1  # filters only: every account that passes them is tier 1
    # compared on exact sums, so a score exactly on a threshold lands in the higher tier
    if matched_weight * 100 >= tiers[0] * total:
        return 1
    return 2 if matched_weight * 100 >= tiers[1] * total else 3


def _pattern_tables(rules: ScoringRules) -> dict[str, list[Any]]:
    """Score, tier, matched text (and fit / intent scores) for every combination of signals."""
    total = sum(s.weight for s in rules.signals)
    tables: dict[str, list[Any]] = {"score": [], "tier": [], "matched": [], "unmatched": []}
    kinds = {kind: sum(s.weight for s in rules.signals if s.type == kind) for kind in ("fit", "intent")}
    for kind, kind_total in kinds.items():
        if kind_total:
            tables[kind] = []
    for code in range(1 << len(rules.signals)):
        chosen = [s for i, s in enumerate(rules.signals) if code >> i & 1]
        weight = sum(s.weight for s in chosen)
        tables["score"].append(round(100 * weight / total, 2))
        tables["tier"].append(_tier(weight, total, rules.tiers))
        tables["matched"].append("; ".join(s.describe() for s in chosen))
        tables["unmatched"].append("; ".join(s.describe() for i, s in enumerate(rules.signals) if not code >> i & 1))
        for kind, kind_total in kinds.items():
            if kind_total:
                tables[kind].append(round(100 * sum(s.weight for s in chosen if s.type == kind) / kind_total, 2))
    return tables


def _direct_figures(rules: ScoringRules, signal_hit: list[Any], excluded: Any) -> tuple[Any, Any, Any, Any, dict[str, Any]]:
    """The same figures as expressions per row, for rule sets with many signals (or none)."""
    import polars as pl

    total = sum(s.weight for s in rules.signals)
    pairs = list(zip(rules.signals, signal_hit, strict=True))
    matched_weight: Any = pl.sum_horizontal([hit.cast(pl.Float64) * s.weight for s, hit in pairs]) \
        if pairs else pl.lit(0.0)
    first, second = rules.tiers
    if total:
        tier = (pl.when(excluded).then(None)
                .when(matched_weight * 100 >= first * total).then(1)
                .when(matched_weight * 100 >= second * total).then(2)
                .otherwise(3))
    else:
        tier = pl.when(excluded).then(None).otherwise(1)
    score = (matched_weight * 100 / total if total else pl.lit(0.0)).round(2)
    matched = _join([pl.when(hit).then(pl.lit(s.describe())) for s, hit in pairs])
    unmatched = _join([pl.when(~hit).then(pl.lit(s.describe())) for s, hit in pairs])
    typed: dict[str, Any] = {}
    for kind in ("fit", "intent"):
        chosen = [(s, hit) for s, hit in pairs if s.type == kind]
        if chosen:
            kind_total = sum(s.weight for s, _ in chosen)
            kind_sum = pl.sum_horizontal([hit.cast(pl.Float64) * s.weight for s, hit in chosen])
            typed[kind] = (kind_sum * 100 / kind_total).round(2)
    return score, tier, matched, unmatched, typed


def _member_expr(column: str, values: Any, distinct_counts: dict[str, int] | None) -> Any:
    """Is the row's cell one of `values` (never for an empty cell)? The look-up is skipped
    when no cell or every non-empty distinct cell is in `values`."""
    import polars as pl

    if values.len() == 0:
        return pl.lit(False)
    if distinct_counts is not None and values.len() == distinct_counts.get(column):
        return pl.col(column).is_not_null()
    return pl.col(column).cast(pl.Utf8).is_in(values.implode()).fill_null(False)


def _join(parts: list[Any]) -> Any:
    import polars as pl

    if not parts:
        return pl.lit("")
    return pl.concat_str([part.cast(pl.Utf8) for part in parts], separator="; ", ignore_nulls=True)


def score_frame(frame: Any, rules: ScoringRules, *, source: str = "", check_types: bool = True,
                unmatched: bool = False) -> Any:
    """Add the scoring columns to a DataFrame (returns a DataFrame) or a LazyFrame (returns a
    LazyFrame) of raw text cells. Row order is kept. Rules whose value type cannot meet their
    column are refused first (see `check_value_types`). `unmatched` adds unmatched_signals (the
    JSON records carry it; in the CSV it is implied by matched_signals)."""
    import polars as pl

    names = frame.collect_schema().names()
    clashes = [name for name in ADDED_COLUMNS if name in names]
    if clashes:
        raise TableInputError(
            f"the prospect file already has column(s) {', '.join(clashes)}, which scoring adds; "
            "rename them (re-scoring a scored file: drop the old scoring columns first)")
    columns = list(dict.fromkeys(rules.columns[c.field] for c in rules.criteria))
    distinct = _distinct_values(frame, columns)
    if check_types:
        check_value_types(frame, rules, source, distinct)
    hits, present_values, failing, reasons = _matching_values(frame, rules, distinct)
    counts = {column: int(values.drop_nulls().len()) for column, values in distinct.items()}
    stages, added = scoring_expressions(rules, hits, present_values, failing, counts, reasons)
    scored = frame.lazy()
    for stage in stages:
        scored = scored.with_columns(stage)
    if not unmatched:
        added = [e for e in added if e.meta.output_name() != "unmatched_signals"]
    scored = scored.with_columns(added).drop([h.meta.output_name() for stage in stages for h in stage])
    return scored.collect() if isinstance(frame, pl.DataFrame) else scored


MAX_UNREADABLE = 20
EXPECTED = {"number": "a number, a range or an amount (120, 51-200, 500+, $12.5M, 3500万)",
            "yes/no": "yes or no (Y/N, TRUE/FALSE, 1/0, 是/否, ✓)"}


def unreadable_cells(frame: Any, rules: ScoringRules, line_column: str = "__line__") -> list[dict[str, Any]]:
    """Filled cells a number rule or a yes/no rule cannot read, with line, column, the cell and
    what was expected: they fail filters and match no signal, so the user should know which."""
    import polars as pl

    found: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for criterion in rules.criteria:
        numeric = criterion.op in ("between", "gte", "lte") or (
            criterion.op == "eq" and isinstance(criterion.value, int | float) and not isinstance(criterion.value, bool))
        flag = criterion.op == "eq" and isinstance(criterion.value, bool)
        column = rules.columns.get(criterion.field)
        if not (numeric or flag) or column is None or (column, str(flag)) in seen:
            continue
        seen.add((column, str(flag)))
        parts = cell_parts(column)
        texts = frame.lazy().select(pl.col(column)).filter(parts.text.is_not_null()).unique().collect()[column]
        read = read_flag if flag else read_quantity
        bad = [t for t in texts.to_list() if read(t) is None and not (flag and read_quantity(t) is not None)]
        if not bad:
            continue
        rows = (frame.lazy().filter(pl.col(column).is_in(bad)).select(
            pl.col(line_column) if line_column in frame.collect_schema().names() else pl.lit(None).alias(line_column),
            pl.col(column)).head(MAX_UNREADABLE).collect())
        for line, cell in rows.iter_rows():
            found.append({"line": line, "column": column, "cell": cell,
                          "expected": EXPECTED["yes/no" if flag else "number"], "rule": criterion.describe()})
    return found[:MAX_UNREADABLE]


def summarise(scored: Any, rules: ScoringRules) -> dict[str, Any]:
    import polars as pl

    counts = scored.select(
        pl.len().alias("accounts"),
        pl.col("excluded").sum().alias("excluded"),
        *[(pl.col("tier") == tier).sum().alias(f"tier_{tier}") for tier in (1, 2, 3)],
    ).row(0, named=True)
    by_filter: dict[str, int] = {}
    for f in rules.filters:
        prefix = f.describe() + " (cell: "
        failed = scored.select(pl.col("failed_filters").str.contains(prefix, literal=True).sum()).item()
        by_filter[f.describe()] = int(failed)
    return {
        "accounts": int(counts["accounts"]),
        "excluded": int(counts["excluded"]),
        "tiers": {str(t): int(counts[f"tier_{t}"]) for t in (1, 2, 3)},
        "excluded_by_filter": by_filter,
        "thresholds": {"tier_1": rules.tiers[0], "tier_2": rules.tiers[1]},
        "icp_version": rules.version,
    }


def score_csv_streaming(source: Path, rules: ScoringRules, target: Path, *,
                        neutralise: bool = True) -> dict[str, Any]:
    """Stream a (well-formed, UTF-8) CSV from disk to a scored CSV without loading it whole;
    formula-looking cells neutralised (spreadsheet_safety) unless told otherwise."""
    import polars as pl

    from icp_coach.analysis.spreadsheet_safety import neutralise_formulas

    lazy = pl.scan_csv(source, infer_schema=False)
    scored = score_frame(lazy, rules, source=str(source))
    if neutralise:
        scored = neutralise_formulas(scored)
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
