"""Cells the reader left null because the text did not settle them are not blank cells of the document.

docx2txt writes r000's 表四 as ten zeros for fifteen cells, one a line: which five are blank the text does
not say, so the three groups stay null and L-03 says why. The document's cells are not blank: the blank-cell
rules (T2-03, T3-05, T4-03) must not tell the clerk to fill them, nor L-02 say they were repaired and read. In the same text 「（六）其他处理」 stands on a
line of its own above its three sub-rows: the group's label, not a blank single row of the 2019 format.
"""

from __future__ import annotations

import re

import nianbao
from conftest import DATA
from nianbao.format import cell_name

DOCX2TXT = DATA / "decoder" / "docx-docx2txt__r000.txt"


def test_cells_the_reader_could_not_settle_are_not_reported_blank():
    result = nianbao.check_file(DOCX2TXT)
    codes = [f.code for f in result.findings]
    assert codes.count("L-03") == 3  # the three 表四 groups, each with its ten zeros
    assert result.record.appeals.review.total is None
    assert not {"T2-03", "T3-05", "T4-03"} & set(codes)
    assert "L-02" not in codes  # its repair note on 表四 read nothing: no 「已修复后读取」


def test_the_other_group_label_above_its_rows_is_no_row():
    record = nianbao.parse(DOCX2TXT)
    assert "other_total" not in record.requests
    assert [record.requests[k].total for k in ("other_no_supplement", "other_fee_unpaid", "other_other")] == [0, 0, 0]
    assert not [p for p in record.provenance if p.startswith("requests.other_total.")]
    assert record.meta.format == "2021"


def test_a_whole_table_is_named_in_chinese():
    assert [cell_name(k) for k in ("active", "requests", "appeals")] == ["表二", "表三", "表四"]


def test_the_web_tables_mark_the_cells_of_a_row_a_finding_names():
    """L-03 names rows ('appeals.review'): the report page's tables mark each of the row's cells, as the blank-cell
    findings once did; a finding on the whole table (L-02 'appeals') marks none."""
    from nianbao.web.screens import _tables

    result = nianbao.check_file(DOCX2TXT)
    flagged = {c: f.severity.value for f in result.findings for c in f.cells}
    flagged["active"] = "error"
    tables = {t["name"]: t for t in _tables(result.record, "2021", flagged)}
    t4 = [cell for row in tables["表四"]["rows"] for cell in row["cells"].values()]
    assert len(t4) == 15 and {cell["flag"] for cell in t4} == {"warning"}
    assert {cell["flag"] for row in tables["表二"]["rows"] for cell in row["cells"].values()} == {None}


def test_the_document_view_tags_the_numbers_no_cell_was_settled_from():
    """nianbao debug and the report page's document: the ten zeros stand marked where they are, tagged 无法确定 with
    the reason on hover, never with a column's name, which would say which cell each zero is."""
    page = nianbao.debug_html(DOCX2TXT)
    marks = re.findall(r'<mark id="v-appeals-[^"]+" class="([^"]*)" title="([^"]*)">0<sup>([^<]*)</sup>', page)
    assert len(marks) == 10  # one a zero (fifteen cells had pointed at ten zeros)
    assert {(cls, tag) for cls, _, tag in marks} == {("f-warning unsure", "无法确定")}  # (L-03's warning)
    assert all("值：无法确定（原文数字无法唯一还原" in title for _, title, _ in marks)


def test_t2_items_then_their_numbers_one_a_line_name_both_readings():
    """docling-rs (huaian2024): 「规章」「行政规范性文件」 and then 1 / 0 / 11 / 8 / 26 / 66, one a line. Row by row or
    column by column, the text does not say: null, with L-03 listing both readings, not T2-03's 「为空白」."""
    result = nianbao.check_file(DATA / "decoder" / "docling-rs__huaian2024.md")
    t2 = {f.cells[0]: f for f in result.findings if f.cells and f.cells[0].startswith("active.")}
    assert {k: f.code for k, f in t2.items()} == {"active.regulations": "L-03", "active.normative_documents": "L-03"}
    assert "1/0/11；1/11/26" in t2["active.regulations"].message
    assert "0/8/66；8/26/66" in t2["active.normative_documents"].message
    assert result.record.active.regulations.issued is None


BREAKS = DATA / "decoder" / "chromium-pdftotext-layout__s01037-breaks.txt"


def test_an_unread_row_shows_what_was_printed_not_its_reason_again(tmp_path):
    """L-03's 实为 is the document's characters for the row, the reason is in the message once. pdftotext -layout
    breaks 「四、结转下」 / 3 2 2 0 0 0 7 / 「年度继续办理」: its key 结转下年度 is found around its numbers, which are the
    row's (decoder._split_key; it was unread, 实为 showing them). Cut after its first character (「四、结」 / … /
    「转下年度继续办理」) the row is read right, or unread with its numbers in 实为: never another number.
    「（」 / 85 … 377 / 「七）总计」, its numbering cut around its numbers, was unread too (实为 「未能读出」); the numbers
    between a label's two pieces are now its own (tables._numbers_inside_label)."""
    row = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
    read = nianbao.parse(BREAKS).requests["carried_forward"]
    assert [getattr(read, c) for c in row] == [3, 2, 2, 0, 0, 0, 7]
    cut = tmp_path / "breaks.txt"
    cut.write_text(BREAKS.read_text("utf-8").replace("四、结转下\n", "四、结\n").replace("\n年度继续办理", "\n转下年度继续办理"),
                   "utf-8")
    for result in (nianbao.check_file(BREAKS), nianbao.check_file(cut)):
        l03 = {f.cells[0]: f for f in result.findings if f.code == "L-03"}
        got = result.record.requests["carried_forward"]
        if "requests.carried_forward" in l03:
            assert l03["requests.carried_forward"].actual == "3 2 2 0 0 0 7"
        else:
            assert [getattr(got, c) for c in row] == [3, 2, 2, 0, 0, 0, 7]
        assert "requests.total_processed" not in l03
        assert result.record.requests["total_processed"].total == 377
        # 「1.」 / 0 2 4 3 0 0 9 / 「信访举报投诉类申请」: read too (it was unread, quoting the next row's 5 0 0 0 0 17 22)
        assert "requests.declined_petition" not in l03
        assert result.record.requests["declined_petition"].total == 9
        for f in l03.values():  # 实为 holds no words: the document's numbers or 「未能读出」
            assert f.actual == "未能读出" or not re.search(r"[\u4e00-\u9fff]", f.actual), f.actual
