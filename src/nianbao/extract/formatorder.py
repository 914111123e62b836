"""表三 read whole in the format's order: every number of the table, its labels aside, row after row.

pdftotext's default mode over a PDF whose 表三 labels wrap over several lines writes the rows' numbers in their
order but lets the labels' lines fall among them, and writes a number here and there on a label's line beside
it, before or after its place (LibreOffice's PDF: 「（二）部分公开（区分处理的，」 / 「果」 / 「0」 / 「只计这一情形…」,
部分公开's 自然人 0 written before 予以公开's row ends). The row reader, which anchors each row on its label, finds
labels with no numbers after them and others with two rows of them, and reads little.

What every such text keeps is the format: so many rows of seven cells, in order, and its sums. This reader
takes the numbers of the whole table, labels and their numbering aside. When there are exactly as many as the
table has cells (with no blank cell's mark, which only the order places, and no count's 件 apart from its digits,
which moves a cell's number to another line), it reads them in order, moving at most ``MAX_MOVES`` of them, each
standing among a label's words, to another place (``_Search``), and keeps the readings under
which every sum of the table holds: each row's, the outcome rows' to （七）总计, and the 勾稽关系. A cell gets a
value only when every such reading with the fewest moves, or one more, gives it the same one: a reading that
moves fewer numbers is likelier, and one more move is where a second reading that also adds up would show.

``fill_format_order`` uses it only for cells the other readers left null, only when it agrees with every value
they gave, and not where they read most rows by their labels and found the order moved numbers past a label.
"""

from __future__ import annotations

from ..format import T3_COLUMN_KEYS, Format
from .decoder import (
    _COUNT_UNITS,
    _LENT_NOTE,
    _MOVED_NOTE,
    _T4_HEAD,
    Piece,
    Run,
    Stream,
    _t3_rows,
    loose_among,
    piece_cell,
    runs_between,
    t4_start,
)
from .notes import note_rows
from .subtotal import across_sums
from .tables import Found
from .values import Value

MAX_MOVES = 3  # numbers a reading may move: the texts seen move one to three (more: no reading)
REACH = 3 * len(T3_COLUMN_KEYS)  # a number written after its place is found within three rows' cells
NODES = 300_000  # steps of one search: past that, no reading (a table of many equal numbers has countless)
_HEADING = "收到和处理政府信息公开申请"
_FIRST_ROW = "本年新收"
_NUMBERING_MARKS = frozenset(".、")  # (Stream.chars is NFKC: 「．」 is 「.」)
_MOVED = frozenset({_MOVED_NOTE, _LENT_NOTE})  # the row reader's notes: the order moved numbers past labels


class _Budget(Exception):
    """The search ran past ``NODES``."""


def decode_format_order(stream: Stream) -> dict[str, Piece] | None:
    """表三's settled cells from its numbers alone in the format's order (module docstring): path -> its piece. None
    when the count of numbers is not the table's, or no reading of at most ``MAX_MOVES`` moves makes every sum
    hold."""
    got = table_runs(stream)
    if got is None:
        return None
    keys, runs, start = got
    chars = stream.chars
    width = len(T3_COLUMN_KEYS)
    paths = [f"requests.{k}.{c}" for k in keys for c in T3_COLUMN_KEYS]
    cells = [int(r.digits) for r in runs]
    # a number written away from its place stands among a label's words (「果」 / 「0」 / 「只计这一情形…」), not only
    # beside a count's unit (「2件」)
    between = [words_between(chars[start:runs[0].start]),
               *(words_between(chars[a.end:b.start]) for a, b in zip(runs, runs[1:])), True]  # words before each run, and after the last
    movable = frozenset(t for t in range(len(runs)) if between[t] and between[t + 1])
    # the sums across rows (a row's own sum the search keeps as it goes): each cell's part in them
    across = table_sums(keys)
    at = {p: n for n, p in enumerate(paths)}
    effect: list[list[tuple[int, int]]] = [[] for _ in paths]
    for j, (left, right) in enumerate(across):
        for ps, sign in ((left, 1), (right, -1)):
            for p in ps:
                effect[at[p]].append((j, sign))
    parts = [tuple(e) for e in effect]
    zero = (0,) * len(across)
    fewest = None
    try:
        for most in range(MAX_MOVES + 1):
            search = _Search(cells, width, most, movable, parts, len(across))
            if zero in search.residuals(search.start()):
                fewest = most
                break
        if fewest is None:
            return None
        search = _Search(cells, width, min(fewest + 1, MAX_MOVES), movable, parts, len(across))
        kept = search.readings(search.start(), zero)
    except _Budget:
        return None
    if not kept:
        return None
    order = _order_for(cells, width, kept[0], movable)
    if order is None:
        return None  # (never: the same search found the reading)
    out: dict[str, Piece] = {}
    for n, p in enumerate(paths):
        if all(g[n] == kept[0][n] for g in kept):
            run = runs[order[n]]
            out[p] = Piece(int(run.digits), run.start, run.end, run)
    return out


