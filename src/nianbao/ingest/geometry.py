"""What a page is made of, below layout and grid finding: positioned glyphs and ruled table grids."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class GridCell:
    bbox: tuple[float, float, float, float]
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    glyphs: list[Glyph] = field(default_factory=list)
    text: str = ""
    cut: bool = False  # its text ran past the page's side and was left out (pdfgrid._clear_cut_cells)


@dataclass
class Grid:
    bbox: tuple[float, float, float, float]
    cells: list[GridCell]
    nrows: int
    ncols: int

    def slots(self) -> list[list[GridCell | None]]:
        """Row-major slots; a merged cell fills every slot it covers (the origin is its first)."""
        out: list[list[GridCell | None]] = [[None] * self.ncols for _ in range(self.nrows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    out[r][k] = c
        return out
