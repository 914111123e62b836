"""表二, 表三 and 表四: rows found by their labels, values read after them.

Works the same on grid rows (HTML, DOCX, PDF) and on text debris: each block is split into a label
and the values after it (``values.split_row``); the label is matched against the format definition;
context (the （六） group, having passed the header) settles the short labels 其他 and 总计.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations

from ..format import Format, core, match_label, names_in_cell, norm, tail
from ..format.labels import HEADER_CELL
from ..format.spec import ActiveItem, Label
from ..ingest import Block, Cell
from .aligned import interleaved, spans_of
from .outofstep import Paired, between_numbers_and_units, numbers_around, numbers_first, stacked_rows
from .placed import (
    Places,
    Reading,
    band_disagrees,
    beside,
    head_centres,
    measures,
    place,
    spaced_by_characters,
    t3_laid_out,
    t3_readings,
    t4_centres,
    t4_place,
    trailing_tokens,
    under_columns,
)
from .reason import Reason, printed
from .rowlabels import ACTIVE_LABELS, T3_LABELS
from .subtotal import subtotal_at, subtotal_holds, written_down
from .values import Row, Value, leading_zero, only_window, read_value, split_row
from .wrapped import UNIT, line_text, loose_unit

FUZZY = 0.72
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Found:
    """Values by dotted record path, with the row they came from and how the label matched."""

    values: dict[str, Value] = field(default_factory=dict)
    labels: dict[str, tuple[str, str, Label]] = field(default_factory=dict)  # path -> (raw, how, label)
    notes: list[tuple[str, str, str, Block | None]] = field(default_factory=list)  # (kind, path, text, block)
    # row paths read with certainty: a grid row, or a text row whose label and every value stand in
    # one block; other rows were assembled from several blocks and are only a guess (the decoder checks)
    certain: set[str] = field(default_factory=set)
    grid: set[str] = field(default_factory=set)  # row paths read from a real table grid
    loose: set[str] = field(default_factory=set)  # row paths whose label matched only fuzzily
    # certain rows whose every cell has its own place in the block, a blank one too (a grid row, or a text row
    # whose separators keep an empty cell: 「| 部分公开 | 2 |  |  |  |  |  | 2 |」): no other order of its numbers
    explicit: set[str] = field(default_factory=set)
    # labels out of step with their numbers (outofstep.out_of_step): no row read by label,
    # and no decoder, which reads numbers after their labels
    out_of_step: bool = False
    # 表三's numbers stand above their labels in places (numbersfirst): its rows are read by pairing, not in order
    numbers_first: bool = False
    # 表三 prints a 小计 column: its rows are eight cells, which only the layout reader and the decoder read as such
    subtotal: bool = False
    # 表四's row stands on several lines, each number on the line its alignment put it (aligned.interleaved):
    # the text's order of its numbers is no order of its cells, for the decoders either
    unordered: bool = False
    # 表三 text rows read as eight cells: the 小计 dropped (its place among the eight, its value, and the seven kept,
    # while they are the row's values), for the checks of the row's own sums as written (``pieces.null_piece_rows``)
    subtotals: dict[str, tuple[int, Value, tuple[Value, ...]]] = field(default_factory=dict)
    # 表三 cells the check of garbled rows nulled (settle._garbled: row and column sums both fail), as they were
    # read: a row failing so beside the pieces of a number cut in two is looked at again (``cuttail``)
    garbled: dict[str, Value] = field(default_factory=dict)
    # 表三 rows the columnar reader placed numbers in (labels in runs, numbers box by box): read by the order and
    # count of the boxes, not by a line (``counted.null_over_total``)
    by_columns: set[str] = field(default_factory=set)
    # 表三 rows the columnar reader could not settle, with the cells of the placements its search found before it
    # ran past its nodes (``Decoded.glimpsed``): a row-by-row reading of the same numbers that gives none of them is
    # not the only reading (``detached.fill_detached_rows``)
    glimpsed: dict[str, set[tuple[int, ...]]] = field(default_factory=dict)
    # 表三 rows the row-order decoder left unread: the numbers it had taken for them, each a cell (a blank cell's mark
    # None), in the order it read them; a reader that settles such a row by other evidence starts from them
    # (``cuttail.settle_two_line_rows``)
    unread_runs: dict[str, list[tuple[Cell, bool]]] = field(default_factory=dict)
    # cells a reader left null with several readings of the same characters (paths, the readings, the row's numbers
    # as (digits, cell) in the text's order): the whole table's sums may settle them (``choose``)
    alternatives: list[tuple[list[str], list[tuple], list[tuple[str, Cell]]]] = field(default_factory=list)

    def t3_format(self, keys: set[str] | None = None) -> str:
        """表三's format as read: 2019 when its （六） is one row (no 2021 sub-row read). ``keys``: the rows
        read (``requests.<row>.…``), where the caller has them."""
        if keys is None:
            keys = {p.split(".", 2)[1] for p in self.values}
        return "2019" if "other_total" in keys and not keys & set(Format.group_rows("other")) else "2021"

    def unread_rows(self, rows: list[str]) -> list[str]:
        """Of ``rows`` (row paths), those with no number read and no reader's note (unreadable, ambiguous)
        yet: the rows a blank-cell rule would call blank unless a note says their nulls are the reader's."""
        noted = {n[1] for n in self.notes if n[0] in ("unreadable", "ambiguous")}
        filled = {p if p.count(".") == 1 else p.rsplit(".", 1)[0] for p, v in self.values.items() if v.value is not None}
        return [r for r in rows if r not in noted and r not in filled]

    def request_rows(self) -> list[str]:
        """表三's row paths in the format this reading shows: 2019's single （六）其他处理 row, or 2021's three."""
        # (not ``t3_format``: a reading holding （六）'s total names the 2019 rows, whatever sub-rows it read)
        single_other = any(p.startswith("requests.other_total.") for p in self.values)
        return [f"requests.{r.key}" for r in Format.get("2019" if single_other else "2021").t3_rows]


def _label_note(found: Found, path: str, row: Row, lab: Label, how: str) -> None:
    found.labels[path] = (row.label, how, lab)
    if how in ("fuzzy", "prefix"):
        found.loose.add(path)  # a label only similar to the format's: the row may be another one
    canonical = core(lab.label)
    if how == "prefix":
        found.notes.append(("repaired", path, row.label, row.block))
    elif how in ("variant", "fuzzy") or canonical not in core(row.label):
        found.notes.append(("fuzzy" if how == "fuzzy" else "variant", path, row.label, row.block))


_F2021, _F2019 = Format.get("2021"), Format.get("2019")
T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS
T4_COLUMN_KEYS, T4_GROUP_KEYS = Format.T4_COLUMN_KEYS, Format.T4_GROUP_KEYS

# ---- 表三 --------------------------------------------------------------------------------------


