"""Score the JTBD extraction against gold interviews.

    .venv/bin/python benchmarks/eval_jtbd.py [--engine offline|local|llm] [--data DIR] [--json]

DIR (default ../shared/dev-data/job1_jtbd) holds transcripts and NAME.gold.json files. A predicted
quote matches a gold one when the two spans overlap in the transcript by at least half of the
shorter one's words (characters for Chinese). Reported per interview and pooled:
- recall of gold quotes per force (push, pull, anxiety, habit), for triggers and desired outcomes;
- distractor rate: gold "did not care about" quotes that were reported as a force;
- alternatives precision and recall (considered options), and passing mentions recalled;
- verbatim share: emitted quotes found verbatim in a customer turn (must be 100%).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from icp_coach.domain.jtbd import FORCES, JTBDResult  # noqa: E402
from icp_coach.domain.jtbd_text import find_span, overlap_units, quote_is_verbatim  # noqa: E402
from icp_coach.domain.transcript import Transcript  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "dev-data" / "job1_jtbd"


def _locate(quote: str, transcript: Transcript) -> tuple[int, int, int] | None:
    for index, turn in enumerate(transcript.turns):
        if turn.is_interviewer:
            continue
        span = find_span(quote, turn.text)
        if span:
            return index, span[0], span[1]
    return None


def spans_match(gold: str, predicted: str, transcript: Transcript) -> bool:
    """Overlap in the transcript of at least half the shorter span's words (or characters)."""
    language = transcript.language
    a, b = _locate(gold, transcript), _locate(predicted, transcript)
    if a is None or b is None or a[0] != b[0]:
        return False
    start, end = max(a[1], b[1]), min(a[2], b[2])
    if end <= start:
        return False
    text = transcript.turns[a[0]].text
    shared = len(overlap_units(text[start:end], language))
    shorter = min(len(overlap_units(gold, language)), len(overlap_units(predicted, language)))
    return shorter > 0 and shared * 2 >= shorter


def names_match(gold: str, predicted: str) -> bool:
    """Half of the shorter name's words (or characters) shared; a name written "label (the
    customer's words)" matches on either part."""
    import re

    parts = [predicted] + [p for p in re.split(r"\s*[(（)）]\s*", predicted) if p.strip()]
    return any(_one_name_match(gold, part) for part in parts)


def _one_name_match(gold: str, predicted: str) -> bool:
    language = "zh" if any("\u4e00" <= c <= "\u9fff" for c in gold + predicted) else "en"
    units_g, units_p = Counter(overlap_units(gold, language)), Counter(overlap_units(predicted, language))
    if language == "zh":  # mixed names such as "美团会员": compare Latin words and CJK characters
        units_g += Counter(overlap_units(gold, "en"))
        units_p += Counter(overlap_units(predicted, "en"))
    shorter = min(sum(units_g.values()), sum(units_p.values()))
    return shorter > 0 and sum((units_g & units_p).values()) * 2 >= shorter


def _quotes(items: list) -> list[str]:
    return [quote.quote for item in items for quote in item.evidence]


def all_quotes(result: JTBDResult) -> list[str]:
    quotes = [q for force in FORCES for q in _quotes(getattr(result.forces, force))]
    quotes += _quotes(result.triggers) + _quotes(result.desired_outcomes) + _quotes(result.job_statements)
    quotes += [q.quote for event in result.timeline for q in event.evidence]
    quotes += [q.quote for alt in result.alternatives for q in alt.evidence]
    return quotes


def recall(gold: list[str], predicted: list[str], transcript: Transcript) -> tuple[int, int]:
    hits = sum(any(spans_match(g, p, transcript) for p in predicted) for g in gold)
    return hits, len(gold)


def _texts(items: list) -> list[str]:
    """Gold entries as plain quotes: a string, or an object with `quote` (or `text`)."""
    return [item if isinstance(item, str) else (item.get("quote") or item.get("text") or "")
            for item in items or []]


def transcript_for(gold_file: Path, gold: dict) -> Path:
    """The transcript a gold file describes: its `transcript` field, else NAME.<any format>."""
    if gold.get("transcript"):
        return gold_file.parent / gold["transcript"]
    stem = gold_file.name[: -len(".gold.json")]
    for candidate in sorted(gold_file.parent.glob(stem + ".*")):
        if not candidate.name.endswith(".gold.json"):
            return candidate
    raise SystemExit(f"{gold_file}: no transcript named {stem}.* beside it")


