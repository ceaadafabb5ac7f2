"""A corpus of bad inputs for every file-taking command, generated from a seed (nothing stored).

`build_corpus(folder)` writes the files and returns one `BadRun` per command line to try: which
file is the bad one, the arguments, and the exit codes allowed (1 for a bad input, 2 for a bad
setting; 0 where the input is odd but usable, e.g. markup in a red flag). Run it by hand to see
the corpus: `python -m tests.hardening.bad_inputs /tmp/corpus`.
"""

from __future__ import annotations

import json
import random
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

SEED = 16


@dataclass(frozen=True)
class BadRun:
    name: str
    bad_file: Path
    args: list[str]
    exit_codes: tuple[int, ...] = (1,)
    env: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.name


GOOD_ICP = {
    "name": "Good ICP",
    "firmographics": {"industries": ["logistics"], "employees": {"min": 50, "max": 500}},
    "red_flags": [{"description": "fewer than 50 invoices a month"}],
    "decision_makers": [{"role": "champion", "titles": ["Head of Finance"]}],
    "filters": [{"field": "employees", "op": "gte", "value": 10}],
    "signals": [{"field": "industry", "op": "eq", "value": "logistics", "weight": 2}],
}
# Valid, but its text holds markup and escape sequences; the filter contradicts the red flag, so
# `validate` quotes the red flag's text in a finding.
MARKUP_ICP = {
    **GOOD_ICP, "name": "[bold]Acme[/] \x1b[31mred\x1b[0m",
    "filters": [{"field": "industry", "op": "in", "value": ["[/]"]}],
    "red_flags": [{"description": "[/] closes nothing :b: \x1b]0;title\x07 [link=http://x]x \\"}],
    "pain_points": [{"description": "[red]pain[/red]\r overwritten"}],
}
GOOD_CSV = ("account_id,name,industry,employees,region,ltv,churned\n"
            + "".join(f"a{i},Acme {i},{'logistics' if i % 2 else 'retail'},{40 + i * 7},EU,"
                      f"{1000 + i * 150},{'no' if i % 3 else 'yes'}\n" for i in range(40)))
GOOD_ANSWERS = "language: en\ncompany: Tally\nsteps:\n  0: ['About 35% came through referrals.']\n"


CONTROL_TRANSCRIPT = ("Interviewer: What made you look for a new billing tool?\x1b[2J\n"
                      "Customer: Our invoices kept failing \x1b[31mevery month\x1b[0m, so we "
                      "switched [/] [bold]fast\r\n"
                      "Interviewer: What did you try before?\n"
                      "Customer: A spreadsheet, and we were tired of chasing late payments.\n")


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def _zip(folder: Path, name: str, members: dict[str, bytes]) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


def _bad_json_documents(rng: random.Random) -> dict[str, str | bytes]:
    deep_list = "[" * 10_000 + "]" * 10_000
    deep_object = '{"a":' * 10_000 + "1" + "}" * 10_000
    garbage = bytes(rng.randrange(256) for _ in range(2048))
    return {
        "empty.json": "",
        "whitespace.json": "  \n\t\n",
        "binary.json": garbage,
        "latin1.json": '{"name": "Caf\xe9"}'.encode("latin-1"),
        "truncated.json": json.dumps(GOOD_ICP)[:57],
        "trailing-comma.json": '{"name": "x",}',
        "array.json": "[1, 2, 3]",
        "string.json": '"just a string"',
        "null.json": "null",
        "number.json": "42",
        "nan.json": '{"name": "x", "firmographics": {"employees": {"min": NaN, "max": Infinity}}}',
        "deep-list.json": deep_list,
        "deep-object.json": deep_object,
        "deep-in-summary.json": '{"name": "x", "summary": ' + deep_list + "}",
        "wrong-types.json": json.dumps({"name": "x", "firmographics": {"employees": {"min": "lots"}},
                                        "red_flags": "none"}),
        "schema-99.json": json.dumps({"name": "x", "schema_version": 99}),
        "name-list.json": json.dumps({"name": ["a", "b"]}),
        "filters-not-list.json": json.dumps({"name": "x", "filters": {"field": "industry"}}),
        "rule-bad-op.json": json.dumps({"name": "x", "signals": [{"field": "industry", "op": "resembles",
                                                                  "value": "x", "weight": 1}]}),
        "rule-not-object.json": json.dumps({"name": "x", "filters": ["industry == logistics"]}),
        "rule-huge-weight.json": json.dumps({"name": "x", "signals": [{"field": "industry", "op": "eq",
                                                                       "value": "x", "weight": "heavy"}]}),
        "utf16-no-bom.json": json.dumps(GOOD_ICP).encode("utf-16-le"),
    }


