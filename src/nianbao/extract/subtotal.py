"""表三's sums as the readers check them, and the 小计 column some reports add.

One place for "does this add up": a row's own sums over its values (``row_holds``), and the
``([left paths], [right paths])`` constraints ``row_sums`` and the decoder make, checked over cell
values by path (``sum_holds``, ``no_sum_fails``).

The 小计 (the five 法人或其他组织 columns summed) is not a column of the format: the decoder reads it as
an eighth cell of each row and then drops it. Its sums (小计 = the five organisations, 总计 = 自然人 +
小计) only choose among readings of the same characters."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from ..format import Format

SUBTOTAL = Format.T3_SUBTOTAL_KEY  # the extra column's key while a row is decoded; never in a record
_WORD = Format.T3_SUBTOTAL
_T3 = Format.T3_COLUMN_KEYS
_ORGS = Format.T3_ORG_KEYS  # the five 法人或其他组织 columns the 小计 sums
_ORG_WORDS = Format.T3_ORG_HEADER_FRAGMENTS


def subtotal_at(header: str) -> int | None:
    """Where the header's 小计 stands among a row's eight cells: after the five organisations (6, the usual
    place, between 其他 and 总计) or before them (1, right after 自然人); None when the header names no
    organisation to place it by, or no 小计."""
    at = header.find(_WORD)
    orgs = [i for w in _ORG_WORDS if (i := header.find(w)) >= 0]
    if at < 0 or not orgs:
        return None
    return 1 if at < min(orgs) else 6


_NUMBER = re.compile(r"[\d,，.]+")
# the two characters of 小计; the first of 总计 / 合计, whose 计 a header written down its column also leaves alone
_SMALL, _SUM = _WORD[0], _WORD[1]
_TOTAL = next(c for c in Format.T3_COLUMNS if c.key == "total")
_TOTAL_FIRST = frozenset(w[0] for w in (_TOTAL.label, *_TOTAL.variants))
# the characters of the five organisations' headers (商业企业 … 其他): a header written down its columns cuts them
# into pieces, one a line, 「商」 or 「社会公」; 法人或其他组织 is no piece (人 is no organisation's)
_ORG_CHARS = frozenset("".join(c.label for c in Format.T3_COLUMNS if c.key in _ORGS))


def written_down(text: str) -> int | None:
    """Where a 小计 written down its column stands among a row's eight cells (``subtotal_at``'s places), from the
    header's lines (``text`` with its line breaks). A tool that writes a page line by line (PyMuPDF ``sort=True``,
    a layout mode) sets a narrow column's header a character or two a line, 「其 小」 over 「他 计」, so the header's
    text never has 「小计」. Read so when one 「小」 stands alone in a line and a 「计」 alone on a later line, one more
    lone 「计」 than lone 「总」 and 「合」 (the 总计's), and the pieces of the organisations' headers on the 小's line
    (「商」, 「社会公」) stand all before it (6) or all after it (1); else None, no 小计 read (the format's header has
    no 小 at all; a 小 alone on its line has no place the text tells)."""
    if _SMALL not in text:  # (the format's header has none: nearly every report's)
        return None
    lines = _header_lines([line.split() for line in text.splitlines()])
    small = [(n, k) for n, toks in enumerate(lines) for k, t in enumerate(toks) if t == _SMALL]
    if len(small) != 1:
        return None
    at, k = small[0]
    sums = sum(t == _SUM for toks in lines for t in toks)
    if not any(t == _SUM for toks in lines[at + 1:] for t in toks) or \
            sums < 1 + sum(t in _TOTAL_FIRST for toks in lines for t in toks):
        return None
    toks = lines[at]
    before = any(set(t) <= _ORG_CHARS for t in toks[:k])
    after = any(set(t) <= _ORG_CHARS for t in toks[k + 1:])
    if toks == [_SMALL] and lines[at + 1:at + 2] == [[_SUM]]:
        # 「小」 and 「计」 each alone, a line apart: a tool writing the header cell by cell, column after column
        # (pypdf: 「法律服务」/「机构 其 他」/「小」/「计」); the line before ends in the organisations' last piece
        prev = next((ts for ts in reversed(lines[:at]) if ts), [])
        before = bool(prev) and set(prev[-1]) <= _ORG_CHARS
    return None if before == after else 6 if before else 1


def _header_lines(lines: list[list[str]]) -> list[list[str]]:
    """The first stretch of lines between lines of numbers that holds a lone 「小」: the header ends where the first row's
    numbers stand, its label wrapped or not (「一、本年 802 1,056 …」 / 「新收政府」: a page's repeated header further on has
    its own 「小」), and the text may begin before it, in 表二's numbers (「政府集中采购 0 545.97」)."""
    start = 0
    for n, toks in enumerate(lines + [["0", "0"]]):
        if sum(_NUMBER.fullmatch(t) is not None for t in toks) >= 2:
            if any(_SMALL in ts for ts in lines[start:n]):
                return lines[start:n]
            start = n + 1
    return []


def t3_columns(header: str, lines: str = "") -> tuple[str, ...] | None:
    """表三's columns as the text before its first row names them: the format's seven, or eight with 小计
    where the header prints it; None when it prints 小计 at no place ``subtotal_at`` can tell. ``lines``: the
    same text with its line breaks, for a 小计 written down its column (``written_down``)."""
    if _WORD in header:
        i = subtotal_at(header)
    elif (i := written_down(lines)) is None:
        return _T3
    return None if i is None else with_subtotal(i)


def with_subtotal(at: int) -> tuple[str, ...]:
    """The eight columns of a row with its 小计 at ``at``."""
    return (*_T3[:at], SUBTOTAL, *_T3[at:])


def cut_total(values: Sequence[int]) -> str | None:
    """Where a 表三 row's 总计 (its last value) is a cut piece of the sum of its six cells: "first" when it is that
    sum's first digits (the rest cut off at the page's side, or wrapped to another line), "last" when its last digits
    (the first wrapped above); None when it is neither, or the whole sum."""
    whole, total = str(sum(values[:-1])), str(values[-1])
    if len(whole) <= len(total):
        return None
    return "first" if whole.startswith(total) else "last" if whole.endswith(total) else None


def row_holds(values: Sequence[int | float | None], cols: tuple[str, ...] = _T3, *,
              blank_as_zero: bool = False) -> bool:
    """A 表三 row's own sums hold (``values`` in the order of ``cols``): the six applicant columns make 总计;
    with 小计, the five organisations make 小计 and 自然人 + 小计 makes 总计. A blank cell (None) leaves the row
    unchecked, False; with ``blank_as_zero`` every blank but the 总计 counts 0, as the report counts it."""
    if blank_as_zero:
        values = [*(0 if v is None else v for v in values[:-1]), values[-1]]
    if None in values:
        return False
    # (exact, as every caller compared: a row's cells are counts; a decimal in one is a misread)
    if SUBTOTAL not in cols:
        return sum(values[:-1]) == values[-1]  # type: ignore[arg-type]  # (no None: asked above)
    return all(_subtotal_sums(values, cols))


def subtotal_holds(vals: Sequence[int | None], at: int) -> bool:
    """The five organisations make the 小计 of a row of eight cells with its 小计 at ``at`` (blank cells count 0)."""
    return _subtotal_sums([0 if v is None else v for v in vals], with_subtotal(at))[0]


def either_sum(vals: list, cols: tuple[str, ...]) -> bool:
    """One of a 小计 row's two sums holds (the five organisations make 小计, or 自然人 + 小计 makes 总计): kept
    apart from ``row_holds`` because it asks for either sum, not both."""
    return any(_subtotal_sums(vals, cols))


def _subtotal_sums(vals: Sequence, cols: tuple[str, ...]) -> tuple[bool, bool]:
    """A 小计 row's two sums: the five organisations make 小计; 自然人 + 小计 makes 总计."""
    d = dict(zip(cols, vals))
    return sum(d[c] for c in _ORGS) == d[SUBTOTAL], d["natural_person"] + d[SUBTOTAL] == d["total"]


Sum = tuple[Sequence[str], Sequence[str]]  # the cells of the left paths add up to those of the right ones


def sum_holds(con: Sum, val: Mapping[str, int | float | None]) -> bool | None:
    """Whether one constraint holds over ``val`` (cell path → value): None when one of its cells is not
    known (no value, or None), for a sum over a cell not read says nothing. Decimals within 1e-9."""
    left, right = con
    try:
        lv = [val[p] for p in left]
        rv = [val[p] for p in right]
    except KeyError:
        return None
    if None in lv or None in rv:
        return None
    return abs(sum(lv) - sum(rv)) < 1e-9  # type: ignore[arg-type]  # (no None: asked above)


def sum_possible(con: Sum, val: Mapping[str, int | float | None], new: Collection[str] = ()) -> bool:
    """Whether one constraint can hold over ``val`` whatever its cells not known hold. A count is never
    negative: where one side is all ``new`` cells (those being tried), the other side's ``new`` cells may not
    already exceed it, whatever the rest of that side holds. Only ``new``'s cells count: the others may be a
    reading not settled yet (an OCR'd 6 for 0, a 总计 of 24 cut at the page's side for 249, that later steps
    null)."""
    held = sum_holds(con, val)
    if held is not None:
        return held
    left, right = con
    ln = sum(v for p in left if p in new and (v := val.get(p)) is not None)
    rn = sum(v for p in right if p in new and (v := val.get(p)) is not None)
    if all(p in new and val.get(p) is not None for p in right) and ln > rn + 1e-9:
        return False
    return not (all(p in new and val.get(p) is not None for p in left) and rn > ln + 1e-9)


def no_sum_fails(cons: Sequence[Sum], val: Mapping[str, int | float | None]) -> bool:
    """No constraint that ``val`` can check fails (``sum_holds`` is never False)."""
    return all(sum_holds(c, val) is not False for c in cons)


def across_sums(pairs, cols: Sequence[str]) -> list[tuple[list[str], list[str]]]:
    """The format's sums across 表三's rows (``Format.t3_sums_over``'s pairs of row keys) as constraints, column by
    column: for each column, the left rows' cells add up to the right rows'."""
    return [([f"requests.{k}.{c}" for k in left], [f"requests.{k}.{c}" for k in right])
            for c in cols for left, right in pairs]


def row_sums(key: str, cols: tuple[str, ...]) -> list[tuple[list[str], list[str]]]:
    """The row's own sums as constraints (sum of left paths == sum of right paths)."""
    p = f"requests.{key}"
    if SUBTOTAL not in cols:
        return [([f"{p}.{c}" for c in cols[:-1]], [f"{p}.total"])]
    return [([f"{p}.{c}" for c in _ORGS], [f"{p}.{SUBTOTAL}"]),
            ([f"{p}.natural_person", f"{p}.{SUBTOTAL}"], [f"{p}.total"])]
