"""Numbers put under their column header by where they stand on the page (text with positions).

A PDF tool that keeps where each piece of text stood but draws no table rules (pdftotext ``-bbox``,
pdftohtml ``-xml``, mutool ``stext``, PyMuPDF's xml and json; a PDF whose table has no ruled lines)
gives a row of 表三 as runs: the label, then its numbers, a blank cell leaving no trace. With a blank
cell the order of the numbers no longer says their columns: 「一、本年新收政府信息公开申请数量 1 1」
may be 自然人 and 总计 or any two of the seven. Their positions say it: each number stands under one
column's header words. Layout text (``pdftotext -layout``, pdfplumber's ``layout=True``) writes each piece
at the column its x gives, so a character's column in its line is its place the same way; a line with a
tab or a ``|`` keeps no columns. A full-width character fills one column of such a line (pdftotext) or two
(pandoc's plain text pads its cells to their display width): 表三's rows are placed under both measures,
unless the rows that print all seven numbers stand under the header in one of them only, and a row is read
so only when the measures agree.

The header's columns are found from the words the header prints (自然人, 商业企业, 科研机构, 社会公益组织,
法律服务机构, 其他, 总计, each maybe broken over lines: 「自然」/「人」, and several in one run:
「公益服务其他」): the first word of each column, its place in its run taken from the run's box in
proportion to the characters before it. A column is known only when every place it is printed at agrees,
and the seven only when they stand left to right in the format's order. A number is placed only when
it stands close to one column's centre (well inside the half-way marks to its neighbours); a row is read
so only when every number in it is placed, each in a column of its own, its label ends before the first
column, and its six applicant cells (a blank as 0) add up to its 总计 — else the row is left to the other
readers, as before.

表二's rows of three columns (本年制发件数, 本年废止件数, 现行有效件数 under 第二十条第（一）项) the same, under the
cells of the header line above them that name those columns (``head_centres``); 表二 has no sum, so its numbers
stand on their places alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..format import Format, names_in_cell, norm
from ..ingest import Block, Cell
from .values import Value, read_value

# the first word of each column as headers print it (a column's later words, 机构 and 组织, are two columns')
_FIRST_WORDS: dict[str, tuple[str, ...]] = {
    "natural_person": ("自然",), "commercial": ("商业",), "research": ("科研",), "social_welfare": ("社会", "公益"),
    "legal_service": ("法律",), "other_org": ("其他", "其它"), "total": ("总计", "合计"),
}
_KEYS = Format.T3_COLUMN_KEYS
_GROUP_HEADS = ("法人或其他组织", "法人或其它组织", "申请人情况")  # words over several columns
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_FIRST_ROW = "本年新收"
AGREE = 0.25  # the places a column is printed at agree within this share of the narrowest column spacing
NEAR = 0.3  # a number's centre within this share of the spacing to the neighbour on its side


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Where the line of ``text`` holding offset ``pos`` begins and ends (its line break not in it)."""
    stop = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, stop if stop >= 0 else len(text)


