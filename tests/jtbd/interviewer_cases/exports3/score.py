"""Scores the loader on the exports3 cases: research side right, customer side right, and the
gold customer quotes found in customer turns (not on the research side, not lost).

    PYTHONPATH=. .venv/bin/python tests/jtbd/interviewer_cases/exports3/score.py [--show] [--set after_fix]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from icp_coach.domain.transcript import Transcript
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript

HERE = Path(__file__).resolve().parent


def gold_of(folder: Path = HERE) -> dict[str, dict[str, list[str]]]:
    return dict(json.loads((folder / "gold.json").read_text(encoding="utf-8")))


GOLD = gold_of()


def _flat(text: str) -> str:
    return " ".join(text.split())


def side(transcript: Transcript, research: bool) -> set[str]:
    """Who is on one side, by person and by the label the file writes."""
    names: set[str] = set()
    for turn in transcript.turns:
        if turn.speaker and turn.is_interviewer == research:
            names |= {turn.speaker, turn.written_label()}
    return names


def _id(label: str) -> str:
    """A tool's bare speaker id the same written `B` or `Speaker B`, `0` or `Speaker 0`."""
    return label.removeprefix("Speaker ")


def matches(found: set[str], gold: list[str]) -> bool:
    """Every gold person is found, and nobody else (a person may appear under two labels)."""
    found, gold = {_id(name) for name in found}, [_id(name) for name in gold]
    return set(gold) <= found and all(any(g in name or name in g for g in gold) for name in found)


def score_case(name: str, folder: Path = HERE) -> dict[str, Any]:
    gold = gold_of(folder)[name] if folder != HERE else GOLD[name]
    try:
        transcript = load_transcript(folder / name)
    except TranscriptError as error:
        return {"readable": False, "error": str(error), "interviewers": False, "customers": False,
                "customer_quotes": 0, "research_quotes": 0, "quotes": len(gold["quotes"])}
    customer_text = [_flat(t.text) for t in transcript.turns if t.speaker and not t.is_interviewer]
    research_text = [_flat(t.text) for t in transcript.turns if t.is_interviewer]
    return {"readable": True, "chosen": sorted(side(transcript, True)),
            "interviewers": matches(side(transcript, True), gold["interviewers"]),
            "customers": matches(side(transcript, False), gold["customers"]),
            "customer_quotes": sum(any(_flat(q) in t for t in customer_text) for q in gold["quotes"]),
            "research_quotes": sum(any(_flat(q) in t for t in research_text) for q in gold["quotes"]),
            "quotes": len(gold["quotes"])}


def main(argv: list[str]) -> int:
    folder = HERE / argv[argv.index("--set") + 1] if "--set" in argv[:-1] else HERE
    rows = {name: score_case(name, folder) for name in gold_of(folder)}
    for name, row in rows.items():
        if "--show" in argv or not (row["interviewers"] and row["customers"]) \
                or row["customer_quotes"] != row["quotes"]:
            what = row.get("error") or f"research side {row['chosen']}"
            print(f"{'ok  ' if row['interviewers'] and row['customers'] else 'MISS'} {name}: {what}; "
                  f"customer quotes {row['customer_quotes']}/{row['quotes']}, "
                  f"on the research side {row['research_quotes']}")
    for language in ("en", "zh"):
        mine = [r for n, r in rows.items() if n.startswith(language)]
        print(f"{language}: readable {sum(bool(r['readable']) for r in mine)}/{len(mine)}, "
              f"interviewers {sum(bool(r['interviewers']) for r in mine)}/{len(mine)}, "
              f"customers {sum(bool(r['customers']) for r in mine)}/{len(mine)}, "
              f"customer quotes {sum(int(r['customer_quotes']) for r in mine)}/{sum(int(r['quotes']) for r in mine)}, "
              f"quotes on the research side {sum(int(r['research_quotes']) for r in mine)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
