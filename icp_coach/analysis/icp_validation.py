"""Step 3: test an ICP hypothesis on customer data (and deals).

Do customers matching the ICP do better? Lifetime value and sales cycle (difference of means with
a Welch 95% interval, Cliff's delta as effect size), churn and win rate (difference of rates with
a 95% interval, risk ratio, Fisher's p). Deals join the customers by account id, for win rate,
won deal value and sales cycle of matching vs non-matching accounts. Which best customers the ICP misses and the filters that
miss them; and the product-market-fit signals the data shows (referral share, NPS).
"""

from __future__ import annotations

import math
from typing import Any

from icp_coach.analysis.cleaning import CleanTable
from icp_coach.analysis.prospect_scoring import ScoringRules, resolve_columns, score_frame
from icp_coach.analysis.table_reading import LINE, RawTable
from icp_coach.analysis.value_score import DEFAULT_TOP_SHARE, rank_customers

WON_WORDS = ["won", "closed won", "closed-won", "win", "yes", "true", "赢单", "成交", "赢", "已成交"]
LOST_WORDS = ["lost", "closed lost", "closed-lost", "loss", "no", "false", "输单", "丢单", "输", "未成交"]


def icp_match_column(raw: RawTable, rules: ScoringRules) -> Any:
    """LINE and `matches_icp` (passes every filter; with no filters, tier 1 on the signals)."""
    import polars as pl

    resolve_columns(rules, raw.columns, raw.source)
    scored = score_frame(raw.frame, rules)
    matched = ~pl.col("excluded") if rules.filters else pl.col("tier") == 1
    return scored.select(pl.col(LINE), matched.alias("matches_icp"), pl.col("failed_filters"))


def compare_numbers(match: Any, rest: Any) -> dict[str, Any]:
    import numpy as np
    from scipy.stats import mannwhitneyu, ttest_ind

    a = np.asarray([v for v in match if v is not None and not math.isnan(v)], dtype=float)
    b = np.asarray([v for v in rest if v is not None and not math.isnan(v)], dtype=float)
    out: dict[str, Any] = {"n_match": int(a.size), "n_rest": int(b.size),
                           "mean_match": _r(a.mean()) if a.size else None, "mean_rest": _r(b.mean()) if b.size else None,
                           "median_match": _r(np.median(a)) if a.size else None,
                           "median_rest": _r(np.median(b)) if b.size else None}
    if a.size >= 2 and b.size >= 2:
        test = ttest_ind(a, b, equal_var=False)
        interval = test.confidence_interval(0.95)
        u = mannwhitneyu(a, b).statistic
        out.update({"difference": _r(a.mean() - b.mean()), "ci95": [_r(interval.low), _r(interval.high)],
                    "p_value": float(test.pvalue), "cliffs_delta": round(2 * u / (a.size * b.size) - 1, 3)})
    return out


def compare_rates(hits_match: int, n_match: int, hits_rest: int, n_rest: int) -> dict[str, Any]:
    from scipy.stats import fisher_exact

    out: dict[str, Any] = {"n_match": n_match, "n_rest": n_rest,
                           "rate_match": round(hits_match / n_match, 4) if n_match else None,
                           "rate_rest": round(hits_rest / n_rest, 4) if n_rest else None}
    if n_match and n_rest:
        p1, p2 = hits_match / n_match, hits_rest / n_rest
        spread = 1.96 * math.sqrt(p1 * (1 - p1) / n_match + p2 * (1 - p2) / n_rest)
        out.update({"difference": round(p1 - p2, 4), "ci95": [round(p1 - p2 - spread, 4), round(p1 - p2 + spread, 4)],
                    "risk_ratio": round(p1 / p2, 3) if p2 else None,
                    "p_value": float(fisher_exact([[hits_match, n_match - hits_match],
                                                   [hits_rest, n_rest - hits_rest]]).pvalue)})
    return out


def _r(value: float) -> float:
    return round(float(value), 2)


