"""Row labels with no number after them: their rows' numbers stand before the next label, or before them.

A converter that loses the table's rows may write a run of row labels one after another and then the
numbers of those rows in the same order (docling-rs text-layer mode, OCR rows):
``1.本机关不掌握… 2.没有现成信息… 3.补正后… 3 0 0 0 0 0 3 1 0 …``. The other way round, pdftotext's default
mode writes a label that wraps onto two lines below its row's numbers, which follow the numbers of the row
above: ``8.属于行政查询事项 0 … 0 0 … 0 （四） 1.本机关不掌握相关政府信息 2.没有现成…``. The decoder finds each
label but no number after some of them. A run of such label-only rows goes to the segment before it, the
segment after it, or part to each, only when exactly one way of sharing them out lets both segments'
numbers fill their rows, and not when each segment's numbers fill its own rows already; when two ways fit,
neither is taken (those rows stay unread: null, never a guess). A chain of such rows, one number a cell,
is read in its order, but not over label-only rows right before it: the labels may as well be written
before their numbers (「A B 1… 2… 3… C D …」), and then only rows every such shift gives the same numbers
are read. Nor when label-only rows follow the chain (or the rows shared out at the table's end) that no
numbers are left to fill: some rows are blank (a blank row leaves nothing in the text), and the order no
longer says which; the numbers' count is short of the cells, and those rows stay unread. The decoder then
keeps a reading only when the arithmetic confirms it, as for any rows whose labels were lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

R = TypeVar("R")


def merge_label_clusters(segs: Sequence[tuple[list[int], list[R]]], width: int,
                         fits: Callable[[list[R], int], bool]) -> list[tuple[list[int], list[R]]]:
    """``segs``: (row indices covered, runs) in reading order; ``fits(runs, cells)``: the runs can be
    exactly that many cells. Each run of label-only segments is shared out between the segments with
    numbers around it (see the module's docstring)."""
    out = [(list(c), r) for c, r in segs]
    k = 0
    while k < len(out):
        if out[k][1]:
            k += 1
            continue
        end = k
        while end < len(out) and not out[end][1]:
            end += 1
        out, k = _share(out, k, end, width, fits)
    return _chains(out, width, fits)


def unsettled_between(segs: Sequence[tuple[list[int], list[R]]], width: int) -> set[int]:
    """A segment that fills its own row exactly, right after label-only rows and right before a segment with more
    numbers than its rows that nothing above settled: 「A B 1… C 2… 3…」, where A has no numbers and C has two
    rows of them (pdftotext's default mode over a table cut by a page break: the numbers of one group of rows
    written after the next row's label). A's numbers are in the text, further down: the order has moved
    numbers down past labels, and 1… may be A's as well as B's (B's then after C): the order does not say
    which rows these numbers are: the indices of such segments, to be left unread as the surplus segment is.
    (The other way round, 「A 1… 2… B 3… C D」, is the labels-below-their-numbers shape ``_chains`` reads: B keeps
    its numbers.)"""
    # (one row between: further from them, a label-only row is as likely a blank one, and the surplus another's)
    return {k + 1 for k, (_rows, runs) in enumerate(segs)
            if not runs and k + 2 < len(segs) and len(segs[k + 1][0]) == 1 and _exact(segs[k + 1], width)
            and _surplus(segs[k + 2], width)}


def label_rows_beside(segs: Sequence[tuple[list[int], list[R]]], width: int, moved: set[int]) -> set[int]:
    """The label-only segments right before one of ``moved`` (``unsettled_between``), or right after a segment with
    more numbers than its rows: their numbers may be among those, so they are as unread, not blank."""
    return {k for k, (_rows, runs) in enumerate(segs)
            if not runs and (k + 1 in moved or (k > 0 and _surplus(segs[k - 1], width)))}


def _surplus(seg: tuple[list[int], list[R]], width: int) -> bool:
    """More numbers than the segment's rows have cells."""
    return len(seg[1]) > width * len(seg[0])


def _exact(seg: tuple[list[int], list[R]], width: int) -> bool:
    """Numbers that fill the segment's rows exactly."""
    return bool(seg[1]) and len(seg[1]) == width * len(seg[0])


CHAIN = 32  # segments a chain may run over: all of 表三


def _chains(segs: list[tuple[list[int], list[R]]], width: int,
            fits: Callable[[list[R], int], bool]) -> list[tuple[list[int], list[R]]]:
    """Several rows in a row with their labels below their numbers: 「A 1… 2… B 3… C D 4…」. A's segment
    holds two rows of numbers, B's holds C's, C's none. A segment with more numbers than cells is read with
    the segments after it up to the first span that holds a row with no numbers of its own (where the
    numbers moved from) and has one number a cell, in the span's order, adding up. A longer span would
    give its first rows the same numbers: the order decides, one number a cell. When label-only segments
    stand right before it, the labels may as well be written before their numbers (「A B 1… 2… 3… C D …」,
    pdftotext and pdfminer write a table's label column in pieces around its number column): the numbers
    may be A's and B's as well as B's and C's, and the order does not say which (``_settled``)."""
    out = list(segs)
    k = 0
    while k < len(out):
        covered, runs = out[k]
        if len(runs) > width * len(covered):
            rows, nums = list(covered), list(runs)
            for m in range(k + 1, min(len(out), k + 1 + CHAIN)):
                rows, nums = rows + out[m][0], nums + out[m][1]
                if len(nums) == width * len(rows) and any(not out[j][1] for j in range(k + 1, m + 1)):
                    more = m + 1 < len(out) and not out[m + 1][1] and fits(nums, width * (len(rows) + len(out[m + 1][0])))
                    if _left_blank(out, m, width):
                        pass  # rows after it get no number in any reading: some rows are blank, the segment stays unread
                    elif fits(nums, width * len(rows)) and not more:  # glued digits that could fill the next row too: not settled
                        out[k:m + 1] = _settled(out, k, rows, nums, width, fits)
                    break
        k += 1
    return out


def _left_blank(segs: Sequence[tuple[list[int], list[R]]], m: int, width: int) -> bool:
    """Label-only rows right after ``segs[m]`` that no numbers after them can fill: up to the table's end,
    or up to a segment with no more numbers than its own rows. Those rows are blank (a blank row leaves
    nothing in the text), and a chain read in order before them is not settled: the same numbers may be
    rows of the chain and of those rows with others of the chain blank (「A 1… 2… 3… B C D E」 may be A,
    D and E, B and C blank)."""
    q = m + 1
    if q >= len(segs) or segs[q][1]:
        return False
    while q < len(segs) and not segs[q][1]:
        q += 1
    return q >= len(segs) or len(segs[q][1]) <= width * len(segs[q][0])


def _settled(segs: list[tuple[list[int], list[R]]], k: int, rows: list[int], nums: list[R], width: int,
             fits: Callable[[list[R], int], bool]) -> list[tuple[list[int], list[R]]]:
    """The chain from ``segs[k]`` over ``rows``, one number a cell in order, as the segments it is read as.
    With ``p`` label-only rows right before it, the same numbers may be those rows' and the chain's first
    ones (labels written before their numbers): row ``j`` of the chain gets the numbers of row ``j + s``
    for some shift ``s`` from 0 to ``p``. A row keeps numbers only when every shift gives it the same
    (a table of zeros); the rest of the chain is left label-only (unread). Not for the rows whose numbers the
    segment before those rows holds beyond its own rows: they stand above their labels there (「A 1… 2… B …」)."""
    p, j = 0, k
    while j > 0 and not segs[j - 1][1]:
        j -= 1
        p += len(segs[j][0])
    if j > 0 and (spare := len(segs[j - 1][1]) - width * len(segs[j - 1][0])) > 0:
        # the segment before those rows holds more numbers than its rows: theirs, written above their labels, as
        # far as they go; rows beyond them may be the chain's (s02111 pdftotext: 42 numbers, six rows, before nine
        # label-only rows and a chain of seven rows' numbers: the last five labels' rows are the chain's first five)
        # (a part of a row counts as a row: 17 numbers for two rows, before one label-only row, take its numbers).
        # Not the rows that label-only rows right before that segment may take: its labels may be written after
        # their numbers too, 「A B C 1… 2… 3… D 4… 5… E」 (s03071 pdftotext: page 1's labels in the header, then all
        # its rows' numbers; 4… and 5… may be D's and E's as well as the rows after D's)
        # (rows short of their numbers count: a stray numbering's digit, 「（1」, is not a row's numbers)
        q, i = 0, j - 1
        while i > 0 and len(segs[i - 1][1]) < width * len(segs[i - 1][0]):
            i -= 1
            q += -(-(width * len(segs[i][0]) - len(segs[i][1])) // width)
        if spare // width - q <= p:
            p = max(0, p - max(0, -(-spare // width) - q))
        # (more whole rows than those rows are: the segment's surplus is not theirs, written above their labels, and the
        # label-only rows may as well be written before their numbers, the chain's; lo-pdfminer s06259 wrote 表三 column
        # by column: 52 numbers after 1.信访举报投诉类申请, then 2. … 5.'s labels and 28 zeros after them, which the chain
        # from 5. read with 其他处理's two blank rows as 0s)
    elif j > 0 and spare < 0:
        # numbers short of its rows' cells by whole rows: those rows' may be the chain's first ones (the same page
        # read with the label-only rows inside the segment before: 42 numbers for twelve rows). (Short of less than a
        # row: blank cells that left nothing, or cells glued in one run, 「5」 numbers for 新收's seven cells.)
        p += -spare // width
    if not p:
        return [(rows, nums)]
    chunk = [[getattr(x, "digits", x) for x in nums[j * width:(j + 1) * width]] for j in range(len(rows))]
    n = 0
    while n + p < len(rows) and all(chunk[n + s] == chunk[n] for s in range(1, p + 1)):
        n += 1
    if not n or not fits(nums[:n * width], n * width):
        return [(rows, [])]
    return [(rows[:n], nums[:n * width]), (rows[n:], [])]


def _share(segs: list[tuple[list[int], list[R]]], lo: int, hi: int, width: int,
           fits: Callable[[list[R], int], bool]) -> tuple[list[tuple[list[int], list[R]]], int]:
    """Share the label-only segments ``segs[lo:hi]`` between ``segs[lo - 1]`` and ``segs[hi]``; the new
    list and the index to go on from."""
    labels = [i for c, _ in segs[lo:hi] for i in c]
    before = segs[lo - 1] if lo > 0 else None
    after = segs[hi] if hi < len(segs) else None

    def ok(seg: tuple[list[int], list[R]] | None, extra: list[int]) -> bool:
        if seg is None:
            return True  # no segment on that side: those labels' rows may stay unread
        return fits(seg[1], width * (len(seg[0]) + len(extra)))

    # t of the labels' rows go to the segment before (counting rows, a segment's rows kept together):
    # only a segment before with more numbers than cells may take any (a number is a cell at most once,
    # so a run of glued digits is never a reason; and the search over its cuts stays small)
    # (not one with label-only rows right before it: its surplus may be theirs, labels written before their numbers,
    # 「A B 1… 2… C D 3… 4…」 with A unread, and then C's taking some of B's numbers reads every row after one row early)
    cuts = [0]
    surplus = before is not None and len(before[1]) > width * len(before[0])
    if surplus and not (lo >= 2 and not segs[lo - 2][1]):
        for c, _ in segs[lo:hi]:
            cuts.append(cuts[-1] + len(c))
    elif surplus:
        # its surplus may be these labels' numbers, written before them, as well as the labels before it: nor are the
        # numbers after them then theirs (pdftotext of Chromium's PDF, seed 8047: 「…另行制作」 / three rows /
        # 「补正后…」 / 「信访…」 / two rows, the second 重复申请's, written before its label; 补正后 took 信访's)
        return segs, hi
    elif before is not None:
        before = None  # it keeps its rows, as it is
    if ok(before, []) and ok(after, []):
        return segs, hi  # each fills its own rows: the labels' rows are not read from them
    ways = [t for t in cuts if ok(before, labels[:t]) and ok(after, labels[t:])]
    if len(ways) != 1:
        return segs, hi  # none fits, or two do: which rows the numbers are is not settled
    t = ways[0]
    if after is None and 0 < t < len(labels):
        # the table's last rows: the numbers fill some of the label-only rows, the rest are left with none.
        # Blank rows leave nothing in the text, so which of those rows the numbers are is not settled
        # (「A 1… 2… 3… B C D E」 may be A, D and E with B and C blank): the count is short of the cells
        return segs, hi
    new = list(segs[:max(lo - 1, 0)])
    if lo > 0:
        rows = segs[lo - 1][0] + labels[:t]
        # the segment before read over the labels after it: not settled when labels without numbers stand before it
        new.extend(_settled(segs, lo - 1, rows, segs[lo - 1][1], width, fits) if t else [(rows, segs[lo - 1][1])])
    if after is not None:
        new.append((labels[t:] + after[0], after[1]))
    new.extend(segs[hi + 1:])
    return new, len(new) - len(segs[hi + 1:])


__all__ = ["label_rows_beside", "merge_label_clusters", "unsettled_between"]
