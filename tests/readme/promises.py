"""What the README promises a command gives, as checks on a finished run.

Every run gets the checks the README makes for all commands (results on stdout, `--json` is JSON
with nothing else there, `-o FILE` writes the file atomically, the engine named on stderr). A
command the README says more about gets the checks in PROMISES too: each names what it holds to.
A check returns the broken promises, in words; none means the run kept them all.
"""

from __future__ import annotations

import csv
import json
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.readme.shell import Finished
from tests.readme.workfolder import WorkFolder

HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
CJK = re.compile(r"[\u4e00-\u9fff]")
SCORED_COLUMNS = ("excluded", "failed_filters", "filter_reasons", "score", "tier", "matched_signals",
                  "confidence", "icp_version")
INTERVIEW_JSON = ("session_id", "completed", "step", "engine", "icp", "findings", "citations")
EXTRACT_JSON = ("document", "findings", "engine", "notes")
CUSTOMERS_JSON = ("best_customers", "traits", "subgroups", "suggested_icp")
FORCES = ("push", "pull", "anxiety", "habit")
PRIYAS_LEADING_QUESTION = "rewriting the whiteboard by hand every single morning"  # call.txt, line 3
OLD_TXT_PHRASE = "纸质排班表"  # in old.txt, readable only when decoded as gb18030


@dataclass
class Run:
    done: Finished
    work: WorkFolder  # the prepared folder this run's folder is a copy of
    readme_form: str  # the command as the README writes it (placeholders not replaced)

    @property
    def args(self) -> list[str]:
        return shlex.split(self.done.command)

    def option(self, name: str) -> str | None:
        args = self.args
        return args[args.index(name) + 1] if name in args[:-1] else None

    def file(self, name: str) -> Path:
        return self.done.folder / name

    def before(self, name: str) -> Path:
        return self.work.path / name

    def redirect(self) -> str | None:
        found = re.search(r">\s*(\S+)\s*$", self.done.command)
        return found.group(1) if found else None


def _json(text: str, where: str) -> tuple[Any, list[str]]:
    try:
        return json.loads(text), []
    except ValueError as error:
        return None, [f"{where} is not JSON alone ({error}); it starts {text[:200]!r}"]


def _missing_keys(data: Any, keys: tuple[str, ...], where: str) -> list[str]:
    if not isinstance(data, dict):
        return [f"{where} is not a JSON object"]
    missing = [key for key in keys if key not in data]
    return [f"{where} lacks {', '.join(missing)} (has {', '.join(data)})"] if missing else []


def _is_icp_document(data: Any, where: str) -> list[str]:
    return _missing_keys(data, ("schema_version", "name", "firmographics"), where)


# ---------------------------------------------------------------- checks every run gets

def json_on_stdout(run: Run) -> list[str]:
    """`--json`: machine-readable JSON on stdout, nothing else there (or in the `-o` file)."""
    if "--json" not in run.args:
        return []
    target = run.option("-o") or run.redirect()
    if not run.done.stdout.strip() and target:
        return _json(run.file(target).read_text(encoding="utf-8"), f"--json output in {target}")[1]
    return _json(run.done.stdout, "stdout with --json")[1]


def output_file_written(run: Run) -> list[str]:
    """`-o FILE` and `> FILE` write the file, in the shape the command's format says."""
    problems = []
    for target in filter(None, (run.option("-o"), run.redirect())):
        path = run.file(target)
        if not path.is_file() or not path.read_text(encoding="utf-8").strip():
            problems.append(f"{target} was not written")
            continue
        text = path.read_text(encoding="utf-8")
        fmt = run.option("--format") or path.suffix.lstrip(".")
        if fmt == "json":
            problems += _json(text, target)[1]
        elif fmt == "md" and not HEADING.search(text):
            problems.append(f"{target} has no Markdown heading")
        elif fmt == "csv" and len(next(csv.reader(text.splitlines()), [])) < 2:
            problems.append(f"{target} has no CSV header")
    return problems


