"""Cells a reader of the text settled (its runs), filled into the found values: only null cells, and nothing where a
value another reading gave disagrees."""

from __future__ import annotations

from ..format import T4_COLUMN_KEYS, T4_GROUP_KEYS
from .decoder import Run, Stream, piece_cell
from .reason import Reason
from .tables import Found
from .values import Value


def fill_runs(found: Found, stream: Stream, got: dict[str, Run]) -> set[str] | None:
    """Fill the null cells of ``got`` (record path -> its run); None, and nothing filled, when a value another reading
    gave any of them disagrees (then neither is trusted further); else the rows given values."""
    for p, r in got.items():
        old = found.values.get(p)
        if old is not None and old.value is not None and old.value != int(r.digits):
            return None
    filled: set[str] = set()
    for p, r in got.items():
        old = found.values.get(p)
        if old is None or old.value is None:
            found.values[p] = Value(int(r.digits), piece_cell(stream, r.start, r.end))
            filled.add(p.rsplit(".", 1)[0])
    return filled


def fill_groups(found: Found, stream: Stream, read: dict[str, list[Run]], why: str) -> None:
    """Fill the null cells of the groups in ``read`` (group key -> its five runs, in the columns' order), unless a
    value another reading gave any of their cells disagrees (then neither is trusted further: nothing is filled).
    The groups filled lose their unreadable/ambiguous notes (and the table's own, once every cell is read) and get a
    ``decoded`` note saying ``why``."""
    filled = fill_runs(found, stream, {f"appeals.{g}.{c}": r for g, runs in read.items()
                                       for c, r in zip(T4_COLUMN_KEYS, runs)})
    if filled is None:
        return
    everything = all((v := found.values.get(f"appeals.{g}.{c}")) is not None and v.value is not None
                     for g in T4_GROUP_KEYS for c in T4_COLUMN_KEYS)
    found.notes[:] = [n for n in found.notes if not (n[0] in ("unreadable", "ambiguous")
                                                     and (n[1] in filled or (everything and n[1] == "appeals")))]
    for g in T4_GROUP_KEYS:
        if f"appeals.{g}" in filled:
            found.notes.append(("decoded", f"appeals.{g}", Reason(why, " ".join(r.digits for r in read[g])), None))


__all__ = ["fill_groups", "fill_runs"]
