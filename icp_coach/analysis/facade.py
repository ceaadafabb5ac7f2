"""The analysis adapter as one object, built by bootstrap.make_app(): what the CLI and the TUI
call to read customer and prospect tables, rank best customers, score and size the market."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from icp_coach.analysis.table_reading import LINE
from icp_coach.analysis.value_score import DEFAULT_TOP_SHARE
from icp_coach.domain.taxonomy import PlaceAndTradeTaxonomy


@dataclass
class TableAnalysis:
    cny_per_usd: float = 7.2
    line_column: str = LINE  # the column with each row's source line, for messages
    taxonomy: PlaceAndTradeTaxonomy | None = None  # for filters on places and trades (Texas in North America)

    def read_customers(self, path: str | Path, *, mappings: tuple[str, ...] | list[str] = (),
                       encoding: str | None = None, sheet: str | None = None) -> Any:
        from icp_coach.analysis.customer_analysis import load_clean_table

        return load_clean_table(path, mappings=mappings, encoding=encoding, sheet=sheet, cny_per_usd=self.cny_per_usd,
                                places=self.taxonomy)

    def analyse_customers(self, table: Any, *, weights: str | None = None,
                          top_share: float = DEFAULT_TOP_SHARE) -> dict[str, Any]:
        from icp_coach.analysis.customer_analysis import analyse_customers
        from icp_coach.analysis.value_score import parse_weights

        return analyse_customers(table, weights=parse_weights(weights), top_share=top_share)

    def customers_markdown(self, result: dict[str, Any], lang: str = "en") -> str:
        from icp_coach.analysis.customer_report import render_customers_markdown

        return render_customers_markdown(result, lang)

    def lift_chart(self, result: dict[str, Any], limit: int = 15) -> list[str]:
        """Text bars of the lifts, for a terminal or a TUI panel."""
        from icp_coach.analysis.customer_report import lift_bars

        return lift_bars(result["traits"], limit)

    def validate_icp(self, rules: Any, customers: str | Path, *, mappings: tuple[str, ...] | list[str] = (),
                     deals: str | Path | None = None, weights: str | None = None,
                     top_share: float = DEFAULT_TOP_SHARE, encoding: str | None = None,
                     sheet: str | None = None) -> dict[str, Any]:
        from icp_coach.analysis.cleaning import clean_table
        from icp_coach.analysis.header_mapping import map_headers, parse_overrides
        from icp_coach.analysis.icp_validation import validate_icp_on_customers
        from icp_coach.analysis.table_reading import read_table
        from icp_coach.analysis.value_score import parse_weights

        overrides = parse_overrides(list(mappings))
        raw = read_table(customers, encoding=encoding, sheet=sheet)
        deals_raw = read_table(deals, encoding=encoding) if deals is not None else None
        table = clean_table(raw, map_headers(raw.columns, _overrides_for(overrides, raw.columns, deals_raw),
                                             source=str(customers)), cny_per_usd=self.cny_per_usd)
        deal_tables = None
        if deals_raw is not None:
            mapping = map_headers(deals_raw.columns, _overrides_for(overrides, deals_raw.columns, raw),
                                  source=str(deals))
            deal_tables = (deals_raw, clean_table(deals_raw, mapping, cny_per_usd=self.cny_per_usd,
                                                  key_field="deal_id"))
        return validate_icp_on_customers(raw, table, rules, deals=deal_tables, weights=parse_weights(weights),
                                         top_share=top_share)

    def rules(self, filters: list[Any], signals: list[Any], version: str,
              tiers: tuple[float, float] | None = None) -> Any:
        from icp_coach.analysis.prospect_scoring import DEFAULT_TIERS, ScoringRules

        return ScoringRules(list(filters), list(signals), version, tiers or DEFAULT_TIERS, taxonomy=self.taxonomy,
                            cny_per_usd=self.cny_per_usd)

    def read_prospects(self, path: str | Path, *, encoding: str | None = None, sheet: str | None = None) -> Any:
        from icp_coach.analysis.table_reading import read_table

        return read_table(path, encoding=encoding, sheet=sheet)

    def score(self, raw: Any, rules: Any, *, unmatched: bool = False) -> tuple[Any, dict[str, Any]]:
        """The scored frame (every input column plus the scoring columns) and its summary."""
        from icp_coach.analysis.duplicate_accounts import duplicate_accounts
        from icp_coach.analysis.prospect_scoring import (
            resolve_columns,
            score_frame,
            summarise,
            unreadable_cells,
        )

        resolve_columns(rules, raw.columns, raw.source)
        scored = score_frame(raw.frame, rules, source=raw.source, unmatched=unmatched)
        summary = summarise(scored, rules)
        summary["unreadable_rows"] = [problem.as_dict() for problem in raw.problems]
        summary["unreadable_cells"] = unreadable_cells(raw.frame, rules, self.line_column)
        duplicates, groups = duplicate_accounts(raw.frame, self.line_column)
        summary["duplicate_accounts"] = [duplicate.as_dict() for duplicate in duplicates]
        summary["duplicate_account_groups"] = groups
        summary["encoding"] = raw.encoding
        return scored, summary

    def scored_csv(self, scored: Any, *, keep_formulas: bool = False) -> str:
        """The scored frame as CSV text; cells a spreadsheet would run as formulas are
        neutralised unless `keep_formulas` (spreadsheet_safety)."""
        return str(self._spreadsheet_safe(scored, keep_formulas).write_csv())

    def write_scored_csv(self, scored: Any, target: Path, *, keep_formulas: bool = False) -> Path:
        """The same CSV written to `target` (the caller makes it atomic)."""
        self._spreadsheet_safe(scored, keep_formulas).write_csv(target)
        return target

    @staticmethod
    def _spreadsheet_safe(scored: Any, keep_formulas: bool) -> Any:
        from icp_coach.analysis.spreadsheet_safety import neutralise_formulas
        from icp_coach.analysis.table_reading import LINE

        table = scored.drop(LINE) if LINE in scored.columns else scored
        return table if keep_formulas else neutralise_formulas(table)

    def score_streaming(self, path: Path, rules: Any, target: Path, *,
                        keep_formulas: bool = False) -> dict[str, Any] | None:
        """Score a big, well-formed UTF-8 CSV from disk to `target`; None when the file needs the
        careful in-memory reader instead."""
        import polars as pl

        from icp_coach.analysis.prospect_scoring import resolve_columns, score_csv_streaming
        from icp_coach.analysis.table_reading import csv_scan_problems

        if csv_scan_problems(path):
            return None
        resolve_columns(rules, pl.scan_csv(path, infer_schema=False).collect_schema().names(), str(path))
        return score_csv_streaming(path, rules, target, neutralise=not keep_formulas)

    def market(self, raw: Any, rules: Any, **options: Any) -> dict[str, Any]:
        from icp_coach.analysis.market_sizing import size_market

        return size_market(raw, rules, **options)

    def market_markdown(self, result: dict[str, Any]) -> str:
        from icp_coach.analysis.market_sizing import render_market_markdown

        return render_market_markdown(result)


def _overrides_for(overrides: dict[str, str], columns: list[str], other: Any) -> dict[str, str]:
    """The --map pairs that name a column of this file; one naming neither file stays, so
    map_headers reports it."""
    present = {column.strip() for column in columns}
    elsewhere = {column.strip() for column in other.columns} if other is not None else set()
    return {column: field for column, field in overrides.items()
            if column.strip() in present or column.strip() not in elsewhere}