class Places:
    """Where a cell's characters stand across the page: along its box (a full-width character counted as two
    half-width ones), or for a text cell, its columns in its line of ``text`` (layout text)."""

    def __init__(self, text: str | None = None, boxes: bool = True, wide: bool = False) -> None:
        self.text = text
        self.boxes = boxes  # False: a reading from pixels, whose boxes are an OCR engine's guesses too
        # layout text: a full-width character fills two columns of its line (pandoc's plain text, which pads
        # cells to their display width) rather than one (pdftotext -layout, which writes a character a column)
        self.wide = wide

    def as_wide(self) -> Places:
        """The same places, a layout text's full-width characters counted as two columns."""
        return Places(self.text, self.boxes, wide=True)

    @staticmethod
    def none() -> Places:
        """No cell has a place (nothing is placed)."""
        return Places(None, boxes=False)

    def x(self, cell: Cell, start: int = 0, end: int | None = None) -> float | None:
        """The centre of ``cell.text[start:end]``; None when the cell has no place."""
        end = len(cell.text) if end is None else end
        if not self.boxes:
            return None
        if cell.bbox is not None:
            w = [1.0 if _WIDE.match(ch) else 0.5 for ch in cell.text]
            total = sum(w) or 1.0
            mid = sum(w[:start]) + sum(w[start:end]) / 2
            x0, _, x1, _ = cell.bbox
            return x0 + (x1 - x0) * mid / total
        if self.text is None or cell.span is None or self.text[cell.span[0]:cell.span[1]] != cell.text:
            return None
        at, stop = line_bounds(self.text, cell.span[0])
        line = self.text[at:stop]
        if "\t" in line or "|" in line:
            return None  # columns by separators, not by place
        if self.wide:
            before = len(_WIDE.findall(self.text, at, cell.span[0]))
            inside = [2 if _WIDE.match(ch) else 1 for ch in cell.text]
            return cell.span[0] - at + before + sum(inside[:start]) + sum(inside[start:end]) / 2
        return cell.span[0] - at + (start + end) / 2

    def right(self, cell: Cell) -> float | None:
        """Where the cell ends."""
        if not self.boxes:
            return None
        return cell.bbox[2] if cell.bbox is not None else self.x(cell, len(cell.text), len(cell.text))

    def level(self, cell: Cell, label: Cell) -> bool:
        """``cell`` stands level with ``label``'s line or the line right under it."""
        if cell.bbox is not None and label.bbox is not None:
            _, top, _, bottom = label.bbox
            return cell.page == label.page and top <= (cell.bbox[1] + cell.bbox[3]) / 2 <= bottom + (bottom - top)
        if cell.bbox is None and label.bbox is None and cell.line is not None and label.line is not None:
            return label.line <= cell.line <= label.line + 1
        return False


def _first_row(blocks: Sequence[Block]) -> int | None:
    """The block of 表三's first row (本年新收) among the first eighty."""
    return next((i for i, b in enumerate(blocks[:80]) if _FIRST_ROW in norm(b.text)), None)


def header_centres(blocks: Sequence[Block], places: Places) -> tuple[int | None, dict[str, float]] | None:
    """The page and the x centre of each of 表三's seven columns, from the header lines above the first row
    (本年新收) on its page; None when a column is missing, printed at places that disagree, or out of order."""
    first = _first_row(blocks)
    if first is None or blocks[first].grid or not blocks[first].cells or places.x(blocks[first].cells[0]) is None:
        return None
    page = blocks[first].cells[0].page
    seen: dict[str, list[float]] = {}
    head: list[list[Cell]] = []  # the header's lines, bottom up
    for b in reversed(blocks[max(0, first - 14):first]):
        cells = [c for c in b.cells if c.text.strip()]
        if b.grid or not cells or any(places.x(c) is None or c.page != page for c in cells):
            break
        head.append(cells)
        for c in cells:
            t = c.text
            if any(g in norm(t) for g in _GROUP_HEADS):
                continue
            for key, words in _FIRST_WORDS.items():
                # a column's words in one cell (社会公益) are one place: their mean
                xs = [x for w in words for m in re.finditer(re.escape(w), t)
                      if (x := places.x(c, m.start(), m.end())) is not None]
                if xs:
                    seen.setdefault(key, []).append(sum(xs) / len(xs))
    for key in set(_KEYS) - set(seen):
        if (x := _word_down(head[::-1], _FIRST_WORDS[key][0], places)) is not None:
            seen[key] = [x]
    if set(seen) != set(_KEYS):
        return None
    centres = {k: sum(v) / len(v) for k, v in seen.items()}
    xs = [centres[k] for k in _KEYS]
    gaps = [b - a for a, b in zip(xs, xs[1:])]
    if min(gaps) <= 0:
        return None  # not left to right in the format's order
    if any(max(v) - min(v) > AGREE * min(gaps) for v in seen.values()):
        return None
    return page, centres


def _alone(cells: list[Cell], word: str, places: Places) -> list[float]:
    """Where ``word`` stands as a word of its own (spaces or the cell's ends around it) in these cells."""
    return [x for c in cells for m in re.finditer(rf"(?<!\S){re.escape(word)}(?!\S)", c.text)
            if (x := places.x(c, m.start(), m.end())) is not None]


