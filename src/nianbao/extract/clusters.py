"""Row labels with no number after them: their rows' numbers stand before the next label, or before them.

A converter that loses the table's rows may write a run of row labels one after another and then the
numbers of those rows in the same order (docling-rs text-layer mode, OCR rows):
``1.本机关不掌握… 2.没有现成信息… 3.补正后… 3 0 0 0 0 0 3 1 0 …``. The other way round, pdftotext's default
mode writes a label that wraps onto two lines below its row's numbers, which follow the numbers of the row
above: ``8.属于行政查询事项 0 … 0 0 … 0 （四） 1.本机关不掌握相关政府信息 2.没有现成…``. The decoder finds each
label but no number after some of them. A run of such label-only rows goes to the segment before it, the
segment after it, or part to each, only when exactly one way of sharing them out lets both segments'
numbers fill their rows, and not when each segment's numbers fill its own rows already; when two ways fit,
neither is taken (those rows stay unread: null, never a guess). The decoder then keeps a reading only when
the arithmetic confirms it, as for any rows whose labels were lost.
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


CHAIN = 4  # segments a chain may run over (longer chains: more spans fit, and fewer rows are read)


def _chains(segs: list[tuple[list[int], list[R]]], width: int,
            fits: Callable[[list[R], int], bool]) -> list[tuple[list[int], list[R]]]:
    """Several rows in a row with their labels below their numbers: 「A 1… 2… B 3… C D 4…」. A's segment
    holds two rows of numbers, B's holds C's, C's none. A segment whose numbers overfill its rows is read
    with the segments after it when one span of them (holding a row with no numbers of its own, where the
    numbers moved from) has numbers that fill its rows (a longer one that only adds segments filling their
    own rows reads the same). When spans that read differently fit, the rows after it up to the last one's
    end are left unread: by their labels they read one way, by the order another."""
    out = list(segs)
    k = 0
    while k < len(out):
        covered, runs = out[k]
        if runs and not fits(runs, width * len(covered)):
            rows, nums = list(covered), list(runs)
            spans = []
            for m in range(k + 1, min(len(out), k + 1 + CHAIN)):
                rows, nums = rows + out[m][0], nums + out[m][1]
                if fits(nums, width * len(rows)) and any(not out[j][1] for j in range(k + 1, m + 1)):
                    spans.append((m, rows, nums))
            # a longer span that adds only segments filling their own rows reads the same
            first = spans[0][0] if spans else k
            same = all(all(fits(out[j][1], width * len(out[j][0])) for j in range(first + 1, m + 1))
                       for m, _r, _n in spans[1:])
            if spans and same:
                m, rows, nums = spans[0]
                out[k:m + 1] = [(rows, nums)]
            elif spans:
                # where the chain ends is not settled: the rows up to its last possible end are read by
                # their labels in one way and by the order in another, so none of them is read
                for j in range(k + 1, spans[-1][0] + 1):
                    out[j] = (out[j][0], [])
        k += 1
    return out


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

    if ok(before, []) and ok(after, []):
        return segs, hi  # each fills its own rows: the labels' rows are not read from them
    # t of the labels' rows go to the segment before (counting rows, a segment's rows kept together)
    cuts = [0]
    for c, _ in segs[lo:hi]:
        cuts.append(cuts[-1] + len(c))
    ways = [t for t in cuts if ok(before, labels[:t]) and ok(after, labels[t:])]
    if len(ways) != 1:
        return segs, hi  # none fits, or two do: which rows the numbers are is not settled
    t = ways[0]
    new = list(segs[:max(lo - 1, 0)])
    if before is not None:
        new.append((before[0] + labels[:t], before[1]))
    if after is not None:
        new.append((labels[t:] + after[0], after[1]))
    new.extend(segs[hi + 1:])
    return new, len(new) - len(segs[hi + 1:])


__all__ = ["merge_label_clusters"]
