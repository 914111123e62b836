"""Numbers written on a line above their row label, at both ends of a table.

camelot's and tabula's stream mode over a PDF whose labels sit lower in their cells than the numbers write
each row's numbers on the line before its label: read by label or in order, a row takes the next row's
numbers. Then all of 表二 and 表三 are out of step.
"""

from __future__ import annotations

import re

from ...format import Format, core, match_label, norm, numbering_length
from ...format.spec import T3_HEADER_WORDS, Label
from ...ingest import Block
from ..rowlabels import ACTIVE_ANY, T3_LABELS
from ..values import Row, column_numbers, read_value, split_row
from ..wrapped import UNIT

_F2021, _F2019 = Format.get("2021"), Format.get("2019")
_FIRST_ROWS = {_F2021.active[0].key: len(_F2021.active[0].columns), _F2019.active[0].key: len(_F2019.active[0].columns),
               T3_LABELS[0].key: len(Format.T3_COLUMN_KEYS)}  # 规章 (three numbers), 本年新收 (seven)


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
              and not _numbering_above(blocks[i - 2], rows[i]) for i, width in first)
    # a line of the cells' units alone after a label (「0 0 0」 / 「规章」 / 「件 件 件」): cells of two lines, number over
    # 件, with the label set in the middle of its row between them; the numbers above are its own row's
    kinds = ["U" if k == "H" and _units_only(b) else k for k, b in zip(kinds, blocks)]
    top = top and not any(kinds[i - 1] == "N" and i + 1 < len(kinds) and kinds[i + 1] == "U" for i, _w in first)
    bottom = any(kinds[i - 1] == "N" and kinds[i] == "R" and (i + 1 == len(kinds) or kinds[i + 1] in ("H", "R"))
                 for i in range(1, len(kinds)))
    return top and bottom


def _numbering_above(above: Block, row: Row | None) -> bool:
    """The line above is the first row's numbering, cut from the rest of its label by the row's numbers (「一」 /
    「21 0 0 0 0 0 21」 / 「、本年新收政府信息公开申请数量」, pdfplumber of a page whose narrow label cell wraps after
    its numeral): a label written around its numbers, not numbers above their label."""
    head = norm(above.text)
    if row is None or row.label is None or not 0 < len(head) <= 3:
        return False
    # (「一、」 / numbers / 「本年新收…」: the numbering whole above, the label's words without one below)
    whole = numbering_length(above.text) == len(head) and not numbering_length(row.label)
    return whole or numbering_length(above.text + row.label) > len(head)


def between_numbers_and_units(blocks: list[Block]) -> set[int]:
    """The lines (``id`` of their blocks) that stand with a line of numbers alone before a line of units alone, after
    the line of units before (「0 0 0 0 0」 / 「（一）予以公开 6 6」 / 「件 件 件 件 件」): a row of cells of two lines, number
    over 件, whose cells of one line stand on its label's line and the others' numbers on a line of their own, above
    it or below. The cells its own line leaves out are not blank."""
    out: set[int] = set()
    for j, b in enumerate(blocks):
        if not _units_only(b):
            continue
        # (a wrapped label's lines around the row's: 「0 0 0 0 0」 / 「1.本机关不掌握相关政府」 / 「3 3」 / 「信息」 / 「件 …」)
        lo = max(0, j - _TWO_LINE_SPAN)
        lo = next((k + 1 for k in range(j - 1, lo - 1, -1) if _units_only(blocks[k])), lo)  # (the row above's units)
        # (the numbers' line above the label's, or below it: 「（一）予以公开 8 132 140」 / 「0 0 0 0」 / 「件 件 件 件」)
        if any(_numbers_only(blocks[k]) for k in range(lo, j)):
            out.update(id(blocks[i]) for i in range(lo, j) if not _numbers_only(blocks[i]))
    return out


def numbers_of_label_below(blocks: list[Block]) -> dict[int, str]:
    """The cells (``id``) of each line of numbers alone that a row's line and then a line of as many units alone follow
    (「0 0 0 0 0 0 0」 / 「二、上年结转政府信息公开申请数量 0」 / 「件 件 件 件 件 件 件」): the numbers of that row's cells of
    two lines, number over 件, its label set between them; not the row's above, whatever the order says. Each with
    that row's key in 表三 ("" for a row of 表二)."""
    out: dict[int, str] = {}
    for i in range(len(blocks) - 2):
        nums, row, units = blocks[i], blocks[i + 1], blocks[i + 2]
        # (several: a lone 「13」 / 「行制作」 / 「件」 is a wrapped label's piece beside a cell of one column, PyMuPDF's
        # one cell a line; and the line a row's label)
        if not (_numbers_only(nums) and _units_only(units) and not _units_only(row) and not _numbers_only(row)
                and 1 < len(_COUNT.findall(nums.text)) == units.text.count(UNIT)):
            continue
        t3 = match_label(row.text, T3_LABELS)[0]
        if t3 is not None or match_label(row.text, ACTIVE_ANY)[0] is not None:
            out.update((id(c), t3.key if t3 is not None else "") for c in nums.cells)
    return out


_COUNT = re.compile(r"\d+")
_TWO_LINE_SPAN = 4  # lines from a row's numbers above to its units below, a wrapped label's among them


def _units_only(b: Block) -> bool:
    """A line of nothing but counts' units: 「件 件 件」."""
    text = b.text
    return UNIT in text and all(w == UNIT for w in text.split())  # (asked of every line: the common case first)


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
    if b.grid:
        return False
    written = False
    for c in b.cells:  # (a loop: asked of every line)
        if c.covered or not c.text.strip():
            continue
        if read_value(c) is None:
            return False
        written = True
    return written


def _whole_row(row: Row | None, width: int) -> bool:
    """Cells enough for a row of ``width`` (blank ones too, where the text keeps them), and no more numbers."""
    return row is not None and len(row.values) >= width and sum(v.value is not None for v in row.values) <= width
