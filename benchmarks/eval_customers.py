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


def _same_column(trait: dict[str, Any], planted: dict[str, Any], sources: dict[str, str]) -> bool:
    """The trait's column is the planted one: by the file's header (through the mapping the
    engine reports) or by the canonical field."""
    column = str(trait["column"])
    return sources.get(column, column) == planted["column"] or column == planted["field"]


def _same_value(found: Any, wanted: Any) -> bool:
    """Equal values, or two spellings of one place (浙江 / 浙江省, DE / Germany)."""
    a, b = str(found).strip().lower(), str(wanted).strip().lower()
    if a == b:
        return True
    from icp_coach.engines.offline.place_trade_taxonomy import GazetteerTaxonomy

    taxonomy = GazetteerTaxonomy()
    keys_a = {r.key for r in taxonomy.read("region", a) if r.certain}
    keys_b = {r.key for r in taxonomy.read("region", b) if r.certain}
    return bool(keys_a & keys_b)


def _middle(low: float, high: float | None) -> float:
    if high is None:
        return low * 1.5
    return math.sqrt(low * high) if low > 0 else (low + high) / 2


def trait_matches(trait: dict[str, Any], planted: dict[str, Any], sources: dict[str, str]) -> bool:
    if not _same_column(trait, planted, sources):
        return False
    if planted["kind"] == "range":
        if trait.get("range") is None:
            return False
        low, high = trait["range"]
        return planted["value"][0] <= _middle(low, high) <= planted["value"][1]
    if planted["kind"] == "flag":
        return trait.get("value") is planted["value"] or str(trait.get("value")).lower() == str(planted["value"]).lower()
    return _same_value(trait.get("value"), planted["value"])


def evaluate_file(csv_path: Path, gold: dict[str, Any]) -> dict[str, Any]:
    from icp_coach.analysis.errors import TableInputError
    from icp_coach.bootstrap import make_app

    tables = make_app(announce=lambda _: None).tables  # what `icp-coach customers` uses
    try:
        result = tables.analyse_customers(tables.read_customers(csv_path))
    except TableInputError as error:
        return {"file": csv_path.name, "error": str(error)[:200], "found": 0, "planted": len(gold["planted"]),
                "reported": 0, "correct": 0, "accounts_ok": False}
    sources = {row["field"]: row["column"] for row in result["import"]["mapping"] if row["field"]}
    over = [t for t in result["traits"] if t["distinctive"] and t["direction"] == "over"]
    found = [p for p in gold["planted"] if any(trait_matches(t, p, sources) for t in over)]
    correct = [t for t in over if any(trait_matches(t, p, sources) for p in gold["planted"])]
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
