"""Personas drafted offline from ICP documents and interview transcripts, scored on what a sales
team needs: goals and pains with evidence, a source for every item, verbatim quotes, and the
interviewees mapped to the right buying roles.

Run: .venv/bin/python benchmarks/eval_personas.py FOLDER
FOLDER holds ICP documents (JSON), interview transcripts (.txt .md .vtt .srt .docx) and
optionally a gold file (JSON or YAML naming speakers and their buying roles). ICPs and
transcripts are paired by a manifest (`pairs` in the gold file, or `pairs.json`: [[icp, transcript],
...]), else by a shared name prefix, else in sorted order. Each transcript's JTBD comes from
`icp-coach jtbd --engine offline --json`; the personas are drafted for the ICP's roles, the
champion, the economic buyer and the roles the interviewees play.

Figures printed:
- personas with >= 3 evidenced goals and >= 3 evidenced pains (an item is evidenced when it cites
  an ICP field that resolves or a verbatim quote; template items never count);
- items with a source, over all items and over items that are not templates;
- quotes occurring verbatim in a customer turn of the paired transcript (must be 100%);
- interviewees whose role matches the gold role.

`--dev-data DIR` runs the team's dev pairs instead: a regression check, not a quality figure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

TRANSCRIPT_SUFFIXES = (".txt", ".md", ".vtt", ".srt", ".docx")
ROLES = ("champion", "economic_buyer", "technical_buyer", "user", "blocker")
DEV_PAIRS = [("job2_icp_notes/billing_icp_en.md", "job1_jtbd/crm_brightwell_en.txt"),
             ("job2_icp_notes/factory_iot_icp_zh.md", "job1_jtbd/membership_hetian_zh.txt")]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _read_structured(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yaml", ".yml"):
        import yaml

        return yaml.safe_load(text)
    return json.loads(text)


def _is_icp(data: Any) -> bool:
    from pydantic import ValidationError

    from icp_coach.domain.icp import ICPDocument

    if not isinstance(data, dict) or "name" not in data:
        return False
    try:
        ICPDocument.model_validate(data)
    except ValidationError:
        return False
    return True


def gold_speakers(data: Any, context: str = "") -> list[tuple[str, str, str]]:
    """(file hint, speaker, role) from any reasonable gold layout: mappings speaker -> role,
    records with a speaker/name and a role, nested under a transcript's name."""
    found: list[tuple[str, str, str]] = []
    if isinstance(data, dict) and isinstance(data.get("speakers"), list):  # a pair's gold file
        hint = str(data.get("transcript") or context)
        for entry in data["speakers"]:
            if isinstance(entry, dict):
                speaker = entry.get("label") or entry.get("speaker") or entry.get("name")
                role = entry.get("role")
                if isinstance(speaker, str) and role in ROLES:
                    found.append((hint, speaker, str(role)))
        return found
    if isinstance(data, dict):
        speaker = data.get("speaker") or data.get("label") or data.get("name") or data.get("person")
        role = data.get("role") or data.get("gold_role") or data.get("buying_role")
        hint = str(data.get("transcript") or data.get("file") or data.get("source") or context)
        if isinstance(speaker, str) and isinstance(role, str) and role in ROLES:
            found.append((hint, speaker, role))
        for key, value in data.items():
            if isinstance(value, str) and value in ROLES and key not in ("role", "gold_role", "buying_role"):
                found.append((context, str(key), value))
            elif isinstance(value, (dict, list)):
                found += gold_speakers(value, str(key) if str(key).endswith(TRANSCRIPT_SUFFIXES) or
                                       not context else context)
    elif isinstance(data, list):
        for value in data:
            found += gold_speakers(value, context)
    return found


def gold_role_sets(data: Any, context: str = "") -> list[tuple[str, list[str]]]:
    """(file hint, roles) wherever the gold lists the roles a pair should yield."""
    found: list[tuple[str, list[str]]] = []
    if isinstance(data, dict):
        hint = str(data.get("icp") or data.get("transcript") or data.get("file") or context)
        for key, value in data.items():
            if key in ("roles", "expected_roles", "gold_roles", "buying_roles") and isinstance(value, list):
                roles = [v if isinstance(v, str) else v.get("role") for v in value
                         if isinstance(v, (str, dict))]
                if roles and all(r in ROLES for r in roles):
                    found.append((hint, [str(r) for r in roles]))
                    GOLD_TITLES.extend((hint, str(v["role"]), list(v.get("titles") or []))
                                       for v in value if isinstance(v, dict))
            elif isinstance(value, (dict, list)):
                found += gold_role_sets(value, str(key) if "." in str(key) else hint)
    elif isinstance(data, list):
        for value in data:
            found += gold_role_sets(value, context)
    return found


