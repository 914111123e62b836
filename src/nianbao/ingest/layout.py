"""Positioned glyphs → lines, paragraphs and table rows in reading order (PDF text and OCR alike).

A page arrives as glyphs (a character of a PDF text layer, or a character/word box from OCR) and
table grids already filled with their glyphs. Here page numbers and running headers are dropped,
lines are grouped into paragraphs (a line that fills the measure continues onto the next, also
across a page break), and a table cut by a page break is joined, folding a row split by the break
back into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from .document import Block, Cell, Document
from .furniture import crawler_header, report_spans
from .geometry import Glyph, Grid, GridCell
from .pagenumbers import PAGE_LINE


@dataclass
class Line:
    runs: list[list[Glyph]]  # pieces separated by a wide gap (columns of a table drawn without lines)

    @property
    def glyphs(self) -> list[Glyph]:
        return [g for r in self.runs for g in r]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return _bbox(self.glyphs)

    @property
    def height(self) -> float:
        return median(g.height for g in self.glyphs)

    def texts(self) -> list[str]:
        return [join_glyphs(r) for r in self.runs]


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)


_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")
_WIDE_DIGIT = re.compile(r"[０-９]")
_DIGITS = re.compile(r"[0-9０-９]+")
# a bare number (or with a dash on one side): a page number only when pages are numbered that way, since a
# table cell's 0 can sit in the margin too (a table row carried over a page break)
_BARE_NO = re.compile(r"^[-—–－~·]?(\d{1,3})[-—–－~·]?$")
_ENUM = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])")
MARGIN = 0.09  # share of the page height at top and bottom where running heads and page numbers sit


def _bbox(glyphs: list[Glyph]) -> tuple[float, float, float, float]:
    return (min(g.x0 for g in glyphs), min(g.top for g in glyphs), max(g.x1 for g in glyphs),
            max(g.bottom for g in glyphs))


def _joiner(left: str, right: str) -> str:
    """Nothing between CJK characters; one space between Latin words or numbers. Full-width digits are numbers:
    a gap between two of them parts two table cells (「０　　０」 glued into 「００」 read as one 0)."""
    if not left or not right or _CJK.match(left[-1]) and not _WIDE_DIGIT.match(left[-1]) \
            or _CJK.match(right[0]) and not _WIDE_DIGIT.match(right[0]):
        return ""
    return " "


def join_glyphs(glyphs: list[Glyph]) -> str:
    out = ""
    prev: Glyph | None = None
    for g in glyphs:
        if prev is not None and g.x0 - prev.x1 > 0.25 * max(prev.height, g.height):
            out += _joiner(out, g.text)  # a gap between CJK characters is spacing, not a word break
        out += g.text
        prev = g
    return re.sub(r"\s+", " ", out).strip()


def group_lines(glyphs: list[Glyph], split_gap: float | None = 1.6) -> list[Line]:
    """Glyphs whose vertical centres are close form a line; a gap wider than ``split_gap`` heights splits it."""
    rows: list[list[Glyph]] = []
    centre: list[float] = []
    tall: list[float] = []  # each line's tallest glyph so far
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        cy = (g.top + g.bottom) / 2
        # measured against the line's tallest glyph, not the last one joined: a line set in two fonts (ideographs
        # and full-width ０ in a CJK font with tall boxes, 5 and 8 in a Latin one with short, lower-centred ones)
        # is sorted ideographs first, and after one short digit the next digits of the same line fell out of it
        # into a line of their own, read after the row's other numbers (「…数量5００００38」 as 「０００03」 + 「5 8」)
        if rows and abs(cy - centre[-1]) <= 0.45 * max(g.height, tall[-1]):
            rows[-1].append(g)
            centre[-1] = sum((x.top + x.bottom) / 2 for x in rows[-1]) / len(rows[-1])
            tall[-1] = max(tall[-1], g.height)
        else:
            rows.append([g])
            centre.append(cy)
            tall.append(g.height)
    return [line_of(row, split_gap) for row in rows]


def line_of(glyphs: list[Glyph], split_gap: float | None = 1.6) -> Line:
    """The glyphs of one line, left to right; a gap wider than ``split_gap`` heights starts a new run."""
    row = sorted(glyphs, key=lambda g: g.x0)
    h = median(g.height for g in row)
    runs: list[list[Glyph]] = [[row[0]]]
    for g in row[1:]:
        if split_gap is not None and g.x0 - runs[-1][-1].x1 > split_gap * h:
            runs.append([g])
        else:
            runs[-1].append(g)
    return Line(runs)


def cell_text(glyphs: list[Glyph]) -> str:
    """Text of a table cell: its lines joined (a wrapped label, a header written one word per line)."""
    if not glyphs:
        return ""
    text = ""
    for line in group_lines(glyphs, split_gap=None):
        t = join_glyphs(line.glyphs)
        text += _joiner(text, t) + t
    return text


# ---- page furniture ------------------------------------------------------------------------------

def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _page_offsets(pages: list[Page]) -> set[int]:
    """How bare numbers in the margins number the pages: the offsets (number − page) seen on two pages or more
    (a cover without a number keeps the offset), or on the only page. A cell's 0 at a page's foot never is."""
    seen: dict[int, set[int]] = {}
    for p in pages:
        for ln in p.lines:
            if _in_margin(p, ln) and (m := _BARE_NO.match(re.sub(r"\s+", "", "".join(ln.texts())))):
                if int(m[1]) >= 1:
                    seen.setdefault(int(m[1]) - p.number, set()).add(p.number)
    return {off for off, on in seen.items() if len(on) >= 2 or len(pages) == 1}


def strip_furniture(pages: list[Page]) -> None:
    """Drop page numbers and running heads/feet (the same text in the margin of several pages)."""
    seen: dict[str, set[int]] = {}
    for p in pages:
        for ln in p.lines:
            if _in_margin(p, ln):
                seen.setdefault(_furniture_key("".join(ln.texts())), set()).add(p.number)
    # a bare number's key is '#' on every page: whether it numbers the pages is for _page_offsets to say
    repeated = {k for k, v in seen.items()
                if len(v) >= 2 and len(v) * 2 >= len(pages) and not _BARE_NO.match(k.replace("#", "0"))}
    offsets = _page_offsets(pages)
    for p in pages:
        keep = []
        ends = _end_lines(p)
        for ln in p.lines:
            # a page number by its form alone, as the page's last (or first) line though above the margin
            # (a footer set high: 0.89 of an A4 page); in a table without rulings it would be read as a cell
            if id(ln) in ends and PAGE_LINE.match(re.sub(r"\s+", "", "".join(ln.texts()))):
                continue
            if _in_margin(p, ln):
                text = "".join(ln.texts())
                compact = re.sub(r"\s+", "", text)
                bare = _BARE_NO.match(compact)
                # a page number by its form alone (「— 3 —」, 「第3页 共9页」, 「3/9」), furniture, a numbered page's bare number
                if (PAGE_LINE.match(compact) or _furniture_key(text) in repeated
                        or (bare and int(bare[1]) - p.number in offsets)):
                    continue
            keep.append(ln)
        p.lines = keep


def _end_lines(p: Page) -> set[int]:
    """The ids of the page's top and bottom lines, when no ruled table reaches above or below them."""
    if not p.lines:
        return set()
    top = min(p.lines, key=lambda ln: ln.bbox[1])
    bottom = max(p.lines, key=lambda ln: ln.bbox[3])
    out = set()
    if all(g.bbox[1] > top.bbox[3] for g in p.grids):
        out.add(id(top))
    if all(g.bbox[3] < bottom.bbox[1] for g in p.grids):
        out.add(id(bottom))
    return out


