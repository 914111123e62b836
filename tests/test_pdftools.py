"""PDFs as positional and markup PDF tools write them (bench/score_pdftools.py; fixtures in tests/data/pdftools,
cut from those tools' real outputs of the shared and held-out PDFs): pdftohtml -xml / -s, pdftotext -bbox and
-htmlmeta, mutool stext and xhtml, PyMuPDF's json and words, pypdfium2's text rects. Each reads with no wrong
value; the failures they showed (a page number read as 行政事业性收费, a signature lost, a web page's date taken
for the report's) stay fixed, and the rules that fixed them leave alone what they must not touch."""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.extract.decoder import _page_number_pieces
from nianbao.extract.meta import _nil_glued
from nianbao.ingest import Block, Cell, load_bytes, sniff

HERE = DATA / "pdftools"
WHOLE = ["seed002z.pdftotext-bbox.html", "pt02.pdftohtml-s.html", "pt08.mutool.xhtml", "r001.pdftotext-htmlmeta.html",
         "pt02.pymupdf-words.txt", "pt20.pymupdf-words.txt", "pt22.pdftotext-fixed3.txt", "seed003.pymupdf-words.txt",
         "huaian2024.pdftotext.tsv", "huaian2024.pdfbox-sort.txt",
         # pdfminer.six over nianbao's render of pt17: 表三's last rows' numbers among 表四's header words, 表四's
         # 复议后起诉 blank; the first fifteen numbers took five of 表三's zeros for it
         "pt17.pdfminer.txt",
         # the same with the page wider: 表三's header words 「总计」「其他」 and its 2s right after 行政事业性收费 (blank)
         "pt17z.pdfminer.txt"]
# one page, or the pieces up to section 三: only their tables are the record's
PARTS = ["seed002z-p3.pdftohtml.xml", "seed002z-p3.mutool-stext.xml", "seed002z-p3.pymupdf.json",
         "seed002z.pdfium-rects.txt", "huaian2024.pdfium-rects.txt",
         # pdfium's text rects of held-out pt01 (title and 表二 only): the fee 7816 in two rects, 「78」「16」
         "pt01.pdfium-rects.txt"]


def _expected(name: str) -> dict:
    return load_json(HERE / "expected" / f"{name.split('.')[0].removesuffix('-p3')}.json")


def _wrong(expected: dict, actual: dict) -> list:
    return [m for m in mismatches(expected, actual) if m[2] is not None]


@pytest.mark.parametrize("name", WHOLE)
def test_a_whole_output_reads_with_no_wrong_value(name):
    assert _wrong(_expected(name), nianbao.parse(HERE / name).to_json_dict()) == []


@pytest.mark.parametrize("name", PARTS)
def test_a_page_or_the_pieces_up_to_table_three_read_table_two_with_no_wrong_value(name):
    got = nianbao.parse(HERE / name).to_json_dict()
    assert _wrong({"active": _expected(name)["active"]}, got) == []
    # the page number 「— 3 —」 (seed002z), 「9」「6」「1」「7」「1」「.」「6」 (huaian), 「78」「16」 (pt01: 78 had been read)
    assert got["active"]["fees"] is None


def test_positioned_outputs_are_told_from_the_bytes_and_read_by_position():
    for name in ("seed002z-p3.pdftohtml.xml", "seed002z-p3.mutool-stext.xml", "seed002z-p3.pymupdf.json",
                 "seed002z.pdftotext-bbox.html"):
        assert sniff((HERE / name).read_bytes(), name) == "positioned", name
    doc = nianbao.read_document(HERE / "seed002z.pdftotext-bbox.html")
    rows = [[c.text for c in b.cells] for b in doc.blocks]
    assert ["行政事业性收费"] in rows and ["— 3 —"] not in rows  # the footer above the margin, dropped
    assert ["行政规范性文件", "1"] in rows  # a table row's cells by position (its blank cells leave gaps)


