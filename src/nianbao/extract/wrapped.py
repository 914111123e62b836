"""A count's unit wrapped away from its number: a cell 「17件」 too narrow for it, written 「17」 on one line and 「件」
on a line below (pdfplumber's and PyMuPDF's layout text of a report whose cells carry their unit). The number then
stands on a line that is not its row's (the line above, or a line of its own between two rows), and a reader by
lines or by the order of the numbers takes it for a cell of the row above, or a cell of its own row one place early
(「1.申请人无正当理由逾期不补正…  0」 / 「1 0件 15 0件 0件 …  件16」: the 0 is 其他's, read as 自然人's)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..ingest import Cell

UNIT = "件"  # the unit a count of the format's cells may carry


def loose_unit(text: str, source: Callable[[int], int | None] | None = None) -> bool:
    """``text`` (a line, or a stretch of lines) holds a count's 件 standing apart from its number: after words or
    another count's 件 (「0件   件16」), after a wide space or in a cell of its own (「28          件」), or first on an
    indented line (the number's line above, 「17」 over 「件」 in a column). Right after its digits, a space
    (「0 件」) or a line break (「17」/「件」: each cell's text on lines of its own) between, it is in its place; first
    in ``text``, nothing says. ``source``: a text offset's offset in the document's own text (None: not known),
    whose white space a reader's text may have rewritten (cells joined by a tab, lines' indents dropped)."""
    for m in re.finditer(UNIT, text):
        j = m.start()
        i = j
        while i > 0 and text[i - 1].isspace():
            i -= 1
        if i == 0 or i == j and not text[i - 1].isdigit():
            continue  # (first, or a word's: 「件数」)
        before = text[i - 1]
        if before == UNIT:
            return True  # (after another count's: 「0件   件16」)
        if before in "：:":
            continue  # (a header's 「单位：件」)
        if i < j and not before.isdigit() and "\n" not in text[i:j]:
            return True  # (after a word and a space: 「确 件」, a wrapped label's last word beside the 件 under its number)
        if _wide(text, i, j, source):
            return True
        if i < j and j + 1 < len(text) and text[j + 1].isdigit() and "\n" not in text[i:j] and _GLUED_UNIT.search(text):
            # apart from the number before it and glued to the one after, in a text that glues each count's unit to
            # its number (「0件0件 0件 0件   12  件12」, PyMuPDF's sort: the 0 of 「0」 over 「件」 a line above): no number's
            return True
    return False


_GLUED_UNIT = re.compile(rf"\d{UNIT}")


def _wide(text: str, i: int, j: int, source: Callable[[int], int | None] | None) -> bool:
    """More than a space (or a line break and a space) between ``text[i - 1]`` and ``text[j]`` in the document:
    a wide space, a cell of its own, or an indented line below (a layout text's, the 件 under some column)."""
    a, b = (source(i - 1), source(j)) if source is not None else (None, None)
    if a is not None and b is not None:
        return b - a - 1 > 2
    gap = text[i:j]
    if "\n" in gap:
        return bool(gap.rsplit("\n", 1)[1])
    return len(gap) > 2 or "\t" in gap


def line_text(cells: list[Cell]) -> str:
    """A line's cells as the document wrote them: each at its offset (``span``) from the one before; joined by a
    tab where an offset is not known."""
    out = ""
    base: int | None = None  # the document's offset of out[0]
    for c in cells:
        if base is not None and c.span is not None and c.span[0] - base >= len(out):
            out += " " * (c.span[0] - base - len(out)) + c.text
        else:
            out += ("\t" if out else "") + c.text
            base = c.span[0] - (len(out) - len(c.text)) if c.span is not None else None
    return out


__all__ = ["UNIT", "line_text", "loose_unit"]
