"""Benchmark: score 1,000,000 generated prospects against the dev-data job4 rules.

Run: .venv/bin/python benchmarks/bench_score.py [--rows 1000000] [--repeat 3] [--loop-rows 50000] [--exact]
Targets: under 3 s and under 1.5 GB peak memory for the vectorised path (read CSV, check, score,
write the scored CSV), and >= 20x faster than a straightforward per-row Python loop over the same
rules with domain.criteria.matches (the loop runs on --loop-rows rows and is extrapolated).
Each vectorised run happens in a fresh process so its peak memory (ru_maxrss) is its own.
Region and industry filters read cells through the place and trade taxonomy, as the `score`
command does (`--exact`: without it, the comparison as written). A last line times the taxonomy
on a column of many distinct places, where its per-cell cost shows.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

RULES = {
    "filters": [
        {"field": "industry", "op": "in", "value": ["fintech", "saas", "insurance"]},
        {"field": "employees", "op": "between", "value": [50, 500]},
        {"field": "region", "op": "in", "value": ["north america", "emea"]},
    ],
    "signals": [
        {"field": "recently_raised", "op": "eq", "value": True, "weight": 3},
        {"field": "visited_pricing_page", "op": "eq", "value": True, "weight": 2},
        {"field": "hiring_sales", "op": "eq", "value": True, "weight": 2},
        {"field": "tech_stack", "op": "contains", "value": "salesforce", "weight": 1},
        {"field": "tech_stack", "op": "contains", "value": "snowflake", "weight": 1},
        {"field": "uses_competitor", "op": "eq", "value": True, "weight": 1},
    ],
}


def generate_prospects(path: Path, rows: int, seed: int = 5) -> None:
    import polars as pl

    rng = np.random.default_rng(seed)
    industries = np.array(["fintech", "saas", "insurance", "healthcare", "retail", "FinTech ", "SaaS", "media"])
    regions = np.array(["north america", "emea", "apac", "latam", "EMEA", " North America"])
    employees = rng.integers(5, 3000, rows)
    stacks = np.array(["salesforce;aws", "Snowflake; slack", "hubspot", "", "aws;snowflake;salesforce", "jira"])
    flags = np.array(["true", "false", "TRUE", "False", ""])
    frame = pl.DataFrame({
        "account_id": [f"P-{i:07d}" for i in range(rows)],
        "company": [f"Prospect {i}" for i in range(rows)],
        "industry": rng.choice(industries, rows),
        "employees": [f"{e:,}" if e >= 1000 and i % 5 == 0 else str(e) for i, e in enumerate(employees)],
        "region": rng.choice(regions, rows),
        "tech_stack": rng.choice(stacks, rows),
        "recently_raised": rng.choice(flags, rows),
        "hiring_sales": rng.choice(flags, rows),
        "visited_pricing_page": rng.choice(flags, rows),
        "uses_competitor": rng.choice(flags, rows),
    })
    # blank cells as a CRM export writes them: nothing between the commas (polars would quote "")
    frame = frame.with_columns(pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c)
                               for c in frame.columns)
    frame.write_csv(path)


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM restarts at exec, unlike ru_maxrss, which on
    Linux carries the forking parent's peak into the child."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _taxonomy(exact: bool) -> Any:
    if exact:
        return None
    from icp_coach.engines.offline.place_trade_taxonomy import GazetteerTaxonomy

    return GazetteerTaxonomy()


def vectorised_run(prospects: Path, rules_path: Path, output: Path, streaming: bool, exact: bool = False) -> None:
    """One scoring run, as the `score` command does it; prints seconds and peak RSS as JSON."""
    from icp_coach.analysis.prospect_scoring import (
        ScoringRules,
        resolve_columns,
        score_csv_streaming,
        score_frame,
    )
    from icp_coach.analysis.table_reading import LINE, csv_scan_problems, read_table
    from icp_coach.domain.criteria import Filter, Signal

    data = json.loads(rules_path.read_text())
    start = time.perf_counter()
    cpu_start = time.process_time()
    rules = ScoringRules([Filter(**f) for f in data["filters"]], [Signal(**s) for s in data["signals"]], "bench",
                         taxonomy=_taxonomy(exact))
    if streaming:
        import polars as pl

        assert not csv_scan_problems(prospects)
        resolve_columns(rules, pl.scan_csv(prospects, infer_schema=False).collect_schema().names())
        score_csv_streaming(prospects, rules, output)
    else:
        raw = read_table(prospects)
        resolve_columns(rules, raw.columns)
        scored = score_frame(raw.frame, rules)
        scored.drop(LINE).write_csv(output)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # all threads; less sensitive to other processes' load
    peak_mb = _peak_rss_mb()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb}))


def loop_run(prospects: Path, rows: int, output: Path) -> tuple[float, float]:
    """The straightforward alternative: csv.DictReader, matches() per row and rule, and
    csv.DictWriter for the same scored CSV."""
    from icp_coach.domain.criteria import Filter, Signal, matches

    filters = [Filter(**f) for f in RULES["filters"]]
    signals = [Signal(**s) for s in RULES["signals"]]
    total = sum(s.weight for s in signals)
    start, cpu_start = time.perf_counter(), time.process_time()
    used = list(dict.fromkeys(c.field for c in [*filters, *signals]))
    with prospects.open(encoding="utf-8", newline="") as handle, output.open("w", encoding="utf-8", newline="") as out:
        reader = csv.DictReader(handle)
        writer = csv.DictWriter(out, [*(reader.fieldnames or []), "excluded", "failed_filters", "score", "tier",
                                      "matched_signals", "confidence", "icp_version"])
        writer.writeheader()
        for index, record in enumerate(reader):
            if index >= rows:
                break
            failed = [f"{f.describe()} (cell: {record[f.field].strip() or 'empty'})"
                      for f in filters if not matches(f, record)]
            hit = [s for s in signals if matches(s, record)]
            weight = sum(s.weight for s in hit)
            tier = None if failed else 1 if weight * 100 >= 60 * total else 2 if weight * 100 >= 30 * total else 3
            present = sum(1 for name in used if (record.get(name) or "").strip()) / len(used)
            writer.writerow({**record, "excluded": bool(failed), "failed_filters": "; ".join(failed),
                             "score": round(100 * weight / total, 2), "tier": tier,
                             "matched_signals": "; ".join(s.describe() for s in hit),
                             "confidence": round(present, 2), "icp_version": "bench"})
    return time.perf_counter() - start, time.process_time() - cpu_start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--loop-rows", type=int, default=50_000)
    parser.add_argument("--exact", action="store_true", help="filters compare cells as written (no taxonomy)")
    parser.add_argument("--run", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        vectorised_run(Path(args.run[0]), Path(args.run[1]), Path(args.run[2]), args.run[3] == "stream",
                       args.run[4] == "exact")
        return
    with tempfile.TemporaryDirectory() as folder:
        prospects, rules_path = Path(folder) / "prospects.csv", Path(folder) / "rules.json"
        generate_prospects(prospects, args.rows)
        rules_path.write_text(json.dumps(RULES))
        print(f"prospects: {args.rows:,} ({prospects.stat().st_size / 1e6:.0f} MB CSV)")
        medians, cpu_medians = {}, {}
        for mode in ("memory", "stream"):
            runs = []
            for _ in range(args.repeat):
                done = subprocess.run([sys.executable, __file__, "--run", str(prospects), str(rules_path),
                                       str(Path(folder) / "scored.csv"), mode,
                                       "exact" if args.exact else "taxonomy"],
                                      check=True, capture_output=True, text=True)
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            seconds = statistics.median(r["seconds"] for r in runs)
            peak = max(r["peak_mb"] for r in runs)
            medians[mode] = seconds
            cpu_medians[mode] = statistics.median(r["cpu"] for r in runs)
            print(f"vectorised ({mode}): median {seconds:.2f} s, best {min(r['seconds'] for r in runs):.2f} s "
                  f"over {args.repeat} runs "
                  f"[{', '.join(format(r['seconds'], '.2f') for r in runs)}], CPU {cpu_medians[mode]:.2f} s, "
                  f"peak RSS {peak:.0f} MB (targets < 3 s, < 1536 MB)")
        loop_rows = min(args.loop_rows, args.rows)
        loop_seconds, loop_cpu = loop_run(prospects, loop_rows, Path(folder) / "loop.csv")
        estimated = loop_seconds * args.rows / loop_rows
        estimated_cpu = loop_cpu * args.rows / loop_rows
        print(f"per-row Python loop with matches() (read, score, write): {loop_seconds:.2f} s "
              f"(CPU {loop_cpu:.2f} s) for {loop_rows:,} rows, ~{estimated:.1f} s for {args.rows:,} (extrapolated)")
        best = min(medians.values())
        best_cpu = min(cpu_medians.values())
        print(f"speed-up vs the loop: {estimated / best:.0f}x wall time, {estimated_cpu / best_cpu:.0f}x CPU time "
              "(target >= 20x)")
        if not args.exact:
            many_places(args.repeat)


def _forget_readings() -> None:
    """Each timed run reads its cells afresh (the trees stay built, as within one command)."""
    from icp_coach.engines.offline import place_trade_taxonomy

    place_trade_taxonomy._read.cache_clear()


def many_places(repeat: int, rows: int = 200_000, distinct: int = 20_000) -> None:
    """A region column of many distinct cells (cities, "City, State", unknown towns) scored
    with and without the taxonomy: the cost of reading each distinct cell once."""
    import polars as pl

    from icp_coach.analysis.prospect_scoring import ScoringRules, resolve_columns, score_frame
    from icp_coach.domain.criteria import Filter

    known = ["Texas", "Toronto", "Berlin", "杭州", "浙江杭州", "Austin, Texas", "Georgia", "德国", "San Diego"]
    cells = [known[i % len(known)] if i % 3 else f"Town {i}, Texas" if i % 2 else f"Village {i}"
             for i in range(distinct)]
    frame = pl.DataFrame({"region": [cells[i % distinct] for i in range(rows)]})
    timings: dict[str, float] = {}
    for label, taxonomy in (("exact", None), ("taxonomy", _taxonomy(False))):
        runs = []
        for _ in range(repeat):
            rules = ScoringRules([Filter(field="region", op="in", value=["North America", "华东"])], [], "bench",
                                 taxonomy=taxonomy)
            resolve_columns(rules, frame.columns)
            _forget_readings()
            start = time.perf_counter()
            score_frame(frame, rules)
            runs.append(time.perf_counter() - start)
        timings[label] = statistics.median(runs)
    print(f"{rows:,} rows, {distinct:,} distinct region cells: exact {timings['exact']:.2f} s, "
          f"taxonomy {timings['taxonomy']:.2f} s (median of {repeat})")


if __name__ == "__main__":
    main()
