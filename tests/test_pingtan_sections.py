"""Section headings inside crawler-flattened text (tests/data/pingtan): line breaks gone, a heading stands in
the middle of a long line (「…联系电话：0591-23155817）。一、总体情况2022年，区经济发展局…」).

Before, headings were found only where a block starts: all 18 reports got six false S-01 findings. A heading
inside a line is found by its number, the section's words right after it and the format's order; the words a
sentence quotes, a subheading's number and a table row numbered like a section (四、结转下年度继续办理) are not
headings. The tables are read exactly as before (test_pingtan.py: no wrong value; score_pingtan.sh).
"""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json
from nianbao.extract.sections import find_headings
from nianbao.ingest import Block, Cell
from nianbao.ingest.geometry import Glyph
from nianbao.ingest.layout import Line, Page, assemble

HERE = DATA / "pingtan"
CASES = sorted(p.stem for p in (HERE / "expected").glob("*.json"))
ALL = ["s1_overview", "s2_active", "s3_requests", "s4_appeals", "s5_problems", "s6_other"]
# the two reports that do end without 六、其他需要报告的事项 (01 ends after 五; 04 numbers its 存在的主要问题 六
# after an extra 五、信息处理费收取情况 and has no 其他事项 part)
NO_S6 = {"01", "04"}


def _line(text: str) -> list[Block]:
    return [Block([Cell(text, line=1)])]


def _heads(text: str) -> list[tuple[str, str, str]]:
    return [(h.section.id, h.number, h.text) for h in find_headings(_line(text))]


@pytest.mark.parametrize("name", CASES)
def test_each_report_gets_its_sections_and_no_false_s01(name):
    result = nianbao.check_file(HERE / f"{name}.txt")
    record = result.record
    assert record is not None
    want = [s for s in ALL if not (name in NO_S6 and s == "s6_other")]
    assert [s.id for s in record.sections] == want
    s01 = [f.message for f in result.findings if f.code == "S-01"]
    assert s01 == (["第六部分「其他需要报告的事项」缺失"] if name in NO_S6 else [])
    for s in record.sections:  # each heading's own words, the number as printed
        assert s.text.split("\n", 1)[0] == s.heading and s.heading.startswith(f"{s.number}、")


def test_headings_inside_a_flattened_line_by_number_words_and_order():
    # 12.txt: the opening names the six parts without numbers; 表三's row 四、结转下年度继续办理 comes right
    # before section 四's heading, glued to the table's digits
    text = ("报告全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议与行政诉讼情况、"
            "存在的主要问题及改进情况、其他需要报告的事项共六个部分组成。"
            "一、总体情况2022年，区经济发展局认真贯彻区党工委、管委会关于深入推进政府信息公开工作的相关部署和要求。"
            "二、主动公开政府信息情况2022年，主动公开政府信息121条。"
            "三、收到和处理政府信息公开申请情况2022年，共收到政府信息公开申请3条。"
            "（七）总计3000003四、结转下年度继续办理0000000四、政府信息公开行政复议与行政诉讼情况2022年，"
            "未有政府信息公开行政复议及行政诉讼有关情况。"
            "五、存在的主要问题及改进情况2022年，我局政府信息公开工作规范有序。"
            "六、其他需要报告的事项2022年，无收取信息处理费情况，无其他需报告事项。")
    heads = find_headings(_line(text))
    assert [(h.section.id, h.text) for h in heads] == [
        ("s1_overview", "一、总体情况"), ("s2_active", "二、主动公开政府信息情况"),
        ("s3_requests", "三、收到和处理政府信息公开申请情况"), ("s4_appeals", "四、政府信息公开行政复议与行政诉讼情况"),
        ("s5_problems", "五、存在的主要问题及改进情况"), ("s6_other", "六、其他需要报告的事项")]
    assert all(h.inline and text[h.offset:].startswith(h.text) for h in heads)
    assert text[:heads[3].offset].endswith("结转下年度继续办理0000000")  # not the table's row 四


def test_section_words_a_sentence_quotes_are_no_heading():
    assert _heads("报告全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议与行政诉讼情况、"
                  "存在的主要问题及改进情况、其他需要报告的事项共六个部分组成。") == []


def test_a_subheading_numbered_like_a_section_does_not_rise():
    # 19.txt writes （一）主动公开情况 under 一、总体情况; numbered 一、 as some reports do, its number does not rise
    # after section 一's, so 主动公开 there is not section 二
    text = ("一、总体情况 2022年，区执法应急局严格按照区管委会办公室关于做好政府信息公开有关工作要求，有序开展政务公开各项工作。"
            "一、主动公开情况。我局紧紧围绕执法应急各项工作，及时主动通过中国平潭网公布相关政务信息。"
            "二、依申请公开情况。全年收到政府信息公开申请1件。"
            "二、主动公开政府信息情况 第二十条第（一）项信息内容 三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为："
            "第一项加第二项之和，等于第三项加第四项之和）")
    assert _heads(text) == [("s1_overview", "一", "一、总体情况"), ("s2_active", "二", "二、主动公开政府信息情况"),
                            ("s3_requests", "三", "三、收到和处理政府信息公开申请情况")]


def test_a_section_numbered_one_off_after_an_added_part():
    # 04.txt: 五、信息处理费收取情况 (no part of the format) moves 存在的主要问题 to 六
    text = ("四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 000000000000000"
            "五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况000"
            "六、存在的主要问题和改进情况（一）存在的主要问题2025年，我局的政府信息公开工作虽取得一定进展，但仍存在以下不足。")
    assert _heads(text) == [("s4_appeals", "四", "四、政府信息公开行政复议、行政诉讼情况"),
                            ("s5_problems", "六", "六、存在的主要问题和改进情况")]


