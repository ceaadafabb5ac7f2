"""Excluded accuracy and tier agreement of `icp-coach score` on prospect lists with gold
(NAME.csv + NAME.icp.json + NAME.gold.json in benchmarks/csv_first_contact/make_data.py's shape).

    PYTHONPATH=. .venv/bin/python benchmarks/eval_prospects.py [--data DIR] [--json]

Accounts are matched by the gold's key column (else the column the engine maps to account_id).
excluded accuracy: the share of gold accounts whose excluded flag agrees; pass recall: of the
accounts the gold keeps, the share kept; tier agreement: of the accounts the gold keeps, the share
kept with the same tier. lost: gold accounts absent from the output; extra: output rows that are
no account (summary lines, footers). Duplicate rows of one account count once.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT / "benchmarks" / "csv_first_contact" / "data"


def evaluate_file(csv_path: Path, icp_path: Path, gold: dict[str, Any]) -> dict[str, Any]:
    from icp_coach.analysis.errors import TableInputError
    from icp_coach.analysis.header_mapping import map_headers
    from icp_coach.bootstrap import make_app
    from icp_coach.cli.prospects import load_rules
    from icp_coach.storage.icp_files import InputFileError

    accounts: dict[str, dict[str, Any]] = gold["accounts"]
    try:
        _, rules = load_rules(icp_path)
        tables = make_app(announce=lambda _: None).tables
        raw = tables.read_prospects(csv_path)
        scored, _ = tables.score(raw, rules)
    except (TableInputError, InputFileError) as error:
        return {"file": csv_path.name, "error": str(error)[:240], "n": len(accounts), "excluded_ok": 0,
                "kept": sum(not a["excluded"] for a in accounts.values()), "kept_ok": 0, "tier_ok": 0,
                "lost": len(accounts), "extra": 0}
    key = gold.get("key") or map_headers(raw.columns).fields.get("account_id")
    seen: dict[str, dict[str, Any]] = {}
    extra = 0
    for row in scored.iter_rows(named=True):
        account = str(row.get(key) or "").strip()
        if account in accounts:
            seen.setdefault(account, row)
        else:
            extra += 1
    excluded_ok = kept_ok = tier_ok = 0
    kept = 0
    for account, want in accounts.items():
        row = seen.get(account)
        if row is None:
            continue
        excluded_ok += bool(row["excluded"]) == want["excluded"]
        if not want["excluded"]:
            kept += 1
            kept_ok += not row["excluded"]
            tier_ok += (not row["excluded"]) and row["tier"] == want["tier"]
    kept = sum(not a["excluded"] for a in accounts.values())
    return {"file": csv_path.name, "n": len(accounts), "excluded_ok": excluded_ok, "kept": kept,
            "kept_ok": kept_ok, "tier_ok": tier_ok, "lost": len(accounts) - len(seen), "extra": extra}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    for gold_path in sorted(args.data.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("kind") != "prospects":
            continue
        stem = gold_path.name.replace(".gold.json", "")
        rows.append(evaluate_file(gold_path.with_name(stem + ".csv"), gold_path.with_name(stem + ".icp.json"), gold))
    n, kept = sum(r["n"] for r in rows), sum(r["kept"] for r in rows)
    summary = {"files": len(rows),
               "excluded_accuracy": round(sum(r["excluded_ok"] for r in rows) / n, 3) if n else 0.0,
               "pass_recall": round(sum(r["kept_ok"] for r in rows) / kept, 3) if kept else 0.0,
               "tier_agreement": round(sum(r["tier_ok"] for r in rows) / kept, 3) if kept else 0.0,
               "lost": sum(r["lost"] for r in rows), "extra": sum(r["extra"] for r in rows),
               "errors": sum("error" in r for r in rows)}
    if args.json:
        print(json.dumps({"summary": summary, "files": rows}, ensure_ascii=False, indent=1))
        return
    for r in rows:
        line = (f"{r['file']:22} excluded {r['excluded_ok']}/{r['n']}  kept {r['kept_ok']}/{r['kept']}  "
                f"tier {r['tier_ok']}/{r['kept']}  lost {r['lost']}  extra {r['extra']}")
        print(line + (f"  ERROR {r['error']}" if "error" in r else ""))
    print(f"excluded accuracy {summary['excluded_accuracy']:.3f}  pass recall {summary['pass_recall']:.3f}  "
          f"tier agreement {summary['tier_agreement']:.3f}  lost {summary['lost']}  extra {summary['extra']}  "
          f"errors {summary['errors']}")


if __name__ == "__main__":
    main()
