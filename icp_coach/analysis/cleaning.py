"""Clean a mapped CRM table with Polars expressions, and account for every change.

Rules: trim, collapse spaces and lower-case categories; numbers like "1,200", "$1.2M", "1.2万",
"3 亿元" (CNY converted to USD in *_usd fields); booleans in any common spelling, Chinese included;
blank words ("", "N/A", "-", "null", "无"...) become empty; a list column (tech stack) becomes a
list of lower-case tokens; duplicate rows by account id are removed (identical) or reported
(conflicting). Every fix is counted with examples; every unusable row is listed with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from icp_coach.analysis.errors import TableInputError
from icp_coach.analysis.header_mapping import FIELD_KINDS, HeaderMapping
from icp_coach.analysis.table_reading import LINE, RawTable, RowProblem
from icp_coach.domain.cell_values import NO_WORDS, YES_WORDS, header_unit, middle, read_quantity
from icp_coach.domain.taxonomy import PlaceAndTradeTaxonomy, same_place_spellings
from icp_coach.text.money import CELL_CNY as _CNY
from icp_coach.text.money import CELL_CURRENCY as _CURRENCY
from icp_coach.text.numbers import CELL_NUMBER as _NUMBER
from icp_coach.text.numbers import CELL_SCALES as _MULTIPLIERS

EMPTY_WORDS = ["", "n/a", "na", "null", "none", "-", "--", "nan", "#n/a", "无数据", "空", "不详", "未知"]
TRUE_WORDS = sorted(YES_WORDS)
FALSE_WORDS = sorted(NO_WORDS)
_LIST_SEPARATORS = r"[;,|；，、/]"
MAX_EXAMPLES = 3


@dataclass
class CleaningFix:
    column: str
    rule: str
    count: int
    examples: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"column": self.column, "rule": self.rule, "count": self.count, "examples": self.examples}


@dataclass
class CleanTable:
    """Canonical columns typed (Float64, Boolean, Utf8, List[Utf8]) plus the extra columns and LINE."""

    frame: Any
    mapping: HeaderMapping
    source: str
    kinds: dict[str, str]  # column in `frame` -> number | money | bool | category | list | id | name
    fixes: list[CleaningFix] = field(default_factory=list)
    unusable: list[RowProblem] = field(default_factory=list)
    rows_read: int = 0

    def summary(self) -> dict[str, Any]:
        return {
            "rows_read": self.rows_read,
            "rows_used": int(self.frame.height),
            "mapping": self.mapping.report(),
            "fixes": [fix.as_dict() for fix in self.fixes],
            "unusable_rows": [problem.as_dict() for problem in self.unusable],
        }


def text_expr(column: str) -> Any:
    """Trimmed text, None when blank or a blank word."""
    import polars as pl

    trimmed = pl.col(column).str.strip_chars()
    return pl.when(trimmed.str.to_lowercase().is_in(EMPTY_WORDS)).then(None).otherwise(trimmed)


def category_expr(column: str) -> Any:
    return text_expr(column).str.replace_all(r"\s+", " ").str.to_lowercase()


def number_expr(column: str, *, money: bool = False, cny_per_usd: float = 7.2) -> Any:
    import polars as pl

    compact = text_expr(column).str.to_lowercase().str.replace_all(r"[\s\u00a0]", "")
    bare = compact.str.replace_all(_CURRENCY, "")
    parts = bare.str.extract_groups(_NUMBER)
    number = parts.struct.field("number").str.replace_all(",", "").cast(pl.Float64, strict=False)
    unit = parts.struct.field("unit").replace_strict(_MULTIPLIERS, default=1.0, return_dtype=pl.Float64)
    value = number * unit.fill_null(1.0)
    if money:
        value = pl.when(compact.str.contains(_CNY)).then(value / cny_per_usd).otherwise(value)
    return value


def bool_expr(column: str) -> Any:
    import polars as pl

    word = text_expr(column).str.to_lowercase()
    return pl.when(word.is_in(TRUE_WORDS)).then(True).when(word.is_in(FALSE_WORDS)).then(False).otherwise(None)


def list_expr(column: str) -> Any:
    import polars as pl

    tokens = category_expr(column).str.replace_all(_LIST_SEPARATORS, ";").str.split(";")
    item = pl.element().str.strip_chars()
    return tokens.list.eval(item.filter(item != "")).list.unique(maintain_order=True)


def _cell_number(cell: str | None, money: bool, scale: float, cny_header: bool, cny_per_usd: float) -> float | None:
    if cell is None:
        return None
    quantity = read_quantity(cell, money=money, column_scale=scale, column_cny=cny_header, cny_per_usd=cny_per_usd)
    return None if quantity is None else middle(quantity)


def infer_extra_kind(series: Any) -> str:
    """An unmapped column is a number, a boolean or a category, by what most of its cells are."""
    import polars as pl

    frame = series.to_frame("c")
    filled = frame.select(text_expr("c").alias("t")).drop_nulls()
    if filled.height == 0:
        return "category"
    numbers = frame.select(number_expr("c").alias("n"))["n"].drop_nulls().len()
    bools = frame.select(bool_expr("c").alias("b"))["b"].drop_nulls().len()
    if bools >= 0.95 * filled.height and filled.select(pl.col("t").str.to_lowercase().n_unique()).item() <= 4:
        return "bool"
    if numbers >= 0.9 * filled.height:
        return "number"
    return "category"


def clean_table(raw: RawTable, mapping: HeaderMapping, *, cny_per_usd: float = 7.2,
                key_field: str = "account_id", places: PlaceAndTradeTaxonomy | None = None) -> CleanTable:
    """Typed, normalised columns under their canonical names; rows deduplicated by `key_field`
    (a deals export has many deals per account: it is keyed by deal_id, else by whole rows)."""
    import polars as pl

    frame = raw.frame
    kinds: dict[str, str] = {}
    plans: list[tuple[str, str, str]] = []  # (source column, output name, kind)
    for canonical, column in mapping.fields.items():
        plans.append((column, canonical, FIELD_KINDS[canonical]))
    for column in mapping.unmapped:
        if column.strip() == "" or column == LINE:
            continue
        # a second column that also looks like a mapped field keeps its data under another name
        name = f"{column} (unmapped)" if column in mapping.fields else column
        plans.append((column, name, infer_extra_kind(frame[column])))
    fixes: list[CleaningFix] = []
    columns = [frame[LINE]]
    for source, name, kind in plans:
        series, column_fixes = _clean_column(frame, source, name, kind, cny_per_usd)
        columns.append(series.alias(name))
        kinds[name] = kind
        fixes.extend(column_fixes)
    cleaned = pl.DataFrame(columns)
    if places is not None:
        cleaned, place_fixes = _merge_place_spellings(cleaned, kinds, places)
        fixes.extend(place_fixes)
    cleaned, unusable, dup_fixes = _deduplicate(cleaned, kinds, key_field)
    fixes.extend(dup_fixes)
    unusable = sorted(raw.problems + unusable, key=lambda problem: problem.line)
    return CleanTable(cleaned, mapping, raw.source, kinds, [f for f in fixes if f.count], unusable,
                      rows_read=raw.frame.height + len(raw.problems))


PLACE_COLUMNS = {"country": "country", "state": "state", "city": "state", "region": None}


def _merge_place_spellings(frame: Any, kinds: dict[str, str], places: PlaceAndTradeTaxonomy) -> tuple[Any, list[CleaningFix]]:
    """One spelling per place in place columns ('DE', 'Deutschland' -> germany; 浙江省 -> 浙江), so a
    country is one trait, not three."""
    import polars as pl

    fixes: list[CleaningFix] = []
    for column, level in PLACE_COLUMNS.items():
        if column not in frame.columns or kinds.get(column) != "category":
            continue
        counts = dict(frame[column].drop_nulls().value_counts().iter_rows())
        renamed = same_place_spellings(places, list(counts), level, counts)
        if not renamed:
            continue
        changed = frame[column].is_in(list(renamed))
        examples = [{"line": int(line), "before": before, "after": renamed[before]}
                    for line, before in frame.filter(changed).select(LINE, column).head(MAX_EXAMPLES).iter_rows()]
        frame = frame.with_columns(pl.col(column).replace(renamed))
        fixes.append(CleaningFix(column, "spellings of one place merged", int(changed.sum()), examples))
    return frame, fixes


def _clean_column(frame: Any, source: str, name: str, kind: str, cny_per_usd: float) -> tuple[Any, list[CleaningFix]]:
    """The typed column and its fixes. Cells already clean (a plain number, lower-case text)
    take a fast path; only the rest go through the full parsing and accounting."""
    import polars as pl

    raw = frame[source]
    expr = _typed_expr(source, kind, cny_per_usd)
    if kind in ("number", "money"):
        typed = raw.str.strip_chars().cast(pl.Float64, strict=False) if raw.dtype == pl.Utf8 else raw.cast(pl.Float64)
        scale, cny_header = header_unit(source)
        from_header = scale != 1.0 or (cny_header and kind == "money")
        plain = raw.str.contains(r"^[0-9]+(\.[0-9]+)?$").fill_null(False) & (not from_header)
        needs = raw.is_not_null() & ~plain
        if needs.any():
            subset = frame.filter(needs)
            parsed = subset.select(expr.alias("v"))["v"]
            # what the polars parser leaves (ranges, '500+', '100-499人') or the header scales (万元)
            retry = parsed.is_null() | from_header
            if retry.any():
                readings = [_cell_number(cell, kind == "money", scale, cny_header, cny_per_usd)
                            for cell in subset[source].filter(retry).to_list()]
                parsed = parsed.scatter(retry.arg_true(), pl.Series(readings, dtype=pl.Float64))
            subset = subset.with_columns(parsed.alias("__typed__"))
            fixes = _account_fixes(subset, source, name, kind, pl.col("__typed__"))
            if from_header:
                fixes.append(CleaningFix(name, f"unit from the header ({source}): x{scale:,.0f}"
                                         + (", CNY converted to USD" if cny_header and kind == "money" else ""),
                                         int(parsed.is_not_null().sum()), []))
            return typed.scatter(needs.arg_true(), parsed), fixes
        return typed, []
    typed = frame.select(expr.alias(name))[name]
    shown = typed.list.join(";") if kind == "list" else typed.cast(pl.Utf8)
    needs = raw.is_not_null() & ((raw != shown) | shown.is_null()).fill_null(True)
    if kind == "bool":
        needs = raw.is_not_null() & ~raw.is_in(["true", "false"])
    if not needs.any():
        return typed, []
    return typed, _account_fixes(frame.filter(needs), source, name, kind, expr)


def _typed_expr(column: str, kind: str, cny_per_usd: float) -> Any:
    if kind in ("number", "money"):
        return number_expr(column, money=kind == "money", cny_per_usd=cny_per_usd)
    if kind == "bool":
        return bool_expr(column)
    if kind == "list":
        return list_expr(column)
    if kind in ("category", "outcome"):
        return category_expr(column)
    return text_expr(column).str.replace_all(r"\s+", " ")  # id, name: keep their case


def _account_fixes(frame: Any, source: str, name: str, kind: str, typed: Any) -> list[CleaningFix]:
    """Count each kind of change in one pass, with a few examples (line, before, after)."""
    import polars as pl

    raw = pl.col(source)
    trimmed = raw.str.strip_chars()
    lowered = trimmed.str.to_lowercase()
    blank_word = raw.is_not_null() & lowered.is_in(EMPTY_WORDS) & (lowered != "")
    checks: dict[str, Any] = {"blank word made empty": blank_word}
    if kind in ("number", "money"):
        compact = lowered.str.replace_all(r"[\s\u00a0]", "")
        checks["thousands separator removed"] = compact.str.contains(r"[0-9],[0-9]{3}")
        checks["currency symbol removed"] = compact.str.contains(_CURRENCY)
        checks["range or open band read as its middle (51-200 -> 125.5, 500+ -> 500)"] = (
            compact.str.contains(r"[0-9][^0-9,.]*(-|–|~|～|to|至|到)[^0-9]*[0-9]|[0-9]\+$|以上|以下|少于|under|over")
            & typed.is_not_null())
        checks["unit expanded (k, M, 万, 亿)"] = compact.str.contains(r"[0-9](k|thousand|千|m|mm|mn|million|百万|千万|万|b|bn|billion|十亿|亿)$")
        if kind == "money":
            checks["CNY converted to USD"] = compact.str.contains(_CNY) & typed.is_not_null()
        checks["not a number: left empty"] = raw.is_not_null() & ~blank_word & typed.is_null() & (lowered != "")
    elif kind == "bool":
        checks["yes/no spelling normalised"] = typed.is_not_null() & ~lowered.is_in(["true", "false"])
        checks["case normalised"] = typed.is_not_null() & lowered.is_in(["true", "false"]) & (raw != lowered)
        checks["not a yes/no value: left empty"] = raw.is_not_null() & ~blank_word & typed.is_null() & (lowered != "")
    elif kind in ("category", "outcome"):
        checks["spaces trimmed"] = raw.is_not_null() & ~blank_word & (raw != raw.str.strip_chars().str.replace_all(r"\s+", " "))
        checks["case normalised"] = raw.is_not_null() & ~blank_word & (trimmed.str.replace_all(r"\s+", " ") != typed)
    elif kind == "list":
        canonical = typed.list.join(";")
        checks["list spelling normalised (case, spaces, separators)"] = raw.is_not_null() & ~blank_word & (raw != canonical)
    else:
        checks["spaces trimmed"] = raw.is_not_null() & ~blank_word & (raw != trimmed.str.replace_all(r"\s+", " "))
    flags = frame.select([pl.col(LINE), raw.alias("__before__"), typed.alias("__after__"),
                          *[check.fill_null(False).alias(rule) for rule, check in checks.items()]])
    fixes: list[CleaningFix] = []
    counts = flags.select([pl.col(rule).sum() for rule in checks]).row(0)
    for rule, count in zip(checks, counts, strict=True):
        if not count:
            continue
        examples_frame = flags.filter(pl.col(rule)).head(MAX_EXAMPLES if "left empty" not in rule else 10_000)
        examples = [{"line": int(line), "before": before, "after": _plain(after)}
                    for line, before, after in examples_frame.select(LINE, "__before__", "__after__").iter_rows()]
        fixes.append(CleaningFix(name, rule, int(count), examples))
    return fixes


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if hasattr(value, "to_list"):
        return ";".join(str(item) for item in value.to_list())
    return value


def _deduplicate(frame: Any, kinds: dict[str, str],
                 key_field: str = "account_id") -> tuple[Any, list[RowProblem], list[CleaningFix]]:
    """Identical rows by id: keep the first, count the rest. Same id, different data: keep the
    first and report the others as unusable. Rows with no id are unusable when ids are given."""
    import polars as pl

    problems: list[RowProblem] = []
    fixes: list[CleaningFix] = []
    data_columns = [name for name in frame.columns if name != LINE]
    if key_field in frame.columns:
        missing = frame.filter(pl.col(key_field).is_null())
        problems += [RowProblem(int(line), f"no {key_field.replace('_', ' ')}") for line in missing[LINE]]
        frame = frame.filter(pl.col(key_field).is_not_null())
        key = [key_field]
    else:
        key = data_columns
    hashed = frame.with_columns(pl.struct(data_columns).hash().alias("__hash__"))
    firsts = hashed.group_by(key, maintain_order=True).agg(pl.col(LINE).first().alias("__first__"),
                                                          pl.col("__hash__").first().alias("__first_hash__"))
    joined = hashed.join(firsts, on=key, how="left", nulls_equal=True)
    later = joined.filter(pl.col(LINE) != pl.col("__first__"))
    identical = later.filter(pl.col("__hash__") == pl.col("__first_hash__"))
    conflicting = later.filter(pl.col("__hash__") != pl.col("__first_hash__"))
    if identical.height:
        fixes.append(CleaningFix(key_field if key == [key_field] else "(row)", "duplicate row removed",
                                 identical.height,
                                 [{"line": int(line), "before": f"same as line {int(first)}", "after": None}
                                  for line, first in identical.select(LINE, "__first__").iter_rows()]))
    for line, first, *ident in conflicting.select(LINE, "__first__", *key[:1]).iter_rows():
        problems.append(RowProblem(int(line), f"duplicate {key_field.replace('_', ' ')} {ident[0]!r} with different data; "
                                              f"kept line {int(first)}"))
    kept = joined.filter(pl.col(LINE) == pl.col("__first__")).select(frame.columns)
    return kept, problems, fixes


def require_fields(table: CleanTable, needed: list[str], purpose: str) -> None:
    """An unmappable file: say which fields were looked for and how to map them."""
    present = [name for name in needed if name in table.frame.columns]
    if present:
        return
    headers = ", ".join(repr(c) for c in [*table.mapping.fields.values(), *table.mapping.unmapped])
    raise TableInputError(
        f"{table.source}: none of the columns needed for {purpose} were recognised "
        f"(looked for: {', '.join(needed)}); headers are {headers}. "
        "Name them with --map COLUMN=FIELD, e.g. --map 'Customer LTV=lifetime_value_usd'"
    )
