"""Score the offline JTBD engine on the held-out interviews in training/jtbd/holdout/.

    PYTHONPATH=. .venv/bin/python training/score_jtbd_holdout.py [--verbose] [--blind] [--dir FOLDER]

Each interview (training format, training/jtbd/README.md) is rendered as a `Name: text`
transcript, one customer turn per run of consecutive C lines, and run through the real offline
engine. A reported quote matches a gold sentence when their spans in the transcript overlap by at
least half of the shorter one's words (characters for Chinese); each reported quote credits at most
one gold sentence, so one long quote cannot claim a whole turn. Prints force recall per force and
pooled (--blind: every question asked as "and then?"), recall and precision of triggers and
outcomes (a reported quote is right when it claims a gold sentence of its class), and the distractor
rate: gold `not_valued` sentences reported as any force. An interview may carry a `J supported` or
`J none` line after its header: whether its material supports a job statement; the engine is right
when it writes one exactly for the `supported` interviews.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from icp_coach.domain.jtbd import FORCES  # noqa: E402
from icp_coach.domain.jtbd_text import find_span, overlap_units  # noqa: E402
from icp_coach.domain.transcript import Transcript  # noqa: E402

HOLDOUT = ROOT / "training" / "jtbd" / "holdout"
INTERVIEWER = {"en": "Maya", "zh": "小林"}
CUSTOMER = {"en": "Dana", "zh": "王姐"}
BLIND_QUESTION = {"en": "Mm, and then?", "zh": "嗯，然后呢？"}
_LINE = re.compile(r"^(?P<who>[QC])\s+(?P<tag>[a-z_]+)\s*:\s*(?P<text>.+)$")
_JOB = re.compile(r"^J\s+(?P<gold>supported|none)$")
_GOLD_TO_RESULT = {"trigger": "triggers", "desired_outcome": "desired_outcomes"}


@dataclass
class Interview:
    trade: str
    language: str
    turns: list[tuple[str, list[str]]] = field(default_factory=list)  # ("Q"|"C", lines)
    gold: list[tuple[str, str]] = field(default_factory=list)  # (label, sentence)
    job_supported: bool | None = None  # None: not labelled


def read_holdout(folder: Path = HOLDOUT) -> list[Interview]:
    interviews: list[Interview] = []
    for path in sorted(folder.glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("==="):
                parts = [p.strip() for p in line[3:].split("|")]
                interviews.append(Interview(parts[0], parts[-1]))
                continue
            job = _JOB.match(line)
            if job and interviews:
                interviews[-1].job_supported = job["gold"] == "supported"
                continue
            match = _LINE.match(line)
            if not match or not interviews:
                raise SystemExit(f"{path}: bad line {line!r}")
            interview = interviews[-1]
            if match["who"] == "C":
                interview.gold.append((match["tag"], match["text"]))
            if interview.turns and interview.turns[-1][0] == match["who"] == "C":
                interview.turns[-1][1].append(match["text"])
            else:
                interview.turns.append((match["who"], [match["text"]]))
    return interviews


def _join(lines: list[str], language: str) -> str:
    if language != "zh":
        return " ".join(lines)
    out = lines[0]
    for line in lines[1:]:
        out += ("" if re.search(r"[。！？，；]$", out) else " ") + line
    return out


def render(interview: Interview, blind: bool = False) -> str:
    """The interview as a `Name: text` transcript; `blind` asks every question as "and then?"."""
    names = {"Q": INTERVIEWER[interview.language], "C": CUSTOMER[interview.language]}
    return "\n".join(f"{names[who]}: "
                     f"{BLIND_QUESTION[interview.language] if blind and who == 'Q' else _join(lines, interview.language)}"
                     for who, lines in interview.turns) + "\n"


def _locate(quote: str, transcript: Transcript) -> tuple[int, int, int] | None:
    for index, turn in enumerate(transcript.turns):
        if not turn.is_interviewer:
            span = find_span(quote, turn.text)
            if span:
                return index, span[0], span[1]
    return None


def _overlap(gold: tuple[int, int, int] | None, quote: tuple[int, int, int] | None,
             transcript: Transcript) -> float:
    """Shared units over the shorter span's units, 0 when the spans are in different turns."""
    if gold is None or quote is None or gold[0] != quote[0]:
        return 0.0
    start, end = max(gold[1], quote[1]), min(gold[2], quote[2])
    if end <= start:
        return 0.0
    text, language = transcript.turns[gold[0]].text, transcript.language
    shorter = min(len(overlap_units(text[gold[1]:gold[2]], language)),
                  len(overlap_units(text[quote[1]:quote[2]], language)))
    return len(overlap_units(text[start:end], language)) / shorter if shorter else 0.0


