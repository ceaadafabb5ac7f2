"""Industries, regions and red-flag F1 and inverted polarities of the offline engine on notes
folders (NAME.md + NAME.gold.json in eval_extract.py's shape), pooled over the folders given.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_notes_lists.py tests/engines_offline/notes_heldout_lists
    PYTHONPATH=. .venv/bin/python benchmarks/eval_notes_lists.py tests/engines_offline/notes_heldout_messy
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from eval_extract import run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    report = run("offline", [folder.resolve() for folder in args.folders])
    fields = report["per_field"]
    print(f"notes: {len(report['notes'])}")
    for name in ("industries", "regions", "red_flags_keywords"):
        value = fields[name]
        print(f"{name:20} P {value['precision']:.2f}  R {value['recall']:.2f}  F1 {value['f1']:.2f}")
    print(f"list F1 micro: {report['list_micro']['f1']:.2f}")
    print(f"inverted polarities: {report['inverted_polarities']}")


if __name__ == "__main__":
    main()
