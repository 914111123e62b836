"""表三 rows an OCR engine fused into one line: two or three rows' labels, then all their numbers.

An OCR engine that groups its boxes into lines by height puts two rows that sit close on the page on one
line, their cells sorted left to right: each column's cells stand together, in no known order
(rapidocr, huaian2024: ``2. 其他法律行政法规禁止公开`` / ``3. 危及“三安全一稳定” 30 5 0 1 0 0 0 0 0 0 0 0 31 5``
is 30 1 0 0 0 0 31 and 5 0 0 0 0 0 5). Such a line is read here when the rows' labels stand together with
no number between them, and the numbers after the last, all on one line, are exactly seven per row, each
one whole:

* the readings are every way to give each column's numbers to the rows (and, should the line hold the
  rows one after another, every way to give the runs of seven to the rows);
* a reading is kept when each row's six applicant columns sum to its 总计 and no sum of the table over
  cells already read fails;
* a cell gets a value when every reading kept gives it the same (a column that is 0 in every fused row);
  the others stay null with the readings listed (L-03). Which row is which the sums rarely say: the rows
  swap in the readings, and only their common cells are read. A value another reading gave such a cell
  (the line's order within a column taken for the rows' order) is dropped where the readings differ.
"""

from __future__ import annotations

from itertools import permutations

from ..format import T3_COLUMN_KEYS
from .decoder import Run, Stream, _t3_constraints, _whole_counts, piece_cell, runs_between
from .detached import _format_keys, _t3_labels, _whole
from .notes import note_rows
from .subtotal import no_sum_fails
from .tables import Found
from .values import Value

_WIDTH = len(T3_COLUMN_KEYS)
MAX_FUSED = 3  # rows one line may hold
MAX_READINGS = 5000  # readings of one line; more: the line is left unread


def _orders(col: list[Run]) -> list[tuple[Run, ...]]:
    """The orders of a column's cells that differ in their numbers (three zeros have one)."""
    seen: dict[tuple[str, ...], tuple[Run, ...]] = {}
    for perm in permutations(col):
        seen.setdefault(tuple(r.digits for r in perm), perm)
    return list(seen.values())


def _readings(runs: list[Run], k: int) -> list[list[list[Run]]] | None:
    """Ways to cut ``k * 7`` runs into ``k`` rows whose applicant columns add up (rows in slot order);
    None when there are more than ``MAX_READINGS``."""
    out: list[list[list[Run]]] = []
    cols = [runs[c * k:(c + 1) * k] for c in range(_WIDTH)]  # each column's cells together
    perms = [_orders(col) for col in cols[:-1]]
    most = [max(int(r.digits) for r in col) for col in cols[:-1]]
    rest = [sum(most[c:]) for c in range(_WIDTH)]  # the most the columns from c on can add to a row

    def walk(c: int, acc: list[tuple[Run, ...]], sums: list[int], target: tuple[Run, ...]) -> bool:
        if c == _WIDTH - 1:
            out.append([[*(acc[x][r] for x in range(c)), target[r]] for r in range(k)])
            return len(out) <= MAX_READINGS
        for perm in perms[c]:
            new = [sums[r] + int(perm[r].digits) for r in range(k)]
            want = [int(t.digits) for t in target]
            if any(new[r] > want[r] or new[r] + rest[c + 1] < want[r] for r in range(k)):
                continue
            if not walk(c + 1, [*acc, perm], new, target):
                return False
        return True

    for target in _orders(cols[-1]):
        if not walk(0, [], [0] * k, target):
            return None
    whole = [runs[r * _WIDTH:(r + 1) * _WIDTH] for r in range(k)]  # the rows one after another
    for order in permutations(whole):
        if all(sum(int(x.digits) for x in row[:-1]) == int(row[-1].digits) for row in order):
            out.append([list(row) for row in order])
    return out


def fill_fused_rows(found: Found, stream: Stream) -> None:
    t3 = _t3_labels(stream.chars)
    if t3 is None:
        return
    lo, hi, rows, occ = t3
    keys: list[str] = []  # the format's rows and their sums: only once a line of fused labels is found
    cons: list[tuple[list[str], list[str]]] = []
    n = 0
    while n < len(occ):
        m = n
        while m + 1 < len(occ) and not runs_between(stream, occ[m][1], occ[m + 1][0], rows[occ[m + 1][2]].number):
            m += 1
        cluster = occ[n:m + 1]
        n = m + 1
        k = len(cluster)
        if not 2 <= k <= MAX_FUSED:
            continue
        stop, nxt = (occ[m + 1][0], rows[occ[m + 1][2]].number) if m + 1 < len(occ) else (hi, None)
        runs = _whole_counts(runs_between(stream, cluster[-1][1], stop, nxt))
        keys = keys or _format_keys(found)
        slots = sorted({rows[i].key for _s, _e, i in cluster}, key=keys.index) if all(
            rows[i].key in keys for _s, _e, i in cluster) else []
        if len(slots) != k or len(runs) != k * _WIDTH or not all(_whole(r.digits) for r in runs):
            continue
        if any(f"requests.{key}" in found.certain for key in slots) or "\n" in stream.text[
                stream.where[runs[0].start]:stream.where[runs[-1].end - 1]]:
            continue  # a row read whole from its own line, or numbers on several lines: not one fused line
        paths = [[f"requests.{key}.{c}" for c in T3_COLUMN_KEYS] for key in slots]
        readings = _readings(runs, k)
        if readings:
            cons = cons or _t3_constraints(keys)
            _fill(found, stream, slots, paths, readings, cons)


def _fill(found: Found, stream: Stream, slots: list[str], paths: list[list[str]],
          readings: list[list[list[Run]]], cons) -> None:
    known = {p: v.value for p, v in found.values.items() if v.value is not None}
    kept = []
    for reading in readings:
        val = dict(known)
        for ps, cells in zip(paths, reading):
            val.update({p: int(r.digits) for p, r in zip(ps, cells)})
        if no_sum_fails(cons, val):  # (a sum over cells not read yet says nothing)
            kept.append(reading)
    if not kept:
        return
    for s, ps in enumerate(paths):
        got = False
        for c, p in enumerate(ps):
            now = found.values.get(p)
            if len({int(rd[s][c].digits) for rd in kept}) == 1:
                run = kept[0][s][c]
                if now is not None and now.value is not None and now.value != int(run.digits):
                    del found.values[p]  # another reading of the same characters disagrees: neither stands
                    continue
                found.values[p] = Value(int(run.digits), piece_cell(stream, run.start, run.end))
                got = True
            elif now is not None:
                # another reader took one order of a column's cells (the line's order) for the rows' order:
                # the sums allow others, so the cell is not known
                del found.values[p]
        row = f"requests.{slots[s]}"
        alts = sorted({tuple(int(r.digits) for r in rd[s]) for rd in kept}, reverse=True)
        note_rows(found, [row] if got else [], {row: (ps, alts)} if len(alts) > 1 else {},
                  f"{len(slots)} 行的数字识别在同一行里，哪个数属于哪一行不止一种读法", touched=[row])


__all__ = ["fill_fused_rows"]
