"""表三 rows whose labels a converter wrote away from their numbers (pdf-oxide, docling-rs).

Some converters keep the numbers of 表三 in row order but lose the label cells of a few rows and write
them elsewhere: the first rows' numbers stand right under the column header with no label, and their
labels come together after the table (``一、本年新收… 二、上年结转… （一）予以公开 … 四、结转下年度继续办理``).
The decoder, which anchors rows on the first label it meets in the format's order, then anchors on that
cluster and reads nothing. This second reading anchors only on labels that have numbers after them
(a label with no number before the next label is detached), chosen as
the longest chain in the format's order; the numbers under the header before the first anchored label
are the rows before it, and the numbers after the last anchored label, up to the detached labels,
are that row and the rows after it. As everywhere in the decoder, rows whose labels were lost are kept
only when the arithmetic confirms them, and a cell gets a value only when one reading fits.

``fill_detached_rows`` uses it only for rows the first reading left without a value, and only when
it agrees with every value the first reading gave.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations, permutations

from ..format import (
    LABEL_START,
    T3_COLUMN_KEYS,
    T3_ROW_BY_KEY,
    T3_ROWS_2019,
    T3_ROWS_2021,
    T4_COLUMN_KEYS,
    T4_GROUP_KEYS,
    Format,
    Label,
    core,
    norm,
)
from ..limits import MAX_FRACTION
from .clusters import merge_label_clusters
from .decoder import (
    _ARTICLE,
    _DASHES,
    _PROSE_UNITS,
    _T4_HEADER_CHARS,
    _T4_HEADING,
    T2_CELL_DIGITS,
    Decoded,
    Piece,
    Run,
    Stream,
    _after_later_article,
    _before_foreign,
    _heads,
    _occurrences,
    _rows_add_up,
    _solve,
    _subtotal_in_table,
    _t3_constraints,
    _t3_rows,
    _tail_readings,
    _Unit,
    _whole_counts,
    active_labels,
    alternatives_text,
    attached_labels,
    begun,
    boxed_column,
    out_of_order,
    piece_cell,
    readings,
    runs_between,
    t4_start,
    units_as_slots,
    units_before,
)
from .notes import names, note_rows
from .reason import Reason, printed
from .subtotal import across_sums, row_holds, sum_holds, sum_possible
from .tables import Found
from .values import Value

_WIDTH = len(T3_COLUMN_KEYS)
_HEADER_WORDS = ("申请人情况", "自然人", "法人或其他组织")
_SECTION = "收到和处理政府信息公开申请"


# the last text's 表三 region: the readers after the decoder ask for it again and again
# (keyed by the text object itself, which the entry keeps alive; one tuple, replaced whole)
_LAST_REGION: list[tuple[str | None, tuple[int, int] | None]] = [(None, None)]


def _region(chars: str) -> tuple[int, int] | None:
    """表三 from its column header to 表四's header (or the end)."""
    seen, got = _LAST_REGION[0]
    if seen is not chars:
        got = _find_region(chars)
        _LAST_REGION[0] = (chars, got)
    return got


def _find_region(chars: str) -> tuple[int, int] | None:
    starts = [p for w in _HEADER_WORDS if (p := chars.find(w)) >= 0]
    if not starts:
        return None
    lo = min(starts)
    # the header's words written after the table (pdf-oxide's multi-column page): the table starts
    # at its section heading when row labels stand between that heading and those words
    head = chars.rfind(_SECTION, 0, lo)
    if head >= 0 and "国家秘密" in chars[head:lo] and "申请人情况" not in chars[head:lo]:
        lo = head + len(_SECTION)
    hi = t4_start(chars, lo)
    return lo, len(chars) if hi < 0 else hi