def matched(golds: list[str], quotes: list[str], transcript: Transcript) -> list[bool]:
    """For each gold sentence, whether a quote claims it (each quote claims its best gold)."""
    gold_spans = [_locate(g, transcript) for g in golds]
    hit = [False] * len(golds)
    for quote in quotes:
        span = _locate(quote, transcript)
        scores = [(_overlap(g, span, transcript), i) for i, g in enumerate(gold_spans) if not hit[i]]
        best = max(scores, default=(0.0, -1))
        if best[0] >= 0.5:
            hit[best[1]] = True
    return hit


def correct_quotes(golds: list[str], quotes: list[str], transcript: Transcript) -> int:
    """How many reported quotes overlap some gold sentence of their class by at least half."""
    gold_spans = [_locate(g, transcript) for g in golds]
    return sum(any(_overlap(g, _locate(q, transcript), transcript) >= 0.5 for g in gold_spans)
               for q in quotes)


def _quotes(items: list) -> list[str]:
    return [quote.quote for item in items for quote in item.evidence]


def score(interviews: list[Interview], verbose: bool = False, blind: bool = False) -> Counter[str]:
    from icp_coach.embeddings import BundledEmbedder
    from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
    from icp_coach.transcripts.loader import parse_transcript

    extractor = OfflineJTBDExtractor(embedder=BundledEmbedder())  # the engine as users run it
    totals: Counter[str] = Counter()
    for interview in interviews:
        transcript = parse_transcript(render(interview, blind), f"{interview.trade}.txt",
                                      interviewer=[INTERVIEWER[interview.language]])
        result = extractor.extract_jtbd(transcript)
        reported = {force: _quotes(getattr(result.forces, force)) for force in FORCES}
        reported["trigger"] = _quotes(result.triggers)
        reported["desired_outcome"] = _quotes(result.desired_outcomes)
        line = [f"{interview.trade} ({interview.language}):"]
        for label, quotes in reported.items():
            golds = [text for tag, text in interview.gold if tag == label]
            hits = matched(golds, quotes, transcript)
            totals[f"{label}_hit"] += sum(hits)
            totals[f"{label}_n"] += len(golds)
            line.append(f"{label} {sum(hits)}/{len(golds)}")
            if label in _GOLD_TO_RESULT:
                totals[f"{label}_right"] += correct_quotes(golds, quotes, transcript)
                totals[f"{label}_reported"] += len(quotes)
                if verbose:
                    for quote in quotes:
                        if not correct_quotes(golds, [quote], transcript):
                            print(f"   wrong {label}: {quote}")
            if verbose:
                for gold, hit in zip(golds, hits, strict=True):
                    if not hit:
                        print(f"   missed {label}: {gold}")
        force_quotes = [q for force in FORCES for q in reported[force]]
        distractors = [text for tag, text in interview.gold if tag == "not_valued"]
        spans = [_locate(q, transcript) for q in force_quotes]
        flagged = sum(any(_overlap(_locate(d, transcript), s, transcript) >= 0.5 for s in spans)
                      for d in distractors)
        totals["distractor_hit"] += flagged
        totals["distractor_n"] += len(distractors)
        line.append(f"distractors {flagged}/{len(distractors)}")
        if interview.job_supported is not None:
            written = bool(result.job_statements)
            totals["job_right"] += written == interview.job_supported
            totals["job_n"] += 1
            line.append(f"job statement {'written' if written else 'none'} "
                        f"(gold {'supported' if interview.job_supported else 'none'})")
            if verbose and written:
                print(f"   job statement: {result.job_statements[0].text}")
        print(" ".join(line))
    return totals


def _rate(hit: int, n: int) -> str:
    return f"{hit / n:.2f} ({hit}/{n})" if n else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the gold sentences missed")
    parser.add_argument("--blind", action="store_true",
                        help='ask every question as "and then?" (the sentence alone must carry its class)')
    parser.add_argument("--dir", type=Path, default=HOLDOUT,
                        help="folder of held-out interviews (default training/jtbd/holdout)")
    args = parser.parse_args()
    totals = score(read_holdout(args.dir), args.verbose, args.blind)
    for label in (*FORCES, "trigger", "desired_outcome"):
        figures = f"{label:16} recall {_rate(totals[f'{label}_hit'], totals[f'{label}_n'])}"
        if label in _GOLD_TO_RESULT:
            figures += f"  precision {_rate(totals[f'{label}_right'], totals[f'{label}_reported'])}"
        print(figures)
    pooled_hit = sum(totals[f"{f}_hit"] for f in FORCES)
    pooled_n = sum(totals[f"{f}_n"] for f in FORCES)
    print(f"{'forces pooled':16} recall {_rate(pooled_hit, pooled_n)}")
    print(f"{'distractor rate':16} {_rate(totals['distractor_hit'], totals['distractor_n'])}")
    if totals["job_n"]:
        print(f"{'job statements':16} supported-or-not accuracy {_rate(totals['job_right'], totals['job_n'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
