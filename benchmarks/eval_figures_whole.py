"""Exact share of the four size bounds on whole notes, per note and per language.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_figures_whole.py [--data DIR] [--no-embeddings]

Each `NAME.gold.json` beside `NAME.md` (default folder: tests/engines_offline/notes_figures_whole)
gives employee_min, employee_max, revenue_min_usd and revenue_max_usd (null when the note states
none). A bound counts when both are null or both round to the same whole number.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

DEFAULT_DATA = (Path(__file__).resolve().parent.parent / "tests" / "engines_offline"
                / "notes_figures_whole")
BOUNDS = {"employee_min": ("employees", "min"), "employee_max": ("employees", "max"),
          "revenue_min_usd": ("annual_revenue_usd", "min"),
          "revenue_max_usd": ("annual_revenue_usd", "max")}


def same(predicted: float | None, gold: float | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return round(predicted) == round(gold)


def bounds_of(document: Any) -> dict[str, float | None]:
    """The four bounds of an ICP document."""
    firmographics = document.firmographics
    values: dict[str, float | None] = {}
    for name, (group, side) in BOUNDS.items():
        found = getattr(firmographics, group)
        values[name] = None if found is None else getattr(found, side)
    return values


def language_of(path: Path) -> str:
    return "zh" if path.stem.endswith("_zh") else "en"


def score(data: Path, extractor: Any) -> list[dict[str, Any]]:
    """Per note: its language, predicted and gold bounds, and which bounds are exact."""
    from icp_coach.services.extract_notes import extract_notes

    rows = []
    for gold_path in sorted(data.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        notes_path = data / gold.get("notes", gold_path.name.replace(".gold.json", ".md"))
        result = extract_notes(notes_path.read_text("utf-8"), extractor, source=notes_path.name)
        predicted = bounds_of(result.document)
        rows.append({"note": notes_path.name, "language": language_of(notes_path),
                     "predicted": predicted, "gold": {k: gold.get(k) for k in BOUNDS},
                     "exact": {k: same(predicted[k], gold.get(k)) for k in BOUNDS}})
    return rows


def print_report(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        hits = sum(row["exact"].values())
        print(f"{row['note']:40} {hits}/4")
        for name, ok in row["exact"].items():
            if not ok:
                print(f"    {name}: predicted {row['predicted'][name]} gold {row['gold'][name]}")
    for language in ("en", "zh", None):
        chosen = [r for r in rows if language is None or r["language"] == language]
        flags = [ok for r in chosen for ok in r["exact"].values()]
        if flags:
            label = language or "pooled"
            print(f"{label:7} {sum(flags)}/{len(flags)} bounds exact ({sum(flags) / len(flags):.0%}), "
                  f"{sum(all(r['exact'].values()) for r in chosen)}/{len(chosen)} notes all four")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-embeddings", action="store_true",
                        help="the offline engine without the learned clause reader")
    args = parser.parse_args()
    from icp_coach.bootstrap import make_app
    from icp_coach.settings import load_settings

    app = make_app(load_settings(engine="offline"))
    try:
        extractor = app.extractor
        if args.no_embeddings:
            from icp_coach.engines.offline.extractor import OfflineExtractor

            extractor = OfflineExtractor(app.settings.cny_per_usd, use_embeddings=False)
        print_report(score(args.data, extractor))
    finally:
        app.close()


if __name__ == "__main__":
    main()
