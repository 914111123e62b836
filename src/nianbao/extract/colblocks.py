"""The cells of a part of 表三 written column by column in an unknown column order (pdfminer).

pdfminer.six writes a table as its layout groups the text boxes: each column is cut into boxes at the
same rows (the gaps left by tall rows: ``3 | 1 | 15`` for rows 一–（一）, （二）, the rest), a box's
numbers top to bottom one per line, but the boxes of the seven columns come in an order that is not
the printed one, and the header words (科研 机构 / 总计 / 其他 …) come in yet another order, some before
the row labels. A box right under the header can take the first cells of two columns (lines sorted
top to bottom, so row by row).

When the placement search of ``columnar`` finds no reading (the printed numbers do not add up, so no
placement fits the sums), this reads what the boxes give whatever the column order:

* the *bands* (the rows each box of a column holds) are the run of consecutive boxes whose sizes add
  up to the part's rows that comes most often (``_band_cuts``); every other box is one band's segment, or a box of several columns' segments
  of one band written row by row; each band gets exactly seven segments;
* a row of a band whose seven cells all hold the same value gives that value to each column (any
  order of the segments gives the same cells);
* in a band of two rows or more with numbers other than 0 in two rows or more, written as whole
  segments, the segment that equals the sum of the six others in every row is 总计 (when the
  segments that do so hold the same numbers); the six others then give a row their common value.

Any other cell stays null: which segment is 自然人 and which 商业企业 is not in the text. Bands of
the same size (three rows of one line each) are pooled: their rows give a value only when every
segment of the pool agrees. Every reading of the box sizes that fits is tried; a cell gets a value
only when all of them give the same one.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

WIDTH = 7
MAX_BLANK = 2  # whole rows left blank in a part
MAX_READINGS = 64  # readings of the box sizes (which bands, how many columns a box holds) tried
MAX_STEPS = 20_000  # steps of the search for those readings; past either, the part stays null


def read_blocks(boxes: Sequence[Sequence[int]], height: int) -> dict[tuple[int, int], tuple[int, int] | None]:
    """``{(row, column): (value, token index)}`` for the cells every reading of ``boxes`` (the
    part's numbers, box by box, in the order written) gives the same value; column 6 is 总计. With
    ``MAX_BLANK`` whole rows or fewer short (a row left blank leaves no trace), every place of those rows
    where a box ends in every column is a reading too: ``None`` for a cell blank in every one of them.
    (A blank row leaves a wider gap than a tall row does: when the columns are cut into bands at all,
    it parts their boxes; when they are not, nothing tells where it was, and nothing is read.)"""
    cells = sum(len(b) for b in boxes)
    short, rest = divmod(height * WIDTH - cells, WIDTH)
    if rest or not 0 <= short <= MAX_BLANK or height - short < 2:
        return {}
    if not short:
        return dict(_read(boxes, height) or {})
    found: dict[tuple[int, int], tuple[int, int] | None] | None = None
    inner = height - short
    for blank in combinations(range(height), short):
        kept = [r for r in range(height) if r not in blank]
        got = _read(boxes, inner, edges={sum(1 for k in kept if k < r) for r in blank})
        if got is None:
            continue  # a blank row inside a band: not where the boxes end
        now: dict[tuple[int, int], tuple[int, int] | None] = {(kept[r], c): v for (r, c), v in got.items()}
        now.update({(r, c): None for r in blank for c in range(WIDTH)})
        if found is None:
            found = now
        else:
            found = {k: v for k, v in found.items() if k in now and (now[k] is None) == (v is None)
                     and (v is None or now[k][0] == v[0])}  # type: ignore[index]
        if not found:
            return {}
    return found or {}


def _read(boxes: Sequence[Sequence[int]], height: int, edges: set[int] | None = None
          ) -> dict[tuple[int, int], tuple[int, int]] | None:
    """``read_blocks`` with every row written; ``edges``: rows a band must start at (where a blank row
    was), None when the bands do not."""
    sizes = [len(b) for b in boxes]
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    found: dict[tuple[int, int], tuple[int, int]] | None = None
    for bands in _band_cuts(sizes, height):
        starts_at = {sum(bands[:b]) for b in range(len(bands) + 1)}
        if edges is not None and (len(bands) < 2 or not edges <= starts_at):
            # a blank row parts the boxes only as a tall row's wider gap does: with no box parted
            # at all, the boxes say nothing of where it was
            return None
        for reading in _readings(boxes, bands):
            cells = _cells(boxes, starts, bands, reading)
            if found is None:
                found = cells
            else:
                found = {k: v for k, v in found.items() if k in cells and cells[k][0] == v[0]}
            if not found:
                return {}
    return found or {}


def _band_cuts(sizes: list[int], height: int) -> list[tuple[int, ...]]:
    """The bands: the run of consecutive boxes whose sizes add up to ``height`` that comes most often,
    counted without overlap (a column's boxes are written one after another; a run that starts inside
    one column and ends in the next comes at most once per pair of columns). It must come for most
    columns and more often than any other run; else no cut is taken (a wrong cut shifts every row)."""
    seen: dict[tuple[int, ...], list[int]] = {}
    for i in range(len(sizes)):
        total = 0
        for j in range(i, len(sizes)):
            total += sizes[j]
            if total >= height:
                if total == height:
                    seen.setdefault(tuple(sizes[i:j + 1]), []).append(i)
                break
    counts = {}
    for cut, at in seen.items():
        n, free = 0, 0
        for i in at:
            if i >= free:
                n, free = n + 1, i + len(cut)
        counts[cut] = n
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] <= WIDTH // 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    return [ranked[0][0]]


def _readings(boxes: Sequence[Sequence[int]], bands: tuple[int, ...]) -> list[list[tuple[int, int]]]:
    """Per box, (band size, columns it holds), such that each band size gets seven segments per band
    of that size; at most MAX_READINGS of them (past that: none, the part stays null)."""
    need = {s: WIDTH * bands.count(s) for s in set(bands)}
    classes = sorted(need)
    out: list[list[tuple[int, int]]] = []
    over = False
    steps = 0

    def go(i: int, left: dict[int, int], acc: list[tuple[int, int]]) -> None:
        nonlocal over, steps
        steps += 1
        over = over or steps > MAX_STEPS
        if over:
            return
        if i == len(boxes):
            if not any(left.values()):
                out.append(list(acc))
                over = len(out) > MAX_READINGS
            return
        n = len(boxes[i])
        for s in classes:
            if n % s or n // s > left[s]:
                continue
            k = n // s
            left[s] -= k
            acc.append((s, k))
            go(i + 1, left, acc)
            acc.pop()
            left[s] += k

    go(0, dict(need), [])
    return [] if over else out


def _cells(boxes: Sequence[Sequence[int]], starts: list[int], bands: tuple[int, ...],
           reading: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """The cells one reading gives (see the module's rules)."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for s in sorted(set(bands)):
        rows = [r for b, size in enumerate(bands) if size == s
                for r in range(sum(bands[:b]), sum(bands[:b]) + s)]
        # per offset in the band: every cell of it (value, token index); whole segments apart
        at: list[list[tuple[int, int]]] = [[] for _ in range(s)]
        whole: list[list[tuple[int, int]]] = []
        merged = False
        for box, start, (size, k) in zip(boxes, starts, reading):
            if size != s:
                continue
            for t in range(s):
                for j in range(k):
                    at[t].append((box[t * k + j], start + t * k + j))  # row by row
            if k == 1 or len(set(box)) == 1:  # one segment, or several of one number: each whole
                whole.extend([(box[t * k + j], start + t * k + j) for t in range(s)] for j in range(k))
            else:
                merged = True
        total = None
        if bands.count(s) == 1 and not merged:
            total = _total(whole)
        for t in range(s):
            cells = at[t]
            offset_rows = [rows[b * s + t] for b in range(bands.count(s))]
            if total is not None:
                value, token = total[t]
                rest = list(cells)
                rest.remove(total[t])
                for r in offset_rows:
                    out[(r, WIDTH - 1)] = (value, token)
                if len({v for v, _ in rest}) == 1:
                    for r in offset_rows:
                        for c in range(WIDTH - 1):
                            out[(r, c)] = rest[c]
            elif len({v for v, _ in cells}) == 1:
                for r in offset_rows:
                    for c in range(WIDTH):
                        out[(r, c)] = cells[c % len(cells)]
    return out


def _total(segments: list[list[tuple[int, int]]]) -> list[tuple[int, int]] | None:
    """The segment that is the sum of the six others in every row, when it is told by the numbers:
    two rows or more with a number other than 0, and every segment that fits holding the same ones."""
    if len(segments) != WIDTH:
        return None
    height = len(segments[0])
    if sum(1 for t in range(height) if any(seg[t][0] for seg in segments)) < 2:
        return None
    sums = [sum(seg[t][0] for seg in segments) for t in range(height)]
    fits = [seg for seg in segments if all(2 * seg[t][0] == sums[t] for t in range(height))]
    if not fits or len({tuple(v for v, _ in seg) for seg in fits}) != 1:
        return None
    return fits[0]


__all__ = ["read_blocks"]
