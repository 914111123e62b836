"""A 表四 printed with every cell blank (a form nobody filled in) is read as 表四 with null cells, as the audit's
rule for blanks says (T4-03 「全部 5 格为空白」), not as a table that cannot be read (S-02 「表四无法读取」).
The Word document is made with python-docx the way an office types it: merged group headings, one blank row."""

from __future__ import annotations

import io

import pytest

import nianbao

docx = pytest.importorskip("docx")

TITLE = "某某市某某局2022年政府信息公开工作年度报告"
COLS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _report_docx(data_row: list[str] | None) -> bytes:
    d = docx.Document()
    d.add_paragraph(TITLE)
    for h in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"):
        d.add_paragraph(h)
        d.add_paragraph("本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。")
    d.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    t = d.add_table(rows=3 + (data_row is not None), cols=15)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, 4)).text = "行政复议"
    t.cell(0, 5).merge(t.cell(0, 14)).text = "行政诉讼"
    for i, c in enumerate(COLS):
        t.cell(1, i).merge(t.cell(2, i)).text = c
    t.cell(1, 5).merge(t.cell(1, 9)).text = "未经复议直接起诉"
    t.cell(1, 10).merge(t.cell(1, 14)).text = "复议后起诉"
    for i in range(10):
        t.cell(2, 5 + i).text = COLS[i % 5]
    if data_row is not None:
        for i, v in enumerate(data_row):
            t.cell(3, i).text = v
    d.add_paragraph("五、存在的主要问题及改进情况")
    d.add_paragraph("一是公开内容有待丰富。")
    d.add_paragraph("六、其他需要报告的事项")
    d.add_paragraph("本年度未收取信息处理费。")
    d.add_paragraph("某某市某某局")
    d.add_paragraph("2023年1月20日")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _html(data_row: list[str] | None) -> bytes:
    head = ('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
            + "<tr>" + "".join(f'<td rowspan="2">{c}</td>' for c in COLS)
            + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>'
            + "<tr>" + "".join(f"<td>{c}</td>" for c in COLS * 2) + "</tr>")
    row = "" if data_row is None else "<tr>" + "".join(f"<td>{v}</td>" for v in data_row) + "</tr>"
    paras = "".join(f"<p>{h}</p><p>本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。</p>"
                    for h in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"))
    return (f"<html><body><h1>{TITLE}</h1>{paras}<p>四、政府信息公开行政复议、行政诉讼情况</p>"
            f"<table border=1>{head}{row}</table><p>五、存在的主要问题及改进情况</p><p>一是公开内容有待丰富。</p>"
            "<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p><p>某某市某某局</p><p>2023年1月20日</p>"
            "</body></html>").encode("utf-8")


@pytest.mark.parametrize("make,name", [(_report_docx, "blank.docx"), (_html, "blank.html")])
def test_an_all_blank_table4_is_null_not_unreadable(make, name):
    record = nianbao.parse_bytes(make([""] * 15), name)
    assert record.appeals is not None, [n for n in record.notes if n.kind == "unreadable"]
    assert all(v is None for g in record.appeals.model_dump().values() for v in g.values())  # null, never 0
    findings = nianbao.check(record)
    assert not [f for f in findings if f.code == "S-02" and f.cells == ["appeals"]]
    blank = [f for f in findings if f.code == "T4-03"]
    assert len(blank) == 3 and all("全部 5 格为空白" in f.message for f in blank)


@pytest.mark.parametrize("make,name", [(_report_docx, "filled.docx"), (_html, "filled.html")])
def test_a_filled_table4_reads_as_before(make, name):
    row = ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "2", "1", "0", "0", "3"]
    record = nianbao.parse_bytes(make(row), name)
    assert record.appeals.review.upheld == 1 and record.appeals.litigation_after_review.total == 3


