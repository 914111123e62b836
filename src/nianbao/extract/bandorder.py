"""表三 read whole in band order: the table's numbers written column after column, one band of rows at a time.

pdftotext's default mode over Chromium's PDF of a table whose rows differ in height (a label wrapped over two or
three lines makes its row tall) writes a text block for each column of each stretch of short rows, one number a
line, a blank line between blocks: 「0」/「131」/「0」/… fifteen lines for 商业企业 from 1.属于国家秘密 to
4.无正当理由大量反复申请, then 科研机构's fifteen, and so on; a tall row's cells each a block of one line; the first
rows, whose cells share a line, row after row; the 自然人 column, which stands beside the labels, among the labels'
lines. The row reader, which anchors each row on its label, reads nothing of it.

The order is still the table's, band by band: a block's numbers go down one column (or, where its lines hold
several numbers, down as many columns side by side, or row after row where its lines differ in length), and the
blocks go across the columns, left to right, then to the band below. So each block is placed where the table is
filled least far, in its leftmost column (after a row's label: in the first column, beside the labels; after a
piece of the header, such as 「法律服」/「务机构」 over its column: where the table is filled least far), when the
columns to its left are filled over its rows; a block of equal lines is read down its columns or row after row, a
block of unequal lines row after row over every column or over a group of them (the first rows' 「74 51 58 37」/「0」
…, four columns under one piece of the header). A tall row's last cell may come after the band below it (six
blocks of 「0」, fourteen rows of each column, then the seventh 「0」): a block may start at the top of the block to
its left, leaving one cell above it for later (``_Reader``). Columns written out of order (商业企业's block after
总计's) are not placed: such a table stays null.

A reading is kept only when every number of the table is placed, each cell once, and every sum of the table holds:
each row's, the outcome rows' to （七）总计, and the 勾稽关系. Cells get values only when every kept reading gives
the same table. As the format-order reader (``formatorder``), it reads only texts with exactly as many numbers as
the table has cells, no blank cell's mark and no count's 件 apart from its digits, and fills only null cells that
no other reading contradicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..format import T3_COLUMN_KEYS, Format
from .decoder import Piece, Run, Stream, piece_cell
from .formatorder import all_read, fill_cells, table_runs, table_sums, words_between
from .subtotal import SUBTOTAL, row_holds, subtotal_at, with_subtotal
from .tables import Found

# the characters of 表三's header: words of only these before a block are a piece of the header, not a row's label
_HEADER_CHARS = frozenset("".join((Format.T3_APPLICANTS, Format.T3_LEGAL_PERSONS, *(c.label for c in Format.T3_COLUMNS))))
# words that start a piece of the header (no row's label holds them): after them, the header runs to the block
_HEADER_STARTS = (Format.T3_APPLICANTS, Format.T3_LEGAL_PERSONS, Format.T3_COLUMNS[0].label[:2],
                  *Format.T3_ORG_HEADER_FRAGMENTS)
NODES = 5_000  # steps of one search (real pages read within 800): past that, no reading (a degraded page stays cheap)


@dataclass(frozen=True)
class _Block:
    """Runs ``first``..``first + sum(lines)`` of the table, on consecutive lines with no blank line or words
    between: ``lines`` is how many numbers each line holds; ``labelled``: a row's label right before it (words
    other than the header's)."""

    first: int
    lines: tuple[int, ...]
    labelled: bool

    @property
    def equal(self) -> bool:
        return len(set(self.lines)) == 1


class _Budget(Exception):
    """The search ran past ``NODES``."""


def blocks_of(stream: Stream, runs: list[Run], start: int) -> list[_Block] | None:
    """The runs as blocks: a line break with no words and no blank line between keeps a block, anything else
    ends it. None when a run's line is not known (a text with no lines: nothing to read by)."""
    lines = []
    for r in runs:
        line = piece_cell(stream, r.start, r.end).line
        if line is None:
            return None
        lines.append(line)
    chars = stream.chars
    out: list[_Block] = []
    first, counts, labelled = 0, [1], _label(chars[start:runs[0].start])
    for i in range(1, len(runs)):
        between = chars[runs[i - 1].end:runs[i].start]
        worded = words_between(between)
        if not worded and lines[i] == lines[i - 1]:
            counts[-1] += 1
        elif not worded and lines[i] == lines[i - 1] + 1:
            counts.append(1)
        else:
            out.append(_Block(first, tuple(counts), labelled))
            first, counts, labelled = i, [1], _label(between)
    out.append(_Block(first, tuple(counts), labelled))
    return out


