"""Ruled table grids from line segments, for PDF pages and deskewed scans alike.

Segments come from PDF path objects (``pdf.py``) or from the ruling lines OpenCV finds on a scan
(``ocr.py``), in page points with the origin at the top left. pdfplumber's lattice functions turn
them into cells (the smallest rectangles closed by lines, so a merged cell stays one cell); we lay
those cells on the grid of all their edges to get rows, columns and spans.
"""

from __future__ import annotations

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from ..format.numbers import BLANK_MARK_CHARS
from .geometry import Glyph, Grid, GridCell
from .layout import Page, cell_text, group_lines

# A horizontal segment is ("h", x0, x1, y); a vertical one ("v", y0, y1, x).
Segment = tuple[str, float, float, float]


def _edges(segments: list[Segment], min_len: float) -> list[dict]:
    out = []
    for kind, a, b, pos in segments:
        a, b = min(a, b), max(a, b)
        if b - a < min_len:
            continue
        if kind == "h":
            out.append({"x0": a, "x1": b, "top": pos, "bottom": pos, "width": b - a, "height": 0, "orientation": "h"})
        else:
            out.append({"x0": pos, "x1": pos, "top": a, "bottom": b, "width": 0, "height": b - a, "orientation": "v"})
    return out


def _snap(edges: list[dict], tol: float) -> list[dict]:
    """Move the pieces of one ruling line onto one position (a line drawn twice, or cell by cell a fraction of a
    point apart), so that they join. Two pieces are of one line when they lie within ``tol`` of each other across it
    and run on from each other along it (overlap, or a gap of at most ``tol``); a line is such pieces linked. Not,
    as pdfplumber's snap does, every line of the page within a chain of ``tol`` steps: there a table's rule 6 pt
    from the next table's, with a third table's rule between them further down the page, all moved to their mean,
    and a cell's bound with them (Chromium's 「19」 read 「1」 in the cell left of it and 「9」 in its own)."""
    out = []
    for kind, pos, lo, hi in (("v", "x0", "top", "bottom"), ("h", "top", "x0", "x1")):
        for run in _runs(sorted((e for e in edges if e["orientation"] == kind), key=lambda e: e[pos]), pos, tol):
            for line in _linked(run, pos, lo, hi, tol):
                mean = sum(e[pos] for e in line) / len(line)
                for e in line:
                    if kind == "v":
                        out.append({**e, "x0": mean, "x1": mean})
                    else:
                        out.append({**e, "top": mean, "bottom": mean})
    return out


def _runs(edges: list[dict], pos: str, tol: float) -> list[list[dict]]:
    """Edges sorted by ``pos`` in runs of steps of at most ``tol`` (no line reaches from one run to another)."""
    runs: list[list[dict]] = []
    for e in edges:
        if runs and e[pos] - runs[-1][-1][pos] <= tol:
            runs[-1].append(e)
        else:
            runs.append([e])
    return runs


def _linked(edges: list[dict], pos: str, lo: str, hi: str, tol: float) -> list[list[dict]]:
    """The edges in groups of pieces linked as one line (see ``_snap``)."""
    edges = sorted(edges, key=lambda e: e[lo])
    root = list(range(len(edges)))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i, a in enumerate(edges):
        j = i + 1
        while j < len(edges) and edges[j][lo] <= a[hi] + tol:  # (sorted by where they start: the rest start later)
            if abs(a[pos] - edges[j][pos]) <= tol:
                root[find(j)] = find(i)
            j += 1
    groups: dict[int, list[dict]] = {}
    for i, e in enumerate(edges):
        groups.setdefault(find(i), []).append(e)
    return list(groups.values())


