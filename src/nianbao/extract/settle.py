"""Where the layout readers guessed, the decoder settles: unique or nothing.

The layout readers in ``tables`` read a row with certainty when its label and all its values stand in
one text block (or a grid row). A row they assembled from several blocks, a 表四 with missing numbers,
a table they did not find at all: those are guesses, and a guess never becomes a number. For them the
decoder (``decoder``) reads the text in reading order and the format's arithmetic chooses among the
readings of the same characters; what it cannot settle stays null, with a note listing the alternatives.
"""

from __future__ import annotations

import re

from ..format import (
    ACTIVE_2019,
    ACTIVE_2021,
    T3_COLUMN_KEYS,
    T3_ROWS_2019,
    T3_ROWS_2021,
    T4_COLUMN_KEYS,
    T4_GROUP_KEYS,
    T4_GROUPS,
    ActiveItem,
    Format,
)
from ..ingest import Block, Cell
from .bandorder import fill_band_order
from .columnar import decode_active_columnar, decode_appeals_columnar, decode_columnar
from .cuttail import settle_glued_rows
from .decoder import (
    Decoded,
    Stream,
    alternatives_text,
    decode_active,
    decode_appeals,
    decode_requests,
    loose_among,
    piece_cell,
    units_below_short,
    units_then_bare,
)
from .detached import (
    confirm_placed_rows,
    decode_appeals_interleaved,
    fill_active_labels_first,
    fill_detached_rows,
    fill_displaced_rows,
    fill_labels_first,
    fill_orphan_cells,
    sums_exceeded,
)
from .formatorder import fill_format_order
from .fusedrows import fill_fused_rows
from .notes import names
from .outofstep import Step, numbers_of_label_below
from .pieces import null_piece_rows
from .reason import Reason, printed
from .strayrows import fill_stray_rows
from .subtotal import across_sums, sum_holds, sum_possible
from .t4named import fill_appeals_named
from .t4rest import fill_appeals_rest
from .tables import Found
from .values import Value


class _Lazy:
    """The document's stream, built once and only when a table needs the decoder."""

    def __init__(self, blocks: list[Block], noisy: bool = False):
        self.blocks = blocks
        self.noisy = noisy  # read from pixels (noise.evidence): the noise gate checks every cell afterwards
        self._s: Stream | None = None
        self.pieces = False  # 表三's sums showed numbers written in pieces (``pieces.null_piece_rows``)

    def get(self) -> Stream:
        if self._s is None:
            self._s = Stream.from_blocks(self.blocks)
            self._s.noisy = self.noisy
        return self._s


def _rows_of(found: Found, table: str) -> set[str]:
    prefix = table + "."
    return {p[:p.rfind(".")] for p in found.values if p.startswith(prefix)}  # (a dot in each: the prefix's)


def _value(stream: Stream, piece) -> Value:
    return Value(piece.value, piece_cell(stream, piece.start, piece.end))


def _apply(found: Found, dec: Decoded | None, stream: Stream, rows: list[str], cols: tuple[str, ...] | None,
           certain, notes: bool = True, owned: bool = False) -> None:
    """Per row: a certain layout reading stays unless the decoder reads the same characters
    differently (then the cells that differ are null); an uncertain one gives way to the decoder,
    unless (``owned``) the decoder gives it numbers a certain row's layout reading already holds."""
    blank_cell = next((v.cell for v in found.values.values()), Cell(""))
    owners = _taken_rows(found, dec, stream, rows, cols, certain) if owned and dec is not None and cols else {}
    for row in rows:
        paths = [f"{row}.{c}" for c in cols] if cols else [row]
        sure = certain(row)
        if row in owners and dec is not None:
            for p in paths:
                if (old := found.values.get(p)) is not None and old.value is not None or p in dec.values:
                    found.values[p] = Value(None, old.cell if old is not None else blank_cell)
            shown = printed(r.shown for r in sorted(dec.rows.get(row, []), key=lambda r: r.start))
            found.notes.append(("unreadable", row, Reason(_TAKEN.format(names([owners[row]])), shown), None))
            continue
        decoded_any = False
        for p in paths:
            old = found.values.get(p)
            d = dec.values.get(p) if dec is not None else None
            if sure and old is not None and old.value is not None:
                if d is not None and d.value != old.value:
                    found.values[p] = Value(None, old.cell)
                    found.notes.append(("ambiguous", p, f"按版面读作 {old.value}，按行序读作 {d.value}", None))
                continue
            if sure and old is not None and not old.overflow:
                # a blank its row's layout reads with certainty (an empty cell, a 「-」 of its own): the
                # decoder, which does not see blank marks, reads the row's numbers one cell too early
                if d is not None and d.value is not None:
                    found.notes.append(("ambiguous", p, f"按版面为空，按行序读作 {d.value}", None))
                continue
            if d is not None:
                found.values[p] = _value(stream, d)
                decoded_any = decoded_any or old is None or old.value != d.value
            elif old is not None and old.value is not None and not sure:
                found.values[p] = Value(None, old.cell)
            elif old is None and dec is not None and row in dec.rows:
                found.values[p] = Value(None, blank_cell)
        if decoded_any and dec is not None:
            runs = dec.rows.get(row) or dec.rows.get(row.split(".")[0]) or []
            # in reading order: a reader may list a row's runs in any order (a set's, which moves
            # with PYTHONHASHSEED); the note shows the characters as the text has them
            runs = sorted(runs, key=lambda r: (r.start, r.end))
            found.notes.append(("decoded", row, " ".join(r.shown for r in runs)[:60], None))
    if dec is not None and notes:
        for paths, alts in dec.ambiguous:
            row = paths[0].rsplit(".", 1)[0] if cols else paths[0]
            found.notes.append(("ambiguous", row, _alternatives(paths, alts), None))
            if cols and (own := dec.rows.get(row)):
                found.alternatives.append((paths, alts, [(r.digits, piece_cell(stream, r.start, r.end))
                                                         for r in sorted(own, key=lambda r: r.start)]))
            for p in paths:
                if p in found.values and found.values[p].value is not None and not certain(
                        p.rsplit(".", 1)[0] if cols else p):
                    found.values[p] = Value(None, found.values[p].cell)
        for row in dec.unreadable:
            if cols and certain(row):
                continue  # read with certainty by its layout: the decoder's failure to read the stream says nothing
            if cols and (taken := dec.rows.get(row)):
                found.unread_runs[row] = [(piece_cell(stream, r.start, r.end), r.blank)
                                          for r in sorted(taken, key=lambda r: r.start)]
            shown = " ".join(r.shown for r in dec.rows.get(row, []))[:60]
            said = dec.said.get(row)
            # a row left unread for a reason in words: the words are the reader's (``ParseNote.reason``), the
            # characters it had for the row the document's (``ParseNote.text``: L-03 shows them, none when it kept none)
            note = said if isinstance(said, Reason) else Reason(said, shown) if said else shown
            found.notes.append(("unreadable", row, note, None))


