"""Exact-match share of company size and revenue on the field table, per language.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_figures_table.py [--verbose]

The tables live in tests/engines_offline/test_offline_figures_field_table.py (60 lines written
without looking at the parser's output, then a second batch of 20 written after the first fixes)
and tests/engines_offline/test_offline_figures_table_3.py (311 lines, the third batch, then 50
held-out lines written after its fixes). A line
counts only when all four bounds (employees min/max, revenue USD min/max) equal its gold; xfail
marks are ignored here, so this is the reader's real score.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests" / "engines_offline"
TABLE_FILE = TESTS / "test_offline_figures_field_table.py"
THIRD_FILE = TESTS / "test_offline_figures_table_3.py"
sys.path.insert(0, str(TESTS))  # the tables import their shared helpers (figure_table.py)


def _table_module(path: Path = TABLE_FILE):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    table, third = _table_module(), _table_module(THIRD_FILE)
    for title, cases in (("first batch", table.TABLE), ("second batch", table.SECOND),
                         ("third batch", third.TABLE), ("fourth batch (held out)", third.HELD_OUT)):
        right: dict[str, int] = {}
        total: dict[str, int] = {}
        for case in cases:
            got, gold = table.read_figures(case.line), table.gold_of(case)
            total[case.lang] = total.get(case.lang, 0) + 1
            if got == gold:
                right[case.lang] = right.get(case.lang, 0) + 1
            elif args.verbose:
                print(f"MISS {case.lang} {case.line!r}\n     got  {got}\n     gold {gold}")
        for lang in sorted(total):
            share = right.get(lang, 0) / total[lang]
            print(f"{title} {lang}: {right.get(lang, 0)}/{total[lang]} exact ({share:.0%})")


if __name__ == "__main__":
    main()
