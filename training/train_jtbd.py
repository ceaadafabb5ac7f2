"""Train the JTBD sentence classifier of the offline engine from training/jtbd/*.txt.

    PYTHONPATH=. .venv/bin/python training/train_jtbd.py [--cv-only] [--folds 6] [--exclude GLOB]

Reads the labelled interviews (format in training/jtbd/README.md), adds programmatic variants
(ASR-style noise: no punctuation, lower case, fillers; relayed speech: "my boss said ..."),
a question-blind copy of every sentence (real interviewers often ask "and then?" or nothing a
question cue recognises, so the sentence itself must carry its class), and reports leave-trades-out
cross-validation per label twice: with the interviewer's question as written, and question-blind
(the honest estimate for transcripts whose questions do not announce the answer). Whole trades are
held out per fold; variants of a held-out sentence are never in training. From the out-of-fold
probabilities it chooses, per class, the rescue threshold of decision.py (best F2, so recall
counts double, `none` taken for a class weighted by NONE_WEIGHT, with at most 10% of "not valued"
sentences reported as a force) and reports the CV
again with it. Then it fits on everything and writes icp_coach/engines/offline/jtbd/head.npz with
the thresholds in its metadata.
"""

from __future__ import annotations

import argparse
import fnmatch
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from icp_coach.engines.offline.jtbd.decision import decide  # noqa: E402
from icp_coach.engines.offline.jtbd.features import FEATURE_NAMES, sentence_features  # noqa: E402
from icp_coach.engines.offline.jtbd.lexicon import cue_lexicon  # noqa: E402
from icp_coach.engines.offline.learned.head import train_head  # noqa: E402

CORPUS = ROOT / "training" / "jtbd"
HEAD = ROOT / "icp_coach" / "engines" / "offline" / "jtbd" / "head.npz"
LABELS = ("push", "pull", "anxiety", "habit", "trigger", "desired_outcome", "not_valued", "none")
FORCE_LABELS = ("push", "pull", "anxiety", "habit")
MAX_DISTRACTOR_RATE = 0.10
# about a sixth of the corpus is `none`; real interviews hold several times more small talk and
# context, so a `none` sentence reported as a force costs that much more than the corpus shows
NONE_WEIGHT = 3
RESCUE_GRID = tuple(round(0.10 + 0.025 * i, 3) for i in range(13))  # 0.10 .. 0.40
_LINE = re.compile(r"^(?P<who>[QC])\s+(?P<tag>[a-z_]+)\s*:\s*(?P<text>.+)$")
_FILLERS_EN = ("um", "uh", "you know", "like", "I mean", "so")
_FILLERS_ZH = ("嗯", "就是", "那个", "然后")
_RELAY_EN = ("my boss said", "my CFO said", "our owner told me", "my manager kept saying",
             "the team said")
_RELAY_ZH = ("老板说", "我们财务说", "店长跟我说", "同事说")


@dataclass
class Example:
    text: str
    label: str
    asked: set[str]
    first: bool
    language: str
    trade: str
    origin: int  # index of the written sentence a variant comes from
    question: str = ""
    source: str = ""  # the corpus file it was read from


def read_corpus(exclude: str = "") -> list[Example]:
    """Every labelled customer sentence of the corpus, but for the files whose name matches the
    glob `exclude` (e.g. a new writer's batch held out to score the heads trained without it)."""
    examples: list[Example] = []
    for path in sorted(CORPUS.glob("*.txt")):
        if exclude and fnmatch.fnmatch(path.name, exclude):
            continue
        trade, language, question = "", "en", ""
        asked: set[str] = set()
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.strip()
            if not line:
                continue
            if line.startswith("==="):
                parts = [p.strip() for p in line[3:].split("|")]
                trade, language = parts[0], parts[-1]
                asked, question = set(), ""
                continue
            match = _LINE.match(line)
            if not match:
                raise SystemExit(f"{path}:{number}: not 'Q type: text' or 'C label: text'")
            if match["who"] == "Q":
                asked = cue_lexicon(language).question_kinds(match["text"])
                question = match["text"]
                continue
            if match["tag"] not in LABELS:
                raise SystemExit(f"{path}:{number}: unknown label {match['tag']!r}")
            examples.append(Example(match["text"], match["tag"], asked, False, language,
                                    trade, len(examples), question, path.name))
    return examples