_TAKEN = "按行序读给本行的数字，按版面已确定属于{}：同一处数字不能属于两行"
_TAKEN_BY_COLUMNS = "按行序读给本行的数字，按逐列写出的读法属于{}：同一处数字不能属于两行"


def _taken_rows(found: Found, dec: Decoded, stream: Stream, rows: list[str], cols: tuple[str, ...],
                certain) -> dict[str, str]:
    """The uncertain rows the decoder gave numbers that a certain row's layout reading holds: the same
    characters (inside that row's cell), in the same columns, the same values. Two readings cannot both
    own them, and the layout's is certain (pdfplumber's 「3．」 / 20 … 22 / 「其他」 / 「（七）总 计 79 … 368」,
    where the decoder gave 3.其他 （七）总计's numbers): the row to the decoder is unread, with the row
    it took from. Two cells at least: one number can stand in two places by chance."""
    held: list[tuple[tuple[int, int], str, str, int | float]] = []  # (span, column, row, value) of the certain rows
    texts = {c.span: c.text for _s, _e, c in stream.cells if c.span is not None}  # a value's cell may be its line's
    owns: dict[tuple[int, int], bool] = {}  # (a line's cell holds a row's seven values: asked once)
    for row in rows:
        if certain(row):
            for c in cols:
                v = found.values.get(f"{row}.{c}")
                if v is None or v.value is None or (span := v.cell.span) is None:
                    continue
                if span not in owns:
                    owns[span] = _all_taken(texts.get(span, v.cell.text), found)
                if owns[span]:
                    held.append((span, c, row, v.value))
    if not held:
        return {}
    out: dict[str, str] = {}
    for row in rows:
        if certain(row):
            continue
        hits: dict[str, int] = {}
        for c in cols:
            d = dec.values.get(f"{row}.{c}")
            if d is None or d.value is None:
                continue
            span = piece_cell(stream, d.start, d.end).span
            if span is None:
                continue
            for (a, b), col, owner, value in held:
                if col == c and value == d.value and a <= span[0] and span[1] <= b:
                    hits[owner] = hits.get(owner, 0) + 1
        most = max(hits, key=hits.__getitem__, default=None)
        if most is not None and hits[most] >= 2:
            out[row] = most
    return out


def _all_taken(text: str, found: Found) -> bool:
    """The cell's numbers are its row's cells (seven, or eight with a 小计 column), no other row's beside them: a
    line holding two rows side by side (「无正当理由大量反复申请 0 … 0   要求行政机关确认… 0 … 0」) is one cell
    of text, whose other numbers the decoder may rightly give the other row. ``text``: the source cell's (a value
    read from a line keeps its own text and the line's span)."""
    return len(_NUMBER.findall(text)) <= len(T3_COLUMN_KEYS) + found.subtotal


_NUMBER = re.compile(r"(?<![\d.])\d+(?![\d.．、)）])")  # a number, not a label's numbering (「3.」「（1）」)


def _alternatives(paths: list[str], alts) -> str:
    """'「自然人」「商业企业」：1/10；11/0' — the cells (by their column names) and their readings."""
    return f"{names(paths)}：{alternatives_text(paths, alts)}"