def _label(between: str) -> bool:
    """A row's label ends ``between``: words, not a piece of the header (words of only its characters, or one of
    its words' starts, after which the header runs to the block: a page's labels written before its header)."""
    words = [ch for ch in between if words_between(ch)]
    return bool(words) and not set(words) <= _HEADER_CHARS and not any(m in between for m in _HEADER_STARTS)


class _Reader:
    """Every placing of the blocks in band order (module docstring) under which each row's sum holds as the row
    is filled and the table is filled exactly: each as the run index of every cell, row by row."""

    def __init__(self, blocks: list[_Block], cells: list[int], rows: int, cols: tuple[str, ...]) -> None:
        self.blocks, self.cells, self.rows, self.cols, self.width = blocks, cells, rows, cols, len(cols)
        self.nodes = 0
        self.found: list[tuple[int, ...]] = []
        # states already searched: the same block reached with the same values in the same cells (zeros changed
        # for zeros) has the same placings after it
        self.seen: set[tuple] = set()

    def run(self) -> list[tuple[int, ...]]:
        self._go(0, {}, (None,) * self.width)
        return self.found

    def _front(self, grid: dict[tuple[int, int], int], c: int, r: int = 0) -> int:
        """The first row from ``r`` down whose cell of column ``c`` is not filled."""
        while (r, c) in grid:
            r += 1
        return r

    def _go(self, b: int, grid: dict[tuple[int, int], int], tops: tuple[int | None, ...]) -> None:
        state = (b, tops, frozenset((at, self.cells[i]) for at, i in grid.items()))
        if state in self.seen:
            return
        self.seen.add(state)
        self.nodes += 1
        if self.nodes > NODES:
            raise _Budget
        if b == len(self.blocks):
            if len(grid) == self.rows * self.width:
                self.found.append(tuple(grid[r, c] for r in range(self.rows) for c in range(self.width)))
            return
        block = self.blocks[b]
        front = tuple(self._front(grid, c) for c in range(self.width))
        least = min(front)
        # where the table is filled least far, or a row further (a tall row's last cell left for later); a block
        # after a row's label is beside the labels, in the first column (a label's words run on over the lines the
        # columns beside it fill: 「（二）部分公开（…，」/「0」/「果」)
        lows = [front.index(least)]
        if front.count(least) == 1 and front[-1] == least and least + 1 in front:
            lows.append(front.index(least + 1))  # (only the last column's cell of that row left)
        if b and self.blocks[b - 1].labelled and not block.labelled and 0 not in lows:
            lows.append(0)  # (the first column's numbers among the labels: a blank line may part one from its label)
        for col in (0,) if block.labelled else lows:
            for placed, top in (*self._down(block, col, front, grid, tops), *self._across(block, col, front, grid)):
                if placed is None:
                    continue
                new = dict(grid)
                new.update(placed)
                if self._rows_hold(new, placed):
                    cols = {c for _, c in placed}
                    self._go(b + 1, new, tuple(top if c in cols else t for c, t in enumerate(tops)))

    def _tops(self, n: int, col: int, w: int, front: tuple[int, ...], grid: dict[tuple[int, int], int],
              tops: tuple[int | None, ...]) -> list[int]:
        """Rows where ``n`` rows of columns ``col``..``col + w`` may start: where ``col`` is filled to, or at the top
        of the block before it in the column to its left (a tall row's last cells written after the band below
        it: 「0」×6, fourteen rows of each column, then the seventh 「0」), leaving one cell above them in a column
        for a later block. The column to its left is filled over those rows first."""
        if col + w > self.width:
            return []
        out = []
        for top in dict.fromkeys((front[col], *((tops[col - 1],) if col and tops[col - 1] is not None else ()))):
            if top + n > self.rows or top < front[col]:
                continue
            if any((top + i, c) in grid for c in range(col, col + w) for i in range(n)):
                continue
            if any(sum((r, c) not in grid for r in range(top)) > 1 for c in range(col, col + w)):
                continue  # (one cell left for later in a column, not more)
            if col and any((top + i, col - 1) not in grid for i in range(n)):
                continue  # (the columns to its left are written first)
            out.append(top)
        return out

    def _down(self, block: _Block, col: int, front: tuple[int, ...], grid: dict[tuple[int, int], int],
              tops: tuple[int | None, ...]) -> list[tuple[dict[tuple[int, int], int] | None, int | None]]:
        """The block's lines as rows of columns side by side, from ``col`` (one line: the only way); or, where its
        lines differ, its numbers row after row over as many columns as fill whole rows (a band's group of columns
        under one piece of the header, a row's cells wrapped over lines: 「74 51 58 37」/「0」/「2」…)."""
        if block.equal:
            n, w = len(block.lines), block.lines[0]
            return [({(top + i, col + k): block.first + i * w + k for i in range(n) for k in range(w)}, top)
                    for top in self._tops(n, col, w, front, grid, tops)]
        total = sum(block.lines)
        out: list[tuple[dict[tuple[int, int], int] | None, int | None]] = []
        for w in range(max(2, max(block.lines)), self.width - col + 1):
            if total % w == 0:
                out += [(self._rows_of(block, col, w, top), top)
                        for top in self._tops(total // w, col, w, front, grid, tops)]
        return out

    def _rows_of(self, block: _Block, col: int, w: int, top: int) -> dict[tuple[int, int], int] | None:
        """The block's numbers row after row over columns ``col``..``col + w`` from row ``top``; None where a
        line's numbers would fall in two rows."""
        placed: dict[tuple[int, int], int] = {}
        i = 0
        for count in block.lines:
            if i // w != (i + count - 1) // w:
                return None
            for k in range(i, i + count):
                placed[top + k // w, col + k % w] = block.first + k
            i += count
        return placed

    def _across(self, block: _Block, col: int, front: tuple[int, ...],
                grid: dict[tuple[int, int], int]) -> list[tuple[dict[tuple[int, int], int] | None, None]]:
        """The block's numbers row after row from column ``col`` over every cell not filled yet, from the row
        ``col`` is filled to (the first rows, whose cells share lines, and a tall row's cells among them). A line's
        numbers stay in one row. A block of one line reads the same as down its columns: none."""
        if len(block.lines) == 1:
            return []
        return [(self._flow(block, col, front, grid), None)]

    def _flow(self, block: _Block, col: int, front: tuple[int, ...],
              grid: dict[tuple[int, int], int]) -> dict[tuple[int, int], int] | None:
        """The block's numbers row after row over the cells not filled yet, from column ``col`` of the row it is
        filled to, then from the first column; None where a line would cross from one row to the next or the
        table ends."""
        ahead = list(front)
        placed: dict[tuple[int, int], int] = {}
        r, c = front[col], col
        i = block.first
        for count in block.lines:
            row = None
            for _ in range(count):
                while r < self.rows and (c >= self.width or ahead[c] != r):
                    if c >= self.width:
                        r, c = r + 1, 0
                    else:
                        c += 1
                if r >= self.rows or row not in (None, r):
                    return None  # (past the table, or a line across two rows)
                row = r
                placed[r, c] = i
                ahead[c] = self._front(grid, c, r + 1)
                i, c = i + 1, c + 1
        return placed

    def _rows_hold(self, grid: dict[tuple[int, int], int], placed: dict[tuple[int, int], int]) -> bool:
        for r in {r for r, _ in placed}:
            if all((r, c) in grid for c in range(self.width)):
                if not row_holds([self.cells[grid[r, c]] for c in range(self.width)], self.cols):
                    return False
        return True


def decode_band_order(stream: Stream) -> dict[str, Piece] | None:
    """表三's cells read in band order (module docstring): path -> its piece. None when the text is not the
    table's cells alone, or no placing, or placings that differ, make every sum hold."""
    got = table_runs(stream, (len(T3_COLUMN_KEYS), len(T3_COLUMN_KEYS) + 1))
    if got is None:
        return None
    keys, runs, start = got
    cols = T3_COLUMN_KEYS
    if len(runs) > len(keys) * len(cols):  # (a header with 小计: eight columns, the 小计 where the header puts it)
        at = subtotal_at(stream.chars[start:runs[0].start])
        if at is None:
            return None
        cols = with_subtotal(at)
    blocks = blocks_of(stream, runs, start)
    if blocks is None or len(blocks) < 2:
        return None  # (one block: the rows in order, the format-order reader's text)
    cells = [int(r.digits) for r in runs]
    reader = _Reader(blocks, cells, len(keys), cols)
    try:
        found = reader.run()
    except _Budget:
        return None
    paths = [f"requests.{k}.{c}" for k in keys for c in cols]
    sums = table_sums(keys)
    tables = set()
    for order in found:
        val = {p: cells[i] for p, i in zip(paths, order)}
        if all(sum(val[p] for p in left) == sum(val[p] for p in right) for left, right in sums):
            tables.add(tuple(cells[i] for i in order))
            kept = order
    if len(tables) != 1:
        return None
    return {p: Piece(cells[i], runs[i].start, runs[i].end, runs[i]) for p, i in zip(paths, kept)
            if not p.endswith(f".{SUBTOTAL}")}


def fill_band_order(found: Found, stream: Stream) -> None:
    """Cells of 表三 still null, from the reading in band order, when it agrees with every value already read."""
    if all_read(found):
        return
    cells = decode_band_order(stream)
    if cells is not None:
        fill_cells(found, stream, cells)


__all__ = ["decode_band_order", "fill_band_order"]
