"""Interviewer detection on hand-written cases: exact-set accuracy per language.

Each file in tests/jtbd/interviewer_cases/ is loaded without `--interviewer`; the labels the
loader puts on the research side must equal the gold set in gold.json (no more, no fewer).

    PYTHONPATH=. .venv/bin/python benchmarks/eval_interviewers.py [--show] [--fresh | --set NAME]

`--fresh` scores interviewer_cases/fresh/ instead: cases written after the tuning, never tuned on.
`--set hard` scores interviewer_cases/hard/ (any subfolder with its own gold.json).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript

CASES = Path(__file__).resolve().parent.parent / "tests" / "jtbd" / "interviewer_cases"


def gold_cases(folder: Path = CASES) -> dict[str, list[str]]:
    return json.loads((folder / "gold.json").read_text(encoding="utf-8"))


def chosen(name: str, folder: Path = CASES) -> list[str]:
    """The research side the loader picks; a file it cannot read counts as a miss."""
    try:
        return list(load_transcript(folder / name).interviewers)
    except TranscriptError as error:
        return [f"<unreadable: {error}>"]


def main(argv: list[str]) -> int:
    show = "--show" in argv
    folder = CASES / "fresh" if "--fresh" in argv else CASES
    if "--set" in argv and argv.index("--set") + 1 < len(argv):
        folder = CASES / argv[argv.index("--set") + 1]
    totals: dict[str, list[int]] = {}
    for name, gold in gold_cases(folder).items():
        got = chosen(name, folder)
        right = set(got) == set(gold)
        language = name.lstrip("f")[:2]
        totals.setdefault(language, [0, 0])
        totals[language][0] += right
        totals[language][1] += 1
        if show or not right:
            print(f"{'ok  ' if right else 'MISS'} {name}: chose {got}, gold {gold}")
    for language, (right, total) in sorted(totals.items()):
        print(f"{language}: {right}/{total} = {right / total:.0%}")
    right = sum(r for r, _ in totals.values())
    total = sum(t for _, t in totals.values())
    print(f"all: {right}/{total} = {right / total:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