def test_whole_outputs_keep_their_facts():
    assert nianbao.parse(HERE / "pt02.pdftohtml-s.html").meta.agency == "平潭综合实验区海坛片区管理局"
    assert nianbao.parse(HERE / "pt02.pymupdf-words.txt").meta.published == "2024-01-24"  # a word a line
    assert nianbao.parse(HERE / "pt08.mutool.xhtml").meta.published == "2021-01-21"  # the signature on page 2
    assert nianbao.parse(HERE / "pt20.pymupdf-words.txt").meta.published is None  # not 发布时间 2022-01-25
    assert nianbao.parse(HERE / "pt22.pdftotext-fixed3.txt").meta.agency == "平潭综合实验区行政审批局"  # 「无」 off
    assert nianbao.parse(HERE / "seed003.pymupdf-words.txt").requests is None  # one prose line like a label
    assert nianbao.parse(HERE / "r001.pdftotext-htmlmeta.html").requests["total_processed"].natural_person == 2
    # a group label's merged cell between a row's label and its numbers (「1.本机关不掌握相关政府信息」「（四）无 746 12 …」)
    # is no other row's start: the numbers are the row's
    assert nianbao.parse(HERE / "huaian2024.pdfbox-sort.txt").requests["unavailable_not_held"].total == 769


def _blocks(*texts: str) -> list[Block]:
    return [Block([Cell(t)]) for t in texts]


def test_a_page_number_a_piece_a_line_is_dropped_only_between_words():
    assert _page_number_pieces(_blocks("二、主动公开", "行政事业性收费", "—", "3", "—", "三、收到和处理")) == {2, 3, 4}
    assert _page_number_pieces(_blocks("总计", "5", "—", "3", "—", "0", "1")) == set()  # cells between numbers
    assert _page_number_pieces(_blocks("总计", "行政许可", "-", "3", "-", "行政处罚")) == set()  # a hyphen: no page


def test_a_glued_nil_is_taken_off_a_signature_only_as_the_document_writes_the_name():
    doc = _blocks("无锡市统计局2021年政府信息公开工作年度报告", "六、其他需要报告的事项 无锡市统计局 2022年1月5日")
    assert _nil_glued("无锡市统计局", doc, 1) == "无锡市统计局"
    doc = _blocks("平潭综合实验区行政审批局2019年年度报告", "无平潭综合实验区行政审批局")
    assert _nil_glued("无平潭综合实验区行政审批局", doc, 1) == "平潭综合实验区行政审批局"
    assert _nil_glued("无某某局", _blocks("标题", "无某某局"), 1) is None  # the document does not say


def test_a_page_that_merely_names_a_div_page1_is_read_as_a_page():
    html = ("<html><body><div id='page1'><div id='zoom'><p>某某局2023年政府信息公开工作年度报告</p>"
            "<p style='top:10px;left:5px'>一、总体情况</p><p>本年新收申请 3 件。</p></div></div></body></html>")
    doc = load_bytes(html.encode(), "a.html")
    assert doc.kind == "html" and doc.blocks[0].text == "某某局2023年政府信息公开工作年度报告"


def test_a_bare_number_ending_a_page_is_kept_and_a_small_pre_among_paragraphs_stays_html():
    words = "".join(f'<word xMin="{x}" yMin="{y}" xMax="{x + 40}" yMax="{y + 12}">{t}</word>'
                    for x, y, t in [(50, 100, "行政许可"), (300, 100, "5"), (50, 700, "行政处罚"), (300, 700, "3")])
    doc = load_bytes(f'<doc><page width="600" height="800">{words}</page></doc>'.encode(), "b.html")
    assert [[c.text for c in b.cells] for b in doc.blocks] == [["行政许可", "5"], ["行政处罚", "3"]]
    html = "<html><body><p>" + "某某局年度报告正文。" * 30 + "</p><pre>行政许可 5</pre></body></html>"
    assert load_bytes(html.encode(), "c.html").blocks[0].text.startswith("某某局年度报告正文")


def test_poppler_tsv_is_read_by_its_positions():
    """pdftotext -tsv names its columns in another order than tesseract (paragraph before block): read as text,
    its word-a-line table had given a wrong 表二 number here."""
    data = (HERE / "huaian2024.pdftotext.tsv").read_bytes()
    assert sniff(data, "a.tsv") == "ocr-tsv"
    got = nianbao.parse(HERE / "huaian2024.pdftotext.tsv")
    assert got.meta.agency and got.requests is not None