def score_interview(gold: dict, transcript: Transcript, result: JTBDResult) -> dict:
    scores: dict = {"transcript": gold.get("transcript") or transcript.source, "engine": result.engine}
    forces = gold.get("forces", {})
    for force in FORCES:
        scores[force] = recall(_texts(forces.get(force, [])), _quotes(getattr(result.forces, force)), transcript)
    triggers = gold.get("trigger", gold.get("triggers", []))
    scores["trigger"] = recall(_texts(triggers), _quotes(result.triggers), transcript)
    scores["desired_outcomes"] = recall(_texts(gold.get("desired_outcomes", [])),
                                        _quotes(result.desired_outcomes), transcript)
    force_quotes = [q for force in FORCES for q in _quotes(getattr(result.forces, force))]
    scores["distractors_as_forces"] = recall(_texts(gold.get("distractor_quotes", gold.get("not_valued", []))),
                                             force_quotes, transcript)
    # one quote filed under several forces
    seen: Counter[str] = Counter()
    for force in FORCES:
        for quote in set(_quotes(getattr(result.forces, force))):
            seen[quote] += 1
    scores["quotes_in_several_forces"] = sum(1 for count in seen.values() if count > 1)
    considered = [a.name for a in result.alternatives if a.considered]
    passing = [a.name for a in result.alternatives if not a.considered]
    gold_alts = [a if isinstance(a, str) else a.get("name", "") for a in gold.get("alternatives", [])
                 if isinstance(a, str) or a.get("considered", True)]
    gold_not = [a if isinstance(a, str) else a.get("name", "") for a in gold.get("not_alternatives", [])]
    gold_not += [a["name"] for a in gold.get("alternatives", [])
                 if isinstance(a, dict) and not a.get("considered", True)]
    scores["alternatives_precision"] = (sum(any(names_match(g, p) for g in gold_alts) for p in considered),
                                        len(considered))
    scores["alternatives_recall"] = (sum(any(names_match(g, p) for p in considered) for g in gold_alts),
                                     len(gold_alts))
    scores["passing_recall"] = (sum(any(names_match(g, p) for p in passing) for g in gold_not), len(gold_not))
    quotes = all_quotes(result)
    scores["verbatim"] = (sum(quote_is_verbatim_text(q, transcript) for q in quotes), len(quotes))
    scores["chosen_solution"] = [result.chosen_solution, gold.get("chosen_solution")]
    scores["interviewers_detected"] = sorted(transcript.interviewers) == sorted(gold.get("interviewers", []))
    if "customers" in gold:
        found = {t.speaker for t in transcript.turns if not t.is_interviewer and t.speaker}
        scores["customers_detected"] = sorted(found) == sorted(gold["customers"])
    if "job_statement_supported" in gold:
        # a statement exactly when the material supports one
        scores["job_statement_right"] = (int(bool(result.job_statements) == gold["job_statement_supported"]), 1)
    scores["notes"] = list(result.notes)
    return scores


def quote_is_verbatim_text(quote: str, transcript: Transcript) -> bool:
    from icp_coach.domain.jtbd import Quote

    return quote_is_verbatim(Quote(quote=quote, source=transcript.source, line=0), transcript)


def _ratio(pair: tuple[int, int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


def pooled(rows: list[dict]) -> dict:
    keys = [*FORCES, "trigger", "desired_outcomes", "distractors_as_forces", "alternatives_precision",
            "alternatives_recall", "passing_recall", "verbatim"]
    keys += [key for key in ("job_statement_right",) if all(key in r for r in rows)]
    total = {key: (sum(r[key][0] for r in rows), sum(r[key][1] for r in rows)) for key in keys}
    forces = (sum(total[f][0] for f in FORCES), sum(total[f][1] for f in FORCES))
    summary = {key: _ratio(value) for key, value in total.items()}
    summary["force_recall"] = _ratio(forces)
    summary["distractor_rate"] = summary.pop("distractors_as_forces")
    summary["quotes_in_several_forces"] = sum(r["quotes_in_several_forces"] for r in rows)
    summary["interviewers_detected"] = sum(r["interviewers_detected"] for r in rows) / max(len(rows), 1)
    if all("customers_detected" in r for r in rows):
        summary["customers_detected"] = sum(r["customers_detected"] for r in rows) / max(len(rows), 1)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="offline", choices=["offline", "local", "llm"])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="a folder of transcripts, each with NAME.gold.json beside it")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--lexicon-only", action="store_true",
                        help="offline engine without the embedding model (to see what it adds)")
    args = parser.parse_args()

    from icp_coach.bootstrap import make_app
    from icp_coach.services.jtbd import verify_result
    from icp_coach.settings import load_settings
    from icp_coach.transcripts.errors import TranscriptError
    from icp_coach.transcripts.loader import load_transcript

    app = make_app(load_settings(engine=args.engine))
    if args.lexicon_only:
        from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor

        extractor = OfflineJTBDExtractor(embedder=None)
    else:
        extractor = app.jtbd_extractor
    rows = []
    started = time.perf_counter()
    try:
        for gold_file in sorted(args.data.glob("*.gold.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            path = transcript_for(gold_file, gold)
            try:
                transcript = load_transcript(path)
            except TranscriptError as error:
                # An unreadable layout scores as an empty report, so one file cannot hide the rest.
                transcript = Transcript(source=str(path), turns=[])
                row = score_interview(gold, transcript, JTBDResult(source=str(path)))
                row["notes"] = [f"not read: {error}"]
                rows.append(row)
                continue
            result = verify_result(extractor.extract_jtbd(transcript), transcript)
            rows.append(score_interview(gold, transcript, result))
    finally:
        app.close()
    summary = pooled(rows)
    summary["engine"] = args.engine + (" (lexicon only)" if args.lexicon_only else "")
    summary["seconds"] = round(time.perf_counter() - started, 2)
    if args.json:
        print(json.dumps({"interviews": rows, "summary": summary}, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        print(row["transcript"])
        for key, value in row.items():
            if isinstance(value, tuple):
                print(f"  {key:26} {value[0]}/{value[1]}")
        print(f"  {'chosen (got, gold)':26} {row['chosen_solution']}")
        print(f"  {'interviewers detected':26} {row['interviewers_detected']}")
        if "customers_detected" in row:
            print(f"  {'customers detected':26} {row['customers_detected']}")
        for note in row["notes"]:
            print(f"  note: {note[:200]}")
    print(f"pooled ({args.engine}):")
    for key, value in summary.items():
        shown = f"{value:.2f}" if isinstance(value, float) else value
        print(f"  {key:26} {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
