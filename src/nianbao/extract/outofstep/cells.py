"""A table tool's cells cut across the text's rows.

camelot over LibreOffice's PDFs puts a column header's words and the next row's number in one cell, or two
rows' labels; over a wrapped page it splits rows' glued digits from their words. Labels then stand away from
their numbers, in rows whose own cells look whole: all of 表二 and 表三 are out of step.
"""

from __future__ import annotations

import re

from ...format import core, match_label
from ...format.spec import Label
from ...ingest import Block
from ..rowlabels import ACTIVE_ANY, T3_LABELS

_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NUMBER_LINE = re.compile(r"\d+[.、．]?")  # digits, and the next label's number mark glued to them (「00000002.」)


def straddled_cells(blocks: list[Block]) -> bool:
    """Does a table tool's grid cut across the text's rows? A cell of two lines holds a column header's
    words and a number (camelot over LibreOffice's PDFs: 「本年制发件数\n0」, 「组织\n0」), or
    the words of two row labels (「（一）予以公开\n（二）部分公开（区分处理的，只计这一」); or only numbers, line after
    line, rows' glued digits that the tool split from the words they stood among (camelot stream over a
    wrapped page: 「"9000009\n0000000"」, then the lines' words; not a date's 「2021\n1\n1」). Then labels stand away from their numbers, in rows whose
    own cells look whole, and no row is read by its label. Also when those numbers stand on lines of their own
    (``_glued_lines``)."""
    if _glued_lines(blocks):
        return True
    for b in blocks:
        for c in b.cells:
            if "\n" not in c.text:
                continue
            lines = [core(t) for t in c.text.split("\n")]
            lines = [t for t in lines if t]
            if len(lines) < 2:
                continue
            if all(_NUMBER_LINE.fullmatch(t) for t in lines) and sum(len(t) >= 5 for t in lines) >= 2:
                return True  # rows' glued numbers of several lines of a wrapped text, split from their words
            if len(b.cells) < 3:
                continue  # a column of wrapped text (a one-column "table" of a page), not a grid's row
            raw = [t.strip() for t in c.text.split("\n") if t.strip()]
            if (len(raw) == 2 and _PLAIN_NUMBER.fullmatch(raw[1]) and not re.search(r"\d", raw[0])
                    and len(lines[0]) >= 2 and _starts_label(lines[0]) is None
                    and match_label(lines[0], T3_LABELS)[0] is None and match_label(lines[0], ACTIVE_ANY)[0] is None):
                return True  # a column header over the next row's number (a row label over its own is no sign)
            keys = {lab.key for t in lines for lab in (_starts_label(t),) if lab is not None}
            if len(keys) >= 2:
                return True
    return False


_GLUED_LINE = re.compile(r"\d{5,}[.、．]?")


def _glued_lines(blocks: list[Block]) -> bool:
    """Two lines in a row holding only rows' glued digits, one with a leading zero (no count has one): the
    same numbers split from their words, with each line of the split cell a row of its own (tabulate's
    Markdown of camelot's cell 「9000009\n0000000」)."""
    prev = ""
    for b in blocks:
        cell = b.sole()
        t = cell.text.strip("| \t") if cell is not None else ""  # one run, no spaces in it
        if len(t) < 5 or not t[0].isdecimal() or not _GLUED_LINE.fullmatch(t):  # (five digits first, at least)
            prev = ""
            continue
        if prev and (t[0] == "0" or prev[0] == "0"):
            return True
        prev = t
    return False


_NUMBERING = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])")


def _starts_label(line: str) -> Label | None:
    """The row label a line of a cell begins (its own words from the start, numbered or not): not a line
    that only names one inside (「形，不计其他情形）」 is no 其他 row)."""
    body = _NUMBERING.sub("", line)
    if len(body) < 4:
        return None
    for labels in (T3_LABELS, ACTIVE_ANY):
        lab = match_label(line, labels)[0]
        if lab is not None and _NUMBERING.sub("", core(lab.label)).startswith(body[:4]):
            return lab
    return None
