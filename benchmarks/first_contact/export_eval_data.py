#!/usr/bin/env python3
"""Write a first-contact round in the layout `benchmarks/eval_jtbd.py` and `eval_extract.py` read.

    python3 benchmarks/first_contact/export_eval_data.py round1 /tmp/fc-round1   (or round2 /tmp/fc-round2)
    .venv/bin/python benchmarks/eval_jtbd.py --data /tmp/fc-round1/jtbd
    .venv/bin/python benchmarks/eval_extract.py --data /tmp/fc-round1/notes

The round's gold keeps its own shape (JTBD: triggers, not_valued, alternatives as {name,
considered}; notes: the ICP document's shape). This script copies the texts and writes, beside
each, the flat gold the two scorers were written for (the dev corpus's key names):
- JTBD: trigger, distractor_quotes, alternatives (considered names, chosen solution excluded),
  not_alternatives (named, never weighed);
- notes: industries, employee_min/max, revenue_min/max_usd, regions, tech_stack,
  champion_titles, economic_buyer_titles and *_keywords from each item's "match" spellings.
It reads and writes files only; it runs no engine.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def jtbd_gold(gold: dict[str, Any]) -> dict[str, Any]:
    return {
        "transcript": gold["transcript"],
        "language": gold["language"],
        "interviewers": gold["interviewers"],
        "forces": gold["forces"],
        "trigger": gold["triggers"],
        "desired_outcomes": gold["desired_outcomes"],
        "distractor_quotes": gold["not_valued"],
        "alternatives": [a["name"] for a in gold["alternatives"] if a["considered"]],
        "not_alternatives": [a["name"] for a in gold["alternatives"] if not a["considered"]],
        "chosen_solution": gold["chosen_solution"],
        "job_statement_supported": gold["job_statement_supported"],
    }


def _bound(value: float | None) -> int | None:
    return None if value is None else round(value)


def notes_gold(gold: dict[str, Any]) -> dict[str, Any]:
    firmo, techno = gold["firmographics"], gold["technographics"]
    titles = {maker["role"]: maker["titles"] for maker in gold["decision_makers"]}
    return {
        "notes": gold["notes"],
        "industries": firmo["industries"],
        "employee_min": _bound(firmo["employees"]["min"]),
        "employee_max": _bound(firmo["employees"]["max"]),
        "revenue_min_usd": _bound(firmo["annual_revenue_usd"]["min"]),
        "revenue_max_usd": _bound(firmo["annual_revenue_usd"]["max"]),
        "regions": firmo["regions"],
        "tech_stack": techno["tech_stack"],
        "pain_points_keywords": [item["match"] for item in gold["pain_points"]],
        "buying_signals_keywords": [item["match"] for item in gold["buying_signals"]],
        "red_flags_keywords": [item["match"] for item in gold["red_flags"]],
        "champion_titles": titles.get("champion", []),
        "economic_buyer_titles": titles.get("economic_buyer", []),
    }


def export(round_dir: Path, out: Path) -> dict[str, int]:
    counts = {}
    for kind, convert, text_key in (("jtbd", jtbd_gold, "transcript"), ("notes", notes_gold, "notes")):
        target = out / kind
        target.mkdir(parents=True, exist_ok=True)
        written = 0
        for gold_path in sorted((round_dir / kind).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            shutil.copyfile(round_dir / kind / gold[text_key], target / gold[text_key])
            flat = json.dumps(convert(gold), ensure_ascii=False, indent=2) + "\n"
            (target / gold_path.name).write_text(flat, encoding="utf-8")
            written += 1
        counts[kind] = written
    return counts


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    round_dir = Path(argv[0])
    if not round_dir.is_dir():
        round_dir = HERE / argv[0]
    if not any((round_dir / kind).is_dir() for kind in ("jtbd", "notes")):
        print(f"no round folder with jtbd/ or notes/ at {argv[0]}", file=sys.stderr)
        return 2
    counts = export(round_dir, Path(argv[1]))
    print(f"wrote {counts['jtbd']} transcripts and {counts['notes']} notes to {argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