@pytest.mark.parametrize("make,name", [(_report_docx, "header.docx"), (_html, "header.html")])
def test_a_table4_with_no_row_for_its_cells_stays_unreadable(make, name):
    record = nianbao.parse_bytes(make(None), name)  # only the header printed: nothing says the cells are blank
    assert record.appeals is None
    assert [f for f in nianbao.check(record) if f.code == "S-02" and f.cells == ["appeals"]]


# The same blank 表四 as text converters and crawlers give it: no cell survives, only the header's words.
_HEAD_LINES = ["行政复议", "行政诉讼", *COLS, "未经复议直接起诉", "复议后起诉", *COLS, *COLS]
# pdfplumber over a PDF of it: the header's two-line words interleaved by column
_HEAD_INTERLEAVED = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", "结果 结果 其他 尚未 总计 结果 结果 其他 尚未 结果 结果 其他 尚未",
                     "维持 纠正 结果 审结 总计 总计 维持 纠正 结果 审结 维持 纠正 结果 审结"]
# a Markdown converter's garbage header row (数据1…数据15) where 行政复议/行政诉讼 stood
_HEAD_MD = ["| " + " | ".join(f"数据{i + 1}" for i in range(15)) + " |", "|" + "---|" * 15,
            "| " + " | ".join([*COLS, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]) + " |",
            "| " + " | ".join(["", "", "", "", "", *COLS, *COLS]) + " |", "|" + "   |" * 15]


def _text(head: list[str], after_heading: list[str] = (), tail: list[str] = ()) -> bytes:
    lines = [TITLE]
    for h in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"):
        lines += [h, "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。"]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", *head, "— 5 —", "五、存在的主要问题及改进情况", *after_heading,
              "一是公开内容有待丰富。", "六、其他需要报告的事项", "本年度未收取信息处理费。", *tail, "某某市某某局", "2023年1月20日"]
    return "\n".join(lines).encode("utf-8")


@pytest.mark.parametrize("text,name", [
    (_text(_HEAD_LINES), "lines.txt"),
    (_text(_HEAD_INTERLEAVED), "interleaved.txt"),
    (_text([" ".join(_HEAD_LINES)]), "flat.txt"),
    (b" ".join(_text(_HEAD_LINES).split(b"\n")), "crawler.txt"),  # the whole page one line
    (_text(_HEAD_MD), "garbage.md"),
])
def test_an_all_blank_table4_in_text_is_null_not_unreadable(text, name):
    record = nianbao.parse_bytes(text, name)
    assert record.appeals is not None, [n for n in record.notes if n.kind == "unreadable"]
    assert all(v is None for g in record.appeals.model_dump().values() for v in g.values())
    assert not [n for n in record.notes if n.kind == "unreadable" and n.path == "appeals"]
    assert len([f for f in nianbao.check(record) if f.code == "T4-03"]) == 3


@pytest.mark.parametrize("text", [
    # part of the header after the next heading (pdfminer's boxes): the numbers may have moved too
    _text(_HEAD_LINES[:-5], after_heading=_HEAD_LINES[-5:]),
    # only one block's columns: not the whole header
    _text(["行政复议", "行政诉讼", *COLS, "未经复议直接起诉", "复议后起诉"]),
    # a number between the header and the next heading
    _text([*_HEAD_LINES, "1"]),
])
def test_a_table4_not_wholly_there_is_no_blank_table(text):
    record = nianbao.parse_bytes(text, "t.txt")  # unreadable (S-02), or read with a note: never silently blank
    assert record.appeals is None or any(n.path and n.path.startswith("appeals") for n in record.notes)
    assert record.appeals is None or all(v is None for g in record.appeals.model_dump().values() for v in g.values())


def test_a_filled_table4_in_text_reads_as_before():
    row = ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "2", "1", "0", "0", "3"]
    record = nianbao.parse_bytes(_text([*_HEAD_LINES, " ".join(row)]), "t.txt")
    assert record.appeals.review.upheld == 1 and record.appeals.litigation_after_review.total == 3
