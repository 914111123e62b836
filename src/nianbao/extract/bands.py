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

Chromium's PDF through pdftotext bends the shape in two ways (``late``): the cells of a tall row (a
label over two lines) that stand lower than the rest of their row come after every band below it — its
总计, or a band's last columns; and one column of a band may come after the band's others (商业企业's
fifteen cells after 总计's). With ``late``, up to that many bands leave their last columns to after the
last band, written there band after band, and a band may leave one column to after its last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

Cols = tuple[tuple[int, ...], ...]
Held = tuple[tuple[int | None, ...], ...]  # columns while a reading is built: None for a cell owed by a late column


def _whole(cols: Held) -> Cols | None:
    """``cols`` with every cell given, as such; None while a cell is still owed."""
    return None if any(None in col for col in cols) else cast(Cols, cols)


def band_readings(values: list[int], boxes: list[int], height: int, width: int,
                  fits: Callable[[list[tuple[int, ...]], list[tuple[int, int]]], bool], hints: dict[int, int],
                  max_bands: int, max_blocks: int | None, cap: int, budget: int,
                  late: int = 0) -> list[tuple[Cols, Cols]] | None:
    """The (value columns, token columns) of every such reading of ``values`` over ``height`` rows.
    ``boxes``: the index of each box's first number; ``fits(cols, touched)``: whether the sums over
    the cells just placed hold; ``hints``: box start -> the column its header words name; ``max_blocks``:
    boxes of several columns at most (None: any number). ``late``: how
    many bands may leave their last columns to after the part's last band; with it, a band may also
    leave one column to after its last."""
    n = len(values)
    starts = {*boxes, n}
    size = {b: e - b for b, e in zip(sorted(boxes), [*sorted(boxes)[1:], n])}
    found: dict[Cols, Cols] = {}
    seen: set[tuple] = set()
    steps = 0

    def known(cols: Held) -> list[tuple[int, ...]]:
        """Each column down to its first cell left for later: the cells ``fits`` may check."""
        return [cast(tuple[int, ...], col[:col.index(None)] if None in col else col) for col in cols]

    def over() -> bool:
        """One more step: whether the search is past its budget or its cap of readings."""
        nonlocal steps
        steps += 1
        return steps > budget or len(found) > cap

    def keep(cols: Held, toks: Held) -> None:
        """A reading whose every cell is given (its tokens owed where its cells are)."""
        if (whole := _whole(cols)) is not None:
            found.setdefault(whole, cast(Cols, toks))

    def band(p: int, r: int, bands: int, blocks: int, cols: Held, toks: Held, owed: tuple) -> bool:
        """Rows ``r`` onwards from number ``p``; False past the budget. ``owed``: the bands' columns left
        for later, as (first row, rows, first column)."""
        if over():
            return False
        if r == height:
            if owed:
                return later(p, owed, 0, owed[0][2], blocks, cols, toks)
            if p == n:
                keep(cols, toks)
            return True
        key = (p, r, bands, blocks, cols, owed)
        if bands == max_bands or key in seen:
            return True
        seen.add(key)
        for h in range(1, height - r + 1):
            if p + width * h > n:
                break
            if not column(p, r, h, 0, bands, blocks, cols, toks, owed):
                return False
        return True

    def boxes_at(q: int, h: int, c: int, blocks: int) -> list[tuple[int, list[list[int]]]]:
        """The ways the box at ``q`` starts column ``c`` of a band of ``h`` rows: (boxes of several columns
        used, token ids per column)."""
        out: list[tuple[int, list[list[int]]]] = []
        if q + h in starts:
            out.append((0, [list(range(q, q + h))]))
        w, extra = divmod(size[q], h)
        if (max_blocks is None or blocks < max_blocks) and w > 1 and not extra and c + w <= width:
            ids = list(range(q, q + size[q]))
            out.append((1, [ids[j::w] for j in range(w)]))  # a box of several columns row by row
            if h > 1:
                out.append((1, [ids[j * h:(j + 1) * h] for j in range(w)]))  # or column by column
        return out

    def put(cols: Held, toks: Held, c: int, parts: list[list[int]], r: int | None = None) -> tuple[Held, Held]:
        """``parts`` as the next cells of columns ``c`` onwards, or as rows ``r`` onwards of them."""
        new_c, new_t = list(cols), list(toks)
        for j, ids in enumerate(parts):
            vals, got = tuple(values[i] for i in ids), tuple(ids)
            if r is None:
                new_c[c + j], new_t[c + j] = cols[c + j] + vals, toks[c + j] + got
            else:
                new_c[c + j] = cols[c + j][:r] + vals + cols[c + j][r + len(ids):]
                new_t[c + j] = toks[c + j][:r] + got + toks[c + j][r + len(ids):]
        return tuple(new_c), tuple(new_t)

    def column(q: int, r: int, h: int, c: int, bands: int, blocks: int, cols: Held, toks: Held, owed: tuple,
               skip: int = -1) -> bool:
        """Column ``c`` of the band of rows ``r`` to ``r + h`` from number ``q``; ``skip``: a column of the band
        left to after its last."""
        if c == width:
            if skip >= 0:
                if q not in starts or q + h not in starts:
                    return True
                cols, toks = put(cols, toks, skip, [list(range(q, q + h))])
                q += h
            if not fits(known(cols), [(x, r + k) for x in range(width) for k in range(h)]):
                return True
            return band(q, r + h, bands + 1, blocks, cols, toks, owed)
        # the columns in their order first: a band's state is seen once by its values (``band``), so the path that
        # reaches it first gives the reading its tokens, and a caller asks whether they were written in order
        # (``columnar._ltr``: 「0 0 0 0 0 0 0 9 0 0 0 16 0 25」 as two rows, not as a late column's, s11072)
        if q in starts and not (r == 0 and hints.get(q, c) != c):
            # (not a box cut over two columns, nor a box under another column's header words)
            for more, parts in boxes_at(q, h, c, blocks):
                new_c, new_t = put(cols, toks, c, parts)
                end = q + sum(len(ids) for ids in parts)
                if not column(end, r, h, c + len(parts), bands, blocks + more, new_c, new_t, owed, skip):
                    return False
        if late and skip < 0 and 0 < c < width - 1 and not column(q, r, h, c + 1, bands, blocks, cols, toks, owed, c):
            return False
        if 0 < c and skip < 0 and len(owed) < late and q < n:
            # the band's columns from ``c`` on are written after the last band
            gap: tuple[None, ...] = (None,) * h
            held_c = tuple(col + gap if x >= c else col for x, col in enumerate(cols))
            held_t = tuple(col + gap if x >= c else col for x, col in enumerate(toks))
            if not band(q, r + h, bands + 1, blocks, held_c, held_t, (*owed, (r, h, c))):
                return False
        return True

    def later(q: int, owed: tuple, i: int, c: int, blocks: int, cols: Held, toks: Held) -> bool:
        """The columns the bands left (``owed[i]`` on, from column ``c``), after the last band."""
        if over():
            return False
        if i == len(owed):
            # (every sum: those over a column with a cell owed were not checked when their band was placed)
            if q == n and fits(known(cols), [(x, r) for x in range(width) for r in range(height)]):
                keep(cols, toks)
            return True
        r0, h0, _c0 = owed[i]
        if c == width:
            return later(q, owed, i + 1, owed[i + 1][2] if i + 1 < len(owed) else width, blocks, cols, toks)
        if q not in starts:
            return True
        for more, parts in boxes_at(q, h0, c, blocks):
            new_c, new_t = put(cols, toks, c, parts, r0)
            if not later(q + sum(len(ids) for ids in parts), owed, i, c + len(parts), blocks + more, new_c, new_t):
                return False
        return True

    empty: Held = ((),) * width
    if not band(0, 0, 0, 0, empty, empty, ()):
        return None
    return list(found.items())
