"""Markdown: headings, paragraphs and pipe tables that the text reader reads back.

Pipe tables cannot merge cells, so the label columns of a grid collapse into one: a row's label is
the labels that start on that row ("（三）不予公开 1.属于国家秘密"), as converters print merged rows.
A merged value cell is written once; the slots it covers stay empty.
"""

from __future__ import annotations

import re

from .grid import Grid
from .report import Part
from .values import cell_text

_RAW = re.compile(r"([<>&])")


def _inline(text: str) -> str:
    """Text as Markdown shows it: raw HTML (``<script>``) escaped, so a viewer prints it as text."""
    return _RAW.sub(r"\\\1", text)


def _escape(text: str) -> str:
    return _inline(text).replace("|", "\\|").replace("\n", " ")


def table(grid: Grid) -> list[str]:
    at = grid.at()
    width = (1 if grid.label_cols else 0) + grid.cols - grid.label_cols
    lines = []
    for r in range(grid.rows):
        label = " ".join(at[(r, c)].text for c in range(grid.label_cols) if (r, c) in at and at[(r, c)].text)
        cells = [label] if grid.label_cols else []
        for c in range(grid.label_cols, grid.cols):
            cell = at.get((r, c))
            cells.append("" if cell is None else cell.text if cell.kind != "value" else cell_text(cell.value))
        lines.append("| " + " | ".join(_escape(x) for x in cells) + " |")
        if r == 0:
            lines.append("|" + "---|" * width)
    return lines


def write(parts: list[Part]) -> bytes:
    out: list[str] = []
    for p in parts:
        if p.kind == "title":
            out.append(f"# {_inline(p.text)}")
        elif p.kind == "heading":
            out.append(f"## {_inline(p.text)}")
        elif p.kind == "subheading":
            out.append(f"### {_inline(p.text)}")
        elif p.kind == "table" and p.grid is not None:
            out.extend(table(p.grid))
        else:
            out.append(_inline(p.lead + p.text))
        out.append("")
    return "\n".join(out).encode("utf-8")