def test_poppler_tsv_words_are_a_pdfs_text_not_ocr():
    """Its words are the PDF's text layer (confidence 100, the same as -bbox): read with OCR's caution, 表二
    (no sums to check it) had been left blank, 25 cells of huaian's record null."""
    assert nianbao.read_document(HERE / "huaian2024.pdftotext.tsv").kind == "pdf"
    got = nianbao.parse(HERE / "huaian2024.pdftotext.tsv").to_json_dict()
    assert mismatches(_expected("huaian2024.pdftotext.tsv"), got) == []
    assert not [n for n in got["notes"] if "OCR" in n["text"] + (n["reason"] or "")]


def test_a_table_four_block_lost_in_a_longer_run_is_noted_by_that_run():
    """pdfminer over pt17: after 表四's tenth number, fifty numbers stand with no word between (表三's last rows).
    复议后起诉 is left null, and its L-03 names that run and how many cells it could not fill, not the numbers
    read for the whole table (「0 0 2 0 2 0 0 0 0 0」, which misled a clerk into looking at 行政复议)."""
    found = [f for f in nianbao.check_file(HERE / "pt17.pdfminer.txt").findings
             if f.code == "L-03" and f.cells[0].startswith("appeals.")]
    assert [f.message for f in found] == [
        "表四「行政诉讼·复议后起诉」无法唯一还原：表四第 11 个数起与其后的数字连写成一串（「0 0 0 0 0 0 0 0 0 0 …」，"
        "共 50 个数），多于表四剩下的 5 格，哪些是表四的数无法确定，已留空，未猜测"]


def test_a_fee_in_two_pieces_is_left_null_with_a_note():
    """pdfium writes a rect a line, and a number the PDF set in two runs is two rects (「78」「16」 for 7816, then
    the page number): the first piece had been read as the fee. Which it is is not known; said so (L-03)."""
    got = nianbao.parse(HERE / "pt01.pdfium-rects.txt").to_json_dict()
    assert got["active"]["fees"] is None
    assert [n["kind"] for n in got["notes"] if n["path"] == "active.fees"] == ["unreadable"]


def test_a_title_whose_year_stands_on_its_own_line_names_the_agency():
    """pdfium's rects of held-out pt05's first and last lines: 「平潭综合实验区公安局」/「2019」/「年政府信息公开工作年度
    报告」, then a sentence cut at the line's end in 委 (「根据《中华人民共和国政府信息公开条例》和实验区管委」), which had
    been taken for the agency. The three lines are the title; a line with 《》 is no agency's name."""
    meta = nianbao.parse(HERE / "pt05-ends.pdfium-rects.txt").meta
    assert (meta.agency, meta.year) == ("平潭综合实验区公安局", 2019)


def test_a_signature_date_a_piece_a_line_before_the_last_page_number_is_read():
    """pdfium's rects end pt05 with 「平潭综合实验区公安局」「2020」「年」「1」「月」「17」「日」「—」「6」「—」: the date's pieces, then
    the last page's number, which had hidden the date from the word-a-line signature reading."""
    assert nianbao.parse(HERE / "pt05-ends.pdfium-rects.txt").meta.published == "2020-01-17"


def test_a_table_four_of_more_numbers_than_cells_none_settled_is_unread_not_a_crash():
    """pdfium's rects of huaian2024's 表四, a character a line (「7」「2 」「6」「4 」…): 26 numbers, more than the 15 cells
    with no word among them, so none is settled as 表四's; the reading of interleaved headers then indexed the
    first of no numbers (IndexError: the whole document failed to parse)."""
    got = nianbao.parse(HERE / "huaian2024-t4.pdfium-rects.txt").to_json_dict()
    assert all(v is None for g in got["appeals"].values() for v in g.values())
    assert {n["path"] for n in got["notes"] if n["kind"] == "unreadable"} >= {
        "appeals.review", "appeals.litigation_direct", "appeals.litigation_after_review"}


