"""Every reading of a part of 表三 written band after band, each band's columns left to right.

The placement search of ``columnar`` stops at the fewest bands that fit: it takes the fewest bands as
the likeliest cut. But the numbers written one per line (pdftotext writes each number of a page as a
box of its own, r001's second page) say nothing of where a band ends, and a cut with more bands can
fit the same sums (render_pages seeds 6, 202, 248: three bands read 需要另行制作's 0 as 3, four bands
gave the printed table). Both are readings of the same characters; a cell they disagree on is not
given by the text. This lists the readings of the shape pdftotext writes, whatever their number of
bands, so that ``columnar`` can keep only the cells every reading gives.

The shape: the part's numbers are bands of rows top to bottom; within a band each column's cells top
to bottom, columns left to right; a box (numbers not parted by a blank line or words) never spans two
columns, but for a box of several whole columns read row by row or column by column (at most
``max_blocks`` of them); a box right after header words that name one column starts that column, in
the first band. Each band is checked against the sums as soon as it is placed, so the search stays
small (tens of steps for a page of single numbers); past ``budget`` steps or ``cap`` grids it gives
up (None), and the caller keeps what it had.
"""

from __future__ import annotations

from collections.abc import Callable

Cols = tuple[tuple[int, ...], ...]


def band_readings(values: list[int], boxes: list[int], height: int, width: int,
                  fits: Callable[[list[tuple[int, ...]], list[tuple[int, int]]], bool], hints: dict[int, int],
                  max_bands: int, max_blocks: int, cap: int, budget: int) -> list[tuple[Cols, Cols]] | None:
    """The (value columns, token columns) of every such reading of ``values`` over ``height`` rows.
    ``boxes``: the index of each box's first number; ``fits(cols, touched)``: whether the sums over
    the cells just placed hold; ``hints``: box start -> the column its header words name."""
    n = len(values)
    starts = {*boxes, n}
    size = {b: e - b for b, e in zip(sorted(boxes), [*sorted(boxes)[1:], n])}
    found: dict[Cols, Cols] = {}
    seen: set[tuple] = set()
    steps = 0

    def band(p: int, r: int, bands: int, blocks: int, cols: Cols, toks: Cols) -> bool:
        """Rows ``r`` onwards from number ``p``; False past the budget."""
        nonlocal steps
        steps += 1
        if steps > budget or len(found) > cap:
            return False
        if r == height:
            if p == n:
                found.setdefault(cols, toks)
            return True
        key = (p, r, bands, blocks, cols)
        if bands == max_bands or key in seen:
            return True
        seen.add(key)
        for h in range(1, height - r + 1):
            if p + width * h > n:
                break
            if not column(p, r, h, 0, bands, blocks, cols, toks):
                return False
        return True

    def column(q: int, r: int, h: int, c: int, bands: int, blocks: int, cols: Cols, toks: Cols) -> bool:
        """Column ``c`` of the band of rows ``r`` to ``r + h`` from number ``q``."""
        if c == width:
            if not fits(list(cols), [(x, r + k) for x in range(width) for k in range(h)]):
                return True
            return band(q, r + h, bands + 1, blocks, cols, toks)
        if q not in starts or r == 0 and hints.get(q, c) != c:
            return True  # a box cut over two columns; a box under another column's header words
        layouts: list[tuple[int, list[list[int]]]] = []
        if q + h in starts:
            layouts.append((0, [list(range(q, q + h))]))
        w, extra = divmod(size[q], h)
        if blocks < max_blocks and w > 1 and not extra and c + w <= width:
            ids = list(range(q, q + size[q]))
            layouts.append((1, [ids[j::w] for j in range(w)]))  # a box of several columns row by row
            if h > 1:
                layouts.append((1, [ids[j * h:(j + 1) * h] for j in range(w)]))  # or column by column
        for more, parts in layouts:
            new_c, new_t = list(cols), list(toks)
            for j, ids in enumerate(parts):
                new_c[c + j] = cols[c + j] + tuple(values[i] for i in ids)
                new_t[c + j] = toks[c + j] + tuple(ids)
            end = q + sum(len(ids) for ids in parts)
            if not column(end, r, h, c + len(parts), bands, blocks + more, tuple(new_c), tuple(new_t)):
                return False
        return True

    empty: Cols = ((),) * width
    if not band(0, 0, 0, 0, empty, empty):
        return None
    return list(found.items())
