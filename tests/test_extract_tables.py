"""Table extraction cases beyond the seeds: columns found by their header, not their position."""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json, mismatches

HERE = DATA / "extract"
FIXTURES = sorted(p for p in HERE.iterdir() if p.is_file() and p.suffix != ".json")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_matches_expected(path):
    expected = load_json(HERE / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


@pytest.mark.parametrize("name", ["000_subtotal_column.txt", "subtotal_column.html"])
def test_subtotal_column_is_skipped_and_reported(name):
    record = nianbao.parse(HERE / name)
    assert any(n.kind == "extra_row" and n.text == "小计" for n in record.notes)


def test_a_category_after_a_line_end_is_not_the_years_total():
    """pdfplumber's layout text of a rendered PDF keeps its lines apart: 「…44 条；其他应」 was read as a table row
    and 「主动公开的政府信息 32 条」 began a paragraph, so the category's 32 was taken for 主动公开's total (the
    total, 「信息数 161」 / 「条」, is split from its unit: not read). What stood before the paragraph counts."""
    record = nianbao.parse(HERE / "category_after_line_end.pdfplumber-layout.txt").to_json_dict()
    assert record["narrative"].get("proactive_items") is None


def test_a_transposed_appeals_text_row_of_four_numbers_is_null():
    """pdftotext -layout of a 表四 with a row per group: 「未经复议直接起诉      0    1    0    1」 has four numbers for five
    cells (a blank cell left no trace); they were read as the first four. Which cell is missing the text does
    not say: the row is null with the reader's note, the other two rows are read."""
    record = nianbao.parse(HERE / "appeals_transposed_short_row.pdftotext-layout.txt")
    notes = {n.path: n.reason or n.text for n in record.notes if n.kind == "unreadable"}
    assert notes["appeals.litigation_direct"].startswith("本行只写出四个数，却有五格")


def test_sixteen_appeals_numbers_with_no_join_that_adds_up_are_null(tmp_path):
    """pdftotext -raw: 表四's 「１０」 cut over two lines makes sixteen numbers for fifteen cells; joining 「１」「０」 is
    read (tests/data/decoder). When no single join makes every group add up, which number is extra is not known:
    the table is null with the reader's note, not the last fifteen."""
    src = (DATA / "decoder" / "chromium-pdftotext-raw__s00021-numbers.txt").read_text(encoding="utf-8")
    assert "１０ 0 0 0\n１\n０\n" in src
    path = tmp_path / "t.txt"
    path.write_text(src.replace("１０ 0 0 0\n１\n０\n", "１０ 0 0 0\n１\n３\n"), encoding="utf-8")
    record = nianbao.parse(path).to_json_dict()
    assert {v for g in record["appeals"].values() for v in g.values()} == {None}
    assert any(n["path"] == "appeals.review" and n["reason"].startswith("表四写出十六个数") for n in record["notes"])
    # L-03 shows the sixteen numbers as printed (which group's they are is what the text does not say)
    found = [f for f in nianbao.check_file(path).findings if f.code == "L-03" and f.cells == ["appeals.review"]]
    assert [f.actual for f in found] == ["１０ 0 0 0 １ ３ 0 0 0 0 0 0 0 0 0 0"]
