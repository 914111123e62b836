"""表二's first row with its numbers one a line above its label.

camelot stream over LibreOffice's PDFs writes a cell of three lines 「0 / 0 / 0」 (规章's three columns) as three
Markdown rows, or as one quoted CSV cell, above 「规章」; poppler's TSV gives each number a line of its own above
it too. After 表二's header no row stands before 规章, so numbers there are its own, and the text's rows
have their numbers above their labels: 行政处罚's 12 above it, 行政强制's 0 below it, read in order, gave
行政处罚 the 0. Then no row of 表二 is read by its label or in order.
"""

from __future__ import annotations

import re

from ...format import Format, core
from ...ingest import Block
from ..values import read_value

# the first row of 表二 in each format (规章 …) → its columns
_FIRSTS = {core(f.active[0].label): len(f.active[0].columns) for f in (Format.get("2021"), Format.get("2019"))}
# a character each of those labels holds: a line without it is none of them (no other character's NFKC form
# holds it: tests/test_outofstep_firstrow.py), and ``core`` of every line of prose is not asked for
_FIRST_CHARS = tuple({label[-1] for label in _FIRSTS})
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _numbers(b: Block) -> int | None:
    """How many numbers a line holds when it holds nothing else (blank cells aside; a cell of several lines,
    one number each, counts each); None when it holds words."""
    cells = [c for c in b.cells if not c.covered and c.text.strip()]
    if b.grid or not cells:
        return None
    n = 0
    for c in cells:
        lines = [t.strip() for t in c.text.split("\n") if t.strip()]
        if len(lines) > 1 and all(_NUMBER.fullmatch(t) for t in lines):
            n += len(lines)
        elif (v := read_value(c)) is not None and v.value is not None:
            n += 1
        else:
            return None
    return n


def numbers_above_first_row(blocks: list[Block]) -> bool:
    """Does 表二's first row label stand alone on its line with exactly its row's numbers on the lines just above
    it, and 表二's header (words, no number) above those?"""
    for i, b in enumerate(blocks):
        if b.grid or (cell := b.sole(uncovered=True)) is None or not any(ch in cell.text for ch in _FIRST_CHARS) \
                or (width := _FIRSTS.get(core(cell.text))) is None:
            continue
        j, count = i, 0
        while j > 0 and (n := _numbers(blocks[j - 1])) is not None:
            count, j = count + n, j - 1
        if j == i or j == 0 or count != width:
            continue
        head = [c for c in blocks[j - 1].cells if not c.covered and c.text.strip()]
        if head and not any(re.search(r"\d", c.text) for c in head):
            return True
    return False
