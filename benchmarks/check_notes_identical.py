"""Does a change to the offline notes engine leave its output alone? Snapshot, then compare.

    .venv/bin/python benchmarks/check_notes_identical.py --save /tmp/before.json [DIR ...]
    (change the code)
    .venv/bin/python benchmarks/check_notes_identical.py --compare /tmp/before.json [DIR ...]

Runs `extract_notes` with the offline engine on the bundled model over every note (*.md) of
tests/ and examples/ (and of the extra folders given) and records, per note, what
`icp-coach extract --json` prints: the ICP document, the findings and the engine's notes (the
date is pinned). `--compare` exits 1 and names the notes whose JSON differs. For speed work:
a faster engine must print exactly what the slower one did.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PINNED_DAY = date(2026, 1, 1)
# Markdown that is not notes: knowledge-base corpora, interviewer cases.
_NOT_NOTES = ("/kb/", "/jtbd/")


def note_files(extra: list[Path]) -> list[Path]:
    found = [*sorted((ROOT / "tests").rglob("*.md")), *sorted((ROOT / "examples").rglob("*.md"))]
    found = [p for p in found if not any(part in str(p) for part in _NOT_NOTES)]
    for folder in extra:
        found += sorted(folder.rglob("*.md"))
    return found


def outputs(paths: list[Path]) -> dict[str, object]:
    from icp_coach.embeddings import BundledEmbedder
    from icp_coach.engines.offline.extractor import OfflineExtractor
    from icp_coach.services.extract_notes import EmptyNotesError, extract_notes

    extractor = OfflineExtractor(embedder=BundledEmbedder())
    result: dict[str, object] = {}
    for path in paths:
        key = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        try:
            done = extract_notes(path.read_text("utf-8"), extractor, source=path.name,
                                 today=PINNED_DAY)
        except EmptyNotesError as error:
            result[key] = {"error": str(error)}
            continue
        result[key] = {
            "document": done.document.model_dump(mode="json"),
            "findings": [finding.model_dump(mode="json") for finding in done.findings],
            "notes": done.extraction.notes,
            "changed_paths": done.changed_paths,
            "dropped_quotes": done.dropped_quotes,
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="write the outputs to this JSON file")
    mode.add_argument("--compare", type=Path, help="compare the outputs with this JSON file")
    parser.add_argument("folders", nargs="*", type=Path, help="more folders of notes")
    args = parser.parse_args()
    got = outputs(note_files(args.folders))
    if args.save:
        args.save.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
        print(f"{len(got)} notes written to {args.save}")
        return
    expected = json.loads(args.compare.read_text("utf-8"))
    got = json.loads(json.dumps(got))  # the same JSON round trip as the saved side
    differ = sorted(key for key in expected.keys() | got.keys() if expected.get(key) != got.get(key))
    for key in differ:
        print(f"DIFFERS: {key}")
    print(f"{len(got) - len(differ)} of {len(expected.keys() | got.keys())} notes identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
