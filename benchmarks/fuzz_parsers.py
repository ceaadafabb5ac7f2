"""Property-based fuzzing of the parsers that read what users give us (hypothesis).

    .venv/bin/python benchmarks/fuzz_parsers.py [--examples 1500] [--seed 16]

Targets: transcripts (every format, with and without a file), numbers and money in English and
Chinese notes, CRM cells, CRM headers and --map overrides, CRM tables read from bytes, ICP
documents from JSON text and from JSON-like data, and scoring criteria (rules and matching).
A *crash* is any exception other than the clear input errors each parser documents
(InputFileError, TableInputError, TranscriptError and pydantic's ValidationError); a *slow* input
takes over 2 s. Prints, per target and in total: inputs tried, crashes (with the first input of
each kind) and inputs over 2 s. Nothing is asserted: this is a measurement, run it by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SLOW_SECONDS = 2.0


@dataclass
class Tally:
    name: str
    tried: int = 0
    slow: int = 0
    slowest: float = 0.0
    crashes: dict[str, str] = field(default_factory=dict)  # kind -> first input
    crash_count: int = 0


def expected_errors() -> tuple[type[BaseException], ...]:
    from pydantic import ValidationError

    from icp_coach.analysis.errors import TableInputError
    from icp_coach.storage.icp_files import InputFileError
    from icp_coach.transcripts.errors import TranscriptError

    return (InputFileError, TableInputError, TranscriptError, ValidationError)


def run_target(tally: Tally, strategy: Any, call: Callable[[Any], object], examples: int,
               random_seed: int) -> None:
    allowed = expected_errors()

    @seed(random_seed)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(value: Any) -> None:
        tally.tried += 1
        started = time.perf_counter()
        try:
            call(value)
        except allowed:
            pass
        except Exception as error:  # noqa: BLE001 - counting crashes is the point
            kind = f"{type(error).__name__}: {str(error)[:80]}"
            tally.crash_count += 1
            tally.crashes.setdefault(kind, repr(value)[:200])
        elapsed = time.perf_counter() - started
        tally.slowest = max(tally.slowest, elapsed)
        if elapsed > SLOW_SECONDS:
            tally.slow += 1

    fuzz()


# --- strategies -----------------------------------------------------------------------------
WORDS = ["Interviewer", "Customer", "Maya (VP Sales)", "周敏（会员运营总监）", "**Ana:**", "WEBVTT",
         "00:00:01.000 --> 00:00:04.000", "1", "-->", "<v Maya>", "</v>", ":", "：", "\n", " ",
         "we switched because", "太贵了", "[bold]", "\x1b[31m", "\r\n", "NOTE", "00:01", "Speaker 1",
         "Speaker,Text", "发言人,内容", '"', ",", ";", "\t", "|", "<?xml version='1.0'?>", "<tt>", "</tt>",
         '<p begin="1s" ttm:agent="a">', "</p>", "<br/>", "&amp;", "<!DOCTYPE x>", "[Events]",
         "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
         "Dialogue: 0,0:00:01.00,0:00:02.00,Default,Ana,0,0,0,,", "{\\i1}", "\\N", "Comment:",
         "0:00:01.000,0:00:04.000", ">>"]
NUMBER_BITS = ["50", "-", "to", "200", "employees", "名员工", "$", "5M", "ARR", "¥", "1.2万", "亿",
               "一千", "five hundred", "k", "%", "between", "and", "10,000", "人民币", "million",
               "under", "over", "€", "~", "1e400", "0", ".", ",", " ", "十万", "两百"]
CELL_BITS = ["1,200", "$1.2M", "1.2万", "yes", "No", "Y", "是", "否", "N/A", "-", "", " ", "  12 ",
             "1e9", "nan", "inf", "-0", "¥3亿", "€5k", "=1+2", "\x00", "TRUE", "12%", "1.2.3"]
HEADER_BITS = ["Company name", "Headcount", "员工人数", "Annual Revenue", "ARR", "Industry", "行业",
               "LTV", "NPS", "Churned?", "Region", "id", "", " ", "=", "Deal Stage", "Amount (USD)"]
FIELDS = ["industry", "employees", "annual_revenue_usd", "region", "tech_stack", "country", "x", ""]
OPS = ["eq", "in", "between", "gte", "lte", "contains", "like", ""]


def fragments(bits: list[str], max_size: int = 30) -> Any:
    return st.lists(st.sampled_from(bits) | st.text(max_size=8), max_size=max_size).map("".join)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=25)
icp_like = st.fixed_dictionaries({}, optional={
    "name": st.text(max_size=20) | st.integers(),
    "schema_version": st.integers(-2, 3) | st.text(max_size=3),
    "firmographics": st.fixed_dictionaries({}, optional={
        "industries": st.lists(st.text(max_size=15), max_size=4) | json_values,
        "employees": st.fixed_dictionaries({}, optional={"min": json_values, "max": json_values}),
        "annual_revenue_usd": json_values}),
    "red_flags": st.lists(st.fixed_dictionaries({"description": st.text(max_size=30)}), max_size=3) | json_values,
    "filters": json_values, "signals": json_values, "decision_makers": json_values,
})
rule = st.fixed_dictionaries({"field": st.sampled_from(FIELDS) | st.text(max_size=8),
                              "op": st.sampled_from(OPS),
                              "value": json_values, "weight": st.floats(allow_nan=False) | st.integers()})
record = st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=12) | st.integers() | st.none(), max_size=5)


# --- calls ----------------------------------------------------------------------------------
def parse_transcript_text(pair: tuple[str, str]) -> None:
    from icp_coach.transcripts.loader import parse_transcript, sniff_format

    text, suffix = pair
    parse_transcript(text, f"fuzz{suffix}", fmt=sniff_format(text, suffix))


def load_transcript_bytes(data: bytes, folder: Path) -> None:
    from icp_coach.transcripts.loader import load_transcript

    path = folder / "fuzz.txt"
    path.write_bytes(data)
    load_transcript(path)


def numbers_and_money(text: str) -> None:
    from icp_coach.text.numbers import find_quantities, find_ranges

    find_quantities(text)
    find_ranges(text)


def extract_notes(text: str, extractor: Any) -> None:
    from icp_coach.domain.icp import ICPDocument

    for step in (0, 1, 3):
        extractor.extract_patch(text, step=step, draft=ICPDocument(name="fuzz"), language="en")


def crm_cells(cells: list[str]) -> None:
    from icp_coach.domain.cells import normalise_cell, parse_bool, parse_plain_number, split_list

    for cell in cells:
        normalise_cell(cell)
        parse_plain_number(cell)
        parse_bool(cell)
        split_list(cell)


def crm_headers(pair: tuple[list[str], list[str]]) -> None:
    from icp_coach.analysis.header_mapping import map_headers, parse_overrides

    headers, overrides = pair
    map_headers(headers, parse_overrides(overrides), source="fuzz.csv")


def crm_table(data: bytes, folder: Path) -> None:
    from icp_coach.analysis.cleaning import clean_table
    from icp_coach.analysis.header_mapping import map_headers
    from icp_coach.analysis.table_reading import read_table

    path = folder / "fuzz.csv"
    path.write_bytes(data)
    raw = read_table(path)
    clean_table(raw, map_headers(raw.columns, source=str(path)))


def icp_json_text(text: str, folder: Path) -> None:
    from icp_coach.domain.validation import validate_icp
    from icp_coach.storage.icp_files import load_icp

    path = folder / "fuzz.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    validate_icp(load_icp(path))


def icp_data(data: dict[str, Any]) -> None:
    from icp_coach.domain.validation import completeness, validate_icp
    from icp_coach.storage.icp_files import icp_from_data

    doc = icp_from_data(data, "fuzz.json")
    validate_icp(doc, "zh")
    completeness(doc)


def criteria(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    from icp_coach.domain.criteria import Signal, matches

    rule_data, row = pair
    matches(Signal.model_validate(rule_data), row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1500, help="inputs per target")
    parser.add_argument("--seed", type=int, default=16)
    options = parser.parse_args()
    examples = options.examples
    folder = Path(tempfile.mkdtemp(prefix="icp-fuzz-"))

    from icp_coach.engines.offline.extractor import OfflineExtractor

    extractor = OfflineExtractor()
    suffixes = [".txt", ".md", ".vtt", ".srt", ".csv", ".tsv", ".ttml", ".sbv", ".ass", ".xml"]
    transcript_text = st.tuples(fragments(WORDS, 60), st.sampled_from(suffixes))
    targets: list[tuple[str, Any, Callable[[Any], object], int]] = [
        ("transcripts (text, every format)", transcript_text, parse_transcript_text, examples),
        ("transcripts (raw bytes from a file)", st.binary(max_size=400),
         lambda data: load_transcript_bytes(data, folder), examples // 3),
        ("numbers and money", fragments(NUMBER_BITS), numbers_and_money, examples),
        ("notes to an ICP (offline extractor)", fragments(NUMBER_BITS + WORDS, 25),
         lambda text: extract_notes(text, extractor), examples // 3),
        ("CRM cells", st.lists(fragments(CELL_BITS, 4), max_size=8), crm_cells, examples),
        ("CRM headers and --map", st.tuples(st.lists(fragments(HEADER_BITS, 3), max_size=8),
                                             st.lists(st.text(max_size=12), max_size=3)), crm_headers, examples),
        ("CRM tables (CSV bytes)", st.lists(st.lists(fragments(CELL_BITS + HEADER_BITS, 3), min_size=1, max_size=5),
                                             max_size=6).map(lambda rows: "\n".join(",".join(r) for r in rows).encode()),
         lambda data: crm_table(data, folder), examples // 3),
        ("ICP documents (JSON text)", st.text(max_size=200) | json_values.map(json.dumps) | icp_like.map(json.dumps),
         lambda text: icp_json_text(text, folder), examples),
        ("ICP documents (data)", icp_like, icp_data, examples),
        ("criteria (rules and matching)", st.tuples(rule, record), criteria, examples),
    ]
    tallies = []
    started = time.perf_counter()
    for name, strategy, call, count in targets:
        tally = Tally(name)
        run_target(tally, strategy, call, max(1, count), options.seed)
        tallies.append(tally)
        print(f"{name:40} tried {tally.tried:6}  crashes {tally.crash_count:4}  over {SLOW_SECONDS:.0f} s "
              f"{tally.slow:3}  slowest {tally.slowest:.3f} s", flush=True)
        for kind, example in tally.crashes.items():
            print(f"    crash {kind}\n      first input: {example}")
    total = sum(t.tried for t in tallies)
    crashes = sum(t.crash_count for t in tallies)
    slow = sum(t.slow for t in tallies)
    print(f"\nTOTAL inputs tried {total}, crashes {crashes} ({sum(len(t.crashes) for t in tallies)} kinds), "
          f"inputs over {SLOW_SECONDS:.0f} s {slow}; {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