def _axis(values: list[float], tol: float) -> list[float]:
    """Cluster coordinates closer than ``tol``; return the cluster means, sorted."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def _index(axis: list[float], v: float) -> int:
    return min(range(len(axis)), key=lambda i: abs(axis[i] - v))


def find_grids(segments: list[Segment], tol: float = 3.0, min_len: float = 3.0) -> list[Grid]:
    """Tables of at least two rows and two columns closed by ruling lines, and single rows of at least
    ``ROW_COLUMNS`` columns (a table's row a page break left alone on a page). A row the page break cut open
    (its column rules run on past the table's last or first line, and end there together) is closed."""
    edges = _edges(segments, min_len)
    if len(edges) < 4 or len(edges) > 4000:  # no table, or a drawing: not a ruled grid
        return []
    edges = merge_edges(_snap(edges, tol), 0, 0, tol, tol)  # (snapped here: pdfplumber's snap chains page-wide)
    edges = [e for e in edges if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= min_len]
    edges += _open_row_lines(edges, tol)
    points = edges_to_intersections(edges, tol, tol)
    if len(points) > 6000:
        return []
    grids = []
    for rects in cells_to_tables(intersections_to_cells(points)):
        xs = _axis([v for r in rects for v in (r[0], r[2])], tol)
        ys = _axis([v for r in rects for v in (r[1], r[3])], tol)
        if len(xs) < 3 or len(ys) < 2 or (len(ys) == 2 and len(xs) < ROW_COLUMNS + 1):
            continue
        cells = []
        for x0, top, x1, bottom in rects:
            c0, c1, r0, r1 = _index(xs, x0), _index(xs, x1), _index(ys, top), _index(ys, bottom)
            if c1 <= c0 or r1 <= r0:
                continue
            cells.append(GridCell((x0, top, x1, bottom), r0, c0, r1 - r0, c1 - c0))
        bbox = (xs[0], ys[0], xs[-1], ys[-1])
        grids.append(Grid(bbox, _dedupe(cells), len(ys) - 1, len(xs) - 1))
    return grids


ROW_COLUMNS = 5  # a lone ruled row of this many columns is a table's row (表三's has 8, 表四's 15; a framed title, a note or
# a lone 表二 row of four has fewer: read as text, as before)
_OPEN_ROW = 6.0  # points column rules must run on past a table's line to hold a row (a line of text)


def _open_row_lines(edges: list[dict], tol: float) -> list[dict]:
    """The missing line of a row a page break cut open: Chromium prints a table's row that does not fit as far
    as the page's end with its column rules and no line under it (the rest of its cells tops the next page, with
    no line over it). Where three or more column rules run on together past every row line they cross and end
    at one height, a line there closes the row, from the first of those rules to the last."""
    rows = [e for e in edges if e["orientation"] == "h"]
    cols = [e for e in edges if e["orientation"] == "v"]
    out = []
    for end, beyond in (("bottom", 1), ("top", -1)):
        ends: dict[float, list[dict]] = {}
        for v in cols:
            y = v[end]
            key = next((k for k in ends if abs(k - y) <= tol), y)
            ends.setdefault(key, []).append(v)
        for y, group in ends.items():
            if len(group) < 3:
                continue
            x0, x1 = min(v["x0"] for v in group), max(v["x0"] for v in group)
            across = [h["top"] for h in rows if h["x0"] < x1 - tol and h["x1"] > x0 + tol]  # lines among them
            if any(abs(c - y) <= tol for c in across):
                continue  # a line (or a piece of one) where they end: nothing open
            crossing = [c for c in across if all(v["top"] - tol <= c <= v["bottom"] + tol for v in group)]
            if not crossing:
                continue
            last = max(crossing) if beyond > 0 else min(crossing)
            if (y - last) * beyond < _OPEN_ROW:
                continue
            out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0, "orientation": "h"})
    return out


def _dedupe(cells: list[GridCell]) -> list[GridCell]:
    """Keep the first cell claiming each slot (overlaps come from doubled lines)."""
    taken: set[tuple[int, int]] = set()
    out = []
    for c in sorted(cells, key=lambda c: (c.row, c.col)):
        slots = {(r, k) for r in range(c.row, c.row + c.rowspan) for k in range(c.col, c.col + c.colspan)}
        if slots & taken:
            continue
        taken |= slots
        out.append(c)
    return out


def fill(grid: Grid, glyphs: list[Glyph]) -> list[Glyph]:
    """Put each glyph into the cell holding its centre; return the glyphs outside the grid."""
    x0, top, x1, bottom = grid.bbox
    rest = []
    lost = []
    cells = sorted(grid.cells, key=lambda c: (c.bbox[1], c.bbox[0]))
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            rest.append(g)
            continue
        for c in cells:
            b = c.bbox
            if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                c.glyphs.append(g)
                break
        else:
            lost.append(g)
    if lost:
        _unruled_cells(grid, lost)
    for c in grid.cells:
        c.text = cell_text(c.glyphs)
    return rest


