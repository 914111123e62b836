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
    return out


__all__ = ["merge_label_clusters"]
