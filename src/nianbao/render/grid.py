"""表二, 表三 and 表四 as grids of (merged) cells, laid out as the official formats print them.

Every label comes from the format definition. A grid is what each writer (DOCX, HTML, Markdown,
XLSX) draws; value cells carry their record path, so the XLSX template can point formulas at them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from ..format import Format
from ..format.spec import ActiveItem, Label

T3_COLUMNS, T3_GROUPS, T4_COLUMNS, T4_GROUPS = Format.T3_COLUMNS, Format.T3_GROUPS, Format.T4_COLUMNS, Format.T4_GROUPS
T3_ROWS_2019, T3_ROWS_2021 = Format.get("2019").t3_rows, Format.get("2021").t3_rows


@dataclass
class GridCell:
    row: int
    col: int
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    kind: str = "label"  # label | head | value
    path: str | None = None  # record path of a value cell
    value: Any = None
    decimal: bool = False  # a value that may have decimals (万元)
    signed: bool = False  # a value that may be negative (2019 本年增/减)


@dataclass
class Grid:
    key: str  # active | requests | appeals
    name: str  # 表二 …
    cols: int
    label_cols: int  # columns on the left that hold row labels
    header_rows: int
    cells: list[GridCell] = field(default_factory=list)
    rows: int = 0

    def add(self, row: int, col: int, text: str = "", **kw: Any) -> GridCell:
        cell = GridCell(row, col, text, **kw)
        self.cells.append(cell)
        self.rows = max(self.rows, row + cell.rowspan)
        return cell

    def at(self) -> dict[tuple[int, int], GridCell]:
        """Cells by their top-left slot."""
        return {(c.row, c.col): c for c in self.cells}

    def covered(self) -> set[tuple[int, int]]:
        """Slots covered by a merged cell (not its top-left slot)."""
        out = set()
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    if (r, k) != (c.row, c.col):
                        out.add((r, k))
        return out

    def values(self) -> list[GridCell]:
        return [c for c in self.cells if c.kind == "value"]


def _get(data: Any, *keys: str) -> Any:
    for k in keys:
        if data is None:
            return None
        data = data.get(k) if isinstance(data, dict) else getattr(data, k, None)
    return data


# ---- 表二 --------------------------------------------------------------------------------------
def active_items(fmt: str) -> tuple[ActiveItem, ...]:
    return Format.get(fmt).active


def _value_columns(item: ActiveItem) -> tuple[Label, ...]:
    col = Format.get("2021").active_value_column(item)
    return item.columns or ((col,) if col else ())


def active_grid(fmt: str, active: Any = None) -> Grid:
    """表二: per 第二十条 article a title row, a header row and one row per item; 4 columns."""
    g = Grid("active", Format.table("active").name, cols=4, label_cols=1, header_rows=0)
    r = 0
    for article, group in groupby(active_items(fmt), key=lambda it: it.article):
        items = list(group)
        g.add(r, 0, Format.article(article), colspan=4, kind="head")
        cols = _value_columns(items[0])
        g.add(r + 1, 0, Format.T2_ITEM_HEADER, kind="head")
        for i, col in enumerate(cols):
            g.add(r + 1, 1 + i, col.label, colspan=3 - i if i == len(cols) - 1 else 1, kind="head")
        r += 2
        for item in items:
            g.add(r, 0, item.label)
            for i, col in enumerate(_value_columns(item)):
                path = f"active.{item.key}.{col.key}" if item.columns else f"active.{item.key}"
                value = _get(active, item.key, col.key) if item.columns else _get(active, item.key)
                span = 3 - i if i == len(cols) - 1 else 1
                decimal = item.holds_decimal(col.key)
                g.add(r, 1 + i, colspan=span, kind="value", path=path, value=value, decimal=decimal,
                      signed=col.key == "change")
            r += 1
    return g


# ---- 表三 --------------------------------------------------------------------------------------
def request_rows(requests: dict | None, fmt: str) -> tuple[Label, ...]:
    """The row set: the format's, or the single （六）其他处理 row where the record has it."""
    if requests and "other_total" in requests and not any(k.startswith("other_") and k != "other_total"
                                                          for k in requests):
        return T3_ROWS_2019
    return T3_ROWS_2019 if fmt == "2019" and not requests else T3_ROWS_2021


