"""Text PDFs: the real WPS export, the LibreOffice samples and our own fixtures, 100 % by score.py's rule."""

from __future__ import annotations

import subprocess
import sys

import pypdfium2 as pdfium
import pytest

import nianbao
from conftest import BIN, DATA, SHARED, golden, load_json, mismatches
from nianbao.errors import InputError
from nianbao.extract import tables
from nianbao.format import core
from nianbao.ingest import load
from nianbao.ingest.geometry import Glyph
from nianbao.ingest.layout import Line, Page, group_lines, join_glyphs, strip_furniture

PDF = DATA / "pdf"
FIXTURES = sorted(p for p in PDF.glob("*.pdf") if (PDF / "expected" / f"{p.name}.json").exists())


def test_every_fixture_has_an_expected_record():
    names = {p.name for p in FIXTURES}
    assert {"huaian2024.pdf", "r000.pdf", "r001.pdf", "r000dense.pdf", "r000dense_split.pdf",
            "r000dense_split2.pdf", "r000dense_nolines.pdf"} <= names


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_pdf_matches_expected_record(path):
    expected = load_json(PDF / "expected" / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


@pytest.mark.parametrize("name", ["huaian2024", "r001", "r000dense_split"])
def test_pdf_golden_record(name):
    golden(PDF / "golden" / f"{name}.record.json", nianbao.parse(PDF / f"{name}.pdf").to_json_dict())


def _rows(doc, table):
    return [[("^" if c.covered else c.text) for c in b.cells] for b in doc.blocks if b.grid and b.table == table]


def test_values_carry_page_and_bbox():
    record = nianbao.parse(PDF / "huaian2024.pdf")
    prov = record.provenance["requests.not_held" if "requests.not_held" in record.provenance
                             else "requests.unavailable_not_held.natural_person"]
    assert prov.page == 4 and prov.text == "746"
    x0, top, x1, bottom = prov.bbox
    assert 0 < x0 < x1 < 595 and 0 < top < bottom < 842
    assert all(p.page and p.bbox for k, p in record.provenance.items() if k.startswith(("requests.", "appeals.")))


def test_table_split_over_pages_is_one_table_and_the_split_row_is_folded():
    doc = nianbao.read_document(PDF / "r001.pdf")
    t3 = next(b.table for b in doc.blocks if b.grid and "申请人情况" in b.text)
    rows = _rows(doc, t3)
    assert {b.cells[0].page for b in doc.blocks if b.grid and b.table == t3} == {2, 3}
    split = [r for r in rows if any("三安全一稳" in c for c in r)]
    assert len(split) == 1 and "3.危及“三安全一稳定”" in split[0] and split[0][-1] == "0"
    assert not any(r[2] == "定”" for r in rows)


def test_repeated_header_rows_dropped_and_split_row_folded():
    doc = nianbao.read_document(PDF / "r000dense_split.pdf")
    t3 = next(b.table for b in doc.blocks if b.grid and "申请人情况" in b.text)
    rows = _rows(doc, t3)
    assert sum("申请人情况" in r for r in rows) == 1
    assert any("5.要求行政机关确认或重新出具已获取信息" in r and r[-1] == "189" for r in rows)


def test_wrapped_labels_and_vertical_headers_are_one_cell():
    doc = nianbao.read_document(PDF / "huaian2024.pdf")
    cells = {c.text for b in doc.blocks if b.grid for c in b.cells}
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in cells
    assert "社会公益组织" in cells
    assert "三、本年度办理结果" in cells


def test_page_numbers_dropped_and_paragraphs_joined_across_pages():
    doc = nianbao.read_document(PDF / "huaian2024.pdf")
    texts = [b.text for b in doc.blocks]
    assert not any(t.strip("-— ").isdigit() for t in texts)
    para = next(t for t in texts if "组织召开了" in t)
    assert "营商环境高质量推进产业发展" in para  # the sentence runs on from page 1 to page 2
    assert doc.pages == 6 and doc.kind == "pdf"
    assert texts[0] == "淮安市人民政府"


def test_a_tables_zeros_in_the_margins_of_a_page_break_are_cells_not_page_numbers():
    # regression: LibreOffice printed seed 002's text (one cell per line, no page numbers); 表三's row 3.危及…
    # has six 0s at the foot of a page and the seventh at the head of the next. A bare number in the margin was
    # taken for a page number and dropped, so the row kept five 0s and the decoder left 43 cells null.
    text = nianbao.read_document(PDF / "row_over_page_break.pdf").text
    assert "三安全一稳定”\n" + "0\n" * 7 + "4．保护第三方合法权益" in text


def _page(number: int, *margin: tuple[str, bool]) -> Page:
    """A page 800 high with one body line and ``margin`` lines (text, at the foot or else the head)."""
    def line(text: str, top: float) -> Line:
        return Line([[Glyph(ch, 100 + 10 * i, top, 110 + 10 * i, top + 10) for i, ch in enumerate(text)]])
    lines = [line("正文", 400)] + [line(t, 780 if foot else 20) for t, foot in margin]
    return Page(number, 600, 800, lines)


def test_bare_numbers_in_the_margin_are_page_numbers_only_when_they_number_the_pages():
    # pages 2–4 numbered 1–3 (a cover without a number); a 0 and a 7 from a table in the margins of page 3
    pages = [_page(1), _page(2, ("1", True)), _page(3, ("2", True), ("0", True), ("7", False)), _page(4, ("3", True))]
    strip_furniture(pages)
    assert [["".join(ln.texts()) for ln in p.lines] for p in pages] == [["正文"], ["正文"], ["正文", "0", "7"], ["正文"]]
    # no numbering: the table's 0s stay wherever they fall; a number by its form alone goes
    pages = [_page(1, ("0", True)), _page(2, ("0", False), ("— 2 —", True)), _page(3, ("0", True))]
    strip_furniture(pages)
    assert [["".join(ln.texts()) for ln in p.lines] for p in pages] == [["正文", "0"], ["正文", "0"], ["正文", "0"]]
    one = [_page(1, ("1", True))]  # a one-page document numbered 1
    strip_furniture(one)
    assert ["".join(ln.texts()) for ln in one[0].lines] == ["正文"]


def test_tables_without_ruling_lines_come_from_text_alignment():
    doc = nianbao.read_document(PDF / "r000dense_nolines.pdf")
    assert not any(b.grid for b in doc.blocks)
    row = next(b for b in doc.blocks if b.text.startswith("一、本年新收"))
    assert [c.text for c in row.cells][-7:] == ["666", "736", "715", "594", "781", "634", "4126"]


def test_framed_paragraph_is_not_a_table():
    doc = nianbao.read_document(PDF / "huaian2024.pdf")
    assert not any(b.grid and "本报告由" in b.text for b in doc.blocks)


@pytest.mark.parametrize(("name", "code", "words"), [
    ("encrypted.pdf", "encrypted", "已加密"),
    ("corrupt.pdf", "corrupt", "已损坏"),
])
def test_bad_pdf_is_a_chinese_input_error(name, code, words):
    with pytest.raises(InputError) as e:
        nianbao.parse(PDF / name)
    assert e.value.code == code and words in e.value.message and name in e.value.message


def test_bad_pdf_exit_code_2_without_traceback():
    run = subprocess.run([str(BIN / "nianbao"), "parse", str(PDF / "encrypted.pdf")], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 2
    assert "已加密" in run.stderr and "Traceback" not in run.stderr + run.stdout


def test_300_page_pdf_is_refused(tmp_path):
    pdf = pdfium.PdfDocument.new()
    for _ in range(300):
        pdf.new_page(595, 842)
    path = tmp_path / "big.pdf"
    pdf.save(path)
    with pytest.raises(InputError) as e:
        nianbao.parse(path)
    assert e.value.code == "too_many_pages" and "300 页" in e.value.message


def test_scan_without_ocr_extra_says_how_to_enable_it():
    code = ("import sys; sys.modules['rapidocr'] = None\n"
            "import nianbao\n"
            "try:\n"
            f"    nianbao.parse({str(DATA / 'scan' / 'r000dense_scan_p3.pdf')!r})\n"
            "except nianbao.MissingDependency as e:\n"
            "    print(e.message)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "扫描件" in run.stdout and "pip install 'nianbao[ocr]'" in run.stdout, run.stderr


def test_punctuation_whose_box_ends_at_its_ink_stays_on_its_line():
    """FandolFang as nianbao's render embeds it gives pdfium "loose" boxes that end at the ink: a full-width
    「，」 was a sliver at the baseline, read as a line of its own below its line. The prose lost its commas
    and 「其他应」/「主动公开的政府信息32条」 its 应, so the category's 32 was read as the year's total
    (held-out pt20, nrpdf-native: a wrong number; the text says 全年主动公开信息数161条)."""
    path = PDF / "ink_boxes_fandol.pdf"  # pages 1-2 of pt20's record rendered by `nianbao render --to pdf`
    text = nianbao.read_document(path).text
    assert "不断扩大公开范围，细化公开内容。全年主动公开信息数161条，其中机关职能类信息31条，" in text
    assert nianbao.parse(path).to_json_dict()["narrative"]["proactive_items"] == 161


def test_a_table_two_header_a_cell_off_leaves_its_numbers_unplaced():
    """Chromium's PDF (page.pdf, A4) of a web page whose 表二 header row lacks the blank first cell the rows
    above and below it have (htmlsynth's "mixed" pages, bench/score_browser.py --synth): 「信息内容」 stands over
    the first column of numbers, 「本年废止件数」 over the third, 「现行有效件数」 over none. The header says
    nothing then of where the numbers stand: 规范性文件's 11 (现行有效件数, the third of its three cells) was
    read as 本年废止件数 under the header's words; now read in order or null, never under the shifted words."""
    got = nianbao.parse(PDF / "t2_header_shifted.pdf").to_json_dict()["active"]
    shown = {"regulations": {"issued": None, "repealed": None, "in_force": None},
             "normative_documents": {"issued": None, "repealed": None, "in_force": 11}}
    assert [m for m in mismatches(shown, got) if m[2] is not None] == []
    assert got["normative_documents"]["repealed"] is None


def test_a_cell_cut_by_the_side_of_the_page_is_blank_not_the_part_inside():
    """LibreOffice's PDF of a web page whose 表三 is wider than A4: the grid's right side ruled at the page's
    side (595.3 pt), 总计's 「19」 drawn across it: 「1」 inside the grid, 「9」 (its centre past the side) outside,
    read 1. A cell at the side that lost a glyph across it is blank; one whose glyph across the side still
    fell inside (「14」's 「4」, its centre left of the side) keeps its text; text outside any grid keeps it all."""
    from nianbao.ingest.pdfgrid import layout_page

    w = 595.3
    segments = [("h", 400.0, w, y) for y in (100.0, 120.0, 140.0)] + \
               [("v", 100.0, 140.0, x) for x in (400.0, 550.0, w)]

    def glyphs(text, x, top):
        return [Glyph(ch, x + 6.7 * i, top, x + 6.7 * (i + 1), top + 12) for i, ch in enumerate(text)]

    page = layout_page(1, w, 842.0, glyphs("查询事项", 410, 104) + glyphs("19", 585.6, 104)
                       + glyphs("案卷", 410, 124) + glyphs("14", 581.0, 124) + glyphs("合计277", 560, 300), segments)
    (grid,) = page.grids
    texts = {(c.row, c.col): c.text for c in grid.cells}
    assert texts[(0, 1)] == ""  # never 1
    assert texts[(1, 1)] == "14"
    assert "合计277" in ["".join(ln.texts()) for ln in page.lines]


def test_a_cell_cut_by_the_side_of_the_page_is_unreadable_not_blank():
    """The same in a whole document (LibreOffice's PDF of htmlsynth seed 31, 表三 wider than A4): the 总计 cells
    the page's side cut through are null with a reader's note, so L-03 names them and no blank rule tells the
    clerk to fill a cell the report printed (T3-05 called 3 of them blank before); nothing else read is wrong."""
    path = PDF / "lo_table_past_page_side.pdf"
    record = nianbao.parse(path)
    got = record.to_json_dict()
    printed = load_json(PDF / "printed" / "lo_table_past_page_side.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    cut = {"requests.denied_query.total", "requests.unavailable_need_creation.total",
           "requests.unavailable_unclear.total"}
    assert all(got["requests"][p.split(".")[1]]["total"] is None for p in cut)
    assert cut <= {n.path for n in record.notes if n.kind == "unreadable" and "越过页边" in n.text}
    findings = nianbao.check(record)
    assert cut <= {c for f in findings if f.code == "L-03" for c in f.cells}
    assert not cut & {c for f in findings if f.code == "T3-05" for c in f.cells}


def test_a_cell_whose_bottom_line_is_not_drawn_keeps_its_text():
    """LibreOffice's PDF of that page draws no bottom line under 行政事业性收费's amount cell (the last row of 表二):
    the cell was not found, and 「32.2」, inside the table but in no cell, was dropped (fees null). A run of
    slots no cell covers, one row high (covered above and below), is one cell; a gap several rows high with numbers
    in it is not guessed into cells (a gap of words in every row is cut at the rows: see the unruled label column)."""
    from nianbao.ingest.pdfgrid import layout_page

    def glyphs(text, x, top):
        return [Glyph(ch, x + 6.7 * i, top, x + 6.7 * (i + 1), top + 12) for i, ch in enumerate(text)]

    segments = [("h", 100.0, 400.0, 100.0), ("h", 100.0, 400.0, 130.0), ("h", 100.0, 200.0, 160.0),
                ("v", 100.0, 160.0, 100.0), ("v", 100.0, 160.0, 200.0), ("v", 100.0, 160.0, 400.0)]
    page = layout_page(1, 595.3, 842.0, glyphs("信息内容", 110, 108) + glyphs("本年收费金额", 250, 108)
                       + glyphs("行政事业性收费", 110, 138) + glyphs("32.2", 280, 138), segments)
    (grid,) = page.grids
    assert {(c.row, c.col): c.text for c in grid.cells}[(1, 1)] == "32.2"
    assert nianbao.parse(PDF / "lo_table_past_page_side.pdf").active.fees == 32.2
    # two rows unruled on the right (no line between them either): which glyphs share a cell is not known
    segments = [("h", 100.0, 400.0, 100.0), ("h", 100.0, 400.0, 130.0), ("h", 100.0, 200.0, 160.0),
                ("h", 100.0, 200.0, 190.0), ("v", 100.0, 190.0, 100.0), ("v", 100.0, 190.0, 200.0),
                ("v", 100.0, 130.0, 400.0)]
    page = layout_page(1, 595.3, 842.0, glyphs("信息内容", 110, 108) + glyphs("本年收费金额", 250, 108)
                       + glyphs("行政许可", 110, 138) + glyphs("12", 280, 138)
                       + glyphs("行政处罚", 110, 168) + glyphs("3", 280, 168), segments)
    (grid,) = page.grids
    assert {c.text for c in grid.cells} == {"信息内容", "本年收费金额", "行政许可", "行政处罚"}


def test_a_grid_row_a_cell_short_of_the_header_is_read_in_order_not_under_shifted_headers():
    """Chromium's PDF of an htmlsynth page (seed 431) whose 一、本年新收 and 二、上年结转 rows have one cell fewer than
    the header's slots: the browser draws 52 under the header's blank second label column and 24 under 自然人, the
    总计 slot empty. Read by the header's columns every number was its right neighbour's (38 wrong, nianbao's own
    reading); a number between the label and the first column means the row is not in the header's slots: its
    seven numbers are read in order when the last is the sum of the six."""
    got = nianbao.parse(PDF / "chromium_row_a_cell_short.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "chromium_row_a_cell_short.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert list(got["requests"]["new_received"].values()) == [52, 24, 44, 46, 5, 81, 252]


def test_rows_a_page_break_cut_open_or_left_alone_are_read_by_their_cells():
    """Chromium's PDF of an htmlsynth page whose cells write 「0」 over 「件」 (seed 740): 二、上年结转's row does not
    fit on page 1 and is printed to the page's end with its column rules and no line under it (its 件 tops page
    2); 表四's row of numbers stands alone on page 4, one ruled row under its header on page 3. Neither was a
    grid, so their numbers were read as lines of text: the 0s, on a cell's first line, before the numbers set
    in the middle of theirs (上年结转 2 3 3 3 1 12 0 for 2 0 3 3 3 1 12; 表四's ten 0s for the first ten cells:
    14 wrong). The open row is closed where its rules end; a lone ruled row of five columns or more is a grid."""
    got = nianbao.parse(PDF / "chromium_rows_cut_by_page_breaks.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "chromium_rows_cut_by_page_breaks.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert list(got["requests"]["carried_over"].values()) == [2, 0, 3, 3, 3, 1, 12]
    assert got["appeals"]["review"] == {"upheld": 0, "corrected": 3, "other": 3, "pending": 0, "total": 6}
    assert got["appeals"]["litigation_after_review"]["total"] == 0


def test_a_number_wrapped_over_a_page_break_is_joined_with_its_last_digits():
    """LibreOffice's PDF of an htmlsynth page (seed 9045) whose narrow 总计 cell wraps 437 as 「４３」 over 「７」, the
    row at page 3's foot: 「７」 tops page 4 beside the group label's rest 「）不予处理」. The digits were not folded
    back (a tail with a digit was taken for a row of its own): 43 was read (1 wrong)."""
    got = nianbao.parse(PDF / "lo_number_wrapped_over_page_break.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_number_wrapped_over_page_break.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert got["requests"]["declined_petition"]["total"] == 437
    assert got["requests"]["declined_duplicate"] == {"natural_person": 0, "commercial": None, "research": None,
                                                     "social_welfare": None, "legal_service": None, "other_org": None,
                                                     "total": 0}


def test_a_value_cell_merged_with_the_next_row_is_null_not_read_as_one_number_or_shifted():
    """LibreOffice's PDF of an htmlsynth page (seed 479) leaves out the rule between 1.信访举报投诉类申请's and
    2.重复申请's 自然人 cells: one cell two rows high holds 「００」 (their 0 and 0), and 2.重复申请's row has a
    covered slot there. The six numbers after its label were read left-aligned (法律服务机构's 12 as 社会公益组织's,
    总计's 12 as 其他's: 3 wrong); now each number is read by its column and the merged cells are null, noted."""
    record = nianbao.parse(PDF / "lo_rows_merged_slot.pdf")
    got = record.to_json_dict()
    printed = load_json(PDF / "printed" / "lo_rows_merged_slot.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert list(got["requests"]["declined_duplicate"].values()) == [None, 0, 0, 0, 12, 0, 12]
    merged = {"requests.declined_petition.natural_person", "requests.declined_duplicate.natural_person"}
    assert got["requests"]["declined_petition"]["natural_person"] is None
    assert merged <= {n.path for n in record.notes if n.kind == "unreadable" and "合并" in (n.reason or "")}
    findings = nianbao.check(record)
    assert not merged & {c for f in findings if f.code == "T3-05" for c in f.cells}


def test_a_group_label_on_a_blank_grid_row_of_its_own_is_not_a_row_outside_the_format():
    """LibreOffice draws a 表三 group label whose cell spans the rows below it (「三、本年度办理结果」「（四）无法提供」
    「（五）不予处理」) as a grid row of its own with seven empty cells: the format's label, not an extra row (it
    gave three T3-08 hints)."""
    record = nianbao.parse(PDF / "lo_rows_merged_slot.pdf")
    assert [n.text for n in record.notes if n.kind == "extra_row"] == []
    assert "T3-08" not in {f.code for f in nianbao.check(record)}


@pytest.mark.parametrize("label, ours", [("三、本年度办理结果", True), ("（五）不予处理", True),
                                         ("无法提供政府信息", True), ("方合法权益", True),  # cut by a page break
                                         ("小计", False), ("（五）不予处理合计", False)])
def test_the_words_of_a_blank_grid_row_are_the_formats_or_not(label, ours):
    """What LibreOffice's PDFs of seeds 10, 20, 31 and 32 drew as blank grid rows: a group label whose cell spans
    the rows below it, a row's label cut by a page break (its group's cell beside it)."""
    assert tables._format_words(core(label)) is ours


def test_a_group_label_row_with_numbers_is_still_a_row_outside_the_format(tmp_path):
    """The same label with numbers of its own (a group's 小计 row) is a row the format does not have."""
    seed = next((SHARED / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    at = "\t(四) 无法提供\t1. 本机关不掌握"
    assert at in seed
    path = tmp_path / "group_subtotal.txt"
    path.write_text(seed.replace(at, "\t(四) 无法提供\t0\t0\t0\t0\t0\t0\t0\n" + at, 1), encoding="utf-8")
    record = nianbao.parse(path)
    assert [n.text for n in record.notes if n.kind == "extra_row"] == ["(四) 无法提供"]


def test_a_row_with_a_merged_cell_whose_slots_are_not_seven_columns_is_null():
    """The same producer (seed 399): a 表三 with a 小计 column and a blank column after 总计, where one cell two
    rows high holds 「— —」. The row's cells after its label are nine slots for seven columns: which is which the
    row does not say (its 小计's 0 was read as 其他's): the row is null."""
    got = nianbao.parse(PDF / "lo_rows_merged_blank_marks.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_rows_merged_blank_marks.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert set(got["requests"]["denied_internal"].values()) == {None}


def test_a_row_set_in_two_fonts_is_one_line_and_its_full_width_digits_are_cells():
    """LibreOffice's PDF of an htmlsynth page (seed 1119) whose cells write 0 as the full-width 「０」 (a CJK font
    with tall boxes) and other digits in DejaVu (short boxes, centred 7 pt lower). The lines were grouped by the
    last glyph joined: after one short digit the row's other short digits fell into a line of their own, read
    after the row's zeros (一、本年新收 5 0 0 0 0 3 8 read as 0 0 0 0 3 5 8: 8 wrong, nianbao's own reading). And
    「０　０」 with a gap between them was glued into one number, as two ideographs are."""
    got = nianbao.parse(PDF / "lo_two_fonts_in_a_row.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_two_fonts_in_a_row.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert list(got["requests"]["new_received"].values()) == [5, 0, 0, 0, 0, 3, 8]
    assert list(got["requests"]["other_other"].values()) == [1, 0, 0, 0, 0, 0, 1]


def test_lines_are_grouped_by_their_tallest_glyph_and_wide_digits_apart_are_two_numbers():
    tall = [Glyph(ch, 20 * k, 86.0, 20 * k + 12, 108.6) for k, ch in enumerate("数量０")]
    short = [Glyph(ch, 100 + 20 * k, 99.0, 100 + 20 * k + 7.6, 109.9) for k, ch in enumerate("538")]
    lines = group_lines(tall + short)
    assert len(lines) == 1
    assert join_glyphs(lines[0].glyphs) == "数量０ 5 3 8"
    assert join_glyphs([Glyph("０", 0, 0, 12, 12), Glyph("０", 24, 0, 36, 12)]) == "０ ０"
    assert join_glyphs([Glyph("数", 0, 0, 12, 12), Glyph("量", 24, 0, 36, 12)]) == "数量"  # spacing, no break
    next_line = [Glyph(ch, 20 * k, 120.0, 20 * k + 12, 142.6) for k, ch in enumerate("规章")]
    assert len(group_lines(tall + short + next_line)) == 2


def test_a_rule_is_snapped_only_with_the_pieces_of_its_own_line():
    """Two ruled tables one under the other, touching, their column rules 6 pt apart (200 and 206), and a third
    table further down with a rule between them (203): each is a line of its own. Snapped page-wide in steps of up to
    3 pt they were one rule at 203, the upper table's cell bound moved 3 pt, and a 「1」 just right of its rule fell
    into the cell on the left. A line drawn twice a fraction of a point apart is still one."""
    from nianbao.ingest.pdfgrid import layout_page

    def glyphs(text, x, top):
        return [Glyph(ch, x + 4.5 * i, top, x + 4.5 * (i + 1), top + 12) for i, ch in enumerate(text)]

    upper = [("h", 100.0, 400.0, y) for y in (0.0, 30.0)] + [("v", 0.0, 30.0, x) for x in (100.0, 200.0, 300.0, 400.0)]
    lower = [("h", 100.0, 400.0, y) for y in (31.0, 60.0, 90.0)] + \
            [("v", 31.0, 90.0, x) for x in (100.0, 206.0, 306.0, 400.0)]
    apart = [("h", 100.0, 400.0, y) for y in (300.0, 330.0)] + [("v", 300.0, 330.0, x) for x in (100.0, 203.0, 400.0)]
    twice = [("v", 0.0, 30.0, 300.6)]  # the upper rule at 300 drawn again 0.6 pt off
    page = layout_page(1, 595.3, 842.0, glyphs("0", 110, 8) + glyphs("19", 200.5, 8) + glyphs("12", 310, 8),
                       upper + lower + apart + twice)
    top = sorted((c.bbox[0], c.text) for g in page.grids for c in g.cells if c.bbox[1] < 10)
    assert [t for _, t in top] == ["0", "19", "12"]
    assert top[1][0] == 200.0


def test_two_tables_touching_with_their_column_rules_apart_read_each_by_its_own_rules():
    """Chromium's PDF of an htmlsynth page whose 表三 is split into HTML tables of other column widths (seed 1430): a
    row left alone at the top of page 2 and the next table's repeated header under it, their column rules 6 pt apart,
    and 表四 further down with a rule between them. pdfplumber's snap moved all three rules to their mean (a chain of
    steps under 3 pt), the row's cell bound with them, and the 1 of 19 fell into the cell left of it: 「0 1」 | 「9」,
    read 1 and 9 (2 wrong, nianbao's own reading). A rule is snapped only with the pieces of its own line: the row
    reads as printed."""
    got = nianbao.parse(PDF / "chromium_tables_rules_apart.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "chromium_tables_rules_apart.json")
    assert mismatches(printed, got) == []
    assert list(got["requests"]["declined_confirmation"].values()) == [0, 0, 0, 19, 12, 0, 31]


def test_a_table_rule_3_pt_from_another_tables_further_up_stays_where_it_is_drawn():
    """Chromium's PDF of an htmlsynth page (seed 500): 表四's 总计 rule is drawn at 566.6 pt, 表三's last rule at 569.6
    pt, 3 pt off and 70 pt further up the page. Snapped together (to 表三's, drawn in 15 pieces), 表四's 总计 cell
    began 3 pt right of its rule, its 「-」 fell into 尚未审结's: 「- -」 and a blank 总计, and 表四 was not read (10
    fields null, nianbao's own reading). Lines that do not run on from each other are not one line."""
    got = nianbao.parse(PDF / "chromium_rules_of_two_tables_apart.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "chromium_rules_of_two_tables_apart.json")
    assert mismatches(printed, got) == []
    assert list(got["appeals"]["review"].values()) == [0, 0, 2, 0, 2]


def test_a_grid_cell_with_two_numbers_in_a_row_that_fails_its_sum_is_null(monkeypatch):
    """The guard behind that (``pieces``), kept in case another shape puts a neighbour's digit in a cell: with the
    page-wide snap back, the row reads 「0 1」 | 「9」; a cell holding two numbers no count is written as (joined, 01),
    in a row whose sum fails: none of the row's cells is read."""
    from pdfplumber.table import snap_edges

    from nianbao.ingest import pdfgrid

    monkeypatch.setattr(pdfgrid, "_snap", lambda edges, tol: snap_edges(edges, tol, tol))
    got = nianbao.parse(PDF / "chromium_tables_rules_apart.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "chromium_tables_rules_apart.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert set(got["requests"]["declined_confirmation"].values()) == {None}
    assert list(got["requests"]["declined_mass"].values()) == [0, 0, 0, 20, 0, 0, 20]


def test_a_table_continued_with_a_column_more_is_not_read_in_the_first_tables_slots():
    """Chromium's PDF of a page whose 表三 has a 小计 column, continued on the next page as another table with a column
    more before its labels (seed 1679, held-back set 1500–1799). Read in the first table's slots, the continued rows'
    总计 slot was the 小计's: 「- - - - - - 0 -」 gave every row 总计 0 where the page prints 「-」 (20 wrong, nianbao's
    own reading). A row of another grid table of other width is not in the first header's slots; a table whose own
    rows repeat the header is read in its own header's slots (the continued rows' 总计 is their last cell, 「-」)."""
    got = nianbao.parse(PDF / "chromium_header_repeated_a_column_more.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "chromium_header_repeated_a_column_more.json")
    bad = mismatches(printed, got)
    assert [b for b in bad if b[2] is not None] == []
    assert got["requests"]["total_processed"]["total"] is None
    # table 1 (t1): its header rows name 自然人 in slot 3 and 总计 in slot 10, the 小计 in slot 9
    assert got["provenance"]["requests.total_processed.total"]["path"] == "t1r21c10"
    assert got["provenance"]["requests.total_processed.natural_person"]["path"] == "t1r21c3"


def test_a_header_a_slot_wider_than_its_rows_is_not_read_a_column_over():
    """Chromium's PDF of a page whose 表三 header row has a cell more than its rows (broken spans, seed 1919 of the
    held-back set 1800–2099): every row's numbers stand a slot left of the header's columns. The rows with a number
    under no column were refused, but a row whose first cell is blank was read in the header's slots, a column over
    (22 wrong, nianbao's own reading). A row with a number outside the header's slots marks every row of its shape;
    such a row is read as its own eight value cells where its 小计 is the sum of the organisations' (部分公开, its first
    cell 「-」: null until then, seed 5535 of the held-back set 5400–5699 showed the same shape wrong)."""
    got = nianbao.parse(PDF / "chromium_header_a_slot_more_than_rows.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "chromium_header_a_slot_more_than_rows.json")
    assert [b for b in mismatches(printed, got) if b[2] is not None] == []
    assert got["requests"]["partially_granted"] == printed["requests"]["partially_granted"]


def test_a_blank_mark_under_the_header_s_label_slot_marks_its_row_s_shape():
    """Chromium's PDF of a page whose 表三 header names 自然人 a slot right of where its rows' first value cells stand
    (seed 5535 of the held-back set 5400–5699, with a 小计 column): rows whose first cell is a blank mark 「—」 under the
    header's label slot were read in the header's slots, a column over, the 小计 taken as 其他 (7 wrong, nianbao's own
    reading). A mark outside the header's slots marks the row's shape as a number does, and such rows are read as
    their own eight value cells where the 小计 is the organisations' sum."""
    got = nianbao.parse(PDF / "chromium_header_over_label_slot_marks.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "chromium_header_over_label_slot_marks.json")
    assert [b for b in mismatches(printed, got) if b[2] is not None] == []
    for row in ("new_received", "partially_granted", "denied_state_secret"):
        assert got["requests"][row] == printed["requests"][row]


def test_a_subtotal_hidden_in_a_merged_header_cell_leaves_the_rows_unread():
    """LibreOffice's PDF of the same page: the header's words all in one merged cell (「法人或其他组织自然人科研机…小…计」),
    so no column and no 小计 are named, and the rows hold eight cells. Read as their last seven (or their first seven
    where the 总计 cell came out blank), the 小计 went into 总计 and every number a column over (49 wrong). Rows
    of a table with more value cells than the header names are null, and the decoder, blind to blank cells, does
    not read them by count."""
    got = nianbao.parse(PDF / "lo_subtotal_hidden_in_merged_header.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_subtotal_hidden_in_merged_header.json")
    assert [b for b in mismatches(printed, got) if b[2] is not None] == []
    assert set(got["requests"]["carried_over"].values()) == {None}
    notes = nianbao.check(nianbao.parse(PDF / "lo_subtotal_hidden_in_merged_header.pdf"))
    assert any("比表头列出的七栏多" in f.message for f in notes if f.code == "L-03")


def test_a_blank_merged_slot_and_a_blank_cell_past_the_columns_leave_the_row_null():
    """LibreOffice's PDF of a page whose 表三 runs past the page's side (seed 2751): 合计 cut off, its cells blank, and
    a blank cell spanning down from the header between 一、本年新收's label and its numbers. The blank past the
    columns was taken for the extra slot, the spanning one for 自然人's merged cell: 919 read as 商业企业's, every
    number a column over (6 wrong). Which blank is the extra column the row does not say: it is null."""
    got = nianbao.parse(PDF / "lo_total_cut_off_beside_a_blank_merged_slot.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_total_cut_off_beside_a_blank_merged_slot.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert set(got["requests"]["new_received"].values()) == {None}


def test_a_label_spanning_its_own_slot_does_not_hide_a_merged_cell_of_the_row():
    """LibreOffice's PDF (seed 2895): 3.其他's label cell is written twice (the second covered, the same box), and
    自然人's cell spans down from the row above. The covered label was taken for a cell of another width and the
    row read by the header's slots a column over: 348 as 商业企业's and as 其他's (2 wrong). The label's own copy is
    skipped, so the merged cell is seen and the row is read by its slots (null: a blank past the columns too)."""
    got = nianbao.parse(PDF / "lo_label_spanning_beside_a_merged_slot.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_label_spanning_beside_a_merged_slot.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert got["requests"]["total_processed"]["total"] == 5211


def test_a_subtotal_set_in_a_table_of_its_own_is_placed_by_the_header_row_that_names_it():
    """LibreOffice's PDF of a page whose 表三 header is several tables (seed 3871): a 「小计」 cell in a table of its own
    above the header's comes first in the header's text, so 小计 was placed right after 自然人 (1) and every row of the
    second table read a column over, its 小计 as 其他 (37 wrong). The header row that names the organisations and
    小计 together places it after 其他 (6)."""
    got = nianbao.parse(PDF / "lo_subtotal_in_a_table_of_its_own.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_subtotal_in_a_table_of_its_own.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert got["requests"]["denied_state_secret"]["other_org"] == 14


def test_appeals_cut_at_the_page_side_are_read_under_their_headers():
    """LibreOffice's PDF (seed 3679): 表四 wider than the page, 复议后起诉's 总计 column cut off. With fourteen named
    result columns for fifteen the row was read by counting its cells, a blank label cell first: every number a
    column over (9 wrong). The columns the header names are read under it; the cut one is null, said so (L-03)."""
    got = nianbao.parse(PDF / "lo_t4_cut_at_page_side.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_t4_cut_at_page_side.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    assert got["appeals"]["review"] == printed["appeals"]["review"]
    assert got["appeals"]["litigation_after_review"]["total"] is None
    assert any(n["path"] == "appeals.litigation_after_review" and n["kind"] == "unreadable" for n in got["notes"])


def test_a_label_column_without_lines_between_its_rows_keeps_its_labels():
    """LibreOffice's PDF (held-back seed 5087): the label column of 表三's first rows has no lines between them, and a
    note in its header (「本列数据的勾稽关系为：……」). Glyphs in a gap several rows high were dropped, labels and all,
    and the labels-elsewhere reading gave 二、上年结转's numbers to 予以公开 (7 wrong). The gap is cut at the rows the
    other columns rule: the labels' glyphs stay in their rows, and no number is read as another row's."""
    path = PDF / "lo_label_column_unruled.pdf"
    text = "".join(b.text for b in load(path).blocks)
    assert "转政府信息" in text and "勾稽关系" in text
    got = nianbao.parse(path).to_json_dict()
    printed = load_json(PDF / "printed" / "lo_label_column_unruled.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []


def test_a_label_cell_spanning_the_first_number_column_leaves_that_cell_null_not_the_row_shifted():
    """LibreOffice's PDF (seed 10319): 四、结转下年度继续办理's label cell spans 自然人's column (a rule missing), its 2
    among the label's words (「结转下年度继2续办理」), then an empty covered cell and six numbers. Read as the row's
    first six cells, every number went a column left and 总计 was lost (5 wrong). The six are the last six columns;
    自然人 is null, said so (L-03)."""
    got = nianbao.parse(PDF / "lo_label_swallowing_a_number.pdf").to_json_dict()
    printed = load_json(PDF / "printed" / "lo_label_swallowing_a_number.json")
    assert [m for m in mismatches(printed, got) if m[2] is not None] == []
    row = got["requests"]["carried_forward"]
    assert row["natural_person"] is None
    assert [row[c] for c in ("commercial", "research", "social_welfare", "legal_service", "other_org", "total")] == [
        1, 1, 0, 1, 0, 5]
