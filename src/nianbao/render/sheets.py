"""Where everything sits in the XLSX fill-in template: sheets, rows, and the address of each record cell.

The template's layout is data: the sheet of each section, the rows its heading, text and table take
(the table's rows come from the format through ``grid``). ``xlsx.build`` draws at these places and
``addresses`` names them (``表三 依申请公开!D9``) without making any workbook, so a finding can point at
the cell a clerk types into. No openpyxl here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ..format import Format
from .grid import Grid, active_grid, appeals_grid, requests_grid

SHEETS = ("封面及一、总体情况", "表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "五、六及落款")
SECTION_SHEET = {"s1_overview": 0, "s2_active": 1, "s3_requests": 2, "s4_appeals": 3, "s5_problems": 4, "s6_other": 4}
SHEET_WIDTH = {0: 10, 1: 4, 2: 10, 3: 15, 4: 10}  # columns a sheet's merged text cells span
TITLE_ROW, OPENING_ROW = 1, 2  # on the first sheet: A1 the agency, B1 the title; the opening below


@dataclass(frozen=True)
class Place:
    """A section's rows on its sheet (1-based): heading, text, and its table's top row (None without one)."""

    sheet: int
    heading: int
    text: int
    table: int | None


@dataclass(frozen=True)
class Plan:
    places: dict[str, Place]  # by section id
    end: dict[int, int]  # first free row of each sheet after the sections (the check blocks sit below tables)

    @property
    def signature_row(self) -> int:
        """The signer's row on the last sheet; the date below it."""
        return self.end[4] + 1