def _word_down(lines: list[list[Cell]], word: str, places: Places) -> float | None:
    """The place of a column's two-character word that a narrow header cell wrapped, one character a line
    (pdftotext -layout of a narrow 其他 or 总计: 「其」 over 「他」, other columns' words between), when its pieces
    stand at one place, alone on their lines, and only there; None otherwise."""
    if len(word) != 2:
        return None
    tops = [(i, x) for i, cells in enumerate(lines) for x in _alone(cells, word[0], places)]
    found = [x for i, x in tops for j in range(i + 1, min(i + 4, len(lines)))
             for y in _alone(lines[j], word[1], places) if abs(x - y) <= 0.5]
    return found[0] if len(found) == 1 and len(tops) == 1 else None


def measures(places: Places) -> tuple[Places, ...]:
    """The ways to count a layout text's columns: a full-width character one column (pdftotext -layout) or two
    (pandoc's plain text); text with boxes, or with no places, has one."""
    return (places, places.as_wide()) if places.text is not None and places.boxes else (places,)


Reading = tuple[tuple[int | None, dict[str, float]], Places]  # the header's (page, column centres) under a measure


def t3_readings(blocks: Sequence[Block], places: Places) -> list[Reading]:
    """表三's column centres under each way layout text may count a full-width character (one column or two);
    a row is placed only where every reading places it alike. The rows that print all seven numbers on
    their label's line settle the measure when they stand under the columns in one way only; text with
    boxes, or whose header stands in order under one measure only, has one reading."""
    out: list[Reading] = [(c, pl) for pl in measures(places) if (c := header_centres(blocks, pl)) is not None]
    if not out:
        return out
    first = _first_row(blocks) or 0
    # the rows that print a cell for each column, numbers or blank marks, stand one under each column (a header run
    # whose words a tool set closer than their columns: pdfplumber's 「自然人商业企科研机社会公」 over 0 0 382 22 375 779, 382
    # placed under 社会公益组织 for 科研机构)
    out = [r for r in out if _full_rows_fit(blocks[first:first + 40], [r[0][1][k] for k in _KEYS], r[1])]
    if out and _glued_header(blocks, first):
        # a header whose columns' words a tool set closer than their columns (pdfplumber's 「商业企科研机社会公」) puts
        # their centres closer too: 281 under 社会公 was 科研机构's, a blank 社会公益组织 after it. Only rows that print
        # all seven numbers, each under its own column, show where the columns stand
        out = [r for r in out if _full_rows_under(blocks[first:first + 40], [r[0][1][k] for k in _KEYS], r[1])]
    if len(out) < 2:
        return out  # the header's columns stand in order under one measure only: that one
    fits = [_full_rows_under(blocks[first:first + 40], [centres[k] for k in _KEYS], pl) for (_, centres), pl in out]
    if fits[0] != fits[1]:
        return [out[fits.index(True)]]
    return out


def _full_rows_under(blocks: Sequence[Block], xs: list[float], places: Places) -> bool:
    """Some line of a label and seven numbers exists, and every such line has each number under a column of its own."""
    full = [vals for b in blocks if not b.grid and len(b.cells) == 8
            and len(vals := [v for c in b.cells[1:] if (v := read_value(c)) is not None and v.value is not None]) == 7]
    return bool(full) and all(under_columns(vals, xs, places) is not None for vals in full)


def _glued_header(blocks: Sequence[Block], first: int) -> bool:
    """A cell of the header lines above 表三's first row, in layout text, holds two columns' words with no space between
    them."""
    for b in blocks[max(0, first - 14):first]:
        for c in b.cells:
            if c.bbox is not None:
                continue  # (a run's boxes place each of its characters: pdftotext -bbox's 「商业科研」 is measured so)
            t = c.text
            for g in _GROUP_HEADS:  # (「法人或其他组织」 spans columns: its 其他 is no column's word)
                t = t.replace(g, " " * len(g))
            hits = sorted((m.start(), m.end(), key) for key, words in _FIRST_WORDS.items() for w in words
                          for m in re.finditer(re.escape(w), t))
            if any(k1 != k2 and not any(ch.isspace() for ch in t[e1:s2]) and s2 >= e1
                   for (_, e1, k1), (s2, _, k2) in zip(hits, hits[1:])):
                return True
    return False


