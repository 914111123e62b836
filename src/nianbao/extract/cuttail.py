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
fails its sum with no such line is read as printed, as before. pypdf's layout writes the rest beside the next
line's words when the row's label or its group's wraps (「（一）予以公开 0 0 0 0 0 １ １８」/「理结果 ８」): a line of a
label's words and then one number counts too, below the row only. A printed blank (「—」) in the row counts 0 in
its sums, as the report's own sums count it, and takes no tail.

The cut may fall the other way: a narrow cell of Chromium's PDF sets 「２８４」 as 「２８」 over 「４」, and a tool
writes 「２８」 alone on the line above the row and 「４」 below it, which the row takes as its 总计 (52 33 40 49 41
69 / 4). So a line of nothing but one number at most two lines above a failing row (and not within two lines
below another failing row, whose tail it may be) is tried too, as the first digits of one of the row's numbers;
all joins above and below are weighed together: exactly one that makes the sums hold is read, else null.
When the row took the lower pieces as its cells (its cells on its own line and one line below, as many as
the numbers on a line of numbers just above: 「４ ２３」/「…２６ ５６ ３４ ４１ ３５」/「６ ８」), the pieces are
joined in order (46, 238) and placed among the row's own numbers every way that keeps both orders: exactly
one placing that makes the sums hold is read, else the row is null. Sums with another row that fails its
own and is not settled yet check nothing (its numbers are in doubt too).
A tool that writes one cell a line (PyMuPDF's get_text) glues a cell to the first digits of its neighbour when
the neighbour is set on two lines in its narrow cell: 「４６２３」/「８」 is 46 and 238 (「２３」 over 「８」), 「２１0」 …
「２」/「１」 is 21 and, at the row's end, 21. Read as written the row fails its sum. So before the sums across
rows are weighed (``settle_glued_rows``), a text row of 表三 failing its sum is read again with one of its
numbers cut in two and two neighbouring numbers on different lines joined (a cell set on two lines): exactly one
such reading that makes the sums hold is read, with a note; several leave the row null (L-03); none leave it
as printed.

Once a text shows its numbers cut over lines (a piece joined, a split joined, a 总计 that is the last digits of its
row's sum), a row failing its sum is no printed defect to read as printed: its pieces may stand on a line another
row took (PyMuPDF's sorted text writes a row's first digits on the line of the row above). Such rows are null, and
so is a row whose 总计 is its sum's first digits (not only the 总计: the page's side is not the only explanation).
A row that adds up may still be cut: a number and its 总计 cut alike (「… １８ … １８」/「公开 ６ ６」, 186 twice). When
the text shows its pieces on one side of their rows only (below, or above), a row on one line of the text with
numbers no cell took right on that side is null too; pieces seen on both sides (a cell set in the middle of its
height, heads above and tails below) leave no telling whose a line between two rows is, and nothing is done.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations
from typing import TypeVar

from ..format import Format
from ..format.nfkc import nfkc
from ..format.numbers import BLANK_MARKS
from ..ingest import Block, Cell
from .reason import Reason, printed
from .subtotal import cut_total
from .tables import Found
from .values import Value, leading_zero, read_value

T = TypeVar("T")
BELOW = 2  # lines below the row's own where the rest of a cut number may stand
MAX_DIGITS = 6  # no cell of 表三 holds a million

CUT_NULL = ("本行各数之和与总计不符，而其下第{gap}行是单独一行的数字「{tail}」，可能是本行某个数被工具断开的后半"
            "（单元格内折行），连上后各合计仍无法确认：各格无法确定，已留空")
CUT_JOINED = ("本行按原样各数之和与总计不符；其下第{gap}行单独一行的「{tail}」是「{head}」被工具断开的后半（单元格内折行），"
              "连成「{whole}」后各合计成立")


CUT_SPLIT_NULL = ("本行的数有几个在单元格内折行，被工具分写在本行上下两行（上「{heads}」、下「{tails}」），连上后能使各合计成立的"
                  "读法不止一种或没有：各格无法确定，已留空")
CUT_SPLIT_JOINED = ("本行的数有几个在单元格内折行，被工具分写在本行上下两行（上「{heads}」、下「{tails}」），连成「{wholes}」后"
                    "只有一种放法使各合计成立")
CUT_SIDE_NULL = ("本行总计「{total}」在行末，恰是其余各格之和「{whole}」的前几位：后几位可能在页面边缘被截去，该格无法确定，已留空")
CUT_SIDE_GLUED_NULL = ("本行总计「{total}」在行末，恰是其余各格之和「{whole}」的前几位，像是后几位在页面边缘被截去；但把「{glued}」"
                       "拆成两格（{head}|{rest}）后，本行前面的数各格之和恰为其后一个数，末尾的「{total}」也可能是别处的数字："
                       "读法不唯一，整行无法确定，已留空")
CUT_AROUND_NULL = ("本行按原样各数之和与总计不符；本行首或末一个数单独在相邻的一行，另一侧相邻的一行也有单独的数：可能是一个数在"
                   "单元格内折行、两段夹着本行，也可能是两格连写加别行的一段，读法不唯一，已留空")
CUT_START_NULL = ("本行总计「{total}」在行末，恰是其余各格之和「{whole}」的后几位：前几位可能被工具断到了别的行（窄格里折行），"
                  "本行别的格也可能缺了断开的一段，整行无法确定，已留空")
GLUED_JOINED = ("本行按原样各数之和与总计不符；「{glued}」是两格连写（{head}|{rest}），「{pieces}」是一格在单元格内折行的两段，"
                "读作「{whole}」后各合计成立，且只有这一种读法")
GLUED_DROPPED = ("本行按原样各数之和与总计不符；「{glued}」是两格连写（{head}|{rest}），单独一行的「{lone}」不是本行的数"
                 "（别行折行的一段），如此各合计成立，且只有这一种读法")
GLUED_NULL = ("本行按原样各数之和与总计不符；把一个数拆成两格、把不在同一行的相邻两个数连成一格（单元格内折行），"
              "有不止一种读法使各合计成立（{readings}）：各格无法确定，已留空")
GLUED_ELSEWHERE_NULL = ("本行各数之和与总计不符，而此文字把相邻格的数字连写、把一格折行的两段分开写出（见别的行的说明）："
                        "本行的数也可能是这样写出的，各格无法确定，已留空")
CUT_HEAD_NULL = ("本行各数之和与总计不符，而其上第{gap}行是单独一行的数字「{head}」，可能是本行某个数被工具断开的前半"
                 "（单元格内折行），连上后各合计仍无法确认：各格无法确定，已留空")
CUT_HEAD_JOINED = ("本行按原样各数之和与总计不符；其上第{gap}行单独一行的「{head}」是「{tail}」被工具断开的前半（单元格内折行），"
                   "连成「{whole}」后各合计成立")


CUT_BESIDE_NULL = ("本行各数之和与总计相符，但此文字把数在单元格内折行断开（见别的行的说明），而本行{side}紧邻一行有没有归属的数字"
                   "「{pieces}」：可能是本行几个数被断开的部分（一个数和总计断得一样时合计照样成立），各格无法确定，已留空")
CUT_ELSEWHERE_NULL = ("本行各数之和与总计不符，而此文字把别的行的数在单元格内折行断开（见那几行的说明）：本行的数也可能缺了"
                      "被断到别处的部分，各格无法确定，已留空")


def _as_read(found: Found, path: str) -> Value | None:
    """The cell's value, or as read before the garbled-rows check nulled it."""
    v = found.values.get(path)
    return found.garbled.get(path, v) if v is not None and v.value is None else v


def _whole_count(t: str) -> bool:
    """A whole number a cell of 表三 may hold: ASCII digits, at most ``MAX_DIGITS``, no leading 0 but 0 itself."""
    return t.isascii() and t.isdigit() and len(t) <= MAX_DIGITS and not leading_zero(t)


def _lone_numbers(blocks: list[Block]) -> dict[int, Cell]:
    """Lines holding nothing but one whole number, by line."""
    out: dict[int, Cell] = {}
    for b in blocks:
        if b.grid or (c := b.sole()) is None or c.line is None:
            continue
        t = nfkc(c.text).strip()
        if _whole_count(t):
            out[c.line] = c
    return out


def _label_tails(blocks: list[Block]) -> dict[int, Cell]:
    """Lines holding a label's words and then one whole number, by line: pypdf's layout writes the rest of a number
    set on two lines in its narrow cell on the line below the row, beside a wrapped label's next words
    (「（一）予以公开 0 0 0 0 0 １ １８」/「理结果 ８」: 其他 is 18)."""
    out: dict[int, Cell] = {}
    for b in blocks:
        cells = [c for c in b.cells if c.text.strip()]
        if b.grid or len(cells) < 2 or (line := cells[-1].line) is None or any(c.line != line for c in cells):
            continue
        t = nfkc(cells[-1].text).strip()
        words = "".join(c.text for c in cells[:-1])
        if (_whole_count(t) and not any(ch.isdigit() for ch in nfkc(words)) and any("\u4e00" <= ch <= "\u9fff" for ch in words)):
            out[line] = cells[-1]
    return out


def _row_read(found: Found, row: str) -> list[Value] | None:
    """The row's seven cells when each holds a whole number or is null (a printed blank, or a cell the garbled-rows
    check nulled: a number cut in two fails the row and its column) and its 总计 a number. Whether a null cell's text
    is a blank's mark (「—」) the caller looks at: the decoder's blanks point at the row's line."""
    out = []
    for c in Format.T3_COLUMN_KEYS:
        v = _as_read(found, f"{row}.{c}")
        if v is None or v.overflow or isinstance(v.value, float):
            return None
        out.append(v)
    return None if out[-1].value is None else out


_BLANKS = BLANK_MARKS - {""}


def _marked(vals: list[Value]) -> bool:
    """Each null cell of a row is a printed blank's mark (「—」), not a cell standing for the whole row."""
    return all(v.value is not None or nfkc(v.cell.text).strip() in _BLANKS for v in vals)


def _number_lines(blocks: list[Block]) -> dict[int, list[str]]:
    """Lines holding nothing but numbers (one or more, spaced), by line: their digits."""
    out: dict[int, list[str]] = {}
    for b in blocks:
        texts = [c for c in b.cells if c.text.strip()]
        if b.grid or not texts or (line := texts[0].line) is None:
            continue  # (layout text parts a line's numbers into cells: 「４      ２３」)
        ts = nfkc(" ".join(t.text for t in texts)).split()
        if ts and all(_whole_count(t) for t in ts):
            out[line] = ts
    return out


def _split_readings(own: Sequence[T], joined: Sequence[T]) -> list[list[T]]:
    """Every row of 7 keeping ``own`` and ``joined`` each in its order."""
    n = len(own) + len(joined)
    out = []
    for pos in combinations(range(n), len(joined)):
        it_o, it_j = iter(own), iter(joined)
        out.append([next(it_j) if i in pos else next(it_o) for i in range(n)])
    return out


def _checkable_sums_hold(read: dict[str, int | float | None], fid: str, row: str,
                         doubtful: frozenset[str] = frozenset()) -> bool:
    """The row adds up, and every sum across rows that ``row`` is in holds where all its cells are read
    (a sum with another row still in ``doubtful``, failing its own sum and not yet settled, checks nothing)."""
    vs = [read.get(f"requests.{row}.{c}") for c in Format.T3_COLUMN_KEYS]
    if any(v is None for v in vs) or sum(v for v in vs[:-1] if v is not None) != vs[-1]:
        return False
    return _cross_sums_hold(read, fid, row, doubtful)


def settle_cut_tails(found: Found, blocks: list[Block], fid: str, tables: tuple[Found, ...]) -> None:
    """Join or null the 表三 rows that fail their sum beside a lone number below them (module docstring).
    ``tables``: every table's values (a number on a line a cell was read from is that cell's, not a tail)."""
    if found.out_of_step or not found.values:
        return
    cols = Format.T3_COLUMN_KEYS
    failing: list[tuple[str, list[Value], list[int]]] = []
    unmarked: list[tuple[str, list[Value], list[int]]] = []  # failing rows with a null cell that is no blank's mark
    for row in sorted({p.rsplit(".", 1)[0] for p in found.values if p.startswith("requests.")}):
        if row in found.grid or (got := _row_read(found, row)) is None:
            continue
        nums = [0 if v.value is None else int(v.value) for v in got]
        if sum(nums[:-1]) != nums[-1]:
            (failing if _marked(got) else unmarked).append((row, got, nums))
    if not failing and not unmarked:  # (nearly every text: nothing to look for)
        return
    line_ends = {b.cells[-1].line: nfkc(b.text).rstrip() for b in blocks if b.cells and b.cells[-1].line is not None}

    def others(row: str) -> frozenset[str]:  # the other rows whose 总计 is their sum's first digits, by row key
        return frozenset(r.split(".", 1)[1] for r, _, n in (*failing, *unmarked) if r != row and cut_total(n) == "first")

    for row, vals, nums in unmarked:
        # the decoder read the row with blank marks among its numbers, their cells the row's line, not the marks: only
        # a 总计 cut at the page's side is looked for (LibreOffice s04207: 「（二）部分公开… 9 - - - 4 - 1」, 13's 3 cut off)
        if cut_total(nums) == "first":
            _null_cut_total(found, row, vals, nums, fid, line_ends, others(row))
    if not failing:
        return
    # (a lone number a failing row took is not taken: 3.其他 「0 0 359 0 0 359」 took the 「１７８」 below it, the first
    # digits of （七）总计's 1789 whose 9 ends 总计's line, and both rows failed; 9 was left as 总计's 总计, s03253)
    failed = {r for r, _, _ in failing}
    alone = _lone_numbers(blocks)
    taken = {v.cell.line for t in tables for p, v in t.values.items()
             if v.cell.line is not None and not (v.cell.line in alone and p.rsplit(".", 1)[0] in failed)}
    lone = {ln: c for ln, c in alone.items() if ln not in taken}
    # a tail may share its line with a wrapped label's rest (「形，不计其他情形）」/「３」): below a row only
    tails = {**{ln: c for ln, c in _label_tails(blocks).items() if ln not in taken}, **lone}
    numlines = _number_lines(blocks)
    settled: set[str] = set()
    as_printed: list[tuple[str, list[Value]]] = []  # failing rows no piece was found for: read as printed, so far
    # where this table's numbers were seen cut over lines (a narrow cell's number wrapped, not cut at the page's side):
    # their rest below the row (a number joined with a line below), their first digits above (joined with a line
    # above, or a 总计 that is the sum's last digits), or both (heads above and tails below, ``_settle_split``)
    below_seen = above_seen = False
    split_seen = False  # a row's numbers split around its line, read or not: pieces above and below rows alike
    used: set[int] = set()  # the lines of pieces joined to a row or taken for a row's pieces
    sided: list[tuple[str, list[Value], tuple]] = []  # rows whose 总计 alone was nulled as cut at the page's side

    def doubtful(row: str) -> frozenset[str]:  # the other failing rows not settled yet, by the format's row key
        return frozenset(r.split(".", 1)[1] for r, _, _ in failing if r != row and r not in settled)

    ends = {max(ls) for _, vals, _ in failing if (ls := [v.cell.line for v in vals if v.cell.line is not None])}
    for row, vals, nums in failing:
        lines = [v.cell.line for v in vals if v.cell.line is not None]
        if not lines:
            continue
        end = max(lines)
        tail = next((tails[ln] for ln in range(end + 1, end + 1 + BELOW) if ln in tails), None)
        # the first digits of a cut number alone on a line above the row (its rest on the row's line or on a
        # line below that a cell took): not a line that may be another failing row's tail
        start = min(lines)
        blanks = {i for i, v in enumerate(vals) if v.value is None}
        if not blanks and (split := _settle_split(found, row, vals, fid, numlines, taken, ends, end, doubtful(row),
                                                   used)):
            settled.add(row)
            split_seen = True
            if split == "joined":  # (one no reading fits may be a 总计 cut at the page's side beside other numbers, s02751)
                below_seen = above_seen = True
            continue
        head = None if blanks else next(
            (lone[ln] for ln in range(start - 1, start - 1 - BELOW, -1) if ln in lone
             and not any(0 < ln - e <= BELOW for e in ends if e != end)), None)
        if (tail is None or tail.line is None) and (head is None or head.line is None):
            how = _null_cut_total(found, row, vals, nums, fid, line_ends, others(row))
            above_seen = above_seen or how == "start"
            if how is None:
                as_printed.append((row, vals))
            elif how == "side":  # (its note the last one: taken back below where the text wraps numbers)
                sided.append((row, vals, found.notes[-1]))
            continue
        read = {p: v.value for p, v in found.values.items()}
        # (a printed blank counts as 0 in the row's sums, as the report's own sums count it)
        read.update({f"{row}.{c}": n for c, n in zip(cols, nums, strict=True)})
        fits = []  # (cell, whole, gap, piece, below)
        for piece, below in ((tail, True), (head, False)):
            if piece is None or piece.line is None:
                continue
            digits = nfkc(piece.text).strip()
            gap = piece.line - end if below else start - piece.line
            for i, n in enumerate(nums):
                if i in blanks or (below and n == 0) or len(str(n)) + len(digits) > MAX_DIGITS:
                    continue
                whole = int(f"{n}{digits}" if below else f"{digits}{n}")
                if _checkable_sums_hold({**read, f"{row}.{cols[i]}": whole}, fid, row.split(".", 1)[1],
                                        doubtful(row)):
                    fits.append((i, whole, gap, digits, below))
        if len(fits) == 1:
            i, whole, gap, digits, below = fits[0]
            for c, v in zip(cols, vals, strict=True):  # (the row's cells the garbled-rows check nulled, back)
                found.values[f"{row}.{c}"] = v
            p = f"{row}.{cols[i]}"
            old = found.values[p]
            found.values[p] = Value(whole, old.cell)
            used.add(end + gap if below else start - gap)
            below_seen, above_seen = below_seen or below, above_seen or not below
            note = (CUT_JOINED.format(gap=gap, tail=digits, head=nums[i], whole=whole) if below else
                    CUT_HEAD_JOINED.format(gap=gap, head=digits, tail=nums[i], whole=whole))
            found.notes.append(("repaired", row, Reason(note), None))
            settled.add(row)
            continue
        piece = tail if tail is not None else head
        assert piece is not None and piece.line is not None
        used.add(piece.line)
        gap = piece.line - end if tail is not None else start - piece.line
        digits = nfkc(piece.text).strip()
        if tail is None:
            for c in cols:
                p = f"{row}.{c}"
                found.values[p] = Value(None, found.values[p].cell)
            found.notes.append(("unreadable", row, Reason(CUT_HEAD_NULL.format(gap=gap, head=digits), printed(vals)), None))
            continue
        for c in cols:
            p = f"{row}.{c}"
            found.values[p] = Value(None, found.values[p].cell)
        found.notes.append(("unreadable", row, Reason(CUT_NULL.format(gap=gap, tail=digits), printed(vals)), None))
    if not (below_seen or above_seen):
        return
    # this text cuts numbers over lines (a narrow cell's number wrapped): a row failing its sum beside no piece may
    # lack pieces too, written on a line a cell took (PyMuPDF's sorted text: 「…事务信息 0 0 １５６ １６２ … １０ ３３ … ２６ １２」
    # holds 6.属于四类过程性信息's first digits; its own line 「0 ３１５ ２７０ ０ ７ ６ ８８」 read as seven cells, s03461)
    # (nor is a 总计 that is the first digits of the row's sum cut at the page's side: its rest may be on another line,
    # and the other cells may lack theirs: 「2.重复申请 0 0 0 0 ４０ ４ ４」 for 284 0 0 0 0 40 324, PyMuPDF sort, s03461)
    for row, vals, side_note in sided:
        found.notes.remove(side_note)
        as_printed.append((row, vals))
    for row, vals in as_printed:
        for c, v in zip(cols, vals, strict=True):
            found.values[f"{row}.{c}"] = Value(None, v.cell)
        found.notes.append(("unreadable", row, Reason(CUT_ELSEWHERE_NULL, printed(vals)), None))
    if below_seen != above_seen and not split_seen:  # (pieces above and below rows: which row's is not known)
        _null_beside_pieces(found, blocks, taken | used, settled, 1 if below_seen else -1)


def _null_beside_pieces(found: Found, blocks: list[Block], taken: set[int], settled: set[str], step: int) -> None:
    """In a text that cuts numbers over lines, their rest on the line below (``step`` 1) or their first digits on the
    line above (-1): a 表三 row that adds up as read, with pieces of numbers on that side of its line that no cell
    took, is null (L-03). A number and its row's 总计 cut alike still add up: pypdf's layout
    「1.属于国家秘密 0 １８ 0 0 0 0 １８」/「公开 ６ ６」 is 186 twice, read as 18 (s03461)."""
    cols = Format.T3_COLUMN_KEYS
    loose = {ln: ts for ln, ts in _piece_lines(blocks).items() if ln not in taken}
    if not loose:
        return
    for row in sorted({p.rsplit(".", 1)[0] for p in found.values if p.startswith("requests.")}):
        if row in found.grid or row in settled or (vals := _row_read(found, row)) is None or not _marked(vals):
            continue
        lines = [v.cell.line for v in vals if v.cell.line is not None]
        if len(lines) != len(vals) or len(set(lines)) != 1:
            continue  # (only a row on one line: in a text written box by box the lines beside a row are other boxes)
        start = max(lines) + 1 if step > 0 else min(lines) - 1
        near = None
        for ln in range(start, start + step * BELOW, step):
            if ln in taken:
                break  # another row's line: what stands past it is that row's
            if ln in loose:
                near = ln
                break
        if near is None:
            continue
        pieces = " ".join(loose[near])
        for c, v in zip(cols, vals, strict=True):
            found.values[f"{row}.{c}"] = Value(None, v.cell)
        said = CUT_BESIDE_NULL.format(side="下" if step > 0 else "上", pieces=pieces)
        found.notes.append(("unreadable", row, Reason(said, printed(vals)), None))


def _piece_lines(blocks: list[Block]) -> dict[int, list[str]]:
    """Lines holding numbers, after a wrapped label's words if any (「公开 ６ ６」, 「处理 １７ １７」), by line: their digits."""
    out: dict[int, list[str]] = {}
    for b in blocks:
        cells = [c for c in b.cells if c.text.strip()]
        if b.grid or not cells or (line := cells[0].line) is None or any(c.line != line for c in cells):
            continue
        toks = nfkc(" ".join(c.text for c in cells)).split()
        k = 0
        while k < len(toks) and not any(ch.isdigit() for ch in toks[k]):
            k += 1
        nums = toks[k:]
        if nums and all(t.isascii() and t.isdigit() and len(t) < MAX_DIGITS for t in nums) and all(
                any("\u4e00" <= ch <= "\u9fff" for ch in w) for w in toks[:k]):
            out[line] = nums
    return out


def _ends_numbers(line: str, last: str) -> bool:
    """``last`` is the line's last number: only words after it, if anything (PyMuPDF's sorted text of a label
    wrapped beside the cut 总计: 「5．属 ３８６ 0 0 ９７ 0 0 ４８于三类内部」)."""
    found = list(re.finditer(rf"(?<!\d){re.escape(last)}(?!\d)", line)) if last else []
    return bool(found) and not any(ch.isdigit() for ch in line[found[-1].end():])


def _null_cut_total(found: Found, row: str, vals: list[Value], nums: list[int], fid: str,
                    line_ends: dict[int, str], doubtful: frozenset[str] = frozenset()) -> str | None:
    """A 总计 that ends its line and is the first digits of the sum of the row's six cells (「… 53 22 27」 for 277):
    the rest cut off at the page's side (a table wider than the page, LibreOffice). Unless a sum across rows
    holds with it as printed, it is null with the reason (L-03); the six cells stay. Its last digits (the first on
    another line, a narrow cell's number wrapped): the whole row is null. ``doubtful``: the other rows whose 总计 is
    their sum's first digits too (a sum with them confirms nothing)."""
    whole, total = str(sum(nums[:-1])), str(nums[-1])
    last = vals[-1]
    # or its last digits, the first on another line (PyMuPDF's sorted text of a narrow 总计 cell: 「44」 above the row's
    # line, 「… 43 56 - 448 8」, s02927: 8 for 448)
    cut = cut_total(nums)
    if not (cut and last.cell.line is not None
            and _ends_numbers(line_ends.get(last.cell.line, ""), nfkc(last.cell.text).strip())):
        return None
    key = row.split(".", 1)[1]
    read = {p: v.value for p, v in found.values.items()}
    for left, right in Format.get(fid).t3_identities():
        if key not in {*left, *right} or (cut == "first" and doubtful & {*left, *right}):
            # (a sum with another row whose 总计 is cut alike checks nothing: 「… ３２」 for 322 in 一、本年新收 and in
            # （七）总计, the two 32s kept 新收 + 结转 = 总计 + 结转下年度, s04927)
            continue
        a = [read.get(f"requests.{r}.total") for r in left]
        b = [read.get(f"requests.{r}.total") for r in right]
        if None not in a + b and sum(x for x in a if x is not None) == sum(x for x in b if x is not None):
            return "confirmed"  # the printed 总计 confirmed by another sum: a defect of the row's cells, as printed
    side = cut == "first"
    if side and not doubtful and (split := _glued_before_stray(vals)) is not None:
        # the row's first six numbers add up with one of them cut in two (「１３２ ７ 0 １５ 0 ３７ … １」: 13|2, and 37 is
        # 13+2+7+0+15+0): two cells glued and the last a stray digit of another row, as likely as a 总计 cut off. Not
        # where other rows' 总计 are cut alike: the page's side cut the table (s04927: 「0 0 0 16 0 7 2」 for 23, 1|6 a
        # coincidence)
        for c, v in zip(Format.T3_COLUMN_KEYS, vals, strict=True):
            found.values[f"{row}.{c}"] = Value(None, v.cell)
        found.notes.append(("unreadable", row, Reason(CUT_SIDE_GLUED_NULL.format(
            total=total, whole=whole, glued=split[0], head=split[0][:split[1]], rest=split[0][split[1]:]),
            printed(vals)), None))
        return "side"
    # (a number cut over lines: the row's line may lack other cells' first digits too, 「２０５」 over research's 2 in
    # 「… 1499 1018 901 415 690 ２ ５」, s03029: the whole row is null, not its 总计 alone)
    for c, v in zip(Format.T3_COLUMN_KEYS, vals, strict=True):
        if c == "total" or not side:
            found.values[f"{row}.{c}"] = Value(None, v.cell)
    said = CUT_SIDE_NULL if side else CUT_START_NULL
    found.notes.append(("unreadable", row, Reason(said.format(total=total, whole=whole), printed(vals)), None))
    return "side" if side else "start"


def _glued_before_stray(vals: list[Value]) -> tuple[str, int] | None:
    """The number of the row's first six and where to cut it so that they make seven cells that add up (the six
    applicant cells and a 总计): (its digits, the cut). None when no cut, or more than one, does."""
    if any(v.value is None for v in vals[:-1]):
        return None  # (a printed blank: no number to cut)
    tokens = [str(v.value) for v in vals[:-1]]
    fits = []
    for i, t in enumerate(tokens):
        for j in range(1, len(t)):
            if leading_zero(t[j:]):
                continue
            row = [int(x) for x in (*tokens[:i], t[:j], t[j:], *tokens[i + 1:])]
            if sum(row[:-1]) == row[-1]:
                fits.append((t, j))
    return fits[0] if len(fits) == 1 else None


def _settle_split(found: Found, row: str, vals: list[Value], fid: str, numlines: dict[int, list[str]],
                  taken: set[int], ends: set[int], end: int, doubtful: frozenset[str], used: set[int]) -> str | None:
    """Numbers cut with their first digits on a line of numbers above the row and their rest on the line below,
    which the row took: 「４ ２３」/「一、本年新收… ２６ ５６ ３４ ４１ ３５」/「６ ８」 read as 26 56 34 41 35 6 8.
    The row's own numbers and the joined ones (each in order) are placed every way; exactly one placing that
    makes the sums hold is read ("joined"), else the row is null ("null"). None when the text is not of this kind."""
    by_line: dict[int, list[Value]] = {}
    for v in vals:
        if v.cell.line is not None:
            by_line.setdefault(v.cell.line, []).append(v)
    if len(by_line) != 2:
        return None
    first, below = sorted(by_line)
    if not 0 < below - first <= BELOW:
        return None
    tails = numlines.get(below)
    if tails is None or len(tails) != len(by_line[below]):
        return None
    head_ln = next((ln for ln in range(first - 1, first - 1 - BELOW, -1) if ln in numlines), None)
    if head_ln is None or head_ln in taken or any(0 < head_ln - e <= BELOW for e in ends if e != end):
        return None
    heads = numlines[head_ln]
    if len(heads) != len(tails):
        return None
    used.add(head_ln)
    cols = Format.T3_COLUMN_KEYS
    own = [int(v.value) for v in by_line[first] if v.value is not None]
    joined = [int(h + t) for h, t in zip(heads, tails, strict=True)]
    read = {p: v.value for p, v in found.values.items()}
    fits = []
    for cand in _split_readings(own, joined):
        if _checkable_sums_hold({**read, **{f"{row}.{c}": x for c, x in zip(cols, cand, strict=True)}}, fid,
                                row.split(".", 1)[1], doubtful):
            fits.append(cand)
    h, t = " ".join(heads), " ".join(tails)
    if len(fits) == 1:
        for c, x in zip(cols, fits[0], strict=True):
            p = f"{row}.{c}"
            found.values[p] = Value(x, found.values[p].cell)
        note = CUT_SPLIT_JOINED.format(heads=h, tails=t, wholes="、".join(map(str, joined)))
        found.notes.append(("repaired", row, Reason(note), None))
        return "joined"
    for c in cols:
        p = f"{row}.{c}"
        found.values[p] = Value(None, found.values[p].cell)
    found.notes.append(("unreadable", row, Reason(CUT_SPLIT_NULL.format(heads=h, tails=t), printed(vals)), None))
    return "null"


TWO_LINES_JOINED = ("本行的数分写在两行（标签一行「{first}」、下一行「{second}」），按行序读各数之和与总计不符；两行各自的次序不变，"
                    "只有一种合并的次序使各合计成立")
TWO_LINES_NULL = ("本行的数分写在两行（标签一行「{first}」、下一行「{second}」），按行序读各数之和与总计不符，合并两行的次序能使"
                  "各合计成立的读法不止一种或没有：各格无法确定，已留空")


def settle_two_line_rows(found: Found, blocks: list[Block], fid: str) -> None:
    """表三 rows not read with certainty whose numbers stand on two lines, some on the label's line and the rest
    on the line below it (that line holding nothing but numbers and blank marks, seven cells in all), and fail
    the row's sum read line after line: a narrow cell of LibreOffice's PDF sets 「15件」 as 「15」 over 「件」, and a
    tool writes the 15 on the label's line, the row's other cells below it (「6.属于四类过程性信 15」/「0 8 7 — 0 0」:
    15 is the 总计). The cells of each line keep their order; every merge of the two is tried, a blank as 0 in
    the row's sum, and every sum across rows whose cells are all read must hold too: exactly one merge is read,
    with a note, else the row is null (L-03)."""
    if found.out_of_step or not found.values:
        return
    cols = Format.T3_COLUMN_KEYS
    rows = sorted({p.rsplit(".", 1)[0] for p in found.values if p.startswith("requests.")} | set(found.unread_runs))
    cells_of: dict[int, list[Cell]] | None = None
    for row in rows:
        if row in found.certain or row in found.grid:
            continue
        vals = [found.values.get(f"{row}.{c}") for c in cols]
        if any(v is not None and (v.overflow or isinstance(v.value, float)) for v in vals):
            continue
        got = [v.cell for v in vals if v is not None and v.value is not None]
        unread = not got and len(runs := found.unread_runs.get(row, [])) == len(cols)
        if unread:
            # left unread by the decoder (a count's 件 apart from its number among its rows: ``wrapped``): the
            # numbers it had taken for the row, in the order it read them, which is one of the merges tried
            got = [c for c, blank in runs if not blank]
        elif any(v is None for v in vals):
            continue
        lines = sorted({c.line for c in got if c.line is not None})
        if len(lines) != 2 or lines[1] - lines[0] != 1 or any(c.line is None for c in got):
            continue
        nums = [v.value or 0 for v in vals if v is not None]
        if not unread and sum(nums[:-1]) == nums[-1]:
            continue
        if cells_of is None:
            cells_of = _line_cells(blocks)
        first, second = cells_of.get(lines[0], []), cells_of.get(lines[1], [])
        if any(read_value(c) is None for c in second):
            continue  # the line below holds words
        at = next((i for i, c in enumerate(first) if read_value(c) is not None), len(first))
        if any(read_value(c) is None for c in first[at:]):
            continue  # words after the numbers on the label's line
        first = first[at:]
        if len(first) + len(second) != len(cols) or sorted(c.span or (-1, -1) for c in [*first, *second]
                                                           if (r := read_value(c)) is not None and r.value is not None) \
                != sorted(c.span or (-2, -2) for c in got):
            continue  # the row's numbers are not these lines' numbers
        read = {p: v.value for p, v in found.values.items()}
        key = row.split(".", 1)[1]
        fits = []
        for cand in _split_readings(second, first):  # (``first`` kept in order among ``second``)
            vs = [read_value(c) for c in cand]
            own = [v.value or 0 if v is not None else 0 for v in vs]
            if sum(own[:-1]) != own[-1]:
                continue
            trial = {**read, **{f"{row}.{c}": v.value if v is not None else None for c, v in zip(cols, vs, strict=True)}}
            if _cross_sums_hold(trial, fid, key):
                fits.append(vs)
        shown = (" ".join(c.text for c in first), " ".join(c.text for c in second))
        if len(fits) == 1:
            for c, v in zip(cols, fits[0], strict=True):
                if v is not None:
                    found.values[f"{row}.{c}"] = v
            if unread:  # (the decoder's note that it could not read the row no longer holds)
                found.notes[:] = [n for n in found.notes if not (n[0] == "unreadable" and n[1] == row)]
                found.unread_runs.pop(row)
            found.notes.append(("repaired", row, Reason(TWO_LINES_JOINED.format(first=shown[0], second=shown[1])),
                                None))
            continue
        if unread:
            continue  # null already, with the decoder's note
        for c in cols:
            p = f"{row}.{c}"
            found.values[p] = Value(None, found.values[p].cell)
        found.notes.append(("unreadable", row, Reason(TWO_LINES_NULL.format(first=shown[0], second=shown[1]),
                                                      printed(shown)), None))


CUT_ALL_JOINED = ("本行每个数都在单元格内折行，被工具分写在两行（本行「{heads}」、下一行「{tails}」）：按原样各数之和与总计不符，"
                  "逐格连成「{wholes}」后各合计成立")
CUT_ALL_JOINED_TOO = ("本行每个数都在单元格内折行，被工具分写在两行（本行「{heads}」、下一行「{tails}」）：按原样本行合计也成立，但此文字"
                      "别的行这样折断过（或照印时跨行合计不成立），下一行的数没有别的归属；逐格连成「{wholes}」后各合计成立")


def settle_cut_rows(found: Found, blocks: list[Block], fid: str, tables: tuple[Found, ...]) -> None:
    """表三 rows each of whose numbers a narrow cell set on two lines: the row's line holds every number's first digits,
    the next line (after the rest of a wrapped label, if any) the rest of each, as many as the row's cells:
    「一、本年新收…申请数 ６９ ５１ １７ １０ ８２ ２１ ６９」/「量 ７ ５ ２７ ７７ ０ ５５ ９１」 is 697 515 1727 1077 820 2155 6991
    (Chromium's PDF through pdfplumber, pypdf's and pdftotext's layouts, PDFBox's sort). Read line by line the row fails
    its sum and was read as printed. Joined cell by cell, when it adds up and every sum across rows that can be
    checked holds, it reads so, with a note. A printed blank (「—」) takes no tail: 「（一）予以公开 - - ２９ - - - ２９」/
    「１ １」 is 291 twice. A row that adds up as printed (as that one does) is joined only where a sum across rows
    fails as printed, or once a row of the text that did not add up showed its numbers so cut. A head of 0 takes
    no tail (no count starts with 0), and a next line another cell was read from is no row's tails. ``tables``:
    every table's values."""
    if found.out_of_step or not found.values:
        return
    cols = Format.T3_COLUMN_KEYS
    taken: set[int | None] | None = None  # lines a cell of any table was read from (asked once a row is a candidate)
    lines: dict[int, list[Cell]] | None = None
    first: list[tuple[str, dict[str, int], dict[str, int], str]] = []  # rows failing their sum as printed
    later: list[tuple[str, dict[str, int], dict[str, int], str]] = []  # rows adding up as printed: after, if at all
    for row in sorted({p.rsplit(".", 1)[0] for p in found.values if p.startswith("requests.")}):
        if row in found.grid:
            continue
        got = [found.values.get(f"{row}.{c}") for c in cols]
        vals = [v for v in got if v is not None]
        if (len(vals) < len(cols) or any(v.overflow or isinstance(v.value, float) for v in vals)
                or not _marked(vals) or vals[-1].value is None):
            continue  # (a null cell must be a printed blank's mark, which takes no tail)
        nums = [v for v in vals if v.value is not None]
        heads = [str(v.value) for v in nums]
        at = {v.cell.line for v in nums}
        line = at.pop() if len(at) == 1 else None
        if line is None or "0" in heads:
            continue
        below = line + 1
        if taken is None:
            taken = {v.cell.line for t in tables for v in t.values.values()}
            lines = _line_cells(blocks)
        if below in taken or lines is None:
            continue
        words = [nfkc(c.text).strip() for c in lines.get(below, [])]
        tails = words[next((i for i, w in enumerate(words) if w.isdigit()), len(words)):]
        if len(tails) != len(heads) or not all(t.isdigit() and t.isascii() for t in tails) or any(
                any(ch.isdigit() for ch in w) for w in words[:len(words) - len(tails)]):
            continue
        wholes = [h + t for h, t in zip(heads, tails, strict=True)]
        if not all(_whole_count(w) for w in wholes):
            continue
        joined = dict(zip((f"{row}.{c}" for c, v in zip(cols, got) if v is not None and v.value is not None),
                          map(int, wholes), strict=True))
        blanks = {f"{row}.{c}": 0 for c, v in zip(cols, got) if v is not None and v.value is None}  # 0 in the sums
        printed_holds = sum(v.value or 0 for v in vals[:-1]) == vals[-1].value
        note = (CUT_ALL_JOINED_TOO if printed_holds else CUT_ALL_JOINED).format(
            heads=" ".join(heads), tails=" ".join(tails), wholes="、".join(wholes))
        (later if printed_holds else first).append((row, joined, blanks, note))
    shown = False
    for rows in (first, later):
        for row, joined, blanks, note in rows:
            read = {p: v.value for p, v in found.values.items()}
            read.update(blanks)
            if rows is later and not shown and _cross_sums_hold(read, fid, row.split(".", 1)[1]):
                # a row adding up as printed is joined only where a sum across rows fails as printed, or once
                # another row of the text showed its numbers so cut (「（一）予以公开 - - ２９ - - - ２９」/「１ １」)
                continue
            read.update(joined)
            if not _checkable_sums_hold(read, fid, row.split(".", 1)[1]):
                continue
            for p, x in joined.items():
                found.values[p] = Value(x, found.values[p].cell)
            found.notes.append(("repaired", row, Reason(note), None))
            shown = True


def _line_cells(blocks: list[Block]) -> dict[int, list[Cell]]:
    """The words of the text cells by line, in order, each a cell of its own (a text tool that parts words by
    one space keeps a row's numbers in one cell: 「0 8 7 — 0 0」)."""
    out: dict[int, list[Cell]] = {}
    for b in blocks:
        if b.grid:
            continue
        for c in b.cells:
            if c.line is None or c.covered:
                continue
            for m in re.finditer(r"\S+", c.text):
                span = (c.span[0] + m.start(), c.span[0] + m.end()) if c.span is not None else None
                out.setdefault(c.line, []).append(Cell(m.group(), c.line, span, c.page, None, c.path))
    return out


def _cross_sums_hold(read: dict[str, int | float | None], fid: str, row: str,
                     doubtful: frozenset[str] = frozenset()) -> bool:
    """Every sum across rows that ``row`` is in holds, column by column, where all its cells are read (a sum with
    another row in ``doubtful`` checks nothing)."""
    for left, right in Format.get(fid).t3_identities():
        if row not in {*left, *right} or doubtful & ({*left, *right} - {row}):
            continue
        for c in Format.T3_COLUMN_KEYS:
            a = [read.get(f"requests.{r}.{c}") for r in left]
            b = [read.get(f"requests.{r}.{c}") for r in right]
            if any(v is None for v in a + b):
                continue
            if abs(sum(v for v in a if v is not None) - sum(v for v in b if v is not None)) > 1e-9:
                return False
    return True


def _cut_around(vals: list[Value], lone: frozenset[int], beside: frozenset[int]) -> bool:
    """The row's first or last number alone on a line just above or below the others' line (``lone``), and the
    line as far on their other side a lone number too, or one after a label's words (``beside``): one number cut in
    two around the row's line."""
    lines = [v.cell.line for v in vals]
    for k in (0, len(vals) - 1):
        at = lines[k]
        rest = {ln for i, ln in enumerate(lines) if i != k}
        if at is None or at not in lone or len(rest) != 1 or None in rest:
            continue
        row = next(iter(rest))
        if row is not None and abs(at - row) == 1 and 2 * row - at in beside:
            return True
    return False


def _glued_readings(tokens: list[str], lines: list[int | None],
                    lone: frozenset[int] = frozenset()) -> list[tuple[list[int], tuple[str, int, str, str]]]:
    """The row's numbers with one cut in two and two neighbours on different lines joined (module docstring):
    (the seven values, (the number cut, where, the two joined)). ``lone``: the lines holding nothing but one
    number; the row's first or last number alone on such a line may be another row's (the first digits of a
    number of the row below, set on two lines): the row's other six with one cut in two too, ('' joined)."""
    out = []
    n = len(tokens)
    # (the others on lines of their own too, one number a line as pdfminer writes a table: its lone line says nothing)
    apart = len({ln for ln in lines if ln is not None}) == n
    for k in (0, n - 1):
        if apart or lines[k] not in lone or sum(1 for ln in lines if ln == lines[k]) != 1:
            continue
        six = tokens[:k] + tokens[k + 1:]
        for i, t in enumerate(six):
            for j in range(1, len(t)):
                if len(t) - j > 1 and t[j] == "0":
                    continue
                row = [*six[:i], t[:j], t[j:], *six[i + 1:]]
                out.append(([int(x) for x in row], (t, j, tokens[k], "")))
    for i, t in enumerate(tokens):
        for j in range(1, len(t)):
            head, rest = t[:j], t[j:]
            if leading_zero(rest):
                continue
            pieces = [*tokens[:i], head, rest, *tokens[i + 1:]]
            at = [*lines[:i], lines[i], lines[i], *lines[i + 1:]]
            for k in range(n):
                if k == i or at[k] is None or at[k + 1] is None or at[k] == at[k + 1]:
                    continue  # (the cut's own two pieces; numbers on one line are cells apart)
                whole = pieces[k] + pieces[k + 1]
                if leading_zero(whole) or len(whole) > MAX_DIGITS:
                    continue
                row = [*pieces[:k], whole, *pieces[k + 2:]]
                out.append(([int(x) for x in row], (t, j, pieces[k], pieces[k + 1])))
    return out


def _blank_readings(tokens: list[str], lines: list[int | None]) -> list[list[int]]:
    """The row's numbers read another way that adds as many cells: two neighbours on different lines one number
    cut in two (「1」/「3」 for 13) and a blank cell that left no trace, anywhere but the 总计 (a blank as 0). Where one
    of these adds up too, a glued reading is one of two (「１２」/0/7/0/1/3/32 is 12 _ 0 7 0 13 32 as well as 1 20 7
    0 1 3 32)."""
    out = []
    for k in range(len(tokens) - 1):
        if lines[k] is None or lines[k + 1] is None or lines[k] == lines[k + 1]:
            continue
        whole = tokens[k] + tokens[k + 1]
        if leading_zero(whole) or len(whole) > MAX_DIGITS:
            continue
        six = [*tokens[:k], whole, *tokens[k + 2:]]
        for b in range(len(six)):  # (the blank before the b-th; never after the 总计)
            out.append([int(x) for x in [*six[:b], "0", *six[b:]]])
    return out


def settle_glued_rows(found: Found, fid: str, blocks: list[Block]) -> None:
    """Read again the 表三 text rows that fail their sum, a number glued to the first digits of its neighbour
    whose rest stands on the next line (module docstring): one reading that makes the sums hold is read, several
    leave the row null, none leave it as printed."""
    cols = Format.T3_COLUMN_KEYS
    failing: list[tuple[str, list[Value], list[int]]] = []
    for row in sorted({p.rsplit(".", 1)[0] for p in found.values if p.startswith("requests.")}):
        if row in found.grid:
            continue
        got = [v for c in cols if (v := found.values.get(f"{row}.{c}")) is not None and v.value is not None
               and not v.overflow and not isinstance(v.value, float) and not v.repaired]
        if len(got) != len(cols):
            continue
        nums = [int(v.value) for v in got if v.value is not None]
        if sum(nums[:-1]) != nums[-1]:
            failing.append((row, got, nums))
    if not failing:  # (nearly every text)
        return
    settled: set[str] = set()
    several: dict[str, list[tuple[int, ...]]] = {}
    lone = frozenset(_lone_numbers(blocks))
    # (a number cut around its row may have its first digits beside a wrapped label's words: 「公开 １」, s10949)
    beside = lone | frozenset(_label_tails(blocks))
    todo = [(row, vals, nums) for row, vals, nums in failing if len({v.cell.line for v in vals}) > 1
            and not cut_total(nums)]
    # (a row on one line: no cell of it was set on two lines; nor a 总计 that is the first or last digits of the row's
    # sum: a number cut, which ``settle_cut_tails`` weighs, where cutting one number and joining two keeps the row's
    # own sum too easily: PyMuPDF's one cell a line, 「０ ０ ０ １６ ０ ７ ２」 with 23's 3 lost, read 0 0 0 1 6 0 7,
    # s04927). Rows settled make the sums with them checkable: again over the rows with several readings until no
    # more settle
    tried = list(todo)
    glued_seen = False
    while todo:
        left = []
        for row, vals, nums in todo:
            doubtful = frozenset(r.split(".", 1)[1] for r, _, _ in failing if r != row and r not in settled)
            read = {p: v.value for p, v in found.values.items()}
            fits: dict[tuple[int, ...], tuple[str, int, str, str]] = {}
            for cand, how in _glued_readings([str(n) for n in nums], [v.cell.line for v in vals], lone):
                if _checkable_sums_hold({**read, **{f"{row}.{c}": x for c, x in zip(cols, cand, strict=True)}},
                                        fid, row.split(".", 1)[1], doubtful):
                    fits.setdefault(tuple(cand), how)
            if fits and any(_checkable_sums_hold({**read, **{f"{row}.{c}": x for c, x in zip(cols, cand, strict=True)}},
                                                 fid, row.split(".", 1)[1], doubtful)
                            for cand in _blank_readings([str(n) for n in nums], [v.cell.line for v in vals])):
                continue  # as well a blank cell and a number in pieces: not this kind, left to the other readers
            if len(fits) == 1 and _cut_around(vals, lone, beside):
                # the lone number dropped, or joined, may be the rest of a number cut around the row's line, its first
                # digits on the line on the row's other side (pdfplumber: 「１」/「（五）不予2.重复申请 0 0 0 0 0 １１」/「１」 is 11
                # and a 总计 of 11, not 1|1 and a stray 1, s02805; PyMuPDF: 「１」/「… 0 ２１２」/「１」 is 12 and 12, not 21 and
                # 21, s10949): another reading, not checked here
                shown = printed(vals)
                for c, v in zip(cols, vals, strict=True):
                    found.values[f"{row}.{c}"] = Value(None, v.cell)
                found.notes.append(("unreadable", row, Reason(CUT_AROUND_NULL, shown), None))
                settled.add(row)
                continue
            if len(fits) == 1:
                (one, (glued, j, a, b)), = fits.items()
                for c, x, v in zip(cols, one, vals, strict=True):
                    found.values[f"{row}.{c}"] = Value(x, v.cell)
                why = (GLUED_JOINED.format(glued=glued, head=glued[:j], rest=glued[j:], pieces=f"{a}」「{b}", whole=a + b)
                       if b else GLUED_DROPPED.format(glued=glued, head=glued[:j], rest=glued[j:], lone=a))
                found.notes.append(("repaired", row, Reason(why), None))
                settled.add(row)
                several.pop(row, None)
                glued_seen = True
            elif fits:
                several[row] = list(fits)
                left.append((row, vals, nums))
        if len(left) == len(todo):
            break
        todo = left
    for row, readings in several.items():
        shown = printed(found.values[f"{row}.{c}"] for c in cols)
        for c in cols:
            found.values[f"{row}.{c}"] = Value(None, found.values[f"{row}.{c}"].cell)
        found.notes.append(("unreadable", row, Reason(GLUED_NULL.format(
            readings="；".join(" ".join(map(str, r)) for r in readings[:4]) + ("…" if len(readings) > 4 else "")),
            shown), None))
    if glued_seen:
        # this text glues cells and cuts numbers over lines (a row read so above): a row still failing its sum is no
        # printed defect to read as printed, its digits grouped by the tool, not the page (PyMuPDF of Chromium's PDF,
        # seed 8005: （七）总计 「２６７」「４８８」「８１」「７」「１」「２４」「１」 for 26 7 48 8 81 71 241, with 部分公开 read as 2|12)
        for row, vals, _nums in tried:
            if row in settled or row in several:
                continue
            for c, v in zip(cols, vals, strict=True):
                found.values[f"{row}.{c}"] = Value(None, v.cell)
            found.notes.append(("unreadable", row, Reason(GLUED_ELSEWHERE_NULL, printed(vals)), None))
