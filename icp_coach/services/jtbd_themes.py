"""Across interviews: findings merged into themes by meaning, each counting the interviews behind
it. A theme backed by at least `threshold` interviews is a pattern; fewer is a hypothesis.

Then what the ICP can take from them: pain points (pushes), buying signals (triggers) and current
solutions (alternatives and habits), each with its evidence carried over.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from icp_coach.domain.icp import BuyingSignal, Evidence, PainPoint
from icp_coach.domain.jtbd import FORCES, JTBDReport, JTBDResult, Quote, Theme

SIMILAR_VECTORS = 0.86  # cosine between E5 vectors of two findings that say the same thing
SIMILAR_WORDS = 0.34  # Jaccard of content words (or Chinese character pairs) without a model
_STOP = set("""a an the and or but so of to in on at for with from by is are was were be been it
this that these those i we you they he she my our your their me us them not no do did does have
had has just really very like about what which who when then than there here as if""".split())


@dataclass
class _Cluster:
    kind: str
    text: str
    vector: list[float] | None
    words: set[str]
    sources: list[str] = field(default_factory=list)
    evidence: list[Quote] = field(default_factory=list)


def _words(text: str) -> set[str]:
    cjk = re.findall(r"[\u4e00-\u9fff]", text)
    if len(cjk) > 3:
        return {a + b for a, b in zip(cjk, cjk[1:], strict=False)}
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def _similar(cluster: _Cluster, vector: list[float] | None, words: set[str]) -> bool:
    if vector is not None and cluster.vector is not None:
        return _cosine(vector, cluster.vector) >= SIMILAR_VECTORS
    union = cluster.words | words
    return bool(union) and len(cluster.words & words) / len(union) >= SIMILAR_WORDS


def _findings(result: JTBDResult) -> list[tuple[str, str, list[Quote]]]:
    found: list[tuple[str, str, list[Quote]]] = []
    for force in FORCES:
        found += [(force, item.text, item.evidence) for item in getattr(result.forces, force)]
    found += [("trigger", item.text, item.evidence) for item in result.triggers]
    found += [("desired_outcome", item.text, item.evidence) for item in result.desired_outcomes]
    found += [("alternative", alt.name, alt.evidence) for alt in result.alternatives if alt.considered]
    return found


def build_themes(results: Sequence[JTBDResult], *, threshold: int = 3,
                 embed: Callable[[list[str]], list[list[float]]] | None = None) -> list[Theme]:
    """Greedy clustering per kind; `embed` (texts -> vectors) merges by meaning when given."""
    rows = [(result.source, kind, text, evidence)
            for result in results for kind, text, evidence in _findings(result)]
    vectors: list[list[float] | None] = [None] * len(rows)
    if embed is not None and rows:
        vectors = list(embed([text for _, _, text, _ in rows]))
    clusters: list[_Cluster] = []
    for (source, kind, text, evidence), vector in zip(rows, vectors, strict=True):
        words = _words(text) if kind != "alternative" else {text.lower()}
        home = next((c for c in clusters if c.kind == kind and (
            c.text.lower() == text.lower() if kind == "alternative" else _similar(c, vector, words))),
            None)
        if home is None:
            home = _Cluster(kind, text, vector, words)
            clusters.append(home)
        if source not in home.sources:
            home.sources.append(source)
        home.evidence += [q for q in evidence[:1] if q not in home.evidence]
    themes = [Theme(kind=c.kind, text=c.text, sources=c.sources, evidence=c.evidence[:5],
                    support=len(c.sources),
                    status="pattern" if len(c.sources) >= threshold else "hypothesis")
              for c in clusters]
    themes.sort(key=lambda t: (-t.support, t.kind))
    return themes


def _evidence(quotes: Sequence[Quote]) -> list[Evidence]:
    return [Evidence(quote=q.quote, source=q.source, line=q.line, kind="quote", verified=True)
            for q in quotes]


def icp_feed(report: JTBDReport) -> dict[str, list]:
    """Pain points, buying signals and current solutions for the ICP, with their evidence.

    Patterns come first; hypotheses follow so a small study still has something to test.
    """
    pains: list[PainPoint] = []
    signals: list[BuyingSignal] = []
    solutions: list[dict] = []
    for theme in report.themes:
        if not theme.evidence:
            continue  # nothing unverified goes into the ICP
        urgency = "high" if theme.status == "pattern" else "medium"
        if theme.kind == "push":
            current = _current_solution(report, theme.sources)
            pains.append(PainPoint(description=theme.text, urgency=urgency,  # type: ignore[arg-type]
                                   current_solution=current, evidence=_evidence(theme.evidence)))
        elif theme.kind == "trigger":
            signals.append(BuyingSignal(type="trigger", description=theme.text,
                                        evidence=_evidence(theme.evidence)))
        elif theme.kind == "alternative":
            solutions.append({"name": theme.text, "interviews": theme.support, "status": theme.status,
                              "evidence": [e.model_dump() for e in _evidence(theme.evidence)]})
    return {"pain_points": [p.model_dump() for p in pains],
            "buying_signals": [s.model_dump() for s in signals],
            "current_solutions": solutions}


def _current_solution(report: JTBDReport, sources: Sequence[str]) -> str:
    """What those customers were doing before: their first habit finding, else the alternatives."""
    for result in report.interviews:
        if result.source in sources and result.forces.habit:
            return result.forces.habit[0].text
    return ""
