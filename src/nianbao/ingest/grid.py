"""Table grids shared by the grid backends (HTML, DOCX, PDF, OCR, OFD).

A source table arrives as rows of merged cells (text + rowspan/colspan). ``expand`` places each
merged cell at its first free slot, the way browsers do, and fills the slots it covers with
``covered`` Cells, so every row is exact: one Cell per slot, blank cells are Cells with text "".
``blocks`` turns the grid into Document blocks (``grid=True``, ``table``, ``row``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..limits import MAX_SPAN, MAX_TABLE_SLOTS
from .document import Block, Cell


@dataclass(slots=True)
class Span:
    """One merged cell as the source gives it."""

    cell: Cell
    rowspan: int = 1  # 0: to the end of the table (HTML)
    colspan: int = 1


def covered(origin: Cell) -> Cell:
    """A slot covered by ``origin`` (keeps its provenance so a viewer can point at it)."""
    return Cell("", page=origin.page, bbox=origin.bbox, path=origin.path, covered=True)


def expand(rows: list[list[Span]]) -> list[list[Cell]]:
    """Rows of merged cells → rows of slots. Holes inside a row become blank Cells; rows are not
    padded at their end (a padded blank would read as a value)."""
    n = len(rows)
    slots: list[dict[int, Cell]] = [{} for _ in range(n)]
    for r, row in enumerate(rows):
        c = 0
        taken = slots[r]
        for span in row:
            while c in taken:
                c += 1
            rs = n - r if span.rowspan <= 0 else min(span.rowspan, n - r, MAX_SPAN)
            cs = max(1, min(span.colspan, MAX_SPAN))
            for i in range(rs):
                below = slots[r + i]
                for j in range(cs):
                    below.setdefault(c + j, span.cell if i == 0 and j == 0 else covered(span.cell))
            c += cs
    out: list[list[Cell]] = []
    for taken in slots:
        width = max(taken) + 1 if taken else 0
        out.append([taken.get(c) or Cell("") for c in range(width)])
    return out


def blocks(grid: list[list[Cell]], table: int, first_row: int = 0) -> list[Block]:
    """Grid rows as Document blocks; empty rows (no slot at all) are dropped."""
    return [Block(cells, grid=True, table=table, row=first_row + r)
            for r, cells in enumerate(grid) if cells]


def width(grid: list[list[Cell]]) -> int:
    return max((len(r) for r in grid), default=0)


def is_blank_row(cells: list[Cell]) -> bool:
    return all(c.covered or not c.text.strip() for c in cells)


_NUMBER = re.compile(r"^[\s,，.．%％\-－]*[0-9０-９][\s0-9０-９,，.．%％\-－]*$")


def drop_blank_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A table's rows without its blank ones (spacer rows), except in a table that holds no number at all
    under a heading row: a form printed blank (a 表四 with no case filled in), whose blank rows are its
    cells, to be read as blank (null), not as a table with no row for its numbers."""
    kept = [r for r in rows if not is_blank_row(r)]
    if len(kept) == len(rows) or not kept:
        return kept
    if any(_NUMBER.match(c.text) for r in kept for c in r if not c.covered):
        return kept
    first = next(i for i, r in enumerate(rows) if not is_blank_row(r))
    return rows[first:]  # the blank rows before the first heading are no cells of it


class GridTooLarge(ValueError):
    """A table whose spans would make more slots than any report has (a span bomb)."""


MAX_SLOTS = MAX_TABLE_SLOTS


def check_size(rows: list[list[Span]]) -> None:
    """Raise GridTooLarge before ``expand`` when the spans would make an absurd grid."""
    n = len(rows)
    total = 0
    for r, row in enumerate(rows):
        for s in row:
            rs = n - r if s.rowspan <= 0 else min(s.rowspan, n - r, MAX_SPAN)
            total += rs * max(1, min(s.colspan, MAX_SPAN))
        if total > MAX_SLOTS:
            raise GridTooLarge(total)


# A line of text drawn as a table row: cells parted by tabs, full-width spaces or runs of spaces.
_GAP = re.compile(r"\t|\u3000+|[ \xa0]{2,}")
_NUMBER = re.compile(r"^[+-]?\d[\d,，]*(?:\.\d+)?%?$|^(?:-|--|—|——|/|－)$")


# a count with its unit, or the blank marks a table writes for zero (「85件」, 「无」, 「／」)
_COUNT = re.compile(r"^\d[\d,，]*(?:\.\d+)?(?:件|个|条|项|次|万元|元)$|^(?:无|／)$")


def drawn_cells(text: str) -> list[str] | None:
    """The cells of a line drawn as a table row ("一、本年新收…  14  0  0"), or None for prose.

    Only lines with at least one bare number among their parts count: a stray double space in
    prose must not split a sentence.
    """
    if not _GAP.search(text):
        return None
    parts = [p.strip(" \xa0\u3000") for p in _GAP.split(text)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or not any(_NUMBER.match(p) or _COUNT.match(p) for p in parts[1:]):
        return None
    return parts


def finish(blocks: list[Block]) -> str:
    """Number the blocks as lines of Document.text (line, span of each cell) and return the text."""
    out: list[str] = []
    pos = 0
    for i, b in enumerate(blocks, start=1):
        first = True
        for c in b.cells:
            if c.covered:
                continue
            if not first:
                pos += 1  # the tab between cells
            first = False
            c.line = i
            c.span = (pos, pos + len(c.text))
            pos += len(c.text)
        out.append(b.text)
        pos += 1  # the newline
    return "\n".join(out)