def written_atomically(run: Run) -> list[str]:
    """Files are written atomically: no temporary file is left beside them."""
    left = sorted(p.name for p in run.done.folder.rglob(".*.tmp"))
    return [f"temporary files left behind: {', '.join(left)}"] if left else []


def engine_named(run: Run, runs_an_engine: bool) -> list[str]:
    """A command that runs an engine names it on stderr; with nothing configured it is offline."""
    problems = []
    if runs_an_engine and "engine: offline" not in run.done.stderr:
        problems.append("stderr does not say `engine: offline` (nothing is configured)")
    stdout = run.done.stdout.strip()
    if "--json" in run.args and stdout.startswith("{"):
        data, _ = _json(stdout, "stdout")
        if isinstance(data, dict) and data.get("engine") not in (None, "offline"):
            problems.append(f"the JSON says engine {data.get('engine')!r}; with nothing configured "
                            "auto must pick offline")
    return problems


# ---------------------------------------------------------------- what the README says of one command

def markdown_on_stdout(run: Run) -> list[str]:
    if "--json" in run.args or run.option("-o") or run.option("--format") == "json":
        return []
    return [] if HEADING.search(run.done.stdout) else ["stdout is not a Markdown report (no heading)"]


def interview_json(run: Run) -> list[str]:
    if "--json" not in run.args:
        return []
    return _missing_keys(_json(run.done.stdout, "stdout")[0], INTERVIEW_JSON, "the interview JSON")


def interview_log(run: Run) -> list[str]:
    log = run.option("--log")
    if log is None:
        return []
    problems = [] if run.file(log).is_file() and run.file(log).stat().st_size else [f"{log} is empty"]
    if re.search(r"^you: ", run.done.stderr, re.MULTILINE):
        problems.append(f"the transcript went to stderr although --log {log} was given")
    return problems


def interview_resumed(run: Run) -> list[str]:
    """`--resume` continues the killed session: the same id, and every answer taken once."""
    import yaml

    from icp_coach.storage.sessions import SQLiteSessionStore

    killed = run.work.sessions.killed
    problems = [] if f"session {killed}" in run.done.stderr else [f"did not continue session {killed}"]
    steps = yaml.safe_load(run.file("answers.yaml").read_text(encoding="utf-8"))["steps"]
    expected = [answer for number in sorted(steps) for answer in steps[number]]
    store = SQLiteSessionStore(run.work.data_dir / "sessions.sqlite3")
    try:
        taken = [t.text for t in store.turns(killed) if t.speaker == "user" and t.text != "/next"]
    finally:
        store.close()
    if taken != expected:
        problems.append(f"the resumed session holds the answers {taken}, not each of answers.yaml once")
    return problems


def lists_the_first_session(run: Run) -> list[str]:
    first = run.work.sessions.first
    return [] if first in run.done.stdout else [f"session {first} is not listed"]


def session_exported(run: Run) -> list[str]:
    target = run.option("-o")
    text = run.file(target).read_text(encoding="utf-8") if target else run.done.stdout
    if run.option("--format") == "json":
        return _is_icp_document(_json(text, "the export")[0], "the exported session")
    problems = [] if HEADING.search(text) else ["the Markdown export has no heading"]
    if run.option("--lang") == "zh" and not CJK.search(text):
        problems.append("--lang zh gave no Chinese")
    return problems


def session_deleted(run: Run) -> list[str]:
    from icp_coach.storage.sessions import SessionNotFound, SQLiteSessionStore

    store = SQLiteSessionStore(run.work.data_dir / "sessions.sqlite3")
    try:
        store.resolve(run.args[3])
    except SessionNotFound:
        return []
    finally:
        store.close()
    return [f"session {run.args[3]} is still there"]


def extract_json(run: Run) -> list[str]:
    if "--json" not in run.args:
        return []
    data = _json(run.done.stdout, "stdout")[0]
    problems = _missing_keys(data, EXTRACT_JSON, "the extract JSON")
    return problems or _is_icp_document(data["document"], "its document")


