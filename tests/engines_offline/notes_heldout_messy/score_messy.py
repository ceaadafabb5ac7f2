"""Industries F1, regions F1 and inverted polarities of the offline engine on this folder.

    PYTHONPATH=. .venv/bin/python tests/engines_offline/notes_heldout_messy/score_messy.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from eval_extract import run  # noqa: E402


def main() -> None:
    report = run("offline", [Path(__file__).resolve().parent])
    fields = report["per_field"]
    print(f"notes: {len(report['notes'])}")
    for name in ("industries", "regions", "red_flags_keywords"):
        value = fields[name]
        print(f"{name:20} P {value['precision']:.2f}  R {value['recall']:.2f}  F1 {value['f1']:.2f}")
    print(f"list F1 micro: {report['list_micro']['f1']:.2f}")
    print(f"inverted polarities: {report['inverted_polarities']}")


if __name__ == "__main__":
    main()