def settle_requests(found: Found, lazy: _Lazy) -> None:
    if found.out_of_step:
        return  # the decoder reads numbers after their labels: not this text's order (outofstep)
    rows = _rows_of(found, "requests")
    found.certain -= found.loose
    if found.numbers_first:  # the decoder reads numbers after their labels: not this text's order
        nulled: dict[str, list[Value]] = {}
        for p, v in found.values.items():
            if v.value is not None and (row := p.rsplit(".", 1)[0]) not in found.certain:
                nulled.setdefault(row, []).append(v)
                found.values[p] = Value(None, v.cell)
        # (a row left null here holds numbers: not known to be blank, L-03 says why)
        found.notes.extend(("unreadable", row, Reason(_FIRST_UNSURE, printed(vals)), None) for row, vals in nulled.items())
        return
    # every row of the table's format read with certainty (a 2021 table missing one row is not full)
    fmt_rows = T3_ROWS_2019 if "requests.other_total" in rows else T3_ROWS_2021
    full = {f"requests.{r.key}" for r in fmt_rows} <= rows <= found.certain
    if full:
        null_piece_rows(found)
        return
    stream = lazy.get()
    dec = decode_requests(stream, pieces=not lazy.noisy)
    if dec is not None:
        _drop_rows_taking_below(dec, stream, lazy.blocks)
    if found.subtotal:  # eight cells a row: the readers below place seven (the checks of the record's sums stay)
        if dec is not None and (col := decode_columnar(stream)) is not None:
            # written box by box (labels in runs): a row read with blank marks among its numbers is no row, even
            # alone after its label (pdfminer's 「— — … 0 0 0 0 0 0 — …」: the 小计 column's 0s of blank rows)
            _drop_marked_clusters(dec, stream, width=8, least=1)
            _drop_run_rows(dec, col)
        if dec is not None or found.values:
            _apply(found, dec, stream, sorted(rows | (set(dec.rows) if dec else set())), T3_COLUMN_KEYS,
                   lambda r: r in found.certain, owned=not lazy.noisy)
        _garbled(found)
        null_piece_rows(found)
        return
    col = decode_columnar(stream)
    placed: set[str] = set()
    if col is not None:
        if dec is not None:
            _drop_marked_clusters(dec, stream)
        dec = _with_columns(dec, col)
        placed = {p.rsplit(".", 1)[0] for p in col.values}
        found.by_columns = set(placed)
        found.glimpsed = {r: v for r, v in col.glimpsed.items() if r not in placed}
        # a row whose label came in a run of labels is not followed by its own numbers: no reading
        # by layout stands for it, whatever the blocks looked like
        # (unless the row's block keeps each of its cells in its place, a blank one too: that is the order)
        found.certain -= set(col.rows) - found.explicit
    if dec is None and not found.values:
        return
    all_rows = sorted(rows | (set(dec.rows) if dec else set()))
    _apply(found, dec, stream, all_rows, T3_COLUMN_KEYS, lambda r: r in found.certain,
           owned=not lazy.noisy)
    confirm_placed_rows(found, placed - found.certain)
    fill_detached_rows(found, stream, pieces=not lazy.noisy)
    fill_orphan_cells(found, stream)
    fill_displaced_rows(found, stream)
    fill_labels_first(found, stream)
    fill_fused_rows(found, stream)
    fill_stray_rows(found, stream)
    fill_format_order(found, stream)
    fill_band_order(found, stream)
    if not lazy.noisy:  # (read from pixels: the noise gate checks every cell)
        settle_glued_rows(found, found.t3_format(), lazy.blocks)
    _garbled(found)
    null_piece_rows(found)


def _drop_rows_taking_below(dec: Decoded, stream: Stream, blocks: list[Block]) -> None:
    """The rows the row-order reading gave numbers of a line that belongs to the row below it (``numbers_of_label_below``:
    a row of cells of two lines, its label set between their numbers and their units; pdfplumber of Chromium's PDF,
    seed 7487: 「一、本年新收政府信息公开申请数量 0」 / 「0 0 0 0 0 0 0」 / 「二、上年结转… 0」 / 「件 …」, the seven 0s read
    as 本年新收's, whose cells are blank) are not read."""
    below = numbers_of_label_below(blocks)
    if not below:
        return
    for row, runs in dec.rows.items():
        if row in dec.unreadable or not any(p.startswith(row + ".") for p in dec.values):
            continue
        owners = {below[id(cell)] for r in runs if (cell := stream.cell_at(stream.where[r.start])[0]) is not None
                  and id(cell) in below}
        if owners - {row.removeprefix("requests.")}:
            dec.values = {p: v for p, v in dec.values.items() if not p.startswith(row + ".")}
            dec.unreadable.append(row)
            dec.said[row] = _BELOW


_BELOW = ("按次序配给本行的数属于下一行：那一行的格子写成两行（数字在上、「件」在下），标签夹在中间，数字在它的标签之上，"
          "本行的数无法确定")


_SLIP = 10  # by how much a report's own sums may miss: a clerk's slip, not rows read against each other


def refuse_impossible(found: Found) -> bool:
    """The rows no layout reading settled, read by the order of the text (``certain``'s others), left null when the
    table's sums with them cannot all hold by more than a slip (``detached.sums_exceeded``): a row's numbers given to
    the row before or after it, down a stretch of rows each adding up on its own (LibreOffice's PDF through
    pdftotext, seed 7414: some rows' numbers written before their labels, so 3.其他 took （七）总计's 59 … 287 and 总计
    结转下年度's 1 … 7, 30 wrong). Which of them moved the sums do not say. Asked after every mend of the rows (a row
    failing its own sum is nulled or mended first). Whether any row was left null."""
    if sums_exceeded(found) < _SLIP:
        return False
    read: dict[str, list[Value]] = {}
    for p, v in found.values.items():
        if p.startswith("requests.") and v.value is not None and (row := p.rsplit(".", 1)[0]) not in found.certain:
            read.setdefault(row, []).append(v)
    for row, vals in read.items():
        for c in T3_COLUMN_KEYS:
            if (old := found.values.get(f"{row}.{c}")) is not None:
                found.values[f"{row}.{c}"] = Value(None, old.cell)
        found.notes.append(("unreadable", row, Reason(_IMPOSSIBLE, printed(v.cell for v in vals)), None))
    return bool(read)