def table_sums(keys: list[str]) -> list[tuple[list[str], list[str]]]:
    """The sums across 表三's rows (outcomes to 总计, the 勾稽关系) among the rows ``keys``, cell by cell: a row's
    own sum is the readers' to keep as they go."""
    have = set(keys)
    return across_sums([(left, right) for left, right in Format.t3_sums_over(keys) if have >= {*left, *right}],
                       T3_COLUMN_KEYS)


def table_runs(stream: Stream, widths: tuple[int, ...] = (len(T3_COLUMN_KEYS),)) -> tuple[list[str], list[Run], int] | None:
    """表三's rows (keys, in the text's format) and its numbers, labels and their numbering aside, from where its
    heading ends: None unless there are exactly as many as the table has cells (rows of one of ``widths``: a
    header with 小计 has eight columns), each a whole count, with no
    blank cell's mark and no count's 件 apart from its digits (the readers of the table's numbers alone)."""
    chars = stream.chars
    first = chars.find(_FIRST_ROW)
    if first < 0:
        return None
    end = t4_start(chars, first)
    if end < 0:
        # 表四's header with its columns' words cut over lines (Chromium's narrow cells: 「结果维」/「持」): its
        # heading's first group ends the table. (Not in t4_start for every reader: its header-characters test
        # there, as t4rest's, lost 657 cells of chromium-pdftotext on seeds 5400-5699.)
        end = chars.find(_T4_HEAD, first)
    if end < 0:
        return None
    head = chars.rfind(_HEADING, 0, first)
    start = head + len(_HEADING) if head >= 0 else first
    rows = _t3_rows(chars, first, end)
    keys = [r.key for r in rows]
    runs = [r for r in runs_between(stream, start, end, blanks=True) if not _numbering(chars, r)]
    if len(runs) not in {len(keys) * w for w in widths} or any(r.glued or r.negative or not r.digits.isdigit() for r in runs):
        return None  # (a count is a whole number: 「3.」 over 「19」 is a numbering beside a cell, not 3.19)
    if loose_among(stream, runs):
        return None  # a count's 件 apart from its digits: the cells' lines, not their order (decoder.loose_among)
    if any(r.blank for r in runs):
        # a blank cell's mark is 0 in every sum: which cells are blank and which 0 only the order says, and this
        # reading is for texts whose order is broken (s04495 chromium-pdftotext: new_received's last 「—」 written
        # a row later, and the 0 before it read as its 总计)
        return None
    return keys, runs, start


def words_between(between: str) -> bool:
    """A word's character among ``between`` (Stream.chars between two numbers): not a count's unit, a mark or a sign."""
    return any("\u4e00" <= ch <= "\u9fff" and ch not in _COUNT_UNITS for ch in between)


def _numbering(chars: str, run: Run) -> bool:
    """A row's numbering, not a cell: 「1.」「2、」 before a word, 「(1)」."""
    after = chars[run.end:run.end + 2]
    if after[:1] in _NUMBERING_MARKS and after[1:2] and not after[1].isdigit():
        return True
    return run.start > 0 and chars[run.start - 1] == "(" and after[:1] == ")"


Residual = tuple[int, ...]  # per sum across rows: its left side less its right, over the cells placed
MAX_RESULTS = 4096  # sums' states (or readings) the rest of a table may have from one state: past that, no reading


