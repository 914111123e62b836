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
from .tables import Found
from .values import Value

PIECES = _PIECES = "本行数字按原样不合计，而把相邻的数字连成一个数（工具把一个数的各位分开写出、空白格不留痕迹）后合计成立：各格无法确定，已留空"


def _joins_add_up(nums: list[int | None], units: list[str | None]) -> bool:
    """Some way to join neighbouring numbers (a blank stays a cell of its own, a count with its unit
    「2件」 ends its number) gives fewer numbers whose last is the sum of the others."""
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
            if len(cur) > 1 and cur[0] == "0" or len(cur) > 6:
                break  # no count starts with 0; no cell of 表三 holds a million
            out.append(int(cur) if cur else 0)
            cur = ""
        else:
            if sum(out[:-1]) == out[-1]:
                return True
    return False


def null_piece_rows(found: Found) -> None:
    """Null the 表三 text rows (not a grid's: its cells are the page's own) that fail their own sum as read
    and add up once neighbouring numbers are joined. A row that writes a blank cell's mark may still have
    dropped another blank and written a number in pieces (「0 — 0 18 1 2 30」 is 0, —, 0, 18, 12, 30)."""
    rows = sorted({p[:p.rfind(".")] for p in found.values if p.startswith("requests.")})  # (rsplit's row, cheaper)
    get = found.values.get
    for row in rows:
        if row in found.grid:
            continue
        # every cell read, none out of range or a fraction (one loop, left at the first that is not)
        vals: list[Value] = []
        for c in T3_COLUMN_KEYS:
            v = get(f"{row}.{c}")
            if v is None or v.overflow or isinstance(v.value, float):
                break
            vals.append(v)
        if len(vals) != len(T3_COLUMN_KEYS):
            continue
        nums: list[int | None] = [None if v.value is None else int(v.value) for v in vals]
        last = nums[-1]
        if last is None or sum([n or 0 for n in nums[:-1]]) == last:
            continue
        if not _joins_add_up(nums, [v.unit for v in vals]):
            continue
        for c in T3_COLUMN_KEYS:
            p = f"{row}.{c}"
            found.values[p] = Value(None, found.values[p].cell)
        found.notes.append(("unreadable", row, _PIECES, None))
