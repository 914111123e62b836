"""Texts out of step: a table's numbers do not stand after their own row labels.

The readers take a row by its label and the numbers after it; the decoder reads numbers after their labels
too. Some tools write a table otherwise: the numbers on a line above their label (camelot's and tabula's
stream mode), a grid cell cutting across two rows, a row cut into lines down its columns. Read by label or
in order, such a text gives a row another row's numbers: a wrong number, far worse than a null. So where
these detectors say so, those numbers are read by no label and stay null: all of 表二 and 表三 when the
whole text is out of step (``out_of_step``, asked once by the pipeline), the cut rows' digits when only a
row is (``stacked_rows``).
"""

from __future__ import annotations

import re

from ..format import Format, core, match_label
from ..format.spec import T3_HEADER_WORDS, Label
from ..ingest import Block
from .rowlabels import ACTIVE_ANY, T3_LABELS
from .values import Row, column_numbers, read_value, split_row

_F2021, _F2019 = Format.get("2021"), Format.get("2019")
_FIRST_ROWS = {_F2021.active[0].key: len(_F2021.active[0].columns), _F2019.active[0].key: len(_F2019.active[0].columns),
               T3_LABELS[0].key: len(Format.T3_COLUMN_KEYS)}  # 规章 (three numbers), 本年新收 (seven)


# ---- the whole text out of step ----------------------------------------------------------------


def out_of_step(blocks: list[Block]) -> bool:
    """Is no label of 表二 or 表三 beside its own numbers in this text? The one question the pipeline asks
    before reading those tables by label."""
    return numbers_above_labels(blocks) or straddled_cells(blocks)


def numbers_above_labels(blocks: list[Block]) -> bool:
    """Does this text write its tables' numbers on a line above their label (camelot's and tabula's stream
    mode over a PDF whose labels sit lower in their cells: 「信息内容 … / ,0,0,0 / 规章 / ,0,0,0 / 行政规范性文件 /
    第二十条…」, or the lines tabulate cuts a multi-line cell into under to_markdown)? Both ends of a table tell:
    the first row label of 表二 or 表三 (规章, 本年新收) has numbers just before it and a header before those, and
    some row label has numbers before it and a header or label after it. Which label numbers belong to is
    then not settled by the order. A row-order text with blank rows shows the second sign, never the first
    (its first numbers come after its first label)."""
    numbers = [i for i, b in enumerate(blocks) if _numbers_only(b)]
    if not numbers:
        return False  # every line has words (a label) beside its numbers
    # only the lines around a line of numbers take part in either sign: one before, two after
    rows: list[Row | None] = [None] * len(blocks)
    for j in sorted({j for i in numbers for j in range(max(0, i - 1), min(len(blocks), i + 3))}):
        if not blocks[j].grid:
            rows[j] = split_row(blocks[j], min_trailing=1)
    kinds = ["N" if r is not None and not r.label and r.values else "" for r in rows]
    kinds = ["H" if k == "N" and column_numbers(b) else k for k, b in zip(kinds, blocks)]  # pandas' 0 | 1
    if "N" not in kinds:
        return False  # the common case: numbers stand beside their labels
    first: list[tuple[int, int]] = []  # rows labelled 规章 or 本年新收 (numbers on the line or not), their width
    for i, r in enumerate(rows):
        if r is None or not r.label or len(core(r.label)) > 50:
            continue
        lab = None
        for labels in (ACTIVE_ANY, T3_LABELS):
            lab = match_label(r.label, labels)[0]
            if lab is not None and _label_alone(core(r.label), lab):
                break
            lab = None
        if lab is not None and lab.key in _FIRST_ROWS:
            first.append((i, _FIRST_ROWS[lab.key]))
        if not r.values:
            kinds[i] = "H" if lab is None else "R"
    # a whole row's numbers just above the first row (a columnar text's lone 0 is the top of a column)
    top = any(i >= 2 and kinds[i - 1] == "N" and kinds[i - 2] == "H" and _whole_row(rows[i - 1], width)
              for i, width in first)
    bottom = any(kinds[i - 1] == "N" and kinds[i] == "R" and (i + 1 == len(kinds) or kinds[i + 1] in ("H", "R"))
                 for i in range(1, len(kinds)))
    return top and bottom


# the words of 表三's column header, which a table tool may put on the line of the first row's label
_T3_HEAD_CHARS = frozenset("".join(w for c in Format.T3_COLUMNS for w in (c.label, *c.keys, *c.variants))
                           + "".join(T3_HEADER_WORDS))


def _label_alone(text: str, lab: Label) -> bool:
    """``text`` (a line's words, core) is the label alone — its words wrapped or cut at most — or the label
    after 表三's column header words that a tool wrote on its line (camelot stream: 「服务机构 其 他 一、本年新收
    政府信息公开申请数量」); not a sentence that names it."""
    own = core(lab.label)
    if len(text) <= len(own) + 4:
        return True
    return text.endswith(own) and set(text[:-len(own)].rstrip("一二三四五六七八九十")) <= _T3_HEAD_CHARS


def _numbers_only(b: Block) -> bool:
    """A text line whose every written cell is a number or a blank mark: ``split_row`` finds no label in it."""
    cells = [c for c in b.cells if not c.covered and c.text.strip()]
    return not b.grid and bool(cells) and all(read_value(c) is not None for c in cells)


def _whole_row(row: Row | None, width: int) -> bool:
    """Cells enough for a row of ``width`` (blank ones too, where the text keeps them), and no more numbers."""
    return row is not None and len(row.values) >= width and sum(v.value is not None for v in row.values) <= width


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
        cells = [c for c in b.cells if c.text.strip()]
        t = cells[0].text.strip("| \t") if len(cells) == 1 else ""  # one run, no spaces in it
        if not _GLUED_LINE.fullmatch(t):
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


# ---- one row out of step -----------------------------------------------------------------------
# asked by the decoder's stream and by 表四's reader, each over the blocks it reads: the answer is per block,
# and which blocks stand next to each other depends on what the reader skipped


def _filled_numbers(block: Block) -> set[int] | None:
    """The columns of a label-less row of numbers in explicit cells (a pipe table's or a CSV's row, its
    label cell empty or absent), None for any other block."""
    cells = [c for c in block.cells if not c.covered]
    if block.grid or len(cells) < 4:
        return None
    filled = set()
    for k, c in enumerate(cells):
        if c.text.strip():
            v = read_value(c)
            if v is None or v.value is None:
                return None
            filled.add(k)
    return filled or None


def stacked_rows(blocks: list[Block]) -> set[int]:
    """Blocks of a table row a stream-mode table tool cut into lines (camelot over a PDF whose cells wrap:
    「| | 3001 | 53 | 0 | 61 | 4 | 3119 |」 then 「| | | 0 | | | | |」): a row of numbers, then one with fewer
    numbers standing only in columns the first already fills. Which cell each number is then is not known
    (the row's order runs down a column, then across), so neither block's digits are read as cells."""
    out: set[int] = set()
    prev: tuple[Block, set[int]] | None = None
    for b in blocks:
        filled = _filled_numbers(b)
        if filled is not None and prev is not None and len(b.cells) == len(prev[0].cells) and filled < prev[1]:
            out.update((id(prev[0]), id(b)))
        prev = (b, filled) if filled is not None else None
    return out

