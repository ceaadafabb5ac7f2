"""Trait recall / precision of `icp-coach customers` on CRM exports with planted traits
(NAME.csv + NAME.gold.json in benchmarks/csv_first_contact/make_data.py's shape).

    PYTHONPATH=. .venv/bin/python benchmarks/eval_customers.py [--data DIR] [--json]

A planted trait is found when a distinctive, over-represented trait names its column (the canonical
field or the file's header) and its value (a category value, a list item, a yes/no), or, for a
numeric range, a band whose middle lies inside the planted range. Precision: the distinctive
over-represented traits that are planted ones. `accounts` checks nothing was lost or invented:
rows analysed == distinct accounts in the gold.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT / "benchmarks" / "csv_first_contact" / "data"


def _same_column(trait: dict[str, Any], planted: dict[str, Any]) -> bool:
    names = {planted["field"], planted["column"], f"{planted['column']} (unmapped)"}
    return str(trait["column"]) in names


def _middle(low: float, high: float | None) -> float:
    if high is None:
        return low * 1.5
    return math.sqrt(low * high) if low > 0 else (low + high) / 2


def trait_matches(trait: dict[str, Any], planted: dict[str, Any]) -> bool:
    if not _same_column(trait, planted):
        return False
    if planted["kind"] == "range":
        if trait.get("range") is None:
            return False
        low, high = trait["range"]
        return planted["value"][0] <= _middle(low, high) <= planted["value"][1]
    return str(trait.get("value")).strip().lower() == str(planted["value"]).strip().lower()


def evaluate_file(csv_path: Path, gold: dict[str, Any]) -> dict[str, Any]:
    from icp_coach.analysis.customer_analysis import analyse_customers, load_clean_table
    from icp_coach.analysis.errors import TableInputError

    try:
        result = analyse_customers(load_clean_table(csv_path))
    except TableInputError as error:
        return {"file": csv_path.name, "error": str(error)[:200], "found": 0, "planted": len(gold["planted"]),
                "reported": 0, "correct": 0, "accounts_ok": False}
    over = [t for t in result["traits"] if t["distinctive"] and t["direction"] == "over"]
    found = [p for p in gold["planted"] if any(trait_matches(t, p) for t in over)]
    correct = [t for t in over if any(trait_matches(t, p) for p in gold["planted"])]
    used = result["import"]["rows_used"]
    return {"file": csv_path.name, "found": len(found), "planted": len(gold["planted"]),
            "reported": len(over), "correct": len(correct), "rows_used": used, "accounts": gold["accounts"],
            "accounts_ok": used == gold["accounts"],
            "missed": [f"{p['field']}={p['value']}" for p in gold["planted"] if p not in found],
            "wrong": [t["label"] for t in over if t not in correct][:6]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    for gold_path in sorted(args.data.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("kind") != "customers":
            continue
        rows.append(evaluate_file(gold_path.with_name(gold_path.name.replace(".gold.json", ".csv")), gold))
    found, planted = sum(r["found"] for r in rows), sum(r["planted"] for r in rows)
    correct, reported = sum(r["correct"] for r in rows), sum(r["reported"] for r in rows)
    summary = {"files": len(rows), "trait_recall": round(found / planted, 3) if planted else 0.0,
               "trait_precision": round(correct / reported, 3) if reported else 0.0,
               "accounts_exact": sum(r["accounts_ok"] for r in rows), "errors": sum("error" in r for r in rows)}
    if args.json:
        print(json.dumps({"summary": summary, "files": rows}, ensure_ascii=False, indent=1))
        return
    for r in rows:
        if "error" in r:
            print(f"{r['file']:24} ERROR {r['error']}")
            continue
        print(f"{r['file']:24} recall {r['found']}/{r['planted']}  precision {r['correct']}/{r['reported']}  "
              f"rows {r['rows_used']}/{r['accounts']}  missed {r['missed']}  wrong {r['wrong']}")
    print(f"trait recall {summary['trait_recall']:.2f}  precision {summary['trait_precision']:.2f}  "
          f"accounts exact {summary['accounts_exact']}/{len(rows)}  errors {summary['errors']}")


if __name__ == "__main__":
    main()