@dataclass
class _T3Header:
    """Where 表三's seven columns are: grid slot indices, or for text a 小计 column to skip."""

    columns: dict[str, int] | None = None  # column key → grid slot index (grid tables)
    table: int | None = None  # the first grid table whose rows name the columns, and its width in slots
    table_slots: int = 0
    # each grid table whose own header rows name the seven columns (the first header's, and a table continued on
    # another page with its header repeated, maybe at other slots): table → (column key → slot index, width)
    grids: dict[int | None, tuple[dict[str, int], int]] = field(default_factory=dict)
    subtotal: int | None = None  # position of an extra 小计 value among a text row's values
    # … among a grid row's own eight value cells, for rows not in the grid header's slots (``_own_eight``)
    grid_subtotal: int | None = None
    # a text header whose lines keep every cell (「|  |  | 自然人 | … | 总计 |」, the 小计 line as many cells):
    # column key → cell index, for text rows of that many cells
    text_columns: dict[str, int] | None = None
    text_cells: int = 0
    subtotal_read: bool = False  # a number read in the 小计 column: a table, though its other cells be blank
    unplaced: bool = False  # a 小计 the header names at no place it tells: no text row is read by position
    dropped: Value | None = None  # the 小计 value the last ``pick`` dropped from a text row's eight
    # text with positions (a PDF tool's boxes, no rules): the page of the header and each column's x centre, for
    # a row whose blank cells left fewer numbers than columns (``placed``)
    centres: tuple[int | None, dict[str, float]] | None = None
    readings: list[Reading] = field(default_factory=list)  # the centres under each measure of a layout text
    placed_beside: bool = False  # the row just picked was placed so, its numbers level with its label's lines
    places: Places = field(default_factory=Places.none)
    # a Markdown header whose lines keep every cell and name the first few columns only, each in a cell of its
    # own (a converter dropped the table's last grid columns: pandoc's gfm of a DOCX whose tblGrid is short):
    # those columns' cell indices, for rows of that many cells
    cut_columns: dict[str, int] | None = None
    cut_cells: int = 0
    cut_read: bool = False  # the row just picked was read so: its first columns under their names, the rest lost
    wider: set[int] = field(default_factory=set)  # grid tables with more value columns than the header names
    astray: set[tuple[object, ...]] = field(default_factory=set)  # grid rows' shapes that stand outside the header's slots
    # text rows of cells of two lines, some of their numbers on a line of their own (``between_numbers_and_units``)
    two_line: set[int] = field(default_factory=set)

    @property
    def width(self) -> int:
        return 8 if self.subtotal is not None or self.unplaced else 7

    def pick(self, row: Row) -> list[Value]:
        self.dropped = None
        # a row is read under its own table's header; a table without one, under the first header's
        if row.block.grid and (grid := self._grid(row.block)):
            columns, same_width = grid
            # (a row of a shape whose rows stand outside the header's slots is not in them: ``find_astray``)
            astray = self._astray_key(row.block) in self.astray or ("table", row.block.table) in self.astray
            if not astray and self._follows(row, columns, same_width):
                out = []
                for key in T3_COLUMN_KEYS:
                    cell = row.block.cells[columns[key]]
                    v = read_value(cell)
                    out.append(v if v is not None else Value(None, cell))
                return out
            # (untrimmed: all its value cells)
            own = split_row(row.block).values
            return (_own_seven(own) or self._own_eight(own)
                    or ([] if astray else self._spanning(row, columns)))
        vals = row.values
        if self.unplaced:
            return []
        if self.centres and self.subtotal is None and not row.block.grid and (
                marked := self._placed_marked(row)) is not None:
            return marked
        if self.cut_columns and self.subtotal is None and len(row.block.cells) == self.cut_cells:
            out = _cells_at_cut(row, self)
            self.cut_read = bool(out)
            return out  # (a row of another table, the rest of it after a page break, as ever)
        if self.centres and self.subtotal is None and 0 < len(vals) < 7 and all(
                (v.cell.page or 0) >= (self.centres[0] or 0) for v in vals) and (
                placed := self._placed(vals, row.label_cells[-1] if row.label_cells else None)) and not any(
                band_disagrees(vals, row.label_cells, [c[k] for k in T3_COLUMN_KEYS], pl)
                for (_, c), pl in self.readings):
            self.placed_beside = beside(vals, row.label_cells[-1] if row.label_cells else None, self.places)
            return placed
        if self.subtotal is not None:
            if self.text_columns and (placed := _cells_at_slots(row, self, row.block.cells)):
                return placed
            own = _cells_after_label(row)
            if len(own) > 8:
                # more cells than columns (a converter's blank cells for the label's merged columns): the
                # row split's last eight may have dropped a blank 总计 and taken a padding cell instead, so
                # the eight are placed only where every window of blanks around them reads the same
                window = only_window(own, 8)
                if window is None or all(v.value is None for v in window) and any(v.value is not None for v in own):
                    return []
                vals = window
            elif len(vals) != 8:
                # a trailing blank the row split dropped (「… 无 0 无」: 小计 0, 总计 blank), or a cell lost:
                # the row's own cells after its label, when they are the eight; else no cell is placed
                vals = own
                if len(vals) != 8:
                    return []
            self.subtotal_read = self.subtotal_read or vals[self.subtotal].value is not None
            self.dropped = vals[self.subtotal]
            vals = vals[: self.subtotal] + vals[self.subtotal + 1:]
        return vals[-7:]

    def _own_eight(self, vals: list[Value]) -> list[Value]:
        """A grid row not in the header's slots, under a header that names a 小计: its own eight value cells (empty
        slots at either end left aside), the 小计 dropped, when the 小计 is the sum of the organisations' cells (blanks
        0) in exactly one such eight; else nothing."""
        sub = self.subtotal if self.subtotal is not None else self.grid_subtotal
        if sub is None or not all(v.value is None or isinstance(v.value, int) for v in vals):
            return []
        fits = [vals[k:k + 8] for k in range(len(vals) - 7)
                if not any(v.cell.text.strip() for v in vals[:k] + vals[k + 8:])
                and subtotal_holds([v.value for v in vals[k:k + 8]], sub)]  # type: ignore[misc]
        if len(fits) != 1:
            return []
        eight = fits[0]
        self.dropped = eight[sub]
        self.subtotal_read = self.subtotal_read or eight[sub].value is not None
        return eight[:sub] + eight[sub + 1:]

    def _placed_marked(self, row: Row) -> list[Value] | None:
        """A layout text's row whose words after its label (numbers, blank cells' marks) each stand under a column of
        their own, when every reading of the places agrees; None when the row's words are its cells in order anyway
        (seven, or the row split read them all) or they do not stand so."""
        cells = [c for c in row.block.cells if not c.covered]
        if (found := trailing_tokens(cells, self.places)) is None:
            return None
        n, toks = found
        if len(toks) == 7 or len(toks) == len(row.values) and not row.marks:
            return None
        label = next((c for c in reversed(cells[:len(cells) - n]) if c.text.strip()), None)
        got = [place(toks, label, centres, pl, marks=True) for (_, centres), pl in self.readings]
        if not got or any(g is None for g in got) or len({tuple(id(v.cell) for v in g) for g in got if g}) != 1:
            return None
        self.placed_beside = beside(toks, label, self.places)
        return got[0]

    def _placed(self, vals: list[Value], label: Cell | None) -> list[Value] | None:
        """The row's numbers under the columns they stand at, when every reading of the places agrees."""
        got = [place(vals, label, centres, pl) for (_, centres), pl in self.readings]
        if not got or any(g is None for g in got):
            return None
        cells = {tuple(id(v.cell) if v.value is not None else None for v in g) for g in got if g is not None}
        return got[0] if len(cells) == 1 else None

    @staticmethod
    def _follows(row: Row, columns: dict[str, int], same_width: bool) -> bool:
        """The row's cells stand in the header's slots (``columns``): each column's slot is its own cell, no label
        stands in one, and no number stands after the last. A grid printed on two pages, or a table printed from two
        HTML tables, has rows whose slots are not the header's. ``same_width``: the row's table is the header's, or
        as many slots wide."""
        cells = row.block.cells
        slots = set(columns.values())
        if len(cells) <= max(slots) or any(cells[i].covered for i in slots):
            return False
        if not same_width:
            return False  # another table of other slots and no header of its own: which slot is which it does not say
        if any(read_value(cells[i]) is None and cells[i].text.strip() for i in slots):
            return False  # the row's label under a column header (a header repeated one slot off after a page break)
        return not _outside(cells, columns)

    def _grid(self, block: Block) -> tuple[dict[str, int], bool] | None:
        """The header a grid row is read under: its own table's, or the first header's (and whether its table is the
        header's or as many slots wide)."""
        own = self.grids.get(block.table)
        grid = own or self.grids.get(self.table)
        return (grid[0], own is not None or len(block.cells) == grid[1]) if grid else None

    def _astray_key(self, block: Block) -> tuple[object, ...]:
        """The rows a row outside the header's slots speaks for: those of its shape in the first header's table (a
        group label's column before some rows there says nothing of the others), every row of a table read under a
        header of its own (a header repeated at other slots that its rows do not follow, seed 1919's second table)."""
        return _shape(block) if block.table == self.table else (block.table,)

    def find_astray(self, blocks: list[Block]) -> None:
        """The shapes of grid rows (``_shape``) of which a row of 表三 has a number outside the header's slots: the
        header's slots are not where such rows stand (a header row with a cell more than the rows: every row's
        numbers a slot to the left, and a row with its first cell blank read a column over, seed 1919), so no
        row of that shape is read in them. Rows of another shape in the same table (a group label's column before
        theirs) say nothing of the rows in the slots."""
        for b in blocks:
            if b.grid and (grid := self._grid(b)) and grid[1] and (shape := self._astray_key(b)) not in self.astray \
                    and len(b.cells) > max(grid[0].values()) \
                    and (lab := split_row(b).label) and match_label(lab, T3_LABELS)[0] is not None \
                    and _outside(b.cells, grid[0]):
                self.astray.add(shape)
        self._astray_tables(blocks)

    def _astray_tables(self, blocks: list[Block]) -> None:
        """Tables a row of which stands outside the header's slots while no row of them fills the header's last
        slot: the header is a slot off for every row, whatever its shape (Chromium's PDF of a page whose header's
        「项目」 spans a slot more than the labels do: 「一、本年新收…」's seven numbers a slot to the left of 自然人 …
        合计, and 「没有现成信息…」's 20, 16 and 36, its cells covered by a group label's, read under 科研机构, 法律服务机构
        and 其他, s06335). Their rows are then read only as other tables' are: their own seven numbers."""
        tables = {shape[0] for shape in self.astray if len(shape) == 4}
        for t in tables:
            rows = [b for b in blocks if b.grid and b.table == t and (grid := self._grid(b)) and grid[1]
                    and len(b.cells) > max(grid[0].values())]
            if not rows:
                continue
            last = max(self._grid(rows[0])[0].values())  # type: ignore[index]
            if not any((v := read_value(b.cells[last])) is not None and v.value is not None for b in rows):
                self.astray.add(("table", t))


    @staticmethod
    def _spanning(row: Row, columns: dict[str, int]) -> list[Value]:
        """A grid row whose value cells span the header's slots one slot early: a Word 97 table whose rows draw
        their cells at other widths than the header's, turned into one grid by LibreOffice (each cell two slots,
        the covered one after it in the header's rows and before it in this row's). Each column's slot is then
        covered, and its value is the cell covering it from the left. Read only where that gives seven distinct
        cells, each a number or a blank, with no other number in the row after its label; else nothing."""
        cells = row.block.cells
        picked: list[int] = []
        for key in T3_COLUMN_KEYS:
            i = columns[key]
            if i >= len(cells):
                return []
            while i > 0 and cells[i].covered:
                i -= 1
            picked.append(i)
        if len(set(picked)) != len(picked) or picked != sorted(picked) or cells[picked[0]].covered:
            return []
        if picked == [columns[k] for k in T3_COLUMN_KEYS]:
            return []  # no column's slot covered: the header's slots themselves, which ``_follows`` refused
        vals = [read_value(cells[i]) for i in picked]
        if any(v is None or v.overflow for v in vals):
            return []  # a label under a column: not this table's slots
        label = max((i for i, c in enumerate(cells[:picked[0]]) if c.text.strip() and read_value(c) is None), default=-1)
        if label < 0 or any(i not in picked and not c.covered and c.text.strip() for i, c in enumerate(cells)
                            if i > label):
            return []  # a number or a mark outside the columns: the slots do not say which column is which
        return [v for v in vals if v is not None]


def _outside(cells: list[Cell], columns: dict[str, int]) -> bool:
    """A number stands between the row's label and the header's first column (an HTML row a cell short of the
    header's slots, drawn so by the browser: 「一、本年新收… | 52 | 24 …」 with 52 under no column and 24 under
    自然人), or past its last (between its columns stands a 小计 the header names)."""
    first, last = min(columns.values()), max(columns.values())
    label = max((i for i, c in enumerate(cells[:first]) if c.text.strip() and read_value(c) is None), default=-1)
    slots = set(columns.values())

    def spans_a_column(i: int) -> bool:  # the cell's covered slots after it reach a column's
        j = i + 1
        while j < len(cells) and cells[j].covered:
            j += 1
        return any(k in slots for k in range(i, j))

    # (a blank cell's mark there too, 「（一）予以公开 | — | — … 0 | — |」 a slot to the left of the header's, unless its span
    # reaches a column's slot: a Word 97 row's 「无」 covering 自然人's, which ``_spanning`` reads)
    return any(not c.covered and (v := read_value(c)) is not None
               and (v.value is not None or (c.text.strip() and not spans_a_column(i)))
               for i, c in enumerate(cells) if label < i < first or i > last)


def _shape(block: Block) -> tuple[object, ...]:
    """A grid row's shape: its table, its slots, where its label stands and which slots are covered."""
    cells = block.cells
    label = next((i for i, c in enumerate(cells) if c.text.strip() and read_value(c) is None), -1)
    return block.table, len(cells), label, tuple(c.covered for c in cells)


def _own_seven(vals: list[Value]) -> list[Value]:
    """A grid row not in the header's slots: its own value cells when they are the seven columns; seven
    numbers between blank cells only when the last is the sum of the six before it; else nothing."""
    if len(vals) == 7:
        return vals
    lo, hi = 0, len(vals)
    while lo < hi and vals[lo].value is None:
        lo += 1
    while hi > lo and vals[hi - 1].value is None:
        hi -= 1
    core7 = vals[lo:hi]
    if len(core7) == 7 and all(isinstance(v.value, int) for v in core7) and \
            sum(v.value for v in core7[:6]) == core7[6].value:  # type: ignore[misc]
        return core7
    return []


def _cells_at_slots(row: Row, head: _T3Header, cells: list[Cell]) -> list[Value]:
    """A text row of the header's many cells, read under the header's slots (小计 the one left between
    them): its seven columns, when every cell from the first slot on is a number or a blank and no number
    stands before it; else none."""
    slots = head.text_columns or {}
    if len(cells) != head.text_cells or any(c.covered for c in cells):
        return []
    read = [read_value(c) for c in cells]
    first = min(slots.values())
    if any(v is None for v in read[first:]) or any(v is not None and v.value is not None for v in read[:first]):
        return []
    out = [v for k in T3_COLUMN_KEYS if (v := read[slots[k]]) is not None]
    head.subtotal_read = head.subtotal_read or any(
        v is not None and v.value is not None for i, v in enumerate(read[first:], first) if i not in slots.values())
    return out


def _cells_at_cut(row: Row, head: _T3Header) -> list[Value]:
    """A text row under a header that names only its first columns: the values of those columns, when the
    row has the header's cells, every cell from the first named one on is a number or a blank under a named
    column, and no number stands before; else none (the columns the header lost are not guessed)."""
    slots = head.cut_columns or {}
    cells = row.block.cells
    if len(cells) != head.cut_cells or any(c.covered for c in cells):
        return []
    read = [read_value(c) for c in cells]
    first = min(slots.values())
    named = set(slots.values())
    if any(v is None or (i not in named and v.value is not None) for i, v in enumerate(read[first:], first)) \
            or any(v is not None and v.value is not None for v in read[:first]):
        return []
    return [v for k in T3_COLUMN_KEYS[:len(slots)] if (v := read[slots[k]]) is not None]


def _cells_after_label(row: Row) -> list[Value]:
    """Every cell of the row's block after its label, read; none when one of them is not a number or blank."""
    cells = [c for c in row.block.cells if not c.covered]
    last = row.label_cells[-1] if row.label_cells else None
    idx = next((i for i, c in enumerate(cells) if c is last), None)
    if idx is None:
        return []
    out: list[Value] = []
    for c in cells[idx + 1:]:  # (left at the first label)
        v = read_value(c)
        if v is None:
            return []
        out.append(v)
    return out


_COLUMN_WORDS = Format.t3_column_words()  # the five applicant columns that say what they are
_COLUMN_BITS = frozenset(w[:2] for ws in _COLUMN_WORDS.values() for w in ws)  # 自然 商业 科研 …: a header's pieces
_COLUMN_WORD_RE = re.compile("|".join(re.escape(w) for ws in _COLUMN_WORDS.values() for w in ws))  # any occurs
_T3_COL = {c.key: c for c in Format.T3_COLUMNS}
_OTHER_COL = core(_T3_COL["other_org"].label)  # 其他, known by its place among the columns
# … and as headers print it: 其它, or 其他组织 under 法人或其他组织
_OTHER_COLS = frozenset({_OTHER_COL, *(core(w) for w in ("其它", "其他组织", "其它组织"))})
_TOTAL_COL = {core(_T3_COL["total"].label), *_T3_COL["total"].variants}  # 总计, 合计
_SUBTOTAL = Format.T3_SUBTOTAL  # a column or row some reports add; not in the format
_SUBTOTAL_PATH = f"requests.*.{Format.T3_SUBTOTAL_KEY}"
_HEAD_START = re.compile("|".join(re.escape(w) for w in (Format.T3_APPLICANTS, Format.T3_LEGAL_PERSONS, *_COLUMN_BITS)))
_FIRST_ROW = _F2021.t3_rows[0].keys[0]  # 本年新收: the header ends where the first data row starts
_OTHER_GROUP = Format.T3_GROUPS["other"]  # （六）其他处理
_OTHER_GROUP_WORD = _OTHER_GROUP.keys[0]
_OTHER_GROUP_NUMBER = norm(_OTHER_GROUP.number or "")  # "(六)"
_GROUP_CORES = tuple(core(g.label) for g in Format.T3_GROUPS.values())  # 本年度办理结果, 不予公开 …
_ROW_CORES = tuple(core(lab.label) for lab in T3_LABELS)