def _same_file(hint: str, name: str) -> bool:
    stem = Path(hint).name.split(".")[0].lower()
    return bool(stem) and (stem in name.lower() or name.lower().split(".")[0] in stem)


def _prefix_key(path: Path) -> str:
    stem = path.stem.lower()
    return re.split(r"[_\-.]", stem)[0]


GOLD_ROLE_SETS: list[tuple[str, list[str]]] = []
GOLD_TITLES: list[tuple[str, str, list[str]]] = []  # (file hint, role, titles the persona should carry)


def find_material(folder: Path) -> tuple[list[tuple[Path, Path]], list[tuple[str, str, str]]]:
    icps: list[Path] = []
    transcripts: list[Path] = []
    gold: list[tuple[str, str, str]] = []
    manifest: list[list[str]] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix in (".json", ".yaml", ".yml"):
            try:
                data = _read_structured(path)
            except (ValueError, OSError):
                continue
            if path.suffix == ".json" and _is_icp(data):
                icps.append(path)
                continue
            if isinstance(data, dict) and {"pain_points", "decision_makers"} & set(data):
                print(f"note: {path.name} looks like an ICP but does not validate; skipped",
                      file=sys.stderr)
            if isinstance(data, dict) and isinstance(data.get("pairs"), list):
                manifest = data["pairs"]
            elif isinstance(data, dict) and isinstance(data.get("icp"), str) \
                    and isinstance(data.get("transcript"), str):
                manifest.append([data["icp"], data["transcript"]])
            elif path.stem == "pairs" and isinstance(data, list):
                manifest = data
            gold += gold_speakers(data, path.name)
            GOLD_ROLE_SETS.extend(gold_role_sets(data, path.name))
        elif path.suffix in TRANSCRIPT_SUFFIXES and path.stem.lower() not in ("readme", "notes"):
            transcripts.append(path)
    by_name = {p.name: p for p in icps + transcripts}
    pairs: list[tuple[Path, Path]] = []
    for entry in manifest:
        if isinstance(entry, dict):
            entry = [entry.get("icp"), entry.get("transcript")]
        icp, transcript = (Path(entry[0]).name, Path(entry[1]).name) if len(entry) >= 2 else ("", "")
        if icp in by_name and transcript in by_name:
            pairs.append((by_name[icp], by_name[transcript]))
    if not pairs:
        by_prefix = {_prefix_key(t): t for t in transcripts}
        if all(_prefix_key(i) in by_prefix for i in icps) and len(by_prefix) == len(transcripts):
            pairs = [(icp, by_prefix[_prefix_key(icp)]) for icp in icps]
        else:
            pairs = list(zip(icps, transcripts, strict=False))
    return pairs, gold


