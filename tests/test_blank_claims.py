"""The blank-cell rules (T2-03, T3-05, T4-03) tell a clerk to fill a cell: they must not name a cell the document
fills. Over the converter and OCR outputs of tests/data/decoder (hand-read records in expected/) they named 386
such cells in 34 files: rows an OCR engine garbled past reading, and rows whose numbers no reader could place.
Those rows' nulls are now the reader's (L-03): ``noisy_rows.note_unread_rows`` for a noisy reading whose digits
the sums do not vouch for, ``unplaced.note_unplaced`` for a section holding numbers no cell took."""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json
from nianbao.record.paths import get

HERE = DATA / "decoder"
BLANK_RULES = ("T2-03", "T3-05", "T4-03")
# what is left, cell claims per file: a 表二 item whose label a tool lost while most of the table was read
# (its number was taken for no cell, and a table mostly read is not doubted), OCR cells in a trusted reading.
# (表二 cells read two ways by its headers, row by row and column by column — pdfminer huaian2024, pdftotext
# r001 — are named with both readings, ``columnar.decode_active_columnar``: 6 claims fewer)
LEFT = {"holdout-labelsfirst__pt06z.txt": 1, "holdout-mdgarbage-flat__pt01z.txt": 2,
        # pdftotext of Chromium's PDF (seed 8047): （二）部分公开's label after the page's repeated header takes 1.属于国家秘密's
        # 「无 无 6件 无 无 无 6 6件」, written before that label, so its 6 and 8 are called blank (its two wrong values, left)
        "chromium-pdftotext__s08047-mixed.txt": 2,
        # pdfminer's 表二 box by box (seed 2676): 「行政规范性文件 31」 beside a header naming three columns, which of them the
        # 31 is the box does not say: null without a note (main also called 行政处罚 blank, its 242 read as 行政许可's)
        "chromium-pdfminer__s02676-zeros.txt": 1,
        # pypdf's layout (seed 2709): 「行政规范性文件  —  ３」 under three headers, two cells printed: which two the row does not
        # settle, its 现行有效 null with no note (as on main)
        "lo-pypdf-layout__s02709-numbers.txt": 1,
        # pypdf's layout (seed 2573) and PDFBox's sort (seed 2509): a 表二 item whose number no reader placed (as on main);
        # pypdf's layout of seed 2189: 表二's 规章 and 行政强制, 表三's 5.属于三类内部事务信息 and 2.申请人逾期未按收费通知… (61 on main:
        # the detached-label reading now fills six rows, and a row numbers-first text leaves null has its note)
        "chromium-pypdf-layout__s02573-breaks.txt": 1, "lo-pdfbox-sort__s02509-breaks.txt": 1,
        "lo-pypdf-layout__s02189-breaks.txt": 18,
        # pdftotext (seeds 2463, 2517): 行政规范性文件's label after its numbers (「9」/「规」/「范性文件」), its 现行有效 null with
        # no note (as on main)
        "chromium-pdftotext__s02463-mixed.txt": 1, "chromium-pdftotext__s02517-numbers.txt": 1,
        # pdftotext (seed 2367): 表二's labels in a run, 规章's 1 in a box after 现行有效's header (as on main)
        "chromium-pdftotext__s02367-mixed.txt": 1,
        # pdftotext (seed 5519): 行政规范性文件's 现行有效 11 written after 第（八）项's header, placed nowhere (as on main)
        "lo-pdftotext__s05519-mixed.txt": 1,
        # pdfminer's 表二 box by box (seed 6829): 「本年」「信息内」「制发件数」「容」「本」「年废止件数」「现行有效件数」「0」「0」「0」「5」
        # … 「规」「章」「0」「行 政规范性文件 0」: 规章's and 行政规范性文件's 制发 placed nowhere, null with no note (as on main)
        "chromium-pdfminer__s06829-breaks.txt": 2,
        # pdfplumber's layout (seed 5717): 「行政规范性文件0              —」 under a glued header 「本年制发件数本年废止件数现行有效件数」,
        # the 0 glued to the label (as on main)
        "chromium-pdfplumber-layout__s05717-numbers.txt": 1,
        # PyMuPDF's sort (seed 2853), 2019 表二: 「行政强制 -5 —」 beside a header of four columns, which of them the -5 is the
        # row does not settle: its 本年增/减 null with no note (as on main)
        "lo-pymupdf-sort__s02853-numbers.txt": 1,
        # pdftotext (seed 2214): 3.其他's box after the next section's heading, 结转下年度's 0000000 after （七）总计's label:
        # that row null with no note (as on main)
        "lo-pdftotext__s02214-split.txt": 7,
        # PyMuPDF's sorted text (seeds 3253, 3029): 表二 cells of the 2019 format's wide table no reader placed (as on main)
        "chromium-pymupdf-sort__s03253-numbers.txt": 2, "chromium-pymupdf-sort__s03029-numbers.txt": 4,
        "holdout-nrpdf-tess300-psm6__pt06.txt": 5, "holdout-pdftotext__pt01z.txt": 2,
        "holdout-pdftotext__pt12z.txt": 2, "holdout-pydocx-nows__pt22z.txt": 4, "pdf-oxide-md__r000dense.md": 3,
        "pdf-oxide-md__r001.md": 5,
        "tess150-psm4__r000.txt": 1, "tess150-psm4__r000dense.txt": 2,
        # Ghostscript txtwrite of LibreOffice's PDFs: the next box's heading between 行政规范性文件's numbers
        # (「行政规范性文件 0 第二十条第（五）项 0 0」), the row null with no reader's note
        "lodocx-gs-txtwrite__r000.txt": 3, "lodocx-gs-txtwrite__r000dense.txt": 3,
        # pdftotext of Chromium's PDF of a page with narrow cells (numbers wrapped in them): （七）总计's numbers
        # run on with 结转下年度's (「（七）总计」/「四、结转下年度继续办理」, then 0 … 19), that row has its
        # note but 总计's row is null without one (before cuttail too)
        "chromium-pdftotext__s00021-numbers.txt": 7,
        # the same run-on through pdftotext -layout (seed 1037, 「四、结转下」 / numbers / 「年度继续办理」): both rows are
        # noted now (main called 结转下年度's 7 cells blank); 表二's 行政处罚 and 行政事业性收费, their labels wrapped
        # (「性收费」), are null without a note, as on main
        "chromium-pdftotext-layout__s01037-breaks.txt": 2,
        # pypdf's layout text of a page whose cells carry 件 (seed 1007): 行政规范性文件's 0件 0件 wrapped above and below
        # its label 「规范性文 件 … 35」, the row's first two cells null without a note (as on main)
        "chromium-pypdf-layout__s01007-mixed.txt": 2,
        # pdftotext -layout of a page of paragraphs (cells set apart by full-width spaces): 表三's 1.本机关不掌握…
        # read as a blank row, no reader's note (as on main; 表二's 行政许可 and 行政强制, 2 claims more there, are
        # noted now)
        "chromium-pdftotext-layout__s00095-mixed.txt": 7,
        # pdfplumber over LibreOffice's PDF of a page with narrow cells: 表二 rows whose wrapped numbers no reader
        # placed (规章, 其他对外管理服务事项), without a note (as on main)
        "lo-pdfplumber__s00117-numbers.txt": 4,
        # the page of paragraphs through LibreOffice and pdftotext -layout: 行政许可 and 行政强制's one number each
        # no longer placed under a header whose places are no columns; most of 表二 read, so not noted
        "lo-pdftotext-layout__s00095-mixed.txt": 2,
        "chromium-pdftotext-raw__s00117-numbers.txt": 2,  # 规章's wrapped numbers unplaced, as in lo-pdfplumber's
        # PyMuPDF of Chromium's and LibreOffice's PDFs of htmlsynth pages: 表二 「规章」/「0」/「38」 (or 「规章0 38」) of
        # three cells, a blank leaving no trace, so the row is null and T2-03 calls it blank (as on main 7814865;
        # lo-pymupdf-sort s00117 had 3, 6.属于四类过程性信息's 法律服务机构 too, before its two lines were placed)
        "chromium-pymupdf__s00117-numbers.txt": 2, "lo-pymupdf-sort__s00117-numbers.txt": 2,
        "lo-pymupdf__s00175-mixed.txt": 1,
        # pdfplumber and PyMuPDF sort of Chromium's PDF of a page with narrow cells: 表二's labels wrapped around their
        # numbers (「规」/「9 0 27」/「章」, 「行政」/「300」/「许可」), found by no reader, null and called blank (as on main,
        # where 表三's （七）总计, its label split the same way, made 7 claims more; decoder._numbering_split)
        "chromium-pdfplumber__s00253-breaks.txt": 5, "chromium-pymupdf-sort__s00253-breaks.txt": 5,
        # pdftotext of LibreOffice's PDF, 表三's last two rows' numbers before 2.申请人逾期…, 3.其他 (blank), （七）总计 and
        # 四、结转下年度's labels: which rows they are is not settled, （七）总计 and 结转下年度 null with no note of their
        # own (as on main, where 2.申请人逾期… and 3.其他 took those numbers)
        "lo-pdftotext__s00099-t3_labels.txt": 14,
        # pdfminer of Chromium's PDF: 行政处罚's 35 after 「行政事业性收费 ／」「本年处理决定数量」, placed in no cell, the row
        # null with no note (as on main, where the 35 was read as the fee)
        "chromium-pdfminer__s00052-zeros.txt": 1,
        # LibreOffice's PDFs through pdfminer and pdftotext: 表二's 行政规范性文件 现行有效件数 (and 行政处罚) whose numbers no
        # reader placed, without a note (as on main; there 表三 of s00533 had 3 claims more, rows read from marks;
        # s00159: 行政规范性文件 本年废止件数)
        "lo-pdfminer__s00533-numbers.txt": 2, "lo-pdftotext__s00415-mixed.txt": 1, "lo-pdftotext__s00159-mixed.txt": 1,
        # Chromium's PDFs through pdfminer / pdftotext (the fixtures of test_decoder_goldens for box orders and 小计
        # among the rows): 表二 cells no reader places, null and called blank as on main (s00132 行政处罚's 16 after two
        # 「本年处理决定数量」, then read as 行政许可; s00501 规章's 「1」s among 表二's boxes; 规范性文件 现行有效's)
        "chromium-pdfminer__s00132-zeros.txt": 1, "chromium-pdfminer__s00501-numbers.txt": 2,
        "chromium-pdfminer__s00533-numbers.txt": 1, "chromium-pdftotext__s00415-mixed.txt": 1,
        # PyMuPDF sort=True of Chromium's PDF (the fixture of test_decoder_goldens for a 小计 header written down its
        # column): 行政事业性收费's 32.3 on the line of its label's first characters (「32.3 费」), placed in no cell and
        # called blank, as on main
        "chromium-pymupdf-sort__s00303-mixed.txt": 1,
        # PyMuPDF sort=True of Chromium's PDF, labels wrapped around their numbers: 2.重复申请's row (「204246」, 其他
        # and 总计 glued) and （七）总计's null with no reader's note (17 on main, 3.危及… and 3.补正后…'s rows too, before
        # decoder._heads)
        "chromium-pymupdf-sort__s00525-breaks.txt": 12,
        # pdftotext of LibreOffice's PDF (the fixture of test_decoder_goldens for a row read by count beside unread rows):
        # （一）予以公开's numbers, written with the next boxes, placed by no reader: the row null with no note (as on main)
        "lo-pdftotext__s00835-t3_labels.txt": 7,
        # pypdf's layout text of Chromium's PDF (the fixture of test_decoder_goldens for a label begun after 表二's header):
        # 「规范」「０ ０ 8」「性文件」, 行政规范性文件's numbers inside its wrapped label, placed by no reader and called blank
        # as on main (main also called 行政处罚 blank, its 29 read as 行政许可's)
        "chromium-pypdf-layout__s00863-mixed.txt": 3,
        # pdfplumber's layout of a page of 「0件」 cells wrapped 「0」 over the label's line and 「件」 under it: the cells
        # on a line of their own beside a row's label are null with their reason (tables._TWO_LINE; 47 claims before);
        # （一）予以公开's four zeros are still called blank, their line and the units' under it beginning with the group
        # label's pieces (「三、本年 （一）予以公开 8 132 140」 / 「度办理结 0 0 0 0」 / 「果 件 件 件 件」)
        "chromium-pdfplumber-layout__s01668-zeros.txt": 4,
        # pypdf's text of a table printed as paragraphs of &nbsp;-parted cells: 规章's 「33   7」, placed under no
        # column alike by both measures, null without a note (制发 and 废止; main called 制发 blank and read 33 there)
        "lo-pypdf__s01663-mixed.txt": 2,
        # the fixtures of test_decoder_goldens for labels set on two lines around their numbers and for 表三's last row
        # in one-number boxes: cells no reader places, null without a note and called blank, fewer than on main
        # (s02143: 1.申请人无正当理由…'s row, 35 claims on main; s02125: 行政事业性收费, 8 on main with 结转下年度's
        # row; s01959: 表二's 规章, as on main)
        "chromium-pdfplumber-layout__s02143-mixed.txt": 7, "lo-pdfplumber-layout__s02125-breaks.txt": 1,
        "lo-pypdf-layout__s02125-breaks.txt": 1, "lo-pdftotext__s01959-thead.txt": 3,
        # 表二's 行政规范性文件 in a 2019 table no reader places (as on main)
        "lo-pdfplumber__s00557-breaks.txt": 3,
        # pdftotext's layout of LibreOffice's PDF (the fixture for a label around its numbers beside a group label's
        # piece): 「2.申请人逾期未按收费通知要求」/「（六）」/「缴纳费用、行政机关不再处理其」/「其他处理 0 0 0 7 0 0 7」/「政府」, the
        # numbers on the group label's line inside the wrapped label, placed by no reader and called blank (as at the start)
        "lo-pdftotext-layout__s03245-breaks.txt": 7,
        # pdfplumber of Chromium's PDF of narrow full-width cells (seed 5183): 表二's 规章 and 行政规范性文件, numbers set on
        # two lines in cells three lines high, placed by no reader and called blank (as at the session's start, 4c1bc84)
        "chromium-pdfplumber__s05183-mixed.txt": 3, "chromium-pypdf-layout__s05183-mixed.txt": 3,
        # pdfminer of Chromium's PDF (seed 9263, the golden for a row its sum fails in every reading of): 「规范性文件   -   -
        # 3件」, the dashes taken into the label (「规范性文件 - -」), its 现行有效 3 placed by no reader and called blank
        # (as at 7bff1ef)
        "chromium-pdfminer__s09263-mixed.txt": 1,
        # pdfminer of Chromium's PDF (seed 9743, the golden for a one-cell item's blank mark): 行政许可's 1 after 行政事业性收费's
        # 「无」「无」, and 行政规范性文件's 现行有效, placed by no reader and called blank (as at 03f43f3)
        "chromium-pdfminer__s09743-mixed.txt": 2,
        # pdftotext of LibreOffice's PDF (seed 9183): 规章's 废止 13 in a box of its own, placed by no reader (as at 03f43f3)
        "lo-pdftotext__s09183-mixed.txt": 1,
        # pypdf's layout of LibreOffice's PDF (seed 9021): 「1.   0 0 0 0 0 00」 / 「属于国家秘密」, the row's numbers between its
        # numbering and its words, placed by no reader and called blank (as at 7bff1ef)
        "lo-pypdf-layout__s09021-breaks.txt": 7,
        # pdftotext of Chromium's PDF (seed 9935, 2019, numbers above their labels): 「规章」「22」「规范性文件」, 22 规范性文件's
        # 制发件数; 规章 is null for a row of fewer numbers than cells, 规范性文件 called blank (as at af7d7a0; 行政强制 too there)
        "chromium-pdftotext__s09935-mixed.txt": 1}