def _t3_header(blocks: list[Block], found: Found, places: Places) -> _T3Header:
    head = _T3Header(places=places)
    header_text = ""
    lines: list[Block] = []  # the text header's lines
    placing = ""  # a grid row naming 小计 and the organisations both: where 小计 stands among them (``subtotal_at``)
    raw: list[str] = []  # the text lines from the header's first words on, as written (``written_down``)
    for b in blocks[:60]:
        if (at := core(b.text).find(_FIRST_ROW)) >= 0:
            # the header and the rows in one line (html-to-text: 「…其他小计 一、本年新收…」): the words just before
            header_text += core(b.text)[max(0, at - 200):at]
            break
        if not b.grid and (raw or _HEAD_START.search(core(b.text))):
            raw.append(b.text)
        if not _names_t3_column(b):
            continue
        header_text += core(b.text)
        if not b.grid:
            lines.append(b)
        if b.grid:
            head.columns = head.columns or {}
            head.table, head.table_slots = b.table, len(b.cells)
            head.columns.update(_grid_names(b))
            if not placing and subtotal_at(core(b.text)) is not None:
                placing = core(b.text)
    if head.columns is not None and set(head.columns) != set(T3_COLUMN_KEYS):
        head.columns = None
    if head.columns is not None:
        head.grids[head.table] = (head.columns, head.table_slots)
    head.grids.update(_own_headers(blocks, set(head.grids)))
    # 小 and 计 on two lines: the 小计 column a line-by-line tool wrote down its column
    down = written_down("\n".join(raw)) if _SUBTOTAL not in header_text else None
    if head.columns is None:
        head.readings = t3_readings(blocks, head.places)
        head.centres = head.readings[0][0] if head.readings else None
        if _SUBTOTAL not in header_text and down is None:
            head.cut_columns, head.cut_cells = _cut_slots(lines)
    if _SUBTOTAL in header_text or down is not None:
        found.notes.append(("extra_row", _SUBTOTAL_PATH, _SUBTOTAL, None))
        found.subtotal = True
        if head.columns is not None:
            head.grid_subtotal = subtotal_at(placing or header_text)
        if head.columns is None:
            # (a grid row's own order first: LibreOffice may set a 小计 in a table of its own above the header's,
            # 「小计」 then first in the header's text though it stands after 其他, s03871)
            head.subtotal = subtotal_at(placing or header_text) if down is None else down
            head.unplaced = head.subtotal is None
            if head.subtotal is not None:
                head.text_columns, head.text_cells = _text_slots(lines)
    return head


def _names_t3_column(b: Block) -> bool:
    """The line or grid row names one of 表三's applicant columns, or 小计."""
    return any(_COLUMN_WORD_RE.search(t) or _SUBTOTAL in t for c in b.cells if not c.covered and (t := core(c.text)))


def _grid_names(b: Block) -> dict[str, int]:
    """The columns a grid header row names, by slot index."""
    out: dict[str, int] = {}
    for i, cell in enumerate(b.cells):
        if cell.covered:
            continue
        c = core(cell.text)
        for key, words in _COLUMN_WORDS.items():
            if any(w in c for w in words) and len(c) <= 8:
                out[key] = i
        if c in _OTHER_COLS:
            out["other_org"] = i
        elif c in _TOTAL_COL:
            out["total"] = i
    return out


def _own_headers(blocks: list[Block], known: set[int | None]) -> dict[int | None, tuple[dict[str, int], int]]:
    """Each other grid table's own header: the columns its rows name before its first number, when they are the
    seven, each at one slot (a table continued on another page with the header repeated: Chromium's PDF of a page
    gives it a slot more before the labels when the label cells break differently), with its width in slots."""
    named: dict[int | None, tuple[dict[str, set[int]], int]] = {}
    done = set(known)
    for b in blocks:
        if not b.grid or b.table in done:
            continue
        if any(not c.covered and (v := read_value(c)) is not None and v.value is not None for c in b.cells):
            done.add(b.table)  # the table's rows have begun
            continue
        if _names_t3_column(b):
            slots = named.setdefault(b.table, ({}, len(b.cells)))[0]
            for key, i in _grid_names(b).items():
                slots.setdefault(key, set()).add(i)
    # (a column named at two slots, the header printed twice at other slots: which its rows follow it does not say)
    return {t: ({k: min(v) for k, v in slots.items()}, width) for t, (slots, width) in named.items()
            if set(slots) == set(T3_COLUMN_KEYS) and all(len(v) == 1 for v in slots.values())}


def _named_slots(lines: list[Block]) -> dict[str, list[int]] | None:
    """Each column a text header's lines name, by cell index (the lines of as many cells each), or None."""
    if not lines or len({len(b.cells) for b in lines}) != 1:
        return None
    slots: dict[str, list[int]] = {}
    for b in lines:
        for i, cell in enumerate(b.cells):
            c = core(cell.text)
            for key, words in _COLUMN_WORDS.items():
                if any(w in c for w in words) and len(c) <= 8:
                    slots.setdefault(key, []).append(i)
            if c in _OTHER_COLS:
                slots.setdefault("other_org", []).append(i)
            elif c in _TOTAL_COL:
                slots.setdefault("total", []).append(i)
            elif c == _SUBTOTAL:
                slots.setdefault("subtotal", []).append(i)
    return slots


def _cut_slots(lines: list[Block]) -> tuple[dict[str, int] | None, int]:
    """A text header that names, each once, in cells of their own and in order, the first few of the seven
    columns and no other, the last named in the line's last cell (a table whose last columns a converter
    dropped): those columns' cell indices."""
    if not lines or len(lines[0].cells) < 2:
        return None, 0  # a line of one cell keeps no column apart (pdfplumber: 「自然人 商」 over 「科研 社会公 …」)
    slots = _named_slots(lines)
    if not slots or any(len(v) != 1 for v in slots.values()):
        return None, 0
    keys = T3_COLUMN_KEYS[:len(slots)]
    if len(slots) >= len(T3_COLUMN_KEYS) or set(slots) != set(keys):
        return None, 0
    at = [slots[k][0] for k in keys]
    if at != sorted(set(at)) or at[-1] != len(lines[0].cells) - 1:
        # (cells after the last column named: the table goes on, its other columns named on another line —
        # a tab-separated header with 总计 on the line above, 「\t\t自然人\t法人或其他组织\t\t…」)
        return None, 0
    return {k: slots[k][0] for k in keys}, len(lines[0].cells)


def _text_slots(lines: list[Block]) -> tuple[dict[str, int] | None, int]:
    """A text header's columns by cell index, when its lines keep every cell (as many cells each, a
    Markdown row per header line) and name each of the seven columns and 小计 in a cell of its own, once."""
    slots = _named_slots(lines)
    if slots is None:
        return None, 0
    want = {*T3_COLUMN_KEYS, "subtotal"}
    if set(slots) != want or any(len(v) != 1 for v in slots.values()) or len({v[0] for v in slots.values()}) != 8:
        return None, 0
    return {k: v[0] for k, v in slots.items() if k != "subtotal"}, len(lines[0].cells)


def extract_requests(blocks: list[Block], places: Places | None = None) -> Found:
    """``places``: where the cells stand (boxes, layout text's columns), for rows whose blank cells left fewer
    numbers than columns (``placed``)."""
    found = Found()
    header = _t3_header(blocks, found, places or Places.none())
    if header.columns is None:  # (a table with a header of its own names its slots: ``grids``)
        header.wider = {t for t in _wider_tables(blocks, header.width) if t not in header.grids}
    header.find_astray(blocks)
    header.two_line = between_numbers_and_units(blocks)
    seen: set[str] = set()
    past_header = False
    group: str | None = None
    pending: tuple[str, Row] | None = None  # a row whose label came without values
    labelled: dict[int, str] = {}  # block index → the row its label names
    again: dict[int, str] = {}  # … a row named again, with numbers
    bare: set[int] = set()  # … a label without numbers on its line
    split: list[Row] = []  # every block's row
    for bi, block in enumerate(blocks):
        row = split_row(block, width=header.width)
        split.append(Row(row.label, row.label_cells, list(row.values), block, row.trimmed))  # (pending rows grow)
        if not block.grid and labelled.get(bi - 1) and bi - 1 not in bare and (
                UNIT in block.text and loose_unit(line_text(block.cells)) or _COUNTS_ONLY.fullmatch(core(row.label))):
            # a count's 件 apart from its number (a cell 「17件」 wrapped: 「17」 at the end of the line above): the
            # number may be this row's, not a cell of the row above (``wrapped``); or a count with its unit taken for
            # a label's words (「６」「件」 under 「（七）总计 … ５ 281」: 56 wrapped in its cell): a cell of the row above
            # may run on here, as a bare number's line says
            _run_on(found, labelled[bi - 1])
        if not row.label:
            if pending and row.values:
                key, prow = pending
                prow.values.extend(row.values)
                if len(prow.values) >= 7 or block.grid:
                    _store_t3(found, key, prow, header)
                    pending = None
            elif row.values and not block.grid and labelled.get(bi - 1) and bi - 1 not in bare:
                _run_on(found, labelled[bi - 1])
            continue
        c = core(row.label)
        if len(c) > 50:
            continue
        lab, how = match_label(row.label, T3_LABELS, fuzzy=FUZZY if row.values else 0.0)
        if _OTHER_GROUP_WORD in c or norm(row.label).startswith(_OTHER_GROUP_NUMBER):
            group = "other"
        if lab is None:
            if pending and row.values and not pending[1].values and _ROW_START.match(norm(row.label)):
                # another row's label begins with its numbers, not the pending one's tail: inscriptis writes a
                # wrapped label's numbers on its first line (「8.属 0 0 0」 / 「于行政查询事项」); these numbers are not
                # the pending label's (a bare 「（」 before a line of numbers is left to the decoder, which reads
                # them only where sums confirm them)
                _store_t3(found, *pending, header)
                pending = None
            if pending and row.values and not pending[1].values and len(c) <= 40:  # a wrapped label's middle or tail
                key, prow = pending
                prow.values = row.values
                _store_t3(found, key, prow, header)
                pending = None
            elif (past_header and len(row.values) >= 5 and "carried_forward" not in seen
                  and not (all(v.value is None for v in row.values) and _format_words(c))):
                # (a grid row with empty cells whose words are the format's is no extra row: LibreOffice draws a
                # group label spanning the rows below it as a row of its own, 「三、本年度办理结果」, and a label
                # cut by a page break as one, 「无法提供」+「政府信息」)
                found.notes.append(("extra_row", "requests", row.label, block))  # 小计, a 4th （六） row …
            elif (row.values and not block.grid and labelled.get(bi - 1) and bi - 1 not in bare
                  and _format_words(c)):
                # a wrapped label's rest with numbers after it (pypdf's layout: 「（三）不予 4.保护第三方合法权益 0 0 ３ 0 ７ １ ２６」
                # 「公开 ６」, the ６ of 16 wrapped in its cell): they may run on from the row above, as a bare line's do
                _run_on(found, labelled[bi - 1])
            continue
        if lab.key == "other_other" and (group != "other" or tail(row.label) not in _OTHER_WORDS
                                         or _is_group_label(row.label)):
            # the column header 其他, 其他 inside a longer label, or the group label （六）其他[处理]
            if (pending and not pending[1].values and len(row.values) == header.width and not block.grid
                    and _is_group_label(row.label)):
                # the group label's middle on the line of the pending row's numbers, its label wrapped around them
                # (「2.申请人逾期未按收费通」/「知要求缴纳费用 、行政机」/「）其他 0 0 0 0 0 0 0」/「关不再处理…」)
                pending[1].values = row.values
                _store_t3(found, *pending, header)
                pending = None
            continue
        if lab.key == "total_processed" and (not past_header or any(w in c for w in _COLUMN_BITS)):
            continue  # the column header 总计 (on a page's repeated header, beside 商业 科研 …)
        if lab.key == "other_total" and _has_other_subrows(c):
            continue
        if lab.key in seen:
            if row.values:
                again[bi] = lab.key
            if pending and pending[0] == lab.key and row.values and not pending[1].values:
                pending[1].values = row.values  # the same label continued on the line with its numbers
                _store_t3(found, *pending, header)
                pending = None
            continue
        if lab.group:
            past_header = True
            group = lab.group
        if lab.key in ("new_received", "carried_over"):
            past_header = True
        seen.add(lab.key)
        labelled[bi] = lab.key
        if not row.values:
            bare.add(bi)
        if pending:
            _store_t3(found, *pending, header)
            pending = None
        between = None
        if not row.values and not block.grid and (between := _numbers_inside_label(split, bi, lab.key, found, header.width)):
            # the label set on two lines around its numbers (「3」/numbers/「.其他」, 「（七」/numbers/「）总计」): they are
            # its own, not the next line's
            # (the row's block is the numbers' line: a header's places and cut columns are read on it)
            row = Row(row.label, row.label_cells, between, split[bi - 1].block, row.trimmed)
            bare.discard(bi)
        elif not row.values and not block.grid:
            pending = (lab.key, row)
            _label_note(found, f"requests.{lab.key}", row, lab, how)
            continue
        _label_note(found, f"requests.{lab.key}", row, lab, how)
        _store_t3(found, lab.key, row, header, between if between and header.width == len(T3_COLUMN_KEYS) else None)
        if between:
            found.certain.add(f"requests.{lab.key}")  # (the decoder reads the numbers after the label's end)
        if lab.key == "carried_forward":
            break
    if pending:
        _store_t3(found, *pending, header)
    if bare and numbers_around(split, labelled, bare, header.width):
        found = Found(out_of_step=True)
        found.notes.append(("unreadable", "requests", _AROUND, None))
        return found
    if bare and (first := numbers_first(split, labelled, bare, again)) is not None:
        _pair_rows(found, first, header)
    if not any(v.value is not None for v in found.values.values()) and not header.subtotal_read and not any(
            b.grid for b in blocks):
        # labels without a single number: prose, not a table (the 小计 the header names is still said)
        return Found(subtotal=found.subtotal, notes=[n for n in found.notes if n[1] == _SUBTOTAL_PATH])
    return found