def t3_laid_out(blocks: Sequence[Block], places: Places) -> bool:
    """表三's rows stand in columns under this measure: two rows or more (the header's columns one of them) print all
    their numbers (seven, or eight with a 小计) on their label's line, and each column's numbers stand at one place in
    every such row. A tool's layout of a drawn table shows it; a page that prints its tables as paragraphs (cells
    parted by runs of &nbsp;) puts each row's numbers wherever its label ends."""
    first = _first_row(blocks)
    if first is None:
        return False
    rows: list[list[float]] = []
    for b in blocks[first:first + 120]:
        if b.grid or len(b.cells) < 2:
            continue
        # the row's numbers, each with its place (a tool may leave two of them in one cell: 「15 215」)
        words = [(c, m) for c in b.cells[1:] for m in re.finditer(r"\S+", c.text)]
        if len(words) not in (7, 8) or not all(m.group().isdigit() for _, m in words):
            continue
        at = [places.x(c, m.start(), m.end()) for c, m in words]
        if all(x is not None for x in at):
            rows.append([x for x in at if x is not None])
    if not rows:
        return False
    width = max({len(r) for r in rows}, key=lambda n: sum(len(r) == n for r in rows))
    rows = [r for r in rows if len(r) == width]
    if width == len(_KEYS) and (got := header_centres(blocks, places)) is not None:
        rows.append([got[1][k] for k in _KEYS])  # the header's columns stand with them
    if len(rows) < 2:
        return False
    mean = [sum(r[k] for r in rows) / len(rows) for k in range(width)]
    if any(b <= a for a, b in zip(mean, mean[1:])):
        return False
    # each number nearest its own column's place (a tool's layout sets a row a character or two off another)
    return all(min(range(width), key=lambda i: abs(mean[i] - x)) == k for r in rows for k, x in enumerate(r))


_NUMBER_OR_MARK = re.compile(r"\d+|[-—－/]")


def _full_rows_fit(blocks: Sequence[Block], xs: list[float], places: Places) -> bool:
    """Every line of a label and seven cells, each a number or a blank cell's mark, has each cell nearest a column of
    its own."""
    for b in blocks:
        if b.grid or len(b.cells) != len(xs) + 1:
            continue
        cells = b.cells[1:]
        if not all(_NUMBER_OR_MARK.fullmatch(norm(c.text)) for c in cells):
            continue
        at = [x for c in cells if (x := places.x(c)) is not None]
        if len(at) == len(cells) and len({min(range(len(xs)), key=lambda k: abs(xs[k] - x)) for x in at}) != len(xs):
            return False
    return True


def place(values: list[Value], label: Cell | None, centres: dict[str, float], places: Places,
          marks: bool = False) -> list[Value] | None:
    """The seven cells of a row whose numbers (fewer than seven) each stand under one column, blanks as
    None; None when a number stands under none, two share a column, none stands under 总计, the label runs into
    the first column (or has no place), or the applicant cells (a blank as 0) do not add up to the 总计.
    ``marks``: the row's words (``trailing_tokens``), blank cells' marks among them, each standing under its column
    as a blank (a 总计 printed as a mark is a blank 总计: 0 in the sums)."""
    xs = [centres[k] for k in _KEYS]
    if len(values) >= 7 + marks or (out := under_columns(values, xs, places, marks)) is None:
        return None
    if out[-1] is None:
        return None  # no 总计 under its column: the row's numbers may be pieces of another line's (「禁止公开 ０」 under 1４)
    end = places.right(label) if label is not None else None
    if end is None or end > xs[0] - (xs[1] - xs[0]) / 2:
        return None  # the label runs into the first column (flat text: a header line is no column of it)
    nums = [v.value if v is not None and v.value is not None else 0 for v in out]
    if sum(nums[:6]) != nums[6]:
        return None
    anchor = label or values[0].cell
    return [v if v is not None else Value(None, anchor) for v in out]


def trailing_tokens(cells: Sequence[Cell], places: Places) -> tuple[int, list[Value]] | None:
    """The numbers and blank cells' marks after a text row's label, each word a cell of its own with its own place (layout
    text sets narrow columns a single space apart: 「— 0」「0 2件」 are two columns' cells); None when a cell after the label
    mixes words that are not numbers or marks, or a word has no place; else how many cells they fill, and the words."""
    out: list[Value] = []
    n = 0
    for c in reversed(cells):
        if c.span is None or c.bbox is not None:
            return None  # (a box's characters are not placed one by one here)
        words = list(re.finditer(r"\S+", c.text))
        got = [read_value(Cell(m.group(), c.line, (c.span[0] + m.start(), c.span[0] + m.end()), c.page, None, c.path))
               for m in words]
        if not words or any(v is None for v in got):
            if out and all(v is None for v in got):
                break  # the label
            return None
        out[:0] = [v for v in got if v is not None]
        n += 1
    if not out or any(places.x(v.cell) is None for v in out):
        return None
    return n, out


