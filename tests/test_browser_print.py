"""Pages printed to PDF by Chromium (bench/score_browser.py), as nianbao's PDF reader lays out 表三: fixtures in
tests/data/browser are the real blocks, cut by make_fixtures.py there. The printed grid's slots are not always
the header's: the table's rest on the next page shares its ruling lines with 表四 (layout), or a page built from
two HTML tables prints them with column lines a little apart (split_tables, split_rowspan). Read by the header's
slot numbers these rows gave numbers of the wrong columns; each now reads right or stays null."""

from __future__ import annotations

import copy

import pytest

from conftest import DATA, load_json
from nianbao.extract.tables import extract_appeals, extract_requests
from nianbao.ingest import Block, Cell

HERE = DATA / "browser"
NAMES = ["layout", "split_tables", "split_rowspan"]


def _blocks(name: str) -> list[Block]:
    return [Block([Cell(c["text"], page=c["page"], covered=c["covered"]) for c in b["cells"]], grid=b["grid"],
                  table=b["table"], row=b["row"]) for b in load_json(HERE / f"{name}.pdf.blocks.json")]


def _read(blocks: list[Block]) -> dict[str, int | None]:
    return {k.removeprefix("requests."): v.value for k, v in extract_requests(blocks).values.items()}


def _expected(name: str) -> dict[str, int]:
    exp = load_json(DATA / "html" / "expected" / f"{name}.html.json")["requests"]
    return {f"{row}.{col}": v for row, cols in exp.items() for col, v in cols.items()}


@pytest.mark.parametrize("name", NAMES)
def test_table_three_of_a_printed_page_reads_right(name):
    got, exp = _read(_blocks(name)), _expected(name)
    assert {k: (got.get(k), v) for k, v in exp.items() if got.get(k) != v} == {}


def test_a_row_beside_the_header_slots_is_read_in_its_own_cells():
    """layout: page 3's grid (rows 6.… to 四、结转) holds 表四's column lines too: 21 slots against the header's 12."""
    got = _read(_blocks("layout"))
    assert [got[f"denied_process.{c}"] for c in ("natural_person", "legal_service", "total")] == [45, 53, 136]


def test_seven_numbers_between_blank_slots_count_only_when_they_add_up():
    """split_rowspan's （七）总计 row is 「（七）总计」「」629 … 4015「」: the six add up to 4015, so they are the row.
    With one number changed they do not, and the row stays null rather than being shifted by a blank."""
    blocks = _blocks("split_rowspan")
    assert _read(blocks)["total_processed.natural_person"] == 629
    broken = copy.deepcopy(blocks)
    row = next(b for b in broken if b.cells[0].text.startswith("（七）"))
    cell = next(c for c in row.cells if c.text == "4015")
    cell.text = "4016"
    got = _read(broken)
    assert {got[f"total_processed.{c}"] for c in ("natural_person", "commercial", "total")} == {None}


def test_rows_in_the_header_slots_are_read_by_them():
    """Must not fire: page 2 of layout (the header's own grid) and a text row keep their reading."""
    got = _read(_blocks("layout"))
    assert [got[f"granted.{c}"] for c in ("natural_person", "commercial", "total")] == [29, 49, 244]
    assert got["new_received.total"] == 4126


def _t4(data: list[str]) -> list[Block]:
    """表四 as nianbao's PDF reader made it of Chromium's PDF of htmlsynth seed 527: a blank label column, then the
    groups' headers, the results' headers, and the row of numbers ``data`` (sixteen slots)."""
    def row(texts: list[str | None]) -> Block:
        return Block([Cell(t or "", covered=t is None) for t in texts], grid=True)
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [Block([Cell("四、政府信息公开行政复议、行政诉讼情况")]),
            row(["", "行政复议", None, None, None, None, "行政诉讼", *[None] * 9]),
            row([None] * 6 + ["未经复议直接起诉", None, None, None, None, "复议后起诉", None, None, None, None]),
            row([None, *results * 3]), row(data), Block([Cell("五、存在的主要问题及改进情况")])]


def _appeals(blocks: list[Block]) -> list[int | None]:
    values = extract_appeals(blocks).values
    return [values[f"appeals.{g}.{c}"].value if f"appeals.{g}.{c}" in values else None
            for g in ("review", "litigation_direct", "litigation_after_review")
            for c in ("upheld", "corrected", "other", "pending", "total")]


def test_a_table_four_row_drawn_a_cell_left_of_its_header_is_read_in_order():
    """Seed 527: the HTML row of numbers lacks the header's label cell, so Chromium draws its first 「无」 in the label
    column and leaves the last empty. Under the header's slots every number was its right neighbour's (6 wrong:
    行政复议 其他结果 2, 总计 1); in order every group adds up, under the header none does."""
    data = ["无", "无", "无", "2", "2", "1", "无", "无", "无", "1", "2", "无", "无", "1", "3", ""]
    assert _appeals(_t4(data)) == [None, None, None, 2, 2, 1, None, None, None, 1, 2, None, None, 1, 3]


def test_a_table_four_row_a_cell_left_is_null_when_no_reading_adds_up():
    """The same row with 行政复议's 总计 misprinted: neither reading adds up, so which cell is which is not known."""
    data = ["无", "无", "无", "2", "2", "9", "无", "无", "无", "1", "2", "无", "无", "1", "3", ""]
    found = extract_appeals(_t4(data))
    assert not any(v.value is not None for v in found.values.values())
    assert any(kind == "unreadable" and path == "appeals" for kind, path, _, _ in found.notes)


def test_a_table_four_row_in_its_header_slots_keeps_them():
    """Must not fire: the row in the header's slots (its label cell blank) is read under them."""
    data = ["", "无", "无", "无", "2", "2", "1", "无", "无", "无", "1", "2", "无", "无", "1", "3"]
    assert _appeals(_t4(data)) == [None, None, None, 2, 2, 1, None, None, None, 1, 2, None, None, 1, 3]


def test_a_header_a_slot_off_for_every_row_places_no_row_in_its_slots():
    """s06335: the repeated header's 「项目」 spans a slot more than the labels, so every row's numbers stand a slot to
    the left of the header's columns and no row fills its last slot (合计). Rows with a group label's cell before them
    show it (a number under no column); rows whose first cell a group label covers do not, and 没有现成信息's 20 16 36
    were read under 科研机构, 法律服务机构 and 其他. Now no row of that table is read in the header's slots: every value
    read is the page's, and 没有现成信息 stays null."""
    exp = load_json(HERE / "s06335-mixed.expected.json")["requests"]
    got = _read(_blocks("s06335-mixed"))
    assert {k: (v, exp[k.split(".")[0]][k.split(".")[1]]) for k, v in got.items()
            if v is not None and v != exp[k.split(".")[0]][k.split(".")[1]]} == {}
    assert {got.get(f"unavailable_need_creation.{c}") for c in ("social_welfare", "other_org", "total")} == {None}