_IMPOSSIBLE = "按文本次序读出的各行数字使表内的合计关系无法同时成立，有的行拿了别行的数字，是哪几行无法确定"


_FIRST_UNSURE = ("表格工具把数字行写在标签之前，配给这一行的数不能确定是它的各格（不足七个、夹有空白标记、几格粘连成一个数，"
                 "或含有标签的序号）")  # (L-03 adds 「已留空，未猜测」)


_MARKED_CLUSTER = ("表格逐框写出，几行的标签连在一起、数字在后，其中夹有空白格的标记（「—」）：空白格在合计里按 0 计，"
                   "哪一格空白只能由次序说明，而逐框写出的次序不是表格的次序")


def _drop_marked_clusters(dec: Decoded, stream: Stream, width: int = len(T3_COLUMN_KEYS), least: int = 2) -> None:
    """In text written box by box (the columnar reader found labels in runs), the rows the row-order
    reading took from one run of several labels and the numbers after it, blank cells' marks among them,
    are not read: a mark is 0 in every sum, so only the order tells a blank cell from a 0, and these
    converters' order is their boxes', not the table's. Unless the numbers stand a row to a line, each line
    as many cells as a row has (pdftotext's 「- - 10 - - - 10」 under two labels): the lines are the rows."""
    groups: dict[int, list[str]] = {}
    runs_of: dict[int, list] = {}
    for row, runs in dec.rows.items():
        if runs and any(r.blank for r in runs):
            groups.setdefault(id(runs), []).append(row)
            runs_of[id(runs)] = runs
    drop = {row for key, rows in groups.items()
            if len(rows) >= least and not _rows_by_line(stream, runs_of[key], len(rows), width)
            for row in rows}
    _unread_rows(dec, drop, _MARKED_CLUSTER)


def _unread_rows(dec: Decoded, drop: set[str], why: str) -> None:
    """The rows ``drop`` of the row-order reading are not read, ``why`` their note (L-03)."""
    if not drop:
        return
    dec.values = {p: v for p, v in dec.values.items() if p.rsplit(".", 1)[0] not in drop}
    dec.ambiguous = [(ps, alts) for ps, alts in dec.ambiguous if not any(p.rsplit(".", 1)[0] in drop for p in ps)]
    for row in sorted(drop, key=list(dec.rows).index):  # (the notes in the rows' order, as before)
        if row not in dec.unreadable:
            dec.unreadable.append(row)
        dec.said[row] = why


_RUN_ROWS = ("表格逐框写出，几行的标签连在一起、数字在后（带小计一栏，每行八格）：这些数是哪一行的，逐框写出的次序说不清，"
             "按行序读出的不作数")


def _drop_run_rows(dec: Decoded, col: Decoded) -> None:
    """In a table with 小计 (eight cells a row, which the columnar reader does not place), the rows the row-order reading
    took together, several from one run of numbers, one of them a row whose label came in a run of labels (``col``, the
    columnar reader's), are not read: where 小计 is not, the columns' reading stands for them (``_with_columns``); here
    nothing does (pdfminer s09810: 「8.属于行政查询事项」「1.本机关不掌握…」 then 16 numbers, the first eight 行政查询's,
    read as 不掌握's and 没有现成's). (A row read alone from the numbers after its label stands: pdftotext's layout,
    s09311. So do a run of labels' last rows, read together from the numbers after it: pdftotext's 「3．危及“三安全一稳定”」
    「4．保护第三方合法权益」「无 无 无 １７ ６ ９ 32 ３２」「无 … 0 无」; 「（四）无法提供1.本机关不掌握…」「2．没有现成…」「3．补正后…」 and
    two rows of numbers, 不掌握's written before the labels, s09183.)"""
    rows = set(col.rows)
    tails = {run[k:] for run in col.label_runs for k in range(len(run) - 1)}
    drop = set()
    for unit in _by_runs(dec.rows).values():
        if len(unit) < 2 or not rows & set(unit) or tuple(unit) in tails:
            continue
        # (a unit of several rows, one of them in the run, not all of it: the run's own rows with zeros only read the
        # same whichever of them each zero is, pdfminer s09746's 「1.申请人无正当理由…」「2.申请人逾期…」 and sixteen 0s)
        if set(unit) <= rows and all(r.digits.strip("0") == "" for r in dec.rows[unit[0]]):
            continue
        drop.update(unit)
    _unread_rows(dec, drop, _RUN_ROWS)


def _by_runs(rows: dict[str, list]) -> dict[int, list[str]]:
    """The rows read from one list of runs, together (the reading's units: rows that share their numbers)."""
    out: dict[int, list[str]] = {}
    for row, runs in rows.items():
        out.setdefault(id(runs), []).append(row)
    return out