def _numbers_inside_label(split: list[Row], bi: int, key: str, found: Found, width: int) -> list[Value] | None:
    """The numbers of the line just before label ``bi`` when that line holds the label's first words, or the line
    before it does: the label's cell set on two lines, its numbers between them or beside its first piece
    (pdfplumber's and pypdf's layouts of a cell whose numbering breaks off: 「3」/「0 0 0 0 0 0 0」/「.其他」,
    「（七 1 0 0 0 0 0 1」/「）总计」, 「3 0 0 0 0 0 0 0」/「.其他」). The two pieces together must be one of the row's
    labels. As many numbers as the header's columns (a 小计 column too), or the line is no such row: a blank cell
    a tool dropped leaves no trace; and the row adds up (a 小计 the header did not show is an eighth number among
    seven: 「（六） 14 16 17 9 2 44 58」/「其他处理」, research blank, 44 the 小计)."""
    if bi < 1:
        return None
    nums, row = split[bi - 1], split[bi]
    if nums.block.grid:
        return None
    heads: list[tuple[str, list[Value]]] = []
    if nums.label and len(nums.values) == width:
        heads.append((nums.label, list(nums.values)))  # 「（七 1 0 0 0 0 0 1」
    elif not nums.label and len(nums.values) == width + 1:
        heads.append((nums.values[0].cell.text, list(nums.values[1:])))  # 「3 0 0 0 0 0 0 0」
    if len(nums.values) == width and bi >= 2 and not split[bi - 2].block.grid and (
            not nums.label or _group_piece(nums.label)):
        # 「3」/「0 0 0 0 0 0 0」/「.其他」; beside a group label's piece: 「4.」/「（三） 0 64 0 125 74 0 263」/「保护第三方合法权益」
        above = split[bi - 2].block.text
        heads.append((above, list(nums.values)))
        if len(above.split()) > 1:  # after a group label's words: 「办理结果 2.」/「4 0 0 0 0 0 4」/「其他法律行政法规禁止公开」
            heads.append((above.split()[-1], list(nums.values)))
    labels = Format.t3_numbered_labels(key)
    values = next((vals for head, vals in heads if (first := norm(head)) and norm(first + row.label) in labels), None)
    if values is None:
        return None
    got = [v.value for v in values]
    if width == len(T3_COLUMN_KEYS) and (any(x is None for x in got)
                                         or sum(x for x in got[:-1] if x is not None) != got[-1]):
        return None
    spans = {v.cell.span for v in found.values.values() if v.cell.span is not None}
    if any(v.cell.span in spans for v in values):
        return None  # (taken by the label before, whose numbers came on the lines after it)
    return values


_OTHER_ROW = Format.t3_row("other_other")
_OTHER_WORDS = {_OTHER_ROW.keys[0], *_OTHER_ROW.variants} if _OTHER_ROW else set()
_OTHER_SUBROW_WORDS = Format.other_subrow_words()


# the start of a numbered row label: 「(七」「3.」「四、」, a numeral alone (「二」 with its numbers / 「、上年结转…」)
_ROW_START = re.compile(r"^(?:[(（][一二三四五六七八九十]?[)）]?$|[(（][一二三四五六七八九十][)）]|\d[.．、]|[一二三四五六七八九十](?:、|$))")


def _group_piece(label: str) -> bool:
    """A group label's numbering or a piece of its words (「（三）」, 「不予公」): no row's words."""
    c = core(label)
    return not c or any(c in g for g in _GROUP_CORES)


def _format_words(c: str) -> bool:
    """A label's words (``core``) are a group label's, or part of a row's, or both: 「无法提供政府信息」."""
    for g in _GROUP_CORES:
        if c.startswith(g):
            c = c[len(g):]
            break
    return not c or any(c in r for r in _ROW_CORES)


def _is_group_label(label: str) -> bool:
    """'（六）其他' (the group label, its 处理 wrapped to the next line), or its middle '）其他' (「（六」 / … / 「）其他 0 0 …」 /
    … / 「处理」: the label wrapped in a narrow column around the rows' lines), and not '（六）其他处理 3.其他'."""
    t = norm(label)
    return t.startswith((_OTHER_GROUP_NUMBER, _OTHER_GROUP_NUMBER[-1:])) and not re.search(r"3[.、．]", t)


def _has_other_subrows(c: str) -> bool:
    return any(k in c for k in _OTHER_SUBROW_WORDS)


def _same_block(row: Row, vals: list[Value]) -> bool:
    own = {id(x) for x in row.block.cells}
    last = row.label_cells[-1] if row.label_cells else None
    for v in vals:
        c = v.cell
        if id(c) in own:
            continue
        if last is not None and ((c.line is not None and c.line == last.line)
                                 or (c.bbox is not None and c.bbox == last.bbox)):
            continue
        return False
    return True


def _one_placing(row: Row) -> list[Value] | None:
    """A text row ending in empty cells (a pipe table's 「| 四、结转… | | |  |  | 0 | — | 0 |  |  |」): its seven
    columns are seven consecutive cells with only blanks outside them, and the empty cells may be the label's
    merged cells or blank columns — the text does not say which. The one placing whose 总计 is the (nonzero) sum
    of the six before it; blank (null) when no such placing or several; None (the row's usual reading) when
    every placing reads the same."""
    cells = _cells_after_label(row)
    if len(cells) <= 7:
        return None
    numbers = [i for i, v in enumerate(cells) if v.value is not None or v.overflow]
    if not numbers:
        return None
    runs = [cells[i:i + 7] for i in range(max(0, numbers[-1] - 6), min(numbers[0], len(cells) - 7) + 1)]
    readings = {tuple(v.value for v in r): r for r in runs}
    if len(readings) <= 1:
        return None
    summed = [r for k, r in readings.items()
              if isinstance(k[6], int) and k[6] and k[6] == sum(x or 0 for x in k[:6])]
    if len(summed) == 1:
        return summed[0]
    row.trimmed = True  # not a certain row: its numbers have no settled place
    return [Value(None, v.cell) for v in cells[:7]]


_COUNTS_ONLY = re.compile(rf"[\d{UNIT}]*\d[\d{UNIT}]*")  # 「6件」: digits and the count's unit, no word


def _run_on(found: Found, key: str) -> None:
    """A row read from its own line, more numbers on the next line before any label, and the line's seven
    missing their sum (「（七）总计 72 60 79 33 20 45 23」 / 「7 309」: a 小计 column the header did not show, its 237
    broken over the lines): the numbers run on, and the line is not the row. Left to the decoder, which reads
    the whole stretch (a row whose sum holds keeps its line: numbers under it may be the next row's, written
    above its label)."""
    path = f"requests.{key}"
    if path not in found.certain or found.values[f"{path}.total"].value is None:
        return
    nums = [found.values[f"{path}.{c}"].value for c in T3_COLUMN_KEYS]
    if sum(v or 0 for v in nums[:-1]) != nums[-1]:
        found.certain.discard(path)
        found.explicit.discard(path)


def _store_t3(found: Found, key: str, row: Row, header: _T3Header, picked: list[Value] | None = None) -> None:
    """``picked``: the row's seven cells, read already (not placed again by the header's slots or columns)."""
    header.placed_beside = header.cut_read = False
    if row.block.table in header.wider and row.block.grid and len(cells := split_row(row.block).values) > header.width:
        # a cell more than the columns, in a table whose rows fill it: which is the extra one the row does not say
        lab = row.label_cells[-1] if row.label_cells else None
        shown = printed(v.cell for v in cells)
        for col in T3_COLUMN_KEYS:
            found.values[f"requests.{key}.{col}"] = Value(None, lab or row.block.cells[0])
            found.notes.append(("unreadable", f"requests.{key}.{col}", Reason(_WIDER, shown), row.block))
        found.grid.add(f"requests.{key}")
        found.certain.add(f"requests.{key}")  # (as a merged cell's row: the decoder, blind to blank cells, reads
        return  # the row's numbers by count, a column over)
    merged = _merged_slots(row) if row.block.grid and picked is None else None
    vals = picked if picked is not None else merged[0] if merged else header.pick(row)
    if merged:
        # (the row's cells after its label as printed, a merged one with both rows' numbers: L-03's 实为)
        lab = row.label_cells[-1] if row.label_cells else None
        at = next((i for i, c in enumerate(row.block.cells) if c is lab), -1)
        shown = printed(c for c in row.block.cells[at + 1:] if not c.covered)
        found.notes.extend(("unreadable", f"requests.{key}.{T3_COLUMN_KEYS[i]}", Reason(_MERGED_SLOT, shown),
                            row.block) for i in merged[1])
    if (row.block.grid and picked is None and header.width == 7 and len(vals) == 6
            and (slot := _swallowed_slot(row)) is not None):
        # the label's cell spans the first number's column, its number inside the label's words (LibreOffice's PDF:
        # 「结转下年度继2续办理」, an empty covered cell, then six numbers): the six are the last six columns, the first
        # column's number is not known to be the one among the words
        vals = [Value(None, slot), *vals]
        found.notes.append(("unreadable", f"requests.{key}.{T3_COLUMN_KEYS[0]}",
                            Reason(_SWALLOWED, row.label), row.block))
    if header.width == 7 and not row.block.grid and (last := read_value(row.block.cells[-1])) is not None \
            and last.value is None and (placed := _one_placing(row)) is not None:
        vals = placed
    if row.block.grid:
        found.grid.add(f"requests.{key}")
    if row.block.grid or (len(vals) == 7 and not row.trimmed and not row.marks and not any(v.repaired for v in vals)
                          and not any(_glued(v) for v in vals) and not _numbering_taken(row.label, key, vals)
                          and (_same_block(row, vals) or header.placed_beside)):
        found.certain.add(f"requests.{key}")
        if id(row.block) in header.two_line and not row.block.grid:
            # its line holds its cells of one line only: the others' numbers stand on a line of their own, not blank
            found.notes.extend(("unreadable", f"requests.{key}.{c}", _TWO_LINE, row.block)
                               for c, v in zip(T3_COLUMN_KEYS, vals) if v.value is None)
        elif row.block.grid or any(v.value is None and not v.overflow for v in vals):
            found.explicit.add(f"requests.{key}")
    if header.cut_read:  # each number under its column's name: read; the columns the converter lost are not
        found.certain.add(f"requests.{key}")
        found.explicit.add(f"requests.{key}")
        lost = [f"requests.{key}.{c}" for c in T3_COLUMN_KEYS[len(vals):]]
        found.notes.extend(("unreadable", p, _CUT_COLUMNS, None) for p in lost)
    elif len(vals) < 7 and vals:
        found.notes.append(("repaired", f"requests.{key}", row.label, row.block))
    if header.dropped is not None and header.subtotal is not None:
        found.subtotals[f"requests.{key}"] = (header.subtotal, header.dropped, tuple(vals))
    else:
        found.subtotals.pop(f"requests.{key}", None)
    for col, v in zip(T3_COLUMN_KEYS, vals):
        found.values[f"requests.{key}.{col}"] = v
    for col in T3_COLUMN_KEYS[len(vals):]:
        found.values.setdefault(f"requests.{key}.{col}", Value(None, row.label_cells[-1]))


def _swallowed_slot(row: Row) -> Cell | None:
    """A grid row's covered cell between its label's cell and its first number, the label's words holding digits
    not at their start (「结转下年度继2续办理」: not a numbering, 「2.重复申请」): the slot of a number the label's cell
    took in. None when the row is not so."""
    if not row.values or not re.search(r"\D\d+\D", row.label) or not row.label_cells:
        return None
    cells = row.block.cells
    at = next((i for i, c in enumerate(cells) if c is row.label_cells[-1]), None)
    to = next((i for i, c in enumerate(cells) if c is row.values[0].cell), None)
    if at is None or to is None or to != at + 2 or not cells[at + 1].covered or cells[at + 1].text.strip():
        return None
    return cells[at + 1]


_SWALLOWED = ("标签的单元格跨进了第一个数字栏（表格线缺失），标签文字中夹着数字（如「结转下年度继2续办理」）：其余各格按栏读出，"
              "第一栏的数无法确定，已留空")


