"""The cells of the three tables in the format's order, with their labels — read from format/spec.py."""

from __future__ import annotations

from dataclasses import dataclass

from ..format import FORMATS, T3_COLUMNS, T3_GROUPS, T4_COLUMNS, T4_GROUPS
from ..format.names import cell_name


@dataclass(frozen=True)
class CellDef:
    path: str  # requests.granted.total
    table: str  # 表二 / 表三 / 表四
    group: str  # 第二十条第（一）项 / （三）不予公开 / 行政诉讼 / ""
    row: str  # the row label as the format prints it
    column: str  # the column label ("" for a single-value row)
    name: str  # cell_name(path): the full Chinese name


def format_for_year(year: int | None) -> str:
    """The national format a report year is laid out in."""
    return "2019" if year is not None and year < 2021 else "2021"


def cells(fmt: str = "2021") -> list[CellDef]:
    spec = FORMATS[fmt]
    out: list[CellDef] = []
    for item in spec.active:
        group = f"第二十条第{item.article}项"
        if item.columns:
            out.extend(CellDef(f"active.{item.key}.{c.key}", "表二", group, item.label, c.label,
                               cell_name(f"active.{item.key}.{c.key}")) for c in item.columns)
        else:
            out.append(CellDef(f"active.{item.key}", "表二", group, item.label, "", cell_name(f"active.{item.key}")))
    for r in spec.t3_rows:
        group = T3_GROUPS[r.group].label if r.group in T3_GROUPS else (
            T3_GROUPS["outcomes"].label if r.group else "")
        out.extend(CellDef(f"requests.{r.key}.{c.key}", "表三", group, r.label, c.label,
                           cell_name(f"requests.{r.key}.{c.key}")) for c in T3_COLUMNS)
    for g in T4_GROUPS:
        group = "" if g.key == "review" else "行政诉讼"
        out.extend(CellDef(f"appeals.{g.key}.{c.key}", "表四", group, g.label, c.label,
                           cell_name(f"appeals.{g.key}.{c.key}")) for c in T4_COLUMNS)
    return out


def all_cells() -> dict[str, CellDef]:
    """Every cell of both formats, by path (2021 first)."""
    out: dict[str, CellDef] = {}
    for fmt in ("2021", "2019"):
        for c in cells(fmt):
            out.setdefault(c.path, c)
    return out
