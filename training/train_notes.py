"""Train the offline engine's clause heads for ICP notes, and cross-validate them by trade.

    PYTHONPATH=. .venv/bin/python training/train_notes.py [--cv-only] [--folds 6]

Corpus: `training/notes/{en,zh}/TRADE__FORMAT.md`, notes the team wrote for this purpose (never
the dev corpus, tests/ or benchmarks/). Each clause ends with its label in ⟦...⟧: a dimension
(industry, size, revenue, region, tech, pain, signal, decision, redflag, psycho, other) and, for
filters, "+" (include) or "-" (exclude); a red flag always excludes. A line without a label is
"other" unless it is a heading; headings are context, not examples.

Writes `icp_coach/engines/offline/learned/notes_dimension.npz` and `notes_polarity.npz` and prints
the cross-validation by trade (each fold holds out whole trades, both languages).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # a shared machine: one core for training

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from icp_coach.engines.offline.extraction.clauses import (  # noqa: E402
    DIMENSION_HEAD,
    DIMENSIONS,
    EMBEDDER,
    POLARITY_HEAD,
    cross_feature_names,
    features,
)
from icp_coach.engines.offline.extraction.lines import (  # noqa: E402
    plain_lines,
    split_clauses,
    split_sentences,
    split_units,
)
from icp_coach.engines.offline.learned.head import LinearHead, train_head  # noqa: E402

CORPUS = ROOT / "training" / "notes"
OUT = ROOT / "icp_coach" / "engines" / "offline" / "learned"
_MARK = re.compile(r"⟦([a-z]+)([+-]?)⟧")
_DEBRIS = re.compile(r"^[\s|:*_>#-]+|[\s|*_]+$")
_SPEAKER = re.compile(r"^(?:\[[^\]]*\]\s*)?(?:\*\*)?[\w\u4e00-\u9fff .'-]{1,20}(?:\*\*)?"
                      r"\s*(?:\[[\d:]+\]|\d{1,2}:\d{2})?\s*[:：]\s+")
_BULLET = re.compile(r"^(?:[-*+•·]|\d{1,2}[.)、]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]、)\s*")
# The same trade written in both languages is one group in cross-validation.
TRADE_ALIASES = {"dental_clinic": "dental_groups", "restaurant_chain": "restaurant_groups",
                 "property_services": "property_mgmt", "hotel": "hotels",
                 "construction": "construction_subs", "auto_4s": "auto_dealers",
                 "elder_care": "home_care", "gym_chain": "gyms", "pharmacy_chain": "pharmacy",
                 "pet_hospital": "vet_clinics", "exhibitions": "events",
                 "insurance_agency": "insurance_brokers", "solar_epc": "solar_installers",
                 "agri_coop": "agri_coops", "home_renovation": "construction_subs",
                 "apparel_export": "fashion", "beauty_salon": "beauty"}


@dataclass(frozen=True)
class Example:
    text: str
    context: str | None
    dimension: str
    excludes: bool
    trade: str
    source: str


def clean(segment: str) -> str:
    text = segment.strip()
    text = _SPEAKER.sub("", text, count=1)
    text = _BULLET.sub("", text.lstrip("|* >").strip(), count=1)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    return _DEBRIS.sub("", text).strip(" ,;，；、。")


def _unmarked(line: str) -> tuple[str, list[tuple[int, str, bool]]]:
    """The line without its labels, and (offset in that line, dimension, excludes) per label."""
    plain, marks, last = "", [], 0
    for mark in _MARK.finditer(line):
        plain += line[last:mark.start()]
        last = mark.end()
        name, sign = mark.group(1), mark.group(2)
        if name not in DIMENSIONS:
            raise ValueError(f"unknown label {name!r}")
        marks.append((len(plain.rstrip()), name, sign == "-" or name == "redflag"))
    return plain + line[last:], marks


def _clause_labels(plain: str, marks: list[tuple[int, str, bool]]) -> list[tuple[str, str, bool]]:
    """Clauses of a labelled line as the engine splits them at run time, each with the labels
    of the marks inside it (else the next mark on the line, else the last one). A clause with
    two marks ("stock lives in Excel ⟦tech+⟧ ⟦pain⟧") is an example of both: it says both."""
    pieces = [(offset, clause) for sentence_offset, sentence in _sentences(plain)
              for offset, clause in ((sentence_offset + o, c) for o, c in split_clauses(sentence))]
    labelled = []
    for index, (offset, clause) in enumerate(pieces):
        end = pieces[index + 1][0] if index + 1 < len(pieces) else len(plain) + 1
        inside = [m for m in marks if offset < m[0] <= end]
        after = [m for m in marks if m[0] > offset]
        chosen = inside if inside else [after[0] if after else marks[-1]]
        text = clean(clause)
        for _, name, excludes in dict.fromkeys(chosen) if text else ():
            labelled.append((text, name, excludes))
    return labelled


def _sentences(text: str) -> list[tuple[int, str]]:
    found, cursor = [], 0
    for sentence in split_sentences(text):
        offset = text.find(sentence, cursor)
        offset = cursor if offset < 0 else offset
        found.append((offset, sentence))
        cursor = offset + len(sentence)
    return found


def read_note(path: Path) -> list[Example]:
    raw_lines = plain_lines(path.read_text("utf-8"))  # table rows as the engine reads them
    plain_text = "\n".join(_MARK.sub("", line).rstrip() for line in raw_lines)
    context: dict[int, str | None] = {}
    headings: set[int] = set()
    for unit in split_units(plain_text):
        if unit.is_heading:
            headings.add(unit.line)
        context.setdefault(unit.line, unit.label_kind or unit.section)
    trade = path.stem.split("__")[0]
    trade = TRADE_ALIASES.get(trade, trade)
    examples: list[Example] = []
    for number, line in enumerate(raw_lines, start=1):
        if not line.strip():
            continue
        try:
            plain, marks = _unmarked(line)
        except ValueError as error:
            raise SystemExit(f"{path.name}:{number}: {error}") from None
        where = context.get(number)
        if not marks:
            text = clean(plain)
            if number not in headings and text:
                examples.append(Example(text, where, "other", False, trade, path.name))
            continue
        for text, name, excludes in _clause_labels(plain, marks):
            examples.append(Example(text, where, name, excludes, trade, path.name))
    return examples


def load_corpus() -> list[Example]:
    examples: list[Example] = []
    for path in sorted(CORPUS.glob("*/*.md")):
        examples += read_note(path)
    return examples


def _teaches_polarity(example: Example) -> bool:
    """Under a red-flag heading the heading says "exclude", not the clause (the engine's section
    rule covers those); the polarity head learns what a clause's own words say."""
    return example.context != "red_flag"


