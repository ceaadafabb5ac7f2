"""customers and validate-icp: evidence for the ICP from a CRM export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from icp_coach.cli import figures
from icp_coach.cli.common import (
    EXIT_INPUT,
    F,
    emit,
    emit_json,
    fail,
    handles_errors,
    json_option,
    output_option,
)
from icp_coach.cli.prospects import FILE, load_rules, table_options
from icp_coach.text.display import terminal_safe


def map_option(function: F) -> F:
    return click.option("--map", "mappings", multiple=True, metavar="COLUMN=FIELD",
                        help="Map a column to a canonical field, e.g. --map 'Headcount=employees'. Repeatable.")(function)


@click.command()
@click.argument("customers_file", type=FILE, metavar="CUSTOMERS")
@click.option("--top", "top_share", type=float, default=0.15, show_default=True,
              help="Share of customers counted as best.")
@click.option("--weights", default=None,
              help="Value criteria weights, e.g. 'lifetime_value=3,nps=0' (0 turns one off).")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--merge-into", "merge_into", type=FILE, default=None,
              help="Add the suggested filters and signals to this ICP document (atomic write; created if missing).")
@map_option
@table_options
@json_option
@output_option
@handles_errors
def customers(customers_file: Path, top_share: float, weights: str | None, fmt: str, lang: str,
              merge_into: Path | None, mappings: tuple[str, ...], encoding: str | None, sheet: str | None,
              as_json: bool, output: Path | None) -> None:
    """Rank the best customers in CUSTOMERS (CSV/XLSX) and find the traits that set them apart."""
    from icp_coach.bootstrap import make_app

    tables = make_app().tables
    table = tables.read_customers(customers_file, mappings=mappings, encoding=encoding, sheet=sheet)
    for line in table.mapping.report_lines():
        click.echo(f"mapped {line}", err=True)
    for problem in table.unusable:
        click.echo(f"{customers_file}:{problem.line}: unusable row: {terminal_safe(problem.reason)}", err=True)
    if not table.frame.height:
        fail(f"{customers_file}: no customer rows to rank (only a header{' and unusable rows' if table.unusable else ''});"
             " export the CRM again with its data rows", EXIT_INPUT)
    result = tables.analyse_customers(table, weights=weights, top_share=top_share)
    if merge_into is not None:
        _merge_suggestions(merge_into, result["suggested_icp"], default_name=customers_file.stem)
    if as_json or fmt == "json":
        emit_json(result, output)
    else:
        emit(tables.customers_markdown(result, lang), output)


def _merge_suggestions(path: Path, suggested: dict[str, Any], default_name: str) -> None:
    from icp_coach.domain.icp import ICPDocument
    from icp_coach.services.suggested_rules import merge_suggested_rules
    from icp_coach.storage.icp_files import load_icp, save_icp

    created = not path.exists()
    doc = ICPDocument(name=default_name or "ICP") if created else load_icp(path)
    added = merge_suggested_rules(doc, suggested)
    save_icp(doc, path)
    click.echo(f"{'created' if created else 'updated'} {path}: added {added} suggested item(s)", err=True)


@click.command()
@click.argument("icp_file", type=FILE, metavar="ICP.json")
@click.argument("customers_file", type=FILE, metavar="CUSTOMERS")
@click.option("--deals", "deals_file", type=FILE, default=None, help="Deals export with a won/lost column.")
@click.option("--top", "top_share", type=float, default=0.15, show_default=True)
@click.option("--weights", default=None, help="Value criteria weights, as for `customers`.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@map_option
@table_options
@json_option
@output_option
@handles_errors
def validate_icp(icp_file: Path, customers_file: Path, deals_file: Path | None, top_share: float,
                 weights: str | None, lang: str, mappings: tuple[str, ...], encoding: str | None,
                 sheet: str | None, as_json: bool, output: Path | None) -> None:
    """Test the ICP on customer data: do matching customers do better (LTV, churn, sales cycle,
    win rate), which best customers does it miss, and what PMF signals the data shows."""
    from icp_coach.bootstrap import make_app

    _, rules = load_rules(icp_file)
    result = make_app().tables.validate_icp(rules, customers_file, mappings=mappings, deals=deals_file,
                                            weights=weights, top_share=top_share, encoding=encoding, sheet=sheet)
    if as_json:
        emit_json(result, output)
    else:
        emit(_render_validation(result, lang == "zh"), output)


def _render_validation(result: dict[str, Any], zh: bool = False) -> str:
    words = _ZH if zh else _EN
    lines = [f"# {words['title']}: {result['icp_version']}", "",
             words["matching"].format(m=result["matching"], n=result["customers"]), ""]
    for name, numbers in result["outcomes"].items():
        label = words.get(name) or figures.label(name, zh)
        if "rate_match" in numbers:
            main = words["rates"].format(a=_pct(numbers["rate_match"]), b=_pct(numbers["rate_rest"]))
        else:
            main = words["means"].format(a=figures.figure(name, numbers["mean_match"], zh),
                                         b=figures.figure(name, numbers["mean_rest"], zh))
        extra = ""
        if "ci95" in numbers:
            low, high = numbers["ci95"]
            extra = words["difference"].format(
                d=figures.figure(name, numbers["difference"], zh, signed=True), low=figures.figure(name, low, zh),
                high=figures.figure(name, high, zh), p=f"{numbers['p_value']:.2g}")
            if "cliffs_delta" in numbers:
                extra += f", Cliff's delta {numbers['cliffs_delta']}"
        lines.append(f"- {label}: {main}{extra}")
    deals = result.get("deals")
    if deals and deals["unknown_accounts"]:
        shown = ", ".join(deals["unknown_examples"][:5])
        lines.append("- " + words["unknown"].format(n=deals["unknown_accounts"], ids=shown))
    missed = result.get("missed_best_customers") or {}
    if missed:
        lines += ["", words["missed"].format(n=missed["best_customers"], m=missed["missed"])]
        for rule, count in missed["failed_filters"].items():
            lines.append("- " + words["fail"].format(n=count, rule=rule))
        for column, values in missed["their_common_values"].items():
            shown = ", ".join(f"{v['value']} ({v['count']})" for v in values)
            lines.append("- " + words["their"].format(column=column, values=shown))
    pmf = result["pmf_signals"]
    if pmf:
        lines += ["", f"{words['pmf']}: " + figures.pmf_signals_text(pmf, zh)]
    return "\n".join(lines) + "\n"


_EN = {"title": "ICP check", "matching": "{m} of {n} customers match the ICP.",
       "rates": "{a} matching vs {b} not", "means": "mean {a} matching vs {b} not",
       "difference": "; difference {d} (95% CI {low} to {high}), p={p}",
       "missed": "Best customers: {n}, of which {m} do not match the ICP.", "fail": "{n} fail '{rule}'",
       "their": "their {column}: {values}", "pmf": "PMF signals",
       "lifetime_value": "Lifetime value", "sales_cycle_days": "Sales cycle (days)", "nps": "NPS",
       "churn": "Churn", "win_rate": "Win rate", "deal_value": "Deal value (won deals)",
       "deal_cycle_days": "Sales cycle of won deals (days)",
       "unknown": "{n} deal account(s) not in the customers file, left out: {ids}"}
_ZH = {"title": "ICP 检验", "matching": "{n} 个客户中有 {m} 个符合 ICP。",
       "rates": "符合 {a}，不符合 {b}", "means": "均值：符合 {a}，不符合 {b}",
       "difference": "；差值 {d}（95% 置信区间 {low} 至 {high}），p={p}",
       "missed": "最佳客户 {n} 个，其中 {m} 个不符合 ICP。", "fail": "{n} 个未通过“{rule}”",
       "their": "它们的 {column}：{values}", "pmf": "产品市场匹配信号",
       "lifetime_value": "客户终身价值", "sales_cycle_days": "销售周期（天）", "nps": "NPS",
       "churn": "流失率", "win_rate": "赢单率", "deal_value": "成交金额（赢单）",
       "deal_cycle_days": "赢单销售周期（天）",
       "unknown": "{n} 个商机的客户不在客户文件中，未计入：{ids}"}


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"
