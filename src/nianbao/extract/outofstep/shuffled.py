"""Two row labels written into each other, character by character.

tabula stream over a PDF whose two lines of a cell stand at nearly one height reads them as one line, their
characters interleaved by position: 「行行政政强处罚制」 (行政处罚 and 行政强制), 「行政规规范章性文件」 (规章 and 行政规范性
文件). The numbers beside such a line are one of the two rows', and the text's order is no longer the rows'.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import combinations

from ...format import Format, core
from ...ingest import Block


@lru_cache(maxsize=4)
def _pairs(fmt: str) -> dict[int, list[tuple[str, str, Counter[str]]]]:
    """表二's label pairs of the format by their joint length: (a, b, their characters)."""
    labels = sorted({core(it.label) for it in Format.get(fmt).active})
    out: dict[int, list[tuple[str, str, Counter[str]]]] = {}
    for a, b in combinations(labels, 2):
        out.setdefault(len(a) + len(b), []).append((a, b, Counter(a + b)))
    return out


def _interleaves(s: str, a: str, b: str) -> bool:
    """``s`` is ``a`` and ``b`` interleaved, and neither written whole before the other."""
    if s in (a + b, b + a):
        return False
    ok = [[False] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            if i == j == 0:
                ok[i][j] = True
                continue
            c = s[i + j - 1]
            ok[i][j] = (i > 0 and ok[i - 1][j] and a[i - 1] == c) or (j > 0 and ok[i][j - 1] and b[j - 1] == c)
    return ok[len(a)][len(b)]


@lru_cache(maxsize=4)
def _runs(fmt: str) -> re.Pattern[str]:
    """Runs of labels' characters long enough for two labels (prose has few: its other characters cut them)."""
    labels = {core(it.label) for it in Format.get(fmt).active}
    return re.compile(f"[{re.escape(''.join(sorted(set(''.join(labels)))))}]{{{min(_pairs(fmt))},}}")


def shuffled_labels(blocks: list[Block], fmt: str) -> bool:
    """Does a cell hold two of 表二's labels interleaved character by character?"""
    pairs, runs = _pairs(fmt), _runs(fmt)
    for blk in blocks:
        for cell in blk.cells:
            for run in runs.findall(core(cell.text)):
                for n, cands in pairs.items():
                    for i in range(len(run) - n + 1):
                        window = run[i:i + n]
                        have = Counter(window)
                        if any(have == chars and _interleaves(window, a, b) for a, b, chars in cands):
                            return True
    return False
