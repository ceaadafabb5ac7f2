"""Merging JTBD results: the chunks of one long interview, or two engines' answers on the same
interview. Pure: no I/O, no engine."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from icp_coach.domain.jtbd import (
    FORCES,
    TIMELINE_STAGES,
    Alternative,
    EvidencedItem,
    Forces,
    JTBDResult,
    Quote,
    TimelineEvent,
)
from icp_coach.domain.jtbd_text import normalise

MAX_PER_FORCE = 6


def same_span(a: Quote, b: Quote, language: str = "en") -> bool:
    """Two quotes of the same passage: one contiguous run of text covers at least half of the
    shorter one (so two different sentences of one long turn are not taken for one)."""
    from difflib import SequenceMatcher

    if a.source != b.source:
        return False
    x, y = normalise(a.quote).lower(), normalise(b.quote).lower()
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    if a.line != b.line:
        return False  # the same words said twice, in different places, are two quotes
    match = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    return match.size * 2 >= min(len(x), len(y))

def _without(item: EvidencedItem, used: Sequence[Quote], language: str) -> EvidencedItem:
    evidence = [q for q in item.evidence if not any(same_span(q, u, language) for u in used)]
    if len(evidence) == len(item.evidence):
        return item
    return EvidencedItem(text=item.text, evidence=evidence, verified=bool(evidence))


def one_force_per_quote(forces: Forces, not_valued: list[EvidencedItem], language: str) -> Forces:
    """A quote already used (or said to be unimportant) is removed from later force items;
    an item whose only quotes were taken is dropped rather than padded."""
    used: list[Quote] = [q for item in not_valued for q in item.evidence]
    kept: dict[str, list[EvidencedItem]] = {}
    for force in FORCES:
        kept[force] = []
        for item in getattr(forces, force):
            trimmed = _without(item, used, language)
            if item.evidence and not trimmed.evidence:
                continue  # its evidence belongs elsewhere: not a separate finding
            used += trimmed.evidence
            kept[force].append(trimmed)
    return Forces(**kept)



MAX_QUOTES_PER_ITEM = 3


def _shares_a_quote(a: EvidencedItem, b: EvidencedItem, language: str) -> bool:
    return any(same_span(qa, qb, language) for qa in a.evidence for qb in b.evidence)


def _merge_items(groups: Iterable[list[EvidencedItem]], language: str,
                 limit: int | None = None) -> list[EvidencedItem]:
    """Items from several parts: one quoting what an earlier item quotes is a duplicate; one with
    the same text (the same finding seen in two chunks) adds its quotes to the earlier item."""
    merged: list[EvidencedItem] = []
    for items in groups:
        for item in items:
            if any(_shares_a_quote(item, m, language) for m in merged):
                continue
            same = next((i for i, m in enumerate(merged)
                         if normalise(m.text).lower() == normalise(item.text).lower()), None)
            if same is None:
                merged.append(item)
                continue
            old = merged[same]
            evidence = (old.evidence + item.evidence)[:MAX_QUOTES_PER_ITEM]
            merged[same] = EvidencedItem(text=old.text, evidence=evidence, verified=bool(evidence))
    if limit is not None:
        # verified findings first; the order inside each group is kept
        merged = sorted(merged, key=lambda i: not i.verified)[:limit]
    return merged


def _merge_alternatives(groups: Iterable[list[Alternative]]) -> list[Alternative]:
    by_name: dict[str, Alternative] = {}
    for alternatives in groups:
        for alt in alternatives:
            key = normalise(alt.name).lower()
            if key in by_name:
                old = by_name[key]
                evidence = old.evidence + [q for q in alt.evidence if q not in old.evidence]
                by_name[key] = Alternative(name=old.name, considered=old.considered or alt.considered,
                                           evidence=evidence[:3])
            else:
                by_name[key] = alt
    return list(by_name.values())


def merge_results(parts: Sequence[JTBDResult], *, engine: str | None = None) -> JTBDResult:
    """One result from several (chunks of one long interview, or two engines on the same one).
    Earlier parts win ties; limits keep each force to a readable handful."""
    if not parts:
        raise ValueError("nothing to merge")
    first = parts[0]
    language = first.language
    not_valued = _merge_items((p.not_valued for p in parts), language, 5)
    forces = Forces(**{force: _merge_items((getattr(p.forces, force) for p in parts), language,
                                           MAX_PER_FORCE) for force in FORCES})
    forces = one_force_per_quote(forces, not_valued, language)
    timeline: list[TimelineEvent] = []
    for stage in TIMELINE_STAGES:
        events = [e for p in parts for e in p.timeline if e.stage == stage]
        if events:
            timeline.append(next((e for e in events if e.evidence), events[0]))
    chosen = Counter(p.chosen_solution for p in parts if p.chosen_solution)
    notes = list(dict.fromkeys(note for p in parts for note in p.notes))
    merged = first.model_copy(update={
        "forces": forces,
        "triggers": _merge_items((p.triggers for p in parts), language, 5),
        "timeline": timeline,
        "alternatives": _merge_alternatives(p.alternatives for p in parts),
        "chosen_solution": chosen.most_common(1)[0][0] if chosen else None,
        "desired_outcomes": _merge_items((p.desired_outcomes for p in parts), language, 6),
        "job_statements": _merge_items((p.job_statements for p in parts), language, 3),
        "not_valued": not_valued,
        "engine": engine or first.engine,
        "notes": notes,
    })
    if chosen:
        name = merged.chosen_solution or ""
        merged.alternatives = [a for a in merged.alternatives if normalise(a.name).lower() != name.lower()]
    return merged
