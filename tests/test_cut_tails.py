"""表三 numbers a PDF tool cut in two, the rest alone on a line below the row (extract/cuttail.py).

Fixture: PDFBox ExtractText -sort of LibreOffice's PDF of the shared r000dense.docx, whose 补正后…不明确 总计 194 sits
on two lines in its cell: 「（五 3.补正后申请内容仍不明确 34 57 40 47 15 1 19」 / 「处）」 / 「4」 (read 19 before: 1 wrong).
"""

from __future__ import annotations

import re

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.extract.pipeline import build_record
from nianbao.ingest import load_bytes

FIXTURE = DATA / "decoder" / "lodocx-pdfbox-sort__r000dense.txt"
ROW = "（五 3.补正后申请内容仍不明确 34 57 40 47 15 1 19\n处）\n4\n"


def _parse(text: str) -> dict:
    return build_record(load_bytes(text.encode("utf-8"), "t.txt")).to_json_dict()


def _notes(got: dict, row: str) -> list[dict]:
    return [n for n in got["notes"] if n["path"] == f"requests.{row}"]


def test_a_total_cut_in_two_is_joined_when_the_row_then_adds_up():
    got = nianbao.parse(FIXTURE).to_json_dict()
    expected = load_json(DATA / "decoder" / "expected" / "r000dense.json")
    assert [m for m in mismatches(expected, got) if m[2] is not None] == []
    assert list(got["requests"]["unavailable_unclear"].values()) == [34, 57, 40, 47, 15, 1, 194]
    assert any(n["kind"] == "repaired" and "「19」" in n["reason"] and "194" in n["reason"]
               for n in _notes(got, "unavailable_unclear"))


def test_the_repair_is_told_as_a_reason_not_quoted_as_the_documents_text():
    """L-02 once quoted the note's explanation as 「原文「本行按原样各数之和与总计不符；其下第2行…」」, cut at 40
    characters: the reader's words are the reason, apart from the document's own text."""
    from nianbao.audit import audit

    found = [f.message for f in audit(nianbao.parse(FIXTURE)) if f.code == "L-02"
             and f.cells == ["requests.unavailable_unclear"]]
    assert found == ["表三「3.补正后申请内容仍不明确」的单元格在原文中错位或残缺，已修复后读取："
                     "本行按原样各数之和与总计不符；其下第2行单独一行的「4」是「19」被工具断开的后半（单元格内折行），"
                     "连成「194」后各合计成立"]


def test_a_lone_number_that_does_not_make_the_row_add_up_leaves_it_null():
    text = FIXTURE.read_text(encoding="utf-8")
    assert ROW in text
    got = _parse(text.replace(ROW, ROW.replace("\n4\n", "\n5\n")))
    assert set(got["requests"]["unavailable_unclear"].values()) == {None}  # not 19
    # the reader's words the reason, the row's numbers as printed the note's text
    assert any(n["kind"] == "unreadable" and "「5」" in n["reason"] and n["text"] == "34 57 40 47 15 1 19"
               for n in _notes(got, "unavailable_unclear"))


def test_an_unread_row_shows_its_printed_numbers_as_what_the_document_says():
    """L-03's 实为 is what the document printed for the row, not 「未能读出」: the reader keeps the row's cells as
    printed beside its reason (cuttail's lone 5 below a row that still does not add up)."""
    from nianbao.audit import audit

    text = FIXTURE.read_text(encoding="utf-8")
    rec = build_record(load_bytes(text.replace(ROW, ROW.replace("\n4\n", "\n5\n")).encode("utf-8"), "t.txt"))
    found = [f for f in audit(rec) if f.code == "L-03" and f.cells == ["requests.unavailable_unclear"]]
    assert [f.actual for f in found] == ["34 57 40 47 15 1 19"]
    assert "其下第2行是单独一行的数字「5」" in found[0].message