FILES = sorted(p.name for p in HERE.iterdir() if p.is_file() and "__" in p.name
               and (HERE / "expected" / f"{p.name.split('__', 1)[1].rsplit('.', 1)[0]}.json").exists())



def _false_blanks(path, expected: dict) -> list[str]:
    found = nianbao.check_file(path).findings
    return sorted({c for f in found if f.code in BLANK_RULES for c in f.cells if get(expected, c) is not None})


@pytest.mark.parametrize("name", FILES)
def test_no_cell_the_document_fills_is_called_blank(name):
    expected = load_json(HERE / "expected" / f"{name.split('__', 1)[1].rsplit('.', 1)[0]}.json")
    assert len(_false_blanks(HERE / name, expected)) <= LEFT.get(name, 0)


def test_rows_a_noisy_reading_read_nothing_of_are_noted_not_called_blank():
    """tesseract psm 6 at 150 dpi over r000dense's 表三 page: a digit read as a glyph, so no sum vouches for the
    rest; seven rows read no number and were called blank (T3-05), though the page fills them. Now each has the
    reader's note, and nothing the record fills is called blank."""
    name = "tess150-psm6__r000dense_scan_p3.txt"
    result = nianbao.check_file(HERE / name)
    notes = {n.path: n.text for n in result.record.notes if n.kind == "unreadable"}
    assert notes["requests.carried_forward"] == (
        "识别文字（OCR）有误读迹象（表格固定文字中有格式以外的字「时所瑟疝生生」），本件表格有 1 格数字被识别成其他字符，"
        "该行没有读出数字：可能是空白，也可能是数字没有识别出来，已留空")
    assert _false_blanks(HERE / name, load_json(HERE / "expected" / "r000dense_scan_p3.json")) == []


