"""Reading one cell: a number, a blank, or a label."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..format.nfkc import nfkc
from ..format.numbers import BLANK_MARKS
from ..ingest import Block, Cell
from ..limits import MAX_COUNT, MAX_DIGITS, MAX_FRACTION

_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "〇": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5"})
_NUM = re.compile(r"^([+-]?)(\d+(?:\.\d+)?)(万元|元|件|个|条|项|次|%)?$")
_SPACED_DIGITS = re.compile(r"^\d[\d\s]*\d$")
# a cell's number broken over lines (a CSV field of a table tool: "961716\n." with the point on its own
# line, two rows' "5\n3" in one cell): no reading of it is settled
_BROKEN_NUMBER = re.compile(r"[\d.]\s*\n\s*[\d.]")
_NUMBER_START = frozenset("+-OoDlI|S〇.")
_WHITE = re.compile(r"\s+")
_OCR_NUMBER = re.compile(r"[\dOoDlI|S〇.]+")  # digits as OCR may read them
_DIGIT = re.compile(r"\d")  # what a number (signed, OCR-misread) may start with besides a digit


@dataclass(slots=True)
class Value:
    value: int | float | None  # None: blank
    cell: Cell
    unit: str | None = None
    repaired: bool = False  # digits read through an OCR confusion or spacing
    overflow: bool = False  # a number outside any count's range: unreadable, its value is None


def leading_zero(digits: str) -> bool:
    """Digits no count is written as: more than one, the first a 0 (「00」「021」 are cells glued together)."""
    return len(digits) > 1 and digits[0] == "0"


def _out_of_range(cell: Cell, repaired: bool = False) -> Value:
    # repaired: digits spaced out ("447 7 0 0 0 0 454"), which a text row may still split into columns
    return Value(None, cell, repaired=repaired, overflow=True)


@lru_cache(maxsize=4096)
def _clean(text: str) -> str:
    t = nfkc(text).strip().replace(",", "").replace("，", "")
    return t


def read_value(cell: Cell) -> Value | None:
    """A Value when the cell is a number or a blank; None when it is a label."""
    raw = cell.text
    if raw.isascii() and raw.isdigit():  # the common case, fast
        if len(raw) > MAX_DIGITS:
            return _out_of_range(cell)
        n = int(raw)
        return Value(n, cell) if n <= MAX_COUNT else _out_of_range(cell)
    if not raw:
        return Value(None, cell)
    first = raw[0]
    if ("\u4e00" <= first <= "\u9fff" and first not in "空无") or first in "(（":
        # a label, told without cleaning it: NFKC keeps an ideograph first (a bracket becomes 「(」), and
        # no number or blank mark starts with either (空, 空白 and 无 are blank marks)
        return None
    t = _clean(raw)
    if t in BLANK_MARKS:
        return Value(None, cell)
    if not (t[0].isdecimal() or t[0] in _NUMBER_START):
        return None  # a label: none of the readings below starts with anything else
    if "\n" in t and _BROKEN_NUMBER.search(t):
        return _out_of_range(cell)  # 961716 / . : where the point or the rest belongs is not settled
    repaired = False
    if _SPACED_DIGITS.match(t):
        t, repaired = _WHITE.sub("", t), " " in t
    if len(t) > 1 and "|" in (t[0], t[-1]) and t.strip("|").isdigit():
        # 「2|」「|0」: a Markdown cell's rule glued to its number (html2text's table rows without spaces
        # before the pipe), not a 1 misread; 「2|」 read as 21 put numbers in every cell of a 表四
        t, repaired = t.strip("|"), True
    m = _NUM.match(t)
    if not m and len(t) <= 8 and _OCR_NUMBER.fullmatch(t) and _DIGIT.search(t):
        m, repaired = _NUM.match(t.translate(_OCR_DIGITS)), True
    if not m and t in ("O", "o", "〇"):
        m, repaired = _NUM.match("0"), True
    if not m:
        return None
    sign, digits, unit = m.groups()
    whole, _, frac = digits.partition(".")
    # more digits than a count has, or a fraction no float holds exactly (92233.572036854775809 would
    # come out as 92233.57203685478, a number the document does not contain)
    if len(whole.lstrip("0")) > MAX_DIGITS or len(frac) > MAX_FRACTION or len(whole.lstrip("0")) + len(frac) > 15:
        return _out_of_range(cell, repaired)
    num: int | float = float(digits) if "." in digits else int(digits)
    if num > MAX_COUNT:
        return _out_of_range(cell, repaired)
    if sign == "-":
        num = -num
    return Value(num, cell, unit, repaired)


@dataclass(slots=True)
class Row:
    """A block split into its label part and the values after it."""

    label: str
    label_cells: list[Cell]
    values: list[Value]
    block: Block
    trimmed: bool = False  # more values than the row is wide: the first were dropped (a guess)
    marks: int = 0  # blank cells' marks (「—」) after the last number, dropped from ``values``
    spaced: bool = False  # a cell's digits a single space apart were read as several columns (a guess)


def split_row(block: Block, width: int | None = None, min_trailing: int = 2) -> Row:
    """Label = the text cells up to the last one; values = the number/blank cells after it.

    Text rows keep merged-cell debris: trailing blanks are dropped and, when more cells than
    ``width`` remain, the last ``width`` are the values. Grid rows are exact.
    """
    cells = [c for c in block.cells if not c.covered]
    read = [read_value(c) for c in cells]
    last = len(read) - 1  # the last label cell (-1: none)
    while last >= 0 and read[last] is not None:
        last -= 1
    label_cells = [c for c in cells[: last + 1] if c.text.strip()]
    if len(label_cells) > 1:  # a merged label repeated in every row by a converter: keep it once
        label_cells = [c for i, c in enumerate(label_cells) if i == 0 or c.text != label_cells[i - 1].text]
    values: list[Value] = read[last + 1:]  # type: ignore[assignment]  # (after the last label: none is None)
    if not values and label_cells and not block.grid:
        values = _split_trailing_numbers(label_cells, min_trailing)
    marks = 0
    spaced = False
    if not block.grid:
        kept = _trim(values)
        # blank cells' marks (「—」, not empty cells: a converter's debris) after the numbers
        marks = sum(1 for v in values[len(kept):] if v.cell.text.strip()) if len(kept) < len(values) else 0
        values = kept
        split = _split_spaced(values)
        if split is not values:  # (values as they were: trimmed already)
            split = _trim(split)
        # "594 781" in a text row is two columns a single space apart, unless reading it as one
        # number (digits spaced out by a converter) is what makes the row the right width.
        if split is not values and not (width and len(values) == width and len(split) != width):
            values, spaced = split, True
    trimmed = False
    if width and len(values) > width:
        window = only_window(values, width) if block.grid else None
        if window is not None:  # a grid's blank column before or after the numbers: its one place
            values = window
        else:
            # a blank mark written there (「无」「—」, not an empty cell's debris) is a cell too: dropping it is a
            # guess as much as dropping a number (a 小计 column the header did not show: eight cells a row)
            trimmed = any(v.value is not None or v.cell.text.strip() for v in values[:-width])
            values = values[-width:]
    label = label_cells[0].text if len(label_cells) == 1 else "".join([c.text for c in label_cells])
    return Row(label, label_cells, values, block, trimmed, marks, spaced)


def only_window(values: list[Value], width: int) -> list[Value] | None:
    """A grid row with more cells than the table has columns: the ``width`` consecutive values with only
    blanks outside them, when every such run reads the same; none (all blank) when the runs differ —
    a blank column before or after the numbers cannot be told apart. None when no run has only blanks
    outside it."""
    runs = [values[i:i + width] for i in range(len(values) - width + 1)
            if all(v.value is None and not v.overflow for j, v in enumerate(values) if not i <= j < i + width)]
    if not runs:
        return None
    if len({tuple(v.value for v in r) for r in runs}) == 1:
        return runs[0]
    return [Value(None, v.cell) for v in runs[0]]


def _trim(values: list[Value]) -> list[Value]:
    end = len(values)
    while end and values[end - 1].value is None and not values[end - 1].overflow:
        end -= 1
    return values if end == len(values) else values[:end]


def _split_spaced(values: list[Value]) -> list[Value]:
    for v in values:
        if v.repaired and " " in v.cell.text.strip():
            break
    else:
        return values
    out: list[Value] = []
    for v in values:
        parts = _clean(v.cell.text).split()
        # 「2 02」: a part no count is written as (a leading 0) shows the spaced digits are one number
        if (v.repaired and len(parts) > 1 and all(p.isdigit() for p in parts)
                and not any(leading_zero(p) for p in parts)):
            out.extend(Value(int(p), v.cell) if len(p) <= MAX_DIGITS and int(p) <= MAX_COUNT
                       else _out_of_range(v.cell) for p in parts)
        else:
            out.append(v)
    return out


_GLUED = re.compile(r"^(.*[^\d\s.,+-])(\d+)$")
# full-width digits beside ASCII ones in one word: two cells glued, each written in its own digits (pypdf:
# 「２１0 0 0 0 0 ２ １」, 21 and 0); no count is written half in one and half in the other
WIDTH_CHANGE = re.compile(r"(?<=[０-９])(?=[0-9])|(?<=[0-9])(?=[０-９])")


def wide_digit(ch: str) -> bool:
    """A full-width digit (「０」…「９」), which NFKC makes ASCII."""
    return "０" <= ch <= "９"


def _split_trailing_numbers(label_cells: list[Cell], min_count: int = 2) -> list[Value]:
    """'一、本年新收政府信息公开申请数量 14 0 0 0 0 0 14' in one cell: split the numbers off.

    OCR text also gives 'O' for 0 and glues the first number to the label ('予以公开6 0 0'); a
    run of at least two number tokens at the end of the cell is taken as the row's values.
    """
    last = label_cells[-1]
    text = last.text
    tokens = _clean(WIDTH_CHANGE.sub(" ", text) if WIDTH_CHANGE.search(text) else text).split()
    if len(tokens) < 2 and min_count > 0:
        return []  # one word: no numbers after it
    vals: list[Value] = []
    i = len(tokens)
    while i > 1 and len(vals) < 16:
        v = read_value(Cell(tokens[i - 1], last.line, last.span, last.page, last.bbox, last.path))
        if v is None or (v.value is None and not v.overflow):
            break
        vals.append(v)
        i -= 1
    vals.reverse()
    label = " ".join(tokens[:i])
    glued = _GLUED.match(label) if vals else None
    if glued and not re.search(r"第.{1,4}$", glued.group(1)):
        label = glued.group(1)
        g = glued.group(2)
        vals.insert(0, Value(int(g), last, repaired=True) if len(g) <= MAX_DIGITS and int(g) <= MAX_COUNT
                    else _out_of_range(last))
    # A label ending in a lone number is more often text ("…共 3") than a one-value row; callers
    # that expect one-value rows (表二) ask for min_count=1 and check the label themselves.
    if len(vals) < min_count or not label or (len(vals) == 1 and len(label) > 14):
        return []
    label_cells[-1] = Cell(label, last.line, last.span, last.page, last.bbox, last.path)
    return vals


def column_numbers(block: Block, least: int = 2) -> bool:
    """A header row of column numbers 0, 1, 2, … a table tool made up (pandas' default column names, as
    ``DataFrame.to_markdown`` and ``to_csv`` write them above camelot's and tabula's tables), ``least``
    columns or more. From four on, no row of the format reads so (0 1 2 3 breaks a row's own sum)."""
    texts = [c.text.strip() for c in block.cells if not c.covered]
    return len(texts) >= least and texts == [str(k) for k in range(len(texts))]
