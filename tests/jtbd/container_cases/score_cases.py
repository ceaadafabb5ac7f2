"""Score the container cases: does `icp-coach jtbd` read each file, pick the right interviewer,
and find the gold quotes on the customer's side? Also: do the offline engine's evidence quotes
all come from customer turns?

    PYTHONPATH=. .venv/bin/python tests/jtbd/container_cases/score_cases.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from click.testing import CliRunner

from icp_coach.cli.main import cli
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript
from icp_coach.transcripts.speech_pieces import split_role

HERE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _names(labels: list[str] | set[str]) -> set[str]:
    """Labels with a bracketed role split off: the loader writes 周雪 for a field 周雪（研究员）."""
    return {split_role(label)[0] for label in labels}


def score(path: Path, gold: dict[str, list[str]]) -> dict[str, object]:
    try:
        transcript = load_transcript(path)
    except TranscriptError as error:
        return {"read": False, "interviewer": False, "customers": False, "quotes": 0,
                "evidence": "-", "error": str(error)[:140]}
    customer_text = " ".join(_flat(t.text) for t in transcript.turns if not t.is_interviewer)
    research_text = " ".join(_flat(t.text) for t in transcript.turns if t.is_interviewer)
    found = sum(1 for quote in gold["quotes"] if quote in customer_text and quote not in research_text)
    customers = {t.written_label() for t in transcript.turns if not t.is_interviewer and t.speaker}
    result = CliRunner().invoke(cli, ["jtbd", str(path), "--engine", "offline", "--json"])
    evidence = "error"
    if result.exit_code == 0:
        interview = json.loads(result.stdout)["interviews"][0]
        quotes = [item["quote"] for force in interview["forces"].values() for finding in force
                  for item in finding["evidence"]]
        on_customer_side = sum(1 for quote in quotes if _flat(quote) in customer_text)
        evidence = f"{on_customer_side}/{len(quotes)}"
    return {"read": True, "interviewer": _names(transcript.interviewers) == _names(gold["interviewers"]),
            "customers": _names(customers) == _names(gold["customers"]), "quotes": found, "evidence": evidence,
            "error": ""}


def main() -> None:
    rows = []
    for gold_file in sorted(HERE.glob("*.gold.json")):
        path = HERE / gold_file.name.removesuffix(".gold.json")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        rows.append((path.name, len(gold["quotes"]), score(path, gold)))
    for name, total, row in rows:
        print(f"{name:34} read={row['read']!s:5} interviewer={row['interviewer']!s:5} "
              f"customers={row['customers']!s:5} quotes={row['quotes']}/{total} "
              f"engine_evidence_on_customer_side={row['evidence']} {row['error']}")
    n = len(rows)
    quotes = sum(int(str(row["quotes"])) for _, _, row in rows)
    total_quotes = sum(total for _, total, _ in rows)
    print(f"files read {sum(1 for _, _, r in rows if r['read'])}/{n}; "
          f"interviewer right {sum(1 for _, _, r in rows if r['interviewer'])}/{n}; "
          f"customers right {sum(1 for _, _, r in rows if r['customers'])}/{n}; "
          f"gold quotes on the customer side {quotes}/{total_quotes}")


if __name__ == "__main__":
    main()