class _Search:
    """The readings of ``cells`` (the table's numbers in the text's order) row after row that keep the text's order
    but for at most ``most`` numbers moved elsewhere, and under which every row's first cells add up to its last.
    A number is moved later (written before its place: kept aside, placed in a later cell) or earlier (written
    after its place, within ``REACH`` cells); only one of ``movable``, a number with words beside it in the text.

    The sums across rows are asked in two passes, so that the readings of equal row sums (countless in a table of
    zeros, where moving a number among them changes nothing a row adds) are never listed: ``residuals`` gives, for
    a state of the search, what the rest of the table can add to those sums; ``readings`` then lists only the
    readings under which they hold. A state is keyed by the values still to come, not by which characters hold
    them (numbers of the same value are one to the search)."""

    def __init__(self, cells: list[int], width: int, most: int, movable: frozenset[int],
                 effect: list[tuple[tuple[int, int], ...]], sums: int):
        self.cells, self.width, self.most, self.movable = cells, width, most, movable
        self.effect, self.zero = effect, (0,) * sums  # effect: per cell, (sum, +1 or -1) for each sum it is in
        self.memo: dict[tuple, dict[Residual, None]] = {}
        self.listed: dict[tuple, list[tuple[int, ...]]] = {}
        self.ways: dict[tuple, list[tuple[int | None, tuple | None]]] = {}
        self.steps = 0

    def _state(self, c: int, p: int, aside: tuple[tuple[int, int], ...], ahead: frozenset[int], moves: int,
               acc: int, fresh: int) -> tuple | None:
        """The state with the numbers taken ahead passed over, and its key; None when a number kept aside can no
        longer be placed."""
        while p in ahead:
            ahead = ahead - {p}
            p += 1
        if any(c - since > REACH for _t, since in aside):
            return None
        rest = max(ahead) + 1 if ahead else p
        cells = self.cells
        key = (c, moves, acc, rest, tuple(cells[t] for t in range(p, rest) if t not in ahead),
               tuple(sorted((cells[t], c - since) for t, since in aside)), cells[fresh] if fresh >= 0 else None)
        return key, (c, p, aside, ahead, moves, acc, fresh)

    def _next(self, key: tuple, state: tuple) -> list[tuple[int | None, tuple | None]]:
        """The ways on from a state: (the cell placed, or None for a number put aside; the next state)."""
        got = self.ways.get(key)
        if got is not None:
            return got
        c, p, aside, ahead, moves, acc, fresh = state
        cells, n = self.cells, len(self.cells)
        last = c % self.width == self.width - 1
        out: list[tuple[int | None, tuple | None]] = []

        def place(t: int, p2: int, aside2: tuple[tuple[int, int], ...], ahead2: frozenset[int], cost: int) -> None:
            v = cells[t]
            if not last or v == acc:  # (a row's 总计 is the sum of its other cells)
                out.append((cells[t], self._state(c + 1, p2, aside2, ahead2, moves + cost, 0 if last else acc + v, -1)))

        if p < n:
            place(p, p + 1, aside, ahead, 0)
        seen: set[int] = set()
        for k, (t, _since) in enumerate(aside):
            if t != fresh and cells[t] not in seen:
                seen.add(cells[t])
                place(t, p, aside[:k] + aside[k + 1:], ahead, 0)
        if moves < self.most:
            for q in range(p + 1, min(n, p + 1 + REACH)):
                if q not in ahead and q in self.movable:
                    place(q, p, aside, ahead | {q}, 1)
            if p < n and p in self.movable:
                out.append((None, self._state(c, p + 1, (*aside, (p, c)), ahead, moves + 1, acc, p)))
        self.ways[key] = out
        return out

    def _add(self, res: Residual, c: int, cell: int, sign: int) -> Residual:
        if not cell or not self.effect[c]:
            return res
        out = list(res)
        for j, s in self.effect[c]:
            out[j] += sign * s * cell
        return tuple(out)

    def residuals(self, found: tuple | None) -> dict[Residual, None]:
        """What the cells from this state on can add to the sums across rows."""
        if found is None:
            return {}
        key, state = found
        got = self.memo.get(key)
        if got is not None:
            return got
        self.steps += 1
        if self.steps > NODES:
            raise _Budget
        c, p, aside = state[0], state[1], state[2]
        out: dict[Residual, None] = {}
        if c == len(self.cells):
            if p == c and not aside:
                out[self.zero] = None
        else:
            for cell, nxt in self._next(key, state):
                for res in self.residuals(nxt):
                    out[res if cell is None else self._add(res, c, cell, 1)] = None
                if len(out) > MAX_RESULTS:
                    raise _Budget
        self.memo[key] = out
        return out

    def readings(self, found: tuple | None, need: Residual) -> list[tuple[int, ...]]:
        """The readings of the cells from this state on that add ``need`` to the sums across rows."""
        if found is None or need not in self.residuals(found):
            return []
        key, state = found
        got = self.listed.get((key, need))
        if got is not None:
            return got
        c = state[0]
        out: list[tuple[int, ...]] = []
        if c == len(self.cells):
            out.append(())
        else:
            for cell, nxt in self._next(key, state):
                if cell is None:
                    out.extend(self.readings(nxt, need))
                else:
                    out.extend((cell, *tail) for tail in self.readings(nxt, self._add(need, c, cell, -1)))
                if len(out) > MAX_RESULTS:
                    raise _Budget
        out = list(dict.fromkeys(out))
        self.listed[(key, need)] = out
        return out

    def start(self) -> tuple | None:
        return self._state(0, 0, (), frozenset(), 0, 0, -1)