def _rows_by_line(stream: Stream, runs: list, rows: int, width: int) -> bool:
    """``runs`` stand on ``rows`` lines, each holding one row's cells (a line break after every ``width``-th)."""
    if len(runs) != rows * width:
        return False
    text, where = stream.text, stream.where
    for i in range(1, len(runs)):
        broken = "\n" in text[where[runs[i - 1].end - 1]:where[runs[i].start]]
        if broken != (i % width == 0):
            return False
    return True


def _with_columns(dec: Decoded | None, col: Decoded) -> Decoded:
    """The row-order reading, with the rows whose labels came in a run read by columns instead
    (values, or null where the columns could not be settled)."""
    out = Decoded() if dec is None else dec
    rows = set(col.rows)
    # a row the row order read from numbers the columns give to their rows: the same characters are not two
    # rows' cells, and the columns' reading stands for those numbers (pdfminer s03689: 「1.本机关不掌握…」「2.没有
    # 现成…」 then 14 numbers, and 「3.补正后…」 after them took the second seven, 2.没有现成's)
    claimed = {i: p.rsplit(".", 1)[0] for p, v in col.values.items() for i in range(v.start, v.end)}
    taken: dict[str, dict[str, None]] = {}  # row -> the rows owning its characters, in the order met
    for p, v in out.values.items():
        if (row := p.rsplit(".", 1)[0]) not in rows:
            for i in range(v.start, v.end):
                if i in claimed:
                    taken.setdefault(row, {})[claimed[i]] = None
    for row, owners in taken.items():
        out.values = {p: v for p, v in out.values.items() if p.rsplit(".", 1)[0] != row}
        out.unreadable.append(row)
        out.said[row] = Reason(_TAKEN_BY_COLUMNS.format(names(list(owners))),
                               " ".join(r.shown for r in out.rows.get(row, []))[:60])
    out.values = {p: v for p, v in out.values.items() if p.rsplit(".", 1)[0] not in rows}
    out.values.update(col.values)
    out.ambiguous = [(ps, alts) for ps, alts in out.ambiguous if not any(p.rsplit(".", 1)[0] in rows for p in ps)]
    out.ambiguous.extend(col.ambiguous)
    out.unreadable = [r for r in out.unreadable if r not in rows] + col.unreadable
    out.said.update(col.said)  # (the columns' reasons for their unread rows: L-03 says them)
    out.rows.update(col.rows)
    return out


GARBLED_COLUMNS = 4  # columns whose sums fail, before one failing row is taken as garbled
GARBLED_ROWS = 3  # rows whose applicant columns do not add up, before a text table is taken as garbled


def _garbled(found: Found) -> None:
    """A text table where several rows do not add up AND the same cells break their column's sum
    is not the printed table but a garbled rendering of it (rows interleaved, OCR misreads): those
    cells are null. A printed defect keeps its values: one or two rows that do not add up, or a
    总计 column of zeros under non-zero rows (its other columns still add up), is read as printed
    and the audit reports it."""
    val = {p: v.value for p, v in found.values.items() if v.value is not None}
    rows = sorted({p.rsplit(".", 1)[0] for p in found.values} - found.grid)
    cols = T3_COLUMN_KEYS

    def row_fails(r: str) -> bool:
        vs = [val[p] for c in cols if (p := f"{r}.{c}") in val]
        return len(vs) == len(cols) and sum(vs[:-1]) != vs[-1]

    failing = [r for r in rows if row_fails(r)]
    if not failing:
        return
    keys = [r.split(".")[1] for r in rows]
    # the format's sums across rows that only these rows are in (a grid row was read for certain)
    sums = Format.t3_sums_over(keys)
    outcome_rows = set(sums[0][0])  # the rows that add up to （七）总计
    across = [(left, right) for left, right in sums if set(keys) >= {*left, *right}]

    def col_fails(c: str) -> bool:
        # every checkable sum in the column fails (one that reads a cell not read checks nothing)
        checks = [held for con in across_sums(across, (c,)) if (held := sum_holds(con, val)) is not None]
        return bool(checks) and not any(checks)

    bad_cols = [c for c in cols if col_fails(c)]
    if len(failing) < GARBLED_ROWS:
        # one or two rows: a printed typo breaks its row and one or two columns; a row that breaks
        # its sum and most of its columns, or whose cells exceed （七）总计 in several columns, is a
        # garbled line (cells of two rows run together)
        def over_total(r: str) -> int:
            if r.split(".")[1] not in outcome_rows:
                return 0
            return sum(1 for c in cols if (v := val.get(f"{r}.{c}")) is not None
                       and (t := val.get(f"requests.total_processed.{c}")) is not None and v > t)

        keep = [r for r in failing if len(bad_cols) >= GARBLED_COLUMNS or over_total(r) >= 2]
        for r in keep:
            if len(bad_cols) < GARBLED_COLUMNS:
                shown = printed(found.values.get(f"{r}.{c}") for c in cols)  # (the row as read: L-03's 实为)
                for c in cols:
                    p = f"{r}.{c}"
                    if p in found.values and found.values[p].value is not None:
                        found.values[p] = Value(None, found.values[p].cell)
                found.notes.append(("unreadable", r, Reason("该行各格超过（七）总计且本行合计不符：两行数字交错", shown), None))
        failing = [r for r in keep if len(bad_cols) >= GARBLED_COLUMNS]
    for r in failing:
        hit = False
        for c in bad_cols:
            p = f"{r}.{c}"
            if p in found.values and found.values[p].value is not None:
                found.garbled[p] = found.values[p]  # (a number cut in two may explain it: ``cuttail``)
                found.values[p] = Value(None, found.values[p].cell)
                hit = True
        left = {p: v for c in cols if (v := found.values.get(p := f"{r}.{c}")) is not None and v.value is not None}
        if hit and not sum_possible(([f"{r}.{c}" for c in cols[:-1]], [f"{r}.{cols[-1]}"]),
                                    {p: v.value for p, v in left.items()}, left):
            # the cells kept already exceed the row's 总计, whatever the nulled ones were (a count is never negative):
            # they are no reading either (pypdf: 「２１0 0 0 0 0 ２ １」, 21 and 0 in two digit widths glued, the 总计 21
            # cut in two: 其他 2 and 总计 1 kept, s03893)
            for p, v in left.items():
                found.garbled[p] = v
                found.values[p] = Value(None, v.cell)
        if hit:
            shown = printed(found.values.get(f"{r}.{c}") for c in cols)
            found.notes.append(("unreadable", r, Reason("行与列的合计都对不上：文字版面已错乱", shown), None))


