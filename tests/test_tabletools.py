"""Table extractors' outputs (bench/score_tabletools.py): CSV and Markdown of pdfplumber, PyMuPDF and camelot,
and tesseract's hOCR, ALTO and TSV.

Each fixture in tests/data/tabletools is a real output with its document's hand-read record in
expected/; the tests allow nulls but no wrong value, and check the cells each fix is about.
"""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.errors import InputError
from nianbao.extract.outofstep import (
    numbers_above_first_row,
    numbers_above_labels,
    out_of_step,
    shuffled_labels,
    straddled_cells,
)
from nianbao.ingest import load, load_bytes, sniff

HERE = DATA / "tabletools"
FIXTURES = sorted(p for p in HERE.iterdir() if p.is_file())  # tesseract's outputs too


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


def test_numbers_over_their_units_with_the_label_between_are_its_own():
    # pdfplumber's text of cells 「0件」 of two lines: 「0 0 0」 / 「规章」 / 「件 件 件」, the label in the middle of its row;
    # not numbers above their labels (seed 6911 printed by Chromium: all three tables were left unread)
    path = DATA / "decoder" / "chromium-pdfplumber__s06911-mixed.txt"
    assert not numbers_above_labels(load(path).blocks)
    assert not out_of_step(load(path).blocks).whole
    assert nianbao.parse(path).requests["new_received"].total == 0


def test_a_numbering_cut_from_its_label_by_the_numbers_is_no_header():
    # pdfplumber of a page whose narrow label cells wrap anywhere: 「一」 / 「21 0 0 0 0 0 21」 / 「、本年新收政府信息公开申请数量」,
    # the label written around its numbers, not numbers above it below a header (seed 7853 printed by Chromium: all
    # three tables were left unread)
    path = DATA / "decoder" / "chromium-pdfplumber__s07853-breaks.txt"
    assert not numbers_above_labels(load(path).blocks)
    assert nianbao.parse(path).requests["new_received"].total == 21


def test_a_whole_numbering_above_the_first_rows_numbers_is_no_header():
    # the same with the numbering whole on its line: 「一、」 / 「33 78 36 14 38 24 223」 / 「本年新收政府信息公开申请数量」 (seed
    # 8175, pdfplumber of LibreOffice's PDF: every table was left unread)
    path = DATA / "decoder" / "lo-pdfplumber__s08175-mixed.txt"
    assert not numbers_above_labels(load(path).blocks)
    assert nianbao.parse(path).requests["new_received"].total == 223


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


# ---- tesseract's structured outputs: hOCR, ALTO, TSV ------------------------------------------------

OCR_WORDS = [HERE / f"tesseract_scan_p3.{ext}" for ext in ("hocr", "xml", "tsv")]


@pytest.mark.parametrize("path", OCR_WORDS, ids=lambda p: p.suffix)
def test_positioned_words_are_read_by_their_lines(path):
    # read as a web page, the hOCR's 表三 came out with wrong numbers; the ALTO and the TSV gave nothing
    assert sniff(path.read_bytes(), path.name) == {".hocr": "hocr", ".xml": "alto", ".tsv": "ocr-tsv"}[path.suffix]
    record = nianbao.parse(path)
    assert record.requests["new_received"].total == 4126
    assert record.requests["granted"].natural_person == 29


def test_a_web_page_that_names_ocr_classes_is_a_web_page():
    page = ("<html><head><title>OCR</title></head><body><div class='ocr_page'>第一页</div>"
            "<p>class=\"ocr_page\" 是 hOCR 的页面元素</p></body></html>").encode()
    assert sniff(page, "a.html") == "html"
    hocr_like = b"<html><body><div class='ocr_page' title='bbox 0 0 10 10'></div></body></html>"
    assert sniff(hocr_like, "a.html") == "hocr"  # a page box, but no words: read as the web page it is
    with pytest.raises(InputError, match="网页中"):
        load_bytes(hocr_like, "a.html")


def test_grid_cut_across_the_rows_reads_no_row_by_its_label():
    # camelot lattice over LibreOffice's PDF: 「信息内容,"本年制发件数\n0",…」, 「,"（一）予以公开\n（二）部分公开…",,2,…」
    path = HERE / "camelot_grid_across_rows.csv"
    assert straddled_cells(load(path).blocks)
    record = nianbao.parse(path)
    assert record.active is None or record.active.punishment is None
    assert record.requests is None or record.requests["granted"].total is None


def test_labels_wrapped_in_their_cells_are_not_cut_rows():
    assert not straddled_cells(load(HERE / "plumber_quoted_labels.csv").blocks)


def test_format_from_the_year_when_table_two_is_missing():
    # camelot stream found no 表二 in a 2019 report: 表三 alone does not tell the 2019 format from the 2021
    assert nianbao.parse(HERE / "camelot_no_table_two.csv").meta.format == "2019"


def test_numbers_split_from_the_words_of_a_wrapped_page_are_not_read():
    # camelot stream over a crawler's one-line page printed to PDF: a one-column CSV whose quoted records
    # hold a few lines' glued numbers (「"9000009\n0000000"」), then those lines' words
    path = HERE / "camelot_wrapped_page_numbers_apart.csv"
    cells = [c.text for b in load(path).blocks for c in b.cells]
    assert "9000009\n0000000" in cells  # a record that starts with a quote and has no comma is CSV too
    assert straddled_cells(load(path).blocks)
    record = nianbao.parse(path)
    assert record.requests is None or record.requests["new_received"].total is None
    # a 2019 report whose year stands apart from its words: 表二's header words (本年新制作数量 …) tell the
    # format, not the guess of 2021 for any text with tables
    assert record.meta.year is None and record.meta.format == "2019"


