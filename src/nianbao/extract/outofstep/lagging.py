"""表三's numbers behind their labels: lines of numbers after its last row.

PDFBox's ExtractText -sort writes two rows' labels into each other (「（七）总3计.其」 over 「请他 0 0 0 0 0 0 0」,
「四、结转下（年七度）继总续计办理 2 0 0 0 0 0 2」 over 「0 0 0 0 0 0 0」 in LibreOffice's PDF of r001):
（七）总计's numbers come out on 结转下年度's line, and 结转下年度's own on the bare line after it. An OCR'd photo
whose label column is read as one cell gives every label, 结转下年度 last, then the first row's numbers, then the
other rows' numbers a line each. Read by label, the last row takes another row's numbers, and its own sum holds.

The format prints no row after its last one: a line of numbers after the last row's is some row's, and as rows
come in the format's order, the last lines are the last rows'. So the rows at the table's end stand on lines
that are not theirs. Which of them, the column sums say, and only when they can be checked: the reading as it
stands is kept when every sum across rows it is in holds; the one shifted reading (the lines from the last
label's on, given in order to the format's last rows) is named when every sum holds for it and not for the
other; else those rows are left null. Sums that fail never take a value away on their own: a report whose
numbers do not add up, with no line after its last row, is not looked at here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...format import Format, core, match_label
from ...ingest import Block, Cell
from ..subtotal import sum_holds

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Lag:
    """Rows at 表三's end whose numbers may be other rows', and what settles them."""

    rows: tuple[str, ...]  # the format's last rows, as many as the lines from the last label's on
    lines: tuple[tuple[int | float, ...], ...]  # those lines' numbers, in order
    cells: tuple[Cell, ...]  # each line's cell (where a shifted reading's value stands)


def split_line(block: Block) -> tuple[str, list[str]]:
    """A line's words and the numbers after them (the whole line when it holds numbers only)."""
    tokens = " ".join(c.text for c in block.cells if not c.covered).split()
    k = len(tokens)
    while k and _NUMBER.fullmatch(tokens[k - 1]):
        k -= 1
    return " ".join(tokens[:k]), tokens[k:]


def _holds_any(block: Block, keys: tuple[str, ...]) -> bool:
    """Does a cell of ``block`` hold every character of one of ``keys``? Asked of every line: each cell's
    characters as a set, once (「四、结转下（年七度）继总续计办理」, PDFBox -sort writing （七）总计 into 结转下年度's
    label, holds 结转下年 once its brackets are gone)."""
    common = set(keys[0]).intersection(*keys[1:]) if keys else set()
    if common and not any(ch in c.text for c in block.cells for ch in common):
        return False  # (nearly every line: a character every key has is nowhere in it)
    for c in block.cells:
        chars = set(c.text)
        if any(chars.issuperset(k) for k in keys):
            return True
    return False


def lagging_rows(blocks: list[Block], fid: str) -> Lag | None:
    """Lines of numbers, a row's worth at least, right after the line of 表三's last row (format ``fid``)."""
    rows = Format.get(fid).t3_rows
    last = rows[-1]
    keys = (*last.keys, *last.variants)
    width = len(Format.T3_COLUMN_KEYS)
    for i, b in enumerate(blocks):
        if not _holds_any(b, keys):
            continue
        words, numbers = split_line(b)
        if not numbers or not any(k in core(words) for k in keys) or match_label(words, rows)[0] is not last:
            continue
        lines, cells = [numbers], [b.cells[0]]
        for nxt in blocks[i + 1:]:
            more_words, more = split_line(nxt)
            if more_words or not more:
                break
            lines.append(more)
            cells.append(nxt.cells[0])
        if sum(map(len, lines[1:])) < width:
            continue  # a page number, the last row's numbers wrapped: no row after the last one
        n = min(len(rows), max(len(lines), -(-sum(map(len, lines)) // width)))
        return Lag(tuple(r.key for r in rows[-n:]),
                   tuple(tuple(float(t) if "." in t else int(t) for t in ln) for ln in lines), tuple(cells))
    return None


def holds(read: dict[str, int | float | None], fid: str, rows: set[str]) -> bool:
    """Every sum of 表三 that ``rows`` are in can be checked in ``read`` (cell path → value) and holds: each
    row's applicant columns to its 总计, and the format's sums across rows (``Format.t3_identities``)."""
    f = Format.get(fid)
    # (``sum_holds`` is None where a cell is not known: no check, so no hold)
    for r in rows:
        ps = _paths(r)
        if not sum_holds((ps[:-1], ps[-1:]), read):
            return False
    for left, right in f.t3_identities():
        if rows & {*left, *right} and not all(
                sum_holds(([_paths(r)[k] for r in left], [_paths(r)[k] for r in right]), read)
                for k in range(len(f.T3_COLUMN_KEYS))):
            return False
    return True


@cache
def _paths(row: str) -> tuple[str, ...]:
    """The cell paths of 表三's row ``row``, column by column: made once (``holds`` is asked them again and again)."""
    return tuple(f"requests.{row}.{c}" for c in Format.T3_COLUMN_KEYS)


def settle_lag(lag: Lag, read: dict[str, int | float | None], fid: str) -> dict[str, int | float | None] | None:
    """What ``lag``'s rows read (cell path → value, None for null), or None when the reading stands: it
    stands when every sum its rows are in holds; else the shifted reading when all of those sums hold for
    it, every line a row's width; else every cell of those rows null."""
    rows = set(lag.rows)
    if holds(read, fid, rows):
        return None
    cols = Format.T3_COLUMN_KEYS
    nulls: dict[str, int | float | None] = {f"requests.{r}.{c}": None for r in lag.rows for c in cols}
    if len(lag.lines) != len(lag.rows) or any(len(ln) != len(cols) for ln in lag.lines):
        return nulls
    shifted: dict[str, int | float | None] = {
        f"requests.{r}.{c}": v for r, ln in zip(lag.rows, lag.lines) for c, v in zip(cols, ln)}
    return shifted if holds({**read, **shifted}, fid, rows) else nulls