_T4_FIRST_GROUP = T4_GROUPS[0].label  # 行政复议: 表四's first group, named in every header of the table


def settle_appeals(found: Found, lazy: _Lazy) -> None:
    if "appeals" in found.certain:
        return
    # the text's numbers stand apart from their words, or 表四's row stands on several lines by its cells'
    # alignment (the decoders' stream keeps no columns, and 「0 0 0 …」 over 「4 3 7」 adds up read in
    # either order): no reading in order either
    if found.out_of_step or found.unordered:
        for p, v in found.values.items():
            found.values[p] = Value(None, v.cell)
        return
    stream = lazy.get()
    dec = decode_appeals(stream)
    # (its numbers' order the decoder's, whoever reads them after: the cells without a unit written after the rest)
    bare = dec is not None and units_then_bare(stream, dec.rows.get("appeals", []))
    if dec is not None and dec.blank and any(b.grid for b in lazy.blocks if _T4_FIRST_GROUP in b.text):
        dec = None  # a grid keeps a blank row (ingest): a header with no row under it says nothing of its cells
    col = decode_appeals_columnar(stream)
    if col is not None:
        if dec is None or not dec.values:
            dec = col
        else:  # two readings of the same characters: the cells they disagree on stay null
            for path, piece in col.values.items():
                if path in dec.values and dec.values[path].value != piece.value:
                    del dec.values[path]
    if dec is None or not dec.values:
        dec = decode_appeals_interleaved(stream) or dec
    if dec is None and not found.values:
        _fill_appeals_apart(found, stream)
        return
    rows = [f"appeals.{g}" for g in T4_GROUP_KEYS]
    if dec is not None and dec.values and (bare or loose_among(stream, every := [r for runs in dec.rows.values() for r in runs])
                                           or units_below_short(stream, every)):
        # (a 表四 whose cells carry their unit, 「0件」 wrapped in a narrow cell: its numbers' order is not the table's,
        # and a reading in that order adds up as well — 「0 0 0」 over 「行政复议 1 … 1」, 1 0 0 0 1 read 0 0 0 1 1)
        said = _T4_BOX_FIRST if bare else _T4_LOOSE
        dec = Decoded(rows=dec.rows, unreadable=list(rows), said=dict.fromkeys(rows, said))  # (its numbers: 实为)
    if dec is not None:
        dec.rows = {r: dec.rows.get(r) or dec.rows.get("appeals", []) for r in rows}
        if dec.blank:  # every cell blank: a table read as blank (T4-03), not one that cannot be read
            found.notes[:] = [n for n in found.notes if not (n[0] == "unreadable" and n[1] == "appeals")]
    _apply(found, dec, stream, rows, T4_COLUMN_KEYS, lambda r: False)
    _fill_appeals_apart(found, stream)


def _fill_appeals_apart(found: Found, stream: Stream) -> None:
    """表四's cells the readers in order left null, read where a converter wrote the table's groups apart: each
    under its own name (pdfminer's boxes), or the last ones after the text that follows the table (pdftotext)."""
    fill_appeals_named(found, stream)
    fill_appeals_rest(found, stream)


_T4_LOOSE = ("表四的格子带单位「件」，较窄的格子把「件」折到下一行，数字随格子高度上下错开：文字中数字的次序不是表格的次序，"
             "按次序读出的各组也能合计成立，哪个数属于哪一格无法确定")


_T4_BOX_FIRST = ("表四带单位「件」的格子成一框先写出，不带单位的格子另写在其后：文字中数字的次序不是表格的次序，"
                 "按次序读出的各组也能合计成立，哪个数属于哪一格无法确定")


_HEADER_2019 = ("新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量")


def _header_2019(stream: Stream) -> bool:
    """A 2019 表二 column word between 第二十条 and 本年新收 (表三's first row), where 表二's header stands."""
    start = stream.chars.find("第二十条")
    end = stream.chars.find(T3_ROWS_2021[0].keys[0], start)  # 本年新收: 表三 begins
    window = stream.chars[start:end if end > 0 else None] if start >= 0 else ""
    return any(w in window for w in _HEADER_2019)


