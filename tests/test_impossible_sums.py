"""表三's sums taken together over the rows read (``detached.sums_exceeded``) and the rows read by the text's order
left null when they cannot all hold (``settle.refuse_impossible``). The real failure is a golden of
test_decoder_goldens (lo-pdftotext s07414); here the arithmetic itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.extract.detached import sums_exceeded
from nianbao.extract.settle import refuse_impossible
from nianbao.extract.tables import Found
from nianbao.extract.values import Value
from nianbao.format import Format
from nianbao.ingest import Cell

COLS = Format.T3_COLUMN_KEYS
ROWS = [r.key for r in Format.get("2021").t3_rows]
OUTCOMES = ROWS[2:-2]  # 予以公开 … 3.其他 (the 2021 format's sub-rows)


def _table(draw_rows: dict[str, list[int]]) -> dict[str, list[int]]:
    """A table whose sums all hold: each row's total is the sum of its six; （七）总计 the sum of the outcome rows;
    结转下年度 = 新收 + 上年结转 − 总计 in every column."""
    rows = {k: [*v, sum(v)] for k, v in draw_rows.items()}
    total = [sum(rows[k][i] for k in OUTCOMES) for i in range(7)]
    rows["total_processed"] = total
    rows["carried_forward"] = [rows["new_received"][i] + rows["carried_over"][i] - total[i] for i in range(7)]
    return rows


def _found(rows: dict[str, list[int | None]], certain: set[str] = frozenset()) -> Found:
    found = Found()
    for k, vals in rows.items():
        for c, v in zip(COLS, vals):
            found.values[f"requests.{k}.{c}"] = Value(v, Cell(str(v)))
    found.certain = {f"requests.{k}" for k in certain}
    return found


six = st.lists(st.integers(0, 40), min_size=6, max_size=6)


@st.composite
def tables(draw):
    rows = {k: draw(six) for k in OUTCOMES}
    rows["carried_over"] = draw(six)
    # 新收 large enough that 结转下年度 is never negative
    need = [sum(rows[k][i] for k in OUTCOMES) for i in range(6)]
    rows["new_received"] = [n + draw(st.integers(0, 20)) for n in need]
    return _table({k: rows[k] for k in ("new_received", "carried_over", *OUTCOMES)})


@given(tables(), st.sets(st.sampled_from(ROWS)))
@settings(max_examples=60, deadline=None)
def test_a_table_whose_sums_hold_is_never_refused_whatever_rows_are_read(rows, unread):
    shown = {k: (v if k not in unread else [None] * 7) for k, v in rows.items()}
    found = _found(shown)
    assert sums_exceeded(found) == 0
    assert not refuse_impossible(found)


def test_the_total_row_read_as_another_rows_numbers_is_refused_with_the_reason():
    rows = _table({"new_received": [58, 92, 6, 54, 40, 34], "carried_over": [2, 2, 2, 2, 0, 2],
                   **{k: [0] * 6 for k in OUTCOMES}})
    rows["other_other"] = [59, 94, 5, 54, 39, 36, 287]  # （七）总计's numbers, a row early
    rows["total_processed"] = [1, 0, 3, 2, 1, 0, 7]  # 结转下年度's
    found = _found(rows, certain={"new_received"})
    assert sums_exceeded(found) >= 280
    assert refuse_impossible(found)
    assert found.values["requests.other_other.total"].value is None
    assert found.values["requests.new_received.total"].value == 284  # a row its layout read with certainty stays
    assert any(kind == "unreadable" and path == "requests.other_other" for kind, path, *_ in found.notes)


def test_a_clerks_slip_is_no_refusal():
    # a report's own sums a few off (总计 typed 1 short): the audit's to find, not the reader's to doubt
    rows = _table({"new_received": [5, 1, 0, 0, 0, 0], "carried_over": [0] * 6,
                   **{k: [1, 0, 0, 0, 0, 0] if k == "granted" else [0] * 6 for k in OUTCOMES}})
    rows["total_processed"] = [0, 0, 0, 0, 0, 0, 0]
    found = _found(rows)
    assert 0 < sums_exceeded(found) < 10
    assert not refuse_impossible(found)


def test_a_row_failing_its_own_sum_is_its_own_fault_not_the_tables_order():
    # cells glued in one row (「４６２３」 read as 4623 where 46 and 23… stand): the audit shows the row; the others stay
    rows = _table({"new_received": [5, 1, 0, 0, 0, 0], "carried_over": [0] * 6,
                   **{k: [1, 0, 0, 0, 0, 0] if k == "granted" else [0] * 6 for k in OUTCOMES}})
    rows["new_received"] = [5, 1, 0, 0, 0, 4623, 9]
    found = _found(rows)
    assert sums_exceeded(found) == 0
    assert not refuse_impossible(found)
    assert found.values["requests.new_received.other_org"].value == 4623