def validate_icp_on_customers(raw: RawTable, table: CleanTable, rules: ScoringRules, *,
                              deals: tuple[RawTable, CleanTable] | None = None,
                              weights: dict[str, float] | None = None,
                              top_share: float = DEFAULT_TOP_SHARE) -> dict[str, Any]:
    import polars as pl

    matched = icp_match_column(raw, rules)
    frame = table.frame.join(matched, on=LINE, how="left")
    is_match = pl.col("matches_icp").fill_null(False)
    result: dict[str, Any] = {"source": table.source, "icp_version": rules.version,
                              "customers": frame.height,
                              "matching": int(frame.select(is_match.sum()).item())}
    outcomes: dict[str, Any] = {}
    for column, name in (("lifetime_value_usd", "lifetime_value"), ("sales_cycle_days", "sales_cycle_days"),
                         ("nps", "nps")):
        if column in frame.columns:
            outcomes[name] = compare_numbers(frame.filter(is_match)[column].to_list(),
                                             frame.filter(~is_match)[column].to_list())
    if "churned" in frame.columns:
        known = frame.filter(pl.col("churned").is_not_null())
        m, r = known.filter(is_match), known.filter(~is_match)
        outcomes["churn"] = compare_rates(int(m["churned"].sum()), m.height, int(r["churned"].sum()), r.height)
    deal_summary: dict[str, Any] | None = None
    if deals is not None:
        found = _deal_outcomes(*deals, frame, rules)
        deal_summary = found.pop("deals")
        outcomes.update(found)
    result["outcomes"] = outcomes
    if deal_summary is not None:
        result["deals"] = deal_summary
    result["missed_best_customers"] = _missed_best(frame, rules, weights, top_share)
    result["pmf_signals"] = pmf_signals(frame)
    return result


def _deal_outcomes(raw: RawTable, table: CleanTable, customers: Any, rules: ScoringRules) -> dict[str, Any]:
    """Win rate, deal value and sales cycle of deals with ICP-matching accounts vs the rest.

    Deals join the customers by account id (the usual export: `account_id, stage, amount`); a
    deals file without account ids is checked against its own columns, which must then carry the
    fields the ICP's filters name."""
    import polars as pl

    from icp_coach.analysis.errors import TableInputError

    if "outcome" not in table.frame.columns:
        raise TableInputError(f"{table.source}: no won/lost column found; name it with --map COLUMN=outcome")
    deals = table.frame
    joined_by = "account_id"
    unknown: list[str] = []
    if "account_id" in deals.columns and "account_id" in customers.columns:
        accounts = customers.select("account_id", pl.col("matches_icp").fill_null(False)).unique("account_id")
        deals = deals.join(accounts, on="account_id", how="left")
        unknown = sorted(set(deals.filter(pl.col("matches_icp").is_null())["account_id"].to_list()))
        deals = deals.filter(pl.col("matches_icp").is_not_null())
    else:
        joined_by = "the deals' own columns"
        try:
            matched = icp_match_column(raw, ScoringRules(rules.filters, rules.signals, rules.version, rules.tiers,
                                                            taxonomy=rules.taxonomy))
        except TableInputError as error:
            raise TableInputError(
                f"{table.source}: no account id column to join the deals to the customers, and {error}; "
                "add the account id (e.g. a column 'account_id') or --map COLUMN=account_id") from error
        deals = deals.join(matched.drop("failed_filters"), on=LINE, how="left")
    outcome = pl.col("outcome")
    won = pl.when(outcome.is_in(WON_WORDS)).then(True).when(outcome.is_in(LOST_WORDS)).then(False)
    deals = deals.with_columns(won.alias("__won__"))
    decided = deals.filter(pl.col("__won__").is_not_null())
    is_match = pl.col("matches_icp").fill_null(False)
    m, r = decided.filter(is_match), decided.filter(~is_match)
    win_rate = compare_rates(int(m["__won__"].sum()), m.height, int(r["__won__"].sum()), r.height)
    win_rate["deals_decided"] = decided.height
    out: dict[str, Any] = {"win_rate": win_rate}
    won_deals = decided.filter(pl.col("__won__"))
    if "sales_cycle_days" not in won_deals.columns and {"created_date", "closed_date"} <= set(won_deals.columns):
        days = (_date("closed_date") - _date("created_date")).dt.total_days()
        won_deals = won_deals.with_columns(pl.when(days >= 0).then(days).otherwise(None).alias("sales_cycle_days"))
    for column, name in (("amount_usd", "deal_value"), ("sales_cycle_days", "deal_cycle_days")):
        if column in won_deals.columns:
            out[name] = compare_numbers(won_deals.filter(is_match)[column].to_list(),
                                        won_deals.filter(~is_match)[column].to_list())
    out["deals"] = {"rows": table.frame.height, "joined_by": joined_by, "decided": decided.height,
                    "open": deals.height - decided.height, "unknown_accounts": len(unknown),
                    "unknown_examples": unknown[:10]}
    return out


