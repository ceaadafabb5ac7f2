"""Score the offline engine's alternatives on the held-out interviews (never tuned on).

    PYTHONPATH=. .venv/bin/python training/score_alternatives_holdout.py

Each interview in training/alternatives/holdout/*.txt (training-file format; a gold name may
list accepted spellings as "a|b") is rendered as a `Name: text` transcript, read by the real
loader and run through the offline JTBD extractor. Considered options are scored against the
gold `considered:` line: a name matches when one contains the other, case-insensitively, on the
whole name or on either part of "label (the customer's words)". Prints precision and recall per
file and pooled, plus passing-mention recall.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor  # noqa: E402
from icp_coach.transcripts.loader import parse_transcript  # noqa: E402

HOLDOUT = ROOT / "training" / "alternatives" / "holdout"
NAMES = {"en": ("Interviewer", "Sam"), "zh": ("访谈人", "老陈")}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def name_matches(gold: str, predicted: str) -> bool:
    parts = [predicted] + [p for p in re.split(r"\s*[(（)）]\s*", predicted) if p.strip()]
    for spelling in gold.split("|"):
        wanted = _squeeze(spelling)
        if wanted and any((got := _squeeze(part)) and (wanted in got or got in wanted) for part in parts):
            return True
    return False


def read(path: Path) -> tuple[str, dict[str, list[str]], str]:
    language, labels, lines = "en", {}, []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("==="):
            language = line.rsplit("|", 1)[1].strip()
        elif match := re.match(r"^(chosen|considered|passing):\s*(.*)$", line):
            labels[match[1]] = [n.strip() for n in match[2].split(";") if n.strip()]
        elif match := re.match(r"^([IC]):\s*(.+)$", line):
            lines.append(f"{NAMES[language][match[1] == 'C']}: {match[2]}")
    return language, labels, "\n".join(lines) + "\n"


def main() -> int:
    extractor = OfflineJTBDExtractor(None)
    total = {"right": 0, "predicted": 0, "found": 0, "gold": 0, "passing_found": 0, "passing_gold": 0}
    for path in sorted(HOLDOUT.glob("*.txt")):
        language, labels, text = read(path)
        transcript = parse_transcript(text, path.name, interviewer=[NAMES[language][0]])
        result = extractor.extract_jtbd(transcript)
        considered = [a.name for a in result.alternatives if a.considered]
        passing = [a.name for a in result.alternatives if not a.considered]
        gold, gold_passing = labels.get("considered", []), labels.get("passing", [])
        right = sum(any(name_matches(g, p) for g in gold) for p in considered)
        found = sum(any(name_matches(g, p) for p in considered) for g in gold)
        passing_found = sum(any(name_matches(g, p) for p in passing) for g in gold_passing)
        for key, value in (("right", right), ("predicted", len(considered)), ("found", found),
                           ("gold", len(gold)), ("passing_found", passing_found),
                           ("passing_gold", len(gold_passing))):
            total[key] += value
        print(f"{path.name}: P {right}/{len(considered)} R {found}/{len(gold)}; "
              f"chosen {result.chosen_solution!r}; considered {considered}; passing {passing}")
    p = total["right"] / total["predicted"] if total["predicted"] else 0.0
    r = total["found"] / total["gold"] if total["gold"] else 0.0
    print(f"pooled: considered precision {p:.2f} ({total['right']}/{total['predicted']}), "
          f"recall {r:.2f} ({total['found']}/{total['gold']}); passing recall "
          f"{total['passing_found']}/{total['passing_gold']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