def test_an_unrecognised_scan_with_numbers_no_row_took_does_not_call_its_rows_blank():
    """tesseract psm 6 at 300 dpi over the same page, no sign of OCR the reader knows: 68 numbers, 49 cells read;
    the rows with none are noted by the numbers left over, not called blank."""
    name = "tess300-psm6__r000dense_scan_p3.txt"
    result = nianbao.check_file(HERE / name)
    note = next(n.text for n in result.record.notes if n.path == "requests.carried_forward")
    assert note.startswith("本节写有 68 个数字（666 736 715 594 781 634 4126 22 117 2 4 9 …），表格只读出 49 格")
    assert _false_blanks(HERE / name, load_json(HERE / "expected" / "r000dense_scan_p3.json")) == []


def test_a_section_with_numbers_no_cell_took_does_not_call_its_empty_rows_blank():
    """pdfminer over pt17: 「规章」「行政规范性文件」, their header, then 5 / 0 / 0 for six cells (行政规范性文件's; 规章
    is blank). Which is whose the text does not say: both null, noted, and T2-03 calls neither blank."""
    result = nianbao.check_file(DATA / "pdftools" / "pt17.pdfminer.txt")
    codes = {(f.code, c) for f in result.findings for c in f.cells}
    assert ("L-03", "active.regulations") in codes and ("L-03", "active.normative_documents") in codes
    assert not [c for code, c in codes if code == "T2-03"]
    note = next(n.text for n in result.record.notes if n.path == "active.regulations")
    assert note.startswith("本节写有 7 个数字（5 0 0 2650 31 0 0），表格只读出 4 格")


def test_a_table_read_whole_keeps_its_blank_rows_blank():
    """The must-not-fire side: a clean report whose 表四 行政复议 is blank (seed 000) still gets T4-03, and a
    report with every table read gets no reader's note for an empty row."""
    result = nianbao.check_file(DATA / "text" / "000_3da483fcafa05843.txt")
    assert "T4-03" in {f.code for f in result.findings}
    assert not [n for n in result.record.notes if n.kind == "unreadable"]