def _in_margin(p: Page, ln: Line) -> bool:
    _, top, _, bottom = ln.bbox
    return bottom < p.height * MARGIN or top > p.height * (1 - MARGIN)


# ---- assembling the document ---------------------------------------------------------------------

@dataclass
class _Measure:
    left: float
    right: float


def _measure(pages: list[Page]) -> _Measure:
    full = [ln.bbox for p in pages for ln in p.lines if len(ln.runs) == 1 and len(ln.glyphs) >= 8]
    if not full:
        return _Measure(0.0, 1e9)
    xs0 = sorted(b[0] for b in full)
    xs1 = sorted(b[2] for b in full)
    return _Measure(xs0[len(xs0) // 10], xs1[(len(xs1) * 9) // 10])


def _continues(prev: Line, line: Line, m: _Measure, same_page: bool) -> bool:
    """Does ``line`` carry on the paragraph that ``prev`` ends?"""
    if len(prev.runs) != 1 or len(line.runs) != 1:
        return False
    h0, h1 = prev.height, line.height
    if abs(h0 - h1) > 0.25 * max(h0, h1):
        return False
    pb, lb = prev.bbox, line.bbox
    if pb[2] < m.right - 2.0 * h0 or lb[0] > m.left + 1.0 * h1:
        return False
    if same_page and not (0 <= lb[1] - pb[3] < 1.5 * h0):
        return False
    return not _ENUM.match(join_glyphs(line.glyphs))


class _Builder:
    def __init__(self, source: str, kind: str):
        self.doc = Document(source=source, kind=kind)
        self.tables = 0

    def paragraph(self, lines: list[tuple[int, Line]]) -> None:
        page = lines[0][0]
        text = ""
        for _, ln in lines:
            t = join_glyphs(ln.glyphs)
            text += _joiner(text, t) + t
        glyphs = [g for p, ln in lines if p == page for g in ln.glyphs]
        self.doc.blocks.append(Block([Cell(text, page=page, bbox=_round(_bbox(glyphs)), conf=_conf(glyphs))]))

    def runs(self, page: int, line: Line) -> None:
        cells = [Cell(join_glyphs(r), page=page, bbox=_round(_bbox(r)), conf=_conf(r)) for r in line.runs]
        self.doc.blocks.append(Block(cells))

    def grid(self, page: int, grid: Grid, table: int, first_row: int) -> None:
        slots = grid.slots()
        for r, row in enumerate(slots):
            cells = []
            for k, gc in enumerate(row):
                if gc is None:
                    cells.append(Cell("", page=page, path=f"t{table}r{first_row + r}c{k}"))
                elif gc.row == r and gc.col == k:
                    cells.append(Cell(gc.text, page=page, bbox=_round(gc.bbox), path=f"t{table}r{first_row + r}c{k}",
                                      conf=_conf(gc.glyphs), cut=gc.cut))
                else:
                    cells.append(Cell("", page=page, bbox=_round(gc.bbox), covered=True,
                                      path=f"t{table}r{first_row + r}c{k}"))
            self.doc.blocks.append(Block(cells, grid=True, table=table, row=first_row + r))


def _round(b: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(b[0], 1), round(b[1], 1), round(b[2], 1), round(b[3], 1))


def _conf(glyphs: list[Glyph]) -> float | None:
    cs = [g.conf for g in glyphs if g.conf is not None]
    return round(min(cs), 3) if cs else None


def assemble(source: str, kind: str, pages: list[Page]) -> Document:
    """The blocks of all pages in reading order, with text and character spans."""
    strip_furniture(pages)
    m = _measure(pages)
    b = _Builder(source, kind)
    para: list[tuple[int, Line]] = []
    last_grid: tuple[Grid, int, int, int] | None = None  # (grid, page, table index, rows so far)
    for p in pages:
        items: list[tuple[float, Line | Grid]] = [(ln.bbox[1], ln) for ln in p.lines] + [(g.bbox[1], g) for g in p.grids]
        items.sort(key=lambda it: it[0])
        first_on_page = True
        for _, item in items:
            if isinstance(item, Line):
                if para and _continues(para[-1][1], item, m, same_page=para[-1][0] == p.number):
                    para.append((p.number, item))
                else:
                    if para:
                        b.paragraph(para)
                        para = []
                    if len(item.runs) == 1:
                        para = [(p.number, item)]
                    else:
                        b.runs(p.number, item)
                last_grid = None
            else:
                grid = item
                if para:
                    b.paragraph(para)
                    para = []
                if first_on_page and last_grid and last_grid[1] == p.number - 1 and last_grid[0].ncols == grid.ncols:
                    _, _, table, rows = last_grid
                    _drop_repeated_header(b.doc.blocks, table, grid)
                    _fold_split_row(b.doc.blocks, grid)
                else:
                    if first_on_page and last_grid and last_grid[1] == p.number - 1:
                        # the table goes on with other columns (a group label's column begins): a label's tail
                        # still tops the page, under the label's cell
                        _fold_split_row(b.doc.blocks, grid, by_place=True)
                    table, rows = b.tables, 0
                    b.tables += 1
                b.grid(p.number, grid, table, rows)
                last_grid = (grid, p.number, table, rows + grid.nrows)
            first_on_page = False
    if para:
        b.paragraph(para)
    drop_page_furniture(b.doc)
    set_spans(b.doc)
    b.doc.pages = len(pages)
    return b.doc


def drop_page_furniture(doc: Document) -> None:
    """A crawler's dump printed to PDF (or scanned) carries the page furniture the text reader leaves out
    (``furniture.py``): the header (标题: … 发布时间: … ==== 正文 ====), whose title and date become the
    document's hints as for a text file; and in the paragraphs, navigation, Word's style sheet and a
    trailing 附件下载 — glued to the signature, it hid the signature from the meta reader."""
    header = crawler_header([b.text for b in doc.blocks[:60]])
    if header.lines:
        del doc.blocks[:header.lines]
        doc.title_hint, doc.date_hint = header.title, header.date
    kept: list[Block] = []
    for block in doc.blocks:
        if block.grid or len(block.cells) != 1:
            kept.append(block)
            continue
        cell = block.cells[0]
        spans = report_spans(cell.text)
        if spans == [(0, len(cell.text))]:
            kept.append(block)
            continue
        kept.extend(Block([Cell(cell.text[a:b], page=cell.page, bbox=cell.bbox, conf=cell.conf)]) for a, b in spans)
    doc.blocks[:] = kept


def _has_digit(cells: list[Cell]) -> bool:
    return any(re.search(r"\d", c.text) for c in cells if not c.covered)


def _fold_split_row(blocks: list[Block], grid: Grid, by_place: bool = False) -> None:
    """A row cut by the page break: its label tail (no numbers) tops the next page. Join the halves: each
    tail cell to the cell of the same column, or (``by_place``: the grids' columns differ) to the cell it
    stands under, the one its box overlaps most, by at least half its width. A tail of digits alone goes on a
    number its cell ends with: a number wrapped in a narrow cell, its last digits over the break (LibreOffice's
    「４３」 at a page's foot, 「７」 atop the next, with the group label's 「）不予处理」), joined as the lines of one cell."""
    if not blocks or not blocks[-1].grid or not grid.cells:
        return
    prev = blocks[-1]
    slots = grid.slots()
    first = [gc if gc is not None and gc.row == 0 and gc.col == k else None for k, gc in enumerate(slots[0])]
    texts = [gc.text if gc else "" for gc in first]
    filled = [k for k, t in enumerate(texts) if t.strip()]
    digits = {k for k in filled if re.search(r"\d", texts[k])}  # (tails with a digit: a number's last digits, or none)
    if not filled or not _has_digit(prev.cells) or any(
            not (_DIGITS.fullmatch(texts[k].strip()) and k < len(prev.cells)
                 and _DIGITS.search(prev.cells[k].text.strip()[-1:])) for k in digits):
        return
    if by_place and digits:
        return  # (under other columns, which cell a number goes on is not settled by its column)
    if len(filled) > 2 or any(_ENUM.match(texts[k]) for k in filled):
        return
    spanning = [k for k in filled if (gc := first[k]) is not None and gc.rowspan > 1]
    if spanning:
        # a cell going on down the page (a group label's): no row's tail, but for a number's last digits beside it
        if digits & set(spanning) or not digits:
            return
        filled = [k for k in filled if k not in spanning]
    into = {k: _under(prev, first[k]) if by_place else k for k in filled}
    # (under another grid's columns, the label may all stand on the next page: its cell here is empty)
    if any(i is None or i >= len(prev.cells) or prev.cells[i].covered or not (prev.cells[i].text or by_place)
           for i in into.values()):
        return
    for k in filled:
        cell = prev.cells[into[k]]  # type: ignore[index]
        cell.text += _joiner(cell.text, texts[k]) + texts[k]
    _drop_rows(grid, 1)


def _under(block: Block, gc: GridCell | None) -> int | None:
    """The index of the block's cell a grid cell stands under: the one its box overlaps most, by at least
    half the grid cell's width."""
    if gc is None:
        return None
    x0, x1 = gc.bbox[0], gc.bbox[2]
    best, most = None, 0.0
    for i, c in enumerate(block.cells):
        if c.covered or c.bbox is None:
            continue
        overlap = min(x1, c.bbox[2]) - max(x0, c.bbox[0])
        if overlap > most:
            best, most = i, overlap
    return best if most >= (x1 - x0) / 2 else None


def _drop_rows(grid: Grid, n: int) -> None:
    """Remove the first ``n`` rows of a grid; the rows below move up."""
    grid.cells = [c for c in grid.cells if c.row + c.rowspan > n]
    for c in grid.cells:
        if c.row < n:  # a merged cell reaching below the dropped rows keeps its lower part
            c.rowspan -= n - c.row
            c.row = n
        c.row -= n
    grid.nrows -= n
    grid.bbox = (grid.bbox[0], min((c.bbox[1] for c in grid.cells), default=grid.bbox[1]), grid.bbox[2], grid.bbox[3])


def _drop_repeated_header(blocks: list[Block], table: int, grid: Grid) -> None:
    """Word's "repeat header rows": the table's first rows again at the top of the next page."""
    first = [b for b in blocks if b.grid and b.table == table][: grid.nrows]
    slots = grid.slots()
    n = 0
    for block, row in zip(first, slots):
        texts = [gc.text if gc is not None and gc.row == n and gc.col == k else "" for k, gc in enumerate(row)]
        if _has_digit(block.cells) or texts != [c.text if not c.covered else "" for c in block.cells]:
            break
        n += 1
    if 0 < n < grid.nrows:
        _drop_rows(grid, n)


def set_spans(doc: Document) -> None:
    parts = []
    pos = 0
    for block in doc.blocks:
        first = True
        for c in block.cells:
            if c.covered:
                continue
            if not first:
                parts.append("\t")
                pos += 1
            c.span = (pos, pos + len(c.text))
            parts.append(c.text)
            pos += len(c.text)
            first = False
        parts.append("\n")
        pos += 1
    doc.text = "".join(parts)
