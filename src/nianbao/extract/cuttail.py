"""表三 rows whose number a PDF tool cut in two, its last digits alone on a line below the row.

LibreOffice sets a number too wide for its 表三 cell on two lines (「19」 over 「4」). A text tool that writes
the page's words line by line at their heights (PDFBox's -sort) then writes the row with the number's first
digits and the rest alone on a line a little below, after a wrapped label's next line:
「（五 3.补正后申请内容仍不明确 34 57 40 47 15 1 19」/「处）」/「4」 is 34 57 40 47 15 1 194. Read as written the row
fails its own sum (34+57+40+47+15+1 is 194, not 19), and a report whose row does not add up is read as
printed (the audit flags it): here that would be a wrong number.

So a text row of 表三 whose six applicant cells do not sum to its 总计, with a line of nothing but one number
(a number no cell took) at most two lines below its own, is not read as printed: when joining that number
to exactly one of the row's numbers makes the row add up (and no sum across rows that can be checked
fails), the row reads so, with a note; otherwise its cells stay null with the reason (L-03). A row that
fails its sum with no such line is read as printed, as before.
"""

from __future__ import annotations

from ..format import Format
from ..format.nfkc import nfkc
from ..ingest import Block, Cell
from .tables import Found
from .values import Value

BELOW = 2  # lines below the row's own where the rest of a cut number may stand
MAX_DIGITS = 6  # no cell of 表三 holds a million

CUT_NULL = ("本行各数之和与总计不符，而其下第{gap}行是单独一行的数字「{tail}」，可能是本行某个数被工具断开的后半"
            "（单元格内折行），连上后各合计仍无法确认：各格无法确定，已留空")
CUT_JOINED = ("本行按原样各数之和与总计不符；其下第{gap}行单独一行的「{tail}」是「{head}」被工具断开的后半（单元格内折行），"
              "连成「{whole}」后各合计成立")


def _lone_numbers(blocks: list[Block]) -> dict[int, Cell]:
    """Lines holding nothing but one whole number, by line."""
    out: dict[int, Cell] = {}
    for b in blocks:
        if b.grid or (c := b.sole()) is None or c.line is None:
            continue
        t = nfkc(c.text).strip()
        if t.isascii() and t.isdigit() and len(t) <= MAX_DIGITS and not (len(t) > 1 and t[0] == "0"):
            out[c.line] = c
    return out


def _checkable_sums_hold(read: dict[str, int | float | None], fid: str, row: str) -> bool:
    """The row adds up, and every sum across rows that ``row`` is in holds where all its cells are read."""
    cols = Format.T3_COLUMN_KEYS
    vs = [read.get(f"requests.{row}.{c}") for c in cols]
    if any(v is None for v in vs) or sum(v for v in vs[:-1] if v is not None) != vs[-1]:
        return False
    for left, right in Format.get(fid).t3_identities():
        if row not in {*left, *right}:
            continue
        for c in cols:
            a = [read.get(f"requests.{r}.{c}") for r in left]
            b = [read.get(f"requests.{r}.{c}") for r in right]
            if any(v is None for v in a + b):
                continue
            if abs(sum(v for v in a if v is not None) - sum(v for v in b if v is not None)) > 1e-9:
                return False
    return True


def settle_cut_tails(found: Found, blocks: list[Block], fid: str, tables: tuple[Found, ...]) -> None:
    """Join or null the 表三 rows that fail their sum beside a lone number below them (module docstring).
    ``tables``: every table's values (a number on a line a cell was read from is that cell's, not a tail)."""
    if found.out_of_step or not found.values:
        return
    cols = Format.T3_COLUMN_KEYS
    failing: list[tuple[str, list[Value], list[int]]] = []
    for row in sorted({p.rsplit(".", 1)[0] for p in found.values if p.startswith("requests.")}):
        if row in found.grid:
            continue
        got = [v for c in cols if (v := found.values.get(f"{row}.{c}")) is not None and v.value is not None
               and not v.overflow and not isinstance(v.value, float)]
        if len(got) != len(cols):
            continue
        nums = [int(v.value) for v in got if v.value is not None]
        if sum(nums[:-1]) != nums[-1]:
            failing.append((row, got, nums))
    if not failing:  # (nearly every text: nothing to look for)
        return
    taken = {v.cell.line for t in tables for v in t.values.values() if v.cell.line is not None}
    lone = {ln: c for ln, c in _lone_numbers(blocks).items() if ln not in taken}
    for row, vals, nums in failing:
        lines = [v.cell.line for v in vals if v.cell.line is not None]
        if not lines:
            continue
        end = max(lines)
        tail = next((lone[ln] for ln in range(end + 1, end + 1 + BELOW) if ln in lone), None)
        if tail is None or tail.line is None:
            continue
        gap = tail.line - end
        digits = nfkc(tail.text).strip()
        read = {p: v.value for p, v in found.values.items()}
        fits = []
        for i, n in enumerate(nums):
            if n == 0 or len(str(n)) + len(digits) > MAX_DIGITS:
                continue
            whole = int(f"{n}{digits}")
            if _checkable_sums_hold({**read, f"{row}.{cols[i]}": whole}, fid, row.split(".", 1)[1]):
                fits.append((i, whole))
        if len(fits) == 1:
            i, whole = fits[0]
            p = f"{row}.{cols[i]}"
            old = found.values[p]
            found.values[p] = Value(whole, old.cell)
            found.notes.append(("repaired", row, CUT_JOINED.format(gap=gap, tail=digits, head=nums[i], whole=whole),
                                None))
            continue
        for c in cols:
            p = f"{row}.{c}"
            found.values[p] = Value(None, found.values[p].cell)
        found.notes.append(("unreadable", row, CUT_NULL.format(gap=gap, tail=digits), None))
