"""A table row a stream-mode table tool cut into lines down its columns.

Asked by the decoder's stream and by 表四's reader, each over the blocks it reads: the answer is per block,
and which blocks stand next to each other depends on what the reader skipped.
"""

from __future__ import annotations

from ...ingest import Block
from ..values import read_value


def _filled_numbers(block: Block) -> set[int] | None:
    """The columns of a label-less row of numbers in explicit cells (a pipe table's or a CSV's row, its
    label cell empty or absent), None for any other block."""
    cells = [c for c in block.cells if not c.covered]
    if block.grid or len(cells) < 4:
        return None
    filled = set()
    for k, c in enumerate(cells):
        if c.text.strip():
            v = read_value(c)
            if v is None or v.value is None:
                return None
            filled.add(k)
    return filled or None


def stacked_rows(blocks: list[Block]) -> set[int]:
    """Blocks of a table row a stream-mode table tool cut into lines (camelot over a PDF whose cells wrap:
    「| | 3001 | 53 | 0 | 61 | 4 | 3119 |」 then 「| | | 0 | | | | |」): a row of numbers, then one with fewer
    numbers standing only in columns the first already fills. Which cell each number is then is not known
    (the row's order runs down a column, then across), so neither block's digits are read as cells."""
    out: set[int] = set()
    prev: tuple[Block, set[int]] | None = None
    for b in blocks:
        filled = _filled_numbers(b)
        if filled is not None and prev is not None and len(b.cells) == len(prev[0].cells) and filled < prev[1]:
            out.update((id(prev[0]), id(b)))
        prev = (b, filled) if filled is not None else None
    return out