def _macro_f1(gold: list[str], predicted: list[str], classes: list[str]) -> float:
    scores = []
    for name in classes:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == name)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == name != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == name != p)
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores)) if scores else 0.0


def cross_validate(x: np.ndarray, examples: list[Example], folds: int, l2: float,
                   polarity_l2: float) -> None:
    trades = sorted({e.trade for e in examples})
    rng = np.random.default_rng(13)
    order = list(rng.permutation(trades))
    fold_of = {trade: i % folds for i, trade in enumerate(order)}
    dims = [e.dimension for e in examples]
    pols = ["exclude" if e.excludes else "include" for e in examples]
    predicted_dims = [""] * len(examples)
    predicted_pols = [""] * len(examples)
    # A clause marked with two labels is right when the head names either.
    labels_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for example in examples:
        labels_of[(example.source, example.text)].add(example.dimension)
    for fold in range(folds):
        test = [i for i, e in enumerate(examples) if fold_of[e.trade] == fold]
        train = [i for i, e in enumerate(examples) if fold_of[e.trade] != fold]
        dim_head = train_head(x[train], [dims[i] for i in train], l2=l2)
        pol_train = [i for i in train if _teaches_polarity(examples[i])]
        pol_head = train_head(x[pol_train], [pols[i] for i in pol_train], l2=polarity_l2)
        for i, (name, _) in zip(test, dim_head.predict(x[test]), strict=True):
            predicted_dims[i] = name
        for i, (name, _) in zip(test, pol_head.predict(x[test]), strict=True):
            predicted_pols[i] = name
    dims = [p if p in labels_of[(e.source, e.text)] else g
            for e, g, p in zip(examples, dims, predicted_dims, strict=True)]
    accuracy = np.mean([g == p for g, p in zip(dims, predicted_dims, strict=True)])
    print(f"cross-validation by trade: {folds} folds over {len(trades)} trades "
          f"({len(examples)} clauses)")
    print(f"  dimension: accuracy {accuracy:.3f}, macro F1 "
          f"{_macro_f1(dims, predicted_dims, list(DIMENSIONS)):.3f}")
    for name in DIMENSIONS:
        tp = sum(1 for g, p in zip(dims, predicted_dims, strict=True) if g == p == name)
        n_gold = dims.count(name)
        n_pred = predicted_dims.count(name)
        print(f"    {name:9} n={n_gold:4}  P {tp / n_pred if n_pred else 0:.2f}  "
              f"R {tp / n_gold if n_gold else 0:.2f}")
    scored = [i for i, e in enumerate(examples) if _teaches_polarity(e)]
    gold_pols = [pols[i] for i in scored]
    guessed_pols = [predicted_pols[i] for i in scored]
    pol_accuracy = np.mean([g == p for g, p in zip(gold_pols, guessed_pols, strict=True)])
    print(f"  polarity (clauses outside red-flag sections, n={len(scored)}): accuracy "
          f"{pol_accuracy:.3f}, exclude F1 {_macro_f1(gold_pols, guessed_pols, ['exclude']):.3f}")
    by_lang: dict[str, list[bool]] = defaultdict(list)
    for example, gold, guess in zip(examples, dims, predicted_dims, strict=True):
        lang = "zh" if re.search(r"[\u4e00-\u9fff]", example.text) else "en"
        by_lang[lang].append(guess == gold)
    for lang, hits in sorted(by_lang.items()):
        print(f"  dimension accuracy, {lang}: {np.mean(hits):.3f} (n={len(hits)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv-only", action="store_true", help="cross-validate, write nothing")
    parser.add_argument("--folds", type=int, default=6)
    # Chosen by the cross-validation below: the dimension head generalises best across trades
    # with a stronger penalty than the polarity head.
    parser.add_argument("--l2", type=float, default=100.0, help="dimension head L2 penalty")
    parser.add_argument("--polarity-l2", type=float, default=30.0)
    args = parser.parse_args()
    from icp_coach.embeddings import BundledEmbedder

    examples = load_corpus()
    counts = Counter(e.dimension for e in examples)
    print(f"{len(examples)} clauses from {len({e.source for e in examples})} notes, "
          f"{len({e.trade for e in examples})} trades: {dict(counts)}")
    started = time.perf_counter()
    x = features([e.text for e in examples], [e.context for e in examples], BundledEmbedder())
    print(f"features in {time.perf_counter() - started:.1f}s")
    cross_validate(x, examples, args.folds, args.l2, args.polarity_l2)
    if args.cv_only:
        return
    names = [f"e5_{i}" for i in range(x.shape[1] - len(cross_feature_names()))]
    names += cross_feature_names()
    meta = {"corpus": "training/notes", "clauses": len(examples), "l2": args.l2,
            "polarity_l2": args.polarity_l2,
            "embedder": EMBEDDER}
    dimension: LinearHead = train_head(x, [e.dimension for e in examples], l2=args.l2,
                                       feature_names=names, meta=meta)
    taught = [i for i, e in enumerate(examples) if _teaches_polarity(e)]
    polarity = train_head(x[taught], ["exclude" if examples[i].excludes else "include"
                                      for i in taught], l2=args.polarity_l2, feature_names=names,
                    meta=meta)
    dimension.save(OUT / DIMENSION_HEAD)
    polarity.save(OUT / POLARITY_HEAD)
    print(f"wrote {OUT / DIMENSION_HEAD} and {OUT / POLARITY_HEAD}")


if __name__ == "__main__":
    main()
