"""TAM / SAM / SOM from an account list, the ICP's filters and an ACV, by segment.

TAM: every account in the list (or a given count) x ACV. SAM: the accounts passing every filter.
SOM: an obtainable share of SAM (default 10%), or the tier-1 accounts. Every assumption is listed.
"""

from __future__ import annotations

from typing import Any

from icp_coach.analysis.cleaning import category_expr
from icp_coach.analysis.prospect_scoring import ScoringRules, resolve_columns, score_frame
from icp_coach.analysis.table_reading import RawTable

DEFAULT_OBTAINABLE = 0.1


def size_market(raw: RawTable | None, rules: ScoringRules | None, *, acv: float, tam_accounts: int | None = None,
                obtainable: float | None = None, som_from_tier1: bool = False,
                segments: list[str] | None = None, lang: str = "en") -> dict[str, Any]:
    import polars as pl

    from icp_coach.analysis.errors import TableInputError

    if acv <= 0:
        raise TableInputError(f"--acv {acv:g}: the contract value must be above 0")
    share = DEFAULT_OBTAINABLE if obtainable is None else obtainable
    if not 0 < share <= 1:
        raise TableInputError(f"--obtainable {share:g}: give a share between 0 and 1")
    zh = lang == "zh"
    assumptions = [f"{'平均年合同额 (ACV)' if zh else 'ACV (average annual contract value)'}: ${acv:,.0f}"]
    listed = raw.frame.height if raw is not None else None
    tam = tam_accounts if tam_accounts is not None else listed
    given = "(由 --tam-accounts 给定)" if zh else "(given with --tam-accounts)"
    listed_text = (f"({raw.source if raw else ''} 中的全部客户)" if zh
                   else f"(every account in {raw.source if raw else ''})")
    assumptions.append(f"{'TAM 客户数' if zh else 'TAM accounts'}: {tam:,} "
                       + (given if tam_accounts is not None else listed_text))
    frame = None
    if raw is not None and rules is not None:
        resolve_columns(rules, raw.columns, raw.source)
        frame = score_frame(raw.frame, rules)
        sam = int(frame.select((~pl.col("excluded")).sum()).item())
        passes = ", ".join(f.describe() for f in rules.filters) or "no filters: every account"
        assumptions.append(f"SAM 客户数: {sam:,}，通过 ICP 筛选条件 ({passes})" if zh
                           else f"SAM accounts: {sam:,} passing the ICP filters ({passes})")
        if tam_accounts is not None and listed:
            sam = round(sam * tam_accounts / listed)
            ratio = tam_accounts / listed
            assumptions.append(f"SAM 按名单比例放大到 TAM 客户数: x {ratio:.3g}" if zh
                               else f"SAM scaled from the list to the TAM count: x {ratio:.3g}")
    else:
        sam = tam or 0
        assumptions.append("SAM = TAM: 未提供 ICP 筛选条件 (使用 --icp)" if zh
                           else "SAM = TAM: no ICP filters given (use --icp)")
    if som_from_tier1 and frame is not None:
        som = int(frame.select((pl.col("tier") == 1).sum()).item())
        threshold = rules.tiers[0] if rules else 60
        assumptions.append(f"SOM 客户数: {som:,} 个一级客户 (得分 >= {threshold:g})" if zh
                           else f"SOM accounts: {som:,} tier-1 accounts (score >= {threshold:g})")
    else:
        som = round((sam or 0) * share)
        assumptions.append(f"SOM 客户数: 规划期内可获得 SAM 的 {share:.0%}" if zh
                           else f"SOM accounts: {share:.0%} of SAM obtainable in the planning period")
    result: dict[str, Any] = {
        "tam_accounts": tam, "sam_accounts": sam, "som_accounts": som, "acv_usd": acv,
        "tam_usd": (tam or 0) * acv, "sam_usd": sam * acv, "som_usd": som * acv,
        "assumptions": assumptions, "segments": {}, "language": "zh" if zh else "en",
    }
    if frame is not None:
        for segment in segments or []:
            column = next((c for c in raw.columns if c.strip().lower() == segment.lower()), None) if raw else None
            if column is None:
                continue
            grouped = (frame.with_columns(category_expr(column).fill_null("(blank)").alias("__segment__"))
                       .group_by("__segment__")
                       .agg(pl.len().alias("tam_accounts"), (~pl.col("excluded")).sum().alias("sam_accounts"),
                            (pl.col("tier") == 1).sum().alias("tier_1"))
                       .sort("sam_accounts", descending=True))
            result["segments"][segment] = [
                {"segment": row["__segment__"], "tam_accounts": int(row["tam_accounts"]),
                 "sam_accounts": int(row["sam_accounts"]),
                 "som_accounts": int(row["tier_1"]) if som_from_tier1 else round(int(row["sam_accounts"]) * share),
                 "sam_usd": int(row["sam_accounts"]) * acv}
                for row in grouped.iter_rows(named=True)]
    return result


def render_market_markdown(result: dict[str, Any]) -> str:
    zh = result.get("language") == "zh"
    lines = ["# 市场规模" if zh else "# Market size", "",
             "| | 客户数 | 美元 |" if zh else "| | accounts | USD |", "|---|---|---|"]
    for key in ("tam", "sam", "som"):
        accounts = result[f"{key}_accounts"]
        lines.append(f"| {key.upper()} | {accounts or 0:,} | ${result[f'{key}_usd']:,.0f} |")
    lines += ["", "假设:" if zh else "Assumptions:", *[f"- {a}" for a in result["assumptions"] if a]]
    for segment, rows in result["segments"].items():
        lines += ["", f"## 按 {segment}" if zh else f"## By {segment}", "",
                  "| 细分 | TAM | SAM | SOM | SAM 美元 |" if zh else "| segment | TAM | SAM | SOM | SAM USD |",
                  "|---|---|---|---|---|"]
        for row in rows:
            lines.append(f"| {row['segment']} | {row['tam_accounts']:,} | {row['sam_accounts']:,} | "
                         f"{row['som_accounts']:,} | ${row['sam_usd']:,.0f} |")
    return "\n".join(lines) + "\n"
