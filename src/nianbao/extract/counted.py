"""表三 rows read by counting numbers, not by a line: null when their own sum fails beside an unread row.

PDF text tools that write a page box by box (poppler ``pdftotext``'s default mode, pdfminer.six) put a
table's numbers one or two to a line, column by column or in blocks, and the row labels in runs. A row
label followed by exactly seven numbers is then read as that row by their count, though the seven may
be the ends of two columns, or cells of other rows (「5.属于三类内部事务信息」 / 0 / 0 / 0 / 345 0 / 0 / 0,
where 345 is another row's and the row's own 305 stands further on).

A row read by label on its own line (its numbers on the label's line or on one line) is read as printed,
whatever its sum: the line is the row. But a row whose seven cells stand on several lines was read by
the count of numbers after its label, and that count is only evidence where the rows around it were read
too: beside a row of the format left unread (its numbers fewer or more than a row's, so the numbers here
are not in the table's order), a reading of seven that fails its own sum is no reading. Its cells are
nulled with a note (L-03). Run after the readers that mend a row failing its sum (``cuttail``): a number
cut in two fails the row too, and those readers join it.
"""

from __future__ import annotations

from ..format import Format
from .reason import Reason, printed
from .subtotal import cut_total, row_holds
from .tables import Found
from .values import Value

COUNTED = ("本行的七个数分写在几行上（表格逐框写出），是按标签后数字的个数读出的，而相邻的行读不出（其后的数字多于或少于"
           "一行），数字的先后不是表格的次序；本行合计又不成立：各格无法确定，已留空")


def _as_read(found: Found, path: str) -> Value | None:
    """The cell's value, or as read before the garbled-rows check nulled it."""
    v = found.values.get(path)
    return found.garbled.get(path, v) if v is not None and v.value is None else v


def counted_rows(found: Found) -> set[str]:
    """The 表三 rows read by count on several lines whose sum fails beside an unread row (module doc): its six
    applicant cells do not add up to its 总计, or those read already exceed it."""
    if found.out_of_step or not found.values:
        return set()
    cols = Format.T3_COLUMN_KEYS
    order = [r.key for r in Format.get(found.t3_format()).t3_rows]
    read = {k for k in order if any((v := found.values.get(f"requests.{k}.{c}")) is not None and v.value is not None
                                     for c in cols)}
    out: set[str] = set()
    failing = [i for i, key in enumerate(order) if key in read and _fails(found, key)]
    cut = {f"requests.{order[i]}" for i in failing if _cut_shaped(found, order[i])}
    # a row found here is no reading, so its neighbours stand beside an unread row too (PyMuPDF: 5.属于三类内部事务信息
    # beside an unread 4., then 6.属于四类过程性信息 beside 5., both of cells glued and cut over lines): until none is added.
    # Not through a row whose 总计 is the first or last digits of its cells' sum: a number cut at the page's side or over
    # lines, which ``cuttail`` settles (LibreOffice's table past the page's side: every row's 总计 cut, s02751)
    while True:
        more = {f"requests.{order[i]}" for i in failing if f"requests.{order[i]}" not in out
                and not all(k in read for k in order[max(0, i - 1):i] + order[i + 1:i + 2])
                and not (out and f"requests.{order[i]}" in cut)}
        if not more:
            return out
        out |= more
        read -= {r.removeprefix("requests.") for r in more - cut}


def _cut_shaped(found: Found, key: str) -> bool:
    """Whether the 表三 row ``key``'s 总计 is the first or last digits of the sum of its six other cells, all read."""
    nums = [v.value if (v := _as_read(found, f"requests.{key}.{c}")) is not None else None for c in Format.T3_COLUMN_KEYS]
    return all(isinstance(n, int) for n in nums) and cut_total([int(n) for n in nums if n is not None]) is not None