def test_a_row_failing_its_sum_with_no_lone_number_below_is_read_as_printed():
    text = FIXTURE.read_text(encoding="utf-8")
    got = _parse(text.replace(ROW, ROW.replace(" 19\n处）\n4\n", " 18\n处）\n")))
    assert got["requests"]["unavailable_unclear"]["total"] == 18  # a printed defect: the audit's, not the reader's
    far = _parse(text.replace(ROW, ROW.replace(" 19\n处）\n4\n", " 18\n处）\n处）\n4\n")))  # three lines below
    assert far["requests"]["unavailable_unclear"]["total"] == 18
    # (19 ending the line is the first digits of the row's sum 194: cut at the page's side as readily, not known)
    cut = _parse(text.replace(ROW, ROW.replace("\n4\n", "\n")))
    assert cut["requests"]["unavailable_unclear"]["total"] is None


# pdfplumber of Chromium's PDF of an htmlsynth page (narrow cells, full-width digits): the 总计 284 of 本年新收 is set
# on two lines in its cell, 「２８」 on the line above the row and 「４」 below, which the row took as its seventh
# number (read 4 before: 1 wrong in pdfplumber, pdfplumber layout, pdftotext -layout, PyMuPDF sort each)
HEADED = DATA / "decoder" / "chromium-pdfplumber__s00165-numbers.txt"
HEAD_ROW = "２８\n一、本年新收政府信息公开申请数量 52 33 40 49 41 69\n４\n"


def test_the_first_digits_of_a_cut_number_above_the_row_are_joined_when_the_row_then_adds_up():
    got = nianbao.parse(HEADED).to_json_dict()
    expected = load_json(DATA / "decoder" / "expected" / "s00165-numbers.json")
    assert [m for m in mismatches(expected, got) if m[2] is not None] == []
    assert list(got["requests"]["new_received"].values()) == [52, 33, 40, 49, 41, 69, 284]
    assert any(n["kind"] == "repaired" and "「28」" in (n["reason"] or "") and "284" in (n["reason"] or "")
               for n in _notes(got, "new_received"))


def test_first_digits_above_that_make_no_reading_add_up_leave_the_row_null():
    text = HEADED.read_text(encoding="utf-8")
    assert HEAD_ROW in text
    got = _parse(text.replace(HEAD_ROW, HEAD_ROW.replace("２８\n", "２７\n")))
    assert set(got["requests"]["new_received"].values()) == {None}  # not 4
    assert any(n["kind"] == "unreadable" and "「27」" in n["reason"] for n in _notes(got, "new_received"))


# plain pdftotext of Chromium's PDF of another such page writes one cell a line: the 总计 21 of 本年新收 is 「２」
# above the row's label and 「１」 after its six cells, read 1 before (pdftotext, pdftotext -layout: 1 wrong each)
ONE_A_LINE = DATA / "decoder" / "chromium-pdftotext__s00021-numbers.txt"


def test_first_digits_above_the_label_of_a_row_written_one_cell_a_line_are_joined():
    got = nianbao.parse(ONE_A_LINE).to_json_dict()
    expected = load_json(DATA / "decoder" / "expected" / "s00021-numbers.json")
    assert [m for m in mismatches(expected, got) if m[2] is not None] == []
    assert got["requests"]["new_received"]["total"] == 21
    assert any(n["kind"] == "repaired" and "「2」" in (n["reason"] or "") and "21" in (n["reason"] or "")
               for n in _notes(got, "new_received"))


# pdftotext -layout of Chromium's PDF of an htmlsynth page whose 其他 column is narrow: its numbers wrap in the cell,
# 「２」 on the line above the row and 「０」 below, the row's line keeping a gap there (「1.属于国家秘密  １８ 0 0 0 0  ３８」).
# The row took the 「０」 below as its seventh number and failed its sums; the check of garbled rows nulled its 总计
# column and left 38 read as 其他 (4 wrong over 新收, 国家秘密, 信访举报, （七）总计). Its cells as read before that
# check are now looked at for a number cut in two: no placing of 20 settles the row, so it is null with the note;
# and a line whose numbers layout text parts into cells (「４      ２３」) is a line of numbers too
SPLIT_GAP = DATA / "decoder" / "chromium-pdftotext-layout__s00213-numbers.txt"