def _order_for(cells: list[int], width: int, grid: tuple[int, ...], movable: frozenset[int]) -> list[int] | None:
    """Which of the numbers stands in each cell of ``grid`` (one of ``_Search``'s readings): the search again, each
    cell only given a number of its value, the fewest moves first; None past ``NODES`` steps."""
    n = len(cells)
    order: list[int] = []
    steps = 0

    def go(c: int, p: int, aside: tuple[tuple[int, int], ...], ahead: frozenset[int], left: int) -> bool:
        nonlocal steps
        steps += 1
        if steps > NODES:
            raise _Budget
        while p in ahead:
            ahead = ahead - {p}
            p += 1
        if any(c - since > REACH for _t, since in aside):
            return False
        if c == n:
            return p == n and not aside
        want = grid[c]
        options = [(t, p + 1, aside, ahead, 0) for t in [p] if p < n and cells[p] == want]
        options += [(t, p, aside[:k] + aside[k + 1:], ahead, 0) for k, (t, _s) in enumerate(aside) if cells[t] == want]
        if left:
            options += [(q, p, aside, ahead | {q}, 1) for q in range(p + 1, min(n, p + 1 + REACH))
                        if q not in ahead and q in movable and cells[q] == want]
        for t, p2, aside2, ahead2, cost in options:
            order.append(t)
            if go(c + 1, p2, aside2, ahead2, left - cost):
                return True
            order.pop()
        return bool(left and p in movable and go(c, p + 1, (*aside, (p, c)), ahead, left - 1))

    try:
        for most in range(MAX_MOVES + 1):
            if go(0, 0, (), frozenset(), most):
                return order
    except _Budget:
        pass
    return None


def fill_format_order(found: Found, stream: Stream) -> None:
    """Cells of 表三 still null, from the reading in the format's order, when it agrees with every value already
    read; the rows it fills get a decoded note, and lose their unreadable or ambiguous ones."""
    if all_read(found):
        return
    rows = found.request_rows()
    read = {p.rsplit(".", 1)[0] for p, v in found.values.items() if p.startswith("requests.") and v.value is not None}
    if 2 * len(read) > len(rows) and any(n[0] == "unreadable" and n[2] in _MOVED for n in found.notes):
        # most rows read by their labels, and the labels say the order moved numbers past them here: an outcome row
        # is told from another only by the order (they add up to （七）总计 alike), which this reading would take
        # (lo-pdftotext s00470: 重复申请's zeros written after 要求提供公开出版物's row, read as its). Where labels
        # placed few rows (pdftotext's wrapped labels, each beside another row's numbers), their note says only that
        return
    cells = decode_format_order(stream)
    if cells is not None:
        fill_cells(found, stream, cells)


def all_read(found: Found) -> bool:
    """Every cell of 表三 has a value: nothing for a whole-table reading to fill."""
    return all((v := found.values.get(f"{r}.{c}")) is not None and v.value is not None
               for r in found.request_rows() for c in T3_COLUMN_KEYS)


def fill_cells(found: Found, stream: Stream, cells: dict[str, Piece]) -> None:
    """A whole-table reading's ``cells`` into those of 表三 still null, when it agrees with every value already
    read; the rows it fills get a decoded note, and lose their unreadable or ambiguous ones."""
    for p, piece in cells.items():
        v = found.values.get(p)
        if v is not None and v.value is not None and v.value != piece.value:
            return  # another reading of the same characters disagrees: neither is trusted further
    filled = set()
    for p, piece in cells.items():
        v = found.values.get(p)
        if v is None or v.value is None:
            found.values[p] = Value(piece.value, piece_cell(stream, piece.start, piece.end))
            filled.add(p.rsplit(".", 1)[0])
    note_rows(found, filled, {}, "")


__all__ = ["all_read", "decode_format_order", "fill_cells", "fill_format_order", "table_runs", "words_between"]
