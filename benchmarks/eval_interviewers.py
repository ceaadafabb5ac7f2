"""Interviewer detection on hand-written cases: exact-set accuracy per language.

Each file in tests/jtbd/interviewer_cases/ is loaded without `--interviewer`; the labels the
loader puts on the research side must equal the gold set in gold.json (no more, no fewer).

    PYTHONPATH=. .venv/bin/python benchmarks/eval_interviewers.py [--show] [--fresh | --set NAME]

`--fresh` scores interviewer_cases/fresh/ instead: cases written after the tuning, never tuned on.
`--set hard` scores interviewer_cases/hard/ (any subfolder with its own gold.json). Where gold
gives `customers` too, a file is right only when the customer turns carry exactly those labels.
`--rewrite ids|no-question-marks|no-punctuation` scores each case again as plain `Label: text` lines
with every speaker renamed `Speaker N`, or with question marks or all punctuation taken out (as
speech-to-text writes it): the same conversations, none of the cues a name or a "?" gives.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from icp_coach.domain.transcript import TranscriptTurn
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript, parse_transcript

CASES = Path(__file__).resolve().parent.parent / "tests" / "jtbd" / "interviewer_cases"


def gold_cases(folder: Path = CASES) -> dict[str, list[str]]:
    """File -> research-side labels. A gold entry may also be {"interviewers": [...],
    "customers": [...]}; then `gold_customers` holds the customer side to check as well."""
    raw = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return {name: gold["interviewers"] if isinstance(gold, dict) else gold for name, gold in raw.items()}


def gold_customers(folder: Path = CASES) -> dict[str, list[str]]:
    raw = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return {name: gold["customers"] for name, gold in raw.items() if isinstance(gold, dict)}


def chosen(name: str, folder: Path = CASES) -> list[str]:
    """The research side the loader picks; a file it cannot read counts as a miss."""
    try:
        return list(load_transcript(folder / name).interviewers)
    except TranscriptError as error:
        return [f"<unreadable: {error}>"]


def customers_heard(name: str, folder: Path = CASES) -> list[str]:
    """The labels of the turns the loader keeps as the customer's words."""
    try:
        return sorted({t.written_label() for t in load_transcript(folder / name).customer_turns()})
    except TranscriptError as error:
        return [f"<unreadable: {error}>"]


# a timecode the export wrote at the start of a turn's text ("[00:01]", "(00:01:12)", "00:03:11 ")
_STAMP_IN_TEXT = re.compile(
    r"^\s*(?:[\[(（【〔]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\s*[\])）】〕]|\d{1,2}:\d{2}(?::\d{2})?(?:\s|$))")


def stamped_turns(name: str, folder: Path = CASES) -> int:
    """How many turns still begin with an export's timecode (it would end up inside quotes)."""
    try:
        return sum(bool(_STAMP_IN_TEXT.match(t.text)) for t in load_transcript(folder / name).turns)
    except TranscriptError:
        return 0


REWRITES = ("ids", "no-question-marks", "no-punctuation")


def rewritten(name: str, gold: list[str], how: str, folder: Path = CASES) -> tuple[list[str], list[str]]:
    """(chosen, gold) speakers for the case rewritten `how` (one of REWRITES)."""
    turns = [t for t in load_transcript(folder / name).turns if t.speaker]
    numbers: dict[str, str] = {}
    for turn in turns:
        numbers.setdefault(turn.speaker, f"Speaker {len(numbers) + 1}")
    marks = {"ids": "", "no-question-marks": "[?？]", "no-punctuation": r"[.,?!。，？！、；;:：]"}[how]

    def label(turn: TranscriptTurn) -> str:
        return numbers[turn.speaker] if how == "ids" else turn.written_label()

    def said(text: str) -> str:
        text = " ".join(text.split())
        return re.sub(marks, " ", text) if marks else text
    again = [t for t in parse_transcript("\n".join(f"{label(t)}: {said(t.text)}" for t in turns), name).turns
             if t.speaker]
    order: dict[str, str] = {}  # the rewritten file's speakers, numbered in the same order
    for turn in again:
        order.setdefault(turn.speaker, f"Speaker {len(order) + 1}")
    got = sorted({order[t.speaker] for t in again if t.is_interviewer})
    return got, sorted({numbers[t.speaker] for t in turns if t.written_label() in gold})


def main(argv: list[str]) -> int:
    show = "--show" in argv
    folder = CASES / "fresh" if "--fresh" in argv else CASES
    if "--set" in argv and argv.index("--set") + 1 < len(argv):
        folder = CASES / argv[argv.index("--set") + 1]
    how = argv[argv.index("--rewrite") + 1] if "--rewrite" in argv and argv.index("--rewrite") + 1 < len(argv) else ""
    if how and how not in REWRITES:
        print(f"--rewrite takes one of: {', '.join(REWRITES)}", file=sys.stderr)
        return 2
    totals: dict[str, list[int]] = {}
    customers = gold_customers(folder)
    stamped: dict[str, int] = {}
    for name, gold in gold_cases(folder).items():
        if not how and (count := stamped_turns(name, folder)):
            stamped[name] = count
        got = chosen(name, folder)
        if how and not any(g.startswith("<unreadable") for g in got):
            got, gold = rewritten(name, gold, how, folder)
        right = set(got) == set(gold)
        if name in customers and not how:
            heard = customers_heard(name, folder)
            if set(heard) != set(customers[name]):
                right = False
                print(f"     {name}: customer turns from {heard}, gold {customers[name]}")
        language = name.lstrip("f")[:2]
        totals.setdefault(language, [0, 0])
        totals[language][0] += right
        totals[language][1] += 1
        if show or not right:
            print(f"{'ok  ' if right else 'MISS'} {name}: chose {got}, gold {gold}")
    for language, (right, total) in sorted(totals.items()):
        print(f"{language}: {right}/{total} = {right / total:.0%}")
    if stamped:
        print(f"turns still starting with a timecode: {sum(stamped.values())} in {len(stamped)} files "
              f"({', '.join(sorted(stamped))})")
    right = sum(r for r, _ in totals.values())
    total = sum(t for _, t in totals.values())
    print(f"all: {right}/{total} = {right / total:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
