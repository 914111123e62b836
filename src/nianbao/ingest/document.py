"""The intermediate document every ingest backend produces and extraction reads.

A document is a list of blocks in reading order. A block is one line of text, one paragraph, or
one row of a table, split into cells. Grid sources (HTML, DOCX, PDF tables, OCR grids) mark their
rows ``grid=True``: their cells are exact, merged cells appear once and the slots they cover are
``covered``. Text sources give rows as the converter left them (tab debris, one cell per line),
which extraction repairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Cell:
    text: str
    line: int | None = None  # 1-based line in the decoded text
    span: tuple[int, int] | None = None  # character offsets in Document.text
    page: int | None = None  # 1-based page
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom (PDF points)
    path: str | None = None  # element path or "t{table}r{row}c{col}"
    covered: bool = False  # a slot covered by a merged cell to its left or above
    conf: float | None = None  # OCR confidence
    cut: bool = False  # a table cell the page's side cut through: its text left out as unreadable, not blank


@dataclass(slots=True)
class Block:
    cells: list[Cell]
    grid: bool = False  # a row of a real table grid
    table: int | None = None  # index of the source table
    row: int | None = None  # row index within that table

    @property
    def text(self) -> str:
        return "\t".join([c.text for c in self.cells if not c.covered])  # (a list: join makes one anyway)

    def sole(self, uncovered: bool = False) -> Cell | None:
        """The one cell with words (more than white space), None when there are none or several (a loop that
        stops at the second: most passes over a text ask it of every block); ``uncovered``: covered slots
        left out."""
        cells = self.cells
        if len(cells) == 1:  # a line of text, most blocks
            c = cells[0]
            return c if c.text.strip() and not (uncovered and c.covered) else None
        one = None
        for c in cells:
            if c.text.strip() and not (uncovered and c.covered):
                if one is not None:
                    return None
                one = c
        return one


@dataclass
class PagePictures:
    """The pictures a document was read from by OCR, for the debug view to draw: a Word file's page pictures
    or the tables pasted as pictures into its text (zip members of ``docx``, a .doc's or .wps's as LibreOffice
    converted it), or a saved web page's table pictures (their own bytes in ``raw``). For each page in order:
    where the picture is and the size it is shown at (points, the unit of the cells' boxes; for a photo, in
    ``photos``, the size of its page as straightened by ``photo.prepare``, which the debug view redoes).
    ``in_text``: pictures pasted into a text document, drawn at their places in its text."""

    docx: bytes
    pages: list[tuple[str, float, float]]
    raw: list[bytes] | None = None
    in_text: bool = False
    photos: set[int] = field(default_factory=set)  # pages (1-based) that were photos, read straightened


@dataclass
class Document:
    source: str  # file name as given
    kind: str  # text | markdown | html | docx | pdf | ocr | ocr-layer | ocr-words | ofd
    blocks: list[Block] = field(default_factory=list)
    text: str = ""  # the decoded text (text sources) or the text of all blocks
    pages: int | None = None
    title_hint: str | None = None  # e.g. an HTML <title>
    date_hint: str | None = None  # e.g. a CMS 发布时间
    warnings: list[str] = field(default_factory=list)
    pictures: PagePictures | None = field(default=None, repr=False)  # the pictures OCR read, for the debug view
    # only table pictures of a text document were read by OCR: its other blocks are its own text
    ocr_tables_only: bool = False
