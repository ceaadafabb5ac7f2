"""Score `icp-coach extract` engines against gold ICP notes.

    .venv/bin/python benchmarks/eval_extract.py [--engine offline|local|llm] [--data DIR]... [--json]
                                                [--no-embeddings]

Default data: ../shared/dev-data/job2_icp_notes. A data folder holds NAME.gold.json files, each
scoring the notes file it names ("notes") or NAME.md beside it; gold in the ICP document's
shape (benchmarks/first_contact/round*/notes) is read as it is, no export needed.
Held-out notes written for the offline engine live in tests/engines_offline/notes/.

Scoring, per note:
- numeric fields (employee_min/max, revenue_min/max_usd) are right only when exactly equal
  (a gold null needs a missing bound);
- industries, regions, tech_stack, champion_titles, economic_buyer_titles: set precision / recall
  / F1; a gold entry "a|b|c" is met by any of its spellings; comparison ignores case, spaces and
  hyphens;
- *_keywords lists: recall = share of gold keywords that some single extracted item mentions
  (as a substring; or, for English, all of its words in the item, plural s dropped; or, for Chinese, its characters
  in order within a window of 2 x its length + 2); precision = share of extracted items that
  mention at least one gold keyword.
Micro-averaged F1 over all list fields is the headline list figure. Inverted polarities count
values read with the wrong sign (a ruled-out segment stored as an industry, region or tool; a
gold industry or region found only inside a red flag). Latency is wall time per note,
including model start-up on the first note for engines that load one.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "dev-data" / "job2_icp_notes"

NUMERIC = {
    "employee_min": ("employees", "min"),
    "employee_max": ("employees", "max"),
    "revenue_min_usd": ("annual_revenue_usd", "min"),
    "revenue_max_usd": ("annual_revenue_usd", "max"),
}
SET_FIELDS = ("industries", "regions", "tech_stack", "champion_titles", "economic_buyer_titles")
KEYWORD_FIELDS = {"pain_points_keywords": "pain_points",
                  "buying_signals_keywords": "buying_signals",
                  "red_flags_keywords": "red_flags"}
_CJK = re.compile(r"[\u3400-\u9fff]")


def squeeze(text: str) -> str:
    return re.sub(r"[\s\-_]+", "", text.lower())


def _words(text: str) -> set[str]:
    """Lower-case words with a plural "s" dropped, so "invoice disputes" meets "dispute invoices"."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9$<>+&]+", text.lower())}


def keyword_in(keyword: str, item: str) -> bool:
    for alternative in keyword.split("|"):
        needle, haystack = squeeze(alternative), squeeze(item)
        if not needle:
            continue
        if needle in haystack:
            return True
        if _CJK.search(needle):
            window = 2 * len(needle) + 2
            for start in (i for i, c in enumerate(haystack) if c == needle[0]):
                position = start
                for char in needle[1:]:
                    position = haystack.find(char, position + 1, start + window)
                    if position < 0:
                        break
                else:
                    return True
        else:
            words = _words(alternative)
            if words and words <= _words(item):
                return True
    return False


def prf(true_positive_pred: int, n_pred: int, true_positive_gold: int, n_gold: int) -> dict[str, float]:
    precision = true_positive_pred / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = true_positive_gold / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def set_match(gold: list[str], predicted: list[str]) -> tuple[int, int, int, int]:
    spellings = [{squeeze(a) for a in entry.split("|")} for entry in gold]
    pred_keys = [squeeze(p) for p in predicted]
    pred_hits = sum(1 for p in pred_keys if any(p in s for s in spellings))
    gold_hits = sum(1 for s in spellings if any(p in s for p in pred_keys))
    return pred_hits, len(predicted), gold_hits, len(gold)


def keyword_match(gold: list[str], items: list[str]) -> tuple[int, int, int, int]:
    pred_hits = sum(1 for item in items if any(keyword_in(k, item) for k in gold))
    gold_hits = sum(1 for k in gold if any(keyword_in(k, item) for item in items))
    return pred_hits, len(items), gold_hits, len(gold)


