"""Units read clause by clause with the learned heads (`clauses.py`).

The rules keep what a heading or an inline label decided; every other unit (placed by cue words,
or by nothing) takes the kind its clauses speak of, and every unit of the profile learns which of
its clauses only name something to rule it out ("Texas first; Canada later", "not GCs").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from icp_coach.engines.offline.extraction.clauses import ClauseClassifier, ClauseReading
from icp_coach.engines.offline.extraction.exclusion import says_exclusion
from icp_coach.engines.offline.extraction.lines import Unit, split_clauses

# Below this the head's guess does not replace a cue's decision; below the second, it does not
# place a unit nothing else placed.
OVERRIDE_CUE = 0.55
PLACE_OPEN = 0.35
EXCLUDE_SURE = 0.75  # a clause of the profile this likely to rule out is left out of it
EXCLUDE_UNIT = 0.8  # every filter clause of a unit ruling out, on average this sure: a red flag
_FILTERS = ("industry", "size", "revenue", "region", "tech")
_PROFILE_DIMENSIONS = ("industry", "size", "revenue", "region")
_DECIDED = ("heading", "section", "label")
_STICKY = ("red_flag", "misc")
OVERRIDE_SECTION = 0.9
PSYCHO_SURE = 0.7
EXCLUDE_UNSAID = 0.9  # a clause with no ruling-out word must be this likely to rule out


def _rules_out(text: str, reading: ClauseReading) -> bool:
    """A filter clause that rules something out: the heads are sure, and the words say so (or
    the heads are all but certain: "Canada later")."""
    if reading.dimension not in (*_FILTERS, "redflag") or reading.exclude_probability < EXCLUDE_SURE:
        return False
    return reading.exclude_probability >= EXCLUDE_UNSAID or says_exclusion(text)


def _may_rule_out(unit: Unit) -> bool:
    """A profile unit a heading or label placed is read only for what it may rule out: when it
    has several clauses, or says a ruling-out word (a lone "Fintech" under "Who" is not)."""
    return unit.kind in (None, "profile") and (len(_clauses(unit)) > 1
                                                or says_exclusion(unit.text))


def _clauses(unit: Unit) -> list[str]:
    text = unit.body if unit.label else unit.text
    return [clause.strip() for _, clause in split_clauses(text) if clause.strip()] or [text]


def _unit_kind(readings: Sequence[ClauseReading]) -> tuple[str, float]:
    """The kind a unit's clauses speak of most, and how sure the heads are.

    A unit whose every content clause excludes is a red flag ("not GCs", "orthodontic-only
    chains"); otherwise the excluded clauses do not vote."""
    content = [r for r in readings if r.dimension != "other"]
    if not content:
        best = max(readings, key=lambda r: r.confidence)
        return best.kind, best.confidence
    sure = [r.exclude_probability for r in content if r.dimension in _FILTERS]
    if sure and len(sure) == len(content) and min(sure) >= EXCLUDE_SURE \
            and sum(sure) / len(sure) >= EXCLUDE_UNIT:
        return "red_flag", min(sure)
    votes: dict[str, float] = defaultdict(float)
    for reading in content:
        if reading.exclude_probability < EXCLUDE_SURE or reading.dimension not in _FILTERS:
            votes[reading.kind] += reading.confidence
    if not votes:
        return "red_flag", min(r.exclude_probability for r in content)
    kind = max(votes, key=lambda k: votes[k])
    return kind, max(r.confidence for r in content if r.kind == kind)


def read_units(units: list[Unit], classifier: ClauseClassifier,
               allowed: Sequence[str] | None = None) -> tuple[list[Unit], int]:
    """Units with learned kinds and excluded clauses; and how many units the heads placed.

    `allowed`: the kinds the interview step asks about (None for whole notes); a learned kind
    outside it is taken only when it rules the unit out."""
    targets = [i for i, u in enumerate(units) if not u.is_heading and u.text.strip()
               and (u.decided_by not in _DECIDED or _may_rule_out(u))]
    texts: list[str] = []
    contexts: list[str | None] = []
    owners: list[int] = []
    for index in targets:
        unit = units[index]
        for clause in _clauses(unit):
            texts.append(clause)
            contexts.append(unit.label_kind or unit.section)
            owners.append(index)
    readings = classifier.read(texts, contexts)
    by_unit: dict[int, list[tuple[str, ClauseReading]]] = defaultdict(list)
    for owner, text, reading in zip(owners, texts, readings, strict=True):
        by_unit[owner].append((text, reading))
    result = list(units)
    placed = 0
    for index, pairs in by_unit.items():
        unit = result[index]
        excluded = tuple(text for text, r in pairs if _rules_out(text, r))
        kind, confidence = _unit_kind([r for _, r in pairs])
        # A heading or label decides, unless the heads are all but sure the line speaks of
        # something else (they see the heading too): a country list under "## Decisions".
        decided = unit.decided_by in _DECIDED and not (
            unit.decided_by == "section" and confidence >= OVERRIDE_SECTION
            and unit.kind not in _STICKY)
        threshold = OVERRIDE_CUE if unit.kind is not None else PLACE_OPEN
        if kind == "psycho" and confidence < PSYCHO_SURE:  # few examples: said plainly or not
            kind, confidence = unit.kind or "misc", 0.0
        take = not decided and confidence >= threshold and (
            allowed is None or kind in allowed or kind in ("red_flag", "misc"))
        if take and kind != unit.kind:
            result[index] = replace(unit, kind=kind, decided_by="learned", excluded=excluded)
            placed += 1
        else:
            result[index] = replace(unit, excluded=excluded)
    return result, placed