def jtbd_offline(transcript: Path) -> list[Any]:
    from icp_coach.domain.jtbd import JTBDResult

    command = [sys.executable, "-m", "icp_coach.cli.main", "jtbd", str(transcript),
               "--engine", "offline", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, env=os.environ.copy())
    if done.returncode != 0:
        print(f"jtbd failed on {transcript}: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return []
    data = json.loads(done.stdout)
    return [JTBDResult.model_validate(item) for item in data.get("interviews", [])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--dev-data", type=Path, help="regression check on the team's dev pairs")
    args = parser.parse_args()

    from icp_coach.bootstrap import make_app
    from icp_coach.domain.persona import SECTIONS
    from icp_coach.services.personas import draft_personas
    from icp_coach.settings import Settings
    from icp_coach.storage.icp_files import load_icp
    from icp_coach.transcripts.loader import load_transcript

    app = make_app(Settings(engine="offline"))
    gold: list[tuple[str, str, str]] = []
    if args.dev_data:
        from icp_coach.services.extract_notes import extract_notes

        pairs_loaded = []
        for notes, transcript in DEV_PAIRS:
            text = (args.dev_data / notes).read_text(encoding="utf-8")
            icp = extract_notes(text, app.offline_extractor, source=notes).document
            pairs_loaded.append((notes, icp, args.dev_data / transcript))
        print("regression check on the dev corpus (tuned material): not a quality figure")
    elif args.folder:
        pairs, gold = find_material(args.folder)
        pairs_loaded = [(icp.name, load_icp(icp), transcript) for icp, transcript in pairs]
    else:
        parser.error("give FOLDER or --dev-data")

    personas_total = rich = items = sourced = non_template = non_template_sourced = 0
    quotes = verbatim = 0
    mapped: list[tuple[str, str, str | None]] = []  # (transcript, speaker, role found)
    drafted_roles: dict[tuple[str, str], list[str]] = {}  # (icp, transcript) -> persona roles
    drafted_titles: dict[tuple[str, str], dict[str, list[str]]] = {}
    print(f"{'ICP / interview':52} {'role':16} {'level':10} {'ev':>3} {'goals':>5} {'pains':>5}")
    for name, icp, transcript_path in pairs_loaded:
        parsed = load_transcript(transcript_path)
        results = jtbd_offline(transcript_path)
        turns = [squash(turn.text) for turn in parsed.customer_turns()]
        draft = draft_personas(icp, app.persona_writer, jtbd=results, transcripts=[parsed])
        mapped += [(transcript_path.name, s.speaker, s.role) for s in draft.speakers]
        drafted_roles[(name, transcript_path.name)] = [p.role for p in draft.personas]
        drafted_titles[(name, transcript_path.name)] = {
            p.role: [p.title, *p.other_titles] for p in draft.personas}
        for persona in draft.personas:
            personas_total += 1
            goals, pains = (len(persona.evidenced_items(s)) for s in ("goals", "pains"))
            rich += goals >= 3 and pains >= 3
            for section in SECTIONS:
                for item in getattr(persona, section):
                    items += 1
                    has_source = bool(item.evidence) and item.basis in ("observed", "icp")
                    sourced += has_source
                    if item.basis != "template":
                        non_template += 1
                        non_template_sourced += has_source
            for item in persona.items():
                for evidence in item.evidence:
                    if evidence.kind == "quote":
                        quotes += 1
                        verbatim += any(squash(evidence.quote) in turn for turn in turns)
            label = f"{name} / {transcript_path.name}"[:52]
            print(f"{label:52} {persona.role:16} {persona.evidence_level:10} "
                  f"{persona.evidence_count:>3} {goals:>5} {pains:>5}")

    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} ({part / whole:.0%})" if whole else "0/0"

    print(f"personas with >= 3 evidenced goals and >= 3 evidenced pains: {share(rich, personas_total)}")
    print(f"items with a source (all items, templates included): {share(sourced, items)}")
    print(f"items with a source (items that are not templates): {share(non_template_sourced, non_template)}")
    print(f"quotes verbatim in a customer turn: {share(verbatim, quotes)}")
    for speaker_file, speaker, role in mapped:
        print(f"  speaker {speaker_file}: {speaker} -> {role}")
    if gold:
        hits = 0
        for hint, speaker, role in gold:
            same_name = [(file, found) for file, name, found in mapped
                         if squash(speaker) in squash(name) or squash(name) in squash(speaker)]
            same_file = [found for file, found in same_name if hint and _same_file(hint, file)]
            candidates = same_file or [found for _, found in same_name]
            ok = role in candidates
            hits += ok
            print(f"  gold {hint or '-'}: {speaker} = {role}; found {candidates or 'nothing'}"
                  f"{'' if ok else '  <- miss'}")
        print(f"interviewee roles matching gold: {share(hits, len(gold))}")
    for hint, roles in GOLD_ROLE_SETS:
        for (icp_name, transcript_name), found_roles in drafted_roles.items():
            if _same_file(hint, icp_name) or _same_file(hint, transcript_name):
                missing = sorted(set(roles) - set(found_roles))
                extra = sorted(set(found_roles) - set(roles))
                print(f"  gold roles {hint}: {roles}; drafted {found_roles}; missing {missing}; extra {extra}")
    def title_key(title: str) -> str:
        return re.sub(r"[\s\-_.]+", "", title.lower())

    recalled = titled = expected = 0
    for hint, role, titles in GOLD_TITLES:
        for pair, by_role in drafted_titles.items():
            if _same_file(hint, pair[0]) or _same_file(hint, pair[1]):
                expected += 1
                recalled += role in by_role
                keys = [title_key(t) for t in by_role.get(role, []) if t]
                titled += any(g and (g in k or k in g) for g in map(title_key, titles) for k in keys)
    if expected:
        print(f"gold roles that got a persona: {share(recalled, expected)}; "
              f"with a gold title: {share(titled, expected)}")
    return 0 if quotes == verbatim else 1


if __name__ == "__main__":
    sys.exit(main())