def variants(example: Example, rng: random.Random) -> list[Example]:
    """ASR-style and relayed-speech versions of a sentence, with the same label."""
    out = []
    text = example.text
    if example.language == "zh":
        noisy = re.sub(r"[，。！？、,.!?]", " ", text)
        noisy = rng.choice(_FILLERS_ZH) + noisy
        relayed = rng.choice(_RELAY_ZH) + "，" + text
    else:
        words = re.sub(r"[,.!?;]", "", text).lower().split()
        if len(words) > 3:
            words.insert(rng.randrange(1, len(words)), rng.choice(_FILLERS_EN))
        noisy = " ".join(words)
        relayed = f"{rng.choice(_RELAY_EN)} {text[:1].lower()}{text[1:]}"
    out.append(Example(noisy, example.label, example.asked, example.first, example.language,
                       example.trade, example.origin, example.question))
    out.append(blind(example))
    if example.label not in ("none", "not_valued"):
        out.append(Example(relayed, example.label, example.asked, False, example.language,
                           example.trade, example.origin, example.question))
    return out


def blind(example: Example) -> Example:
    """The same sentence after a question that says nothing of its kind."""
    return Example(example.text, example.label, set(), example.first, example.language,
                   example.trade, example.origin, "")


def matrix(examples: list[Example]) -> np.ndarray:
    parts = []
    for language in ("en", "zh"):
        chosen = [e for e in examples if e.language == language]
        if chosen:
            parts.append((chosen, sentence_features([e.text for e in chosen], [e.asked for e in chosen],
                                                    [e.first for e in chosen], language,
                                                    [e.question for e in chosen])))
    order = {id(e): i for i, e in enumerate(examples)}
    x = np.zeros((len(examples), len(FEATURE_NAMES)), dtype=np.float32)
    for chosen, rows in parts:
        for e, row in zip(chosen, rows, strict=True):
            x[order[id(e)]] = row
    return x


def augmented(examples: list[Example], seed: int = 7) -> list[Example]:
    """The examples and their variants; a sentence gets the same variants in every fold."""
    out = list(examples)
    for example in examples:
        out += variants(example, random.Random(f"{seed}:{example.text}"))
    return out


Scored = tuple[str, dict[str, float]]  # gold label, the head's probabilities


def cross_validate(examples: list[Example], folds: int, l2: float) -> tuple[list[Scored], list[Scored]]:
    """Out-of-fold probabilities of every written sentence, with its question and question-blind."""
    trades = sorted({e.trade for e in examples})
    random.Random(3).shuffle(trades)
    groups = [set(trades[i::folds]) for i in range(folds)]
    asked: list[Scored] = []
    unasked: list[Scored] = []
    for held in groups:
        train = augmented([e for e in examples if e.trade not in held])
        test = [e for e in examples if e.trade in held]
        head = train_head(matrix(train), [e.label for e in train], l2=l2)
        for out, rows in ((asked, test), (unasked, [blind(e) for e in test])):
            for e, row in zip(rows, head.predict_proba(matrix(rows)), strict=True):
                out.append((e.label, dict(zip(head.classes, map(float, row), strict=True))))
    print(f"leave-trades-out CV ({folds} folds, {len(trades)} trades, {len(examples)} sentences)")
    return asked, unasked


def confusion(scored: list[Scored], rescue: dict[str, float]) -> Counter[tuple[str, str]]:
    return Counter((gold, decide(probabilities, rescue)) for gold, probabilities in scored)