def under_columns(values: list[Value], xs: list[float], places: Places, marks: bool = False) -> list[Value | None] | None:
    """Each value under the column whose centre (``xs``, left to right, two at least) it stands near, None for a
    column with none; None when a value stands near no centre (more than ``NEAR`` of the way to the next), two
    share a column, or a value is no plain number with a place of its own."""
    cells = [v.cell for v in values]
    if not values or len(xs) < 2 or len({id(c) for c in cells}) != len(cells):
        return None
    out: list[Value | None] = [None] * len(xs)
    last = len(xs) - 1
    for v in values:
        if (v.value is None and not (marks and v.cell.text.strip())) or v.repaired or v.overflow \
                or len(v.cell.text.split()) != 1:
            return None
        if (x := places.x(v.cell)) is None:
            return None
        i = min(range(len(xs)), key=lambda k: abs(xs[k] - x))
        side = i + 1 if x > xs[i] and i < last else i - 1 if i > 0 else i + 1
        if abs(x - xs[i]) > NEAR * abs(xs[side] - xs[i]) or out[i] is not None:
            return None
        out[i] = v
    return out


def head_centres(head: Block, words: list[tuple[str, ...]], places: Places) -> list[float] | None:
    """The x centre of each header cell naming a column (each a tuple of the words its name holds), left to
    right; None when a column is named by no cell with a place or by several, or they are out of order."""
    xs = []
    for keys in words:
        hits = [c for c in head.cells if not c.covered and names_in_cell(norm(c.text), keys)]
        if len(hits) != 1 or (x := places.x(hits[0])) is None:
            return None
        xs.append(x)
    return xs if all(a < b for a, b in zip(xs, xs[1:])) else None


_OWN_SPACES = re.compile("[\xa0\u3000][ \xa0\u3000]*[\xa0\u3000]")


def spaced_by_characters(cell: Cell, places: Places) -> bool:
    """The layout text's line of ``cell`` has a gap of two no-break or full-width spaces or more: spaced by the
    document's own characters (a page's runs of &nbsp; between its cells), not set at its columns by a tool (a
    number padded with one &nbsp; each side, in a table a tool laid out, is no such gap)."""
    if places.text is None or cell.span is None:
        return False
    return _OWN_SPACES.search(places.text, *line_bounds(places.text, cell.span[0])) is not None


_COUNT_UNITS = "件个条项次"
# a line of numbers alone: each piece a number (maybe with its count's unit), a unit, or a blank cell's mark
_NUMBERS_LINE = re.compile(rf"\s*(?:(?:\d+[{_COUNT_UNITS}]?|[{_COUNT_UNITS}]|[-—－/])\s+)*\d+[{_COUNT_UNITS}]?\s*")
_PIECE = re.compile(rf"\d+(?=[{_COUNT_UNITS}]?(?:\s|$))|(?<!\S)[{_COUNT_UNITS}](?!\S)")


