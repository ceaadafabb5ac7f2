"""score, assess, market: put the ICP to work on prospect lists and single accounts."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from icp_coach.cli.common import emit, emit_json, handles_errors, json_option, output_option
from icp_coach.text.display import terminal_safe

F = TypeVar("F", bound=Callable[..., Any])
FILE = click.Path(dir_okay=False, path_type=Path)
STREAM_ABOVE_BYTES = 200 * 1024 * 1024  # bigger CSV files are scored streaming from disk


def table_options(function: F) -> F:
    function = click.option("--encoding", default=None,
                            help="Text encoding of a CSV that is not UTF-8 (e.g. gb18030, cp1252).")(function)
    return click.option("--sheet", default=None, help="Sheet of an XLSX workbook (default: the first).")(function)


def load_rules(path: Path, tiers: tuple[float, float] | None = None) -> tuple[Any, Any]:
    """An ICP document, or a bare {filters, signals} rules file, as (document or None, ScoringRules).
    Each bad rule is named with its position and field."""
    from pydantic import ValidationError

    from icp_coach.bootstrap import make_app
    from icp_coach.domain.criteria import Filter, Signal
    from icp_coach.storage.icp_files import InputFileError, icp_from_data, read_json_file

    data = read_json_file(path)
    if not isinstance(data, dict):
        raise InputFileError(f"{path}: expected a JSON object with filters and signals")
    parsed: dict[str, list[Any]] = {"filters": [], "signals": []}
    for key, model in (("filters", Filter), ("signals", Signal)):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise InputFileError(f"{path}: {key} must be a list of rules")
        for index, item in enumerate(items, start=1):
            field = item.get("field", "?") if isinstance(item, dict) else "?"
            try:
                parsed[key].append(model.model_validate(item))
            except ValidationError as error:
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in e['loc']) or 'rule'}: {e['msg']}" for e in error.errors())
                raise InputFileError(f"{path}: {key[:-1]} {index} (field {field!r}): {problems}") from error
    if not parsed["filters"] and not parsed["signals"]:
        raise InputFileError(f"{path}: no filters or signals to score with; add some to the ICP first")
    doc = icp_from_data(data, str(path)) if "name" in data else None
    version = f"{doc.name} {doc.version}" if doc else path.stem
    return doc, make_app().tables.rules(parsed["filters"], parsed["signals"], version, tiers)


def parse_tiers(text: str | None) -> tuple[float, float] | None:
    if not text:
        return None
    try:
        first, second = (float(part) for part in text.split(","))
    except ValueError:
        raise click.BadParameter("write two numbers, e.g. 60,30", param_hint="--tiers") from None
    if not 0 <= second <= first <= 100:
        raise click.BadParameter("tier 1 threshold must be >= tier 2 threshold, both 0-100", param_hint="--tiers")
    return first, second


@click.command()
@click.argument("prospects", type=FILE)
@click.option("--icp", "icp_file", type=FILE, required=True, help="ICP document (or rules file) with filters and signals.")
@click.option("--tiers", default=None, help="Tier thresholds on the 0-100 score: TIER1,TIER2 (default 60,30).")
@click.option("--keep-formulas", is_flag=True,
              help="Write cells starting with = + - @ (tab, CR) as they are; by default they get a "
                   "leading ' so a spreadsheet shows them as text instead of running them "
                   "(numbers such as -5 are never changed).")
@table_options
@json_option
@output_option
@handles_errors
def score(prospects: Path, icp_file: Path, tiers: str | None, keep_formulas: bool, encoding: str | None,
          sheet: str | None, as_json: bool, output: Path | None) -> None:
    """Score PROSPECTS (CSV or XLSX) against the ICP: excluded / tier 1-3 per account, with reasons.

    The scored CSV keeps every input column and adds excluded, failed_filters, filter_reasons,
    score, tier, matched_signals, confidence and icp_version. Region and industry filters take
    places and trades inside their values (Texas for North America, 杭州 for 华东); filter_reasons
    says why. Without -o it goes to stdout.
    """
    from icp_coach.bootstrap import make_app

    tables = make_app().tables
    LINE = tables.line_column  # noqa: N806
    _, rules = load_rules(icp_file, parse_tiers(tiers))
    if (output is not None and not as_json and prospects.suffix.lower() == ".csv" and prospects.exists()
            and prospects.stat().st_size > STREAM_ABOVE_BYTES and encoding is None):
        streamed = _write_replacing(output, lambda temp: tables.score_streaming(
            prospects, rules, temp, keep_formulas=keep_formulas))
        if streamed is not None:
            click.echo(f"wrote {output}", err=True)
            _print_summary(streamed)
            return
    raw = tables.read_prospects(prospects, encoding=encoding, sheet=sheet)
    scored, summary = tables.score(raw, rules, unmatched=as_json)
    for problem in raw.problems:
        click.echo(f"{prospects}:{problem.line}: row not scored: {terminal_safe(problem.reason)}", err=True)
    for cell in summary.get("unreadable_cells", []):
        click.echo(f"{prospects}:{cell['line']}: column {terminal_safe(cell['column'])!r} holds "
                   f"{terminal_safe(str(cell['cell']))!r}, expected {cell['expected']}; "
                   f"read as not meeting '{terminal_safe(cell['rule'])}'", err=True)
    _report_duplicates(prospects, summary)
    if as_json:
        records = scored.rename({LINE: "line"}).to_dicts()
        emit_json({"summary": summary, "accounts": records}, output)
        return
    if output is None:
        emit(tables.scored_csv(scored, keep_formulas=keep_formulas), None, data=True)
    else:  # straight to a temporary file beside the target, then renamed: atomic, no big string
        _write_replacing(output, lambda temp: tables.write_scored_csv(scored, temp, keep_formulas=keep_formulas))
        click.echo(f"wrote {output}", err=True)
    _print_summary(summary)


def _report_duplicates(prospects: Path, summary: dict[str, Any]) -> None:
    for duplicate in summary.get("duplicate_accounts", []):
        lines = ", ".join(str(line) for line in duplicate["lines"])
        click.echo(f"{prospects}: lines {lines} are one account ({terminal_safe(duplicate['column'])} "
                   f"{terminal_safe(str(duplicate['value']))!r}); each is scored, so it counts "
                   f"{len(duplicate['lines'])} times in the tiers", err=True)
    hidden = summary.get("duplicate_account_groups", 0) - len(summary.get("duplicate_accounts", []))
    if hidden > 0:
        click.echo(f"{prospects}: {hidden} more accounts are listed more than once "
                   "(summary.duplicate_accounts in --json lists the first ones)", err=True)


def _write_replacing(output: Path, write: Callable[[Path], Any]) -> Any:
    """`write` fills a temporary file beside `output`, which then replaces it: a failure (a
    read-only folder, a full disk) leaves the old output as it was and no partial file behind.
    `write` returning None means it wrote nothing (the temporary file is dropped)."""
    from icp_coach.storage.atomic import OutputError

    _check_output_folder(output)
    temp = output.with_name(f".{output.name}.partial")
    try:
        result = write(temp)
        if result is not None:
            os.replace(temp, output)
        return result
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}; choose a folder you "
                          "can write to (-o)") from error
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _check_output_folder(output: Path) -> None:
    from icp_coach.storage.atomic import OutputError

    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {output}: folder {folder} does not exist")
    if output.is_dir():
        raise OutputError(f"cannot write {output}: it is a folder")


def _print_summary(summary: dict[str, Any]) -> None:
    tiers = summary["tiers"]
    click.echo(f"{summary['accounts']} accounts: {summary['excluded']} excluded, tier 1: {tiers['1']}, "
               f"tier 2: {tiers['2']}, tier 3: {tiers['3']}", err=True)
    for rule, count in summary.get("excluded_by_filter", {}).items():
        click.echo(f"  failed '{rule}': {count}", err=True)


@click.command()
@click.option("--accounts", "accounts_file", type=FILE, default=None, help="Prospect list (CSV/XLSX) to count from.")
@click.option("--icp", "icp_file", type=FILE, default=None, help="ICP with filters (for SAM) and signals (for tier 1).")
@click.option("--acv", type=float, required=True, help="Average annual contract value in USD.")
@click.option("--tam-accounts", type=int, default=None, help="Total accounts in the market, when the list is not all of it.")
@click.option("--obtainable", type=float, default=None, help="Share of SAM you can win (default 0.1).")
@click.option("--som-tier1", is_flag=True, help="SOM = tier-1 accounts instead of an obtainable share.")
@click.option("--segment", "segments", multiple=True, default=("region", "industry"), show_default=True,
              help="Break the figures down by these columns.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@table_options
@json_option
@output_option
@handles_errors
def market(accounts_file: Path | None, icp_file: Path | None, acv: float, tam_accounts: int | None,
           obtainable: float | None, som_tier1: bool, segments: tuple[str, ...], lang: str, encoding: str | None,
           sheet: str | None, as_json: bool, output: Path | None) -> None:
    """Size the market: TAM, SAM and SOM in accounts and USD, with the assumptions printed."""
    from icp_coach.bootstrap import make_app

    if accounts_file is None and tam_accounts is None:
        raise click.UsageError("give --accounts FILE or --tam-accounts N")
    tables = make_app().tables
    rules = load_rules(icp_file)[1] if icp_file else None
    raw = tables.read_prospects(accounts_file, encoding=encoding, sheet=sheet) if accounts_file else None
    result = tables.market(raw, rules, acv=acv, tam_accounts=tam_accounts, obtainable=obtainable,
                           som_from_tier1=som_tier1, segments=list(segments), lang=lang)
    if as_json:
        emit_json(result, output)
    else:
        emit(tables.market_markdown(result), output)


@click.command()
@click.option("--account", default=None, help="The account's name.")
@click.option("--answers", "answers_file", type=FILE, default=None,
              help="YAML or JSON answers: {account, scores: {ready: 4, ...}, evidence: {...}}.")
@click.option("--icp", "icp_file", type=FILE, default=None, help="Store the assessment in this ICP document.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@json_option
@output_option
@handles_errors
def assess(account: str | None, answers_file: Path | None, icp_file: Path | None, lang: str,
           as_json: bool, output: Path | None) -> None:
    """Score one account 1-5 on the seven criteria (ready, willing, able, successful, profitable,
    expansion and advocacy potential): total out of 35 and a recommendation."""
    from datetime import date

    from pydantic import ValidationError

    from icp_coach.domain.assessment import (
        CRITERIA,
        CRITERION_GUIDE,
        AccountAssessment,
        CriterionScore,
        render_assessment,
    )
    from icp_coach.storage.icp_files import InputFileError, load_icp, save_icp
    from icp_coach.text.messages import message

    answers: dict[str, Any] = _read_answers(answers_file) if answers_file else {}
    name = account or answers.get("account")
    if not name:
        name = click.prompt(message("assessment.account_prompt", lang), err=True)
    given = answers.get("scores", {})
    evidence = answers.get("evidence", {}) or {}
    if not isinstance(given, dict):
        raise InputFileError(f"{answers_file}: 'scores' must map each criterion to 1-5")
    unknown = sorted(set(given) - set(CRITERIA))
    if unknown:
        raise InputFileError(f"{answers_file}: unknown criteria {', '.join(unknown)}; use {', '.join(CRITERIA)}")
    scores = []
    for criterion in CRITERIA:
        if criterion in given:
            value = given[criterion]
        else:
            guide = CRITERION_GUIDE[criterion][lang]
            look_out = message("assessment.look_out", lang)
            best = message("assessment.best", lang)
            click.echo(f"\n{guide['label']}: {guide['question']}\n  {look_out}: {'; '.join(guide['red_flags'])}\n"
                       f"  {best}: {'; '.join(guide['best'])}", err=True)
            value = click.prompt("1-5", type=click.IntRange(1, 5), err=True)
        try:
            scores.append(CriterionScore.model_validate(
                {"criterion": criterion, "score": value, "evidence": str(evidence.get(criterion, ""))}))
        except ValidationError as error:
            raise InputFileError(f"{answers_file}: {criterion}: score must be a whole number 1-5 (got {value!r})") from error
    result = AccountAssessment(account=str(name), scores=scores, assessed_on=date.today().isoformat())
    if icp_file is not None:
        doc = load_icp(icp_file)
        kept = [item for item in doc.assessments if item.account != result.account]
        doc.assessments = [*kept, result]
        save_icp(doc, icp_file)
        click.echo(f"stored the assessment in {icp_file}", err=True)
    if as_json:
        emit_json({**result.model_dump(), "total": result.total, "max_total": 35,
                   "recommendation": result.recommendation()}, output)
    else:
        emit(render_assessment(result, lang), output)


def _read_answers(path: Path) -> dict[str, Any]:
    from icp_coach.storage.icp_files import InputFileError, read_text_file

    text = read_text_file(path)
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except RecursionError:
        raise InputFileError(f"{path}: nested too deeply to be an answers file") from None
    except (ValueError, Exception) as error:  # yaml.YAMLError and json errors both carry a position
        raise InputFileError(f"{path}: cannot read the answers: {error}") from error
    if not isinstance(data, dict):
        raise InputFileError(f"{path}: expected a mapping with 'account' and 'scores'")
    return data