def test_heading_words_run_to_the_reports_own_wording():
    # 07.txt 「及明年工作计划」, 02.txt 「及改进措施」, after 表四's digits: the heading ends where its words do,
    # before the year
    assert _heads("尚未审结 总计 000000000000000 五、存在的主要问题及明年工作计划2024年，我局政府信息公开工作能力进一步增强。"
                  ) == [("s5_problems", "五", "五、存在的主要问题及明年工作计划")]
    assert _heads("其他结果尚未审结总计000000000000000五、存在的主要问题及改进措施2023年，我局政府信息公开工作取得一定成效。"
                  ) == [("s5_problems", "五", "五、存在的主要问题及改进措施")]


def test_section_paragraphs_leave_the_flattened_tables_and_signature_out():
    r = nianbao.parse(HERE / "12.txt")
    par = {s.id: s.paragraphs for s in r.sections}
    assert par["s2_active"] == ["2022年，主动公开政府信息121条，涵盖政策及规范性文件类8条、规划计划类2条、科教文体卫生类21条、"
                                "其他应主动公开的政府信息90条。"]
    assert par["s3_requests"] == ["2022年，共收到政府信息公开申请3条。"]
    assert par["s4_appeals"] == ["2022年，未有政府信息公开行政复议及行政诉讼有关情况。"]
    assert par["s6_other"] == ["2022年，无收取信息处理费情况，无其他需报告事项。特此报告。"]
    assert par["s1_overview"][0].startswith("2022年，区经济发展局认真贯彻")
    assert len(r.opening) == 1 and r.opening[0].startswith("根据《中华人民共和国政府信息公开条例》")
    assert r.opening[0].endswith("电子邮箱：jfjzhc＠163.com）。")
    assert r.contact is not None and (r.contact.telephone, r.contact.fax) == ("0591-23155817", "0591-23157117")


def test_a_heading_line_before_inline_headings_keeps_the_tables_and_leaves_its_table_out(tmp_path):
    # 12.txt with a line break before 三、: section 三 starts a block (its table region is cut there), 四 stands
    # inside the same block; a PDF's paragraphs give this mix (held-out lopdf-native pt19)
    text = (HERE / "12.txt").read_text(encoding="utf-8")
    at = text.index("三、收到和处理政府信息公开申请情况2022年")
    (tmp_path / "12.txt").write_text(text[:at] + "\n" + text[at:], encoding="utf-8")
    whole, broken = nianbao.parse(HERE / "12.txt"), nianbao.parse(tmp_path / "12.txt")
    assert (broken.active, broken.requests, broken.appeals) == (whole.active, whole.requests, whole.appeals)
    par = {s.id: s.paragraphs for s in broken.sections}
    assert list(par) == ALL
    assert not any("0000000" in p for p in par["s3_requests"])  # 表三's rows are no paragraph
    assert par["s4_appeals"] == ["2022年，未有政府信息公开行政复议及行政诉讼有关情况。"]


def test_a_run_in_headings_punctuation_is_not_the_sections_text():
    r = nianbao.parse(DATA / "decoder" / "tess300-psm4__r001.txt")  # 「和六、其他需要报告的事项。一是…」 (OCR)
    s6 = next(s for s in r.sections if s.id == "s6_other")
    assert s6.paragraphs and s6.paragraphs[0].startswith("一是工作要点落实情况。")


# ---- the same reports printed to PDF (LibreOffice, as the held-out set does) -----------------------------
def test_crawler_furniture_in_a_pdf_is_left_out_as_in_text():
    """08.lo.pdf: the crawler text of 08.txt printed by LibreOffice. Its header (标题:/发布时间:/原文链接:) is no
    report text, and the page's trailing 附件下载 glued to the signature hid the signature: the date was then
    null, and with the header's date as a hint it would be the crawl's 2021-01-28 instead of the signed 2021-01-21."""
    expected = load_json(HERE / "expected" / "08.json")["meta"]
    r = nianbao.parse(HERE / "pdf" / "08.lo.pdf")
    for key in ("agency", "year", "published", "doc_kind"):
        assert getattr(r.meta, key) == expected[key], key
    assert r.meta.title == "平潭综合实验区自然资源与生态环境局2020年政府信息公开年度报告"
    assert r.signature is not None and r.signature.date == "2021年1月21日"
    assert [s.id for s in r.sections] == ALL


def _glyph_line(text: str, top: float) -> Line:
    return Line([[Glyph(ch, 50 + 10 * i, top, 60 + 10 * i, top + 10) for i, ch in enumerate(text)]])


def test_a_pdfs_crawler_header_gives_the_hints_a_text_files_does():
    lines = ["标题:平潭综合实验区苏平片区管理局2025年度政府信息公开工作年度报告", "发布时间: 2026-01-21 15:16", "文号:",
             "发布机构:平潭综合实验区苏平片区管理局", "栏目:政府信息公开年报", "页面链接与图片详见links.tsv(同目录)",
             "====================正文====================", "一、总体情况2025年，我局坚持以公开为常态、不公开为例外。"]
    page = Page(1, 600, 800, [_glyph_line(t, 100 + 20 * k) for k, t in enumerate(lines)])
    doc = assemble("pt04.pdf", "pdf", [page])
    assert (doc.title_hint, doc.date_hint) == ("平潭综合实验区苏平片区管理局2025年度政府信息公开工作年度报告", "2026-01-21")
    assert [b.text for b in doc.blocks] == [lines[-1]]
    assert doc.text == lines[-1] + "\n" and doc.blocks[0].cells[0].span == (0, len(lines[-1]))
