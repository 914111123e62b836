"""Labels written together, their numbers after them (docling-rs text-layer mode, OCR rows).

A converter that loses the table's rows may write a run of row labels one after another and then the
numbers of those rows in the same order: ``1.本机关不掌握… 2.没有现成信息… 3.补正后… 3 0 0 0 0 0 3 1 0 …``.
The decoder finds each label but no number between them; the numbers after the last label belong to the
whole run of rows. Such a segment is widened to cover those rows only when its numbers cannot be the
last label's row alone and can be the rows of the whole run; the decoder then keeps the reading only
when the arithmetic confirms it, as for any rows whose labels were lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

R = TypeVar("R")


def merge_label_clusters(segs: Sequence[tuple[list[int], list[R]]], width: int,
                         fits: Callable[[list[R], int], bool]) -> list[tuple[list[int], list[R]]]:
    """``segs``: (row indices covered, runs) in reading order. Rows whose labels stand with no number
    before the next label join the next segment that has numbers, when ``fits(runs, cells)`` says its
    numbers fill exactly the widened rows and not its own rows alone."""
    out: list[tuple[list[int], list[R]]] = []
    waiting: list[tuple[list[int], list[R]]] = []  # label-only segments just before this one
    for covered, runs in segs:
        if not runs:
            waiting.append((covered, runs))
            continue
        if waiting:
            rows = [i for c, _ in waiting for i in c] + list(covered)
            if not fits(runs, width * len(covered)) and fits(runs, width * len(rows)):
                out.append((rows, runs))
                waiting = []
                continue
            out.extend(waiting)
            waiting = []
        out.append((list(covered), runs))
    out.extend(waiting)
    return _labels_after(out, width, fits)


def _labels_after(segs: list[tuple[list[int], list[R]]], width: int,
                  fits: Callable[[list[R], int], bool]) -> list[tuple[list[int], list[R]]]:
    """The other way round: a row's numbers, then the next row's numbers, then that row's label with no
    number after it (pdftotext's default mode writes a label that wraps onto two lines below its row's
    numbers: 「8.属于行政查询事项 0 … 0 0 … 0 （四） 1.本机关不掌握相关政府信息 无法 2.没有现成…」). A segment
    whose numbers do not fit its own rows takes the label-only segments after it when exactly one count
    of them makes its numbers fill the rows."""
    out: list[tuple[list[int], list[R]]] = []
    k = 0
    while k < len(segs):
        covered, runs = segs[k]
        after = []
        while k + 1 + len(after) < len(segs) and not segs[k + 1 + len(after)][1]:
            after.append(segs[k + 1 + len(after)][0])
        if runs and after and not fits(runs, width * len(covered)):
            takes = [t for t in range(1, len(after) + 1)
                     if fits(runs, width * (len(covered) + sum(len(c) for c in after[:t])))]
            if len(takes) == 1:
                out.append((list(covered) + [i for c in after[:takes[0]] for i in c], runs))
                k += 1 + takes[0]
                continue
        out.append((list(covered), runs))
        k += 1
    return out


__all__ = ["merge_label_clusters"]