def test_a_row_the_garbled_check_nulled_beside_a_cut_number_is_null_with_the_cut_note():
    got = nianbao.parse(SPLIT_GAP).to_json_dict()
    expected = load_json(DATA / "decoder" / "expected" / "s00213-numbers.json")
    assert [m for m in mismatches(expected, got) if m[2] is not None] == []
    for row in ("new_received", "denied_state_secret", "declined_petition", "total_processed"):
        assert set(got["requests"][row].values()) == {None}
        assert any(n["kind"] == "unreadable" and "单元格内折行" in n["reason"] for n in _notes(got, row))


# PyMuPDF (get_text, one cell a line) of LibreOffice's PDF of an htmlsynth page: 本年新收's 其他 46 and 总计 238 are
# 「４６２３」/「８」 (238 set on two lines in its narrow cell, 「２３」 beside 46), （七）总计's 45 and 241 「４５２４」/「１」:
# read 4623 and 8, 4524 and 1 before (4 wrong; PyMuPDF sort the same)
GLUED = DATA / "decoder" / "lo-pymupdf__s00213-numbers.txt"
GLUED_ROW = "３５\n４６２３\n８\n"


def test_a_cell_glued_to_the_first_digits_of_its_neighbour_is_read_by_the_one_reading_that_adds_up():
    got = nianbao.parse(GLUED).to_json_dict()
    expected = load_json(DATA / "decoder" / "expected" / "s00213-numbers.json")
    assert [m for m in mismatches(expected, got) if m[2] is not None] == []
    assert list(got["requests"]["new_received"].values()) == [26, 56, 34, 41, 35, 46, 238]
    assert list(got["requests"]["total_processed"].values()) == [26, 56, 34, 44, 36, 45, 241]
    assert any(n["kind"] == "repaired" and "「4623」" in (n["reason"] or "") and "238" in (n["reason"] or "")
               for n in _notes(got, "new_received"))


def test_a_glued_row_whose_joins_never_add_up_is_null_where_other_rows_are_glued_and_one_line_is_not_joined():
    # (the text glues cells: （七）总计 is read as 45|24 and 1 joined. A row failing its sum that no one join mends is
    # then no printed defect to read as printed: its digits were grouped by the tool. PyMuPDF of Chromium's PDF, seed
    # 8005, wrote （七）总计 26 7 48 8 81 71 241 as 「２６７」「４８８」「８１」「７」「１」「２４」「１」, seven numbers, 7 wrong as printed)
    text = GLUED.read_text(encoding="utf-8")
    assert GLUED_ROW in text
    other = _parse(text.replace(GLUED_ROW, GLUED_ROW.replace("８\n", "９\n")))  # 46|239 does not add up either
    assert set(other["requests"]["new_received"].values()) == {None}
    assert list(other["requests"]["total_processed"].values()) == [26, 56, 34, 44, 36, 45, 241]
    assert any(n["kind"] == "unreadable" and "连写" in (n["reason"] or "") for n in _notes(other, "new_received"))
    same_line = _parse(text.replace(GLUED_ROW, "３５\n４６２３ ８\n"))  # two cells apart on one line: never joined
    assert same_line["requests"]["new_received"]["total"] != 238
    assert set(same_line["requests"]["new_received"].values()) == {None}


# PyMuPDF of LibreOffice's PDF of an htmlsynth page whose 表三 is drawn as text wider than the page: 本年新收's 总计
# 277 ends the line and its last 7 is cut off at the page's side, 「… 53   22   27」 (read 27 before: 1 wrong here,
# in PyMuPDF sort, pdftotext -layout and -raw)
CUT_SIDE = DATA / "decoder" / "lo-pymupdf__s00175-mixed.txt"


