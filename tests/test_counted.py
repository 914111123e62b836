"""表三 rows read by count (extract/counted.py): null only where a sum shows the count misled, and only
for rows that are not a line of the text, beside a row left unread."""

from __future__ import annotations

from collections.abc import Set

from nianbao.extract.counted import counted_rows, null_counted_rows, null_over_total
from nianbao.extract.tables import Found
from nianbao.extract.values import Value
from nianbao.format import Format
from nianbao.ingest import Cell

COLS = Format.T3_COLUMN_KEYS


def _found(rows: dict[str, list[int | None]], one_line: Set[str] = frozenset(), certain: Set[str] = frozenset()) -> Found:
    found = Found()
    line = 100
    for key, nums in rows.items():
        for c, n in zip(COLS, nums, strict=True):
            line += 0 if key in one_line else 1  # a number a line, or the row on one line
            found.values[f"requests.{key}.{c}"] = Value(n, Cell("" if n is None else str(n), line=line))
        line += 1
    found.certain = {f"requests.{k}" for k in certain}
    return found


def _row(found: Found, key: str) -> list[int | float | None]:
    return [found.values[f"requests.{key}.{c}"].value for c in COLS]


def test_a_counted_row_failing_its_sum_beside_an_unread_row_is_null():
    # 5.属于三类内部事务信息 / 0 / 0 / 0 / 345 0 / 0 / 0: the rows beside it not read
    found = _found({"denied_internal": [0, 0, 0, 345, 0, 0, 0]})
    null_counted_rows(found, counted_rows(found))
    assert _row(found, "denied_internal") == [None] * 7
    assert any(n[0] == "unreadable" and n[1] == "requests.denied_internal" for n in found.notes)


def test_read_cells_above_the_total_fail_the_row_though_some_are_not_read():
    found = _found({"denied_internal": [110, 615, 272, 515, None, None, 1094]})
    assert counted_rows(found) == {"requests.denied_internal"}


def test_a_printed_row_that_does_not_add_up_is_kept():
    rows = {"denied_third_party": [1, 0, 0, 0, 0, 0, 1], "denied_internal": [0, 0, 0, 345, 0, 0, 0],
            "denied_process": [2, 0, 0, 0, 0, 0, 2]}
    # its neighbours read: the count is the table's
    assert counted_rows(_found(rows)) == set()
    # on one line of the text: the line is the row
    assert counted_rows(_found({"denied_internal": [0, 0, 0, 345, 0, 0, 0]}, one_line={"denied_internal"})) == set()
    # read for certain by its layout
    assert counted_rows(_found({"denied_internal": [0, 0, 0, 345, 0, 0, 0]}, certain={"denied_internal"})) == set()
    # adding up, or its read cells within its total
    assert counted_rows(_found({"denied_internal": [0, 0, 0, 300, 0, 5, 305]})) == set()
    assert counted_rows(_found({"denied_internal": [0, 0, None, 300, 0, None, 305]})) == set()


def test_a_row_found_before_the_mends_is_kept_only_if_a_mend_made_it_add_up():
    found = _found({"declined_mass": [0, 0, 0, 0, 0, 13, 1]})
    before = counted_rows(found)
    found.values["requests.declined_mass.total"] = Value(None, Cell("1"))  # cuttail: the 总计 may be cut off
    null_counted_rows(found, before)
    assert _row(found, "declined_mass") == [None] * 7
    found = _found({"declined_mass": [0, 0, 0, 0, 0, 13, 1]})
    before = counted_rows(found)
    found.values["requests.declined_mass.total"] = Value(13, Cell("13"))  # joined with its cut tail
    null_counted_rows(found, before)
    assert _row(found, "declined_mass") == [0, 0, 0, 0, 0, 13, 13]


def test_a_column_whose_outcome_cells_exceed_the_total_loses_the_cells_read_by_columns():
    rows = {"other_fee_unpaid": [0, 0, 0, 0, 0, 0, 0], "other_other": [2, 0, 0, 0, 0, 0, 2],
            "total_processed": [0, 0, 0, 0, 0, 0, 0]}
    found = _found(rows)
    found.by_columns = {"requests.other_other", "requests.total_processed"}  # the columnar reader's rows
    null_over_total(found)
    assert _row(found, "other_other") == [None, 0, 0, 0, 0, 0, None]
    assert _row(found, "total_processed") == [None, 0, 0, 0, 0, 0, None]
    assert _row(found, "other_fee_unpaid") == [0] * 7  # read by its own line: as printed
    # no row read by columns: a printed table that does not add up is read as printed
    found = _found(rows)
    null_over_total(found)
    assert _row(found, "other_other") == [2, 0, 0, 0, 0, 0, 2]
