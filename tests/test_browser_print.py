"""Pages printed to PDF by Chromium (bench/score_browser.py), as nianbao's PDF reader lays out 表三: fixtures in
tests/data/browser are the real blocks, cut by make_fixtures.py there. The printed grid's slots are not always
the header's: the table's rest on the next page shares its ruling lines with 表四 (layout), or a page built from
two HTML tables prints them with column lines a little apart (split_tables, split_rowspan). Read by the header's
slot numbers these rows gave numbers of the wrong columns; each now reads right or stays null."""

from __future__ import annotations

import copy

import pytest

from conftest import DATA, load_json
from nianbao.extract.tables import extract_requests
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
