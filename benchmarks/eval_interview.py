"""Headless interviews on the offline engine: what the final ICP holds, the corrections the coach
applied and the questions it asked again after an answer (target 0).

    .venv/bin/python benchmarks/eval_interview.py [examples/interview_*.yaml ...]

The answer files with corrections (examples/*_corrections.yaml) were written before tuning; the
figures on them are a first contact only for the first run, regression checks afterwards.
Sessions go to a temporary data folder; the knowledge base is not used (--no-knowledge).
"""

from __future__ import annotations

import asyncio
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _repeated(turns: list[Any]) -> list[str]:
    from icp_coach.services.coach_edits import read_edit

    asked: dict[str, list[str]] = {}
    repeated = []
    for turn in turns:
        if turn.speaker == "user":
            for since in asked.values():
                since.append(turn.text)
            continue
        for paragraph in (p.strip() for p in turn.text.split("\n\n")):
            if not paragraph.endswith(("?", "？")) or "Say yes" in paragraph or "回答“对”" in paragraph:
                continue
            if paragraph in asked and not all(read_edit(t).is_edit for t in asked[paragraph] or [""]):
                repeated.append(paragraph)
            asked[paragraph] = []
    return repeated


def run(path: Path) -> None:
    from icp_coach.bootstrap import make_app
    from icp_coach.cli.interview import Transcript, load_answers, run_interview
    from icp_coach.settings import Settings

    app = make_app(Settings(engine="offline"))
    answers = load_answers(path)
    coach = app.start_coach(company=answers.company, language=answers.language,
                            auto_advance=False, with_knowledge=False)
    out = io.StringIO()
    asyncio.run(run_interview(coach, answers, Transcript(out), already={}, resumed=False))
    turns = app.session_store.turns(coach.session_id)
    app.close()
    doc = coach.draft
    firmo = doc.firmographics
    transcript = out.getvalue()
    corrections = transcript.count("coach: Changed:") + transcript.count("coach: 已修改")
    print(f"== {path.name}: completed={coach.state.completed} version={doc.version}")
    print(f"  pmf: referrals={doc.pmf.referral_share} referrers={doc.pmf.referrer_nps} "
          f"overall_nps={doc.pmf.overall_nps} reached={doc.pmf.reached}")
    print(f"  industries={firmo.industries} employees={firmo.employees.min}-{firmo.employees.max} "
          f"revenue={firmo.annual_revenue_usd.min}-{firmo.annual_revenue_usd.max} regions={firmo.regions}")
    print(f"  tech={doc.technographics.tech_stack} values={doc.psychographics.values}")
    print(f"  pains={[p.description for p in doc.pain_points]}")
    print(f"  signals={[s.description for s in doc.buying_signals]}")
    print(f"  decision makers={[(m.role, m.titles) for m in doc.decision_makers]}")
    print(f"  red flags={[r.description for r in doc.red_flags]}")
    print(f"  best accounts={doc.best_accounts} jobs={doc.jobs_to_be_done} "
          f"validation={doc.validation_evidence}")
    print(f"  filters={[f.describe() for f in doc.filters]}")
    print(f"  signals (rules)={[s.describe() for s in doc.signals]}")
    print(f"  corrections applied: {corrections}; questions repeated after an answer: "
          f"{len(_repeated(turns))}; user turns: {sum(t.speaker == 'user' for t in turns)}")


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "examples").glob("interview_*.yaml"))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ICP_COACH_DATA_DIR"] = folder
        for path in paths:
            run(path)


if __name__ == "__main__":
    main()
