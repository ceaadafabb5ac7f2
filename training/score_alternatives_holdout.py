"""Score the offline engine's alternatives on the held-out interviews (never tuned on).

    PYTHONPATH=. .venv/bin/python training/score_alternatives_holdout.py [--dir holdout_messy]

Each interview in training/alternatives/holdout/*.txt (training-file format; a gold name may
list accepted spellings as "a|b") is rendered as a `Name: text` transcript, read by the real
loader and run through the offline JTBD extractor. With --dir, a folder of plain `Name: text`
transcripts (.txt), each with a gold .json beside it (alternatives [{name, considered}],
chosen_solution, language), is read instead; with --cases, any folder of training-format files. Considered options are scored against the
gold `considered:` line: a name matches when one contains the other, case-insensitively, on the
whole name or on either part of "label (the customer's words)". Prints precision and recall per
file and pooled, plus passing-mention recall and the share of all reported alternatives
(considered or passing) that are gold alternatives.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor  # noqa: E402
from icp_coach.transcripts.loader import parse_transcript  # noqa: E402

CORPUS = ROOT / "training" / "alternatives"
HOLDOUT = CORPUS / "holdout"
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


def read(path: Path) -> list[tuple[str, str, dict[str, list[str]], str]]:
    """Each `=== trade | lang` block of a training-format file: (trade, language, labels, text)."""
    interviews = []
    for block in path.read_text(encoding="utf-8").split("===")[1:]:
        head, *rows = block.strip().splitlines()
        language, labels, lines = head.rsplit("|", 1)[1].strip(), {}, []
        for raw in rows:
            line = raw.strip()
            if match := re.match(r"^(chosen|considered|passing):\s*(.*)$", line):
                labels[match[1]] = [n.strip() for n in match[2].split(";") if n.strip()]
            elif match := re.match(r"^([IC]):\s*(.+)$", line):
                lines.append(f"{NAMES[language][match[1] == 'C']}: {match[2]}")
        interviews.append((head.rsplit("|", 1)[0].strip(), language, labels, "\n".join(lines) + "\n"))
    return interviews


def read_plain(path: Path) -> list[tuple[str, str, dict[str, list[str]], str]]:
    """A plain `Name: text` transcript and its gold .json."""
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    labels = {"considered": [a["name"] for a in gold["alternatives"] if a["considered"]],
              "passing": [a["name"] for a in gold["alternatives"] if not a["considered"]],
              "chosen": [gold.get("chosen_solution") or ""]}
    return [(path.stem, gold["language"], labels, path.read_text(encoding="utf-8"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="a folder under training/alternatives of plain transcripts "
                        "with gold .json files (default: the tidy holdout in training-file format)")
    parser.add_argument("--cases", help="any folder of training-format files instead of the tidy "
                        "holdout, e.g. tests/jtbd/alternative_gaps")
    args = parser.parse_args()
    folder = CORPUS / args.dir if args.dir else Path(args.cases) if args.cases else HOLDOUT
    extractor = OfflineJTBDExtractor(None)
    total = {"right": 0, "predicted": 0, "found": 0, "gold": 0, "passing_found": 0, "passing_gold": 0,
             "named": 0, "named_right": 0, "chosen_right": 0, "files": 0}
    interviews = [(f"{path.name}" + (f" [{trade}]" if not args.dir else ""), language, labels, text)
                  for path in sorted(folder.glob("*.txt"))
                  for trade, language, labels, text in (read_plain(path) if args.dir else read(path))]
    for name, language, labels, text in interviews:
        interviewers = [NAMES[language][0]]
        transcript = parse_transcript(text, name, interviewer=interviewers)
        result = extractor.extract_jtbd(transcript)
        considered = [a.name for a in result.alternatives if a.considered]
        passing = [a.name for a in result.alternatives if not a.considered]
        gold, gold_passing = labels.get("considered", []), labels.get("passing", [])
        right = sum(any(name_matches(g, p) for g in gold) for p in considered)
        found = sum(any(name_matches(g, p) for p in considered) for g in gold)
        passing_found = sum(any(name_matches(g, p) for p in passing) for g in gold_passing)
        named_right = sum(any(name_matches(g, p) for g in gold + gold_passing) for p in considered + passing)
        gold_chosen = [c for c in labels.get("chosen", []) if c]
        total["files"] += 1
        total["chosen_right"] += int(bool(result.chosen_solution) and any(
            name_matches(c, result.chosen_solution) for c in gold_chosen) or not (gold_chosen or result.chosen_solution))
        for key, value in (("right", right), ("predicted", len(considered)), ("found", found),
                           ("gold", len(gold)), ("passing_found", passing_found),
                           ("passing_gold", len(gold_passing)), ("named", len(considered + passing)),
                           ("named_right", named_right)):
            total[key] += value
        print(f"{name}: P {right}/{len(considered)} R {found}/{len(gold)}; "
              f"chosen {result.chosen_solution!r}; considered {considered}; passing {passing}")
    p = total["right"] / total["predicted"] if total["predicted"] else 0.0
    r = total["found"] / total["gold"] if total["gold"] else 0.0
    print(f"pooled: considered precision {p:.2f} ({total['right']}/{total['predicted']}), "
          f"recall {r:.2f} ({total['found']}/{total['gold']}); passing recall "
          f"{total['passing_found']}/{total['passing_gold']}; reported alternatives that are gold "
          f"{total['named_right']}/{total['named']}; chosen right {total['chosen_right']}/{total['files']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
