"""The `customers` result as a Markdown report, with a text bar chart of the lifts."""

from __future__ import annotations

from typing import Any

BAR_WIDTH = 30


def lift_bars(traits: list[dict[str, Any]], limit: int = 15) -> list[str]:
    shown = [t for t in traits if t["distinctive"]][:limit] or traits[:limit]
    if not shown:
        return []
    widest = max(t["lift"] for t in shown) or 1.0
    label_width = max(display_width(t["label"]) for t in shown)
    lines = []
    for trait in shown:
        bar = "█" * max(1, round(BAR_WIDTH * trait["lift"] / widest))
        marker = "" if trait["distinctive"] else "  (not distinctive)"
        padding = " " * (label_width - display_width(trait["label"]))
        lines.append(f"{trait['label']}{padding} │{bar} {trait['lift']:.2f}x{marker}")
    return lines


def display_width(text: str) -> int:
    """Terminal columns: Chinese (wide) characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def render_customers_markdown(result: dict[str, Any], lang: str = "en") -> str:
    zh = lang == "zh"
    lines = [f"# {'最佳客户与其共同特征' if zh else 'Best customers and what sets them apart'}", ""]
    lines.append(f"{'来源' if zh else 'Source'}: `{result['source']}`; "
                 f"{result['customers']} {'个客户' if zh else 'customers'}; "
                 f"{'最佳客户 = 价值得分前' if zh else 'best = top'} {result['top_share']:.0%} "
                 f"({len(result['best_customers'])}).")
    weights = ", ".join(f"{name} x{weight:g}" for name, weight in result["value_criteria"].items())
    lines += ["", f"{'价值标准' if zh else 'Value criteria'}: {weights}", ""]
    lines += [f"## {'特征提升度' if zh else 'Lift of each trait'}", "", "```", *lift_bars(result["traits"]), "```", ""]
    lines += [f"## {'区分性特征' if zh else 'Traits'}", "",
              "| # | trait | best | rest | lift | 95% CI (best) | q | distinctive |",
              "|---|---|---|---|---|---|---|---|"]
    for trait in result["traits"][:25]:
        low, high = trait["share_best_ci"]
        lines.append(f"| {trait['rank']} | {trait['label']} | {trait['share_best']:.0%} | {trait['share_rest']:.0%} | "
                     f"{trait['lift']:.2f} | {low:.0%}-{high:.0%} | {trait['q_value']:.2g} | "
                     f"{'yes' if trait['distinctive'] else 'no'} |")
    if result["subgroups"]:
        lines += ["", f"## {'特征组合' if zh else 'Combinations'}", "",
                  "| traits | accounts | share of best | lift |", "|---|---|---|---|"]
        for group in result["subgroups"][:8]:
            lines.append(f"| {' + '.join(group['traits'])} | {group['accounts']} | "
                         f"{group['share_of_best']:.0%} | {group['lift']:.2f} |")
    suggested = result["suggested_icp"]
    lines += ["", f"## {'建议的 ICP 规则' if zh else 'Suggested ICP rules'}", ""]
    for item in suggested["evidence"]:
        rule = item["rule"]
        numbers = "; ".join(f"{t['label']}: {t['share_best']:.0%} of best vs {t['share_rest']:.0%} of rest"
                            for t in item["traits"])
        lines.append(f"- **{item['role']}** `{rule['field']} {rule['op']} {rule['value']}`"
                     f"{' weight ' + format(rule['weight'], 'g') if 'weight' in rule else ''}: {numbers}")
    kept = suggested.get("filters_keep")
    if kept and suggested["filters"]:
        lines.append(f"\n{'所有建议筛选条件合起来保留' if zh else 'All suggested filters together keep'} "
                     f"{kept['best_customers']} ({kept['share_of_best']:.0%}) "
                     f"{'个最佳客户' if zh else 'of the best customers'}, {kept['accounts']} "
                     f"{'个客户' if zh else 'accounts in all'}.")
    for flag in suggested.get("red_flags", []):
        lines.append(f"- {'红旗' if zh else 'red flag'}: {flag['description']}")
    lines += ["", f"## {'最佳客户' if zh else 'Best customers'}", ""]
    for best in result["best_customers"][:30]:
        name = best.get("company") or best.get("account_id")
        lines.append(f"{best['rank']}. {name} ({best.get('account_id')}): {', '.join(best['why'])}")
    if len(result["best_customers"]) > 30:
        lines.append(f"... {len(result['best_customers']) - 30} more in --json")
    lines += ["", *import_summary_lines(result["import"], zh)]
    return "\n".join(lines) + "\n"


def import_summary_lines(summary: dict[str, Any], zh: bool = False) -> list[str]:
    lines = [f"## {'导入与清洗' if zh else 'Import and cleaning'}", "",
             f"{summary['rows_read']} rows read, {summary['rows_used']} used.", ""]
    for fix in summary["fixes"]:
        example = fix["examples"][0] if fix["examples"] else None
        shown = f" (e.g. line {example['line']}: {example['before']!r} -> {example['after']!r})" if example else ""
        lines.append(f"- {fix['column']}: {fix['rule']}: {fix['count']}{shown}")
    for problem in summary["unusable_rows"]:
        lines.append(f"- line {problem['line']}: unusable: {problem['reason']}")
    return lines
