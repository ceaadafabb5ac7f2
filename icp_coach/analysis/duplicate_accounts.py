"""Accounts listed more than once in a prospect list: the same web domain, account id or company
name on several rows. Each row is still scored (the list is the user's), but a duplicate counts
twice in the tiers and a sales team would call it twice, so the lines are reported.

Identity is read from the first column of each kind the file has, in this order: web domain
(`https://www.Acme.com/about` and `acme.com` are one), account id (exact, case-insensitive),
company name (case, punctuation, spacing and a trailing legal form ignored: `Acme, Inc.` and
`ACME inc` are one; 杭州某某科技有限公司 and 杭州某某科技 are one). Two rows are the same
account when any one of these identities matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from icp_coach.analysis.header_mapping import normalise_header

MAX_REPORTED = 20
_DOMAIN_HEADERS = frozenset({"domain", "website", "web site", "url", "company domain", "company domain name",
                             "website url", "web", "homepage", "site", "官网", "网址", "域名", "公司网址", "公司官网"})
_ID_HEADERS = frozenset({"account id", "record id", "company id", "customer id", "organization id", "org id",
                         "客户id", "客户编号", "客户编码", "客户代码", "账户id"})
_NAME_HEADERS = frozenset({"company", "company name", "account name", "account", "organization", "organisation",
                           "organization name", "customer name", "公司", "公司名称", "客户名称", "企业名称", "单位名称"})
_LEGAL_FORMS_EN = (r"(?:\s+(?:inc|incorporated|llc|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|sa|bv|pty|"
                   r"pte|srl|oy|ab|kk))+$")
_LEGAL_FORMS_ZH = r"(?:股份有限公司|有限责任公司|有限公司|集团公司|公司)$"


@dataclass(frozen=True)
class DuplicateAccount:
    column: str
    value: str  # the cell as the first of its rows wrote it
    lines: tuple[int, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"column": self.column, "value": self.value, "lines": list(self.lines)}


def identity_columns(columns: list[str]) -> list[tuple[str, str]]:
    """(column, kind) for the first domain, id and name column the file has."""
    found: dict[str, str] = {}
    for column in columns:
        header = normalise_header(column)
        for kind, headers in (("domain", _DOMAIN_HEADERS), ("id", _ID_HEADERS), ("name", _NAME_HEADERS)):
            if header in headers and kind not in found:
                found[kind] = column
    return [(found[kind], kind) for kind in ("domain", "id", "name") if kind in found]


def identity_key(column: str, kind: str) -> Any:
    """The column's cells reduced to what identifies the account (null when nothing is left)."""
    import polars as pl

    text = pl.col(column).cast(pl.Utf8).str.strip_chars().str.to_lowercase()
    if kind == "domain":
        text = (text.str.replace(r"^[a-z][a-z0-9+.\-]*://", "").str.replace(r"^www\d?\.", "")
                .str.replace(r"[/?#].*$", "").str.strip_chars_end("."))
    elif kind == "name":
        text = text.str.replace_all(r"[.,，。·&'\"()（）]+", " ").str.replace_all(r"\s+", " ").str.strip_chars()
        text = text.str.replace(_LEGAL_FORMS_EN, "").str.strip_chars()
        chinese = text.str.contains("[一-鿿]")
        text = pl.when(chinese).then(text.str.replace_all(" ", "").str.replace(_LEGAL_FORMS_ZH, "")).otherwise(text)
    return pl.when(text.str.len_chars() > 0).then(text).otherwise(None)


def duplicate_accounts(frame: Any, line_column: str) -> tuple[list[DuplicateAccount], int]:
    """The first MAX_REPORTED groups of rows naming one account, and how many groups there are.
    Rows joined by any identity (domain, id or name) form one group, reported under the first
    identity column they share."""
    import polars as pl

    names = frame.collect_schema().names()
    columns = identity_columns([n for n in names if n != line_column])
    if not columns:
        return [], 0
    lines_present = line_column in names
    keys = frame.lazy().select(
        (pl.col(line_column) if lines_present else pl.int_range(1, pl.len() + 1)).cast(pl.Int64).alias("line"),
        *[pl.col(column).cast(pl.Utf8).alias(f"cell{i}") for i, (column, _) in enumerate(columns)],
        *[identity_key(column, kind).alias(f"key{i}") for i, (column, kind) in enumerate(columns)],
    ).with_row_index("row").collect()
    parent: dict[int, int] = {}

    def root(row: int) -> int:
        parent.setdefault(row, row)
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    shared: dict[int, tuple[int, int, str]] = {}  # row -> (identity column index, first row, its cell)
    for i in range(len(columns)):
        repeated = (keys.filter(pl.col(f"key{i}").is_not_null() & pl.col(f"key{i}").is_duplicated())
                    .group_by(f"key{i}", maintain_order=True).agg(pl.col("row"), pl.col(f"cell{i}").first()))
        for rows, cell in zip(repeated["row"].to_list(), repeated[f"cell{i}"].to_list(), strict=True):
            for row in rows:
                shared.setdefault(row, (i, rows[0], cell))
                a, b = root(rows[0]), root(row)
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for row in sorted(parent):
        groups.setdefault(root(row), []).append(row)
    line_of = keys["line"]
    found = []
    for rows in sorted(groups.values()):
        if len(rows) < 2:
            continue
        index, _, cell = min(shared[row] for row in rows)
        found.append(DuplicateAccount(columns[index][0], cell, tuple(int(line_of[row]) for row in rows)))
    return found[:MAX_REPORTED], len(found)
