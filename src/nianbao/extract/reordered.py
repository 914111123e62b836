"""表三 rows a text tool wrote out of order: the row adds up, the sums across rows fail, and the same numbers in
another order make every one of them hold.

A text tool that writes a table box by box (pdftotext, a number a line) may write a row's cells in another order
than the page's: LibreOffice's PDF of seed 10589 gives 结转下年度继续办理 as 「0」「0」「3」「2」「1」「3」「9」, printed
0 3 0 3 2 1 9. The row's own sum holds in any order, so only the sums across rows can tell: 新收 + 结转 = （七）总计 +
结转下年度 fails in five columns as read, and holds in all of them with the six numbers ordered 0 3 0 3 2 1. (In that
text 新收 and 上年结转 were not read, so no sum reached the row and it stays as read; tests/test_reordered.py writes
seed 000's 结转下年度 so, with every row of the sum read.)

A report whose printed numbers do not add up is read as printed (the audit flags it). But a defect that another
order of the same row's numbers mends exactly, in every sum, is far less likely than a tool's order; so such a row
is left null, with the reason (L-03). Only rows of text whose numbers stand on more than one line (a row on one line
of text, or in a table grid, keeps its order), read without certainty, adding up on their own; and only where every
sum across rows that the row is in can be checked.
"""

from __future__ import annotations

from itertools import permutations

from ..format import T3_ROWS_2019, T3_ROWS_2021, Format
from .reason import Reason, printed
from .subtotal import across_sums, sum_holds
from .tables import Found
from .values import Value

_COLS = Format.T3_COLUMN_KEYS

REORDERED = ("本行各数分写在几行（表格工具逐框写出），按原文次序本行合计成立，而跨行的合计（{sums}）有几栏不成立；同样这几个数换一个"
             "次序（{other}）则全部成立：原文的次序可能是工具写出各框的次序，各格无法确定，已留空")


def null_reordered_rows(found: Found) -> bool:
    """Null the rows the module docstring describes; whether any was."""
    fid = found.t3_format()
    identities = Format.get(fid).t3_identities()
    read = {p: v.value for p, v in found.values.items() if p.startswith("requests.") and v.value is not None}
    failing = [(left, right, c) for left, right in identities for c in _COLS if _holds(read, left, right, c) is False]
    if not failing:  # (nearly every report)
        return False
    rows = {r for left, right, _c in failing for r in (*left, *right)}
    nulled = False
    for key in sorted(rows):
        row = f"requests.{key}"
        vals = [found.values.get(f"{row}.{c}") for c in _COLS]
        if (row in found.grid or row in found.certain or any(v is None or not isinstance(v.value, int) for v in vals)
                or len({v.cell.line for v in vals if v is not None}) < 2):
            continue
        nums = [v.value for v in vals if v is not None and isinstance(v.value, int)]
        if sum(nums[:-1]) != nums[-1]:
            continue  # (a row failing its own sum: the other mends' and the audit's)
        mine = [(left, right) for left, right in identities if key in (*left, *right)]
        if any(_holds(read, left, right, c) is None for left, right in mine for c in _COLS):
            continue  # (a sum the row is in that cannot be checked would not confirm another order)
        other = _other_order(read, row, nums[:-1], mine)
        if other is None:
            continue
        sums = "、".join(dict.fromkeys(_name(left, right) for left, right, _c in failing if key in (*left, *right)))
        for c, v in zip(_COLS, vals, strict=True):
            if v is not None:
                found.values[f"{row}.{c}"] = Value(None, v.cell)
        found.notes.append(("unreadable", row, Reason(REORDERED.format(sums=sums, other=" ".join(map(str, other))),
                                                      printed(v.cell for v in vals if v is not None)), None))
        nulled = True
    return nulled


def _holds(read: dict, left: tuple[str, ...], right: tuple[str, ...], c: str) -> bool | None:
    """Whether one column's sum across rows holds (None: a cell of it not read)."""
    (con,) = across_sums([(left, right)], [c])
    return sum_holds(con, read)


def _other_order(read: dict, row: str, six: list[int], mine: list) -> tuple[int, ...] | None:
    """Another order of the row's six applicant numbers under which every sum across rows the row is in holds."""
    for order in dict.fromkeys(permutations(six)):
        if list(order) == six:
            continue
        trial = {**read, **{f"{row}.{c}": x for c, x in zip(_COLS, order)}}
        if all(_holds(trial, left, right, c) for left, right in mine for c in _COLS):
            return order
    return None


_LABELS = {r.key: r.label for r in (*T3_ROWS_2019, *T3_ROWS_2021)}


def _name(left: tuple[str, ...], right: tuple[str, ...]) -> str:
    """A sum across rows in the format's words: 「一、本年新收…＋二、上年结转…＝（七）总计＋四、结转下年度…」; the outcome
    rows' as 「各项办理结果之和＝（七）总计」."""
    if len(left) > 2:
        return "各项办理结果之和＝" + "＋".join(_short(k) for k in right)
    return "＋".join(_short(k) for k in left) + "＝" + "＋".join(_short(k) for k in right)


def _short(key: str) -> str:
    label = _LABELS.get(key, key)
    return label if len(label) <= 8 else label[:6] + "…"