def test_a_row_with_blank_cells_is_read_under_its_column_headers_by_position():
    """PyMuPDF's json of held-out pt14z's 表三 page (zero cells blank): 「一、本年新收政府信息公开申请数量」「1」「1」, the 1s
    under 自然人 and 总计. Read in order they may be any two of the seven columns, so they had been left null; their
    places under the header's words say which (pdftotext -bbox's seed002z the same: 77 under 自然人 and 总计)."""
    got = nianbao.parse(HERE / "pt14z-p3.pymupdf.json").to_json_dict()
    assert mismatches({"requests": load_json(HERE / "expected" / "pt14z.json")["requests"]}, got) == []
    got = nianbao.parse(HERE / "seed002z.pdftotext-bbox.html").to_json_dict()
    assert mismatches({"requests": _expected("seed002z.pdftotext-bbox.html")["requests"]}, got) == []


def _cell(text: str, x0: float, x1: float) -> Cell:
    return Cell(text, page=1, bbox=(x0, 100.0, x1, 110.0))


# a header as pdftotext -bbox runs it: several columns' words in one run, a column's words over lines
_HEAD = [Block([_cell("自然", 327, 348), _cell("社会法律", 412, 461)]),
         Block([_cell("商业科研", 355, 405), _cell("总计", 497, 518)]),
         Block([_cell("人", 332, 343), _cell("公益服务其他", 412, 490)]),
         Block([_cell("企业机构", 355, 405)])]


def _row(*cells: Cell) -> list[Block]:
    return [*_HEAD, Block([_cell("一、本年新收政府信息公开申请数量", 82, 250), *cells])]


def test_numbers_are_placed_only_under_one_column_each_and_when_the_row_adds_up():
    from nianbao.extract.placed import Places, header_centres, place
    from nianbao.extract.values import read_value

    def placed(*cells: Cell) -> list | None:
        blocks = _row(*cells)
        head = header_centres(blocks, Places())
        assert head is not None
        vals = [read_value(c) for c in cells]
        got = place(vals, blocks[-1].cells[0], head[1], Places())  # type: ignore[arg-type]
        return None if got is None else [v.value for v in got]

    assert placed(_cell("1", 335, 340), _cell("1", 505, 510)) == [1, None, None, None, None, None, 1]
    assert placed(_cell("2", 335, 340), _cell("1", 475, 480), _cell("3", 505, 510)) == [2, None, None, None, None, 1, 3]
    assert placed(_cell("1", 335, 340), _cell("2", 505, 510)) is None  # 1 ≠ 2: no placing
    assert placed(_cell("1", 348, 353), _cell("1", 505, 510)) is None  # between 自然人 and 商业企业
    assert placed(_cell("1", 335, 340), _cell("1", 336, 341)) is None  # two under one column
    # a header whose columns are not the format's order, or one column printed at two places, tells no column
    assert header_centres([Block([_cell("总计自然商业科研社会法律其他", 300, 500)]), *_row()[-1:]], Places()) is None
    assert header_centres([*_HEAD, Block([_cell("自然", 450, 470)]), *_row()[-1:]], Places()) is None
    # a reading from pixels: its boxes are guesses too, nothing is placed
    assert header_centres(_row(), Places.none()) is None


def test_a_crawler_header_written_a_word_a_line_gives_the_title_and_date():
    """PyMuPDF's words of a crawler's page printed by LibreOffice (held-out pt04): every key on its own line, its
    value on the lines after it (「标题:」/「…管理局2025」/「年度政府信息公开工作年度报告」/「发布时间:」/「2026-01-21」/
    「15:16」/「文号:」…), the separator 「====」/「正文」/「====」. The header was not known: no agency, year or date."""
    meta = nianbao.parse(HERE / "pt04-head.pymupdf-words.txt").meta
    assert (meta.agency, meta.year, meta.published) == ("平潭综合实验区苏平片区管理局", 2025, "2026-01-21")
    doc = nianbao.read_document(HERE / "pt04-head.pymupdf-words.txt")
    assert doc.blocks[0].text.startswith("根据《中华人民共和国政府信息公开条例》")  # the header and its separator, off