_SPELLED = "此表把一个数的各位数字分开写出（如「3 5 2 0 3 7」是三格），本行的单个数字可能是同一个数，无法确定各格，已留空"


def settle_active(found: Found, lazy: _Lazy, fmt: str, step: Step) -> str:
    """表二 rows read by label with certainty stay; the others (a number glued to the label, more or
    fewer numbers than columns, a 表二 the layout readers did not find in flattened text) are
    decoded or left null. Returns the 表二 format, which flattened text only shows in its header words."""
    items = ACTIVE_2019 if fmt == "2019" else ACTIVE_2021
    rows = {f"active.{it.key}" for it in items}
    present = {p if p.count(".") == 1 else p.rsplit(".", 1)[0] for p in found.values}
    if found.out_of_step:
        # no row is read, but the header's words still tell the format (the report's year may be unread too)
        return "2019" if _header_2019(lazy.get()) else fmt
    # every row read with certainty: nothing to decode. (One row missing is decoded too, as the layout readers
    # now read pipe rows with kept empty cells certain; not in OCR text, whose missing row is more often one
    # misread than one left out, as before)
    if found.values and present <= found.certain and len(present) >= len(rows) - (1 if lazy.noisy else 0):
        return fmt
    if step.shuffled(fmt):  # two rows' labels in one line: no reading in order
        for p, v in found.values.items():
            if v.value is not None and (p if p.count(".") == 1 else p.rsplit(".", 1)[0]) not in found.certain:
                found.values[p] = Value(None, v.cell)
        found.notes.append(("unreadable", "active", _SHUFFLED, None))
        return fmt
    stream = lazy.get()
    if not found.values and _header_2019(stream):
        fmt = "2019"
        items = ACTIVE_2019
    dec = decode_active(stream, fmt, pieces=lazy.pieces)
    col = None
    if fmt == "2021":
        col = decode_active_columnar(stream)
        if col is not None and (col.values or col.unreadable):
            dec = _with_active_columns(dec, col, found)
    for row in sorted(dec.unsure) if dec is not None else ():  # (sorted: a set's order varies by run)
        if row in found.certain:  # its single digits may be one number: the layout's cells are a guess too
            found.certain.discard(row)
            shown = printed(v for p, v in found.values.items() if p == row or p.startswith(row + "."))
            found.notes.append(("unreadable", row, Reason(_SPELLED, shown), None))
    for it in items:
        row = f"active.{it.key}"
        cols = tuple(c.key for c in it.columns) or None
        if row not in present and (dec is None or row not in dec.rows):
            continue
        _apply(found, dec, stream, [row], cols, lambda r: r in found.certain, notes=False)
    if dec is not None:
        for paths, alts in dec.ambiguous:
            row = paths[0].rsplit(".", 1)[0] if paths[0].count(".") == 2 else paths[0]
            if row in found.certain:
                continue
            found.notes.append(("ambiguous", row, _alternatives(paths, alts), None))
    fill_active_labels_first(found, stream, fmt)
    col_why = col.why if col is not None else {}
    for row in col.unreadable if col is not None else ():
        cells = [v for p, v in found.values.items() if p == row or p.startswith(row + ".")]
        # (boxes out of order leave only some of a row's cells unread: its 现行有效件数 under a header of its own)
        unread = any if row in col_why else all
        if row not in found.certain and (not cells or unread(v.value is None for v in cells)):
            # (the runs the reader took for the row, as the text has them: L-03's 实为; its cells here may be
            # another row's, kept only to point at a line)
            shown = printed(r.shown for r in sorted(col.rows.get(row, []) if col else [], key=lambda r: r.start))
            found.notes.append(("unreadable", row, Reason(_T2_WHY[col_why[row]] if row in col_why else _OWN_BOX, shown),
                                None))
    for row, why in sorted(dec.why.items()) if dec is not None else ():
        cells = [v for p, v in found.values.items() if p == row or p.startswith(row + ".")]
        if row not in found.certain and all(v.value is None for v in cells):
            runs = sorted(dec.rows.get(row, []), key=lambda r: r.start) if dec is not None else []
            shown = printed(r.shown for r in runs) or (dec.shown.get(row, "") if dec is not None else "")
            found.notes.append(("unreadable", row, Reason(_T2_WHY[why], shown), None))
    _drop_decimal_counts(found, items)
    return fmt


def _drop_decimal_counts(found: Found, items: tuple[ActiveItem, ...]) -> None:
    """An item read out of order puts an amount in a count's cell (pdftotext's 「政府集中采购」「461.42」「１４」: 采购项目数量
    461.42, 采购总金额 14): a count is never a fraction, so the order of the item's numbers is not its cells' and
    none of them is read. A row read with certainty keeps what it prints (the audit flags it)."""
    for it in items:
        row = f"active.{it.key}"
        if row in found.certain or not it.columns:
            continue
        cells = {c.key: found.values.get(f"{row}.{c.key}") for c in it.columns}
        if not any(v is not None and isinstance(v.value, float) and not v.value.is_integer() and not it.holds_decimal(k)
                   for k, v in cells.items()):
            continue
        shown = printed(v for v in cells.values() if v is not None and v.value is not None)
        for k, v in cells.items():
            if v is not None:
                found.values[f"{row}.{k}"] = Value(None, v.cell)
        found.notes[:] = [n for n in found.notes if not (n[0] == "decoded" and n[1] == row)]
        found.notes.append(("unreadable", row, Reason(_T2_DECIMAL, shown), None))


