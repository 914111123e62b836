"""A count's cell never holds a fraction: 表二 items read out of order (an amount before its count) are not read,
a row read with certainty keeps what it prints (the audit flags it)."""

from __future__ import annotations

from nianbao.extract.settle import _drop_decimal_counts
from nianbao.extract.tables import Found
from nianbao.extract.values import Value
from nianbao.format import Format
from nianbao.ingest import Cell


def _found(projects, amount, certain=False):
    f = Found()
    f.values["active.procurement.projects"] = Value(projects, Cell(str(projects)))
    f.values["active.procurement.amount"] = Value(amount, Cell(str(amount)))
    f.notes.append(("decoded", "active.procurement", "461.42 14", None))
    if certain:
        f.certain.add("active.procurement")
    return f


def test_an_amount_in_the_count_cell_leaves_the_item_unread():
    f = _found(461.42, 14)
    _drop_decimal_counts(f, Format.get("2019").active)
    assert [f.values[f"active.procurement.{k}"].value for k in ("projects", "amount")] == [None, None]
    assert [n[0] for n in f.notes if n[1] == "active.procurement"] == ["unreadable"]
    assert "小数" in str(f.notes[-1][2])


def test_counts_and_amounts_in_their_cells_stay():
    f = _found(14, 461.42)
    _drop_decimal_counts(f, Format.get("2019").active)
    assert [f.values[f"active.procurement.{k}"].value for k in ("projects", "amount")] == [14, 461.42]
    assert [n[0] for n in f.notes] == ["decoded"]


def test_a_row_read_with_certainty_keeps_what_it_prints():
    f = _found(12.5, 30, certain=True)
    _drop_decimal_counts(f, Format.get("2019").active)
    assert f.values["active.procurement.projects"].value == 12.5
