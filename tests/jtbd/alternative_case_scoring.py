"""Shared by the alternatives case tests: read a short case with the offline engine, and pool a
folder of training-format cases into the figures the holdout scorer reports."""

from __future__ import annotations

import sys
from pathlib import Path

from icp_coach.domain.jtbd import JTBDResult
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.transcripts.loader import parse_transcript

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
from score_alternatives_holdout import name_matches, read  # noqa: E402

SPEAKERS = {"en": ("Interviewer", "Sam"), "zh": ("访谈人", "老陈")}

__all__ = ["SPEAKERS", "considered_names", "extract_case", "name_matches", "pooled_alternatives"]


def extract_case(text: str, language: str) -> JTBDResult:
    transcript = parse_transcript(text, f"case.{language}.txt", interviewer=[SPEAKERS[language][0]])
    return OfflineJTBDExtractor(None).extract_jtbd(transcript)


def considered_names(result: JTBDResult) -> list[str]:
    return [a.name for a in result.alternatives if a.considered]


def pooled_alternatives(folder: Path) -> tuple[float, float, int, int]:
    """Precision and recall of the options weighed, chosen products right, and cases read."""
    right = reported = found = gold = chosen = cases = 0
    for path in sorted(folder.glob("*.txt")):
        for _, language, labels, text in read(path):
            result = extract_case(text, language)
            considered = considered_names(result)
            wanted = labels.get("considered", [])
            right += sum(any(name_matches(g, p) for g in wanted) for p in considered)
            found += sum(any(name_matches(g, p) for p in considered) for g in wanted)
            reported, gold, cases = reported + len(considered), gold + len(wanted), cases + 1
            chosen += bool(result.chosen_solution) and name_matches(labels["chosen"][0], result.chosen_solution or "")
    return right / max(reported, 1), found / max(gold, 1), chosen, cases
