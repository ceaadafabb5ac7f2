"""What the figure tables share: a line with its gold bounds, and what the offline engine reads
from notes holding that one line (test_offline_figures_field_table.py, _table_3.py)."""

from __future__ import annotations

from typing import NamedTuple

from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

M = 1_000_000
CNY_PER_USD = 7.2
N = None

Bounds = tuple[int | None, int | None, int | None, int | None]


def cny(yuan: float) -> int:
    """Yuan in whole dollars at the table's rate."""
    return round(yuan / CNY_PER_USD)


class Case(NamedTuple):
    lang: str
    line: str
    emp_min: float | None
    emp_max: float | None
    rev_min: float | None
    rev_max: float | None


def _whole(value: float | None) -> int | None:
    return None if value is None else round(value)


def read_figures(line: str) -> Bounds:
    """What `icp-coach extract` reads from notes holding this one line or passage."""
    heading = "# 客户画像" if any("\u4e00" <= ch <= "\u9fff" for ch in line) else "# ICP notes"
    notes = f"{heading}\n\n{line}\n"
    firmo = extract_notes(notes, OfflineExtractor(CNY_PER_USD, use_embeddings=False)).document.firmographics
    return (_whole(firmo.employees.min), _whole(firmo.employees.max),
            _whole(firmo.annual_revenue_usd.min), _whole(firmo.annual_revenue_usd.max))


def gold_of(case: Case) -> Bounds:
    return (_whole(case.emp_min), _whole(case.emp_max), _whole(case.rev_min),
            _whole(case.rev_max))