def extract_written(run: Run) -> list[str]:
    target = run.option("-o")
    if target is None:
        return []
    return _is_icp_document(json.loads(run.file(target).read_text(encoding="utf-8")), target)


def named_in_chinese(run: Run) -> list[str]:
    name = run.option("--name")
    return [] if name and name in run.done.stdout else [f"the ICP is not named {name}"]


def validate_json(run: Run) -> list[str]:
    if "--json" not in run.args:
        return []
    return _missing_keys(_json(run.done.stdout, "stdout")[0], ("file", "findings", "completeness"),
                         "the validate JSON")


def exported_icp(run: Run) -> list[str]:
    target = run.option("-o")
    text = run.file(target).read_text(encoding="utf-8") if target else run.done.stdout
    if run.option("--format") == "json":
        return _is_icp_document(_json(text, "the export")[0], "the export")
    if run.option("--lang") == "zh" and not CJK.search(text):
        return ["--lang zh gave no Chinese"]
    return []


def diff_has_changes(run: Run) -> list[str]:
    if "--json" in run.args:
        data = _json(run.done.stdout, "stdout")[0]
        ok = isinstance(data, list) and data and all("path" in change for change in data)
        return [] if ok else ["the JSON diff is not a list of changes with their paths"]
    lines = run.done.stdout.splitlines()
    ok = lines and all(line[:2] in ("+ ", "- ", "~ ") for line in lines)
    return [] if ok else ["the diff is not field-level +/-/~ lines (v1 and v2 differ)"]


def schema_is_json_schema(run: Run) -> list[str]:
    data = json.loads(run.file("icp.schema.json").read_text(encoding="utf-8"))
    ok = isinstance(data, dict) and "firmographics" in data.get("properties", {})
    return [] if ok else ["icp.schema.json is not the JSON Schema of the ICP document"]


def every_interview_reported(run: Run) -> list[str]:
    names = [p.name for p in sorted((run.done.folder / "interviews").iterdir())]
    missing = [name for name in names if name not in run.done.stdout]
    return [f"the report leaves out {', '.join(missing)}"] if missing else []


def jtbd_shape(run: Run) -> list[str]:
    data = json.loads(run.file("call.jtbd.json").read_text(encoding="utf-8"))
    interviews = data.get("interviews") if isinstance(data, dict) else None
    if not interviews:
        return ["call.jtbd.json holds no interviews"]
    forces = interviews[0].get("forces", {})
    problems = [f"forces lack {name}" for name in FORCES if name not in forces]
    for name in ("triggers", "alternatives", "desired_outcomes", "job_statements"):
        if name not in interviews[0]:
            problems.append(f"the interview lacks {name}")
    quotes = [e for items in forces.values() for item in items for e in item.get("evidence", [])]
    if not quotes or not all({"quote", "source", "line"} <= set(e) for e in quotes):
        problems.append("forces carry no quotes with source and line")
    return problems


def interviewer_never_quoted(run: Run) -> list[str]:
    if PRIYAS_LEADING_QUESTION in run.done.stdout:
        return ["a question of the interviewer Priya Raman is reported as the customer's words"]
    return []


def decoded_as_gb18030(run: Run) -> list[str]:
    return [] if OLD_TXT_PHRASE in run.done.stdout else [f"{OLD_TXT_PHRASE} is not in the report"]


def personas_for_the_roles(run: Run) -> list[str]:
    roles = set((run.option("--roles") or "").split(","))
    data = _json(run.done.stdout, "stdout")[0]
    got = {p.get("role") for p in data.get("personas", [])} if isinstance(data, dict) else set()
    return [] if got == roles else [f"personas for {sorted(got)}, not {sorted(roles)}"]


def personas_saved(run: Run) -> list[str]:
    saved = json.loads(run.file("icp.json").read_text(encoding="utf-8")).get("personas")
    return [] if saved else ["icp.json holds no personas after --save"]


def customers_json(run: Run) -> list[str]:
    return _missing_keys(_json(run.done.stdout, "stdout")[0], CUSTOMERS_JSON, "the customers JSON")


