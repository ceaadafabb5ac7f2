"""Score the SHIPPED JTBD heads (head.npz, embedding_head.npz, blended as at run time) on corpus
files, and show how the decision's `none` calibration behaves on them.

    PYTHONPATH=. .venv/bin/python training/score_jtbd_heads.py --files 'interviews_*_u.txt'

Use it on files the shipped heads were not trained on (a new writer's batch, before it joins the
corpus): with the interviewer's question and question-blind, per-class recall and the
force/trigger/outcome macro F1 of the blend, the share of sentences called `none` against the
gold share, and what the same figures would be if the `none` probability were scaled by each
factor of --none-scales before the decision (1.0 = as shipped). The sentence-level figures do
not include the engine's rules after the head (triggers from dates, dismissals...).
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from train_jtbd import (  # noqa: E402
    FORCE_LABELS,
    HEAD,
    blind,
    confusion,
    distractor_rate,
    matrix,
    read_corpus,
    report,
)
from train_jtbd_embeddings import (  # noqa: E402
    EmbeddingCache,
    Scored,
    blend,
    embedding_matrix,
    force_macro_f1,
    recall_table,
)

from icp_coach.engines.offline.jtbd.embedding_blend import EMBEDDING_HEAD  # noqa: E402
from icp_coach.engines.offline.learned.head import LinearHead  # noqa: E402


def scaled_none(scored: list[Scored], factor: float) -> list[Scored]:
    """The same probabilities with `none` multiplied by `factor`, renormalised."""
    out = []
    for gold, probabilities in scored:
        row = dict(probabilities)
        row["none"] *= factor
        total = sum(row.values())
        out.append((gold, {k: v / total for k, v in row.items()}))
    return out


def none_shares(scored: list[Scored], rescue: dict[str, float]) -> tuple[float, float, float]:
    """(gold share of none, predicted share of none, share of gold forces predicted none)."""
    matrix_ = confusion(scored, rescue)
    total = sum(matrix_.values())
    gold_none = sum(v for (g, _), v in matrix_.items() if g == "none") / total
    said_none = sum(v for (_, p), v in matrix_.items() if p == "none") / total
    forces = sum(v for (g, _), v in matrix_.items() if g in FORCE_LABELS)
    forces_none = sum(v for (g, p), v in matrix_.items() if g in FORCE_LABELS and p == "none")
    return gold_none, said_none, forces_none / forces if forces else 0.0


def force_recall(scored: list[Scored], rescue: dict[str, float]) -> float:
    matrix_ = confusion(scored, rescue)
    forces = sum(v for (g, _), v in matrix_.items() if g in FORCE_LABELS)
    return sum(matrix_[(f, f)] for f in FORCE_LABELS) / forces if forces else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", required=True, help="glob of corpus file names to score")
    parser.add_argument("--none-scales", default="1.0,0.9,0.8,0.7,0.6,0.5")
    parser.add_argument("--cache", type=Path, default=None, help="embedding cache file (default: the trainer's)")
    args = parser.parse_args()
    ngram = LinearHead.load(HEAD)
    embedded = LinearHead.load(EMBEDDING_HEAD)
    weight = float(embedded.meta.get("blend_weight", 0.5))
    rescue = dict(embedded.meta.get("rescue") or {})
    rows = [e for e in read_corpus() if fnmatch.fnmatch(e.source, args.files)]
    print(f"{args.files}: {len(rows)} sentences; shipped blend weight {weight}, rescue {rescue}")
    cache = EmbeddingCache(args.cache) if args.cache else EmbeddingCache()
    for name, examples in (("with the question", rows), ("question-blind", [blind(e) for e in rows])):
        features = matrix(examples)
        p = [(e.label, dict(zip(ngram.classes, map(float, r), strict=True)))
             for e, r in zip(examples, ngram.predict_proba(features), strict=True)]
        q = [(e.label, dict(zip(embedded.classes, map(float, r), strict=True)))
             for e, r in zip(examples, embedded.predict_proba(embedding_matrix(examples, cache)), strict=True)]
        mixed = blend(p, q, weight)
        recall_table(f"{name}, n-gram head", p, dict(ngram.meta.get("rescue") or {}))
        recall_table(f"{name}, blend {weight:.1f}", mixed, rescue)
        report(f"{name}, blend", confusion(mixed, rescue))
        for factor in (float(f) for f in args.none_scales.split(",")):
            trial = scaled_none(mixed, factor)
            gold_none, said_none, forces_none = none_shares(trial, rescue)
            print(f"  none x{factor:.2f}: macro F1 {force_macro_f1(trial, rescue):.3f}, force recall "
                  f"{force_recall(trial, rescue):.2f}, distractors {distractor_rate(confusion(trial, rescue)):.2f}, "
                  f"called none {said_none:.2f} (gold {gold_none:.2f}), forces called none {forces_none:.2f}")
        confidence = np.array([max(pr.values()) for _, pr in mixed])
        right = np.array([max(pr, key=pr.get) == g for g, pr in mixed])
        for low, high in ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)):
            chosen = (confidence >= low) & (confidence < high)
            if chosen.any():
                print(f"  top probability {low:.1f}-{min(high, 1.0):.1f}: {chosen.sum()} sentences, "
                      f"mean {confidence[chosen].mean():.2f}, argmax right {right[chosen].mean():.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
