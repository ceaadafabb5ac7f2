"""Train the second opinion of the JTBD sentence classifier: a head over the bundled model's
sentence embeddings, blended with the n-gram head of train_jtbd.py.

    PYTHONPATH=. .venv/bin/python training/train_jtbd_embeddings.py [--cv-only] [--eval-files GLOB] [--exclude GLOB]

Hashed n-grams learn the words of the hands that wrote the corpus; an embedding carries the
meaning of a sentence said in other words ("I wake up with a headache" is a push whoever wrote
it). The embedding head sees the sentence's e5 vector and the n-gram features that are not hashed
words (cue counts, the kind of the interviewer's question, negation, person, tense...). Its probabilities are averaged with the n-gram head's with
the weight that gives the best leave-trades-out macro F1 over the forces, and the rescue
thresholds of decision.py are chosen again on the blended out-of-fold probabilities.

`--eval-files` holds some corpus files out entirely (e.g. the files of a new writer) and reports
the n-gram head, the embedding head and the blend on them: the figure that says whether the
embedding carries across hands. Embeddings are cached in training/.cache/ (not committed).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from train_jtbd import (  # noqa: E402
    FORCE_LABELS,
    LABELS,
    Example,
    augmented,
    blind,
    choose_rescue,
    confusion,
    matrix,
    read_corpus,
    report,
)

from icp_coach.embeddings import BundledEmbedder, embed_passages  # noqa: E402
from icp_coach.engines.offline.jtbd.embedding_blend import (  # noqa: E402
    EMBEDDING_HEAD,
    general_features,
    mix,
)
from icp_coach.engines.offline.learned.head import LinearHead, train_head  # noqa: E402

CACHE = ROOT / "training" / ".cache" / "jtbd_embeddings.npz"
WEIGHTS = tuple(round(0.1 * i, 1) for i in range(11))  # share of the embedding head in the blend
Scored = tuple[str, dict[str, float]]


class EmbeddingCache:
    """e5 passage vectors by text, kept across runs (embedding the corpus takes minutes)."""

    def __init__(self, path: Path = CACHE) -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if self.key(t) not in self.vectors))
        if missing:
            print(f"embedding {len(missing)} sentences ...", flush=True)
            for start in range(0, len(missing), 256):
                batch = missing[start:start + 256]
                for text, vector in zip(batch, embed_passages(batch), strict=True):
                    self.vectors[self.key(text)] = np.asarray(vector, dtype=np.float32)
                self.save()
        return np.stack([self.vectors[self.key(t)] for t in texts]) if texts else np.zeros((0, 384))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self.vectors)
        partial = self.path.with_name(self.path.name + ".partial.npz")
        np.savez(partial, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))
        partial.replace(self.path)


def embedding_matrix(examples: list[Example], cache: EmbeddingCache) -> np.ndarray:
    vectors = cache.embed([e.text for e in examples])
    return np.hstack([vectors, general_features(matrix(examples))])


def _scored(head: LinearHead, rows: np.ndarray, examples: list[Example]) -> list[Scored]:
    return [(e.label, dict(zip(head.classes, map(float, p), strict=True)))
            for e, p in zip(examples, head.predict_proba(rows), strict=True)]


def blend(ngram: list[Scored], embedded: list[Scored], weight: float) -> list[Scored]:
    """The run-time blend (embedding_blend.mix) of two lists of out-of-fold probabilities."""
    if not ngram:
        return []
    classes = list(ngram[0][1])
    p = np.array([[probabilities[k] for k in classes] for _, probabilities in ngram])
    q = np.array([[probabilities[k] for k in classes] for _, probabilities in embedded])
    mixed = mix(p, q, classes, weight)
    return [(gold, dict(zip(classes, map(float, row), strict=True)))
            for (gold, _), row in zip(ngram, mixed, strict=True)]


def force_macro_f1(scored: list[Scored], rescue: dict[str, float]) -> float:
    matrix_ = confusion(scored, rescue)
    f1s = []
    for label in (*FORCE_LABELS, "trigger", "desired_outcome"):
        tp = matrix_[(label, label)]
        fp = sum(v for (g, p), v in matrix_.items() if p == label and g != label)
        fn = sum(v for (g, p), v in matrix_.items() if g == label and p != label)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def fit_both(train: list[Example], cache: EmbeddingCache, l2: float, l2_embedding: float,
             ) -> tuple[LinearHead, LinearHead]:
    data = augmented(train)
    labels = [e.label for e in data]
    ngram = train_head(matrix(data), labels, l2=l2)
    embedded = train_head(embedding_matrix(data, cache), labels, l2=l2_embedding)
    return ngram, embedded


def out_of_fold(examples: list[Example], cache: EmbeddingCache, folds: int, l2: float,
                l2_embedding: float) -> tuple[list[Scored], list[Scored]]:
    """(n-gram, embedding) out-of-fold probabilities, each sentence with its question and blind."""
    trades = sorted({e.trade for e in examples})
    random.Random(3).shuffle(trades)
    groups = [set(trades[i::folds]) for i in range(folds)]
    ngram_scored: list[Scored] = []
    embedded_scored: list[Scored] = []
    for number, held in enumerate(groups, start=1):
        print(f"fold {number}/{folds}", flush=True)
        ngram, embedded = fit_both([e for e in examples if e.trade not in held], cache, l2, l2_embedding)
        test = [e for e in examples if e.trade in held]
        for rows in (test, [blind(e) for e in test]):
            ngram_scored += _scored(ngram, matrix(rows), rows)
            embedded_scored += _scored(embedded, embedding_matrix(rows, cache), rows)
    return ngram_scored, embedded_scored


def best_weight(ngram: list[Scored], embedded: list[Scored]) -> tuple[float, dict[str, float]]:
    results = []
    for weight in WEIGHTS:
        blended = blend(ngram, embedded, weight)
        rescue = choose_rescue(blended)
        score = force_macro_f1(blended, rescue)
        print(f"  blend weight {weight:.1f}: force/trigger/outcome macro F1 {score:.3f}")
        results.append((score, weight, rescue))
    score, weight, rescue = max(results, key=lambda r: (r[0], -abs(r[1] - 0.5)))
    return weight, rescue


def recall_table(title: str, scored: list[Scored], rescue: dict[str, float]) -> None:
    matrix_ = confusion(scored, rescue)
    cells = []
    for label in (*FORCE_LABELS, "trigger", "desired_outcome"):
        total = sum(v for (g, _), v in matrix_.items() if g == label)
        cells.append(f"{label} {matrix_[(label, label)] / total:.2f}" if total else f"{label} -")
    print(f" {title}: recall " + ", ".join(cells) + f"; macro F1 {force_macro_f1(scored, rescue):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=6)
    parser.add_argument("--l2", type=float, default=4.0)
    parser.add_argument("--l2-embedding", type=float, default=20.0)
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--eval-files", default="", help="glob of corpus file names held out entirely")
    parser.add_argument("--exclude", default="", help="glob of corpus file names left out entirely")
    args = parser.parse_args()
    cache = EmbeddingCache()
    everything = read_corpus(args.exclude)
    if args.eval_files:
        held = [e for e in everything if fnmatch.fnmatch(e.source, args.eval_files)]
        kept = [e for e in everything if not fnmatch.fnmatch(e.source, args.eval_files)]
        print(f"held-out files {args.eval_files}: {len(held)} sentences, training on {len(kept)}")
        ngram_oof, embedded_oof = out_of_fold(kept, cache, args.folds, args.l2, args.l2_embedding)
        weight, rescue = best_weight(ngram_oof, embedded_oof)
        ngram_rescue = choose_rescue(ngram_oof)
        ngram, embedded = fit_both(kept, cache, args.l2, args.l2_embedding)
        for name, rows in (("with the question", held), ("question-blind", [blind(e) for e in held])):
            p = _scored(ngram, matrix(rows), rows)
            q = _scored(embedded, embedding_matrix(rows, cache), rows)
            recall_table(f"held-out {name}, n-gram head", p, ngram_rescue)
            recall_table(f"held-out {name}, embedding head", q, choose_rescue(embedded_oof))
            recall_table(f"held-out {name}, blend {weight:.1f}", blend(p, q, weight), rescue)
            report(f"held-out {name}, blend", confusion(blend(p, q, weight), rescue))
        return 0
    print(f"{len(everything)} sentences, labels {dict(Counter(e.label for e in everything))}")
    ngram_oof, embedded_oof = out_of_fold(everything, cache, args.folds, args.l2, args.l2_embedding)
    recall_table("CV n-gram head", ngram_oof, choose_rescue(ngram_oof))
    recall_table("CV embedding head", embedded_oof, choose_rescue(embedded_oof))
    weight, rescue = best_weight(ngram_oof, embedded_oof)
    blended = blend(ngram_oof, embedded_oof, weight)
    recall_table(f"CV blend {weight:.1f}", blended, rescue)
    report(f"CV blend {weight:.1f}", confusion(blended, rescue))
    if args.cv_only:
        return 0
    data = augmented(everything)
    head = train_head(embedding_matrix(data, cache), [e.label for e in data], l2=args.l2_embedding,
                      meta={"trained_on": "training/jtbd", "excluded": args.exclude,
                            "embedder": BundledEmbedder.name,
                            "blend_weight": weight, "rescue": rescue, "sentences": len(everything),
                            "labels": list(LABELS)})
    head.save(EMBEDDING_HEAD)
    print(f"wrote {EMBEDDING_HEAD.relative_to(ROOT)} (blend weight {weight}, rescue {rescue})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