def _glued(v: Value) -> bool:
    """A number written with a leading 0 (「00」「021」): no count is, so it is cells glued together (pypdf's layout of a
    narrow 其他 beside 总计), never one cell; seven such tokens are no row's seven cells (s02573: 「（五）不予 3 0 0 0 0 0
    00」 / 「处理 .要求提供公开出版物」, the 3 the label's numbering)."""
    t = unicodedata.normalize("NFKC", v.cell.text.strip())  # (not norm: 「0 0」, a cell of two numbers, is no 「00」)
    return leading_zero(t) and t.isdigit()


def _two_items(label: str, labels: tuple[Label, ...]) -> bool:
    """A row's label text holds the keys of two of 表二's items."""
    c = core(label)
    return sum(1 for lab in labels if any(k in c for k in lab.keys)) > 1


def _numbering_taken(label: str, key: str, vals: list[Value]) -> bool:
    """The row's label starts with its numbering's mark, its digit gone (「理 .要求提供公开出版物」), and its first value is
    that digit: the label's numbering, set on the numbers' line (PDFBox's sort, s02509: 「不予处 3 0 0 0 0 0 0」 /
    「理 .要求提供公开出版物 0」), not a cell."""
    row = Format.t3_row(key)
    digits = (row.number or "")[:-1] if row is not None else ""
    if row is None or not vals or not digits.isdigit() or vals[0].value != int(digits):
        return False
    t = norm(label)
    i = t.find(core(row.label)[:2])
    return i > 0 and t[i - 1] in ".．" and not (i > 1 and t[i - 2].isdigit())


def _wider_tables(blocks: list[Block], width: int) -> set[int]:
    """The grid tables in which a row of 表三 holds more value cells than the header names columns, numbers or
    blank marks beyond them (no blank column at an edge to leave out: ``only_window``). A 小计 column the header
    does not show as such (its words in one merged cell: 「法人或其他组织自然人科研机…小…计」, LibreOffice's PDF of a
    page with broken spans) makes eight cells a row; reading a row's last seven, or its first seven where its
    last cell is blank (a 总计 the grid lost), put the 小计 in 总计 and every number a column over (seed 1919)."""
    out: set[int] = set()
    for b in blocks:
        if b.grid and b.table is not None and b.table not in out:
            row = split_row(b, width=width)
            if row.trimmed and match_label(row.label, T3_LABELS)[0] is not None:
                out.add(b.table)
    return out


def _merged_slots(row: Row) -> tuple[list[Value], list[int]] | None:
    """A PDF grid row with a value cell merged with the row above or below it (LibreOffice leaves a rule out of
    its PDF, and one cell holds two rows' numbers: 「００」 for 0 and 0, 「１２」 for 1 and 2): a slot covered from
    above, or a cell taller than the row's label. When the row's cells after its label are seven columns
    (a slot covered from its left, the same columns, is one with it), each is read by its column and the
    merged ones are null; otherwise which column each number is the row does not say, and all seven are null.
    (values, the columns left null); None when no cell is merged (read as before)."""
    cells = row.block.cells
    # the last cell with words (a merged cell of two blank marks, 「— —」, is no number: the row split took it
    # for the label's)
    lab = next((c for c in reversed(row.label_cells) if _CJK.search(c.text.replace("无", ""))), None)
    at = next((i for i, c in enumerate(cells) if c is lab), None)
    if lab is None or lab.bbox is None or at is None:
        return None
    top, bottom = lab.bbox[1], lab.bbox[3]
    slots: list[Cell] = []
    merged: list[int] = []
    for c in cells[at + 1:]:
        if c.bbox is None:
            return None
        if c.covered and ((slots[-1].bbox if slots else None) or lab.bbox)[::2] == c.bbox[::2]:
            continue  # the cell to its left (or the label), spanning this slot too
        if c.covered and c.bbox[1] >= top - 2:
            return None  # covered from the left by a cell of another width: not a plain row of columns
        if c.covered or c.bbox[1] < top - 2 or c.bbox[3] > bottom + 2:
            merged.append(len(slots))
        slots.append(c)
    # a blank merged slot besides (a cell spanning from the header, LibreOffice's s02751): a blank one past it is
    # not known to be the extra column, nor is it (the 总计 the page cut off at its edge): the slots stay eight
    blank_merged = any(i in merged and not slots[i].text.strip() for i in range(len(slots) - 1))
    while slots and not slots[-1].text.strip() and (slots[-1].covered or len(slots) > 7 and not blank_merged):
        if len(slots) - 1 in merged:  # a blank column past the last (a stray rule's column the table's height)
            merged.remove(len(slots) - 1)
        slots.pop()
    if not merged:
        return None
    if len(slots) != 7:
        return [Value(None, lab)] * 7, list(range(7))
    read = [None if i in merged else read_value(c) for i, c in enumerate(slots)]
    if any(v is None and i not in merged and c.text.strip() for i, (c, v) in enumerate(zip(slots, read))):
        return None  # a word among the slots: not a row of numbers
    return [v if v is not None else Value(None, c) for c, v in zip(slots, read)], merged


_MERGED_SLOT = "这一格与上一行或下一行的格子合并（表格线缺失或单元格跨行），格内的数属于哪一行无法确定，已留空"
_WIDER = "表格每行的格子比表头列出的七栏多（表头没有标出的小计等栏），哪一格属于哪一栏无法确定，已留空"
_TWO_LINE = ("这一行有的格子写成两行（数字在上、「件」在下），标签这一行只有单行格子的数字，其余格子的数字另占一行，"
             "不是空白，无法确定各属于哪一栏，已留空")
_CUT_COLUMNS = "转换工具只写出了表格的前几列（表头只有这几列的名称），这一列的数字不在文本中，已留空"
_AROUND = "表格工具把一行标签断成两段，中间夹着不止一行的数字：标签与数字错开，无法确定数字属于哪一行，已留空"
_UNPAIRED = "表格工具把数字写在标签上方的组标签碎片行上，标签与数字行数不等，无法确定数字属于哪一行，已留空"


def _pair_rows(found: Found, paired: Paired, header: _T3Header) -> None:
    """Rows read by ``numbersfirst``: each paired label takes its line of numbers; the others are null."""
    found.numbers_first = True
    for key in paired.whole:
        found.loose.discard(f"requests.{key}")  # a label read from its first words: its next words confirm it
    unpaired = paired.unpaired
    for key, (lrow, nrow) in paired.rows.items():
        path = f"requests.{key}"
        for col in T3_COLUMN_KEYS:
            found.values.pop(f"{path}.{col}", None)
        found.certain.discard(path)
        found.explicit.discard(path)
        _store_t3(found, key, Row(lrow.label, nrow.label_cells, nrow.values, nrow.block, nrow.trimmed), header)
    for key, lrow in unpaired.items():
        path = f"requests.{key}"
        found.certain.discard(path)
        found.explicit.discard(path)
        for col in T3_COLUMN_KEYS:
            found.values[f"{path}.{col}"] = Value(None, lrow.label_cells[-1] if lrow.label_cells else lrow.block.cells[0])
        found.notes.append(("unreadable", path, _UNPAIRED, lrow.block))


# ---- 表四 --------------------------------------------------------------------------------------
_REVIEW = Format.T4_GROUPS[0].keys[0]  # 行政复议
_UPHELD = Format.T4_COLUMNS[0]  # 结果维持 / 维持


def extract_appeals(blocks: list[Block], text: str | None = None, places: Places | None = None) -> Found:
    found = Found()
    start = None
    for i, b in enumerate(blocks):
        if not any(core(x.text).startswith(_REVIEW) and len(core(x.text)) <= 12 for x in b.cells):
            continue
        c = core(b.text)
        if _REVIEW in c and (Format.T4_LITIGATION in c or _UPHELD.label in c or _header_follows(blocks, i)):
            start = i
            break
    if start is None:
        return found
    if _transposed(found, blocks[start:start + 8], blocks[max(0, start - 3):start + 1]):
        return found
    values: list[Value] = []
    first: Row | None = None
    used: list[Block] = []
    for k, b in enumerate(blocks[start + 1:start + 80], start=start + 1):
        row = split_row(b, width=15)
        if row.label:
            lc = core(row.label)
            named = b.grid and not values and len(row.values) >= 5 and len(lc) <= 4 and not any(
                w in lc for w in _T4_HEADER_BITS)  # the value row named by a short word: 「数量」, 「件数」
            if not named and (values or not (any(w in lc for w in _T4_HEADER_BITS) or set(lc) <= _T4_HEADER_CHARS)):
                break
            if not named:
                continue
        if not row.values:
            continue
        if first is None and (b.grid or row.trimmed) and (by_header := _under_headers(b, blocks[start:k])) is not None:
            if not by_header[0]:  # a row drawn a cell left of its header, neither reading settled by the sums
                found.notes.append(("unreadable", "appeals", _T4_CELL_LEFT, b))
                return found
            first, (values, headed) = row, by_header
            if headed < 3 * len(T4_COLUMN_KEYS):  # (columns cut off at the page's side: the last group's, blank)
                found.notes.append(("unreadable", f"appeals.{T4_GROUP_KEYS[-1]}", Reason(_T4_CUT_SIDE, ""), None))
            break
        if row.trimmed:  # more numbers than 表四 has cells, and no header columns to place them: a guess
            first, values = None, []
            break
        first = first or row
        values.extend(row.values)
        used.append(b)
        last = k
        if len(values) >= 15:
            if len(used) > 1 and not b.grid and _numbers_follow(blocks, k + 1):
                # fifteen numbers over lines and more after them (a tool that writes each span on its line:
                # 「1」「0」 for 10): which fifteen are the cells is a guess
                first, values = None, []
            break
    if first is None or stacked_rows(used) or (text is not None and _aligned_lines(values, text)) or (
            not any(b.grid for b in used) and _cut_groups([len(split_row(b, width=15).values) for b in used], values)):
        # a row cut into lines down its columns, or a row of cells several lines high whose numbers stand on
        # the lines their alignment put them: no order of its cells
        found.notes.append(("unreadable", "appeals", blocks[start].text, blocks[start]))
        found.unordered = first is not None and not stacked_rows(used)
        return found
    if len(values) == 15 and len(used) == 1 and not used[0].grid and text is not None:
        # a line of digits right under the fifteen, each under one of them: numbers cut by a narrow cell's line break
        # (pypdf's layout text of Chromium's PDF: 「…  １  0 …」 / 「                   ０」, 总计 10)
        values = _cut_tails(values, blocks, last + 1, text, found)
    if len(values) == 16 and len(used) > 1 and not any(b.grid for b in used):
        # sixteen numbers over lines for fifteen cells: a number cut by a line break (Chromium's narrow cell,
        # 「１」/「０」 for 10) when joining one pair of neighbours on two lines makes every group add up, and only
        # one does; else which number is extra the text does not say (taking the last fifteen was a guess)
        values = _joined_pair(values, found, first)
    if len(values) > 15:
        values = values[-15:]
    if len(values) == 15 and len(used) == 2 and text is not None and (merged := _two_lines_merged(values, used)):
        values, unsettled = merged
        for g, group in enumerate(T4_GROUP_KEYS):
            if any(values[g * 5 + i].value is None and v.value is not None
                   for i, v in enumerate(unsettled[g * 5:g * 5 + 5])):
                found.notes.append(("unreadable", f"appeals.{group}",
                                    Reason(_T4_TWO_LINES, printed(unsettled[g * 5:g * 5 + 5])), None))
    groups: list[list[Value] | None] = [values[i:i + 5] for i in range(0, 15, 5)]
    if len(values) == 15:
        found.certain.add("appeals")
    else:
        found.notes.append(("repaired", "appeals", first.block.text, first.block))
        placed = None
        if text is not None and len(values) in (5, 10):
            placed = _groups_by_position(values, blocks[start:start + 80], text)
        if placed:
            groups = placed
            found.certain.add("appeals")
        elif places is not None and (by_place := _t4_by_position(values, blocks, start, first, places)) is not None:
            groups = by_place  # text with positions, blank cells: each number under its column's header
            found.certain.add("appeals")
    blank = Value(None, first.block.cells[-1])
    for group, vals in zip(T4_GROUP_KEYS, groups):
        vals = vals or []
        for ci, col in enumerate(T4_COLUMN_KEYS):
            found.values[f"appeals.{group}.{col}"] = vals[ci] if ci < len(vals) else blank
    return found


