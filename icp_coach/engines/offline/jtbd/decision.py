"""How the head's class probabilities for one sentence become its class.

The most likely class wins when its probability reaches MIN_PROBABILITY. When the most likely
class is `none`, the strongest other class still wins if it reaches its own rescue threshold:
thresholds chosen by leave-trades-out cross-validation (training/train_jtbd.py) to favour recall
while few "did not value" sentences become forces, shipped in the head's metadata.
"""

from __future__ import annotations

from collections.abc import Mapping

MIN_PROBABILITY = 0.3  # the head's probability needed for a sentence to count for its class
NONE = "none"


def decide(probabilities: Mapping[str, float], rescue: Mapping[str, float] | None = None) -> str:
    """The head class of a sentence (`none` when no class is sure enough)."""
    ranked = sorted(probabilities, key=lambda name: -probabilities[name])
    best = ranked[0]
    if best != NONE:
        return best if probabilities[best] >= MIN_PROBABILITY else NONE
    runner_up = next((name for name in ranked if name != NONE), None)
    threshold = (rescue or {}).get(runner_up or "")
    if runner_up is not None and threshold is not None and probabilities[runner_up] >= threshold:
        return runner_up
    return NONE
