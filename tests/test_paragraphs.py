"""The report's own words in the record: clean section paragraphs (one implementation, in extract),
the opening before section 一, the contact details and the signature; render lays out only those."""

from __future__ import annotations

import json
import subprocess

import pytest

import nianbao
from conftest import BIN, DATA
from nianbao.render import report

TEXT = DATA / "text"
SEED = {p.name[:3]: p for p in TEXT.glob("*.txt")}


@pytest.fixture(scope="module")
def rec000():
    return nianbao.parse(SEED["000"])


def _section(record, sid):
    return next(s for s in record.sections if s.id == sid)


def test_opening_contact_signature_are_the_reports_own(rec000):
    assert len(rec000.opening) == 1
    assert rec000.opening[0].startswith("根据《中华人民共和国政府信息公开》条例（以下简称《条例》）")
    assert rec000.opening[0].endswith("电子邮箱：lcstjjbgs@lc.shandong.cn）。")
    c = rec000.contact
    assert c is not None
    assert (c.address, c.postcode, c.telephone, c.fax, c.email) == (
        "聊城市东昌西路 24 号市政府南楼", "252000", "0635-8223216", "0635-8227626", "lcstjjbgs@lc.shandong.cn")
    assert c.text.startswith("如对本报告有疑问，请与聊城市统计局办公室联系") and c.text in rec000.opening[0]
    assert (rec000.signature.agency, rec000.signature.date) == ("聊城市统计局", "2022年1月26日")


def test_section_paragraphs_are_clean(rec000):
    s1 = _section(rec000, "s1_overview")
    assert s1.paragraphs[0] == "（一）主动公开"  # the heading 一、总体情况 left out
    assert s1.text.startswith("一、总体情况")  # the existing key is unchanged
    # a line wrapped mid-sentence ("…制定《聊城" / "市统计局 2021 年政务公开工作实施方案》") joined back
    assert any("制定《聊城市统计局 2021 年政务公开工作实施方案》" in p for p in s1.paragraphs)
    s6 = _section(rec000, "s6_other")
    assert s6.paragraphs[-1].startswith("（三）2021年，聊城市统计局全面落实")
    assert not any(p in ("聊城市统计局", "2022年1月26日") for s in rec000.sections for p in s.paragraphs)


def test_title_and_signature_debris_kept_out():
    r1 = nianbao.parse(SEED["001"])
    assert r1.opening[0].startswith("2021 年，我局认真贯彻落实")  # not joined to the repeated title line
    s6 = _section(r1, "s6_other")
    assert s6.paragraphs[0].startswith("一是工作要点落实情况。")  # run-in heading: its sentence kept
    assert "制定了市工信局政务公开目录" in s6.paragraphs[0]  # "…，制" / "定了…" joined
    r2 = nianbao.parse(SEED["002"])
    assert (r2.signature.agency, r2.signature.date) == ("淄博市统计局", "2024年1月29日")  # no [bookmark: …]
    assert r2.contact.email == "zbstjjbgs@zb.shandong.cn" and r2.contact.fax is None
    assert _section(r2, "s6_other").paragraphs[-1] == "2023年，收到1件人大及政协建议提案，并按期限按要求进行办理。"


@pytest.mark.parametrize("name", ["001_ocr_spaces.txt", "002_one_cell_per_line.txt"])
def test_table_lines_are_not_paragraphs(name):
    """A table read from text leaves its labels and numbers as lines; the record's table holds them."""
    record = nianbao.parse(DATA / "text_variants" / name)
    assert record.requests is not None and record.active is not None
    for sid in ("s2_active", "s3_requests"):
        assert _section(record, sid).paragraphs == [], sid
    assert any("本年新收" in line for line in _section(record, "s3_requests").text.split("\n"))


def test_signature_ending_a_flattened_paragraph(tmp_path):
    path = tmp_path / "flat.txt"
    path.write_text("某某市统计局2023年政府信息公开工作年度报告\n\n一、总体情况\n全年主动公开政府信息12条。\n\n"
                    "二、主动公开政府信息情况\n略。\n\n三、收到和处理政府信息公开申请情况\n略。\n\n"
                    "四、政府信息公开行政复议、行政诉讼情况\n略。\n\n五、存在的主要问题及改进情况\n略。\n\n"
                    "六、其他需要报告的事项\n本机关无其他需要报告的事项。 某某市统计局 2024年1月20日\n", encoding="utf-8")
    record = nianbao.parse(path)
    assert _section(record, "s6_other").paragraphs == ["本机关无其他需要报告的事项。"]
    assert (record.signature.agency, record.signature.date) == ("某某市统计局", "2024年1月20日")
    assert record.opening == [] and record.contact is None  # nothing before section 一, no contact given


def test_parse_json_has_the_new_keys():
    out = subprocess.run([str(BIN / "nianbao"), "parse", str(SEED["000"]), "--json"], capture_output=True,
                         text=True, check=True).stdout
    data = json.loads(out)
    assert {"opening", "contact", "signature"} <= set(data)
    assert all("paragraphs" in s for s in data["sections"])
    assert data["signature"] == {"agency": "聊城市统计局", "date": "2022年1月26日"}


def test_render_lays_out_the_records_paragraphs(rec000):
    record = rec000.model_copy(deep=True)
    s1 = _section(record, "s1_overview")
    s1.paragraphs = ["第一段，由记录给出。", "第二段"]
    s1.text = "一、总体情况\n正文里的旧文字不应出现"
    md = nianbao.render(record, "md", opening=False).decode()
    assert "第一段，由记录给出。" in md and "第二段" in md
    assert "正文里的旧文字不应出现" not in md
    assert "请与" not in md.replace(record.contact.text, "")  # the report's own contact sentence only


def test_render_without_paragraphs_writes_what_there_is(rec000):
    record = rec000.model_copy(deep=True)
    for s in record.sections:
        s.paragraphs = None  # a record stored before paragraphs were kept
    s6 = _section(record, "s6_other")
    s6.text = "六、其他需要报告的事项\n本机关的原话，一字不改\n第二行"
    md = nianbao.render(record, "md", opening=False, force=True).decode()  # force: seed 000's text has C-07 debris
    assert "本机关的原话，一字不改" in md and "第二行" in md
    assert "请与" not in md.replace(record.contact.text, "") and "六、其他需要报告的事项\n\n六、" not in md


def test_a_table_section_without_paragraphs_renders_only_its_table():
    """The table's labels and numbers left in the text (pdftotext -raw) are not rendered as prose."""
    record = nianbao.parse(DATA / "text_variants" / "huaian2024_pdftotext_raw.txt")
    assert _section(record, "s2_active").paragraphs == []
    assert "第二十条 第（一）项" in _section(record, "s2_active").text
    md = nianbao.render(record, "md", force=True).decode()
    s2 = md.split("## 二、")[1].split("## 三、")[0]
    assert "\n行政许可 447228\n" not in s2 and "第二十条 第（一）项" not in s2
    assert "| 行政许可 | 447228 |" in s2


def test_one_paragraph_implementation():
    """Render has no line joiner or heading/signature stripper of its own any more."""
    for name in ("paragraphs", "own_lines", "_strip_signature", "_is_debris"):
        assert not hasattr(report, name), name