def _cut_tails(values: list[Value], blocks: list[Block], k: int, text: str, found: Found) -> list[Value]:
    """The fifteen cells with the digits of the next line joined to the numbers they stand under, when that line
    holds only numbers each starting in the column of exactly one of the fifteen and the groups then add up; when
    they stand so and the groups do not add up, those groups null (which digits are whose the sums do not confirm).
    As read otherwise."""
    row = _next_numbers(blocks, k, 3)
    if row is None or row.block.grid or any(v.value is None or isinstance(v.value, float) for v in row.values):
        return values
    cols = _value_columns(values, text)
    joined = list(values)
    touched: dict[int, Value] = {}
    for t, col in zip(row.values, _value_columns(row.values, text)):
        under = [i for i, c in enumerate(cols) if c is not None and c == col]
        head = values[under[0]].value if len(under) == 1 else None
        if col is None or not isinstance(head, int) or head == 0 or under[0] in touched:
            return values  # digits not each under one number: not this shape
        i = under[0]
        touched[i] = t
        joined[i] = Value(int(f"{head}{t.value}"), values[i].cell)
    if _sums_hold([v.value if v.value is not None else 0 for v in joined]):
        shown = "、".join(f"「{values[i].value}」「{t.value}」连成 {joined[i].value}" for i, t in touched.items())
        found.notes.append(("repaired", "appeals", Reason(_T4_CUT_TAILS.format(pairs=shown)), None))
        return joined
    for g in sorted({i // 5 for i in touched}):
        found.notes.append(("unreadable", f"appeals.{T4_GROUP_KEYS[g]}", Reason(_T4_TAILS_UNSETTLED, printed(values[g * 5:g * 5 + 5])),
                            None))
        for i in range(g * 5, g * 5 + 5):
            joined[i] = Value(None, values[i].cell)
    return joined


def _value_columns(values: list[Value], text: str) -> list[int | None]:
    """Each value's column within its line: its cell's, or, for numbers a single space apart in one cell
    (「１ 0」), where its digits stand in the cell's text; None when that is not told."""
    out: list[int | None] = []
    seen: dict[int, int] = {}
    for v in values:
        n = seen[id(v.cell)] = seen.get(id(v.cell), -1) + 1
        col = _column(v.cell, text)
        words = [m.start() for m in re.finditer(r"\S+", v.cell.text)]
        out.append(col + words[n] if col is not None and n < len(words) else None)
    return out


_T4_CUT_TAILS = "表四的数字被单元格折行分开，下一行的数字写在上一行的数字正下方：{pairs}，这样连起来后各栏合计成立"
_T4_TAILS_UNSETTLED = "表四下一行的数字写在这一栏数字的正下方（一个数被折行分开），连起来后合计也不成立：哪几位是哪一格的无法确定，已留空"


def _joined_pair(values: list[Value], found: Found, first: Row | None) -> list[Value]:
    """The fifteen cells of sixteen numbers when joining exactly one pair of neighbours standing on two lines (the
    second's digits after the first's) makes every group's four results add up to its 总计; else fifteen blanks
    with the reader's note."""
    fits = {}
    for i in range(15):
        a, b = values[i], values[i + 1]
        if a.value is None or b.value is None or a.cell.line is None or b.cell.line != a.cell.line + 1 \
                or isinstance(a.value, float) or isinstance(b.value, float) or a.value == 0:
            continue
        whole = Value(int(f"{int(a.value)}{int(b.value)}"), a.cell)
        cand = [*values[:i], whole, *values[i + 2:]]
        nums = [v.value if v.value is not None else 0 for v in cand]
        if _sums_hold(nums):
            fits[tuple(nums)] = (cand, a, b)
    if len(fits) == 1:
        cand, a, b = next(iter(fits.values()))
        joined = _T4_JOINED.format(a=a.cell.text, b=b.cell.text, whole=cand[values.index(a)].value)
        found.notes.append(("repaired", "appeals", Reason(joined), None))
        return cand
    anchor = first.block.cells[-1] if first is not None else values[-1].cell
    shown = printed(values)  # (the sixteen as printed: which group's they are is what the text does not say)
    for group in T4_GROUP_KEYS:
        found.notes.append(("unreadable", f"appeals.{group}", Reason(_T4_SIXTEEN, shown), None))
    return [Value(None, anchor)] * 15


_T4_JOINED = "表四写出十六个数，其中上下两行的「{a}」「{b}」是一个数被单元格折行分开，连成 {whole} 后各栏合计成立（只有这一种连法）"
_T4_SIXTEEN = "表四写出十六个数而只有十五格，哪一个是多出的（或哪两个是同一个数被折行分开）无法确定，已留空"


_T4_CUT_SIDE = "表四超出页面右边，表头最后几栏被截去：这几格没有写出，无法读出，已留空"


_T4_CELL_LEFT = ("表四的数字行比表头少一格、整行向左错开一栏（第一格落在表头的标签栏下，最后一栏空着），按表头的栏读与按次序读"
                 "都不能使各栏合计唯一成立，哪一格是哪个数无法确定，已留空")
_T4_TWO_LINES = ("表四的一行数字分写在上下两行（单元格高低不一，工具按高度分行），两行各自的次序不变而合并的次序不止一种使各栏"
                 "合计成立：次序不能确定的格子已留空")


def _two_lines_merged(values: list[Value], used: list[Block]) -> tuple[list[Value], list[Value]] | None:
    """表四's fifteen numbers on two lines of nothing but numbers, one right under the other, in text that keeps no
    columns (a text row of single-spaced numbers: pdfplumber's 「0 0 … 0」 over 「3 3」, the row's cells at two
    heights): which cells the lower line's numbers are the line order does not say. Every merge of the two
    lines keeping each line's order whose groups add up (four results to their 总计, a blank mark as 0) is a
    reading; the cells all of them agree on are read, the others null. (values, one reading); None when the
    text is not of this kind (a line with positions: ``_aligned_lines`` reads those)."""
    a, b = used
    lines = [x.cells[0].line if x.cells else None for x in used]
    if a.grid or b.grid or None in lines or lines[1] != lines[0] + 1:  # type: ignore[operator]
        return None
    top = [v for v in values if v.cell.line == lines[0]]
    low = [v for v in values if v.cell.line == lines[1]]
    if not top or not low or len(top) + len(low) != 15 or values != [*top, *low]:
        return None
    if any(len([c for c in x.cells if c.text.strip()]) != 1 for x in used):
        return None  # a line parted into cells keeps its columns (layout text: positions are read elsewhere)
    fits = []
    for pos in combinations(range(15), len(low)):
        it_t, it_l = iter(top), iter(low)
        order = [next(it_l) if i in pos else next(it_t) for i in range(15)]
        nums = [v.value if v.value is not None else 0 for v in order]
        if _sums_hold(nums):
            fits.append(order)
    if not fits:
        return None  # no merge adds up: not this kind, read as before
    out = [f if all(o[i].value == f.value for o in fits) else Value(None, f.cell) for i, f in enumerate(fits[0])]
    return out, fits[0]


def _t4_by_position(values: list[Value], blocks: list[Block], start: int, first: Row,
                    places: Places) -> list[list[Value] | None] | None:
    """表四's numbers, fewer than its cells, under the header words above its row by where they stand
    (``placed.t4_place``); blanks null."""
    end = next((i for i in range(start, min(len(blocks), start + 80)) if blocks[i] is first.block), None)
    xs = t4_centres(blocks[start:end], places) if end is not None else None
    got = t4_place(values, xs, places) if xs is not None else None
    if got is None:
        return None
    blank = Value(None, first.block.cells[-1])
    return [[v if v is not None else blank for v in g] for g in got]


def _cut_groups(counts: list[int], values: list[Value]) -> bool:
    """Fifteen numbers over lines that cut 表四's groups of five (「0」「4 6」「4」「0」「0」「2 0」「0 0 0」…: pdftotext
    writes a table's boxes in its own order, a line where boxes share a baseline) and whose groups then do
    not add up: the lines' order is not the cells'. Lines that hold whole groups keep a printed table's typo."""
    if len(values) != 15 or len(counts) < 2 or all(n % 5 == 0 for n in counts):
        return False
    vals = [v.value for v in values if v.value is not None]
    if len(vals) != 15:
        return False
    return not _sums_hold(vals)


def _numbers_follow(blocks: list[Block], k: int) -> bool:
    """The next block with text, from ``blocks[k]``, holds numbers and no label."""
    return _next_numbers(blocks, k, 4) is not None


def _next_numbers(blocks: list[Block], k: int, within: int) -> Row | None:
    """The next block with text among ``blocks[k:k + within]``, read as a 表四 row, when it holds numbers and no label."""
    for b in blocks[k:k + within]:
        if not b.text.strip():
            continue
        row = split_row(b, width=15)
        return row if not row.label and row.values else None
    return None


def _under_headers(row: Block, heads: list[Block]) -> tuple[list[Value], int] | None:
    """表四's fifteen cells of a grid row (or of a text row among header rows of its width: a pipe table),
    each the cell under its header: the header cells that name the
    five results, in reading order, must be the format's five three times over, and the row may hold no
    number outside their columns. A grid wider than the table (a spreadsheet with several tables on one
    sheet: empty columns between a row's cells, blank cells among them) is read by its columns, not by
    counting cells. With them, how many result columns the headers name: fewer than fifteen when the last group's
    last columns are cut off at the page's side (their cells blank). None when the headers do not say."""
    cols: list[int] = []
    keys: list[str] = []
    for b in heads:
        if not b.grid and len(b.cells) != len(row.cells):  # a text row's cells are columns when a pipe
            continue  # table (a spreadsheet as Markdown) gives every row the same cells
        slots, named = _result_slots(b)
        cols.extend(slots)
        keys.extend(named)
    want = list(T4_COLUMN_KEYS) * 3
    if len(set(cols)) != len(cols) or keys != want[:len(keys)] or len(keys) <= len(want) - len(T4_COLUMN_KEYS):
        return None
    # (the headers stop short of the last group's last columns: a table wider than the page, its right side cut off
    # (LibreOffice: 复议后起诉's 总计 past the page's side, s03679); those cells are blank here, and said so by the caller)
    under = _cells_at(row, cols)
    if under is not None and len(under) < len(want):
        under += [Value(None, row.cells[-1])] * (len(want) - len(under))
    got = _one_cell_left(row, cols, under)
    return None if got is None else (got, len(keys))


def _one_cell_left(row: Block, cols: list[int], under: list[Value] | None) -> list[Value] | None:
    """A grid row one cell short of the header and drawn a column left (a browser prints an HTML row that lacks
    the header's label cell so: 「无」 in the label column, the last column empty), else ``under``. Read in order
    when every group's four results add up to its 总计 so and not under the header, under the header when only
    that adds up; when neither or both (with other values) do, which cells the numbers are is not known: []."""
    lead = [c for c in row.cells[:min(cols)] if not c.covered and c.text.strip()]
    last = row.cells[max(cols)] if max(cols) < len(row.cells) else None
    if under is None or not lead or read_value(lead[-1]) is None or (last is not None and last.text.strip()):
        return under
    start = row.cells.index(lead[-1])
    ordered = [read_value(c) for c in row.cells[start:max(cols)] if not c.covered]
    if len(ordered) != 15 or any(v is None for v in ordered):
        return under
    readings = [r for r in ([v for v in ordered if v is not None], under) if _groups_add_up(r)]
    if len(readings) == 1 or (readings and [v.value for v in readings[0]] == [v.value for v in readings[1]]):
        return readings[0]
    return []


def _groups_add_up(values: list[Value]) -> bool:
    """表四's three groups each have four results adding up to its 总计 (a blank as 0)."""
    return _sums_hold([v.value or 0 for v in values])


def _sums_hold(nums: list[int | float]) -> bool:
    """Fifteen numbers of 表四, each group's four results adding up to its 总计."""
    return len(nums) == 15 and all(sum(nums[g:g + 4]) == nums[g + 4] for g in (0, 5, 10))


def _column(cell, text: str) -> int | None:
    """A text cell's column within its line (layout text keeps columns aligned by spaces)."""
    if cell.span is None:
        return None
    return cell.span[0] - (text.rfind("\n", 0, cell.span[0]) + 1)


def _adds_up(nums: list[float | None]) -> bool:
    """A 表四 block's four results add up to its 总计, every cell a number."""
    known = [n for n in nums if n is not None]
    return len(known) == 5 and sum(known[:4]) == known[4]


def _groups_by_position(values: list[Value], blocks: list[Block], text: str) -> list[list[Value] | None] | None:
    """A 表四 row with a blank group in space-aligned text: the numbers say nothing about which
    group is missing, their columns do. Each group ends under its 总计 header, so of the ways to
    place the 5 or 10 numbers as whole groups, each between the 总计 of the groups beside it, the one whose
    groups end nearest their 总计 wins."""
    ends = sorted(c for b in blocks if not b.grid for cell in b.cells
                  if core(cell.text) == "总计" and (c := _column(cell, text)) is not None)
    cols = [_column(v.cell, text) for v in values]
    if len(ends) != 3 or None in cols or len({id(v.cell) for v in values}) != len(values):
        return None
    chunks = [values[i:i + 5] for i in range(0, len(values), 5)]
    if not all(_adds_up([v.value for v in chunk]) for chunk in chunks):
        return None  # five numbers whose four results miss their 总计 are no whole group (blank cells left out)
    if len(set(ends)) != 3:
        return None  # two 总计 in one column: a header row shifted (a merged cell not kept), its columns say nothing
    last = [cols[i + 4] or 0 for i in range(0, len(values), 5)]  # none is None (checked above)
    spans = [(min(c for c in cols[i:i + 5] if c is not None), last[i // 5]) for i in range(0, len(values), 5)]

    def inside(span: tuple[int, int], g: int) -> bool:
        # a group's numbers stand right of the 总计 before it and left of the 总计 after it: where they do not,
        # the header's words and the numbers are not set on one scale of columns (pdftotext -layout writes a
        # full-width character a column, wrapped header words bunch up: LibreOffice's 「总计」 at 14, 29, 44
        # over groups at 0–24 and 28–44)
        return (g == 0 or span[0] > ends[g - 1]) and (g == 2 or span[1] < ends[g + 1])

    costs = sorted((sum(abs(col - ends[g]) for col, g in zip(last, present)), present)
                   for present in combinations(range(3), len(chunks))
                   if all(inside(s, g) for s, g in zip(spans, present)))
    if not costs:  # more groups of five than 表四 has groups, or no placing keeps each between its neighbours' 总计
        return None
    if len(costs) > 1 and costs[0][0] == costs[1][0]:
        return None  # the columns do not tell (a header one word per line): unique or nothing
    if costs[0][0] > 4 * len(chunks):
        return None  # the numbers do not stand under the headers (OCR boxes joined by spaces)
    best = costs[0][1]
    out: list[list[Value] | None] = [None, None, None]
    for chunk, g in zip(chunks, best):
        out[g] = chunk
    return out


# header words, also as the fragments a header wrapped one word per line leaves ("其他" / "结果")
_T4_HEADER_BITS = (*Format.T4_HEADER_WORDS, *Format.T4_HEADER_FRAGMENTS)
# … down to single characters ("果", "结") when a converter breaks the header one glyph per line
_T4_HEADER_CHARS = set("".join(lab.label for lab in (*Format.T4_COLUMNS, *Format.T4_GROUPS)) + Format.T4_LITIGATION)


def _aligned_lines(values: list[Value], text: str) -> bool:
    spans = [v.cell.span for v in values if v.value is not None]
    return None not in spans and interleaved(spans_of(text, [s for s in spans if s is not None]))


def _header_follows(blocks: list[Block], i: int) -> bool:
    """A 维持 column header next to the 行政复议 cell: just below it, or just above (a table with one
    row per 行政复议 / 直接起诉 / 复议后起诉)."""
    return any(_UPHELD.keys[0] in core(b.text) for b in blocks[max(0, i - 3):i + 4] if b is not blocks[i])


def _transposed(found: Found, blocks: list[Block], heads: list[Block]) -> bool:
    """A 表四 laid out with one row per 行政复议 / 直接起诉 / 复议后起诉. A grid row's five cells are those
    under the header cells naming the five results (``heads``: the rows from just above the 行政复议 row);
    without such a header a grid row must hold exactly five cells after its label (a blank column after
    them, or before, leaves nothing to tell which five they are)."""
    cols = _result_columns(heads)
    rows = {}
    short: set[str] = set()
    for b in blocks:
        row = split_row(b)
        values = row.values
        if b.grid:
            values = (_cells_at(b, cols) or []) if cols else (values if len(values) == 5 else [])
        elif len(values) > 5:
            values = values[-5:]
        elif len(values) == 4 and (first := _number_after_label(row)) is not None:
            values = [first, *values]  # 「未经复议直接起诉 0」 then 0 1 0 1: the five printed
        if len([v for v in values if v.value is not None]) < 4:
            continue
        lab, _ = match_label(row.label, Format.T4_GROUPS)
        if lab and lab.key not in rows:
            rows[lab.key] = values
            if not b.grid and len(values) < 5:
                short.add(lab.key)
    if len(rows) < 2:
        return False
    for key, values in rows.items():
        if key in short:
            # a text row of four numbers for five cells (a blank cell left no trace): which cell is missing the
            # text does not say
            for col in T4_COLUMN_KEYS:
                found.values[f"appeals.{key}.{col}"] = Value(None, values[-1].cell)
            found.notes.append(("unreadable", f"appeals.{key}", Reason(_T4_SHORT_ROW, printed(values)), None))
            continue
        for col, v in zip(T4_COLUMN_KEYS, values):
            found.values[f"appeals.{key}.{col}"] = v
    found.certain.add("appeals")
    return True


def _number_after_label(row: Row) -> Value | None:
    """A number after a text row's label in the label's cell, a space after it or glued to it (layout text parts
    cells at two spaces: 「未经复议直接起诉 0」, pdfplumber's 「未经复议直接起诉0」): its value; None when the label's cell
    does not end so or holds another digit."""
    if not row.label_cells:
        return None
    last = row.label_cells[-1]
    m = re.fullmatch(r"(\D*[^\d\s])\s*(\d{1,6})\s*", last.text)
    if m is None:
        return None
    at = m.start(2)
    span = (last.span[0] + at, last.span[0] + m.end(2)) if last.span is not None else None
    return read_value(Cell(m.group(2), last.line, span, last.page, None, last.path))


_T4_SHORT_ROW = "本行只写出四个数，却有五格（空白格未留痕迹）：缺的是哪一格无法确定，已留空"


def _result_columns(heads: list[Block]) -> list[int] | None:
    """The grid slots of a header row naming 表四's five results once each, in the format's order."""
    for b in heads:
        if b.grid:
            cols, keys = _result_slots(b)
            if keys == list(T4_COLUMN_KEYS):
                return cols
    return None


def _result_slots(b: Block) -> tuple[list[int], list[str]]:
    """The slots of a row's short, unmerged cells that name one of 表四's five results, and which."""
    cols: list[int] = []
    keys: list[str] = []
    for i, cell in enumerate(b.cells):
        c = core(cell.text)
        if c and len(c) <= 6 and not cell.covered:
            key = next((lab.key for lab in Format.T4_COLUMNS if all(w in c for w in lab.keys)), None)
            if key:
                cols.append(i)
                keys.append(key)
    return cols, keys


def _cells_at(b: Block, slots: list[int]) -> list[Value] | None:
    """A grid row's values in ``slots`` (blank past its last cell): the cells under their header cells. None
    when a number stands outside them (where no header names it), or a label or a merged cell stands in one."""
    read = [None if c.covered else read_value(c) for c in b.cells]
    if any(v is not None and v.value is not None and i not in slots for i, v in enumerate(read)):
        return None
    out = [read[i] if i < len(read) else Value(None, b.cells[-1]) for i in slots]
    return None if any(v is None for v in out) else [v for v in out if v is not None]


# ---- 表二 --------------------------------------------------------------------------------------
_HEADER_2019 = tuple(core(w) for w in _F2019.active_header_words)
_HEADER_2019_RE = re.compile("|".join(map(re.escape, _HEADER_2019)))  # any of them occurs


def detect_active_format(blocks: list[Block]) -> str:
    """2019 when a 表二 header cell carries a 2019 column label (本年新制作数量, 政府集中采购 …)."""
    for b in blocks:
        for cell in b.cells:
            c = core(cell.text)
            if len(c) <= HEADER_CELL and _HEADER_2019_RE.search(c):
                return "2019"
    return "2021"


_FEE_COLUMN = _F2021.active_value_column(next(it for it in _F2021.active if it.key == "fees"))
_FEE_WORD = _FEE_COLUMN.keys[0] if _FEE_COLUMN else ""  # 收费金额
_FEE_UNIT = "万元"  # the unit the format prints in 本年收费金额（单位：万元）
_COLUMN_VARIANTS = sorted({v for f in (_F2021, _F2019) for it in f.active for col in it.columns for v in col.variants})
_COLUMN_VARIANT_RE = re.compile("|".join(map(re.escape, _COLUMN_VARIANTS))) if _COLUMN_VARIANTS else None


def extract_active(blocks: list[Block], fmt: str, places: Places | None = None,
                   requests: list[Block] | None = None) -> Found:
    """表二's rows by label. ``requests``: the blocks holding 表三 (``blocks`` by default), whose rows show whether
    the text stands in columns where 表二's own rows print too few cells to show it."""
    found = Found()
    places = places or Places.none()
    items: tuple[ActiveItem, ...] = Format.get(fmt).active
    labels = ACTIVE_LABELS[fmt == "2019"]
    by_key = {it.key: it for it in items}
    heads = _active_heads(blocks, fmt)
    text_head: Block | None = None  # the last text row naming a column of 表二 (a Markdown table's header)
    absorbed = _absorbed(blocks)
    # the measures under which the text's full rows stand under their headers (asked once, when needed)
    by_place: list[Places] | None = None
    for row in absorbed:
        block = row.block
        if not row.label or not row.values or len(core(row.label)) > 30:
            if row.label and not row.values:
                _header_notes(found, row, items)
                if not block.grid and _names_column(block, fmt):
                    text_head = block
            continue
        lab, how = match_label(row.label, labels)
        if lab is None or f"active.{lab.key}" in found.labels:
            continue
        if _two_items(row.label, labels):
            # two items' labels before the numbers (pdftotext: 「行政处罚 行政强制 86」, 行政处罚 blank): whose they are, the
            # line does not say (s06591; nor does the decoder read them: ``decoder._after_label_run``)
            continue
        item = by_key[lab.key]
        width = len(item.columns) or 1
        vals = row.values
        placed = None if block.grid else _kept_cells(row, item, fmt, text_head)
        if placed is not None:
            # a text row that keeps its empty cells (a pipe row) and has more after its label than the item has
            # columns: they stand under the header's cells, or in their one place; unsettled, all null
            vals, settled = placed
            if settled and not row.trimmed and not row.spaced and not _DIGIT.search(core(row.label)):
                # (as below: a digit in the label, 「…处理决定数量0」, may be a cell glued to it)
                found.certain.add(f"active.{lab.key}")
            _label_note(found, f"active.{lab.key}", row, lab, how)
            for col, v in zip(_item_columns(item, fmt) if item.columns else (), vals):
                found.values[f"active.{item.key}.{col.key}"] = v
            if not item.columns:
                found.values[f"active.{item.key}"] = vals[0]
            continue
        if (not block.grid and text_head is not None and item.columns and 0 < len(vals) < width
                and (by_place := by_place if by_place is not None else
                     _placing_measures(absorbed, fmt, places, by_key, labels, requests if requests is not None else blocks))
                and (under := _under_by_position(row, item, fmt, text_head, by_place)) is not None):
            # text with positions and blank cells: the numbers under the header cells they stand at (placed)
            if not row.trimmed and not row.spaced and _same_block(row, [v for v in under if v.value is not None]) \
                    and not re.search(r"\d", core(row.label)):
                found.certain.add(f"active.{lab.key}")
            _label_note(found, f"active.{lab.key}", row, lab, how)
            for col, v in zip(item.columns, under):
                found.values[f"active.{item.key}.{col.key}"] = v
            continue
        repeated = not item.columns and len(vals) > 1 and len({v.value for v in vals}) == 1  # a merged cell
        # as many numbers as cells and then a blank cell's mark: one cell too many, one number is a piece of
        # another (inscriptis' 「规章  33  2 4  —」 is 33, 24 and a blank); no reading is certain
        pieces = bool(row.marks) and len(vals) >= width > 1
        # (「７      1 6」 split into 7, 1, 6 fits three cells, and so does 7, a blank, 16: not certain)
        if block.grid or ((len(vals) == width or _explicit_blanks(row, width) or repeated) and not row.trimmed
                          and not pieces and not row.spaced
                          and not any(v.repaired for v in vals)
                          and not _DIGIT.search(core(row.label)) and _same_block(row, vals)):
            found.certain.add(f"active.{lab.key}")
        if not block.grid and len(vals) > width:
            vals = vals[:width] if item.columns == () else vals[-width:]
        elif block.grid:
            vals = _grid_values(row, item, fmt, heads.get(id(block)))
        _label_note(found, f"active.{lab.key}", row, lab, how)
        if item.columns:
            for col, v in zip(item.columns, vals):
                found.values[f"active.{item.key}.{col.key}"] = v
        else:
            found.values[f"active.{item.key}"] = vals[0]
        for v in vals[:width]:
            if v.unit:
                found.notes.append(("unit", f"active.{item.key}", v.cell.text, block))
    return found


def _placing_measures(rows: list[Row], fmt: str, places: Places, items: dict[str, ActiveItem],
                      labels: tuple[Label, ...], requests: list[Block]) -> list[Places]:
    """The measures under which 表二's text rows with blank cells may be read by where their numbers stand: its full
    rows stand under their header's columns, one at least; with none, its numbers have boxes (the page's geometry),
    or 表三's rows (``requests``) stand in columns."""
    out = []
    for m in measures(places):
        n = _full_rows_placed(rows, fmt, m, items, labels)
        if n or n == 0 and (_boxed(rows) or t3_laid_out(requests, m)):
            out.append(m)
    return out


def _full_rows_placed(rows: list[Row], fmt: str, places: Places, items: dict[str, ActiveItem],
                      labels: tuple[Label, ...]) -> int | None:
    """Every text row of 表二 that prints all its cells (two or more) stands under the cells of the text header
    above it naming its columns, each number nearest its own: only then are the header's places columns, and a row
    with blank cells may be read by where its numbers stand. A page of paragraphs whose cells are set apart
    by full-width spaces (「行政许可　　　0件」, a blank as 「　」) puts 0 under 上一年项目数量 as a table would, while
    its rows that print all three numbers (「其他对外管理服务事项　0件　0件　0件」) stand under no header cell.
    The number of such rows; None when one stands elsewhere. Where there are none, the caller asks 表三 whether the
    text is laid out in columns (a page of paragraphs, 「规范性文件&nbsp;×6 22&nbsp;×3」 for a blank 制发 cell, puts
    a lone number wherever its words end: under 本年制发件数 by chance)."""
    head: Block | None = None
    placed = 0
    for row in rows:
        if row.block.grid:
            continue
        if row.label and not row.values:
            if _names_column(row.block, fmt):
                head = row.block
            continue
        if head is None or not row.label or not row.values:
            continue
        lab, _ = match_label(row.label, labels)
        item = items.get(lab.key) if lab is not None else None
        # a row whose label is cut from it (「规 0 0 0」 over 「章 件 件 件」, its cells wrapped) stands under the columns
        # its header names
        cols = _item_columns(item, fmt) if item is not None else _head_columns(head, fmt)
        if len(cols) < 2 or len(row.values) != len(cols):
            continue
        xs = head_centres(head, [c.keys for c in cols], places)
        if xs is None:
            continue
        at = [places.x(v.cell) for v in row.values]
        # each number nearest its own column's centre (a header's words are measured less exactly than
        # ``under_columns`` asks of a row with blanks: pdfplumber sets a full-width word from its left edge)
        if any(x is None or min(range(len(xs)), key=lambda k: abs(xs[k] - x)) != i for i, x in enumerate(at)):
            return None
        placed += 1
    return placed


def _boxed(rows: list[Row]) -> bool:
    """表二's numbers have boxes (a PDF's glyphs, pdftotext -bbox, PyMuPDF's json): where they stand is the page's
    geometry, not a tool's layout text, which sets a paragraph's lone number under a header cell as readily as a table's."""
    return any(v.cell.bbox is not None for row in rows for v in row.values)


def _head_columns(head: Block, fmt: str) -> tuple[Label, ...]:
    """The value columns of 表二 that cells of ``head`` name (本年制发件数, 本年废止件数, 现行有效件数), in the format's order."""
    texts = [core(c.text) for c in head.cells if not c.covered]
    out: list[Label] = []
    for it in Format.get(fmt).active:
        for col in _item_columns(it, fmt):
            if col not in out and any(names_in_cell(t, col.keys) for t in texts):
                out.append(col)
    return tuple(out)


def _under_by_position(row: Row, item: ActiveItem, fmt: str, head: Block, measures: list[Places]
                       ) -> list[Value] | None:
    """A text row with positions whose blank cells left fewer numbers than 表二's columns: each number under the
    cell of ``head`` (on the same page) naming its column, blanks null; None when that is not settled. A row
    spaced by the document's own no-break or full-width spaces (a table a page printed as paragraphs, its cells
    parted by runs of &nbsp;) has no tool's layout: its numbers must stand under the same columns under every
    measure whose header stands in order (a full-width character one column or two). pypdf's 「规章       33 \xa0\xa0\xa0 7 」
    under 「信息内容   本年制发件数   本年废止件数   现行有效件数」 puts 33 under 本年制发件数 counting a character a
    column, and under no column counting it two: the row printed a blank 制发 cell, 33 and 7 (seed 1663). A tool's
    layout (pdftotext -layout, pdfplumber's) sets a character a column, and its rows are placed so."""
    page = row.values[0].cell.page
    if any(c.page != page for c in head.cells if not c.covered):
        return None
    if not measures or not spaced_by_characters(row.values[0].cell, measures[0]):
        measures = [m for m in measures if not m.wide]  # a tool's layout: a character a column, as ever
    words = [lab.keys for lab in _item_columns(item, fmt)]
    readings = [under_columns(row.values, xs, m) for m in measures
                if (xs := head_centres(head, words, m)) is not None]
    if not readings or any(g is None for g in readings):
        return None
    got = readings[0]
    assert got is not None
    if any([id(v) if v is not None else None for v in g or ()] != [id(v) if v is not None else None for v in got]
           for g in readings[1:]):
        return None
    anchor = row.label_cells[-1] if row.label_cells else row.values[0].cell
    return [v if v is not None else Value(None, anchor) for v in got]


def _names_column(block: Block, fmt: str) -> bool:
    """A row whose cells name a value column of 表二 (本年制发件数, 本年处理决定数量 …)."""
    return any(_column_named(t, fmt) for t in (core(c.text) for c in block.cells if not c.covered))


def _column_named(t: str, fmt: str) -> bool:
    """``t`` (core, one cell) names some value column of 表二 in format ``fmt`` (``names_in_cell``)."""
    if len(t) > HEADER_CELL:
        return False
    keys = _COLUMN_KEYS.get(fmt)
    if keys is None:
        keys = tuple(c.keys for it in Format.get(fmt).active for c in _item_columns(it, fmt))
    for k in keys:  # (loops, not nested generators: asked of every cell of 表二's header rows)
        for w in k:
            if w not in t:
                break
        else:
            return True
    return False


def _kept_cells(row: Row, item: ActiveItem, fmt: str, head: Block | None) -> tuple[list[Value], bool] | None:
    """A text row's values when the row keeps its empty cells and holds more cells after its label than the
    item has columns (trafilatura's 「| 规章 |  |  | 22 |  |」 under 「| 信息内容 |  | 本年制发件数 | 本年废止件数 |
    现行有效件数 |」: a spacer column, then the three): the cells under the header's (a header of as many cells),
    else the one place of the numbers with only empty cells around them — and when they fit more than one
    place, all null, unsettled (dropping the trailing empty cell read 22 as 现行有效件数). (values, settled);
    None when the row has no such cells (the usual reading stands)."""
    width = len(item.columns) or 1
    cells = [c for c in row.block.cells if not c.covered]
    last = row.label_cells[-1] if row.label_cells else None
    idx = next((i for i, c in enumerate(cells) if c is last), None)
    if idx is None:
        return None
    after = cells[idx + 1:]
    if len(after) <= width or all(c.text.strip() for c in after):
        return None
    read = [read_value(c) for c in after]
    if any(v is None for v in read):
        return None  # a label among them
    labels = _item_columns(item, fmt)
    if head is not None and labels and len([c for c in head.cells if not c.covered]) == len(cells):
        placed = _under_header(row.block, head, labels)
        if placed is not None:
            return placed, True
    window = only_window([v for v in read if v is not None], width)
    if window is None:
        return None  # more numbers than columns: the usual reading (it keeps the last ones, unsure)
    return window, any(v.value is not None for v in window) and not any(v.repaired for v in window)


def _item_columns(item: ActiveItem, fmt: str) -> tuple[Label, ...]:
    col = Format.get(fmt).active_value_column(item)
    return item.columns or ((col,) if col else ())


# the words of each value column of 表二, per format (the format's constants, once)
_COLUMN_KEYS = {f: tuple(c.keys for it in Format.get(f).active for c in _item_columns(it, f)) for f in ("2021", "2019")}


def _active_heads(blocks: list[Block], fmt: str) -> dict[int, Block]:
    """Each grid row of 表二 → the last header row above it in its table: a row without numbers naming a
    column of the format's items (本年制发件数, 本年处理决定数量, 上一年项目数量 …)."""
    out: dict[int, Block] = {}
    last: dict[int | None, Block] = {}
    for b in blocks:
        if not b.grid:
            continue
        texts = [core(c.text) for c in b.cells if not c.covered]
        if any(_column_named(t, fmt) for t in texts) and \
                not any((v := read_value(c)) is not None and v.value is not None for c in b.cells if not c.covered):
            last[b.table] = b
        elif b.table in last:
            out[id(b)] = last[b.table]
    return out


def _grid_values(row: Row, item: ActiveItem, fmt: str, head: Block | None) -> list[Value]:
    """A 表二 grid row's values: each under the header cell naming its column; without such a header, the
    row's values when exactly as many as the columns, or the one run of that many with blanks around it
    (a blank column before or after the numbers); blank (null) when that is not settled."""
    labels = _item_columns(item, fmt)
    width = len(labels) or 1
    vals = row.values
    blank = [Value(None, row.block.cells[-1])] * width
    if head is not None and labels and _header_shifted(row, head):
        return vals if len(vals) == width else blank
    if head is not None and labels:
        placed = _under_header(row.block, head, labels)
        if placed is not None:
            return placed
        return vals if len(vals) == width else blank
    if len(vals) <= width:
        return vals
    runs = {tuple(v.value for v in vals[i:i + width]) for i in range(len(vals) - width + 1)
            if all(v.value is None for j, v in enumerate(vals) if not i <= j < i + width)}
    if len(runs) != 1:
        return blank
    want = runs.pop()
    i = next(i for i in range(len(vals) - width + 1) if tuple(v.value for v in vals[i:i + width]) == want)
    return vals[i:i + width]


_LABEL_HEAD = "信息内容"  # the header cell over 表二's label column


def _header_shifted(row: Row, head: Block) -> bool:
    """The header row's 信息内容 does not stand over the row's label: the header is a cell off (a page whose
    header row lacks the blank cell the rows above and below it have: 「信息内容」 over the first column of
    numbers, 「本年废止件数」 over the third, 「现行有效件数」 over none). Its column words say nothing then of
    where the numbers stand (read under them, 11 in the third column was 本年废止件数 for 现行有效件数)."""
    if not row.label_cells:
        return False
    cells = head.cells
    at = next((i for i, c in enumerate(cells) if not c.covered and core(c.text) == _LABEL_HEAD), None)
    if at is None:
        return False
    end = at + 1
    while end < len(cells) and cells[end].covered:
        end += 1
    first = next((i for i, c in enumerate(row.block.cells) if c is row.label_cells[0]), None)
    last = next((i for i, c in enumerate(row.block.cells) if c is row.label_cells[-1]), None)
    return first is not None and last is not None and (last < at or first >= end)


def _under_header(block: Block, head: Block, labels: tuple[Label, ...]) -> list[Value] | None:
    """The cells of ``block`` under the header cells naming ``labels``, one each; None when the header
    does not name each once, a label or a merged slot stands there, or a number stands elsewhere."""
    slots = []
    for lab in labels:
        hits = [i for i, c in enumerate(head.cells) if not c.covered and all(w in core(c.text) for w in lab.keys)]
        if len(hits) != 1:
            return None
        slots.append(hits[0])
    return _cells_at(block, slots)


def _explicit_blanks(row: Row, width: int) -> bool:
    """Fewer values than columns, but the row's cells after its label are exactly the columns: the
    missing ones are blank cells the text kept ('其他对外管理服务事项<TAB>1<TAB>0<TAB>')."""
    cells = [c for c in row.block.cells if not c.covered]
    if not row.label_cells or len(row.values) >= width:
        return False
    last = row.label_cells[-1]
    idx = next((i for i, c in enumerate(cells) if c is last), None)
    if idx is None:
        return False
    after = cells[idx + 1:]
    if len(after) < width or not all(read_value(c) is not None for c in after):
        return False
    return all(not c.text.strip() for c in after[width:])  # a table's extra empty column


def _absorbed(blocks: list[Block]) -> list[Row]:
    """Rows, where a text label standing alone takes the value-only lines that follow it
    (one cell per line: "规章" / "0" / "0" / "0")."""
    out: list[Row] = []
    open_row: Row | None = None
    after_label = False  # the open row's label came right after another label with no value
    for b in blocks:
        row = split_row(b, min_trailing=1)
        if open_row is not None and not row.label and row.values and not b.grid:
            if not after_label:
                open_row.values.extend(row.values)
            # else two labels, then numbers: the numbers may be either's (a blank row in row order, or
            # a text written label column first); which is not known
            continue
        label_only = bool(row.label and not row.values and not b.grid and len(core(row.label)) <= 30)
        after_label = label_only and open_row is not None and not open_row.values
        open_row = row if label_only else None
        out.append(row)
    return out


def _header_notes(found: Found, row: Row, items: tuple[ActiveItem, ...]) -> None:
    """Column headers of 表二: typos (本年度止件数) and the fee unit."""
    for cell in row.label_cells:
        c = core(cell.text)
        if _FEE_WORD in c and _FEE_UNIT not in c:
            found.notes.append(("unit", "active.fees", cell.text, row.block))
        if _COLUMN_VARIANT_RE is None or not _COLUMN_VARIANT_RE.search(c):
            continue  # no column's variant in it (the test below needs one)
        for item in items:
            for col in item.columns:
                if any(v in c for v in col.variants) and not all(k in c for k in col.keys):
                    path = f"active.*.{col.key}"
                    if path not in found.labels:
                        found.labels[path] = (cell.text, "variant", col)
                        found.notes.append(("variant", path, cell.text, row.block))
