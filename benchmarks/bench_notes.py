"""Speed of the offline notes engine: `icp-coach extract --engine offline` on whole ICP notes.

    .venv/bin/python benchmarks/bench_notes.py [--runs 5] [--threads 1]

Times extract_notes (units, learned clause reader on the bundled embeddings, parsers) on every
note of tests/engines_offline/notes*/ (the repository's own notes, 5 to 40 lines each) and of
tests/notes_files/cases/ (notes as .docx, .html, .enex, .eml, .mbox, .ics, .rtf, GBK and Big5
text), each read as `icp-coach extract` reads it (icp_coach.notes_files). Prints
the cold first call (the embedding model and the heads are loaded) and, per note, the median of
the warm runs; the headline is the slowest note's median. Target: under 1 s per note on one core
(`--threads 1` pins the model's OpenMP threads before it loads). Beside the wall time, the CPU
time of the process: on a machine other jobs share, wall time grows with their load and CPU time
barely does, so compare CPU time (or ratios taken in one run) across runs.
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
    from icp_coach.notes_files import read_notes_file
    from icp_coach.services.extract_notes import extract_notes

    notes = sorted(path for path in (ROOT / "tests" / "engines_offline").glob("notes*/*.md")
                   if path.name != "README.md")  # a case folder's README describes the notes; it is not one
    notes += sorted(path for path in (ROOT / "tests" / "notes_files" / "cases").iterdir()
                    if path.suffix not in (".json", ".py", ".md"))
    texts = {path: read_notes_file(path).text for path in notes}
    from icp_coach.embeddings import BundledEmbedder

    extractor = OfflineExtractor(embedder=BundledEmbedder())
    started, cpu_started = time.perf_counter(), time.process_time()
    extract_notes(texts[notes[0]], extractor, source=notes[0].name)
    cold = time.perf_counter() - started
    cold_cpu = time.process_time() - cpu_started
    medians = {}
    cpu_medians = {}
    for path in notes:
        text = texts[path]
        times = []
        cpu_times = []
        for _ in range(args.runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            extract_notes(text, extractor, source=path.name)
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
        medians[path] = statistics.median(times)
        cpu_medians[path] = statistics.median(cpu_times)
    print(f"threads: {args.threads}   cold first note (model load): {cold:.2f}s "
          f"(cpu {cold_cpu:.2f}s)")
    for path, seconds in medians.items():
        lines = sum(1 for line in texts[path].splitlines() if line.strip())
        print(f"  {path.parent.name}/{path.name:32} {lines:3} lines  median {seconds:.3f}s "
              f"(cpu {cpu_medians[path]:.3f}s)")
    slowest = max(medians.values())
    print(f"slowest note median: {slowest:.3f}s (cpu {max(cpu_medians.values()):.3f}s)   "
          f"all notes median: {statistics.median(medians.values()):.3f}s "
          f"(cpu {statistics.median(cpu_medians.values()):.3f}s)   target < 1 s: "
          f"{'met' if slowest < 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