def column_letter(col: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def plan(grids: dict[str, Grid]) -> Plan:
    """The rows each section takes, given the tables drawn (by section id)."""
    rows = {i: OPENING_ROW + 1 if i == 0 else 1 for i in SHEET_WIDTH}
    places = {}
    for sec in Format.SECTIONS:
        i = SECTION_SHEET[sec.id]
        heading = rows[i]
        rows[i] += 3
        top = None
        if sec.id in grids:
            top = rows[i]
            rows[i] += grids[sec.id].rows + 1
        places[sec.id] = Place(i, heading, heading + 1, top)
    return Plan(places, rows)


def template_grids(fmt: str) -> dict[str, Grid]:
    """The blank tables of the template of format ``fmt`` by section id."""
    return {"s2_active": active_grid(fmt), "s3_requests": requests_grid(fmt), "s4_appeals": appeals_grid()}


def _ref(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"


def _area(sheet: int, cells: list[tuple[int, int]], whole: bool = False) -> str:
    """The address of some cells of one sheet: one cell (``J7``), a rectangle they fill (``D9:J9``), else
    each column's runs of rows (``C6:C7,C10``); ``whole`` gives the bounding range (a whole table)."""
    rows, cols = [r for r, _ in cells], [c for _, c in cells]
    first, last = (min(rows), min(cols)), (max(rows), max(cols))
    area = (last[0] - first[0] + 1) * (last[1] - first[1] + 1)
    if whole or area == len(set(cells)):
        ref = _ref(*first) + ("" if first == last else ":" + _ref(*last))
        return f"{SHEETS[sheet]}!{ref}"
    by_row: dict[int, set[int]] = {}
    for r, c in cells:
        by_row.setdefault(r, set()).add(c)
    spans = {(min(cs), max(cs)) for cs in by_row.values() if len(cs) == max(cs) - min(cs) + 1}
    if len(spans) == 1 and len(by_row) > 1 and min(spans)[1] > min(spans)[0] and all(len(cs) == max(cs) - min(cs) + 1 for cs in by_row.values()):
        # whole rows of a table, some left out (a finding on 23 of 表三's rows): the bands of rows they fill
        (c0, c1), = spans
        bands: list[list[int]] = []
        for r in sorted(by_row):
            if bands and bands[-1][-1] == r - 1:
                bands[-1].append(r)
            else:
                bands.append([r])
        return f"{SHEETS[sheet]}!" + ",".join(_ref(b[0], c0) + ":" + _ref(b[-1], c1) for b in bands)
    runs: list[list[tuple[int, int]]] = []
    for r, c in sorted(set(cells), key=lambda rc: (rc[1], rc[0])):
        if runs and runs[-1][-1] == (r - 1, c):
            runs[-1].append((r, c))
        else:
            runs.append([(r, c)])
    refs = [_ref(*run[0]) + ("" if len(run) == 1 else ":" + _ref(*run[-1])) for run in runs]
    return f"{SHEETS[sheet]}!{','.join(refs)}"


@lru_cache(maxsize=2)
def _cells(fmt: str) -> dict[str, tuple[int, int, int]]:
    """Each value cell of the template of ``fmt``: path → (sheet, row, column), 1-based."""
    grids = template_grids(fmt)
    p = plan(grids)
    out = {}
    for sid, grid in grids.items():
        place = p.places[sid]
        assert place.table is not None
        for gc in grid.values():
            if gc.path is not None:
                out[gc.path] = (place.sheet, place.table + gc.row, gc.col + 1)
    return out


@lru_cache(maxsize=2)
def _inner(fmt: str) -> dict[str, list[tuple[int, int, int]]]:
    """Each row and table path of the template of ``fmt`` → its value cells (sheet, row, column)."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for path, where in _cells(fmt).items():
        parts = path.split(".")
        for i in range(1, len(parts)):
            out.setdefault(".".join(parts[:i]), []).append(where)
    return out


def addresses(fmt: str | None = "2021") -> Mapping[str, str]:
    """Record path → its address in the fill-in template of format ``fmt`` (``nianbao template``; a
    format id the template does not have is read as ``Format.get`` reads it): every value cell
    (``表三 依申请公开!D9``), each row or group of them as a range (``requests.granted`` →
    ``表三 依申请公开!D9:J9``; a whole table as its range), the agency, each section's text and the date."""
    return MappingProxyType(_addresses(Format.get(fmt).id))


@lru_cache(maxsize=2)
def _addresses(fmt: str) -> dict[str, str]:
    cells = _cells(fmt)
    out: dict[str, str] = {"meta.agency": _area(0, [(TITLE_ROW, 1)])}
    groups: dict[str, tuple[int, list[tuple[int, int]]]] = {}
    for path, (sheet, row, col) in cells.items():
        out[path] = _area(sheet, [(row, col)])
        parts = path.split(".")
        for n in range(1, len(parts)):
            groups.setdefault(".".join(parts[:n]), (sheet, []))[1].append((row, col))
    for prefix, (sheet, where) in groups.items():
        out.setdefault(prefix, _area(sheet, where, whole="." not in prefix))
    p = plan(template_grids(fmt))
    for sid, place in p.places.items():
        out[f"sections.{sid}"] = _area(place.sheet, [(place.text, 1)])
    out["meta.published"] = _area(4, [(p.signature_row + 1, SHEET_WIDTH[4] - 3)])
    return out


def address(path: str, fmt: str | None = None) -> str | None:
    """The template address of a record path (``None`` for a path the template has no cell for); a
    path with ``*`` for a row or column (``active.*.repealed``, 表二's 本年废止 column) names every cell
    it matches."""
    fid = Format.get(fmt).id
    if "*" not in path:
        return _addresses(fid).get(path)
    want = path.split(".")
    found = [(sheet, (r, c)) for p, (sheet, r, c) in _cells(fid).items()
             if len(p.split(".")) == len(want) and all(w in ("*", x) for w, x in zip(want, p.split(".")))]
    if not found or len({sheet for sheet, _ in found}) != 1:
        return None
    return _area(found[0][0], [rc for _, rc in found])


def cells_address(paths: str | list[str], fmt: str | None = None) -> str | None:
    """Where the cells a finding names are in the template, as short as it can be said: the value cells
    of one sheet together (``表四 复议诉讼!A7:E7`` for the five cells of a row; ``D7,J7`` for two apart),
    other paths by their own address, joined by ；. ``None`` when the template has none of them; a single
    path is ``address``."""
    if isinstance(paths, str):
        return address(paths, fmt)
    fid = Format.get(fmt).id
    cells = _cells(fid)
    parts: dict[str | int, list[tuple[int, int]]] = {}  # a sheet's value cells, or a path's own address
    for p in paths:
        if p in cells:
            sheet, r, c = cells[p]
            parts.setdefault(sheet, []).append((r, c))
        elif inner := _inner(fid).get(p):  # a row or a table: its value cells, told with the others
            for sheet, r, c in inner:
                parts.setdefault(sheet, []).append((r, c))
        else:
            own = address(p, fid)
            if own:
                parts.setdefault(own, [])
    return "；".join(_area(k, v) if isinstance(k, int) else k for k, v in parts.items()) or None
