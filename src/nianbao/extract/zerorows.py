"""表三 rows of seven 0 read by count from several lines, beside a row left unread: null where no sum settles them.

PDF text tools that write a page box by box (poppler ``pdftotext``'s default mode, pdfminer.six) put a
table's numbers one or two to a line, column by column or in blocks, the row labels in runs. A row label
followed by seven numbers one or two to a line is read as that row by their count (``decoder``, ``columnar``).
Where the rows around it were read too, the count held there and the boxes came in the table's order. Beside
a row of the format left unread (its numbers more or fewer than a row's: not in the table's order), a run
of seven 0 says nothing of which row it is: every row of 0 adds up, so its own sum confirms nothing, and a
row of the table whose 0s they are not (「0 0 0 11 0 0 11」 whose 11 stands elsewhere) reads as seven 0 just as
well. A wrong 0 is a wrong value.

So such a row keeps a 0 only in a column where every sum across rows it is in (the outcome rows to （七）总计;
一 + 二 = （七）总计 + 四) can be checked and holds; its other cells are nulled with a note (L-03). A row of 0 on
one line of text, or read in a grid, is read as printed; so is one the columnar reader placed (``columnar``: the
same value in every placement of the boxes that the sums allow). Rows with other numbers are left to ``counted``
(their own sum can fail).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..format import Format
from .reason import Reason, printed
from .subtotal import Sum, across_sums, sum_holds
from .tables import Found
from .values import Value

ZEROS = ("本行的七个 0 分写在几行上（表格逐框写出），是按标签后数字的个数读出的，而相邻的行读不出（其后的数字多于或少于"
         "一行），数字的先后不是表格的次序；全是 0 的一行本行合计总成立，跨行的合计又不能证实：这些 0 是不是本行的无法确定，已留空")


# seven cells written one or two to a line stand on at least four lines (a row wrapped, 「0件0件 …」 with a 0 pushed
# onto the next line by its unit, stands on two)
BOXED_LINES = 4


def _row(found: Found, key: str) -> list[int] | None:
    """The row's seven cells as read, when every one is a count and they stand one or two to a line."""
    vals = [found.values.get(f"requests.{key}.{c}") for c in Format.T3_COLUMN_KEYS]
    if any(v is None or v.value is None or isinstance(v.value, float) or v.overflow for v in vals):
        return None
    lines = {v.cell.line for v in vals if v is not None}
    if None in lines or len(lines) < BOXED_LINES:
        return None  # the row is a line of the text, or wrapped onto another: read as printed
    return [int(v.value) for v in vals if v is not None and v.value is not None]


def _across(key: str, order: list[str]) -> Sequence[Sum]:
    """The sums across rows, column by column, that the row is in."""
    return across_sums([(left, right) for left, right in Format.t3_sums_over(order) if key in left or key in right],
                       Format.T3_COLUMN_KEYS)


def zero_cells(found: Found) -> dict[str, list[str]]:
    """Rows of seven 0 read from several lines between rows left unread (module doc): row path → its cells
    that no sum across rows settles (in a column whose every such sum can be checked and holds, the 0 stays)."""
    if found.out_of_step or not found.values:
        return {}
    cols = Format.T3_COLUMN_KEYS
    order = [r.key for r in Format.get(found.t3_format()).t3_rows]
    val: dict[str, int | float | None] = {p: v.value for p, v in found.values.items()
                                          if p.startswith("requests.") and not v.overflow}
    read = {k for k in order if any(val.get(f"requests.{k}.{c}") is not None for c in cols)}
    out: dict[str, list[str]] = {}
    for i, key in enumerate(order):
        row = f"requests.{key}"
        if row in found.grid or row in found.certain or row in found.by_columns:
            continue  # (the columnar reader placed it: one value in every placement of the boxes the sums allow)
        if (nums := _row(found, key)) is None or any(nums):
            continue
        if any(k in read for k in order[max(0, i - 1):i] + order[i + 1:i + 2]):
            continue  # a row beside it read: the count of the boxes held there
        across = _across(key, order)
        doubt = [c for c in cols if not all(sum_holds(con, val) for con in across if f"{row}.{c}" in (*con[0], *con[1]))]
        if doubt:
            out[row] = doubt
    return out


def null_zero_rows(found: Found) -> None:
    """Null the cells ``zero_cells`` finds, with a note."""
    cols = Format.T3_COLUMN_KEYS
    for row, doubt in zero_cells(found).items():
        written = printed(found.values[f"{row}.{c}"] for c in cols)
        for c in doubt:
            p = f"{row}.{c}"
            found.values[p] = Value(None, found.values[p].cell)
        found.notes.append(("unreadable", row, Reason(ZEROS, written), None))


__all__ = ["ZEROS", "null_zero_rows", "zero_cells"]
