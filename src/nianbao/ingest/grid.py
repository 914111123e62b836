"""Table grids shared by the grid backends (HTML, DOCX, PDF, OCR, OFD).

A source table arrives as rows of merged cells (text + rowspan/colspan). ``expand`` places each
merged cell at its first free slot, the way browsers do, and fills the slots it covers with
``covered`` Cells, so every row is exact: one Cell per slot, blank cells are Cells with text "".
``blocks`` turns the grid into Document blocks (``grid=True``, ``table``, ``row``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Block, Cell

MAX_SPAN = 1000  # a colspan/rowspan larger than this is a typo or an attack, not a table


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
