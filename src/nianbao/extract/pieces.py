"""表三 rows whose numbers may be written in pieces.

HTML→text tools write a number whose digits sit in two inline elements (``<span>1</span><span>3</span>``) as
two numbers, a line or a space apart (BeautifulSoup's ``get_text("\\n")``, readability, inscriptis), and
drop blank cells without a trace. Then 「12 0 7 0 1 3 32」 has seven numbers for seven cells, yet it is
12, a blank, 0, 7, 0, 13, 32: its own sum fails as read (12+0+7+0+1+3 ≠ 32) and holds once the 1 and 3 are
one number. Such a row is read as printed by no reading the text settles: when joining neighbouring
numbers makes a row that fails its sum add up, its cells stay null (a row of separated numbers that
fails its sum otherwise is a printed defect, read as printed, and the audit flags it).
"""

from __future__ import annotations

from itertools import product

from ..format import T3_COLUMN_KEYS
from .reason import Reason, printed
from .subtotal import either_sum, row_holds, with_subtotal
from .tables import Found
from .values import Value, leading_zero

PIECES = _PIECES = "本行数字按原样不合计，而把相邻的数字连成一个数（工具把一个数的各位分开写出、空白格不留痕迹）后合计成立：各格无法确定，已留空"

_EIGHT = "本行按原样读出八个数（含小计列），本行合计、小计等于法人或其他组织五列之和、总计等于自然人加小计都不成立：这些数不是各格按位置写出的（数字可能被拆开写在两行），各格无法确定，已留空"

_MINUS = "本行读出负数，而件数不会是负数（负号是空白格的记号，紧贴在下一个数之前，这个数也可能被分开写出）：各格无法确定，已留空"


def _joins_add_up(nums: list[int | None], units: list[str | None], subtotal: bool = False) -> bool:
    """Some way to join neighbouring numbers (a blank stays a cell of its own, a count with its unit
    「2件」 ends its number) gives fewer numbers whose last is the sum of the others; with ``subtotal`` (the row
    as written holds a 小计 among them), the sum of the others but one, the 小计."""
    gaps = [i for i in range(len(nums) - 1)
            if nums[i] is not None and nums[i + 1] is not None and units[i] is None]
    for mask in product((False, True), repeat=len(gaps)):
        if not any(mask):
            continue
        joined = {g for g, on in zip(gaps, mask) if on}
        out: list[int] = []
        cur = ""
        for i, n in enumerate(nums):
            cur += "" if n is None else str(n)
            if i in joined:
                continue
            if leading_zero(cur) or len(cur) > 6:
                break  # no count starts with 0; no cell of 表三 holds a million
            out.append(int(cur) if cur else 0)
            cur = ""
        else:
            rest = sum(out[:-1])
            if rest == out[-1] or subtotal and any(rest - x == out[-1] for x in out[:-1]):
                return True
    return False


def null_piece_rows(found: Found) -> None:
    """Null the 表三 text rows (not a grid's: its cells are the page's own) that fail their own sum as read
    and add up once neighbouring numbers are joined. A row that writes a blank cell's mark may still have
    dropped another blank and written a number in pieces (「0 — 0 18 1 2 30」 is 0, —, 0, 18, 12, 30). A row read
    from eight numbers, a 小计 column's among them, is joined as it was written, the 小计 in its place."""
    rows = sorted({p.rsplit(".", 1)[0] for p in found.values if p.startswith("requests.")})
    for row in rows:
        if row in found.grid:
            _null_stray_glyph_row(found, row)
            continue
        got = [found.values.get(f"{row}.{c}") for c in T3_COLUMN_KEYS]
        vals = [v for v in got if v is not None and not v.overflow and not isinstance(v.value, float)]
        if len(vals) != len(got):
            continue
        nums: list[int | None] = [None if v.value is None else int(v.value) for v in vals]
        units = [v.unit for v in vals]
        # the row as written had eight numbers, its 小计 among them (while the seven are still the row's): joins may
        # take it in (「1 4 1 1 1 12 2 6」 is 14, 1, 11, 小计 12, 26; read as eight cells both sums fail)
        entry = found.subtotals.get(row)
        eight = entry is not None and len(entry[2]) == len(got) and all(a is b for a, b in zip(entry[2], got))
        written = nums
        if entry is not None and eight:
            at, sub, _seven = entry
            if sub.overflow or isinstance(sub.value, float):
                continue
            written = [*nums[:at], None if sub.value is None else int(sub.value), *nums[at:]]
            units.insert(at, sub.unit)
        if any(n is not None and n < 0 for n in written):
            # no count is negative: a blank cell's mark glued to a number, perhaps its first piece (get_text():
            # 「68 -1 79 274」, a dash for 其他 and 179 in pieces); no reading of the row is settled
            _null_row(found, row, _MINUS)
            continue
        last = nums[-1]
        if last is None or sum(n or 0 for n in nums[:-1]) == last:
            continue
        if entry is not None and eight and not either_sum([n or 0 for n in written], with_subtotal(entry[0])):
            # both sums the 小计 adds fail too: the eight numbers are not the row's cells in their places (a number
            # written in pieces on two lines, 「1」 above and 「79」 after the row: 小计 179 read as 274, 总计 as 79)
            _null_row(found, row, _EIGHT)
            continue
        if _joins_add_up(written, units, subtotal=eight):
            _null_row(found, row, _PIECES)


def _null_stray_glyph_row(found: Found, row: str) -> None:
    """A grid row (a PDF's ruled table) with a cell holding two numbers no count is written as (「0 1」: joined, 01)
    whose own sum fails as read: a neighbour's digit was put in that cell (two tables printed one under the other,
    their column rules a few points apart, merged into one grid: the 1 of 19 fell into the cell left of it, 0 1 | 9).
    Which cells lost or gained a digit the row does not say: none is read."""
    vals = [found.values.get(f"{row}.{c}") for c in T3_COLUMN_KEYS]
    if not any(v is not None and v.repaired and _two_numbers(v.cell.text) for v in vals):
        return
    if row_holds([None if v is None else v.value for v in vals], blank_as_zero=True):
        return
    # (the reason in words, the cells as printed the note's text: L-03 shows them as 实为)
    _null_row(found, row, Reason(_STRAY, " ".join(v.cell.text for v in vals if v is not None)))


def _two_numbers(text: str) -> bool:
    """Digits spaced apart in one cell that are not one count: joined they start with 0 (「0 1」)."""
    parts = text.split()
    return len(parts) > 1 and all(p.isdigit() for p in parts) and leading_zero("".join(parts))


_STRAY = ("本行有一格写着两个数（如「0 1」，连起来以 0 开头，不是一个件数），本行合计不成立：相邻格子的数字被放进了这一格"
          "（两张表格上下相接、列线错开几个点），哪几格多了或少了数字无法确定，已留空")


def _null_row(found: Found, row: str, why: str) -> None:
    if not isinstance(why, Reason):  # (the row's cells as printed beside the reason: L-03 shows them as 实为)
        why = Reason(why, printed(found.values.get(f"{row}.{c}") for c in T3_COLUMN_KEYS))
    for c in T3_COLUMN_KEYS:
        p = f"{row}.{c}"
        found.values[p] = Value(None, found.values[p].cell)
    found.notes.append(("unreadable", row, why, None))
