"""The notes a 表三 reader after the decoder leaves on the rows it reads: decoded, or several readings (L-03).

The readers that fill rows the first readings left empty (labels first, stray rows, fused rows) each drop
the rows' earlier 'unreadable'/'ambiguous' notes, note the rows they filled as decoded and list the
readings of the cells they could not settle; they say so in their own words, in the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..format import T3_COLUMN_KEYS
from ..format.names import cell_name
from .decoder import alternatives_text
from .tables import Found


def names(paths: list[str]) -> str:
    """'「自然人」「商业企业」': the cells by their column names."""
    out = []
    for p in paths:
        name = cell_name(p)
        out.append(name[name.rfind("「"):name.rfind("」") + 1] if "「" in name else p.rsplit(".", 1)[-1])
    return "".join(out)


def note_rows(found: Found, filled: Iterable[str], alternatives: Mapping[str, tuple[list[str], Sequence[tuple]]],
              wording: str, touched: Iterable[str] = ()) -> None:
    """``filled``: 表三 rows just given values; ``alternatives``: row -> (its cells, their readings) where
    the readings differ; ``touched``: other rows the reader read. Their earlier unreadable/ambiguous notes
    go; each filled row gets a decoded note (its values as read now), each row with alternatives a note
    in the reader's ``wording``, naming the cells and listing the readings."""
    rows = sorted(filled)
    gone = {*rows, *alternatives, *touched}
    found.notes[:] = [n for n in found.notes if not (n[0] in ("unreadable", "ambiguous") and n[1] in gone)]
    for row in rows:
        shown = [str(v.value) for c in T3_COLUMN_KEYS
                 if (v := found.values.get(f"{row}.{c}")) is not None and v.value is not None]
        found.notes.append(("decoded", row, " ".join(shown)[:60], None))
    for row, (paths, alts) in sorted(alternatives.items()):
        # a negative reading is a blank cell (the labels-first reading's row that left no line): 空
        shown_alts = [tuple("空" if v < 0 else v for v in a) for a in alts]
        found.notes.append(("ambiguous", row, f"{wording}：{names(paths)}：{alternatives_text(paths, shown_alts)}",
                            None))


__all__ = ["names", "note_rows"]
