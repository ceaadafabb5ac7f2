"""Speed of the offline JTBD engine on a long interview (about 10,000 words).

    .venv/bin/python benchmarks/bench_jtbd.py [--words 10000] [--runs 5]

Builds a transcript from the repository's own fixture interviews (questions and answers repeated
with numbered variations until it reaches --words), writes it as a .txt file, and times parse +
extract + verify with the engine `icp-coach jtbd --engine offline` uses (the learned head over
hashed n-gram and cue features; no model call). Prints the first (cold) run and the median of the
warm runs. Target: under 5 s on one core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [ROOT / "tests" / "jtbd" / "fixtures" / "ap_ledgerly_en.vtt",
           ROOT / "tests" / "jtbd" / "fixtures" / "heldout" / "compliance_vantor_en.txt"]


def build_transcript(words: int) -> str:
    from icp_coach.transcripts.loader import load_transcript

    turns = []
    for source in SOURCES:
        if source.exists():
            for turn in load_transcript(source).turns:
                speaker = "Interviewer" if turn.is_interviewer else "Customer (Buyer)"
                turns.append((speaker, " ".join(turn.text.split())))
    lines: list[str] = []
    count = 0
    round_number = 0
    while count < words:
        round_number += 1
        for speaker, text in turns:
            line = f"{speaker}: {text}" + (f" (part {round_number})" if round_number > 1 else "")
            lines.append(line)
            count += len(line.split()) - 1
            if count >= words:
                break
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from icp_coach.bootstrap import make_app
    from icp_coach.services.jtbd import verify_result
    from icp_coach.settings import load_settings
    from icp_coach.transcripts.loader import load_transcript

    text = build_transcript(args.words)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long_interview.txt"
        path.write_text(text, encoding="utf-8")
        app = make_app(load_settings(engine="offline"))
        times: list[float] = []
        cpu: list[float] = []  # CPU seconds: what one core spends, whatever else the machine runs
        for _ in range(args.runs + 1):
            started, cpu_started = time.perf_counter(), time.process_time()
            transcript = load_transcript(path)
            result = verify_result(app.jtbd_extractor.extract_jtbd(transcript), transcript)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
        from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor

        lexicon_only = OfflineJTBDExtractor(embedder=None)
        lexicon_times: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            transcript = load_transcript(path)
            verify_result(lexicon_only.extract_jtbd(transcript), transcript)
            lexicon_times.append(time.perf_counter() - started)
    words = len(text.split())
    quotes = sum(len(i.evidence) for f in ("push", "pull", "anxiety", "habit")
                 for i in getattr(result.forces, f))
    print(f"transcript: {words} words, {len(transcript.turns)} turns; {quotes} force quotes")
    print(f"cold run: {times[0]:.2f} s")
    print(f"warm runs: median {statistics.median(times[1:]):.2f} s over {args.runs} "
          f"(min {min(times[1:]):.2f}, max {max(times[1:]):.2f}); target < 5 s")
    print(f"warm runs, CPU time: median {statistics.median(cpu[1:]):.2f} s (all threads; pin to one "
          "core with taskset -c 0 for the one-core figure)")
    print(f"same through an extractor built without an embedder: median "
          f"{statistics.median(lexicon_times):.2f} s")
    try:
        import os

        print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
