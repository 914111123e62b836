"""Table extractors' outputs (bench/score_tabletools.py): CSV and Markdown of pdfplumber, PyMuPDF and camelot.

Each fixture in tests/data/tabletools is a real output with its document's hand-read record in
expected/; the tests allow nulls but no wrong value, and check the cells each fix is about.
"""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.extract.tables import numbers_above_labels
from nianbao.ingest import load

HERE = DATA / "tabletools"
FIXTURES = sorted(p for p in HERE.iterdir() if p.is_file())


def _wrong(path):
    got = nianbao.parse(path).to_json_dict()
    return [m for m in mismatches(load_json(HERE / "expected" / f"{path.stem}.json"), got) if m[2] is not None]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_no_wrong_value(path):
    assert _wrong(path) == []


def test_fee_whose_point_stands_on_its_own_line_is_null():
    # PyMuPDF's CSV: 「行政事业性收费,"1622085\n."」 for 16220.85, and 「"961716\n."」 for 96171.6
    assert nianbao.parse(HERE / "pymupdf_fee_point_own_line.csv").active.fees is None
    assert nianbao.parse(HERE / "pymupdf_fee_digits_then_point.csv").active.fees is None


def test_quoted_fields_over_several_lines_are_one_cell():
    record = nianbao.parse(HERE / "plumber_quoted_labels.csv")
    assert record.active.fees == 96171.6
    assert record.requests["new_received"].total == 3119
    assert record.requests["unavailable_need_creation"].total == 11
    cells = [c.text for b in load(HERE / "plumber_quoted_labels.csv").blocks for c in b.cells]
    assert "1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请" in cells


def test_pandas_column_numbers_are_no_cells():
    # camelot's tables as DataFrame.to_markdown: 「| 0 | 1 | 2 | 3 |」 above each; this report leaves 表二 blank
    assert nianbao.parse(HERE / "camelot_pandas_header.md").active.fees is None


def test_numbers_above_their_labels_are_not_given_to_the_next_label():
    path = HERE / "camelot_numbers_above_labels.csv"
    assert numbers_above_labels(load(path).blocks)
    record = nianbao.parse(path)
    # 行政处罚's 16 stands above it, the 0 below it is 行政强制's; 表三's 666… above 本年新收, 22… below it
    assert record.active is None or record.active.punishment is None
    assert record.requests is None or record.requests["new_received"].total is None


def test_prose_with_numbers_on_their_own_lines_is_no_such_table():
    # docling-rs writes the prose's numbers on lines of their own and 表二's labels first: not numbers above labels
    path = HERE / "docling_prose_numbers_own_lines.md"
    assert not numbers_above_labels(load(path).blocks)
    assert nianbao.parse(path).requests["new_received"].total == 3119


def test_row_cut_into_lines_down_its_columns_is_not_read():
    # camelot stream: 表四 「| 72 | 178 | 37 | 351 | 13 | …」 then 「| 64 | | | | 4 | …」 then 「| | | | | 8 | …」;
    # 表三 「| | 3001 | 53 | 0 | 61 | 4 | 3119 |」 then 「| | | 0 | | | | |」 (two columns' numbers stacked in one)
    record = nianbao.parse(HERE / "camelot_stacked_rows.md")
    assert record.appeals is None or record.appeals.review.total is None
    assert record.requests["new_received"].total is None
    assert record.requests["partially_granted"].total == 454
