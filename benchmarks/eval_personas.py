"""Personas drafted offline from the dev corpus: evidence per persona, sections filled with
evidence, share of quotes that occur verbatim in a customer turn (must be 100%).

Run: .venv/bin/python benchmarks/eval_personas.py [--dev-data ../shared/dev-data]
Each dev note becomes an ICP (offline extract) and each dev transcript a JTBD result (offline);
the English note is paired with the English interview and the Chinese with the Chinese.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

PAIRS = [("billing_icp_en.md", "crm_brightwell_en.txt"),
         ("factory_iot_icp_zh.md", "membership_hetian_zh.txt")]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev-data", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "dev-data")
    args = parser.parse_args()

    from icp_coach.bootstrap import make_app
    from icp_coach.domain.persona import SECTIONS
    from icp_coach.services.extract_notes import extract_notes
    from icp_coach.services.jtbd import analyse_transcripts
    from icp_coach.services.personas import draft_personas
    from icp_coach.settings import Settings
    from icp_coach.transcripts.loader import load_transcript

    app = make_app(Settings(engine="offline"))
    total_quotes = verbatim = 0
    print(f"{'ICP / interview':44} {'role':16} {'level':10} {'evidence':>8} {'sections':>8} {'ms':>6}")
    for notes, transcript in PAIRS:
        notes_path = args.dev_data / "job2_icp_notes" / notes
        icp = extract_notes(notes_path.read_text(encoding="utf-8"), app.offline_extractor,
                            source=notes).document
        parsed = load_transcript(args.dev_data / "job1_jtbd" / transcript)
        results = list(analyse_transcripts([parsed], app.jtbd_extractor).interviews)
        turns = [squash(turn.text) for turn in parsed.customer_turns()]
        start = time.perf_counter()
        draft = draft_personas(icp, app.persona_writer, jtbd=results,
                               roles=["champion", "economic_buyer", "technical_buyer", "user", "blocker"])
        elapsed = (time.perf_counter() - start) * 1000
        for persona in draft.personas:
            cited = sum(1 for s in SECTIONS
                        if any(i.basis in ("observed", "icp") and i.evidence for i in getattr(persona, s)))
            quotes = [e.quote for i in persona.items() for e in i.evidence if e.kind == "quote"]
            total_quotes += len(quotes)
            verbatim += sum(1 for q in quotes if any(squash(q) in turn for turn in turns))
            print(f"{notes + ' / ' + transcript:44} {persona.role:16} {persona.evidence_level:10} "
                  f"{persona.evidence_count:>8} {cited:>5}/{len(SECTIONS)} {elapsed:>6.0f}")
    share = verbatim / total_quotes if total_quotes else 1.0
    print(f"quotes verbatim in a customer turn: {verbatim}/{total_quotes} ({share:.0%})")
    return 0 if share == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
