"""customers and validate-icp: evidence for the ICP from a CRM export."""

from __future__ import annotations

from pathlib import Path

import click

from icp_coach.cli.common import emit, emit_json, json_option, output_option
from icp_coach.cli.prospects import FILE, handles_table_errors, load_rules, table_options


def map_option(function):  # type: ignore[no-untyped-def]
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
              help="Add the suggested filters and signals to this ICP document (atomic write).")
@map_option
@table_options
@json_option
@output_option
@handles_table_errors
def customers(customers_file: Path, top_share: float, weights: str | None, fmt: str, lang: str,
              merge_into: Path | None, mappings: tuple[str, ...], encoding: str | None, sheet: str | None,
              as_json: bool, output: Path | None) -> None:
    """Rank the best customers in CUSTOMERS (CSV/XLSX) and find the traits that set them apart."""
    from icp_coach.bootstrap import make_app

    tables = make_app().tables
    table = tables.read_customers(customers_file, mappings=mappings, encoding=encoding, sheet=sheet)
    for line in table.mapping.report_lines():
        click.echo(f"mapped {line}", err=True)
    result = tables.analyse_customers(table, weights=weights, top_share=top_share)
    for problem in table.unusable:
        click.echo(f"{customers_file}:{problem.line}: unusable row: {problem.reason}", err=True)
    if merge_into is not None:
        _merge_suggestions(merge_into, result["suggested_icp"])
    if as_json or fmt == "json":
        emit_json(result, output)
    else:
        emit(tables.customers_markdown(result, lang), output)


def _merge_suggestions(path: Path, suggested: dict) -> None:  # type: ignore[type-arg]
    from icp_coach.domain.criteria import Filter, Signal
    from icp_coach.domain.icp import RedFlag
    from icp_coach.storage.icp_files import load_icp, save_icp

    doc = load_icp(path)
    have = {(c.field, c.op, repr(c.value)) for c in [*doc.filters, *doc.signals]}
    added = 0
    for key, model in (("filters", Filter), ("signals", Signal)):
        for rule in suggested[key]:
            if (rule["field"], rule["op"], repr(rule["value"])) in have:
                continue
            getattr(doc, key).append(model.model_validate(rule))
            added += 1
    known_flags = {flag.description for flag in doc.red_flags}
    for flag in suggested.get("red_flags", []):
        if flag["description"] not in known_flags:
            doc.red_flags.append(RedFlag(description=flag["description"]))
            added += 1
    save_icp(doc, path)
    click.echo(f"added {added} suggested rule(s) to {path}", err=True)


@click.command()
@click.argument("icp_file", type=FILE, metavar="ICP.json")
@click.argument("customers_file", type=FILE, metavar="CUSTOMERS")
@click.option("--deals", "deals_file", type=FILE, default=None, help="Deals export with a won/lost column.")
@click.option("--top", "top_share", type=float, default=0.15, show_default=True)
@click.option("--weights", default=None, help="Value criteria weights, as for `customers`.")
@map_option
@table_options
@json_option
@output_option
@handles_table_errors
def validate_icp(icp_file: Path, customers_file: Path, deals_file: Path | None, top_share: float,
                 weights: str | None, mappings: tuple[str, ...], encoding: str | None, sheet: str | None,
                 as_json: bool, output: Path | None) -> None:
    """Test the ICP on customer data: do matching customers do better (LTV, churn, sales cycle,
    win rate), which best customers does it miss, and what PMF signals the data shows."""
    from icp_coach.bootstrap import make_app

    _, rules = load_rules(icp_file)
    result = make_app().tables.validate_icp(rules, customers_file, mappings=mappings, deals=deals_file,
                                            weights=weights, top_share=top_share, encoding=encoding, sheet=sheet)
    if as_json:
        emit_json(result, output)
    else:
        emit(_render_validation(result), output)


def _render_validation(result: dict) -> str:  # type: ignore[type-arg]
    lines = [f"# ICP check: {result['icp_version']}", "",
             f"{result['matching']} of {result['customers']} customers match the ICP.", ""]
    for name, numbers in result["outcomes"].items():
        if "rate_match" in numbers:
            main = f"{_pct(numbers['rate_match'])} matching vs {_pct(numbers['rate_rest'])} not"
        else:
            main = f"mean {numbers['mean_match']} matching vs {numbers['mean_rest']} not"
        extra = ""
        if "ci95" in numbers:
            low, high = numbers["ci95"]
            extra = f"; difference {numbers['difference']} (95% CI {low} to {high}), p={numbers['p_value']:.2g}"
            if "cliffs_delta" in numbers:
                extra += f", Cliff's delta {numbers['cliffs_delta']}"
        lines.append(f"- {name}: {main}{extra}")
    missed = result.get("missed_best_customers") or {}
    if missed:
        lines += ["", f"Best customers: {missed['best_customers']}, of which {missed['missed']} do not match the ICP."]
        for rule, count in missed["failed_filters"].items():
            lines.append(f"- {count} fail '{rule}'")
        for column, values in missed["their_common_values"].items():
            shown = ", ".join(f"{v['value']} ({v['count']})" for v in values)
            lines.append(f"- their {column}: {shown}")
    pmf = result["pmf_signals"]
    if pmf:
        lines += ["", "PMF signals: " + ", ".join(f"{k} {v}" for k, v in pmf.items())]
    return "\n".join(lines) + "\n"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"
