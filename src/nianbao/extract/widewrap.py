"""Numbers in full-width digits that wrap inside their cells: a row's line holds only some of each number's digits.

A full-width digit (「１」) is as wide as an ideograph, and a line may break between any two of them: a page that
prints its counts in full-width digits in narrow cells wraps 175 as 「１」 / 「７」 / 「５」 down its cell, the middle
digit level with the row's label (Chromium's PDF through pdfplumber: 「１ １」 / 「（一）予以公开 ０ ０ ７ ０ ０ ０ ７」 /
「５ ５」, 175 read as 7). Every reader takes the row's line for the row, and its own sum holds (7 = 7): a wrong value
no check catches. Lines right above and right below a row's, holding full-width digits no cell of any table took
(and no row's own label), show its numbers were cut so; which of its cells they belong to the text does not say (no
places), so the row is null, with a note (L-03). Such digits on one side only are the row's pieces where the row fails
its sum as read (「７０８ １４８ … ６０２９」 over 「４ ６」), or where they stand in the columns of the row's own numbers
(a layout's 「１１ １１」 over 「９ ９」, 119 read 11 = 11); otherwise they may be the next row's or the row before's tail
(``cuttail`` joins those), and the row stands. Text whose numbers are ASCII digits is not asked: a tool never
breaks a line inside 175.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence

from ..format import LABEL_START, Format
from .reason import Reason, printed
from .subtotal import row_holds
from .tables import Found
from .values import Value

_WIDE_DIGIT = re.compile(r"[０-９]")
_WIDE_RUN = re.compile(r"[０-９]+")
WRAPPED = "本行数字为全角数字，窄格中一个数折成几行写出（本行或上下行另有不属于任何一格的全角数字），本行一行上只有各数的一部分，已留空"


def null_wrapped_wide(text: str, tables: tuple[Found, ...]) -> bool:
    """Null each table row read from lines next to which full-width digits stand that no cell took; whether any was."""
    if not text or not _WIDE_DIGIT.search(text):
        return False
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    taken: set[int] = set()  # the lines whose characters some cell took
    cells: list[tuple[int, int]] = []
    for found in tables:
        for v in found.values.values():
            # (a blank's cell may be its row's label: not a number taken)
            if v.value is not None and v.cell.span is not None and v.cell.bbox is None:
                # (every line its characters run over: the decoder's cell of a number in pieces, 「１１」/「９」)
                taken.update(range(bisect_right(starts, v.cell.span[0]) - 1,
                                   bisect_right(starts, max(v.cell.span[1] - 1, v.cell.span[0]))))
                cells.append(v.cell.span)
    loose = {k for k in _lines_with_wide_digits(text, starts) if k not in taken}
    # lines where some full-width digits stand that no cell took, beside a row's cells or not (「１０ ５０ 一、本年新收…
    # ８１ ４７ ８５１１ ７５」 / 「５ ３ ６」: 103 and 506 cut, their first digits before the label)
    stray = _lines_with_stray_digits(text, starts, cells)
    if not loose and not stray:
        return False
    nulled = False
    for found in tables:
        rows: dict[str, list[str]] = {}
        for path, v in found.values.items():
            if v.value is not None and v.cell.span is not None and v.cell.bbox is None:
                rows.setdefault(path.rsplit(".", 1)[0] if path.count(".") > 1 else path, []).append(path)
        for row, paths in rows.items():
            spans = [found.values[p].cell.span for p in paths]
            # (the document's characters: a reader's cell may hold them as read, NFKC's ASCII digits)
            if not any(s is not None and _WIDE_DIGIT.search(text, s[0], s[1]) for s in spans):
                continue
            if any(not _as_printed(found.values[p]) for p in paths):
                continue  # a reader joined its pieces already (``cuttail``: 「１」 over 「３」 read 13 by the row's sum)
            lines = {bisect_right(starts, s[0]) - 1 for s in spans if s is not None}
            if not lines:
                continue
            above, below = min(lines) - 1 in loose, max(lines) + 1 in loose
            beside = any(k in stray for k in lines)
            # pieces above and below: the row's line is the middle of its numbers, and its sum may hold as read (7 = 7);
            # pieces on one side, or on its own lines, and the row fails its sum as read (「７０８ １４８ … ６０２９」 over
            # 「４ ６」): its numbers are cut, not printed wrong
            # or pieces on one side set right under (or over) the row's own full-width numbers, where they start, on the
            # line next to the row or the one after a line of the row's that no cell took (pdfplumber's layout, 「１１ １１」
            # / 「0 0 0 0 0」 / 「９ ９」: 119 cut, its 11 = 11 holding as read), an empty line past them (not between two
            # rows: the row above's pieces under it, 「３６ ３７ … ２７」 / 「２ ８」 / 「２ ３ １ … １１」, are in the same columns)
            first, last = min(lines), max(lines)
            own = [(found.values[p].cell.span, found.values[p].value) for p in paths]
            aligned = any(k in loose and _under(text, starts, k, own) and (gap == k or _line(text, starts, gap).strip())
                          and not _line(text, starts, past).strip()
                          for k, gap, past in ((first - 1, first - 1, first - 2), (first - 2, first - 1, first - 3),
                                               (last + 1, last + 1, last + 2), (last + 2, last + 1, last + 3)))
            if not (above and below or aligned or (above or below or beside) and _fails(found, row)):
                continue
            shown = printed(found.values[p] for p in paths)
            for p in paths:
                found.values[p] = Value(None, found.values[p].cell)
            found.notes[:] = [n for n in found.notes if not (n[0] == "decoded" and n[1] == row)]
            found.notes.append(("unreadable", row, Reason(WRAPPED, shown), None))
            nulled = True
    return nulled


def _fails(found: Found, row: str) -> bool:
    """A 表三 row whose six applicant cells (blanks as 0) do not add up to its 总计 as read (none read: not asked)."""
    if not row.startswith("requests."):
        return False
    vals = [v.value if (v := found.values.get(f"{row}.{k}")) is not None else None for k in Format.T3_COLUMN_KEYS]
    return vals[-1] is not None and not row_holds(vals, blank_as_zero=True)


def _line(text: str, starts: list[int], k: int) -> str:
    """Line ``k`` of ``text`` (without its newline)."""
    return text[starts[k]:starts[k + 1] - 1 if k + 1 < len(starts) else len(text)] if 0 <= k < len(starts) else ""


def _under(text: str, starts: list[int], k: int, cells: Sequence[tuple[tuple[int, int] | None, object]]) -> bool:
    """Line ``k``'s runs of full-width digits each start in the column (past the line's start) where one of the row's
    numbers starts on its line (``cells``: span and value; the run that is the value, not other characters a cell
    holds): the pieces of those numbers, set in their columns (layout text)."""
    cols = {m.start() for m in _WIDE_RUN.finditer(_line(text, starts, k))}
    if not cols or 0 in cols:
        return False
    own = set()
    for span, value in cells:
        for m in _WIDE_RUN.finditer(text, *span) if span is not None else ():
            if int(unicodedata.normalize("NFKC", m.group())) == value:
                own.add(m.start() - starts[bisect_right(starts, m.start()) - 1])
    return cols <= own


def _as_printed(v: Value) -> bool:
    """The value is one of its cell's words as printed (not pieces a reader joined)."""
    return str(v.value) in unicodedata.normalize("NFKC", v.cell.text).replace(",", "").split()


def _lines_with_stray_digits(text: str, starts: list[int], spans: list[tuple[int, int]]) -> set[int]:
    """The lines holding a run of full-width digits none of whose characters a cell took (``spans``)."""
    took = bytearray(len(text) + 1)
    for a, b in spans:
        took[a:b] = b"\x01" * (b - a)
    return {bisect_right(starts, m.start()) - 1 for m in _WIDE_RUN.finditer(text) if not any(took[m.start():m.end()])}


def _lines_with_wide_digits(text: str, starts: list[int]) -> set[int]:
    """The lines holding full-width digits and no row's own label: digits alone, or beside the words of a label wrapped
    (「息 … ９ ９」), never a row's line (「（六）其他处理 17 件 0 ７ ２０ 0 44」, a row some reader left unread)."""
    out = set()
    for k in {bisect_right(starts, m.start()) - 1 for m in _WIDE_DIGIT.finditer(text)}:
        line = _line(text, starts, k)
        if not LABEL_START.search(line) and not any(w in line for w in _ROW_WORDS):
            out.add(k)
    return out


# (the rows whose label has no numbering)
_ROW_WORDS = ("总计", "合计", "结转", "新收")