def predicted_fields(document: dict[str, Any]) -> dict[str, Any]:
    firmo, tech = document["firmographics"], document["technographics"]
    makers = {m["role"]: m["titles"] for m in document["decision_makers"]}
    return {
        "industries": firmo["industries"], "regions": firmo["regions"],
        "tech_stack": tech["tech_stack"],
        "champion_titles": makers.get("champion", []),
        "economic_buyer_titles": makers.get("economic_buyer", []),
        "pain_points": [p["description"] for p in document["pain_points"]],
        "buying_signals": [s["description"] for s in document["buying_signals"]],
        "red_flags": [r["description"] for r in document["red_flags"]],
        "employees": firmo["employees"], "annual_revenue_usd": firmo["annual_revenue_usd"],
    }


def score_note(gold: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    predicted = predicted_fields(document)
    numeric = {}
    for name, (group, side) in NUMERIC.items():
        value = predicted[group][side]
        expected = gold.get(name)
        numeric[name] = {"gold": expected, "predicted": value,
                         "exact": (value is None and expected is None) or (
                             value is not None and expected is not None
                             and round(value) == round(expected))}
    counts = {}
    for name in SET_FIELDS:
        counts[name] = set_match(gold.get(name, []), predicted[name])
    for name, field_name in KEYWORD_FIELDS.items():
        counts[name] = keyword_match(gold.get(name, []), predicted[field_name])
    return {"numeric": numeric, "counts": counts,
            "lists": {name: prf(*c) for name, c in counts.items()},
            "inverted": inverted_polarities(gold, predicted)}


def eval_gold(gold: dict[str, Any]) -> dict[str, Any]:
    """Gold in the eval layout; gold written in the ICP document's shape (the first-contact
    rounds: "firmographics", "decision_makers", items with "match") is converted the way
    benchmarks/first_contact/export_eval_data.py converts it."""
    if "firmographics" not in gold:
        return gold
    import importlib.util

    path = ROOT / "benchmarks" / "first_contact" / "export_eval_data.py"
    spec = importlib.util.spec_from_file_location("export_eval_data", path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    converted: dict[str, Any] = module.notes_gold({"notes": gold.get("notes", ""), **gold})
    return converted


def notes_name(gold_path: Path, gold: dict[str, Any]) -> str:
    """The notes a gold file scores: its "notes" entry, else NAME.md beside NAME.gold.json."""
    return str(gold.get("notes") or gold_path.name.removesuffix(".gold.json") + ".md")


def inverted_polarities(gold: dict[str, Any], predicted: dict[str, Any]) -> list[str]:
    """Values read with the wrong sign: a value the gold rules out (a red-flag keyword) stored as
    an industry, region or tool; or a gold industry or region found only inside a red flag."""
    inverted = []
    flags = [k for k in gold.get("red_flags_keywords", []) if k]
    for name in ("industries", "regions", "tech_stack"):
        spellings = [{squeeze(a) for a in entry.split("|")} for entry in gold.get(name, [])]
        for value in predicted[name]:
            key = squeeze(value)
            if any(key in s for s in spellings):
                continue
            if any(keyword_in(flag, value) or (key and key in squeeze(flag)) for flag in flags):
                inverted.append(f"{name}: {value} (ruled out in the notes)")
    for name in ("industries", "regions"):
        found = {squeeze(v) for v in predicted[name]}
        for entry in gold.get(name, []):
            alternatives = [a for a in entry.split("|") if a]
            if any(squeeze(a) in found for a in alternatives):
                continue
            if any(keyword_in(a, flag) for a in alternatives for flag in predicted["red_flags"]):
                inverted.append(f"{name}: {entry.split('|')[0]} (kept in the notes, read as a red flag)")
    return inverted


def read_notes(path: Path) -> tuple[str | None, str]:
    """The notes as `icp-coach extract` reads them (any container: .md, .docx, .eml, ...), or
    (None, the error the user would see)."""
    from icp_coach.notes_files import NotesFileError, read_notes_file

    try:
        return read_notes_file(path).text, ""
    except NotesFileError as error:
        return None, str(error)


def run(engine: str, data_dirs: list[Path], *, embeddings: bool = True) -> dict[str, Any]:
    from icp_coach.bootstrap import make_app
    from icp_coach.domain.icp import ICPDocument
    from icp_coach.services.extract_notes import extract_notes
    from icp_coach.settings import load_settings

    app = make_app(load_settings(engine=engine))
    notes: list[dict[str, Any]] = []
    try:
        extractor = app.extractor
        if engine == "offline" and not embeddings:
            from icp_coach.engines.offline.extractor import OfflineExtractor

            extractor = OfflineExtractor(app.settings.cny_per_usd, use_embeddings=False)
        for data_dir in data_dirs:
            for gold_path in sorted(data_dir.glob("*.gold.json")):
                gold = eval_gold(json.loads(gold_path.read_text("utf-8")))
                notes_path = data_dir / notes_name(gold_path, gold)
                text, unreadable = read_notes(notes_path)
                started = time.perf_counter()
                if text is None:  # the user gets an error, no ICP: score an empty one
                    document, engine_name = ICPDocument(name=notes_path.stem), "unreadable"
                else:
                    result = extract_notes(text, extractor, source=notes_path.name)
                    document, engine_name = result.document, result.extraction.engine
                elapsed = time.perf_counter() - started
                scored = score_note(gold, document.model_dump(mode="json"))
                scored.update(note=str(notes_path.relative_to(data_dir.parent)),
                              seconds=elapsed, engine=engine_name, unreadable=unreadable)
                notes.append(scored)
    finally:
        app.close()
    numeric_flags = [v["exact"] for n in notes for v in n["numeric"].values()]
    totals = [0, 0, 0, 0]
    per_field: dict[str, dict[str, float]] = {}
    for name in (*SET_FIELDS, *KEYWORD_FIELDS):
        field_counts = [sum(n["counts"][name][i] for n in notes) for i in range(4)]
        per_field[name] = prf(*field_counts)
        totals = [a + b for a, b in zip(totals, field_counts, strict=True)]
    latencies = [n["seconds"] for n in notes]
    return {
        "engine": engine,
        "notes": notes,
        "numeric_exact": sum(numeric_flags) / len(numeric_flags) if numeric_flags else 0.0,
        "list_micro": prf(*totals),
        "list_macro_f1": statistics.fmean(v["f1"] for v in per_field.values()) if notes else 0.0,
        "per_field": per_field,
        "latency_median_s": statistics.median(latencies) if latencies else 0.0,
        "inverted_polarities": sum(len(n["inverted"]) for n in notes),
    }


def print_table(report: dict[str, Any]) -> None:
    print(f"engine: {report['engine']}   notes: {len(report['notes'])}")
    print(f"{'note':44} {'numeric':>8} {'list F1':>8} {'seconds':>8}")
    for note in report["notes"]:
        exact = sum(v["exact"] for v in note["numeric"].values())
        counts = [sum(c[i] for c in note["counts"].values()) for i in range(4)]
        print(f"{note['note'][:44]:44} {exact:>6}/4 {prf(*counts)['f1']:>8.2f} "
              f"{note['seconds']:>8.3f}")
        if note["unreadable"]:
            print(f"    unreadable: {note['unreadable']}")
        for name, value in note["numeric"].items():
            if not value["exact"]:
                print(f"    {name}: predicted {value['predicted']} gold {value['gold']}")
        for line in note["inverted"]:
            print(f"    inverted polarity: {line}")
    print()
    print(f"{'field':26} {'P':>6} {'R':>6} {'F1':>6}")
    for name, value in report["per_field"].items():
        print(f"{name:26} {value['precision']:6.2f} {value['recall']:6.2f} {value['f1']:6.2f}")
    micro = report["list_micro"]
    print(f"\nnumeric exact: {report['numeric_exact']:.0%}   list F1 micro: {micro['f1']:.2f} "
          f"(P {micro['precision']:.2f} R {micro['recall']:.2f})   list F1 macro: "
          f"{report['list_macro_f1']:.2f}   inverted polarities: {report['inverted_polarities']}   "
          f"median latency: {report['latency_median_s']:.3f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["offline", "local", "llm"], default="offline")
    parser.add_argument("--data", type=Path, action="append",
                        help="folder of NAME.md + NAME.gold.json (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--no-embeddings", action="store_true",
                        help="offline engine without the learned clause reader (rules only)")
    args = parser.parse_args()
    report = run(args.engine, args.data or [DEFAULT_DATA], embeddings=not args.no_embeddings)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_table(report)


if __name__ == "__main__":
    main()
