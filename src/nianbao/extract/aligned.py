"""Numbers of one row written on several lines by their vertical alignment.

inscriptis lays out a row of cells several lines high as the browser would: each cell's number on the
line its alignment puts it, 「0 0 0 … 0」 over 「4 4 4 … 4」 with the 4s in the gaps between the 0s. Reading
order is then line by line, not the cells' order, and no reading in order is the row.
"""

from __future__ import annotations


def interleaved(lines: dict[int, list[tuple[int, int]]]) -> bool:
    """``lines``: line number → the column spans [start, end) of the numbers on it. True when the numbers
    stand on several lines, none touches (within one column) a number of another line, and some number of
    a later line stands between two numbers of an earlier one. A row wrapped at the page's width starts
    again under its first numbers, and touches them (shares a column with one). A number just beside another's
    column is not under it: PyMuPDF (sort) sets the lines' characters by their x, 「0」 at column 25 above 「4」 at 26."""
    if len(lines) < 2:
        return False
    order = sorted(lines)
    between = False
    for n, ln in enumerate(order):
        others = [sp for m in order if m != ln for sp in lines[m]]
        for a, b in lines[ln]:
            if any(a < d and c < b for c, d in others):
                return False
            if n and any(min(c for c, _ in lines[m]) < a < max(c for c, _ in lines[m]) for m in order[:n]):
                between = True
    return between


def spans_of(text: str, offsets: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """The column spans by line of the character ranges [start, end) of ``text``."""
    out: dict[int, list[tuple[int, int]]] = {}
    for a, b in offsets:
        line_start = text.rfind("\n", 0, a) + 1
        out.setdefault(text.count("\n", 0, a), []).append((a - line_start, b - line_start))
    return out