_T2_DECIMAL = "本行计数的格子（如「采购项目数量」）读出了小数：数字的先后不是各格的先后，各格无法确定，已留空"


_SHUFFLED = "表格工具把两行标签的字逐字交错写成一行（如「行行政政强处罚制」），数字属于哪一行无法确定，表二未按行序读出的格子留空"
_T2_PIECES = ("本行两个一位数只隔一个空格或换行，而此文字中空白格不留痕迹（或表三的合计显示数字被分开写出）：可能是两格，"
              "也可能是同一个数的两段加一个空白格，各格无法确定，已留空")
_T2_UNIT_LAST = "本行最后一个数带单位（如「37件」），可能是本行的一格，也可能是下文的数：其余的数填不满本行，各格无法确定，已留空"
_T2_FEE_PIECES = ("行政事业性收费后接着两个数，中间只有空格或换行（如「78」「16」）：可能是工具把同一个数分成两段写出，"
                  "也可能后一个数属于下文，无法确定，已留空")
_T2_ORDER = ("表格逐框写出，而本行的标签或列标题的先后与格式不同（框的次序已不是页面上的次序）：数字的先后说明不了它们的格子")
_T2_BEGUN = ("表头之后是一行标签的开头（如「行政」），数字夹在折行的标签中间：这个开头可能属于表头所在项的几行，数字属于哪一行无法确定")
_T2_KEYED = ("表头之前另有一段文字的「键：」（如页面侧栏的「访问量：」），它的值写在后面：表头后的第一个数可能是它的值，不按表头读出")
_T2_ABOVE = ("下一项的标签后单独跟着一个「件」，它的数写在标签之上：本行标签后的数可能是下一项的，"
             "也可能是本行的，无法确定，已留空")
_T2_FEWER = "本行的数少于格子，此文字中空白格不留痕迹：哪几格是空白、数是哪一格的无法确定，已留空"
_T2_WRAPPED = ("本行的标签在格子里折行，几个数写在标签的两段之间：它们的先后可能是工具写出各框的先后，不一定是各格的先后，"
               "已留空")
_T2_RUN = "几个项目的标签连着写出、各自后面没有数字，其后的数字比这些项目少：是哪一项的，次序说不清"
_T2_SIGN = ("本行一个「-」与其后的数隔着空格，而此文字中空白格不留痕迹：它可能是空白格的记号，也可能是「本年增/减」的负号，"
            "各格无法确定，已留空")
_T2_FIRST = ("此表有的数写在它的标签之前（表格工具按行的高低写出各框）：这两项的标签之间只有一个数，后一项的标签后没有数，"
             "这个数是前一项的还是后一项的无法确定，两项都已留空")
_T2_WHY = {"sign": _T2_SIGN, "first": _T2_FIRST, "fewer": _T2_FEWER, "wrapped": _T2_WRAPPED, "pieces": _T2_PIECES, "unit_last": _T2_UNIT_LAST, "fee_pieces": _T2_FEE_PIECES, "order": _T2_ORDER,
           "begun": _T2_BEGUN, "keyed": _T2_KEYED, "above": _T2_ABOVE, "run": _T2_RUN}
_OWN_BOX = "表格逐框写出、空白格已省去：表头后单独成框的数字也可能属于前面缺数的格子"


def _with_active_columns(dec: Decoded | None, col: Decoded, found: Found) -> Decoded:
    """表二 cells read from labels and headers written box after box fill what the row-order reading
    left empty, in rows not read with certainty; where both read a cell differently it stays null."""
    out = Decoded() if dec is None else dec
    # the characters the row-order reading gave a cell: another cell's in the boxes' reading is no reading of it (「行政处罚
    # -」「行政」「107」「强制」: 107 inside 行政强制's wrapped label is its own, the boxes' order gave it to 行政处罚, s04207)
    taken = {(x.start, x.end): q for q, x in out.values.items()}
    for p, piece in col.values.items():
        row = p if p.count(".") == 1 else p.rsplit(".", 1)[0]
        if row in found.certain or row in out.pieces or row in out.unsure:  # its digits may be pieces of one number
            continue
        if out.why.get(row) == "above":  # its last number may be the next item's, written above that one's label
            continue
        if taken.get((piece.start, piece.end), p) != p:
            continue
        old = out.values.get(p)
        if old is not None:
            if old.value != piece.value:
                del out.values[p]
            continue
        out.values[p] = piece
        out.rows.setdefault(row, col.rows.get(row, []))
    for row in col.unreadable:  # a row the table has, its cells left null (with a note)
        if row not in found.certain:
            out.rows.setdefault(row, [])
    out.ambiguous.extend((ps, alts) for ps, alts in col.ambiguous
                         if not any(p in out.values for p in ps))  # (not where the row-order reading settled them)
    return out


Lazy = _Lazy
__all__ = ["Lazy", "refuse_impossible", "settle_active", "settle_appeals", "settle_requests"]