def _unruled_cells(grid: Grid, glyphs: list[Glyph]) -> None:
    """Glyphs inside the grid in no cell: a cell whose ruling lines are not all drawn (LibreOffice's PDF of a web
    page leaves out the bottom line of 行政事业性收费's amount cell: 「32.2」 was dropped). Where a glyph stands in
    a row's run of slots no cell covers, that run of the row becomes a cell. A gap several rows high (a label
    column whose lines between rows were left out: 「一、本年新收政府信息公开申请数量」 and 「二、上年结转…」 were dropped
    with the header's note beside them, and the rows' numbers read as other rows', s05087) is cut at the rows
    the other columns rule, each row's words that row's, when every row of it has some. A gap with rows of no
    text is a merged cell whose lines are not drawn (「三、本年度办理」/「结果」 over many rows), and a gap with digits
    may hold numbers wrapped over its rows (「12」 over 「3」): which rows its text stands for is not known, and it is
    dropped, as are glyphs on a ruling line between cells (a stray mark)."""
    xs: dict[int, float] = {}
    ys: dict[int, float] = {}
    for c in grid.cells:
        xs[c.col], xs[c.col + c.colspan] = c.bbox[0], c.bbox[2]
        ys[c.row], ys[c.row + c.rowspan] = c.bbox[1], c.bbox[3]
    if len(xs) != grid.ncols + 1 or len(ys) != grid.nrows + 1:
        return
    slots = grid.slots()
    placed: dict[tuple[int, int, int], list[Glyph]] = {}  # (row, first slot, last slot) -> its glyphs
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        r = next((i for i in range(grid.nrows) if ys[i] < cy < ys[i + 1]), None)
        k = next((i for i in range(grid.ncols) if xs[i] < cx < xs[i + 1]), None)
        if r is None or k is None or slots[r][k] is not None:
            continue
        a, b = k, k
        while a > 0 and slots[r][a - 1] is None:
            a -= 1
        while b + 1 < grid.ncols and slots[r][b + 1] is None:
            b += 1
        placed.setdefault((r, a, b), []).append(g)
    made: list[GridCell] = []
    for (r, a, b), gs in placed.items():
        # the rows the gap spans above and below this one, in these slots
        top, bottom = r, r
        while top > 0 and any(slots[top - 1][i] is None for i in range(a, b + 1)):
            top -= 1
        while bottom + 1 < grid.nrows and any(slots[bottom + 1][i] is None for i in range(a, b + 1)):
            bottom += 1
        near = {(x, a2): gs2 for (x, a2, b2), gs2 in placed.items() if top <= x <= bottom and a2 <= b and b2 >= a}
        if top < bottom and (len({x for x, _ in near}) < bottom + 1 - top
                             or any(g.text.isdigit() or g.text in BLANK_MARK_CHARS for gs2 in near.values() for g in gs2)):
            # some of its rows without text: a merged cell whose lines are not drawn, its rows unknown; or a cell's
            # digits or blank mark (「12」 over 「3」: two cells or 123 wrapped; a 「-」 of the cell beside the label,
            # its line not drawn either, would join the label and leave the row a cell short, s04511)
            continue
        cell = GridCell((xs[a], ys[r], xs[b + 1], ys[r + 1]), r, a, 1, b + 1 - a)
        cell.glyphs.extend(gs)
        made.append(cell)
    grid.cells.extend(made)


def useful(grid: Grid) -> bool:
    """A real table: text in at least two columns (a framed paragraph is a one-column grid)."""
    cols = {c.col for c in grid.cells if c.text.strip()}
    return len(cols) >= 2


def layout_page(number: int, w: float, h: float, glyphs: list[Glyph], segments: list[Segment],
                tol: float = 3.0) -> Page:
    """A page: its ruled tables filled with their glyphs, the other glyphs grouped into lines."""
    page = Page(number, w, h)
    cut = [g for g in glyphs if _past_edge(g, w)]  # (kept in the text: a line's number runs on past the side)
    rest = glyphs
    for grid in find_grids(segments, tol=tol):
        rest = fill(grid, rest)
        if cut:
            outside = {id(g) for g in rest}
            _clear_cut_cells(grid, [g for g in cut if id(g) in outside], w, tol)
        if useful(grid):
            page.grids.append(grid)
        else:  # a framed paragraph: give its text back
            rest += [g for c in grid.cells for g in c.glyphs]
    page.lines = group_lines(rest)
    return page


_EDGE = 1.0  # points a glyph's box may reach past the page's side before it is cut by it


def _past_edge(g: Glyph, w: float) -> bool:
    """A glyph drawn across or beyond the left or right side of the page: not (all) shown."""
    return g.x1 > w + _EDGE or g.x0 < -_EDGE


def _clear_cut_cells(grid: Grid, cut: list[Glyph], w: float, tol: float) -> None:
    """A table wider than the page (LibreOffice's PDF of a web page whose table is wider than A4), its side
    ruled at the page's: a cell at that side whose text runs over it lost what lies past the grid (``cut``,
    glyphs across the side left outside the grid: 「19」 read 1, its 「9」 on the page's side). Such a cell is
    left blank (null), never read as the part inside."""
    for c in grid.cells:
        x0, top, x1, bottom = c.bbox
        right, left = x1 >= w - tol, x0 <= tol
        if any(top <= (g.top + g.bottom) / 2 <= bottom and ((right and g.x1 > w + _EDGE) or (left and g.x0 < -_EDGE))
               for g in cut):
            c.glyphs = []
            c.text = ""
            c.cut = True  # extract says it could not be read (L-03), so no rule calls it blank
