"""Speed of the offline notes engine: `icp-coach extract --engine offline` on whole ICP notes.

    .venv/bin/python benchmarks/bench_notes.py [--runs 5] [--threads 1]

Times extract_notes (units, learned clause reader on the bundled embeddings, parsers) on every
note of tests/engines_offline/notes*/ (the repository's own notes, 5 to 40 lines each). Prints
the cold first call (the embedding model and the heads are loaded) and, per note, the median of
the warm runs; the headline is the slowest note's median. Target: under 1 s per note on one core
(`--threads 1` pins the model's OpenMP threads before it loads).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    from icp_coach.engines.offline.extractor import OfflineExtractor
    from icp_coach.services.extract_notes import extract_notes

    notes = sorted((ROOT / "tests" / "engines_offline").glob("notes*/*.md"))
    from icp_coach.embeddings import BundledEmbedder

    extractor = OfflineExtractor(embedder=BundledEmbedder())
    started = time.perf_counter()
    extract_notes(notes[0].read_text("utf-8"), extractor, source=notes[0].name)
    cold = time.perf_counter() - started
    medians = {}
    for path in notes:
        text = path.read_text("utf-8")
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            extract_notes(text, extractor, source=path.name)
            times.append(time.perf_counter() - started)
        medians[path] = statistics.median(times)
    print(f"threads: {args.threads}   cold first note (model load): {cold:.2f}s")
    for path, seconds in medians.items():
        lines = sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())
        print(f"  {path.parent.name}/{path.name:32} {lines:3} lines  median {seconds:.3f}s")
    slowest = max(medians.values())
    print(f"slowest note median: {slowest:.3f}s   all notes median: "
          f"{statistics.median(medians.values()):.3f}s   target < 1 s: "
          f"{'met' if slowest < 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
