"""Title, agency, year, signature date and level, from the shapes real reports give them."""

from __future__ import annotations

import pytest

from nianbao.extract.meta import find_meta
from nianbao.ingest.text import split_blocks


@pytest.mark.parametrize(("text", "agency", "year", "published", "level"), [
    ("聊城市统计局\n2021 年政府信息公开工作年度报告\n正文。\n聊城市统计局\n2022年1月26日",
     "聊城市统计局", 2021, "2022-01-26", "department"),
    ("2021 年政府信息公开 工作年度报告\n聊城市工业和信息化局\n二〇二二年一月\n正文。", "聊城市工业和信息化局", 2021,
     "2022-01", "department"),
    ("某某市交通运输局关于2021年政府信息公开工作年度报告\n正文。", "某某市交通运输局", 2021, None, "department"),
    ("某某区人民政府政府信息公开工作年度报告（2022年度）\n正文。", "某某区人民政府", 2022, None, "government"),
    ("2023年度某某县财政局政府信息公开工作年度报告\n正文。", "某某县财政局", 2023, None, "department"),
    ("某某区2022年政府信息公开工作年度报告\n正文。\n某某区人民政府\n2023年1月20日", "某某区人民政府", 2022,
     "2023-01-20", "government"),
    ("某某镇人民政府2022年政府信息公开工作年度报告\n正文。\n某某镇人民政府 2023年2月3日", "某某镇人民政府", 2022,
     "2023-02-03", "township"),
    ("某某局2022年政府信息公开工作年度报告\n正文。\n某某局\n2023年1月9日\n附件\n" + "附表内容。\n" * 12,
     "某某局", 2022, "2023-01-09", "department"),
    ("某某街道办事处二〇二二年政府信息公开工作年度报告\n正文。\n二〇二三年一月十八日", "某某街道办事处", 2022,
     "2023-01-18", "township"),
    ("标题：某某县水利局2022年政府信息公开工作年度报告\n正文。", "某某县水利局", 2022, None, "department"),
    # flattened text: the signature glued to an empty last section's heading, the last page's number after it
    ("某某县水利局2022年政府信息公开工作年度报告 正文。五、存在的主要问题及改进情况六、其他需要报告的事项某某县水利局"
     "2023 年 1 月 13 日— 3 —", "某某县水利局", 2022, "2023-01-13", "department"),
    ("某某县水利局2022年政府信息公开工作年度报告 正文0 0 0六、其他需要报告的事项某某县水利局2023年1月13日—3—",
     "某某县水利局", 2022, "2023-01-13", "department"),
])
def test_meta(text, agency, year, published, level):
    m = find_meta(split_blocks(text))
    assert (m.agency, m.year, m.published, m.level) == (agency, year, published, level)


def test_interpretation_is_told_from_the_report():
    m = find_meta(split_blocks("济宁市统计局 2021 年政府信息公开工作年度报告文字解读\n正文。"))
    assert m.doc_kind == "interpretation" and m.agency == "济宁市统计局"


def test_crawler_header_wrapped_at_page_width():
    """A crawler's page text printed to PDF and read back: the header's long values wrap onto lines of
    their own, and a sentence of the opening naming the 年度报告 is cut at the page edge. Neither is the
    title: the agency is the header's 标题 (it came out 「实验区财政金融局」, or null)."""
    import nianbao

    text = ("标题: 平潭综合实验区财政金融局2021年度政府信息公开工作年度报告\n发布时间: 2022-01-13 08:38\n"
            "栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/\n"
            "zfxxgknb/202201/t20220113_80600.htm\n本地目录: zwgk/zfxxgk/202201/80600_平潭综合\n"
            "实验区财政金融局2021年度政府信息公开工作年度报告\n==================== 正文 ====================\n"
            "根据《条例》和《平潭综合实验区管委会办公室关于编制公布2021年政府信息公开工作年度报告有关事项的\n"
            "通知》要求，结合我局实际，编制本报告。\n一、总体情况\n正文。\n")
    rec = nianbao.parse_bytes(text.encode(), "crawler.txt")
    assert rec.meta.agency == "平潭综合实验区财政金融局"


def test_a_sentence_that_mentions_a_report_is_no_title():
    """PDFBox's HTML gives a page a paragraph: the last page's text (「…常态化长效化。 (五)、(六)、(七)无其他需要报告
    事项。济宁市统计局 2022年 1月 18日」) is short and says 报告 and 政务公开, but it ends sentences: the title is the
    head of the first page's paragraph, and its year is the report's, not the signature's."""
    first = "济宁市统计局 2021 年政府信息公开工作年度报告文字解读 一、总体情况 （一）主动公开情况 " + "正文内容。" * 30
    last = "缺补漏，实现政务公开工作常态化长效化。 (五)、(六)、(七)无其他需要报告事项。济宁市统计局 2022年 1月 18日"
    m = find_meta(split_blocks(first + "\n" + last))
    assert (m.title, m.year) == ("济宁市统计局 2021 年政府信息公开工作年度报告文字解读", 2021)