def test_a_total_that_is_the_first_digits_of_the_row_sum_at_the_line_end_is_null():
    got = nianbao.parse(CUT_SIDE).to_json_dict()
    expected = load_json(DATA / "decoder" / "expected" / "s00175-mixed.json")
    assert [m for m in mismatches(expected, got) if m[2] is not None] == []
    assert got["requests"]["new_received"]["total"] is None
    assert got["requests"]["new_received"]["research"] == 99  # the six cells stay
    assert any(n["kind"] == "unreadable" and "「27」" in n["reason"] and "277" in n["reason"]
               for n in _notes(got, "new_received"))
    text = CUT_SIDE.read_text(encoding="utf-8")
    row = re.compile(r"^(一、本年新收.*\s)27$", re.M)
    assert row.search(text)
    other = _parse(row.sub(lambda m: m.group(1) + "28", text))  # no prefix of 277: a printed defect
    assert other["requests"]["new_received"]["total"] == 28


# PyMuPDF sort of Chromium's PDF of the same page: 「3.补正后申请内容仍不明确 0 0 0 0 0 ５５」/「２」/「1.信访… 0 0 0 ９ 0 ０２９」:
# 其他 5 and 总计 5 glued, and the 「２」 below the first digits of the next row's 20; the row took it for its 总计 (55
# and 2: 2 wrong)
GLUED_SORT = DATA / "decoder" / "chromium-pymupdf-sort__s00213-numbers.txt"


def test_a_lone_number_below_a_glued_row_is_left_out_when_that_is_the_one_reading_that_adds_up():
    got = nianbao.parse(GLUED_SORT).to_json_dict()
    expected = load_json(DATA / "decoder" / "expected" / "s00213-numbers.json")
    assert [m for m in mismatches(expected, got) if m[2] is not None] == []
    assert list(got["requests"]["unavailable_unclear"].values()) == [0, 0, 0, 0, 0, 5, 5]
    assert any(n["kind"] == "repaired" and "「55」" in (n["reason"] or "") and "「2」" in (n["reason"] or "")
               for n in _notes(got, "unavailable_unclear"))


# PyMuPDF sort of LibreOffice's PDF of an htmlsynth page: 「6.属于四类过程性信 … 15」/「0 8 7 — 0 0」/「息 件」, the 总计
# 15 (its 「件」 wrapped) on the label's line, the other six cells centred on the next: read in line order 15 was the
# first cell (5 wrong; pdftotext -layout and pdfplumber, both modes, alike)
TWO_LINES = DATA / "decoder" / "lo-pymupdf-sort__s00117-numbers.txt"
TWO_LINES_ROW = re.compile(r"^(\s*6\.属于四类过程性信\s+)15$", re.M)


def test_a_row_on_its_label_line_and_the_next_is_read_by_the_one_placing_that_adds_up():
    """The decoder leaves rows beside a count's 件 apart from its number unread (``wrapped``: its reading had 15
    first); ``settle_two_line_rows`` reads the row from the numbers it had taken, the one merge of the two lines that
    adds up (null with a note from 2026-12-04 morning until the reader took unread rows too)."""
    got = nianbao.parse(TWO_LINES).to_json_dict()
    expected = load_json(DATA / "decoder" / "expected" / "s00117-numbers.json")
    assert [m for m in mismatches(expected, got) if m[2] is not None] == []
    assert list(got["requests"]["denied_process"].values()) == [0, 8, 7, None, 0, 0, 15]
    notes = _notes(got, "denied_process")
    assert any("两行" in (n["reason"] or "") for n in notes) and not any(n["kind"] == "unreadable" for n in notes)
    text = TWO_LINES.read_text(encoding="utf-8")
    assert TWO_LINES_ROW.search(text)
    other = _parse(TWO_LINES_ROW.sub(lambda m: m.group(1) + "16", text))  # no placing adds up: null, not 16 first
    assert set(other["requests"]["denied_process"].values()) == {None}
    assert any(n["kind"] == "unreadable" for n in _notes(other, "denied_process"))


