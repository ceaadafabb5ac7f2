"""Benchmark: analyse 100,000 generated customers (read, map, clean, rank, traits, subgroups).

Run: .venv/bin/python benchmarks/bench_customers.py [--rows 100000] [--repeat 3]
Target: under 5 s. Prints the median wall time of the whole `customers` pipeline.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np


def generate_customers(path: Path, rows: int, seed: int = 3) -> None:
    """A messy CRM export with a planted best segment (fintech, EMEA, 200-1,000 staff, Snowflake)."""
    import polars as pl

    rng = np.random.default_rng(seed)
    industries = np.array(["fintech", "saas", "retail", "healthcare", "logistics", "media", "education", "insurance"])
    regions = np.array(["north america", "emea", "apac", "latam"])
    industry = rng.choice(industries, rows)
    region = rng.choice(regions, rows, p=[0.42, 0.28, 0.2, 0.1])
    employees = np.clip(np.exp(rng.normal(4.9, 1.7, rows)), 8, 12000).astype(int)
    tools = ["salesforce", "hubspot", "snowflake", "aws", "slack", "jira", "okta", "stripe"]
    has = rng.random((rows, len(tools))) < np.array([0.4, 0.3, 0.2, 0.55, 0.6, 0.45, 0.25, 0.2])
    ideal = rng.random(rows) < 0.1
    industry[ideal], region[ideal] = "fintech", "emea"
    employees[ideal] = rng.integers(200, 1000, ideal.sum())
    has[ideal, 2] = True
    value = rng.normal(0, 1, rows) + 3 * ideal
    stacks = [";".join(t for t, flag in zip(tools, row, strict=True) if flag) for row in has]
    messy_industry = np.where(rng.random(rows) < 0.05, np.char.upper(industry.astype(str)), industry)
    ltv = np.round(np.exp(rng.normal(11 + 0.3 * value, 0.4)), -2).astype(int)
    frame = pl.DataFrame({
        "Record ID": [f"ACC-{i:07d}" for i in range(rows)],
        "Company": [f"Company {i}" for i in range(rows)],
        "Industry": messy_industry,
        "Number of Employees": [f"{e:,}" if e >= 1000 and i % 7 == 0 else str(e) for i, e in enumerate(employees)],
        "Region": region,
        "Tech Stack": stacks,
        "LTV": ltv,
        "Cost to serve": np.round(ltv * np.clip(rng.normal(0.1 - 0.02 * value, 0.02), 0.01, 0.5)).astype(int),
        "Referrals": rng.poisson(np.clip(0.4 + 0.5 * value, 0.05, 5)),
        "NPS": np.clip(np.round(rng.normal(7 + value, 1.2)), 0, 10).astype(int),
        "Sales cycle": np.clip(np.round(rng.normal(80 - 12 * value, 15)), 7, 365).astype(int),
        "Churned": np.where(rng.random(rows) < 1 / (1 + np.exp(1.1 + 1.3 * value)), "TRUE", "false"),
        "Expanded": np.where(rng.random(rows) < 1 / (1 + np.exp(0.4 - 1.1 * value)), "yes", "no"),
    })
    frame.write_csv(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from icp_coach.analysis.customer_analysis import analyse_customers, load_clean_table

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "customers.csv"
        generate_customers(path, args.rows)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = analyse_customers(load_clean_table(path))
            times.append(time.perf_counter() - start)
    top = [t["label"] for t in result["traits"][:4]]
    print(f"customers analysed: {args.rows:,}; runs: {', '.join(f'{t:.2f}s' for t in times)}")
    print(f"median: {statistics.median(times):.2f} s, best {min(times):.2f} s (target < 5 s); top traits: {top}")


if __name__ == "__main__":
    main()