def band_disagrees(values: list[Value], label: list[Cell], xs: list[float], places: Places) -> bool:
    """The row's cells written over several lines of a layout text, the lines not set at the same columns: the
    line right above the label's first line or right below its last holds numbers alone, or a count's unit
    alone among its words (pdftotext -layout of 「0件」 cells too narrow for their unit: 「0」 over the label's
    line, 「件」 under it, a cell whose number fits on the label's line), and those numbers, or those units, do
    not stand under columns of their own beside the row's numbers (each nearest a column's centre ``xs``, no two
    the same). pdftotext sets a line of digits at other columns than a line of wide characters: 246 stood under
    自然人 counting characters, a 商业企业 of seed 1492, while the 0s and 件s over and under it stood under none;
    pdfplumber's layout sets them alike, and its rows are placed as before."""
    if not label or places.text is None or any(c.bbox is not None or c.span is None for c in (label[0], label[-1])):
        return False
    text = places.text
    first, last = label[0].span, label[-1].span
    assert first is not None and last is not None
    lines: list[tuple[int, str]] = []
    if (start := line_bounds(text, first[0])[0]) > 0:  # the line above the label's first
        at, stop = line_bounds(text, start - 1)
        lines.append((at, text[at:stop]))
    if (end := line_bounds(text, last[1])[1]) < len(text):  # the line below its last
        at, stop = line_bounds(text, end + 1)
        lines.append((at, text[at:stop]))
    numbers: list[Value] = []
    units: list[Value] = []
    own = [v.cell.span for v in values if v.cell.span is not None]  # (the row's numbers on a line of their own)
    for at, line in lines:
        words = line.split()
        if not (_NUMBERS_LINE.fullmatch(line) or any(len(w) == 1 and w in _COUNT_UNITS for w in words)):
            continue
        for m in _PIECE.finditer(line):
            if any(a < at + m.end() and at + m.start() < b for a, b in own):
                continue
            cell = Cell(m.group(), span=(at + m.start(), at + m.end()))
            (units if m.group() in _COUNT_UNITS else numbers).append(Value(0, cell))
    def clash(extra: list[Value]) -> bool:
        # each nearest a column of its own (a wrapped 「0」 stands off its column's centre: nearness is not asked)
        at = [places.x(v.cell) for v in values + extra]
        near = [min(range(len(xs)), key=lambda k: abs(xs[k] - x)) for x in at if x is not None]
        return len(near) != len(at) or len(set(near)) != len(near)

    return any(extra and clash(extra) for extra in (numbers, units))


def beside(values: list[Value], label: Cell | None, places: Places) -> bool:
    """Every number stands level with the label's line or the line right under it (a label wrapped over two
    lines, its numbers between them): the row's own, though written as a line of their own."""
    return label is not None and all(places.level(v.cell, label) for v in values)


# 表四's five columns by the word only that column's header holds (结果 stands in three of them), three times over
_T4_WORDS: tuple[tuple[str, ...], ...] = (("维持",), ("纠正",), ("其他", "其它"), ("尚未", "审结"), ("总计", "合计"))


def t4_centres(heads: Sequence[Block], places: Places) -> list[float] | None:
    """The x centres of 表四's fifteen columns from its header lines: each column's own word printed three
    times (维持, 纠正, 其他, 尚未 or 审结, 总计), left to right group by group; None when a word is printed other than
    three times, its places disagree (尚未 over 审结), or the fifteen are not in the format's order."""
    found: list[list[list[float]]] = [[[] for _ in words] for words in _T4_WORDS]
    for b in heads:
        for c in b.cells:
            if b.grid or c.covered or not c.text.strip():
                continue
            for k, words in enumerate(_T4_WORDS):
                for j, w in enumerate(words):
                    for m in re.finditer(re.escape(w), c.text):
                        if (x := places.x(c, m.start(), m.end())) is None:
                            return None
                        found[k][j].append(x)
    cols: list[list[float]] = []
    spread = 0.0  # the widest disagreement of two words of one column (尚未 over 审结)
    for per_word in found:
        threes = [sorted(xs) for xs in per_word if len(xs) == 3]
        if not threes or any(xs and len(xs) != 3 for xs in per_word):
            return None
        cols.append([sum(x) / len(x) for x in zip(*threes)])
        spread = max(spread, *(max(x) - min(x) for x in zip(*threes)))
    xs = [col[g] for g in range(3) for col in cols]
    gaps = [b - a for a, b in zip(xs, xs[1:])]
    if min(gaps) <= 0 or spread > AGREE * min(gaps):
        return None
    return xs


def t4_place(values: list[Value], xs: list[float], places: Places) -> list[list[Value | None]] | None:
    """表四's numbers (fewer than fifteen) under its columns by place, as three groups of five; None when a
    number stands under none, or a group's four results (a blank as 0) miss its 总计."""
    if len(values) >= 15 or (out := under_columns(values, xs, places)) is None:
        return None
    groups = [out[i:i + 5] for i in (0, 5, 10)]
    for g in groups:
        nums = [v.value if v is not None else 0 for v in g]
        if any(v is not None for v in g) and sum(nums[:4]) != nums[4]:  # type: ignore[arg-type]
            return None
    return groups
