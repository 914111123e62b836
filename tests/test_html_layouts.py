"""CMS page layouts of a known record (tests/htmlsynth.py): every cell the page shows is read right or
null, never another number. A handful of seeds per variation here; NIANBAO_HTML_SEEDS=N runs N per
variation (bench/fuzz_html.py prints the counts). tests/data/html/layouts holds the pages that found bugs,
each with the values it shows."""

from __future__ import annotations

import json
import os

import pytest

import nianbao
from conftest import DATA
from htmlsynth import VARIATIONS, case, meta_score, records, score
from nianbao.extract.values import split_row
from nianbao.ingest import Block, Cell, load_bytes

SEEDS = int(os.environ.get("NIANBAO_HTML_SEEDS", "4"))
LAYOUTS = DATA / "html" / "layouts"
FIXTURES = sorted(LAYOUTS.glob("*.html"))
_RECORDS = records()


def _parse(page: str) -> dict:
    return nianbao.parse_bytes(page.encode("utf-8"), "page.html").to_json_dict()


@pytest.mark.parametrize("variation", VARIATIONS)
def test_every_shown_cell_is_right_or_null(variation):
    right = null = 0
    # seeds spread over the records and both their own and dense numbers
    for seed in (s * 7 + 3 for s in range(SEEDS)):
        name, rec, page, shown = case(_RECORDS, variation, seed)
        got = _parse(page)
        r, n, wrong = score(shown, got)
        assert wrong == [], f"{variation} seed {seed} ({name}): {wrong[:6]}"
        assert meta_score(rec, got) == [], f"{variation} seed {seed} ({name})"
        right, null = right + r, null + n
    assert right > 0.9 * (right + null)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_pages_that_found_bugs(path):
    want = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    right, _null, wrong = score(want["shown"], nianbao.parse(path).to_json_dict())
    assert wrong == []
    assert right >= want["min_right"]


def test_the_fixtures_are_there():
    assert {p.stem for p in FIXTURES} >= {"t4_transposed_blank_column", "t2_spacer_column", "drawn_rows_dash_blanks",
                                          "sidebar_article_blanks_dropped", "drawn_rows_agreeing_cuts",
                                          "subtotal_column_text_rows", "t3_header_shifted", "drawn_rows_bracket_numbers",
                                          "drawn_rows_counts_with_units", "t3_other_org_header_blank_column",
                                          "drawn_t2_negative_change"}


def test_a_layout_table_with_an_article_in_a_cell_is_walked_as_containers():
    page = ('<html><body><table><tr><td><ul><li>首页</li><li>访问量：12345</li></ul></td><td>'
            '<p>一、总体情况</p><p>本年度共收到申请3件。</p><p>二、主动公开政府信息情况</p><p>无。</p>'
            '</td></tr></table></body></html>')
    doc = load_bytes(page.encode("utf-8"), "p.html")
    assert [b.text for b in doc.blocks if not b.grid][-4:] == ["一、总体情况", "本年度共收到申请3件。",
                                                             "二、主动公开政府信息情况", "无。"]
    assert not any(b.grid for b in doc.blocks)


def _grid_row(*texts: str) -> Block:
    return Block([Cell(t) for t in texts], grid=True)


def test_a_grid_row_wider_than_its_table_takes_its_one_run_of_numbers():
    row = split_row(_grid_row("一、本年新收", "14", "", "", "", "", "", "14", ""), width=7)
    assert [v.value for v in row.values] == [14, None, None, None, None, None, 14]
    # a blank column before or after seven numbers: the same numbers either way
    row = split_row(_grid_row("一、本年新收", "", "1", "2", "3", "4", "5", "6", "21", ""), width=7)
    assert [v.value for v in row.values] == [1, 2, 3, 4, 5, 6, 21]
    # two places the seven cells could stand that read differently: none of them is read
    row = split_row(_grid_row("一、本年新收", "", "1", "2", "3", "4", "5", "6", ""), width=7)
    assert [v.value for v in row.values] == [None] * 7
