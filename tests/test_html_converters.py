"""Pages and Word files as text tools write them (tests/data/htmltext, README there): box-drawn and ASCII
grid tables whose cells wrap over lines, HTML tables inside Markdown, pandoc's spans and fences. Each
fixture reads as its hand-read record; degraded grid tables of seed records give the record or nulls."""

from __future__ import annotations

import random

import pytest

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.ingest import load_bytes, sniff
from nianbao.ingest.text import unbox
from synth import T3_HEAD, T3_TAIL, assert_never_wrong, t3_rows
from test_mdconv_shapes import SEEDS

HERE = DATA / "htmltext"
FIXTURES = sorted(p for p in HERE.iterdir() if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_converted_page_reads_as_its_record(path):
    expected = load_json(HERE / "expected" / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


def _rows(doc):
    return [[c.text for c in b.cells] for b in doc.blocks]


def test_box_drawing_becomes_an_ascii_grid_of_the_same_length():
    text = "┌──┬──┐\n│规章│ 7│\n├──┼──┤\n│ │ 2├──┤\n└──┴──┘"
    out = unbox(text)
    assert out == "+--+--+\n|规章| 7|\n+--+--+\n| | 2+--+\n+--+--+"
    assert len(out) == len(text)


def test_a_grid_row_wrapped_over_lines_is_one_row_and_wrapped_digits_one_number():
    text = ("+----+----+----+\n| 一 | 6  | ab |\n| 、 | 66 | cd |\n| 本 |    |    |\n+----+----+----+\n"
            "| 二 | 1  | 2  |\n+----+----+----+\n")
    rows = _rows(load_bytes(text.encode(), "t.rst"))
    assert rows == [["一、本", "666", "ab cd"], ["二", "1", "2"]]


def test_lines_of_a_grid_row_that_do_not_share_columns_stay_apart():
    text = "+----+----+\n| 一 | 6  |\n| 、 | 6 | 6 |\n+----+----+\n"
    assert _rows(load_bytes(text.encode(), "t.rst")) == [["一", "6"], ["、", "6", "6"]]


def test_a_markdown_table_without_rules_between_rows_is_not_joined():
    text = "| 规章 | 1 |\n|---|---|\n| 行政许可 | 2 |\n| 行政处罚 | 3 |\n"
    assert _rows(load_bytes(text.encode(), "t.md")) == [["规章", "1"], ["行政许可", "2"], ["行政处罚", "3"]]


def test_markdown_with_html_tables_is_text_and_a_page_is_html():
    md = ("# 某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度……\n\n二、主动公开政府信息情况\n\n"
          "<table><tr><td>规章</td><td>1</td></tr></table>\n").encode()
    assert sniff(md, "a.md") == "markdown"
    assert sniff(md, "a.html") == "html"
    assert sniff(b"<div>\n<table>\n<tr><td>1</td></tr>\n</table>\n</div>\n", "a.txt") == "html"
    rows = _rows(load_bytes(md, "a.md"))
    assert ["规章", "1"] in rows and rows.index(["规章", "1"]) > rows.index(["二、主动公开政府信息情况"])


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def render_grid(rec: dict, seed: int, box: bool) -> str:
    """表三 of ``rec`` as a grid table with random narrow columns: labels and numbers wrap inside cells."""
    rnd = random.Random(seed)
    widths = [rnd.randint(1, 12)] + [rnd.randint(1, 4) for _ in range(7)]
    v, h, j = ("│", "─", "┼") if box else ("|", "-", "+")
    rule = j + j.join(h * (w + 2) for w in widths) + j
    out = [*T3_HEAD, rule]
    for label, cells in t3_rows(rec):
        pieces = [_wrap(label, widths[0])] + [_wrap(c, w) for c, w in zip(cells, widths[1:], strict=True)]
        for k in range(max(map(len, pieces))):
            out.append(v + v.join(f" {(p[k] if k < len(p) else ''):<{w}} " for p, w in zip(pieces, widths, strict=True)) + v)
        out.append(rule)
    return "\n".join([*out, *T3_TAIL]) + "\n"


@pytest.mark.parametrize("box", [False, True], ids=["ascii", "box"])
def test_seed_records_as_wrapped_grid_tables_decode_right_or_null(box):
    right = 0
    for i, path in enumerate(SEEDS):
        rec = load_json(path)
        for seed in range(6):
            right += assert_never_wrong(rec, render_grid(rec, 100 * i + seed, box))
    assert right > 0.9 * len(SEEDS) * 6 * 25 * 7  # the grid is read: nulls are the exception


def test_an_asciidoc_row_runs_until_a_blank_line():
    text = "|===\n|规章 |1 |2\n|3\n\n|行政许可 |4\n|===\n本年度……\n"
    assert _rows(load_bytes(text.encode(), "t.adoc")) == [["规章", "1", "2", "3"], ["行政许可", "4"], ["本年度……"]]


def test_csv_fields_are_cells_and_a_quoted_comma_stays_in_its_field():
    text = "规章,0,0,1\n" * 10 + '"1,234",行政许可,5\n'
    rows = _rows(load_bytes(text.encode(), "t.csv"))
    assert rows[0] == ["规章", "0", "0", "1"] and rows[-1] == ["1,234", "行政许可", "5"]


def test_prose_with_some_commas_is_not_csv():
    text = "本年度，我局共收到申请 1,234 件，办结 1,200 件。\n" * 12
    assert _rows(load_bytes(text.encode(), "t.txt"))[0] == ["本年度，我局共收到申请 1,234 件，办结 1,200 件。"]


def test_character_references_a_writer_left_are_read_as_characters():
    text = "[首页](/) &gt; 政府信息公开年报\n\n# 某某局2023年政府信息公开工作年度报告\n\n发布时间：2024&#45;01&#45;26\n"
    doc = load_bytes(text.encode(), "t.md")
    assert _rows(doc) == [["某某局2023年政府信息公开工作年度报告"], ["发布时间：2024-01-26"]]  # the breadcrumb: furniture


def _grid(*rows):
    from nianbao.ingest import Block, Cell

    return [Block([Cell("" if c is None else str(c)) for c in r], grid=True) for r in rows]


_T4_HEAD = (["行政复议", None, None, None, None, None, "行政诉讼"],
            ["结果维持", "结果纠正", None, "其他结果", "尚未审结", "总计", "未经复议直接起诉", None, "复议后起诉"],
            [None] * 6 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                          "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])


def test_appeals_in_a_grid_wider_than_the_table_are_read_under_their_headers():
    from nianbao.extract.tables import extract_appeals

    found = extract_appeals(_grid(*_T4_HEAD, ["", "", None, "", "", "", 0, 0, 0, 1, 1, 2, 0, 0, 0, 2]))
    got = {k: v.value for k, v in found.values.items()}
    assert got["appeals.review.upheld"] is None and got["appeals.review.total"] is None
    assert got["appeals.litigation_direct.pending"] == 1 and got["appeals.litigation_after_review.upheld"] == 2


def test_a_number_where_no_header_stands_is_not_read_by_the_headers():
    from nianbao.extract.tables import _under_headers

    blocks = _grid(*_T4_HEAD, [1, 0, 7, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    assert _under_headers(blocks[-1], blocks[:-1]) is None


def test_a_table_four_row_with_more_numbers_than_cells_is_not_cut_to_its_last_fifteen():
    """Seventeen numbers under 表四's header and no header columns to place them: which two are not
    表四's cannot be told, so no cell is read (the last fifteen had been taken: a guess)."""
    from synth import SEED
    text = SEED.read_text(encoding="utf-8")
    row = "\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    assert row in text
    got = nianbao.parse_bytes(text.replace(row, "\t".join("9 8 3 1 0 2 6 4 0 1 1 6 2 1 0 0 3".split())).encode(), "t.txt")
    assert [got.get(f"appeals.{g}.{c}") for g in ("review", "litigation_direct") for c in ("upheld", "total")] == [None] * 4


@pytest.mark.parametrize(("line", "words"), [
    ("见[[/a/][附件一]]及[[/b/][附件二]]", "见附件一及附件二"),  # org
    ("见[[a|附件一]]及[[b/|附件二]]", "见附件一及附件二"),  # mediawiki
    ("见`附件一 </a/>`__及`附件二 </b/>`__", "见附件一及附件二"),  # reStructuredText
    ("见link:/a/[附件一]及link:/b/[附件二]", "见附件一及附件二"),  # AsciiDoc
    ('见"附件一":/a/ 及"附件二":/b/', "见附件一 及附件二"),  # textile
    ("= 某某局2023年政府信息公开工作年度报告 =", "某某局2023年政府信息公开工作年度报告"),
    ("== 某某局2023年政府信息公开工作年度报告", "某某局2023年政府信息公开工作年度报告"),
    ("* 某某局2023年政府信息公开工作年度报告", "某某局2023年政府信息公开工作年度报告"),
    (".. rubric:: 某某局2023年政府信息公开工作年度报告", "某某局2023年政府信息公开工作年度报告"),
    ("h1(title#x). 某某局2023年政府信息公开工作年度报告", "某某局2023年政府信息公开工作年度报告"),
])
def test_links_and_heading_marks_of_light_markups_leave_their_words(line, words):
    assert _rows(load_bytes(f"{line}\n".encode(), "t.txt")) == [[words]]


def test_an_anchor_is_no_words_and_a_simple_tables_rule_stays_a_rule():
    assert _rows(load_bytes("[[zoom]]\n正文\n".encode(), "t.txt")) == [["正文"]]
    assert _rows(load_bytes(b"==== =====\n", "t.txt")) == [["==== ====="]]


def test_pandoc_markup_of_the_page_gives_its_title_not_its_path():
    got = nianbao.parse(HERE / "r001_pandoc.rst")
    assert got.meta.title == "聊城市工业和信息化局2021年政府信息公开工作年度报告"