def _chain(attached: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of labels whose rows and positions both increase."""
    best: list[list[tuple[int, int, int]]] = []
    for occ in attached:
        prev = max((b for b in best if b[-1][2] < occ[2] and b[-1][1] <= occ[0]), key=len, default=[])
        best.append([*prev, occ])
    return max(best, key=len, default=[])


def _with_inner_labels(chain: list[tuple[int, int, int]],
                       detached: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The chain with the label-only occurrences that stand between two of its labels and name a row
    between theirs: labels written together inside the table (docling-rs: ``2.申请人逾期… 3.其他``, then
    both rows' numbers) or wrapped after their numbers. They are the rows' own labels, in place; only
    labels out of the table's order (a page's labels written after it) stay out."""
    out = list(chain)
    for d in detached:
        k = next((n for n, a in enumerate(out) if a[0] > d[0]), None)
        if k is None or k == 0:
            continue
        if out[k - 1][2] < d[2] < out[k][2]:
            out.insert(k, d)
    return out


def _t3_labels(chars: str) -> tuple[int, int, tuple[Label, ...], list[tuple[int, int, int]]] | None:
    """表三's region (lo, hi), its format rows and where their labels stand in it; None without one."""
    region = _region(chars)
    if region is None:
        return None
    lo, hi = region
    rows = _t3_rows(chars, lo, hi)
    return lo, hi, rows, _occurrences(chars, rows, lo, hi)


def decode_requests_detached(stream: Stream, pieces: bool = True) -> Decoded | None:
    chars = stream.chars
    found = _t3_labels(chars)
    if found is None:
        return None
    lo, hi, rows, occ = found
    if not occ:
        return None
    if _subtotal_in_table(chars, occ[0][0]):
        # the header's 小计 written among the rows (pdfminer's boxes): a row's cells are seven or eight, not known, and
        # seven 0s of the 小计 column's boxes read as one row (chromium-pdfminer s08402: （七）总计 and 结转下年度 all 0)
        return None
    attached, detached = attached_labels(stream, rows, occ, hi)
    if not detached:
        return None  # nothing written away from its numbers: the first reading is the reading
    chain = _chain(attached)
    if len(chain) < 3:
        return None
    # the table ends at the first label-only occurrence after its last anchored label (the labels a
    # converter wrote after the table, with a stray number or two among them)
    end = min((s for s, _e, _i in detached if s >= chain[-1][1]), default=hi)
    ordered = not out_of_order(chars, rows, [o for o in attached if o[0] < end], chain)
    chain = _with_inner_labels(chain, detached)
    best = [(i, s, e) for s, e, i in chain]
    marks = _heads(stream, rows, best)
    heads, stops = [h for h, _e in marks], [e for _h, e in marks]
    keys = [r.key for r in rows]
    segs: list[tuple[list[int], list[Run], bool]] = []  # (rows covered, runs, last)
    before: list[list[Run] | None] = []  # per segment, the numbers between the label before and its own label
    shifted = False  # a unit before some row's numbers: each row's numbers may stand above its label
    first = best[0][0]
    marked: set[int] = set()  # rows whose numbers come after blank cells' dashes this reading leaves out
    if first > 0:
        segs.append((list(range(first)), _whole_counts(runs_between(stream, lo, stops[0], rows[first].number)),
                     False))
        before.append(None)
        if any(r.blank and chars[r.start] in _DASHES for r in runs_between(stream, lo, stops[0], blanks=True)):
            # (the marks before the first number, as well as among them: chromium-pdftotext s05199, 一、本年新收's
            # seven 「—」 under the header, then the zeros of the rows after it, read as its own)
            marked.update(range(first))
    for n, (i, s, e) in enumerate(best):
        prev = _whole_counts(runs_between(stream, best[n - 1][2] if n else lo, min(stops[n], s), rows[i].number))
        before.append(prev)
        if n + 1 < len(best):
            j = best[n + 1][0]
            covered = list(range(i, j))
            runs = _whole_counts(runs_between(stream, min(heads[n], e), max(stops[n + 1], e), rows[j].number))
            shifted = shifted or units_before(stream, e, runs)
            segs.append((covered, _before_foreign(_own_runs(chars, e, runs, rows[j]), _WIDTH * len(covered)),
                         False))
            continue
        stop = min((s2 for s2, _e, _i in detached if s2 >= e), default=hi)
        if (heading := chars.find(_T4_HEADING, e)) >= 0:
            # (not past 表四's section heading: its numbers and the page's after it are not 表三's, and a telephone's
            # 「05012345」 there would show cells glued, ``_glue_seen``)
            stop = min(stop, heading)
        runs = _whole_counts(runs_between(stream, e, stop))
        shifted = shifted or units_before(stream, e, runs)
        runs = _own_runs(chars, e, runs, rows[i + 1] if i + 1 < len(rows) else None)
        rest = list(range(i, len(rows)))
        if len(rest) > 1 and readings(runs, _WIDTH * len(rest)):
            segs.append((rest, runs, False))
        else:
            segs.append(([i], runs, True))
    if (first > 0 and len(segs) > 1 and len(segs[0][1]) == _WIDTH * len(segs[0][0])
            and (short := _WIDTH * len(segs[1][0]) - len(segs[1][1])) > 0 and short % _WIDTH == 0):
        # the rows before the first anchored label filled exactly, the rows after it short by whole rows: a blank row
        # left nothing (pdfminer s04671: 14 numbers under the header, then 一、 二、 （一） and 14 numbers for three rows,
        # 一、本年新收 blank): which of these rows the numbers before are, the count does not say
        segs[0] = (segs[0][0], [], segs[0][2])
    elif first > 1 and segs and 0 < len(segs[0][1]) < _WIDTH * first and not len(segs[0][1]) % _WIDTH:
        # the rows before the first anchored label short by whole rows (pdfminer s09974: 新收's and 结转's 14 numbers
        # under the header, then 一、 二、 （一） （二） with none after them): which of those rows the numbers are the
        # count does not say, and no sum across rows reaches them from here (结转's 3 3 3 0 0 0 9 was read as 部分公开's)
        segs[0] = (segs[0][0], [], segs[0][2])
    if shifted:
        # 「（六）其他处理 - -」/「件 件」/numbers: a row's numbers may stand above its label (cells three lines high, as
        # the decoder refuses), so the numbers after a label may be the next row's. A row is read only where the
        # numbers on either side of its label are the same (a table of zeros), whichever are its own
        segs = [(c, r if b is not None and len(c) == 1 and [x.digits for x in r] == [x.digits for x in b] else [], last)
                for (c, r, last), b in zip(segs, before)]
    # a run of labels with their rows' numbers after them reads as those rows (as in the first reading)
    lasts = {id(runs) for covered, runs, last in segs if last}
    merged = merge_label_clusters([(c, r) for c, r, _ in segs], _WIDTH, _rows_add_up)
    dec = Decoded()
    units = []
    for covered, runs, last in ((c, r, id(r) in lasts) for c, r in merged):
        paths = [f"requests.{keys[i]}.{c}" for i in covered for c in T3_COLUMN_KEYS]
        if runs and any(r.blank and stream.chars[r.start] in _DASHES
                        for r in runs_between(stream, runs[0].start, runs[-1].end, blanks=True)):
            # blank cells' dashes among these numbers (「0 0 — — 0 …」), which this reading leaves out: its cells shift
            # past every mark (pdfminer s02821: a row of 0s read for 「0 — 0 0 0 — 0」…). Still read, so that where the
            # two readings disagree neither is trusted; never filled in (``fill_detached_rows``)
            dec.unsure.update(f"requests.{keys[i]}" for i in covered)
        if len(covered) == 1 and (slotted := units_as_slots(stream, runs, _WIDTH)) is not None:
            runs = slotted  # (as the first reading places them: the two agree)
        cands = _tail_readings(stream, runs, len(paths)) if last else readings(runs, len(paths))
        units.append(_Unit(paths, runs, cands, ordered=ordered))
        for i in covered:
            dec.rows[f"requests.{keys[i]}"] = runs
    dec.unsure.update(f"requests.{keys[i]}" for i in marked)
    # (the text's characters, as the first reading has them: a run the text sets apart is cut only where sums across
    # rows confirm it, 「11 0 0 0 13」 not 1|1|0|0|0|1|3; not in OCR's text, whose runs the engine glued)
    _solve(units, _t3_constraints(keys), dec, stream if pieces else None)
    return dec


# words that start a numbered row's label: 「8.属」「（五）不予处理1.信」; not a group label's numbering, whose
# merged cell a tool may write between a row's label and its numbers (「1.本机关不掌握相关政府信息」「（四）无 746 …」)
_NUMBERED = re.compile(r"\d{1,2}[.．]\D")


def _own_runs(chars: str, end: int, runs: list[Run], nxt: Label | None = None) -> list[Run]:
    """The runs after a label that ends at ``end``, or none when the words between the label and its first
    number hold the start of another numbered label: inscriptis writes a wrapped label's numbers on its first line
    (「7」/「131 0 … 148」/「.属于行政执法案卷」, then 「8.属 0 0 …」/「于行政查询事项」; 「…大量反复」「申请 5.要 0 17 …」),
    and the numbers after the tail of one label are the next row's; so when they end with the next label's
    (``nxt``) first characters (「（七」/numbers/「）总计」, then 「四、结」/numbers/「转下年度继续办理」)."""
    if runs and runs[0].start > end and (_NUMBERED.search(chars, end, runs[0].start)
                                         or nxt is not None and begun(chars[end:runs[0].start], nxt)):
        return []
    return runs


def _lines_of_several(stream: Stream, pieces: list) -> bool:
    """The pieces stand on more than one line of the text, and some line holds more than one of them
    (one number a line is a tool that writes a cell a line: its order is the cells')."""
    lines = [stream.text.count("\n", 0, stream.where[p.start]) for p in pieces]
    return len(set(lines)) > 1 and len(set(lines)) < len(lines)


def _label_starts(stream: Stream, pieces: list) -> Iterator[re.Match[str]]:
    """The row labels' starts (``LABEL_START``) in the text between the first of the pieces and the last: in the text,
    whose spaces part 「336」 from 「1.本机关…」 (Stream.chars glues them)."""
    first, last = min(p.start for p in pieces), max(p.end for p in pieces)
    return LABEL_START.finditer(stream.text, stream.where[first], stream.where[last - 1] + 1)


def _label_among(stream: Stream, pieces: list) -> bool:
    """A row label's start (its numbering and first word) between the row's pieces, the pieces after it first giving
    the row otherwise and adding up as well: which come first the text does not say. (Not a wrapped label's rest,
    「2.没有现成信息需要另」 26 「行制作」 0 0 15 …, the number its first line's; nor a row of zeros, the same either way.)"""
    where = stream.where
    values = [p.value for p in pieces]
    # (every label begun among them: 「0」「三、本年（一）予以公开」「（二）部分公开」「19」「只计这一情形…」「0 0 0 0 19 19」,
    # 19 the second label's row's)
    for m in _label_starts(stream, pieces):
        cut = sum(1 for p in pieces if where[p.end - 1] < m.start())
        turned = values[cut:] + values[:cut]
        if turned != values and row_holds(turned):
            return True
    return False


_ORDERS = ([r.key for r in T3_ROWS_2021], [r.key for r in T3_ROWS_2019])


def _next_row(keys: list[str], key: str) -> Label | None:
    """The row after ``key`` in the format of ``keys`` (or in the other format, which has the row)."""
    for order in (keys, *_ORDERS):
        if key in order:
            k = order.index(key)
            return T3_ROW_BY_KEY[order[k + 1]] if k + 1 < len(order) else None
    return None


def _next_begun(stream: Stream, pieces: list, nxt: Label) -> bool:
    """The label ``nxt`` (the next row's) begins between the row's pieces, some of them not zeros (a row of zeros is
    the same whichever rows' zeros it took)."""
    if all(p.value == 0 for p in pieces):
        return False
    number, words = norm(nxt.number or ""), core(nxt.label)[:2]
    for m in _label_starts(stream, pieces):
        seg = norm(stream.text[m.start():m.end() + 4])
        if number and seg.startswith(number) and core(seg).startswith(words):
            return True
    return False


def _fails(dec: Decoded, row: str) -> bool:
    """The row's cells all read, its own sum not holding (``subtotal.row_holds``)."""
    vals = [dec.values[p].value for c in T3_COLUMN_KEYS if (p := f"{row}.{c}") in dec.values]
    return len(vals) == len(T3_COLUMN_KEYS) and not row_holds(vals)


def fill_detached_rows(found: Found, stream: Stream, pieces: bool = True) -> None:
    """Rows of 表三 still without a value, from the second reading, when it agrees with the first (``pieces``: the
    text's characters are the document's, not OCR's)."""
    rows = {p.rsplit(".", 1)[0] for p in found.values}
    empty = [r for r in rows | {f"requests.{k}" for k in _format_keys(found)}
             if r not in found.certain and not any(
                 (v := found.values.get(f"{r}.{c}")) is not None and v.value is not None for c in T3_COLUMN_KEYS)]
    if not empty:
        return
    dec = decode_requests_detached(stream, pieces)
    if dec is None or not dec.values:
        return
    for p, piece in dec.values.items():
        v = found.values.get(p)
        if v is not None and v.value is not None and v.value != piece.value and not _fails(dec, p.rsplit(".", 1)[0]):
            # the two readings disagree: neither is trusted further than it was. (Not on a row this reading fails
            # itself, its own sum broken: its digits misread there (「314、」 read 31 and 「4、」), not its rows
            # misplaced; a row this reading would fill must add up anyway.)
            return
    fills = []
    keys = _format_keys(found)
    for r in sorted(empty):
        cells = [f"{r}.{c}" for c in T3_COLUMN_KEYS]
        if r in dec.unsure or not all(p in dec.values for p in cells):
            continue
        if not row_holds([dec.values[p].value for p in cells]):
            continue  # a second reading is kept only where the row adds up (OCR: 744 for 244)
        if r in found.glimpsed and tuple(dec.values[p].value for p in cells) not in found.glimpsed[r]:
            # the same numbers placed column by column give the row otherwise (pdfminer s08723: 「1.本机关不掌握…」
            # 「0 0 0 0 1 0 1」, 自然人's boxes of several rows, its own row 1 0 0 0 0 0 1): two readings, neither settled
            continue
        if _label_among(stream, [dec.values[p] for p in cells]):
            # a label among the row's numbers (「… 0 0 0 0 0 336」 / 「1.本机关不掌握相关政 336」: 自然人's cell level with the
            # label's first line, the others above it): which of them come first the order does not say, and a row of
            # zeros and equal numbers adds up either way
            continue
        if (nxt := _next_row(keys, r.removeprefix("requests."))) and _next_begun(
                stream, [dec.values[p] for p in cells], nxt):
            # the next row's label begun before some of the row's numbers (pdftotext: 「0」「三、本年 （一）予以公开」
            # 「（二）部分公开（区分处理的，」「19」「只计这一情形…」「0 0 0 0 19 19」: 19 部分公开's, its label wrapped around it)
            continue
        if _lines_of_several(stream, [dec.values[p] for p in cells]):
            # a row's numbers on several lines, several on a line (inscriptis writes a row of two-line
            # cells as 「0 0」 over 「2 2 2 1 7」): the text's order is line by line, not the cells' order,
            # and a row of zeros and equal numbers adds up in either
            continue
        fills.append(r)
    if not fills:
        return
    # and only when no sum across rows that the filled rows complete fails
    possible = _possible(found, dec, fills)
    if possible is None:
        return
    fills, val = possible
    done = set(fills)
    found.notes[:] = [x for x in found.notes if not (x[0] == "unreadable" and x[1] in done)]  # read now
    for r in fills:
        cells = [f"{r}.{c}" for c in T3_COLUMN_KEYS]
        kept = cells
        if r == f"requests.{keys[-1]}" and _boxes_unconfirmed(stream, [dec.values[p] for p in cells], cells, val, keys):
            kept = cells[-1:]
            shown = " ".join(str(dec.values[p].value) for p in cells)
            found.notes.extend(("unreadable", p, Reason(_LAST_BOXES, shown), None) for p in cells[:-1])
        for p in kept:
            piece = dec.values[p]
            found.values[p] = Value(piece.value, piece_cell(stream, piece.start, piece.end))
        found.notes.append(("decoded", r, " ".join(str(dec.values[p].value) for p in kept)[:60], None))


def _bounded(cons, val: dict) -> bool:
    """Whether the table's sums can all hold together, counts being never negative: each cell not known is
    bounded by the sums it is in (below by 0), and a sum whose one side is surely more than the other can
    ever be fails. Sums taken together, not one at a time: 3.其他's row read as 64 … 426, with （七）总计 and
    结转下年度 not read, is more than 新收 + 上年结转 allows the outcome rows in all (lo-pdftotext s06230: 总计's
    numbers written after 「3.其他」's label, taken as its row)."""
    inf = float("inf")
    cells = {p for left, right in cons for p in (*left, *right)}
    lo = {p: (v if (v := val.get(p)) is not None else 0) for p in cells}
    hi = {p: (v if (v := val.get(p)) is not None else inf) for p in cells}
    for _round in range(4):
        changed = False
        for left, right in cons:
            for side, other in ((left, right), (right, left)):
                top = sum(hi[q] for q in other)
                low = sum(lo[q] for q in side)
                for p in side:
                    if val.get(p) is None and top - (low - lo[p]) < hi[p]:
                        hi[p] = top - (low - lo[p])
                        changed = True
        if not changed:
            break
    return all(sum(lo[p] for p in side) <= sum(hi[p] for p in other) + 1e-9
               for left, right in cons for side, other in ((left, right), (right, left)))


def sums_exceeded(found: Found) -> float:
    """By how much 表三's cells read make its sums across rows impossible: 0 when they can all hold together
    (``_bounded``'s test, counts never negative); else the most that one side of a sum, its unknown cells taken as 0,
    already is beyond the other side whose cells are all known (0 when no such side shows it). A row failing its own
    sum is left out, as not read: its reading is its own fault (a printed defect, or cells glued), not its place."""
    val = {p: v.value for p, v in found.values.items() if v.value is not None and p.startswith("requests.")}
    cons, failing = [], set()
    for left, right in _t3_constraints(_format_keys(found)):
        if len(rows := {p.rsplit(".", 1)[0] for p in (*left, *right)}) > 1:
            cons.append((left, right))
        elif sum_holds((left, right), val) is False:
            failing |= rows
    val = {p: v for p, v in val.items() if p.rsplit(".", 1)[0] not in failing}
    if not _bounded(cons, val):
        inf = float("inf")
        cells = {p for left, right in cons for p in (*left, *right)}
        lo = {p: val.get(p, 0) for p in cells}
        hi = {p: val.get(p, inf) for p in cells}
        return max(0, max(sum(lo[p] for p in side) - sum(hi[p] for p in other)
                          for left, right in cons for side, other in ((left, right), (right, left))))
    return 0


def _possible(found: Found, dec: Decoded, fills: list[str]) -> tuple[list[str], dict] | None:
    """The rows to fill and the values with them: None when a sum across rows that they complete fails. A sum they do not complete but
    make impossible (a count is never negative: their cells on one side already more than the other side's
    whole) drops the rows of its cells on either side that make it so, and the rest are tried again
    (s02214: 3.其他 read as 6 and （七）总计 as 0 while 予以公开 was not read, 3.其他's numbers written after the
    next section's heading: 8.属于行政查询事项's 1, 3.其他 and 总计 dropped)."""
    cons = _t3_constraints(_format_keys(found))
    base = {p: v.value for p, v in found.values.items() if v.value is not None}
    while fills:
        val = dict(base)
        val.update({f"{r}.{c}": dec.values[f"{r}.{c}"].value for r in fills for c in T3_COLUMN_KEYS})
        filled = {f"{r}.{c}" for r in fills for c in T3_COLUMN_KEYS}
        drop: set[str] = set()
        for left, right in cons:
            if not any(p in filled for p in (*left, *right)):
                continue
            held = sum_holds((left, right), val)
            if held is False:
                return None
            if held is None and not sum_possible((left, right), val, filled):
                drop |= {p.rsplit(".", 1)[0] for p in (*left, *right) if p in filled and val[p]}
                drop |= {p.rsplit(".", 1)[0] for side in (left, right) if all(x in filled for x in side) for p in side}
        if not drop:
            if not _bounded(cons, val) and _bounded(cons, base):
                return None  # (the sums broken by these rows together, not by the document or a reading before them)
            # the second reading's rows it does not fill (a row's numbers over several lines) bound the sums too:
            # lo-pdftotext s07638, 3.其他 read as 2202 … 7244 beside that reading's 本年新收 (总计's numbers written
            # after 「3.其他」, its own before it). The last row's cells but its 总计 are left out: whether its boxes
            # are in the cells' order is asked after (``_boxes_unconfirmed``)
            last = f"requests.{_format_keys(found)[-1]}"
            asked = {f"{last}.{c}" for c in T3_COLUMN_KEYS[:-1]} if last in fills else set()
            loose = {p: v for p, v in val.items() if p not in asked}
            if (seen := _whole_rows(dec, fills, base)) and not _bounded(cons, {**seen, **loose}) and _bounded(
                    cons, {**seen, **base}):
                return None
            return fills, val
        fills = [r for r in fills if r not in drop]
    return None


def _whole_rows(dec: Decoded, fills: list[str], base: dict) -> dict:
    """The cells of the rows of ``dec`` not filled, not read before and not unsure, each row whole and adding up."""
    out: dict[str, int | float] = {}
    for r in {p.rsplit(".", 1)[0] for p in dec.values}:
        cells = [f"{r}.{c}" for c in T3_COLUMN_KEYS]
        if r in fills or r in dec.unsure or any(p in base or p not in dec.values for p in cells):
            continue
        if row_holds(vals := [dec.values[p].value for p in cells]):
            out.update(zip(cells, vals))
    return out


_LAST_BOXES = ("表格逐框写出，表三最后几行的数字各成一框，框的先后不一定是格子的次序（行合计在任何次序下都成立），"
               "又没有跨行的关系可以核对，各申请人列无法确定（总计是其余六格之和，不论次序，照读）")


def _boxes_unconfirmed(stream: Stream, pieces: list[Piece], cells: list[str], val: dict, keys: list[str]) -> bool:
    """The table's last row read from numbers each in a box of its own (a line each, with other lines between:
    poppler's pdftotext writes a page box by box) in pdftotext's order of the last rows (``_last_rows_mixed``), its
    applicant cells not all equal, and some applicant cell in no sum across rows that holds. The boxes' order is the
    tool's: there it is not the cells' order one time in four (lo-pdftotext, seeds 300-2099: 10 of 40 such rows),
    and the row's sum holds in any order."""
    lines = [piece_cell(stream, p.start, p.end).line for p in pieces]
    if None in lines or len(set(lines)) != len(lines):
        return False
    if any(b is not None and a is not None and abs(b - a) < 2 for a, b in zip(lines, lines[1:])):
        return False
    if len({p.value for p in pieces[:-1]}) == 1 or not _last_rows_mixed(stream, keys, pieces[-1].start):
        return False
    across = across_sums(Format.t3_sums_over(keys), T3_COLUMN_KEYS)
    return not all(any(c in (*left, *right) and sum_holds((left, right), val) for left, right in across)
                   for c in cells[:-1])


def _last_rows_mixed(stream: Stream, keys: list[str], end: int) -> bool:
    """The last row's label (before ``end``) follows the label of the row before it with no number between, or
    with that row's numbers in boxes of several numbers between (「（七）总计」/「1184 895」/「815 756」/「714」/
    「1967 6331」/「四、结转下年度继续办理」): pdftotext's boxes of the last two rows, not pdfminer's, a box a number
    after each label, in order."""
    chars = stream.chars
    last_row, before_row = Format.t3_row(keys[-1]), Format.t3_row(keys[-2])
    if last_row is None or before_row is None:
        return False
    last, before = last_row.keys[0], before_row.keys[0]
    at = chars.rfind(last, 0, end)
    prev = chars.rfind(before, 0, at)
    if at <= 0 or prev < 0:
        return False
    if not any(ch.isdigit() for ch in chars[prev:at]):
        return True
    between = stream.text[stream.where[prev]:stream.where[at]]
    return any(len(_NUMBER.findall(line)) > 1 for line in between.splitlines())


_NUMBER = re.compile(r"\d+")


def decode_appeals_interleaved(stream: Stream) -> Decoded | None:
    """表四 whose header words a converter wrote between its numbers (docling-rs: ``维持 纠正 其他结 果
    72 64 尚 未 审结 178 37 未经复议直接起诉 …``): the numbers from the first one after the header up to the
    first word that is not a 表四 header word, read in order, when they are exactly fifteen whole numbers
    and each block's four results sum to its 总计. Fewer or more numbers, a decimal, or a block that does
    not add up: nothing is read (the order of the numbers is only trusted where all three sums confirm it).
    The sums cannot tell a block's four results apart: a block whose header words come in another order
    than the format's, cell by cell or line by line (pdfminer: 尚未 其他 审结 纠正 0 0 0 维持 1 总计 1), is read
    only when every order gives the same cells (its four results equal); otherwise the block stays null
    and its readings are listed (L-03). Fourteen numbers (one cell lost, docling-rs: the first 复议 cell
    drawn into the header): read only where every place of the lost cell falls in one block, and then
    only the other two blocks (``_one_cell_lost``)."""
    chars = stream.chars
    head = chars.find("行政复议")
    while head >= 0:
        got = _interleaved_runs(stream, head)
        if got is not None:
            break
        head = chars.find("行政复议", head + 4)
    else:
        return None
    slots, loose = got
    runs = [r for r in slots if r is not None]
    if runs and _number_before_group(chars, chars.rfind("行政复议", head, runs[0].start)):
        return None
    dec = Decoded()
    lost = slots.count(None)
    if loose:  # a lost block's note names the run its numbers could not be placed from, not the whole table
        shown = " ".join(r.digits for r in loose[:10]) + (" …" if len(loose) > 10 else "")
        said = (f"表四第 {15 - lost + 1} 个数起与其后的数字连写成一串（「{shown}」，共 {len(loose)} 个数），"
                f"多于表四剩下的 {lost} 格，哪些是表四的数无法确定")
    if not runs:
        # not one of the fifteen settled as 表四's (pdfium's rects, a digit a line: 「7」「2 」「6」「4 」… are 29
        # numbers, more than the cells, with no word among them): every block unread
        dec.unreadable.extend(f"appeals.{g}" for g in T4_GROUP_KEYS)
        dec.said.update((f"appeals.{g}", said) for g in T4_GROUP_KEYS if loose)
        dec.rows["appeals"] = []
        return dec
    width = len(T4_COLUMN_KEYS)
    lo = chars.rfind("行政复议", head, runs[0].start)
    span_lo = lo
    after = _run_from(stream, runs[-1].end)  # numbers right after the fifteen: a block's, written after the others
    for b, g in enumerate(T4_GROUP_KEYS):
        block = slots[b * width:(b + 1) * width]
        paths = [f"appeals.{g}.{c}" for c in T4_COLUMN_KEYS]
        full = [r for r in block if r is not None]
        # (unless the numbers left, and those no block took, are all one number: every block and place gets the same)
        astray = (len(full) == width and _named_elsewhere(stream, span_lo, full)
                            and len({r.digits for r in (*slots[b * width:], *loose, *after) if r is not None}) > 1)
        if astray:
            # a number read into a place other words name (``_named_elsewhere``): the boxes' order is not the cells',
            # nor which block a number is in (a block of 0s may hold another block's numbers): no cell, its 总计 neither
            dec.unreadable.append(f"appeals.{g}")
            dec.said[f"appeals.{g}"] = _ASTRAY_NOTE
            span_lo = max((r.end for r in full), default=span_lo)
            continue
        if any(r is None for r in block):  # the block that lost a cell: which one, nothing says
            dec.unreadable.append(f"appeals.{g}")
            if loose:
                dec.said[f"appeals.{g}"] = said
            span_lo = max((r.end for r in block if r is not None), default=span_lo)
            continue
        vals = [int(r.digits) for r in full]
        if len(set(vals[:-1])) > 1 and (not _headers_in_order(chars[span_lo:full[-1].start])
                                        or _headed_elsewhere(chars, span_lo, full) or _boxed_elsewhere(stream, full)):
            dec.ambiguous.append((paths[:-1], sorted(set(permutations(vals[:-1])), reverse=True)))
            # the 总计 is not in doubt: in five numbers where four sum to the fifth, only that fifth is half
            # of all five, whichever order the four results came in
            dec.values[paths[-1]] = Piece(vals[-1], full[-1].start, full[-1].end, full[-1])
        else:
            for p, r, v in zip(paths, full, vals):
                dec.values[p] = Piece(v, r.start, r.end, r)
        span_lo = full[-1].end
    dec.rows["appeals"] = runs
    return dec


# 表四's column headers in the format's order (尚未审结 often split in two boxes: 尚未 / 审结)
_T4_ORDER = Format.T4_COLUMN_WORDS[:4]  # 总计: placed by the sums; a one-line header
# sits between the lines of the two-line ones
def _number_before_group(chars: str, group: int) -> bool:
    """A number right after a 表四 column word shortly before its first group's name (pdfminer's boxes: 「结果维持 0」
    「行政复议」 … 「未经复议直接起诉 其他结果 0」 …): a cell written before the group it belongs to, so the numbers after the
    name, in order, are not the table's (the first ones here are 直接起诉's, read as 行政复议's)."""
    return group > 0 and _COLUMN_NUMBER.search(chars, max(0, group - _BEFORE_GROUP), group) is not None


_BEFORE_GROUP = 20  # compact characters: a column word and its number, not the section heading's line before
_COLUMN_NUMBER = re.compile(r"(?:维持|纠正|结果|审结|总计)\d")


_T4_HEADER_WORD = re.compile("|".join(k for keys in _T4_ORDER for k in keys))
_T4_COLUMN_OF = {k: col for col, keys in enumerate(_T4_ORDER) for k in keys}


_ASTRAY_NOTE = ("表四的数字与表头字交错写出（逐框写出），这一组有一个数紧跟在「总计」之后，却按次序读作四项结果之一："
                "框的先后不是表格的次序，这一组的数属于哪一组、哪一列无法确定")


def _named_elsewhere(stream: Stream, lo: int, block: list[Run]) -> bool:
    """Some number of a block read in order as one of its four results begins a line right after the word 总计 and no
    other header word: 「总计」/「0 3」 before a block's 维持 (pdfminer wrote the last block's 总计 box and the next block's
    first numbers together): the boxes' order is not the cells'. (Only 总计: the two-line headers' words stand among a
    block's numbers in other orders that are still the cells' own, docling-rs' 「72 64 尚 未 审结 178 37」.)"""
    chars, text, where = stream.chars, stream.text, stream.where
    total = len(Format.T4_COLUMN_WORDS) - 1
    prev = lo
    for r in block[:total]:
        words = chars[prev:r.start]
        named = {c for c, keys in enumerate(Format.T4_COLUMN_WORDS) if any(w in words for w in keys)}
        at = where[r.start]
        if named == {total} and not text[text.rfind("\n", 0, at) + 1:at].strip():
            return True
        prev = r.end
    return False


def _headed_elsewhere(chars: str, lo: int, block: list[Run]) -> bool:
    """Two or more of a block's four results stand each right after one column's header words (nothing else between),
    a column before their place in order: pdfminer writes each number after its own header, so the order is not the
    cells' (「尚未」「结果」「审结」「维持」 3 0 「结果纠正」 2 「其他结果」 3 「总计」 8: 纠正 2, 其他 3, read in order as 其他 and
    尚未审结). Headers a column after their place are docling-rs' order, each before the number to its left, every block
    alike (「结果维持」 351 「结果纠正」 13 「其他结果」 4 「尚未审结」 8 1: 维持 13, 纠正 4); one alone, a two-line header's words
    between a row's numbers (「72 64 尚 未 审结 178 37」)."""
    prev, astray = lo, 0
    for k, r in enumerate(block[:len(T4_COLUMN_KEYS) - 1]):
        cols = {_T4_COLUMN_OF[m.group()] for m in _T4_HEADER_WORD.finditer(chars, prev, r.start)}
        if len(cols) == 1 and not _T4_HEADER_WORD.sub("", chars[prev:r.start]).strip("结果"):
            astray += cols.pop() < k
        prev = r.end
    return astray >= 2


def _boxed_elsewhere(stream: Stream, block: list[Run]) -> bool:
    """One of a block's four results in the box of another column's header words (``decoder.boxed_column``:
    pdfminer's 「结果维持」「复议后起诉」「结」「果纠」「正」「4」 / 「3」, 3 维持 and 4 纠正): the boxes' order is not
    the cells'."""
    where = stream.where
    for k, r in enumerate(block[:len(T4_COLUMN_KEYS) - 1]):
        col = boxed_column(stream, where[r.start], where[r.end - 1] + 1)
        if col is not None and col != k:
            return True
    return False


def _headers_in_order(words: str) -> bool:
    """Whether the column headers written among one block's numbers come in the format's order: cell by
    cell (维持 纠正 其他 尚未审结), or the two-line headers (结果/维持, 其他/结果, 尚未/审结) read line by
    line, each line in column order (其他 尚未 | 维持 纠正 审结): at most two rising runs of columns.
    Three or more (尚未 其他 审结 纠正 维持) is a scrambled header, not a reading order."""
    cols: list[int] = []
    for m in _T4_HEADER_WORD.finditer(words):
        col = _T4_COLUMN_OF[m.group()]
        if not cols or cols[-1] != col:
            cols.append(col)
    descents = sum(1 for a, b in zip(cols, cols[1:]) if b < a)
    return descents <= 1


def _interleaved_runs(stream: Stream, head: int) -> tuple[list[Run | None], list[Run]] | None:
    """The fifteen cells' runs in order (None where a cell is not read), and the unbroken run of numbers the
    unread cells' numbers are somewhere in (empty when no such run was left out)."""
    chars = stream.chars
    first = head
    while first < len(chars) and not chars[first].isdigit():
        first += 1
    start = chars.rfind("行政复议", head, first)
    if first >= len(chars) or first - start > 200 or any(ch not in _T4_HEADER_CHARS for ch in chars[start:first]):
        return None
    got = _t4_numbers(stream, first, least=14)
    if got is None:
        return None
    runs, stray, settled = got
    if len(runs) not in (14, 15) or not all(_whole(r.digits) for r in runs) or (stray and len(runs) != 15):
        return None
    if "维持" not in chars[start:runs[4].start]:  # 表四's header: before the numbers or among the first block's
        return None
    if len(runs) == 15:
        # numbers from ``settled`` on may be another table's: their blocks are not read (noted unreadable)
        slots: list[Run | None] = [*runs[:settled], *([None] * (15 - settled))]
        loose = [*runs[settled:], *_run_from(stream, runs[-1].end)] if settled < 15 else []
        return (slots, loose) if _blocks_add_up([None if r is None else int(r.digits) for r in slots]) else None
    if settled < 15:
        return None
    lost = _one_cell_lost(runs)
    return None if lost is None else (lost, [])


def _blocks_add_up(vals: list[int | None]) -> bool:
    """Each block of five whose cells are all there has its four results summing to its 总计."""
    blocks = [vals[k:k + 5] for k in range(0, 15, 5)]
    return all(sum(v for v in blk[:4] if v is not None) == blk[4] for blk in blocks if None not in blk)


def _one_cell_lost(runs: list[Run]) -> list[Run | None] | None:
    """Fourteen numbers for fifteen cells (a converter lost one, or one was left blank): every place the
    missing cell may have had, kept where each block with all its cells adds up. When every such place is
    in one block, the other two blocks are the same in all of them and are read; that block stays null.
    Places in more than one block (a table of zeros, say): nothing is read."""
    vals = [int(r.digits) for r in runs]
    fits = [k for k in range(15) if _blocks_add_up([*vals[:k], None, *vals[k:]])]
    if not fits or len({k // 5 for k in fits}) != 1:
        return None
    b = fits[0] // 5
    return [*runs[:b * 5], *([None] * 5), *runs[b * 5 + 4:]]


MAX_FOREIGN = 80  # characters of other text (the next section's lines on a two-column page) among them
MAX_STRAY_NUMBERS = 2  # numbers of that other text taken out from among 表四's
MIN_SURPLUS = 3  # numbers right after 表四's fifteenth that show more numbers than cells (a page number is one)


def _t4_numbers(stream: Stream, first: int, least: int = 15) -> tuple[list[Run], int, int] | None:
    """The first fifteen numbers from ``first`` on, with 表四's header words between them and at most
    ``MAX_FOREIGN`` characters of other words with no digit (pdf-oxide-md writes the next section's first
    lines among the table's on a two-column page), and how many numbers were left out. 表四 counts cases:
    a decimal there is two cells that a converter joined with a point (``72.64``).

    Other words and no header word before the next number end the table, unless fewer than ``least``
    numbers were read: then the numbers that follow other words before any header word are that text's
    (pdf-oxide-md: ``… 6 4 0 五、存在的主要问题及改进情况 0 41 行政诉讼 直接起诉 … 1 1 6``, the 0 the fee of 表二, 41 a
    cell of 表三), left out, at most ``MAX_STRAY_NUMBERS``; the caller reads such a table only when its
    three blocks add up.

    The third item: from which of the fifteen the numbers are not settled as 表四's (15: all are). When
    ``MIN_SURPLUS`` numbers or more follow the fifteenth with no word between (pdfminer writes a page's
    boxes out of order: 表三's last rows after 表四's header words), the last unbroken run of numbers
    holds more than the cells left, and which of them are 表四's the text does not say."""
    chars = stream.chars
    out: list[Run] = []
    foreign = 0
    stray = 0
    suspect = False  # after other words, before a header word
    seg = 0  # where the last unbroken run of numbers (no word between them) began among ``out``
    i = first
    while len(out) < 15:
        runs = runs_between(stream, i, min(len(chars), i + 12))
        if not runs or runs[0].start != i:
            return None
        run = runs[0]
        j = run.end
        if suspect:
            stray += 1
            if stray > MAX_STRAY_NUMBERS or chars[j:j + 1] in _PROSE_UNITS:
                return None
        elif "." in run.digits:
            a, _, b = run.digits.partition(".")
            out += [Run(a, run.start, run.start + len(a)), Run(b, run.end - len(b), run.end)]
        else:
            out.append(run)
        if chars[j:j + 1] in _PROSE_UNITS:
            return None  # 「3 件」: a count in prose, not a cell
        other = False
        header_tail = 0  # header characters since the last other word
        while j < len(chars) and not chars[j].isdigit():
            if chars[j] == "。":  # a sentence: prose, not a table's line
                return (out, stray, 15) if len(out) >= least else None
            if chars[j] in _T4_HEADER_CHARS:
                header_tail += 1
            else:
                foreign += 1
                other = True
                header_tail = 0
            j += 1
        if foreign > MAX_FOREIGN:
            return (out, stray, 15) if len(out) >= least else None
        if other and header_tail < 2:
            # other words, and no header word of the table's before the next number: the table ended, or
            # (fewer numbers than it has cells) the other text's numbers stand among it
            if len(out) >= least:
                return out, stray, 15
            suspect = True
        elif header_tail >= 2:
            suspect = False
        if j >= len(chars):
            break
        if j > run.end:  # words between this number and the next: the next starts a new unbroken run
            seg = len(out)
        elif len(out) >= 15 and _more_numbers(stream, j, MIN_SURPLUS):
            return out, stray, seg
        i = j
    return out, stray, 15


def _more_numbers(stream: Stream, at: int, n: int) -> bool:
    """``n`` numbers from ``at`` on with no word between them."""
    return len(_run_from(stream, at, n)) == n


def _run_from(stream: Stream, at: int, most: int = 60) -> list[Run]:
    """The numbers from ``at`` on with no word between them (at most ``most``)."""
    out: list[Run] = []
    i = at
    while len(out) < most:
        runs = runs_between(stream, i, min(len(stream.chars), i + 12))
        if not runs or runs[0].start != i:
            break
        out.append(runs[0])
        i = runs[0].end
    return out


MAX_ORPHANS = 3  # cells a row may have lost to the labels written after the table


def _orphans(stream: Stream, occ: list[tuple[int, int, int]], rows, hi: int) -> list[Run] | None:
    """The numbers written with the labels after the table (pdf-oxide: ``一、本年新收… 二、上年结转…
    （一）予以公开 5 41``): the runs after a run of at least two labels standing together with no number
    between them, up to the next label or 表四, when no other number stands after that run of labels.
    They are not the last label's numbers (its row has its own further up): they are cells a row of the
    table lost, written here because its long label covered them on the page."""
    # the labels after the table: every row label and number of the table stands before them
    total_at = max((o[0] for o in occ if rows[o[2]].key == "total_processed"), default=None)
    if total_at is None:
        return None
    for n in range(len(occ) - 1):
        if occ[n][0] < total_at:
            continue
        if runs_between(stream, occ[n][1], occ[n + 1][0], rows[occ[n + 1][2]].number):
            continue
        runs = runs_between(stream, occ[n][1], hi)
        if not runs:
            return None
        # the numbers stand after the last label of the run of labels, and nothing else does
        k = n + 1
        while k + 1 < len(occ) and not runs_between(stream, occ[k][1], occ[k + 1][0], rows[occ[k + 1][2]].number):
            k += 1
        own = [r for r in runs if r.start >= occ[k][1]]
        nxt = occ[k + 1][0] if k + 1 < len(occ) else hi
        if len(own) != len(runs) or any(r.start >= nxt for r in runs):
            return None
        if not 1 <= len(runs) <= MAX_ORPHANS or not all(_whole(r.digits) for r in runs):
            return None
        return runs
    return None


def _whole(digits: str) -> bool:
    return digits.isdigit() and len(digits) <= 6 and (digits == "0" or digits[0] != "0")


def _labelled_region(found: Found, stream: Stream):
    """表三's region and its row labels, when every row of the format is labelled there in order."""
    region = _region(stream.chars)
    if region is None:
        return None
    lo, hi = region
    rows = _t3_rows(stream.chars, lo, hi)
    keys = _format_keys(found)
    if [r.key for r in rows] != keys:
        return None
    return lo, hi, rows, keys


def fill_orphan_cells(found: Found, stream: Stream) -> None:
    """A row of 表三 that came out short (five numbers for seven cells) takes the numbers written with
    the labels after the table, when exactly one placement of them among its cells (any positions,
    any order) keeps its own sum and every column sum it takes part in, each checked against the other
    rows as read. Several placements that fit: null, with the alternatives in the note (L-03)."""
    labelled = _labelled_region(found, stream)
    if labelled is None:
        return
    lo, hi, rows, keys = labelled
    occ = _occurrences(stream.chars, rows, lo, hi)
    orphans = _orphans(stream, occ, rows, hi)
    if not orphans:
        return
    cons = _t3_constraints(keys)
    val = {p: v.value for p, v in found.values.items() if v.value is not None}
    short: list[tuple[str, list[str], list[Run]]] = []  # rows whose numbers and the orphans make seven
    suspect: list[str] = []
    for n, (_s, e, i) in enumerate(occ):
        row = f"requests.{keys[i]}"
        cells = [f"{row}.{c}" for c in T3_COLUMN_KEYS]
        if any(r == row for r, _c, _s2 in short) or (row in found.certain and all(p in val for p in cells)):
            continue
        if not (occ[n + 1:] and occ[n + 1][0] <= orphans[0].start):
            continue
        seen = runs_between(stream, e, occ[n + 1][0])
        if not seen or len(seen) + len(orphans) != _WIDTH or not all(_whole(r.digits) for r in seen):
            continue
        if all(p in val for p in cells):
            # read whole by cutting a number (``22`` as 2|2) where the row has fewer numbers than cells:
            # kept only when the column sums confirm that reading
            checks = [sum_holds(k, val) for k in cons
                      if set(cells) & {*k[0], *k[1]} and not all(x in cells for x in (*k[0], *k[1]))]
            if any(h is True for h in checks) and not any(h is False for h in checks):
                continue
            suspect.append(row)
        short.append((row, cells, seen))
    if not short:
        return
    trial = {p: v for p, v in val.items() if p.rsplit(".", 1)[0] not in suspect}
    fits: list[tuple[str, list[Run]]] = []
    for row, cells, seen in short:
        for order in _perms(orphans):
            for slots in _combos(_WIDTH, len(orphans)):
                it, placed = iter(order), []
                rest = iter(seen)
                for k in range(_WIDTH):
                    placed.append(next(it) if k in slots else next(rest))
                if _placement_fits(row, cells, placed, trial, cons):
                    fits.append((row, placed))
    distinct = {(r, tuple(int(x.digits) for x in p)) for r, p in fits}
    filled = None
    if len(distinct) > 1:
        alts = sorted(v for _r, v in distinct)
        row = sorted({r for r, _v in distinct})[0]
        found.notes.append(("ambiguous", row, "表格后的数字 " + " ".join(r.digits for r in orphans)
                            + " 可补入的位置不止一种：" + "；".join("/".join(map(str, a)) for a in alts[:6]), None))
    elif distinct:
        filled, placed = fits[0]
        for c, run in zip(T3_COLUMN_KEYS, placed):
            found.values[f"{filled}.{c}"] = Value(int(run.digits), piece_cell(stream, run.start, run.end))
        found.notes.append(("decoded", filled, " ".join(r.digits for r in placed)[:60], None))
    for row in suspect:
        if row == filled:
            continue
        for c in T3_COLUMN_KEYS:
            p = f"{row}.{c}"
            found.values[p] = Value(None, found.values[p].cell)
        # (the reason in words, the row's numbers as printed the note's text: L-03 shows them as 实为)
        shown = printed(r.shown for r in next(seen for r_, _c, seen in short if r_ == row))
        found.notes.append(("unreadable", row, Reason("该行数字少于格数，拆分数字后的读法与列合计不符，且表格后另有数字", shown),
                            None))


def fill_displaced_rows(found: Found, stream: Stream) -> None:
    """Rows of 表三 still empty whose labels stand together, their numbers after them (docling-rs:
    ``5.要求…确认 1.申请人…逾期不补正 2.…缴纳费用 3.其他 37 4 37 14 … 189 3 55 … 125``), where the converter
    pulled one number out of its place (here 其他's first cell, written before the rows above it). The
    numbers are read in order with at most one of them moved, and a reading is kept only when it is the
    only one (by values) in which every row adds up and each of its cells keeps a column sum checked
    against the other rows as read."""
    labelled = _labelled_region(found, stream)
    if labelled is None:
        return
    lo, hi, rows, keys = labelled
    val = {p: v.value for p, v in found.values.items() if v.value is not None}
    empty = {k for k in keys if not any(f"requests.{k}.{c}" in val for c in T3_COLUMN_KEYS)}
    if not empty:
        return
    chars = stream.chars
    occ = _occurrences(chars, rows, lo, hi)
    cons = _t3_constraints(keys)
    n = 0
    while n < len(occ):
        m = n
        while (m + 1 < len(occ) and occ[m + 1][2] == occ[m][2] + 1
               and not runs_between(stream, occ[m][1], occ[m + 1][0], rows[occ[m + 1][2]].number)):
            m += 1
        covered = [occ[k][2] for k in range(n, m + 1)]
        stop = occ[m + 1][0] if m + 1 < len(occ) else hi
        nxt = rows[occ[m + 1][2]].number if m + 1 < len(occ) else None
        n = m + 1
        if len(covered) < 2 or not empty & {keys[i] for i in covered}:
            continue
        runs = runs_between(stream, occ[m][1], stop, nxt)
        if len(runs) != _WIDTH * len(covered) or not all(_whole(r.digits) for r in runs):
            continue
        if any(_NUMBERING.search(chars[a.end:b.start]) for a, b in zip(runs, runs[1:]) if b.gap) or any(
                _label_begun_between(chars[a.end:b.start], rows, covered)
                for a, b in zip(runs[_WIDTH - 1::_WIDTH], runs[_WIDTH::_WIDTH])):
            # another row's numbering among the numbers (LibreOffice's layout text: 「二」/「、上年结转… 0件 … 0件」/
            # 「申请数量」/「三、本年度 （一）予以」/ 0件 … / 「办理结果 公开」, 新收 blank), or another row's label begun
            # between one row's seven numbers and the next seven (PyMuPDF sort, the same page): the numbers stand by
            # their own rows' labels, not after a run of labels, and the rows here with no number are blank (a label's
            # wrapped tail among them, 「处理的，只计这一情形…」, is no such mark)
            continue
        _fill_moved(found, stream, [keys[i] for i in covered], runs, val, cons)


# a row's numbering in Stream.chars (NFKC): 「三、」, 「(一)」, 「1.」
_NUMBERING = re.compile(r"[一二三四五六七八九十][、.]|\([一二三四五六七八九十]\)|\d[.、]")


def _label_begun_between(chars: str, rows, covered: list[int]) -> bool:
    """``chars`` (between one row's seven numbers and the next seven) end with the first characters of another
    row's label than these (「申请数量三、本年度（一）予以」): the next seven are that row's. A covered row's label
    going on (「处理的，只计这一情形…」) is no other label."""
    words = chars.rstrip("件个条项次")
    return any(begun(words, rows[i]) for i in range(len(rows)) if i not in covered)


MAX_MOVED_RUNS = 6 * _WIDTH  # a longer stretch has too many ways to move one number to trust one


def _fill_moved(found: Found, stream: Stream, covered: list[str], runs: list[Run], val: dict, cons) -> None:
    if len(runs) > MAX_MOVED_RUNS:
        return
    paths = [f"requests.{k}.{c}" for k in covered for c in T3_COLUMN_KEYS]
    own = set(paths)
    fits: dict[tuple[int, ...], list[Run]] = {}
    orders = [list(runs)]
    for a in range(len(runs)):
        for b in range(len(runs)):
            if a != b:
                moved = [r for k, r in enumerate(runs) if k != a]
                moved.insert(b, runs[a])
                orders.append(moved)
    for order in orders:
        nums = [int(r.digits) for r in order]
        if any(sum(nums[k:k + 6]) != nums[k + 6] for k in range(0, len(nums), _WIDTH)):
            continue
        if any(p in val and val[p] != v for p, v in zip(paths, nums)):
            continue
        trial = {**val, **dict(zip(paths, nums))}
        ok = True
        for p in paths:
            cross = [c for c in cons if p in (*c[0], *c[1]) and not all(x in own for x in (*c[0], *c[1]))]
            checks = [h for c in cross if (h := sum_holds(c, trial)) is not None]
            if not checks or not all(checks):
                ok = False
                break
        if ok:
            fits.setdefault(tuple(nums), order)
    if len(fits) != 1:
        if len(fits) > 1:
            alts = sorted(fits)
            found.notes.append(("ambiguous", f"requests.{covered[0]}", "标签成组、数字移位的几行可有多种读法："
                                + "；".join("/".join(map(str, a)) for a in alts[:6]), None))
        return
    order = next(iter(fits.values()))
    for p, run in zip(paths, order):
        found.values[p] = Value(int(run.digits), piece_cell(stream, run.start, run.end))
    for k in covered:
        found.notes.append(("decoded", f"requests.{k}", " ".join(r.digits for r in order)[:60], None))


def confirm_placed_rows(found: Found, placed: set[str]) -> None:
    """Rows placed by a reading whose own sums cannot tell a number moved inside a row (the columnar
    reading of a run of labels: ``14 4 0 24 20 27 89`` adds up as printed and as 4 0 24 20 27 14): each of
    their cells must keep the column sums it can be checked by against the whole table. In a column
    where one fails, their cells are null (the row may be right and another row a printed defect:
    null, never a guess)."""
    if not placed:
        return
    keys = _format_keys(found)
    cons = _t3_constraints(keys)
    val = {p: v.value for p, v in found.values.items() if v.value is not None}
    for row in sorted(placed):
        bad = []
        for c in T3_COLUMN_KEYS:
            p = f"{row}.{c}"
            if p not in val:
                continue
            cross = [k for k in cons if p in (*k[0], *k[1]) and not all(x.startswith(row + ".") for x in (*k[0], *k[1]))]
            if any(sum_holds(k, val) is False for k in cross):
                bad.append(p)
        for p in bad:
            found.values[p] = Value(None, found.values[p].cell)
        if bad:
            shown = printed(found.values.get(f"{row}.{c}") for c in T3_COLUMN_KEYS)
            found.notes.append(("unreadable", row, Reason("按列读出的数与列合计对不上（数字可能在行内移位）", shown), None))


def _perms(runs: list[Run]) -> list[list[Run]]:
    return [list(p) for p in permutations(runs)]


def _combos(n: int, k: int) -> list[set[int]]:
    return [set(c) for c in combinations(range(n), k)]


def _placement_fits(row: str, cells: list[str], placed: list[Run], val: dict, cons) -> bool:
    """The row's values agree with what was read of it, its applicant columns sum to its 总计, and each
    of its cells takes part in a column sum that can be checked against the other rows and holds."""
    nums = [int(r.digits) for r in placed]
    if any(p in val and val[p] != v for p, v in zip(cells, nums)):
        return False
    if sum(nums[:-1]) != nums[-1]:
        return False
    trial = {**val, **dict(zip(cells, nums))}
    for p in cells:
        cross = [c for c in cons if p in (*c[0], *c[1]) and not all(x.startswith(row + ".") for x in (*c[0], *c[1]))]
        checks = [h for c in cross if (h := sum_holds(c, trial)) is not None]
        if not checks or not all(checks):
            return False
    return True


def _format_keys(found: Found) -> list[str]:
    """The rows of the table's format (2019 has one 其他处理 row)."""
    rows = T3_ROWS_2019 if any(p.startswith("requests.other_total.") for p in found.values) else T3_ROWS_2021
    return [r.key for r in rows]


# ---- a run of labels, then the rows' numbers, one row per line ---------------------------------
MAX_BLANK_ROWS = 3  # rows a run of labels may have more than lines of numbers (blank rows left no line)
MIN_LABELS_FIRST = 3  # labels in a run before their numbers are read as rows in the labels' order


def _label_runs(stream: Stream, occ: list[tuple[int, int, int]], rows) -> list[list[tuple[int, int, int]]]:
    """Runs of labels of consecutive rows in the format's order with no number between them."""
    out: list[list[tuple[int, int, int]]] = []
    cur: list[tuple[int, int, int]] = []
    for o in occ:
        if cur and o[2] == cur[-1][2] + 1 and not runs_between(stream, cur[-1][1], o[0], rows[o[2]].number):
            cur.append(o)
            continue
        if len(cur) >= MIN_LABELS_FIRST:
            out.append(cur)
        cur = [o]
    if len(cur) >= MIN_LABELS_FIRST:
        out.append(cur)
    return out


def _number_lines(stream: Stream, start: int, rest: int, decimals: bool = False,
                  header: re.Pattern[str] | None = None) -> list[list[Run]] | None:
    """The lines of numbers right after a run of labels (up to the first word after a number), each a
    list of whole counts; None when words other than the rest of the last label stand before them, or
    when a number is not one count (a decimal, a leading zero, more than six digits: cells glued).
    ``header``: words that may stand between them too (表二: the next sub-table's header, docling-rs)."""
    chars, where, text = stream.chars, stream.where, stream.text
    i = start
    while i < len(chars) and not chars[i].isdigit():
        i += 1
    if i >= len(chars):
        return None
    if i - start > rest + 2 and (header is None or header.sub("", chars[start + rest:i])):
        return None
    j = i
    while j < len(chars) and (chars[j].isdigit() or chars[j] in ",，" or (
            decimals and chars[j] in ".．" and j + 1 < len(chars) and chars[j + 1].isdigit())):
        j += 1
    runs = runs_between(stream, i, j)
    if not runs or not all(_whole(r.digits) or (decimals and (_decimal(r.digits) or _t2_count(r.digits))) for r in runs):
        return None
    lines: list[list[Run]] = [[runs[0]]]
    for a, b in zip(runs, runs[1:]):
        if "\n" in text[where[a.end - 1] + 1:where[b.start]]:
            lines.append([])
        lines[-1].append(b)
    return lines


def decode_labels_first(stream: Stream) -> Decoded | None:
    """表三 written as a run of row labels and then the rows' numbers, one row per line (a text layer
    read column by column, python-docx's cells with the label column first): each line of seven
    numbers is the next row of the run, in the format's order. Lines of another length, or more lines
    than labels, are not read here. A blank row leaves no line: with fewer lines than labels, every
    choice of the blank rows (at most ``MAX_BLANK_ROWS``) is a reading, the blank rows counted as zero,
    and the format's sums keep those that fit; a cell gets a value only when every reading that fits
    gives it the same one (a blank row is null), otherwise it stays null and the readings are listed
    (L-03). With as many lines as labels there is one reading: it stands as printed, whether or not
    its sums hold (the audit reports a printed defect). Seven labels and seven lines may also be seven
    columns written one after another: the row reading stands only where the sums prefer it."""
    found = _t3_labels(stream.chars)
    if found is None:
        return None
    _lo, _hi, rows, occ = found
    keys = [r.key for r in rows]
    cons = _t3_constraints(keys)
    dec = Decoded()
    for run in _label_runs(stream, occ, rows):
        last = rows[run[-1][2]]
        rest = len(core(last.label)) - (run[-1][1] - run[-1][0])
        lines = _number_lines(stream, run[-1][1], max(rest, 0))
        if lines is None or any(len(line) != _WIDTH for line in lines) or len(lines) > len(run):
            continue
        covered = [keys[i] for _s, _e, i in run]
        blanks = len(run) - len(lines)
        if blanks > MAX_BLANK_ROWS:
            continue
        fits: list[dict[str, Run | None]] = []
        for skip in combinations(range(len(run)), blanks):
            it = iter(lines)
            cells: dict[str, Run | None] = {}
            for n, k in enumerate(covered):
                line: list[Run | None] = [None] * _WIDTH if n in skip else list(next(it))
                for c, r in zip(T3_COLUMN_KEYS, line):
                    cells[f"requests.{k}.{c}"] = r
            fits.append(cells)
        if blanks or len(run) == _WIDTH:
            scored = []
            for cells in fits:
                val = {p: (int(r.digits) if r is not None else 0) for p, r in cells.items()}
                held = [sum_holds(c, val) for c in cons]
                scored.append((sum(1 for h in held if h is False), cells))
            if blanks:  # the sums choose the blank rows: only readings where none fails
                fits = [cells for bad, cells in scored if bad == 0]
            elif len(run) == _WIDTH:
                # the same 49 numbers read as columns: the rows stand only where they fail fewer sums
                cols = [[lines[c][r] for c in range(_WIDTH)] for r in range(_WIDTH)]
                val = {f"requests.{k}.{c}": int(cols[n][m].digits)
                       for n, k in enumerate(covered) for m, c in enumerate(T3_COLUMN_KEYS)}
                if sum(1 for c in cons if sum_holds(c, val) is False) <= scored[0][0]:
                    fits = []
        if not fits:
            continue
        paths = list(fits[0])
        differ = []
        for p in paths:
            got = {_count(f[p]) for f in fits}
            if len(got) == 1:
                r = fits[0][p]
                if r is not None:
                    dec.values[p] = Piece(int(r.digits), r.start, r.end, r)
            else:
                differ.append(p)
        for k in covered:  # per row: its cells the readings disagree on, and their readings
            mine = [p for p in differ if p.rsplit(".", 1)[0] == f"requests.{k}"]
            if mine:
                alts: list[tuple[int | float, ...]] = sorted(
                    {tuple(-1 if (v := _count(f[p])) is None else v for p in mine) for f in fits})
                dec.ambiguous.append((mine, alts))
        flat = [r for line in lines for r in line]
        for k in covered:
            dec.rows[f"requests.{k}"] = flat
    return dec if dec.values or dec.ambiguous else None


def _count(run: Run | None) -> int | None:
    return None if run is None else int(run.digits)


def _t2_count(digits: str) -> bool:
    """A count of 表二 (a city's 行政处罚 runs to millions: up to nine digits, no leading zero)."""
    return digits.isdigit() and len(digits) <= T2_CELL_DIGITS and (digits == "0" or digits[0] != "0")


def _decimal(digits: str) -> bool:
    whole, dot, frac = digits.partition(".")
    return bool(dot) and _whole(whole) and 0 < len(frac) <= MAX_FRACTION and frac.isdigit()


# a 表二 sub-table's header: 第二十条第（八）项 信息内容 本年收费金额（单位：万元）, in the compact (NFKC) text
_T2_HEADER = re.compile("|".join(re.escape(w) for w in (
    Format.T2_ITEM_HEADER, "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "(单位:万元)",
    "单位:万元", "(", ")")) + "|" + _ARTICLE.pattern)


def decode_active_labels_first(stream: Stream, fmt: str) -> Decoded | None:
    """表二 written as each sub-table's item labels and then their numbers, one item per line: with as
    many lines as labels, line n is the n-th item's, read when it has one number per column (fewer:
    blank cells dropped, which ones is not known: null; and nothing of the run is read when such a line may hold
    a piece of its neighbour's number, ``_pieces_over_lines``). Fewer lines than labels: a blank item left no
    line, and 表二 has no sums to say which: nothing is read."""
    labels = active_labels(stream.chars, fmt)
    if labels is None:
        return None
    items, _hi, found = labels
    dec = Decoded()
    k = 0
    while k < len(found):
        m = k
        while (m + 1 < len(found) and found[m + 1][0] == found[m][0] + 1
               and not runs_between(stream, found[m][2], found[m + 1][1], blanks=True)):
            # a blank cell's mark after a label is its row's, in order (「行政许可 - … 行政处罚 6 7」)
            m += 1
        run = found[k:m + 1]
        k = m + 1
        if len(run) < 2:
            continue
        last = items[run[-1][0]]
        if k < len(found) and items[found[k][0]].article == last.article:
            # a label of the last item's sub-table after the numbers (「行政许可」, 第（六）项, 「行政处罚」「2」「1」,
            # 「行政强制」「1」「06」): that sub-table is written row by row, its labels not first; the numbers after
            # 行政处罚 are its own (21 in pieces), not 行政许可's and 行政处罚's
            continue
        rest = len(last.label) - (run[-1][2] - run[-1][1])
        lines = _number_lines(stream, run[-1][2], max(rest, 0), decimals=True, header=_T2_HEADER)
        if (lines and lines[0] and len({items[n].article for n, _s, _e in run}) > 1
                and len({r.digits for line in lines for r in line}) > 1
                and _after_later_article(stream.chars[run[-1][2]:lines[0][0].start], items, last)):
            # labels of two sub-tables, then their numbers past a later sub-table's heading (pdfminer: 「行政许可」
            # 「第二十条第（六）项」「行政处罚」「行政强制」「第二十条第（八）项」「19」「7」「52」, 52 行政许可's, s06829): each
            # sub-table's boxes in the order the page's layout groups them, not the items'. (One sub-table's items keep
            # their order there in real reports, pdfminer's and docling-rs' huaian2024: 「行政处罚」「行政强制」「第二十条
            # 第（八）项」「本年处理决定数量」「3985758」「88283」; pdfminer reversed such a pair on s06669, left as it is.)
            # All the same number: any order is the same
            continue
        if lines is not None and len(lines) != len(run):
            _rows_or_columns(dec, [items[n] for n, _s, _e in run], lines)
        if lines is None or len(lines) != len(run):
            continue
        if any(len(line) > max(len(items[n].columns), 1) for line, (n, _s, _e) in zip(lines, run)):
            continue  # more numbers than the item has cells: not these items' lines
        if _pieces_over_lines(lines, [max(len(items[n].columns), 1) for n, _s, _e in run]):
            continue
        for line, (n, _s, _e) in zip(lines, run):
            it = items[n]
            paths = [f"active.{it.key}.{c.key}" for c in it.columns] if it.columns else [f"active.{it.key}"]
            dec.rows[f"active.{it.key}"] = line
            if len(line) != len(paths):
                dec.unreadable.append(f"active.{it.key}")
                continue
            for p, r in zip(paths, line):
                v = float(r.digits) if "." in r.digits else int(r.digits)
                dec.values[p] = Piece(v, r.start, r.end, r)
    return dec if dec.values or dec.ambiguous else None


def _rows_or_columns(dec: Decoded, items: list, lines: list) -> None:
    """Items of one width, then their numbers one a line, as many as their cells (docling-rs: 「规章」「行政规范性
    文件」 then 1 / 0 / 11 / 8 / 26 / 66): written row by row or column by column, the text does not say. The
    readings of each item where they differ (L-03); no value."""
    width = len(items[0].columns)
    if width < 2 or any(len(it.columns) != width for it in items) or any(len(line) != 1 for line in lines):
        return
    h = len(items)
    if len(lines) != h * width:
        return
    nums = [float(ln[0].digits) if "." in ln[0].digits else int(ln[0].digits) for ln in lines]
    for r, it in enumerate(items):
        by_rows = tuple(nums[r * width + c] for c in range(width))
        by_columns = tuple(nums[c * h + r] for c in range(width))
        if by_rows != by_columns:
            dec.ambiguous.append(([f"active.{it.key}.{c.key}" for c in it.columns], sorted({by_rows, by_columns})))


def _pieces_over_lines(lines: list[list[Run]], widths: list[int]) -> bool:
    """A line with fewer numbers than its item's cells next to a line whose number it may be a piece of: the
    last number of the one and the first of the next make a count (「1」「2」 for 12: 「行政规范性文件」 blank and
    「行政许可」 12 read as 1 and 2; 「0」「0 0 0」 is no such pair, 00 is no count)."""
    for k in range(len(lines) - 1):
        if len(lines[k]) >= widths[k] and len(lines[k + 1]) >= widths[k + 1]:
            continue
        a, b = lines[k][-1].digits, lines[k + 1][0].digits
        if a.isdigit() and b.isdigit() and a[0] != "0":
            return True
    return False


def fill_active_labels_first(found: Found, stream: Stream, fmt: str) -> None:
    """Items of 表二 still without a value, from the labels-first reading, when it agrees with every
    value already read."""
    dec = decode_active_labels_first(stream, fmt)
    if dec is None:
        return
    for p, piece in dec.values.items():
        v = found.values.get(p)
        if v is not None and v.value is not None and v.value != piece.value:
            return
    for row in sorted(dec.rows):
        if row in found.certain or any(v.value is not None for p, v in found.values.items()
                                       if p == row or p.startswith(row + ".")):
            continue
        got = {p: piece for p, piece in dec.values.items() if p == row or p.startswith(row + ".")}
        if not got:
            continue
        for p, piece in got.items():
            found.values[p] = Value(piece.value, piece_cell(stream, piece.start, piece.end))
        found.notes[:] = [n for n in found.notes if not (n[0] in ("unreadable", "ambiguous") and n[1] == row)]
        found.notes.append(("decoded", row, " ".join(r.digits for r in dec.rows[row])[:60], None))
    noted = {n[1] for n in found.notes if n[0] in ("unreadable", "ambiguous")}
    for paths, alts in dec.ambiguous:
        row = paths[0].rsplit(".", 1)[0]
        if row in found.certain or row in noted or any(
                (v := found.values.get(p)) is not None and v.value is not None for p in paths):
            continue
        found.notes.append(("ambiguous", row, f"标签在前、数字一个一行，按行还是按列写出原文没有说明：{names(paths)}："
                                             f"{alternatives_text(paths, alts)}", None))


def fill_labels_first(found: Found, stream: Stream) -> None:
    """Rows of 表三 still without a value, from the labels-first reading, when it agrees with every
    value already read; its ambiguous cells in those rows get the L-03 note."""
    dec = decode_labels_first(stream)
    if dec is None:
        return
    for p, piece in dec.values.items():
        v = found.values.get(p)
        if v is not None and v.value is not None and v.value != piece.value:
            return  # another reading of the same characters disagrees: neither is trusted further
    rows = sorted(dec.rows)
    empty = [r for r in rows if r not in found.certain and not any(
        (v := found.values.get(f"{r}.{c}")) is not None and v.value is not None for c in T3_COLUMN_KEYS)]
    if not empty:
        return
    filled = set()
    for r in empty:
        cells = [f"{r}.{c}" for c in T3_COLUMN_KEYS]
        got = [dec.values.get(p) for p in cells]
        for p, one in zip(cells, got):
            if one is not None:
                found.values[p] = Value(one.value, piece_cell(stream, one.start, one.end))
        if any(g is not None for g in got):
            filled.add(r)
    amb = {row: (paths, alts) for paths, alts in dec.ambiguous if (row := paths[0].rsplit(".", 1)[0]) in empty}
    note_rows(found, filled, amb, "标签在前、数字成行在后，哪几行空白不止一种读法")


__all__ = ["decode_active_labels_first", "decode_appeals_interleaved", "decode_labels_first", "fill_active_labels_first", "decode_requests_detached", "fill_detached_rows",
           "fill_displaced_rows", "fill_labels_first",
           "fill_orphan_cells", "confirm_placed_rows", "sums_exceeded"]
