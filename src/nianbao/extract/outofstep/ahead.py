"""表三's numbers ahead of their labels: a row's numbers on the line of another row's label.

Ghostscript's txtwrite over LibreOffice's PDF of a DOCX: the numbers of a row stand in the middle of its cell's
height, so a row whose label wraps has its numbers on the label's second line, and a row after a wrapped one
may have its numbers on the line of the next row's label (「8.属于行政查询事项 3 0 0 0 0 0 3」 where 3 is
「1.本机关不掌握…」's). Some labels hold no line of numbers (「1.属于国家秘密」), a wrapped one holds two (
「2.其他法律行政法规禁止公 0…」 / 「开 0…」), the last rows are shifted (（七）总计's line holds 结转下年度's
numbers). Read by label, and decoded by the same labels, rows take other rows' numbers; their own sums may hold.

The sign that a text is so: from 表三's first row to its last, a row's label holding two full lines of
numbers while another row's label holds none, and as many full lines as the format has rows. As rows come in
the format's order, the lines in order are the rows'. Which reading is right the column sums say, as for
numbers behind their labels (``lagging``): the reading as it stands is kept when every sum across the rows
where the two differ holds; the reading in order is named when every sum holds for it and not for the other;
else those rows are left null. Without the sign nothing is looked at here: a report whose printed numbers do
not add up is read as printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...format import Format, match_label
from ...ingest import Block, Cell
from .lagging import holds, split_line


@dataclass(frozen=True)
class Ahead:
    """表三's lines of numbers in order, one per row of the format, and the rows' labels out of step."""

    rows: tuple[str, ...]  # the format's rows, in order
    lines: tuple[tuple[int | float, ...], ...]  # each row's line of numbers, read in the format's order
    cells: tuple[Cell, ...]  # each line's cell (where a value read in order stands)


def _rising(marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (line, row index) marks whose row indexes rise with the lines: a label matched out of
    its place (「情形，不计其他情形）」 read as 3.其他) is no row's start."""
    best: list[list[tuple[int, int]]] = []
    for m in marks:
        prev = max((b for b in best if b[-1][1] < m[1]), key=len, default=[])
        best.append([*prev, m])
    return max(best, key=len, default=[])


def ahead_rows(blocks: list[Block], fid: str) -> Ahead | None:
    """表三 (format ``fid``) read with some row's label holding two lines of numbers and another none, and a
    full line of numbers for each of its rows: the lines in order, else None."""
    rows = Format.get(fid).t3_rows
    width = len(Format.T3_COLUMN_KEYS)
    index = {r.key: i for i, r in enumerate(rows)}
    start = next((i for i, b in enumerate(blocks)
                  if (lab := match_label(split_line(b)[0], rows)[0]) is not None and lab is rows[0]), None)
    if start is None:
        return None
    marks: list[tuple[int, int]] = []
    numbered: list[tuple[int, list[str]]] = []
    end = None
    for i in range(start, min(len(blocks), start + 40 * len(rows))):
        words, numbers = split_line(blocks[i])
        if end is not None and (words or not numbers):
            break
        if numbers:
            if len(numbers) != width:
                return None  # a row's numbers cut or run together: not this kind of text
            numbered.append((i, numbers))
        lab = match_label(words, rows)[0] if words else None
        if lab is not None and end is None:
            marks.append((i, index[lab.key]))
            if lab is rows[-1]:
                end = i
    if end is None or len(numbered) != len(rows):
        return None
    starts = _rising(marks)
    if len(starts) < 2:
        return None
    held = [sum(1 for i, _ in numbered if a <= i < (starts[k + 1][0] if k + 1 < len(starts) else len(blocks)))
            for k, (a, _) in enumerate(starts)]
    if not (any(h >= 2 for h in held) and any(h == 0 for h in held)):
        return None
    return Ahead(tuple(r.key for r in rows),
                 tuple(tuple(float(t) if "." in t else int(t) for t in ln) for _, ln in numbered),
                 tuple(blocks[i].cells[0] for i, _ in numbered))


def settle_ahead(ahead: Ahead, read: dict[str, int | float | None], fid: str
                 ) -> dict[str, int | float | None] | None:
    """What the rows read differently by label and in order read (cell path → value, None for null), or None
    when the reading stands: it stands when every sum those rows are in holds; else the reading in order when
    every one of those sums holds for it; else every cell of those rows null."""
    cols = Format.T3_COLUMN_KEYS
    in_order = {f"requests.{r}.{c}": v for r, ln in zip(ahead.rows, ahead.lines) for c, v in zip(cols, ln)}
    differ = {p.split(".")[1] for p, v in in_order.items() if read.get(p) != v}
    if not differ or holds(read, fid, differ):
        return None
    if holds({**read, **in_order}, fid, differ):
        return {p: v for p, v in in_order.items() if p.split(".")[1] in differ}
    return {f"requests.{r}.{c}": None for r in ahead.rows if r in differ for c in cols}
