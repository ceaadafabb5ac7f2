"""Units read clause by clause with the learned heads (`clauses.py`).

The rules keep what a heading or an inline label decided; every other unit (placed by cue words,
or by nothing) takes the kind its clauses speak of, and every unit of the profile learns which of
its clauses only name something to rule it out ("Texas first; Canada later", "not GCs").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from icp_coach.engines.offline.extraction.clauses import (
    KIND_OF,
    ClauseClassifier,
    ClauseReading,
)
from icp_coach.engines.offline.extraction.exclusion import says_exclusion, states_requirement
from icp_coach.engines.offline.extraction.lexicons import cues
from icp_coach.engines.offline.extraction.lines import Unit, split_clauses
from icp_coach.engines.offline.extraction.mentions import mentions

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
EXCLUDED_PLACED = 0.5  # a clause read as ruling out must be this sure of what it speaks of
EXCLUDE_SAID = 0.5  # a clause read as a red flag must be at least this likely to rule out
ALSO_SURE = 0.6  # a clause this sure it speaks of another kind adds an item of that kind
ALSO_SECOND = 0.3  # ... or this likely as the heads' second reading ("stock in spreadsheets")
_ITEM_KINDS = ("tech", "pain", "signal", "red_flag")
# Units whose clauses are read for items of other kinds: not the ruled-out or set-aside ones.
_MULTI_ITEM = (None, "profile", "tech", "pain", "signal", "decision", "psycho")


def _rules_out(text: str, reading: ClauseReading) -> bool:
    """A filter clause that rules something out: the heads are sure, and the words say so
    ("Canada later", "not GCs")."""
    if reading.dimension not in (*_FILTERS, "redflag") or reading.exclude_probability < EXCLUDE_SURE:
        return False
    if states_requirement(text):  # "must run on-prem, otherwise IT won't sign": a must-have
        return False
    # The words must say so too ("later", "not", "先不"): the heads alone, however sure, once
    # ruled out "we sell to multi-site salons in Ohio".
    return says_exclusion(text)


def _may_rule_out(unit: Unit) -> bool:
    """A profile unit a heading or label placed is read only for what it may rule out: when it
    has several clauses, or says a ruling-out word (a lone "Fintech" under "Who" is not)."""
    return unit.kind in (None, "profile") and (len(_clauses(unit)) > 1
                                                or says_exclusion(unit.text))


def _reads_for_items(unit: Unit) -> bool:
    """A unit a heading or label placed is still read clause by clause when it has several
    clauses and shows a sign of a second kind: one sentence may name a tool, a pain and a line
    not to cross. The sign is cheap to see; the model is what a note's time goes on, so a
    "Pains" line with no tool, no ruling-out word and no trigger word is not read again."""
    clauses = _clauses(unit)
    if unit.kind not in ("tech", "pain", "signal") or len(clauses) < 2:
        return False
    if says_exclusion(unit.text):
        return True
    if unit.kind == "tech":  # a clause naming no tool may say what hurts
        return any(not mentions("tech", clause) for clause in clauses)
    other = "signal" if unit.kind == "pain" else "pain"
    return bool(cues("lines", other).search(unit.text) or mentions("tech", unit.text))


def _other_items(kind: str | None, pairs: Sequence[tuple[str, ClauseReading]]
                 ) -> tuple[tuple[str, str], ...]:
    """(kind, clause) for clauses that speak of an item kind other than the unit's own.

    A red flag needs the words and the polarity head to agree it rules out ("we don't replace
    their ERP" says "don't" and rules nothing out); a pain or signal that is negated is not one.
    """
    if kind not in _MULTI_ITEM:
        return ()
    found: list[tuple[str, str]] = []
    for text, reading in pairs:
        kinds = []
        if _EXPLAINS.search(text):  # a reason is part of its item, not one of its own
            continue
        if reading.confidence >= ALSO_SURE:
            kinds.append(reading.kind)
        # The heads' second reading counts where one clause often says two things: a tool
        # and the pain of using it ("stock lives in spreadsheets nobody updates").
        if reading.runner_up_confidence >= ALSO_SECOND \
                and {reading.dimension, reading.runner_up} == {"tech", "pain"}:
            kinds.append(KIND_OF[reading.runner_up])
        ruling_out = reading.exclude_probability >= EXCLUDE_SURE and says_exclusion(text)
        for other in kinds:
            if other == kind or other not in _ITEM_KINDS:
                continue
            if (other == "red_flag") != ruling_out:
                continue
            found.append((other, text))
    return tuple(dict.fromkeys(found))


def _clauses(unit: Unit) -> list[str]:
    text = unit.body if unit.label else unit.text
    return [clause.strip() for _, clause in split_clauses(text) if clause.strip()] or [text]


# A clause that gives the reason for the one before it ("..., because the schedule slips")
# explains the item; the main clause says what the item is.
_EXPLAINS = re.compile(r"^\s*(?:and\s+)?(?:because|since|as|so|which|who|that's why|so that|cause)\b"
                       r"|^\s*(?:因为|由于|所以|因此|这样|导致)", re.IGNORECASE)
EXPLANATION_WEIGHT = 0.5


def _unit_kind(readings: Sequence[ClauseReading], *, under_red_flags: bool = False,
               texts: Sequence[str] = ()) -> tuple[str, float]:
    """The kind a unit's clauses speak of most, and how sure the heads are.

    A unit whose every content clause excludes is a red flag ("not GCs", "orthodontic-only
    chains"); otherwise the excluded clauses do not vote."""
    content = [r for r in readings if r.dimension != "other"]
    if not content:
        best = max(readings, key=lambda r: r.confidence)
        return best.kind, best.confidence
    sure = [r.exclude_probability for r in content if r.dimension in _FILTERS]
    # The clauses must be sure what they rule out: "we don't replace their ERP" is a weak
    # reading of anything, and its "don't" rules no segment out.
    placed = all(r.confidence >= EXCLUDED_PLACED for r in content)
    # ... and each clause's own words rule out.
    said = all(_rules_out(t, r) for t, r in zip(texts, readings, strict=True)
               if r.dimension != "other") if len(texts) == len(readings) else True
    if sure and len(sure) == len(content) and min(sure) >= EXCLUDE_SURE \
            and sum(sure) / len(sure) >= EXCLUDE_UNIT and placed and said:
        return "red_flag", min(sure)
    votes: dict[str, float] = defaultdict(float)
    weight = {id(r): EXPLANATION_WEIGHT if _EXPLAINS.search(t) else 1.0
              for t, r in zip(texts, readings, strict=False)}
    for reading in content:
        if reading.dimension == "redflag" and reading.exclude_probability < EXCLUDE_SAID \
                and not under_red_flags:
            continue  # "a red flag" whose words rule nothing out ("happy to walk you through")
        if reading.exclude_probability < EXCLUDE_SURE or reading.dimension not in _FILTERS:
            votes[reading.kind] += reading.confidence * weight.get(id(reading), 1.0)
    if not votes:
        if not placed or not said:  # read as ruling out, but neither sure nor said so
            best = max(readings, key=lambda r: r.confidence)
            return ("misc" if best.dimension in (*_FILTERS, "redflag") else best.kind), 0.0
        return "red_flag", min(r.exclude_probability for r in content)
    kind = max(votes, key=lambda k: votes[k])
    return kind, max(r.confidence for r in content if r.kind == kind)


LEAD_SURE = 0.6  # a paragraph's opening words read this surely set the kind of its sentences


def _lead_kinds(units: list[Unit], classifier: ClauseClassifier) -> dict[str, str]:
    """The kind each paragraph's unknown opening words speak of ("Where they bleed money:"),
    read by the heads; a lead that rules out ("Who to stop chasing:") is "red_flag"."""
    leads = list(dict.fromkeys(u.lead for u in units if u.lead and not u.is_heading))
    kinds: dict[str, str] = {}
    for lead, reading in zip(leads, classifier.read(leads, [None] * len(leads)), strict=True):
        if says_exclusion(lead) and (reading.exclude_probability >= EXCLUDE_SURE
                                     or reading.dimension == "redflag"):
            kinds[lead] = "red_flag"
        elif reading.confidence >= LEAD_SURE and reading.kind in _ITEM_KINDS + ("decision",):
            kinds[lead] = reading.kind
    return kinds


def read_units(units: list[Unit], classifier: ClauseClassifier,
               allowed: Sequence[str] | None = None, context: str | None = None
               ) -> tuple[list[Unit], int]:
    """Units with learned kinds and excluded clauses; and how many units the heads placed.

    `allowed`: the kinds the interview step asks about (None for whole notes); a learned kind
    outside it is taken only when it rules the unit out. `context`: the kind the question
    answered asks about, for units no heading or label places (step 3: "red_flag")."""
    targets = [i for i, u in enumerate(units) if not u.is_heading and u.text.strip()
               and (u.decided_by not in _DECIDED or _may_rule_out(u) or _reads_for_items(u))]
    leads = _lead_kinds(units, classifier)
    texts: list[str] = []
    contexts: list[str | None] = []
    owners: list[int] = []
    for index in targets:
        unit = units[index]
        for clause in _clauses(unit):
            texts.append(clause)
            contexts.append(unit.label_kind or unit.section or leads.get(unit.lead) or context)
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
        under = (unit.label_kind or unit.section or leads.get(unit.lead) or context)
        kind, confidence = _unit_kind([r for _, r in pairs], under_red_flags=under == "red_flag",
                                      texts=[t for t, _ in pairs])
        # A heading or label decides, unless the heads are all but sure the line speaks of
        # something else (they see the heading too): a country list under "## Decisions".
        decided = unit.decided_by in _DECIDED and not (
            unit.decided_by == "section" and confidence >= OVERRIDE_SECTION
            and unit.kind not in _STICKY)
        threshold = OVERRIDE_CUE if unit.kind is not None else PLACE_OPEN
        if kind == "red_flag" and (states_requirement(unit.text)
                                   or unit.text.rstrip().endswith(("?", "？"))):
            # A must-have is a filter; a question asks, it rules nothing out.
            kind, confidence = unit.kind or "profile", 0.0
        if kind == "psycho" and confidence < PSYCHO_SURE:  # few examples: said plainly or not
            kind, confidence = unit.kind or "misc", 0.0
        take = not decided and confidence >= threshold and (
            allowed is None or kind in allowed or kind in ("red_flag", "misc"))
        if take and kind != unit.kind:
            also = _other_items(kind, pairs)
            result[index] = replace(unit, kind=kind, decided_by="learned", excluded=excluded,
                                    also=also)
            placed += 1
        else:
            also = _other_items(unit.kind, pairs)
            result[index] = replace(unit, excluded=excluded, also=also)
        if leads.get(unit.lead) == "red_flag" and unit.kind not in _STICKY:
            # "Who we should stop chasing: brewpubs. Contract brewers. Anyone under 2,000
            # barrels.": every sentence of the paragraph is a line not to cross.
            result[index] = replace(result[index], kind="red_flag", decided_by="lead", also=())
        if allowed is not None:
            result[index] = replace(result[index], also=tuple(
                (k, t) for k, t in result[index].also if k in allowed or k == "red_flag"))
    return _paragraph_kinds(result, leads), placed


_PARAGRAPH_KINDS = ("tech", "pain", "signal", "red_flag")


def _paragraph_kinds(units: list[Unit], leads: dict[str, str]) -> list[Unit]:
    """A sentence nothing placed, inside a paragraph, continues what its paragraph speaks of:
    the kind its opening words name, else the kind of the sentence before it ("Route density
    is awful. Callbacks are the other one, ...")."""
    result = list(units)
    for index, unit in enumerate(result):
        if unit.kind is not None or unit.is_heading:
            continue
        kind = leads.get(unit.lead)
        if kind is None and _same_paragraph(result, index):
            kind = result[index - 1].kind
        if kind in _PARAGRAPH_KINDS:
            result[index] = replace(unit, kind=kind, decided_by="paragraph")
    return result


def _same_paragraph(units: list[Unit], index: int) -> bool:
    return index > 0 and not units[index - 1].is_heading and units[index - 1].line == units[index].line
