"""表三 rows a converter wrote away from the table: before its column header.

docling-rs reads a page's boxes in its own order. When 表三 runs over a page break, the last rows of a page
may come out at the top of that page's text, among 表二's cells, before 表三's header (huaian2024:
``… 合格率均 - 3 - 105 0 0 0 0 0 105 746 12 0 0 10 1 769 信息内容 …``), while the other rows stand in the
table's order after the header, their labels written apart. Nothing says where in the table the stray rows
belong, but the format says a great deal:

* the table's numbers, one per cell, cut into rows of seven that each add up (six applicant columns to
  总计), one or two rows short of the format's rows;
* exactly that many stray rows before the header, seven numbers with nothing but separators between them,
  each adding up;
* every place the stray rows may take (any slots, in any order; the table's own rows keep their order in
  the slots left) is tried against the column sums (outcome rows to （七）总计, 新收 + 结转 = 总计 + 结转下年度).

A cell gets a value when every placement that fits gives it the same one (new, carried, total and carried
forward are fixed by the sums; a column of zeros is zero wherever the rows go); the others stay null with
the alternatives listed (L-03). Values already read by another reading must agree, or nothing is used.
A table that writes its blank cells' marks (「-」) has lost no row: a row short of numbers is a blank one.
"""

from __future__ import annotations

from itertools import combinations, permutations

from ..format import T3_COLUMN_KEYS
from .decoder import (
    Run,
    Stream,
    _t3_constraints,
    _t3_rows,
    _whole_counts,
    runs_between,
)
from .detached import _region, _whole
from .fillruns import fill_runs
from .notes import note_rows
from .subtotal import sum_holds
from .tables import Found

_WIDTH = len(T3_COLUMN_KEYS)
MAX_STRAY = 2  # rows the table may have lost to the text before its header
_SECTION_2 = "主动公开政府信息情况"
_BEFORE = 3000  # characters before the header searched for stray rows when section 二's heading is lost


def _rows_of(runs: list[Run]) -> list[list[int]] | None:
    """The runs as rows of seven that each add up; None when they are not exactly that."""
    if not runs or len(runs) % _WIDTH or not all(_whole(r.digits) for r in runs):
        return None
    vals = [int(r.digits) for r in runs]
    rows = [vals[k:k + _WIDTH] for k in range(0, len(vals), _WIDTH)]
    return rows if all(sum(r[:-1]) == r[-1] for r in rows) else None


def _stray(stream: Stream, lo: int, hi: int) -> list[list[Run]]:
    """Rows of seven whole numbers with only separators between them, each adding up, in ``chars[lo:hi]``:
    of each stretch of numbers with no word between them, the rows that end it (what comes before them in
    the stretch, 表二's ``1 0 11 8 26 66`` with its words lost, is none)."""
    runs = _whole_counts(runs_between(stream, lo, hi))
    out: list[list[Run]] = []
    k = 0
    while k < len(runs):
        m = k + 1
        while m < len(runs) and not runs[m].gap:
            m += 1
        end = m
        rows: list[list[Run]] = []
        while end - _WIDTH >= k and _rows_of(runs[end - _WIDTH:end]) is not None:
            rows.insert(0, runs[end - _WIDTH:end])
            end -= _WIDTH
        out.extend(rows)
        k = m
    return out


def fill_stray_rows(found: Found, stream: Stream) -> None:
    chars = stream.chars
    region = _region(chars)
    if region is None:
        return
    lo, hi = region
    keys = [r.key for r in _t3_rows(chars, lo, hi)]
    own = _whole_counts(runs_between(stream, lo, hi))
    rows = _rows_of(own)
    if rows is None or not 1 <= len(keys) - len(rows) <= MAX_STRAY:
        return
    if any(r.blank for r in runs_between(stream, lo, hi, blanks=True)):
        # the table writes its blank cells (「-」): a row of marks is a blank row in its place, not one lost
        # before the header, and rows of zeros elsewhere (表四's 「数量 0 0 …」 a tool wrote first) would fill it
        return
    missing = len(keys) - len(rows)
    sec = chars.rfind(_SECTION_2, 0, lo)
    stray = _stray(stream, sec if sec >= 0 else max(0, lo - _BEFORE), lo)
    if len(stray) != missing:
        return
    table = [own[k:k + _WIDTH] for k in range(0, len(own), _WIDTH)]
    cons = _t3_constraints(keys)
    fits: list[list[list[Run]]] = []
    for slots in combinations(range(len(keys)), missing):
        for order in permutations(stray):
            placed: list[list[Run]] = []
            it = iter(table)
            extra = iter(order)
            for s in range(len(keys)):
                placed.append(next(extra) if s in slots else next(it))
            val = {f"requests.{k}.{c}": int(r.digits) for k, row in zip(keys, placed) for c, r in zip(T3_COLUMN_KEYS, row)}
            if all(sum_holds(con, val) for con in cons):
                fits.append(placed)
    if not fits:
        return
    got: dict[str, Run] = {}
    alts: dict[str, list[tuple[int, ...]]] = {}
    for n, key in enumerate(keys):
        readings = sorted({tuple(int(r.digits) for r in f[n]) for f in fits}, reverse=True)
        if len(readings) > 1:
            alts[key] = readings
        for c, col in enumerate(T3_COLUMN_KEYS):
            if len({f[n][c].digits for f in fits}) == 1:
                got[f"requests.{key}.{col}"] = fits[0][n][c]
    filled = fill_runs(found, stream, got)
    if filled is None:
        return  # another reading of the same characters disagrees: neither is trusted further
    note_rows(found, filled, {f"requests.{key}": ([f"requests.{key}.{c}" for c in T3_COLUMN_KEYS], readings)
                              for key, readings in alts.items()},
              f"表头之前另有 {missing} 行数字，放在表中哪一行不止一种读法")


__all__ = ["fill_stray_rows"]
