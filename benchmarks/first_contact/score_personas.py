#!/usr/bin/env python3
"""Score offline buyer personas on a first-contact round's persona pairs (issue 15's figures).

    .venv/bin/python benchmarks/first_contact/score_personas.py [--round round1] [--json]

Each pair in ROUND/personas/ is an ICP document, a buying-committee transcript and NAME.gold.json
(expected roles and titles, each speaker's stated title and role, what each cares about in their
own words). The transcript runs through the offline JTBD engine, then `draft_personas` with the
product's default roles. Reported per pair and pooled:
- rich personas: share with >= 3 evidenced goals AND >= 3 evidenced pains (an evidenced item has
  basis observed/icp and at least one evidence entry);
- items with a source: share of all persona items that carry evidence and are not template/inferred;
- quotes verbatim: share of quote evidence found verbatim in a customer turn (must be 100%);
- role recall: expected roles (gold "roles") that got a persona; title match: those whose
  persona's title or other titles name one of the gold titles;
- speakers placed: gold speakers whose role's persona cites at least one of their turns;
- cares-about recall: gold "cares_about" quotes cited by the persona of the speaker's role
  (overlap of half the shorter quote's words, characters for Chinese);
- not-valued cited: gold "not_valued" quotes cited anywhere in a persona (should be 0).
Turns are split by the round's own checker parser, independent of icp_coach's loader.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from check_gold import turns_of  # noqa: E402

EVIDENCED = ("observed", "icp")
CJK = re.compile(r"[\u3400-\u9fff]")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _units(text: str) -> list[str]:
    if CJK.search(text):
        return CJK.findall(text)
    return re.findall(r"[a-z0-9']+", text.lower())


def quotes_overlap(gold: str, cited: str) -> bool:
    """Half of the shorter quote's words (characters for Chinese) shared with the other."""
    a, b = _units(gold), _units(cited)
    if not a or not b:
        return False
    shared = sum(min(a.count(unit), b.count(unit)) for unit in set(a))
    return shared * 2 >= min(len(a), len(b))


def _title_key(title: str) -> str:
    return re.sub(r"[\s\-_.]+", "", title.lower())


def titles_match(gold_titles: list[str], persona: Any) -> bool:
    names = [persona.title, *persona.other_titles]
    keys = [_title_key(n) for n in names if n]
    return any(g and (g in k or k in g) for g in map(_title_key, gold_titles) for k in keys)


def _quotes(persona: Any) -> list[str]:
    return [e.quote for item in persona.items() for e in item.evidence if e.kind == "quote" and e.quote]


def _evidenced(items: list[Any]) -> int:
    return sum(1 for item in items if item.basis in EVIDENCED and item.evidence)


def score_pair(gold: dict[str, Any], personas: list[Any], turns: list[tuple[str, str]]) -> dict[str, Any]:
    interviewers = set(gold["interviewers"])
    customer_turns = [squash(text) for speaker, text in turns if speaker not in interviewers]
    by_role = {persona.role: persona for persona in personas}
    items = [item for persona in personas for item in persona.items()]
    sourced = sum(1 for item in items if item.evidence and item.basis in EVIDENCED)
    quotes = [q for persona in personas for q in _quotes(persona)]
    verbatim = sum(1 for q in quotes if any(squash(q) in turn for turn in customer_turns))
    rich = sum(1 for p in personas if _evidenced(p.goals) >= 3 and _evidenced(p.pains) >= 3)
    expected = gold["roles"]
    drafted = [role for role in expected if role["role"] in by_role]
    titled = [role for role in drafted if titles_match(role["titles"], by_role[role["role"]])]
    placed = 0
    cares_hit = cares_total = 0
    wanted = [(s["role"], s["cares_about"], s["label"]) for s in gold["speakers"]]
    wanted += [(m["role"], m["cares_about"], None) for m in gold.get("mentioned_roles", [])]
    for role, cares, label in wanted:
        persona = by_role.get(role)
        cited = _quotes(persona) if persona else []
        cares_total += len(cares)
        cares_hit += sum(1 for g in cares if any(quotes_overlap(g, c) for c in cited))
        if label is not None:
            own = [squash(text) for speaker, text in turns if speaker == label]
            placed += any(squash(c) in turn for c in cited for turn in own)
    all_cited = quotes
    not_valued = sum(1 for g in gold.get("not_valued", []) if any(quotes_overlap(g, c) for c in all_cited))
    return {
        "pair": gold["transcript"],
        "personas": [f"{p.role}:{p.title or p.name}:{p.evidence_level}" for p in personas],
        "rich_personas": (rich, len(personas)),
        "items_with_source": (sourced, len(items)),
        "quotes_verbatim": (verbatim, len(quotes)),
        "role_recall": (len(drafted), len(expected)),
        "title_match": (len(titled), len(expected)),
        "speakers_placed": (placed, len(gold["speakers"])),
        "cares_about_recall": (cares_hit, cares_total),
        "not_valued_cited": (not_valued, len(gold.get("not_valued", []))),
    }


def pooled(rows: list[dict[str, Any]]) -> dict[str, float | None]:
    keys = [k for k, v in rows[0].items() if isinstance(v, tuple)] if rows else []
    summary: dict[str, float | None] = {}
    for key in keys:
        hit, total = sum(r[key][0] for r in rows), sum(r[key][1] for r in rows)
        summary[key] = hit / total if total else None
    return summary


def run(round_dir: Path) -> list[dict[str, Any]]:
    from icp_coach.bootstrap import make_app
    from icp_coach.domain.icp import ICPDocument
    from icp_coach.services.jtbd import analyse_transcripts
    from icp_coach.services.personas import draft_personas
    from icp_coach.settings import Settings
    from icp_coach.transcripts.loader import load_transcript

    folder = round_dir / "personas"
    app = make_app(Settings(engine="offline"))
    rows = []
    try:
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            icp = ICPDocument.model_validate_json((folder / gold["icp"]).read_text(encoding="utf-8"))
            parsed = load_transcript(folder / gold["transcript"])
            results = list(analyse_transcripts([parsed], app.jtbd_extractor).interviews)
            draft = draft_personas(icp, app.persona_writer, jtbd=results)
            rows.append(score_pair(gold, list(draft.personas), turns_of(folder / gold["transcript"])))
    finally:
        app.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", default="round1", help="round folder under benchmarks/first_contact")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    round_dir = Path(args.round) if Path(args.round).is_dir() else HERE / args.round
    rows = run(round_dir)
    summary = pooled(rows)
    if args.json:
        print(json.dumps({"pairs": rows, "summary": summary}, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        print(row["pair"], " ".join(row["personas"]))
        for key, value in row.items():
            if isinstance(value, tuple):
                print(f"  {key:22} {value[0]}/{value[1]}")
    print("pooled:")
    for key, value in summary.items():
        print(f"  {key:22} {'n/a' if value is None else f'{value:.2f}'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