def build_corpus(folder: Path) -> list[BadRun]:
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    good_icp = _write(folder, "good-icp.json", json.dumps(GOOD_ICP))
    good_csv = _write(folder, "good.csv", GOOD_CSV)
    runs: list[BadRun] = []

    # --- ICP documents and rules: every command that reads one ------------------------------
    for name, content in _bad_json_documents(rng).items():
        bad = _write(folder, name, content)
        runs += [
            BadRun(f"validate {name}", bad, ["validate", str(bad)]),
            BadRun(f"export {name}", bad, ["export", str(bad)]),
            BadRun(f"diff {name}", bad, ["diff", str(good_icp), str(bad)]),
            BadRun(f"validate-icp {name}", bad, ["validate-icp", str(bad), str(good_csv)]),
            BadRun(f"score --icp {name}", bad, ["score", str(good_csv), "--icp", str(bad)]),
            BadRun(f"personas {name}", bad, ["personas", str(bad), "--engine", "offline"]),
            BadRun(f"personas --jtbd {name}", bad,
                   ["personas", str(good_icp), "--jtbd", str(bad), "--engine", "offline"]),
            BadRun(f"market --icp {name}", bad,
                   ["market", "--accounts", str(good_csv), "--icp", str(bad), "--acv", "1000"]),
        ]
    markup = _write(folder, "markup-icp.json", json.dumps(MARKUP_ICP))
    for command in ("validate", "export"):
        runs.append(BadRun(f"{command} markup-icp.json", markup, [command, str(markup)], (0, 1)))

    # --- tables: CRM exports, prospect lists, deals ------------------------------------------
    header = "account_id,name,industry,employees,ltv\n"
    tables: dict[str, str | bytes] = {
        "empty.csv": "",
        "newlines.csv": "\n\n\n",
        "header-only.csv": header,
        "one-column.csv": "name\nAcme\nBeta\n",
        "binary.csv": bytes(rng.randrange(256) for _ in range(4096)),
        "nul-bytes.csv": header + "a1,Ac\x00me,logistics,50,1000\n",
        "ragged.csv": header + "a1,Acme\na2,Beta,retail,10,5,extra,more\n",
        "unbalanced-quote.csv": header + 'a1,"Acme,logistics,50,1000\n',
        "duplicate-headers.csv": "name,name,name\na,b,c\n",
        "gb18030.csv": ("客户,行业,员工\n甲,物流,50\n").encode("gb18030"),
        "latin1.csv": ("name,industry\nCaf\xe9,retail\n").encode("latin-1"),
        "bom-only.csv": b"\xef\xbb\xbf",
        "huge-cell.csv": header + "a1,Acme," + "x" * 2_000_000 + ",50,1000\n",
        "blank-header.csv": ",,,\n1,2,3\n",
        "formulas.csv": header + 'a1,=HYPERLINK("http://x"),@SUM(A1),+50,-5\n',
        # found by benchmarks/fuzz_parsers.py: a bare carriage return inside a record or header
        "bare-cr.csv": ",\xad\xe0-,  12  nan,,No-\n\x02\x19{[\x87,\xfc\rx,y\n",
        "bare-cr-header.csv": "1.2.3Industry\x14\r\xd0,\x81-j,\n1,2,3\n",
    }
    xlsx = {
        "not-a-zip.xlsx": b"this is plain text, not a workbook",
        "truncated.xlsx": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(300)),
        "old.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200),
    }
    for name, content in {**tables, **xlsx}.items():
        bad = _write(folder, name, content)
        # read with their bad rows listed by line, or as an empty list: reported, not refused
        # (gb18030: Chinese Excel's CSV is read without --encoding)
        odd_but_usable = name in ("formulas.csv", "latin1.csv", "header-only.csv", "nul-bytes.csv",
                                  "ragged.csv", "huge-cell.csv", "one-column.csv", "bare-cr.csv",
                                  "bare-cr-header.csv", "gb18030.csv")
        codes = (0, 1) if odd_but_usable else (1,)
        runs += [  # a list with no rows: nothing to rank (customers), an empty result elsewhere
            BadRun(f"customers {name}", bad, ["customers", str(bad)],
                   (1,) if name == "header-only.csv" else codes),
            BadRun(f"score {name}", bad, ["score", str(bad), "--icp", str(good_icp)], codes),
            BadRun(f"validate-icp {name}", bad, ["validate-icp", str(good_icp), str(bad)], codes),
            BadRun(f"validate-icp --deals {name}", bad,
                   ["validate-icp", str(good_icp), str(good_csv), "--deals", str(bad)], codes),
            BadRun(f"market --accounts {name}", bad,
                   ["market", "--accounts", str(bad), "--acv", "1000"], codes),
        ]
    broken_xlsx = _zip(folder, "broken-parts.xlsx", {"[Content_Types].xml": b"<Types>",
                                                     "xl/workbook.xml": b"<workbook"})
    runs.append(BadRun("customers broken-parts.xlsx", broken_xlsx, ["customers", str(broken_xlsx)]))
    runs.append(BadRun("score broken-parts.xlsx", broken_xlsx,
                       ["score", str(broken_xlsx), "--icp", str(good_icp)]))

    # --- transcripts ------------------------------------------------------------------------
    transcripts: dict[str, str | bytes] = {
        "empty.txt": "",
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "latin1.txt": "Interviewer: Pourquoi?\nClient: Le caf\xe9 \xe9tait froid.\n".encode("latin-1"),
        "header-only.vtt": "WEBVTT\n\n",
        "bad-times.srt": "1\n00:99:xx --> yesterday\nhello\n\n2\n--> \n",
        "no-speakers.md": "just some words without any speaker at all\n" * 3,
        "one-huge-line.txt": "Customer: " + "we waited " * 200_000 + "\n",
        "control-chars.txt": CONTROL_TRANSCRIPT,
    }
    for name, content in transcripts.items():
        bad = _write(folder, name, content)
        codes = (0, 1) if name in ("no-speakers.md", "control-chars.txt", "one-huge-line.txt",
                                   "latin1.txt", "bad-times.srt") else (1,)
        runs.append(BadRun(f"jtbd {name}", bad, ["jtbd", str(bad), "--engine", "offline"], codes))
    docx = {
        "not-a-zip.docx": b"plain text pretending",
        "no-document.docx": None,
        "broken-xml.docx": None,
    }
    for name in docx:
        if name == "not-a-zip.docx":
            bad = _write(folder, name, b"plain text pretending")
        elif name == "no-document.docx":
            bad = _zip(folder, name, {"[Content_Types].xml": b"<Types/>"})
        else:
            bad = _zip(folder, name, {"word/document.xml": b"<w:document><w:body><w:p"})
        runs.append(BadRun(f"jtbd {name}", bad, ["jtbd", str(bad), "--engine", "offline"]))

    # --- notes --------------------------------------------------------------------------------
    notes: dict[str, str | bytes] = {
        "empty.md": "",
        "spaces.md": "   \n\n   \n",
        "binary.md": bytes(rng.randrange(256) for _ in range(4096)),
        "scan.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(256)),
    }
    for name, content in notes.items():
        bad = _write(folder, f"notes-{name}", content)
        runs.append(BadRun(f"extract notes-{name}", bad, ["extract", str(bad), "--engine", "offline"]))

    # --- answers files (interview, assess) ----------------------------------------------------
    bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    answers: dict[str, str | bytes] = {
        "empty.yaml": "",
        "list.yaml": "- one\n- two\n",
        "bad-syntax.yaml": "language: en\nsteps: [unclosed\n",
        "tabs.yaml": "language: en\n\tcompany: x\n",
        "steps-string.yaml": "language: en\ncompany: x\nsteps: lots\n",
        "step-99.yaml": "language: en\ncompany: x\nsteps:\n  99: [hi]\n",
        "language-fr.yaml": "language: fr\ncompany: x\nsteps:\n  0: [hi]\n",
        "bomb.yaml": bomb,
        "deep.yaml": "a: " + "[" * 5000 + "]" * 5000 + "\n",
        "binary.yaml": bytes(rng.randrange(256) for _ in range(2048)),
    }
    for name, content in answers.items():
        bad = _write(folder, f"answers-{name}", content)
        runs.append(BadRun(f"interview answers-{name}", bad,
                           ["interview", "--answers", str(bad), "--engine", "offline", "--no-knowledge"]))
        if name in ("empty.yaml", "list.yaml", "bad-syntax.yaml", "tabs.yaml", "deep.yaml", "binary.yaml"):
            runs.append(BadRun(f"assess answers-{name}", bad, ["assess", "--answers", str(bad)]))
    scores_bad = _write(folder, "answers-scores-bad.yaml", "account: Acme\nscores: {ready: 9, able: x}\n")
    runs.append(BadRun("assess answers-scores-bad.yaml", scores_bad, ["assess", "--answers", str(scores_bad)]))

    # --- paths that are not files, and bad -o targets ------------------------------------------
    missing = folder / "no-such-file.json"
    a_folder = folder / "a-folder.json"
    a_folder.mkdir(exist_ok=True)
    for label, path, codes in (("missing", missing, (1,)), ("folder", a_folder, (1, 2))):
        runs += [  # a folder where a file is wanted is refused by the option parser: usage, 2
            BadRun(f"validate {label}", path, ["validate", str(path)], codes),
            BadRun(f"score {label}", path, ["score", str(path), "--icp", str(good_icp)], codes),
            BadRun(f"customers {label}", path, ["customers", str(path)], codes),
            BadRun(f"jtbd {label}", path, ["jtbd", str(path), "--engine", "offline"], codes),
            BadRun(f"extract {label}", path, ["extract", str(path), "--engine", "offline"], codes),
        ]
    no_folder = folder / "missing-folder" / "out.csv"
    runs += [
        BadRun("score -o into a missing folder", no_folder,
               ["score", str(good_csv), "--icp", str(good_icp), "-o", str(no_folder)]),
        BadRun("score -o onto a folder", a_folder,
               ["score", str(good_csv), "--icp", str(good_icp), "-o", str(a_folder)], (1, 2)),
        BadRun("export -o into a missing folder", no_folder,
               ["export", str(good_icp), "-o", str(no_folder)]),
        BadRun("customers -o onto a folder", a_folder,
               ["customers", str(good_csv), "-o", str(a_folder)], (1, 2)),
    ]

    # --- settings: a broken config file, bad variables ----------------------------------------
    configs: dict[str, str | bytes] = {
        "not-toml.toml": "engine = \nmodel = 'x'\n",
        "engine-turbo.toml": 'engine = "turbo"\n',
        "timeout-soon.toml": 'timeout_seconds = "soon"\n',
        "rate-zero.toml": "cny_per_usd = 0\n",
        "binary.toml": bytes(rng.randrange(256) for _ in range(512)),
    }
    for name, content in configs.items():
        bad = _write(folder, f"config-{name}", content)
        runs.append(BadRun(f"config-{name}", bad, ["score", str(good_csv), "--icp", str(good_icp)],
                           (2,), {"ICP_COACH_CONFIG_FILE": str(bad)}))
    for variable, value in (("ICP_COACH_TIMEOUT_SECONDS", "abc"), ("ICP_COACH_ENGINE", "turbo"),
                            ("ICP_COACH_CNY_PER_USD", "0"), ("ICP_COACH_MAX_RETRIES", "-1")):
        runs.append(BadRun(f"{variable}={value}", Path(variable), ["score", str(good_csv), "--icp",
                                                                   str(good_icp)], (2,), {variable: value}))
    return runs


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")
    corpus = build_corpus(target)
    files = {run.bad_file for run in corpus}
    print(f"{len(files)} bad files, {len(corpus)} command lines, in {target}")