def test_pandas_column_numbers_above_a_rule_are_blanked_in_place():
    text = "| 0 | 1 | 2 |\n|:--|:--|:--|\n| 规章 | 0 | 1 |\n| 0 | 1 | 2 |\n"
    doc = load_bytes(text.encode(), "t.md")
    assert doc.text == "|   |   |   |\n|:--|:--|:--|\n| 规章 | 0 | 1 |\n| 0 | 1 | 2 |\n"  # the last is a row: no rule under it
    assert [c.text for c in doc.blocks[-1].cells] == ["0", "1", "2"]


def test_glued_numbers_on_lines_of_their_own_are_not_read():
    # the same camelot cell as Markdown: tabulate writes each of its lines as a row (「| 9000009 |」「| 0000000 |」)
    path = HERE / "camelot_wrapped_page_numbers_lines.md"
    assert straddled_cells(load(path).blocks)
    record = nianbao.parse(path)
    assert record.requests is None or record.requests["granted"].total is None


def test_counts_on_lines_of_their_own_in_an_out_of_step_text_are_not_read():
    # camelot stream over LibreOffice's PDF: 「全年主动公开信息数 / 31 / 1 / 4 / 条」 (161 stands two lines above);
    # the tables' numbers stand apart from their labels, and so do the prose's from their words
    path = HERE / "camelot_stream_prose_numbers_apart.md"
    assert numbers_above_labels(load(path).blocks)
    assert "proactive_items" not in nianbao.parse(path).narrative


def test_numbers_beside_group_label_pieces_are_paired_with_their_labels():
    # camelot stream over nianbao's render: 「（五） | 1 | 0 …」 / 「1.信访举报投诉类申请」 / 「不予 | 0 …」 / 「2.重复申请」:
    # read in order, 3.补正后申请内容仍不明确 took 1 0 0 0 0 0 1 and 1.信访举报投诉类申请 took the zeros
    record = nianbao.parse(HERE / "camelot_stream_numbers_on_group_pieces.md")
    rows = record.requests
    assert rows["unavailable_unclear"].total == 0 and rows["declined_petition"].total == 1
    assert rows["granted"].total == 0 and rows["partially_granted"].total == 2  # 「三、 | 0 …」, between its words
    assert rows["declined_confirmation"].total == 0  # 「5.要求行政机关确认或重新出具已获」 / numbers / 「取信息」
    assert rows["total_processed"].total == 3  # the next page's header 总计 (beside 商业 科研) is no row


def test_other_alone_is_a_piece_of_its_group_label():
    # 「（六）」 / 「其他」 / 「2.申请人逾期未按收费通知要求缴纳」 / 「处理 | 0 …」 / … / 「3.其他 | 0 …」: the row is 3.其他
    rows = nianbao.parse(HERE / "camelot_stream_other_group_piece.md").requests
    assert rows["other_other"].total == 0 and rows["other_fee_unpaid"].total == 0


def test_a_label_without_a_line_of_numbers_is_not_given_another_rows():
    # 「一、本年新收政府信息公开申请数量 | | | …」 (a blank row) then 「二、上年结转… | 0 …」: no line of numbers is its
    record = nianbao.parse(HERE / "camelot_stream_blank_row_numbers_on_group_pieces.md")
    assert record.requests["new_received"].total is None
    assert record.requests["carried_over"].total == 0


def test_a_label_cut_around_two_rows_numbers_reads_no_row():
    # camelot stream over LibreOffice's PDF: 「…一、本年新收政府信息公开」 / 「10 0 0 0 01」 / 「0 0 0 0 0 00」 / 「申请数量」
    # / 「二、上年结转…」: 0000000-like runs are at least thirteen cells, two rows' numbers inside one label
    record = nianbao.parse(HERE / "camelot_stream_label_around_two_rows.md")
    assert record.requests is None or all(
        record.requests[k].total is None for k in ("carried_over", "granted", "total_processed"))


def test_numbers_one_a_line_above_the_first_label_are_numbers_above_labels():
    # 「本年制发件数 / 本年废止件数 / 现行有效件数」 / 「0」「0」「0」 / 「规章」 …: the 12 above 行政处罚 is its own
    for path in (HERE / "camelot_stream_numbers_above_labels_one_a_line.md",
                 HERE / "camelot_stream_numbers_above_labels_one_cell.csv"):
        assert numbers_above_first_row(load(path).blocks)
        record = nianbao.parse(path)
        assert record.active is None or record.active.punishment is None


def test_two_labels_interleaved_character_by_character_read_no_table_two_in_order():
    # tabula stream: 「行行政政强处罚制,,,,处理决定数量16」 (行政处罚 and 行政强制); 16 was read as 行政许可's
    assert shuffled_labels(load(HERE / "tabula_stream_labels_interleaved.csv").blocks, "2021")
    assert not shuffled_labels(load(HERE / "plumber_quoted_labels.csv").blocks, "2021")
    record = nianbao.parse(HERE / "tabula_stream_labels_interleaved.csv")
    assert record.active is None or (record.active.licensing is None and record.active.punishment is None)


def test_out_of_step_says_which_tables_and_how():
    # the pipeline's one question: the whole text, 表二 alone, or 表二's labels interleaved (asked with its format)
    whole = out_of_step(load(HERE / "camelot_numbers_above_labels.csv").blocks)
    assert whole.whole and whole.active
    first = out_of_step(load(HERE / "camelot_stream_numbers_above_labels_one_a_line.md").blocks)
    assert not first.whole and first.active
    shuffled = out_of_step(load(HERE / "tabula_stream_labels_interleaved.csv").blocks)
    assert not shuffled.active and shuffled.shuffled("2021")
    assert not out_of_step(load(HERE / "plumber_quoted_labels.csv").blocks).shuffled("2021")
