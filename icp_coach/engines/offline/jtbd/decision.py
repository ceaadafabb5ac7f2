"""How the head's class probabilities for one sentence become its class.

The most likely class wins when its probability reaches MIN_PROBABILITY. When the most likely
class is `none`, the strongest other class still wins if it reaches its own rescue threshold
and is at least half as likely as `none`:
thresholds chosen by leave-trades-out cross-validation (training/train_jtbd.py) to favour recall
while few "did not value" sentences become forces, shipped in the head's metadata.
"""

from __future__ import annotations

from collections.abc import Mapping

MIN_PROBABILITY = 0.3  # the head's probability needed for a sentence to count for its class
NONE = "none"
# a rescued class must be at least this share as likely as `none`: a sentence the head is sure is
# nothing ("I wasn't worried at all": none 0.77, anxiety 0.23) stays nothing
RESCUE_SHARE_OF_NONE = 0.5


def decide(probabilities: Mapping[str, float], rescue: Mapping[str, float] | None = None) -> str:
    """The head class of a sentence (`none` when no class is sure enough)."""
    ranked = sorted(probabilities, key=lambda name: -probabilities[name])
    best = ranked[0]
    if best != NONE:
        return best if probabilities[best] >= MIN_PROBABILITY else NONE
    runner_up = next((name for name in ranked if name != NONE), None)
    threshold = (rescue or {}).get(runner_up or "")
    if runner_up is None or threshold is None:
        return NONE
    likely = probabilities[runner_up]
    if likely >= threshold and likely >= RESCUE_SHARE_OF_NONE * probabilities[NONE]:
        return runner_up
    return NONE