def distractor_rate(matrix_: Counter[tuple[str, str]]) -> float:
    """Share of "not valued" sentences the engine would report as one of the four forces."""
    total = sum(v for (g, _), v in matrix_.items() if g == "not_valued")
    as_force = sum(v for (g, p), v in matrix_.items() if g == "not_valued" and p in FORCE_LABELS)
    return as_force / total if total else 0.0


def _f2(matrix_: Counter[tuple[str, str]], label: str) -> float:
    """F2 (recall weighted), a `none` sentence taken for `label` counting NONE_WEIGHT times."""
    tp = matrix_[(label, label)]
    fp = sum(v * (NONE_WEIGHT if g == "none" else 1)
             for (g, p), v in matrix_.items() if p == label and g != label)
    fn = sum(v for (g, p), v in matrix_.items() if g == label and p != label)
    return 5 * tp / (5 * tp + 4 * fn + fp) if tp else 0.0


def choose_rescue(scored: list[Scored], max_distractor_rate: float = MAX_DISTRACTOR_RATE) -> dict[str, float]:
    """Per class, the rescue threshold (or none) with the best weighted F2 over the
    out-of-fold probabilities, keeping the distractor rate within `max_distractor_rate`."""
    rescue: dict[str, float] = {}
    for label in LABELS:
        if label == "none":
            continue
        best, best_f2 = None, _f2(confusion(scored, rescue), label)
        for threshold in RESCUE_GRID:
            trial = {**rescue, label: threshold}
            matrix_ = confusion(scored, trial)
            if distractor_rate(matrix_) > max_distractor_rate:
                continue
            if _f2(matrix_, label) > best_f2 + 1e-9:
                best, best_f2 = threshold, _f2(matrix_, label)
        if best is not None:
            rescue[label] = best
    return rescue


def report(title: str, confusion: Counter[tuple[str, str]]) -> None:
    print(f" {title}: distractor rate (not valued as a force) {distractor_rate(confusion):.2f}")
    total = sum(confusion.values())
    correct = sum(v for (g, p), v in confusion.items() if g == p)
    print(f" {title}: accuracy {correct / total:.2f}")
    f1s = []
    for label in LABELS:
        tp = confusion[(label, label)]
        fp = sum(v for (g, p), v in confusion.items() if p == label and g != label)
        fn = sum(v for (g, p), v in confusion.items() if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"  {label:16} precision {precision:.2f} recall {recall:.2f} f1 {f1:.2f} (n={tp + fn})")
    print(f"  macro f1 {sum(f1s) / len(f1s):.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=6)
    parser.add_argument("--l2", type=float, default=4.0)
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--exclude", default="", help="glob of corpus file names left out entirely")
    args = parser.parse_args()
    examples = read_corpus(args.exclude)
    trades = {e.trade for e in examples}
    languages = Counter(e.language for e in examples)
    trade_languages = Counter(language for _, language in {(e.trade, e.language) for e in examples})
    print(f"{len(examples)} labelled customer sentences ({dict(languages)}), {len(trades)} trades "
          f"({dict(trade_languages)}), labels {dict(Counter(e.label for e in examples))}")
    asked, unasked = cross_validate(examples, args.folds, args.l2)
    report("with the interviewer's question, argmax", confusion(asked, {}))
    report("question-blind, argmax", confusion(unasked, {}))
    rescue = choose_rescue(asked + unasked)
    print(f"rescue thresholds (when `none` is likeliest), chosen by CV F2: {rescue}")
    report("with the interviewer's question, with rescue", confusion(asked, rescue))
    report("question-blind, with rescue", confusion(unasked, rescue))
    if args.cv_only:
        return 0
    train = augmented(examples)
    head = train_head(matrix(train), [e.label for e in train], l2=args.l2,
                      feature_names=FEATURE_NAMES,
                      meta={"trained_on": "training/jtbd", "excluded": args.exclude,
                            "sentences": len(examples),
                            "trades": len(trades), "rescue": rescue})
    head.save(HEAD)
    print(f"wrote {HEAD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
