"""表三 cells a reader left with several readings of the same characters, settled by the whole table's sums.

A reader that places numbers by their order (the columns' reader, the row-order decoder) names the readings it
could not tell apart (「商业企业」「科研机构」: 385/0；0/385) and leaves the cells null. It sees only its own rows;
the sums that settle them may run through rows other readers read (a column's outcome rows to （七）总计, 新收 +
结转 = （七）总计 + 结转下年度). After every reader, a reading is taken when it is the only one that makes every sum
its rows are in hold, each of those sums with every cell known. Arithmetic chooses among readings of the
characters the text printed; it never makes a number up, and a table whose sums fail for every reading keeps
its cells null.
"""

from __future__ import annotations

from ..ingest import Cell
from .outofstep import holds
from .reason import Reason
from .tables import Found
from .values import Value


def _cells(values: tuple, numbers: list[tuple[str, Cell]]) -> list[Cell] | None:
    """Each value's characters: the first of the row's numbers not yet taken that reads so (None when one has none)."""
    taken: set[int] = set()
    out = []
    for v in values:
        k = next((k for k, (digits, _c) in enumerate(numbers) if k not in taken and digits == str(v)), None)
        if k is None:
            return None
        taken.add(k)
        out.append(numbers[k][1])
    return out


_CHOSEN = "这几格的数字有几种排法（{}），只有这一种使表三各行、各列的合计都成立"


def choose_alternatives(found: Found) -> None:
    """Fill the cells of ``found.alternatives`` whose one reading makes every sum they are in hold."""
    if not found.alternatives or not found.values:
        return
    fid = found.t3_format()
    read = {p: v.value for p, v in found.values.items()}
    for paths, alts, numbers in found.alternatives:
        if not paths[0].startswith("requests.") or any(read.get(p) is not None for p in paths):
            continue  # (another reader settled some of them since)
        rows = {p.split(".")[1] for p in paths}
        # (a row left blank is read -1: 0 in the sums, so it never tells a blank row from one of 0s)
        fits = [alt for alt in alts if holds({**read, **dict(zip(paths, (max(v, 0) for v in alt)))}, fid, rows)]
        if len(fits) != 1 or min(fits[0]) < 0:
            continue
        cells = _cells(fits[0], numbers)
        if cells is None:
            continue
        for p, v, c in zip(paths, fits[0], cells):
            found.values[p] = Value(v, c)
            read[p] = v
        shown = "；".join("/".join(str(v) for v in alt) for alt in alts)
        row = paths[0].rsplit(".", 1)[0]
        found.notes[:] = [n for n in found.notes if not (n[0] == "ambiguous" and n[1] == row)]
        found.notes.append(("decoded", row, Reason(_CHOSEN.format(shown), " ".join(str(v) for v in fits[0])), None))