def merged_into_icp(run: Run) -> list[str]:
    problems = []
    if run.file("icp.json").read_bytes() == run.before("icp.json").read_bytes():
        problems.append("--merge-into left icp.json as it was")
    if "'Headcount' -> employees" not in run.done.stderr + run.done.stdout:
        problems.append("the mapping Headcount -> employees is not reported")
    return problems


def scored_csv_columns(run: Run) -> list[str]:
    with run.file("scored.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with run.before("prospects.csv").open(encoding="utf-8", newline="") as handle:
        given = list(csv.reader(handle))
    missing = [c for c in (*given[0], *SCORED_COLUMNS) if c not in rows[0]]
    problems = [f"scored.csv lacks the columns {', '.join(missing)}"] if missing else []
    if len(rows) != len(given):
        problems.append(f"scored.csv has {len(rows) - 1} accounts, the list {len(given) - 1}")
    return problems


def score_json(run: Run) -> list[str]:
    data = _json(run.done.stdout, "stdout")[0]
    if not isinstance(data, dict) or not isinstance(data.get("summary"), dict):
        return ["the score JSON has no summary"]
    accounts = sum(1 for _ in run.before("prospects.csv").open(encoding="utf-8")) - 1
    if not any(isinstance(v, list) and len(v) == accounts for v in data.values()):
        return [f"the score JSON has no list of {accounts} per-account records"]
    return []


def market_sizes(run: Run) -> list[str]:
    missing = [name for name in ("TAM", "SAM", "SOM") if name not in run.done.stdout]
    return [f"no {', '.join(missing)} in the output"] if missing else []


def assessed_out_of_35(run: Run) -> list[str]:
    import yaml

    answers = yaml.safe_load(run.file("acme.yaml").read_text(encoding="utf-8"))
    total = sum(answers["scores"].values())
    problems = [] if re.search(rf"\b{total}\s*/\s*35\b", run.done.stdout) else [
        f"the output does not show {total}/35"]
    stored = json.loads(run.file("icp.json").read_text(encoding="utf-8")).get("assessments", [])
    if not any(item.get("account") == answers["account"] for item in stored):
        problems.append("the assessment is not stored in icp.json")
    return problems


def passages_found(run: Run) -> list[str]:
    return [] if re.search(r"^1\. ", run.done.stdout, re.MULTILINE) else ["no passage found"]


def at_most_k(run: Run) -> list[str]:
    k = int(run.option("-k") or 5)
    shown = re.findall(r"^\d+\. ", run.done.stdout, re.MULTILINE)
    return [] if 0 < len(shown) <= k else [f"{len(shown)} passages for -k {k}"]


def filtered_and_ranked(run: Run) -> list[str]:
    data = _json(run.done.stdout, "stdout")[0]
    results = data.get("results", []) if isinstance(data, dict) else []
    if not results:
        return ["no results"]
    problems = []
    for name in ("lang", "kind"):
        wanted = run.option(f"--{name}")
        if any(r.get(name) != wanted for r in results):
            problems.append(f"results outside --{name} {wanted}")
    scores = [r["score"] for r in results]
    if scores != sorted(scores, reverse=True):
        problems.append(f"scores not best first: {scores}")
    query = run.args[3]
    if not any(query in r.get("tags", []) or query in r.get("doc_id", "") for r in results):
        problems.append(f"the document about {query!r} is not among the results")
    return problems


def only_the_company(run: Run) -> list[str]:
    company = run.option("--company") or ""
    headers = re.findall(r"^\d+\. .*$", run.done.stdout, re.MULTILINE)
    if not headers:
        return ["no passage found"]
    return [] if all(company in h for h in headers) else [f"passages not about {company}"]


def user_document_listed(run: Run) -> list[str]:
    return [] if "user:win-loss" in run.done.stdout else ["user:win-loss (added above) is not listed"]


def model_sizes_listed(run: Run) -> list[str]:
    return [] if "0.5b" in run.done.stdout else ["the 0.5b model is not listed"]


Check = Callable[[Run], list[str]]

# (pattern on the command as the README writes it, the README's promise, the checks)
PROMISES: tuple[tuple[str, str, tuple[Check, ...]], ...] = (
    (r"^icp-coach interview\b", "stdout: the ICP in Markdown, or with --json {session_id, completed, step, "
     "engine, icp, findings, citations}; --log FILE takes the transcript",
     (markdown_on_stdout, interview_json, interview_log)),
    (r"^icp-coach interview .*--resume", "continue a killed run", (interview_resumed,)),
    (r"^icp-coach sessions list\b", "the saved sessions", (lists_the_first_session,)),
    (r"^icp-coach sessions show\b", "the session's transcript", (lists_the_first_session,)),
    (r"^icp-coach sessions export\b", "the session's ICP as Markdown or JSON", (session_exported,)),
    (r"^icp-coach sessions delete\b", "the session is deleted", (session_deleted,)),
    (r"^icp-coach extract\b", "Markdown summary; -o writes the ICP document; --json: document, "
     "findings, engine, notes", (markdown_on_stdout, extract_json, extract_written)),
    (r"^icp-coach extract .*--name", "the ICP takes the name given", (named_in_chinese,)),
    (r"^icp-coach validate ", "findings; --json {file, findings, completeness}", (validate_json,)),
    (r"^icp-coach export\b", "Markdown/JSON of the ICP", (exported_icp,)),
    (r"^icp-coach diff\b", "field-level changes", (diff_has_changes,)),
    (r"^icp-coach schema\b", "JSON Schema of the document", (schema_is_json_schema,)),
    (r"^icp-coach jtbd\b", "Markdown report on stdout", (markdown_on_stdout,)),
    (r"^icp-coach jtbd interviews/", "a report per interview", (every_interview_reported,)),
    (r"^icp-coach jtbd .*--json", "JSON (the shape in docs/design.md)", (jtbd_shape,)),
    (r"^icp-coach jtbd .*--interviewer", "the interviewer's words are never the customer's",
     (interviewer_never_quoted,)),
    (r"^icp-coach jtbd .*--encoding", "a file that is not UTF-8", (decoded_as_gb18030,)),
    (r"^icp-coach personas\b", "Markdown, one persona per ICP role", (markdown_on_stdout,)),
    (r"^icp-coach personas .*--roles", "personas for the roles asked", (personas_for_the_roles,)),
    (r"^icp-coach personas .*--save", "store them in icp.json", (personas_saved,)),
    (r"^icp-coach customers [^ ]+\.csv$", "Markdown report", (markdown_on_stdout,)),
    (r"^icp-coach customers .*--json", "best_customers, traits, subgroups, suggested_icp",
     (customers_json,)),
    (r"^icp-coach customers .*--merge-into", "--map reported, suggestions merged into the ICP",
     (merged_into_icp,)),
    (r"^icp-coach score .*-o scored\.csv", "every input column plus excluded, failed_filters, "
     "filter_reasons, score, tier, matched_signals, confidence, icp_version", (scored_csv_columns,)),
    (r"^icp-coach score .*--json", "per-account records + summary", (score_json,)),
    (r"^icp-coach market\b", "TAM / SAM / SOM", (market_sizes,)),
    (r"^icp-coach assess\b", "seven criteria, out of 35, stored in the ICP", (assessed_out_of_35,)),
    (r'^icp-coach kb search "[^"]*"$', "cited passages", (passages_found,)),
    (r"^icp-coach kb search .*-k ", "at most k passages", (at_most_k,)),
    (r"^icp-coach kb search .*--lang .*--json", "filters by language and kind that find the "
     "documents they name; scores best first", (filtered_and_ranked,)),
    (r"^icp-coach kb search .*--company", "only case passages about that company",
     (only_the_company,)),
    (r"^icp-coach kb list\b", "the documents you added", (user_document_listed,)),
    (r"^icp-coach models list\b", "the local models and their state", (model_sizes_listed,)),
)