def requests_grid(fmt: str, requests: dict | None = None) -> Grid:
    """表三: 3 label columns (the 勾稽 note spans 3×3) and the 7 applicant columns."""
    rows = request_rows(requests, fmt)
    g = Grid("requests", Format.table("requests").name, cols=10, label_cols=3, header_rows=3)
    g.add(0, 0, Format.T3_NOTE, rowspan=3, colspan=3, kind="head")
    g.add(0, 3, Format.T3_APPLICANTS, colspan=7, kind="head")
    g.add(1, 3, T3_COLUMNS[0].label, rowspan=2, kind="head")
    g.add(1, 4, Format.T3_LEGAL_PERSONS, colspan=5, kind="head")
    g.add(1, 9, T3_COLUMNS[-1].label, rowspan=2, kind="head")
    for i, col in enumerate(T3_COLUMNS[1:-1]):
        g.add(2, 4 + i, col.label, kind="head")
    outcomes = [r for r in rows if r.group or r.key == "total_processed"]
    r = 3
    seen_groups: set[str] = set()
    for lab in rows:
        if lab in outcomes:
            if lab is outcomes[0]:
                g.add(r, 0, T3_GROUPS["outcomes"].label, rowspan=len(outcomes))
            if lab.number and lab.number.startswith("（"):
                g.add(r, 1, lab.label, colspan=2)
            else:
                if lab.group is not None and lab.group not in seen_groups:
                    seen_groups.add(lab.group)
                    n = sum(1 for x in rows if x.group == lab.group)
                    g.add(r, 1, T3_GROUPS[lab.group].label, rowspan=n)
                g.add(r, 2, lab.label)
        else:
            g.add(r, 0, lab.label, colspan=3)
        for i, col in enumerate(T3_COLUMNS):
            g.add(r, 3 + i, kind="value", path=f"requests.{lab.key}.{col.key}",
                  value=_get(requests, lab.key, col.key))
        r += 1
    return g


# ---- 表四 --------------------------------------------------------------------------------------
def appeals_grid(appeals: Any = None) -> Grid:
    """表四: 行政复议 (5 columns) and 行政诉讼 (未经复议直接起诉, 复议后起诉: 5 each); one row of 15 values."""
    n = len(T4_COLUMNS)
    g = Grid("appeals", Format.table("appeals").name, cols=3 * n, label_cols=0, header_rows=3)
    review, *litigation = T4_GROUPS
    g.add(0, 0, review.label, colspan=n, kind="head")
    g.add(0, n, Format.T4_LITIGATION, colspan=2 * n, kind="head")
    for i, col in enumerate(T4_COLUMNS):
        g.add(1, i, col.label, rowspan=2, kind="head")
    for j, grp in enumerate(litigation):
        g.add(1, n * (j + 1), grp.label, colspan=n, kind="head")
        for i, col in enumerate(T4_COLUMNS):
            g.add(2, n * (j + 1) + i, col.label, kind="head")
    for j, grp in enumerate(T4_GROUPS):
        for i, col in enumerate(T4_COLUMNS):
            g.add(3, n * j + i, kind="value", path=f"appeals.{grp.key}.{col.key}",
                  value=_get(appeals, grp.key, col.key))
    return g


def grids(record: Any, fmt: str) -> dict[str, Grid | None]:
    """The three tables of a record by section id; None where the record has no such table."""
    active_fmt = "2019" if Format.active_is_2019(record.active) else "2021"
    return {
        "s2_active": None if record.active is None else active_grid(active_fmt, record.active),
        "s3_requests": None if record.requests is None else requests_grid(fmt, record.requests),
        "s4_appeals": None if record.appeals is None else appeals_grid(record.appeals),
    }
