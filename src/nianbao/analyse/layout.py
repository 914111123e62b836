"""The cells of the three tables in the format's order, with their labels — read from format/spec.py."""

from __future__ import annotations

from dataclasses import dataclass

from ..format import Format, cell_name


@dataclass(frozen=True)
class CellDef:
    path: str  # requests.granted.total
    table: str  # 表二 / 表三 / 表四
    group: str  # 第二十条第（一）项 / （三）不予公开 / 行政诉讼 / ""
    row: str  # the row label as the format prints it
    column: str  # the column label ("" for a single-value row)
    name: str  # cell_name(path): the full Chinese name


def cells(fmt: str = "2021") -> list[CellDef]:
    spec = Format.get(fmt)
    T3_GROUPS, T3_COLUMNS = Format.T3_GROUPS, Format.T3_COLUMNS
    out: list[CellDef] = []
    for item in spec.active:
        group = Format.article(item.article)
        if item.columns:
            out.extend(CellDef(f"active.{item.key}.{c.key}", Format.table("active").name, group, item.label, c.label,
                               cell_name(f"active.{item.key}.{c.key}")) for c in item.columns)
        else:
            out.append(CellDef(f"active.{item.key}", Format.table("active").name, group, item.label, "", cell_name(f"active.{item.key}")))
    for r in spec.t3_rows:
        group = T3_GROUPS[r.group].label if r.group in T3_GROUPS else (
            T3_GROUPS["outcomes"].label if r.group else "")
        out.extend(CellDef(f"requests.{r.key}.{c.key}", Format.table("requests").name, group, r.label, c.label,
                           cell_name(f"requests.{r.key}.{c.key}")) for c in T3_COLUMNS)
    for g in Format.T4_GROUPS:
        group = Format.appeal_group_heading(g.key)
        out.extend(CellDef(f"appeals.{g.key}.{c.key}", Format.table("appeals").name, group, g.label, c.label,
                           cell_name(f"appeals.{g.key}.{c.key}")) for c in Format.T4_COLUMNS)
    return out


def all_cells() -> dict[str, CellDef]:
    """Every cell of both formats, by path (2021 first)."""
    out: dict[str, CellDef] = {}
    for fmt in Format.IDS:
        for c in cells(fmt):
            out.setdefault(c.path, c)
    return out
