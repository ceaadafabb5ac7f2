"""The folder a README reader works in: every file the README's commands name.

Hand-written inputs are in `tests/readme/workdir/` (notes, transcripts, answers, an account to
assess, files for the knowledge base). The rest is made here: tables by the seeded generator of
`tests/data/generate_crm.py`, and every document the tool itself writes (ICP, JTBD results) by
running the tool, so the files are the ones a reader would have at that point.
"""

from __future__ import annotations

import csv
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from tests.readme.readme_lines import REPO
from tests.readme.shell import Finished, Shell

HAND_WRITTEN = Path(__file__).resolve().parent / "workdir"
SESSION_LINE = re.compile(r"^session ([0-9a-f]+)$", re.MULTILINE)


class SetupFailed(AssertionError):
    pass


@dataclass
class Sessions:
    first: str  # made from examples/interview_en.yaml
    killed: str  # started from answers.yaml and killed after its first answers were saved


@dataclass
class WorkFolder:
    path: Path
    sessions: Sessions
    data_dir: Path  # the data folder every command of the README run shares

    def copy_to(self, target: Path) -> Path:
        """A private copy for one command, so a command that writes cannot change the next one's input."""
        return Path(shutil.copytree(self.path, target))


def _check(done: Finished) -> Finished:
    if done.returncode != 0:
        raise SetupFailed(f"preparing the README folder failed:\n{done.describe()}")
    return done


def _tables(folder: Path) -> None:
    from generate_crm import write_customer_export, write_deal_export, write_prospect_list

    customers = write_customer_export(folder / "customers.csv")
    write_prospect_list(folder / "prospects.csv")
    logistics = {account for account, clean in customers.clean.items()
                 if clean["industry_cell"] == "logistics"}
    write_deal_export(folder / "deals.csv", customers, logistics)
    with (folder / "customers.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    _write_xlsx(folder / "customers.xlsx", rows)
    header = ["Headcount" if name == "Number of Employees" else name for name in rows[0]]
    with (folder / "export.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows[1:]])


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)


def _kill_after_answers(shell: Shell, folder: Path, answers: int) -> str:
    """Start `interview --answers answers.yaml`, kill -9 it once ANSWERS answers are saved."""
    from icp_coach.storage.sessions import SQLiteSessionStore

    process = shell.start("icp-coach interview --answers answers.yaml --pause 1 --no-knowledge",
                          folder)
    assert process.stderr is not None
    session = ""
    try:
        deadline = time.monotonic() + 120
        for line in process.stderr:
            found = SESSION_LINE.match(line.strip())
            if found:
                session = found.group(1)
                break
            if time.monotonic() > deadline:
                break
        if not session:
            raise SetupFailed("the interview to be killed never printed its session id")
        store = SQLiteSessionStore(shell.data_dir / "sessions.sqlite3")
        try:
            while time.monotonic() < deadline:
                taken = [t for t in store.turns(session) if t.speaker == "user" and t.text != "/next"]
                if len(taken) >= answers:
                    break
                time.sleep(0.2)
            else:
                raise SetupFailed("the interview to be killed saved no answers in 120 s")
        finally:
            store.close()
    finally:
        process.kill()
        process.wait()
        process.stderr.close()
    return session


def prepare(shell: Shell, folder: Path) -> WorkFolder:
    shutil.copytree(HAND_WRITTEN, folder)
    shutil.copytree(REPO / "examples", folder / "examples")
    (folder / "old.txt").write_bytes(
        (folder / "old.utf8.txt").read_text(encoding="utf-8").encode("gb18030"))
    shutil.copyfile(folder / "interviews" / "nurse-manager.vtt", folder / "call.vtt")
    _tables(folder)

    made = _check(shell.run("icp-coach interview --answers examples/interview_en.yaml -o icp.json",
                            folder))
    first = SESSION_LINE.search(made.stderr)
    if first is None:
        raise SetupFailed(f"the interview named no session:\n{made.describe()}")
    for notes, target in (("notes.md", "icp-v1.json"), ("notes-v2.md", "icp-v2.json")):
        _check(shell.run(f"icp-coach extract {notes} --name Brightshift -o {target}", folder))
    for transcript, target in (("call.vtt", "call.jtbd.json"),
                               ("interviews/staffing-coordinator.txt", "a.json"),
                               ("interviews/护理部主任.txt", "b.json")):
        _check(shell.run(f"icp-coach jtbd {transcript} --json -o {target}", folder))
    killed = _kill_after_answers(shell, folder, answers=2)
    return WorkFolder(folder, Sessions(first=first.group(1), killed=killed), shell.data_dir)