def _fails(found: Found, key: str) -> bool:
    """Whether the 表三 row ``key`` was read by count on several lines and fails its own sum (``counted_rows``)."""
    cols = Format.T3_COLUMN_KEYS
    row = f"requests.{key}"
    if row in found.grid or row in found.certain:
        return False
    # (a cell the garbled-rows check nulled counts as read, as it was: it failed the row's sum too)
    got = {c: v for c in cols if (v := _as_read(found, f"{row}.{c}")) is not None and v.value is not None}
    if not got or any(isinstance(v.value, float) or v.overflow for v in got.values()):
        return False
    nums = {c: int(v.value) for c, v in got.items() if v.value is not None}
    total = nums.pop(cols[-1], None)
    # its 总计 against its six applicant cells: equal when all are read; at least their sum when some
    # are not (every cell is at least 0)
    if total is None or (sum(nums.values()) == total if len(nums) == len(cols) - 1 else sum(nums.values()) <= total):
        return False
    lines = {v.cell.line for v in got.values()}
    return None not in lines and len(lines) >= 2  # (a row that is a line of the text is read as printed)


def null_counted_rows(found: Found, before: set[str]) -> None:
    """Null the rows ``counted_rows`` finds, and those it found ``before`` the readers that mend a row failing
    its sum (``cuttail``) unless they now add up: a mend that nulls only the row's 总计 (its digits may be cut
    off) leaves the other cells read by count."""
    cols = Format.T3_COLUMN_KEYS

    def holds(row: str) -> bool:  # (a blank cell, 「—」 or left empty, is 0 in the sum as the report counts it)
        return row_holds([v.value if (v := found.values.get(f"{row}.{c}")) is not None else None for c in cols],
                         blank_as_zero=True)

    for row in sorted(counted_rows(found) | {r for r in before if not holds(r)}):
        hit = False
        for c in cols:
            p = f"{row}.{c}"
            if (v := found.values.get(p)) is not None and v.value is not None:
                found.values[p] = Value(None, v.cell)
                hit = True
        if hit or row not in before:
            # (the reason in words, the row's cells as printed the note's text: L-03 shows them as 实为)
            shown = printed(found.values.get(f"{row}.{c}") for c in cols)
            found.notes.append(("unreadable", row, Reason(COUNTED, shown), None))


OVER_TOTAL = ("本列中已读出的各办理结果之和大于（七）总计，而这些数中有按列读出的（表格逐框写出，标签成串）："
              "框的先后不一定是表格的次序，本列这些格子无法确定，已留空")


def null_over_total(found: Found) -> None:
    """A column whose outcome cells read so far add up to more than its （七）总计 (every cell is at least 0, so
    the cells not read cannot mend it), where the columnar reader placed （七）总计 (labels in runs, numbers box by
    box: read by the order and count of the boxes): the cells of that column in the rows it placed are nulled,
    with a note (L-03). Rows read by their own line keep their values: a printed table may not add up, and is
    read as printed (a synthetic page's （七）总计 leaving out a 1 under 法律服务机构, read by every tool)."""
    if found.out_of_step or not found.values:
        return
    cols = Format.T3_COLUMN_KEYS
    order = [r.key for r in Format.get(found.t3_format()).t3_rows]
    (outcome, (total,)), _ = Format.t3_sums_over(order)

    def num(key: str, c: str) -> int | None:
        v = found.values.get(f"requests.{key}.{c}")
        ok = v is not None and v.value is not None and not v.overflow and not isinstance(v.value, float)
        return int(v.value) if ok and v is not None and v.value is not None else None

    if f"requests.{total}" not in found.by_columns:
        return  # its （七）总计 read by a line or by the order of rows: the bound says nothing of the boxes' order
    noted: set[str] = set()
    for c in cols:
        t = num(total, c)
        if t is None or sum(n for k in outcome if (n := num(k, c)) is not None) <= t:
            continue
        doubt = [k for k in (*outcome, total) if num(k, c) is not None and f"requests.{k}" in found.by_columns
                 and f"requests.{k}" not in found.certain and f"requests.{k}" not in found.grid]
        for k in doubt:
            p = f"requests.{k}.{c}"
            found.values[p] = Value(None, found.values[p].cell)
            if k not in noted:
                noted.add(k)
                shown = printed(found.values.get(f"requests.{k}.{x}") for x in cols)
                found.notes.append(("unreadable", f"requests.{k}", Reason(OVER_TOTAL, shown), None))


__all__ = ["COUNTED", "OVER_TOTAL", "counted_rows", "null_counted_rows", "null_over_total"]
