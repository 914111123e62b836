"""Where everything sits in the XLSX fill-in template: sheets, rows, and the address of each record cell.

The template's layout is data: the sheet of each section, the rows its heading, text and table take
(the table's rows come from the format through ``grid``). ``xlsx.build`` draws at these places and
``addresses`` names them (``表三 依申请公开!D9``) without making any workbook, so a finding can point at
the cell a clerk types into. No openpyxl here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

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


def _address(sheet: int, row: int, col: int, last: tuple[int, int] | None = None) -> str:
    ref = f"{column_letter(col)}{row}"
    if last is not None and last != (row, col):
        ref += f":{column_letter(last[1])}{last[0]}"
    return f"{SHEETS[sheet]}!{ref}"


@lru_cache(maxsize=4)
def addresses(fmt: str = "2021") -> dict[str, str]:
    """Record path → its address in the fill-in template of format ``fmt`` (``nianbao template``):
    every value cell (``表三 依申请公开!D9``), each row or group of them as a range
    (``requests.granted`` → ``表三 依申请公开!D9:J9``), the agency, each section's text and the date."""
    fmt = Format.get(fmt).id
    grids = template_grids(fmt)
    p = plan(grids)
    out: dict[str, str] = {"meta.agency": _address(0, TITLE_ROW, 1)}
    spans: dict[str, tuple[int, list[tuple[int, int]]]] = {}
    for sid, grid in grids.items():
        place = p.places[sid]
        assert place.table is not None
        for gc in grid.values():
            if gc.path is None:
                continue
            rc = (place.table + gc.row, gc.col + 1)
            out[gc.path] = _address(place.sheet, *rc)
            parts = gc.path.split(".")
            for n in range(1, len(parts)):
                spans.setdefault(".".join(parts[:n]), (place.sheet, []))[1].append(rc)
    for prefix, (sheet, cells) in spans.items():
        first = (min(r for r, _ in cells), min(c for _, c in cells))
        last = (max(r for r, _ in cells), max(c for _, c in cells))
        out.setdefault(prefix, _address(sheet, *first, last))
    for sid, place in p.places.items():
        out[f"sections.{sid}"] = _address(place.sheet, place.text, 1)
    out["meta.published"] = _address(4, p.signature_row + 1, SHEET_WIDTH[4] - 3)
    return out


def address(path: str, fmt: str | None = None) -> str | None:
    """The template address of a record path (``None`` for a path the template has no cell for)."""
    return addresses(fmt or "2021").get(path)