def test_a_value_below_its_key_is_taken_only_up_to_the_next_key():
    from nianbao.ingest.furniture import crawler_header
    head = crawler_header(["标题:", "某某局2023", "年度报告", "发布时间:", "2024-01-05", "10:00", "栏目:", "年报",
                           "==========", "正文", "==========", "一、总体情况"])
    assert (head.lines, head.title, head.date) == (11, "某某局2023年度报告", "2024-01-05")
    # a key's value running on for more lines than a wrapped value has, or to no next key, is no header's
    assert crawler_header(["标题:", "一", "二", "三", "四", "发布时间:", "2024-01-05", "栏目:", "年报"]).title is None
    assert crawler_header(["标题:", "某某局年度报告", "一、总体情况"]).lines == 0


def test_a_title_wrapped_after_its_year_or_before_its_last_word_is_one_title():
    """PyMuPDF's words cut a title where its line wraps: 「平潭综合实验区财政金融局2021」/「年度政府信息公开工作年度报告」
    (held-out pt01 printed by LibreOffice; the agency had been lost) and 「平湖市统计局」/「2021」/「年度政府信息公开工作」/
    「年度报告」 (seed004: no title at all, so no report)."""
    meta = nianbao.parse(HERE / "pt01-head.pymupdf-words.txt").meta
    assert (meta.agency, meta.year) == ("平潭综合实验区财政金融局", 2021)
    meta = nianbao.parse(HERE / "seed004-head.pymupdf-words.txt").meta
    assert (meta.agency, meta.year, meta.title) == ("平湖市统计局", 2021, "平湖市统计局2021年度政府信息公开工作年度报告")


def test_a_title_line_holding_only_the_titles_tail_takes_the_agency_from_the_pages_title():
    """PyMuPDF's words of held-out pt08 printed by LibreOffice: the crumb 「当前位置：」/「首页政务公开…政府信息公开年报」 (its >
    lost: no crumb by its look, and taken for the title) and the title wrapped twice, 「平潭综合实」/「验区…局2020」/「年政府
    信息公开年度报告」; pt16 has no title line, and a sentence 「…2020」/「年政府信息公开工作年度报告编制发布工作的通」 had been
    its title. Both: the agency and the year of the crawler's 标题."""
    meta = nianbao.parse(HERE / "pt08-head.pymupdf-words.txt").meta
    assert (meta.agency, meta.year) == ("平潭综合实验区自然资源与生态环境局", 2020)
    meta = nianbao.parse(HERE / "pt16-head.pymupdf-words.txt").meta
    assert (meta.agency, meta.year) == ("平潭综合实验区农业农村局", 2020)


def test_an_agency_and_year_line_under_a_cut_word_is_no_titles_head():
    """「平潭综合实」/「验区自然资源局2020」/「年政府信息公开年度报告」 with no page title: 「验区自然资源局」 is the tail of a name
    cut at a line's end, not the agency; the title stays its last line, and the agency unknown."""
    from nianbao.extract.meta import find_meta
    mf = find_meta(_blocks("平潭综合实", "验区自然资源局2020", "年政府信息公开年度报告", "一、总体情况"))
    assert mf.agency is None and mf.title == "年政府信息公开年度报告"
    mf = find_meta(_blocks("某某区自然资源局2020", "年政府信息公开年度报告", "一、总体情况"))
    assert (mf.agency, mf.year) == ("某某区自然资源局", 2020)


def test_table_two_and_a_wrapped_labels_row_with_blank_cells_are_read_by_position():
    """PyMuPDF's json of held-out pt01z's 表二 page: 「行政规范性文件」「3」「3」 under 本年制发件数 and 现行有效件数 (本年废止件数
    blank). And pt04z's 表三 page: 「（二）部分公开（区分处理的，只计这一情」 / 「2」「2」 / 「形，不计其他情形）」, the numbers on a
    line of their own between the label's two lines; placed, but a reading from two blocks, the decoder had left it null."""
    got = nianbao.parse(HERE / "pt01z-p4.pymupdf.json").to_json_dict()
    assert mismatches({"active": load_json(HERE / "expected" / "pt01z.json")["active"]}, got) == []
    got = nianbao.parse(HERE / "pt04z-p3.pymupdf.json").to_json_dict()
    assert got["requests"]["partially_granted"] == load_json(HERE / "expected" / "pt04z.json")["requests"][
        "partially_granted"]
    assert _wrong({"requests": load_json(HERE / "expected" / "pt04z.json")["requests"]}, got) == []