def _date(column: str) -> Any:
    """A date cell as exports write it: 2026-03-01, 2026/03/01, 01.03.2026, a time after it or not."""
    import polars as pl

    text = pl.col(column).str.strip_chars()
    day = text.str.extract(r"^(\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})", 1)
    return pl.coalesce(day.str.to_date("%Y-%m-%d", strict=False), day.str.to_date("%Y/%m/%d", strict=False),
                       day.str.to_date("%d.%m.%Y", strict=False))


def _missed_best(frame: Any, rules: ScoringRules, weights: dict[str, float] | None, top_share: float) -> dict[str, Any]:
    import polars as pl

    try:
        ranked = rank_customers(frame.drop("matches_icp", "failed_filters"), weights, top_share).frame
    except Exception:  # no value columns: nothing to say about best customers
        return {}
    ranked = ranked.join(frame.select(LINE, "matches_icp", "failed_filters"), on=LINE, how="left")
    best = ranked.filter(pl.col("is_best"))
    missed = best.filter(~pl.col("matches_icp").fill_null(False))
    failed_counts: dict[str, int] = {}
    for text in missed["failed_filters"].to_list():
        for part in (text or "").split("; "):
            if part:
                rule = part.split(" (cell:")[0]
                failed_counts[rule] = failed_counts.get(rule, 0) + 1
    common: dict[str, list[dict[str, Any]]] = {}
    for f in rules.filters:
        if f.field in missed.columns and missed[f.field].dtype == pl.Utf8:
            counts = missed[f.field].drop_nulls().value_counts(sort=True).head(3)
            common[f.field] = [{"value": v, "count": int(c)} for v, c in counts.iter_rows()]
    return {"best_customers": best.height, "matching_icp": best.height - missed.height,
            "missed": missed.height, "failed_filters": failed_counts, "their_common_values": common,
            "accounts": missed["account_id"].to_list()[:50] if "account_id" in missed.columns else []}


def pmf_signals(frame: Any) -> dict[str, Any]:
    import polars as pl

    signals: dict[str, Any] = {}
    if "lead_source" in frame.columns:
        known = frame["lead_source"].drop_nulls()
        if known.len():
            referred = known.str.contains("referr|推荐|转介绍|口碑").sum()
            signals["referral_share"] = round(referred / known.len(), 4)
    if "referrals" in frame.columns:
        known = frame["referrals"].drop_nulls()
        if known.len():
            signals["share_who_referred"] = round(float((known >= 1).sum()) / known.len(), 4)
    if "nps" in frame.columns:
        scores = frame.select(pl.col("nps").drop_nulls())["nps"]
        if scores.len() and scores.max() <= 10:
            promoters = float((scores >= 9).sum()) / scores.len()
            detractors = float((scores <= 6).sum()) / scores.len()
            signals["nps"] = round(100 * (promoters - detractors), 1)
            signals["nps_responses"] = int(scores.len())
    return signals