def test_a_glued_reading_is_not_taken_where_a_blank_and_a_number_in_pieces_add_up_too():
    """bs4 text, a cell a line, of a page whose 13 is written in pieces and whose 商业企业 is blank: 「１２」/0/7/0/1/3/32
    is 12 _ 0 7 0 13 32. Cutting 12 and joining 2 and 0 (1 20 7 0 1 3 32) adds up as well: the glued reading is one
    of two, so the row is left to the other readers (it was read 1 20 7 0 1 3: 6 wrong)."""
    got = nianbao.parse(DATA / "webtext" / "t3_number_in_pieces.bs4-text-nl.txt").to_json_dict()
    row = got["requests"]["unavailable_unclear"]
    assert row["natural_person"] in (12, None) and row["other_org"] in (13, None)


CUT_ROWS = DATA / "decoder" / "chromium-pdfplumber__s05183-mixed.txt"


def test_a_row_each_of_whose_numbers_is_set_on_two_lines_is_joined_cell_by_cell():
    """「…申请数 ６９ ５１ １７ １０ ８２ ２１ ６９」/「量 ７ ５ ２７ ７７ ０ ５５ ９１」: 697 515 1727 1077 820 2155 6991, with a note."""
    got = nianbao.parse(CUT_ROWS).to_json_dict()
    assert list(got["requests"]["new_received"].values()) == [697, 515, 1727, 1077, 820, 2155, 6991]
    assert any(n["kind"] == "repaired" and "６９" not in n["reason"] and "697" in n["reason"]
               for n in _notes(got, "new_received"))


def test_tails_that_do_not_make_the_row_add_up_leave_it_unread():
    """The same lines with one tail changed: no join adds up. The first line alone fails its sum beside pieces in
    full-width digits that no cell took: its numbers are cut, not printed wrong, so the row is null with a note
    (``widewrap``), neither a join nor the first line's 69 for what the page prints as 69 over 7."""
    text = CUT_ROWS.read_text().replace("量 ７ ５ ２７ ７７ ０ ５５ ９１", "量 ７ ５ ２７ ７７ ０ ５５ ９２", 1)
    got = _parse(text)
    assert list(got["requests"]["new_received"].values()) == [None] * 7
    assert not any(n["kind"] == "repaired" for n in _notes(got, "new_received"))
    assert any(n["kind"] == "unreadable" and "全角" in (n.get("reason") or "") for n in _notes(got, "new_received"))


def test_a_row_that_adds_up_as_printed_is_joined_once_another_row_showed_its_numbers_so_cut():
    """pypdf's layout of the same page: 「（一）予以公开 - - ２９ - - - ２９」/「年度办 １ １」 adds up as printed (29 = 29) and as
    joined (291 = 291); 一、本年新收, which adds up only joined, shows the text cuts every number of a row so."""
    got = nianbao.parse(DATA / "decoder" / "chromium-pypdf-layout__s05183-mixed.txt").to_json_dict()
    assert list(got["requests"]["new_received"].values()) == [697, 515, 1727, 1077, 820, 2155, 6991]
    assert list(got["requests"]["granted"].values()) == [None, None, 291, None, None, None, 291]
    # without the row that showed it, 29 = 29 is read as printed: the line below could be another row's
    text = (DATA / "decoder" / "chromium-pypdf-layout__s05183-mixed.txt").read_text()
    alone = re.sub(r"\n +量 +７ +５ +２７ +７７ +０ +５５ +９１ *\n", "\n", text, count=1)
    assert alone != text
    assert _parse(alone)["requests"]["granted"]["research"] == 29


def test_a_lone_number_is_no_other_row_s_where_every_number_has_its_line():
    """s05611 (pdfminer, one number a line): 0 6 0 0 0 12 9 failing its sum gave 6 0 0 0 1 2 9, its first 0 dropped as
    the lone line's number of another row. Only a row whose other numbers share lines sets a lone one apart."""
    from nianbao.extract.cuttail import _glued_readings

    tokens = ["0", "6", "0", "0", "0", "12", "9"]
    apart = _glued_readings(tokens, list(range(7)), frozenset(range(7)))
    assert not any(how[3] == "" for _vals, how in apart)
    shared = _glued_readings(tokens, [0, 1, 1, 1, 1, 1, 1], frozenset({0}))
    assert any(how[3] == "" for _vals, how in shared)