def test_numbers_under_table_two_headers_stand_on_their_places_alone():
    from nianbao.extract.placed import Places, head_centres, under_columns
    from nianbao.extract.values import read_value
    head = Block([_cell("信息内容", 144, 186), _cell("本年制发件数", 263, 326), _cell("本年废止件数", 354, 417),
                  _cell("现行有效件数", 445, 508)])
    xs = head_centres(head, [("制发",), ("废止",), ("有效",)], Places())
    assert xs is not None

    def under(*cells: Cell) -> list | None:
        got = under_columns([read_value(c) for c in cells], xs, Places())  # type: ignore[misc]
        return None if got is None else [v.value if v else None for v in got]

    assert under(_cell("3", 292, 298), _cell("3", 474, 479)) == [3, None, 3]
    assert under(_cell("3", 330, 336)) is None  # between two columns
    assert head_centres(head, [("有效",), ("制发",)], Places()) is None  # out of order



def test_layout_text_places_a_rows_numbers_by_their_columns():
    """pdftotext -layout of held-out pt04z (zero cells blank): 「一、本年新收政府信息公开申请数量           3                 3」,
    the 3s in the columns of 自然人 and 总计; and 「（二）部分公开…」 with its numbers on the line under it. Both had been
    null."""
    got = nianbao.parse(HERE / "pt04z.pdftotext-layout.txt").to_json_dict()
    exp = load_json(HERE / "expected" / "pt04z.json")
    assert mismatches({"requests": exp["requests"], "active": exp["active"]}, got) == []
    assert _wrong(exp, got) == []


def test_flat_text_and_tab_separated_text_place_nothing():
    """A flat text's header on one line from the margin: the row's label runs past the first column, so its
    numbers are no column's; a line cut by tabs keeps no columns at all."""
    from nianbao.extract.placed import Places, header_centres, place
    from nianbao.extract.values import split_row
    flat = ("申请人情况\n自然人 商业企业 科研机构 社会组织 法律服务机构 其他 总计\n"
            "一、本年新收政府信息公开申请数量  3  3\n")
    doc = load_bytes(flat.encode(), "f.txt")
    places = Places(doc.text)
    head = header_centres(doc.blocks, places)
    assert head is not None
    row = split_row(doc.blocks[-1])
    assert place(row.values, row.label_cells[-1], head[1], places) is None
    tabbed = "自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n一、本年新收\t3\t3\n"
    doc = load_bytes(tabbed.encode(), "t.txt")
    assert header_centres(doc.blocks, Places(doc.text)) is None


def test_table_four_with_blank_cells_is_read_under_its_header_words_by_position():
    """PyMuPDF's json of held-out pt17z's 表三/表四 page: 表四's row is 「2」「2」, under 行政复议's 其他结果 and 总计 (the
    rest blank). Two numbers say nothing of their columns; their places under 维持/纠正/其他/尚未/总计 do."""
    got = nianbao.parse(HERE / "pt17z-p3.pymupdf.json").to_json_dict()
    assert got["appeals"] == load_json(HERE / "expected" / "pt17z.json")["appeals"]


def test_table_four_places_need_each_columns_word_three_times_in_order():
    from nianbao.extract.placed import Places, t4_centres, t4_place
    from nianbao.extract.values import read_value
    words = ["维持", "纠正", "其他", "尚未", "总计"] * 3
    head = [Block([_cell(w, 100 + 30 * i, 120 + 30 * i) for i, w in enumerate(words)])]
    xs = t4_centres(head, Places())
    assert xs is not None and len(xs) == 15
    two = [read_value(_cell("2", 167, 173)), read_value(_cell("2", 227, 233))]
    got = t4_place(two, xs, Places())  # type: ignore[arg-type]
    assert got is not None and [v.value if v else None for v in got[0]] == [None, None, 2, None, 2]
    three = [read_value(_cell("2", 167, 173)), read_value(_cell("3", 227, 233))]
    assert t4_place(three, xs, Places()) is None  # 2 ≠ 3
    assert t4_centres([Block(head[0].cells[:10])], Places()) is None  # two groups' words only
