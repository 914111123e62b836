"""表三 with one or two rows written before its header (docling-rs over a table that runs over a page
break: huaian2024's 8.属于行政查询事项 and 1.本机关不掌握… rows at the top of the page, among 表二's cells),
the other rows in order after it, one number per line, their labels written after the numbers. Found on
docling-rs/huaian2024.md, where 表三 was not read at all (23 of 206 right; 93 since).

A generated table rendered that way gives the printed cells or nulls, never another number; where the sums
fix a row (新收, 结转, 总计, 结转下年度) it is read."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import nianbao
from nianbao.format import Format
from synth import as_record_appeals, as_record_tables, never_wrong, tables

ROWS = Format.get("2021").t3_rows
FIXED = ("new_received", "carried_over", "total_processed", "carried_forward")
ACTIVE = {"regulations": {"issued": 1, "repealed": 0, "in_force": 11},
          "normative_documents": {"issued": 8, "repealed": 26, "in_force": 66}, "punishment": 3}


def render(requests: dict[str, list[int]], stray: list[int], labels_after: bool = True) -> str:
    """A docling-like text: 表二's cells, the rows at ``stray`` (indexes of the format's rows), then 表三's
    header and the other rows' numbers one per line, then the row labels."""
    lines = ["某某市某某局2023年政府信息公开工作年度报告", "一、总体情况", "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。",
             "二、主动公开政府信息情况", "第二十条 第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
             "规章", "行政规范性文件", "1", "0", "11", "8", "26", "66", "- 3 -"]
    for i in stray:
        lines += [str(v) for v in requests[ROWS[i].key]]
    lines += ["信息内容", "本年处理决定数量", "行政处罚", "3", "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人",
              "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for i, row in enumerate(ROWS):
        if i not in stray:
            lines += [str(v) for v in requests[row.key]]
    if labels_after:
        lines += [row.label for row in ROWS]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "一是公开内容有待丰富。"]
    return "\n\n".join(lines) + "\n"


def parse(text: str) -> dict:
    return nianbao.parse_bytes(text.encode("utf-8"), "stray.md").to_json_dict()


def test_two_stray_rows_leave_the_rows_the_sums_fix_read():
    requests, appeals = tables(random.Random(7), scale=30)
    rec = {"active": ACTIVE, "requests": as_record_tables(requests), "appeals": as_record_appeals(appeals)}
    text = render(requests, [11, 12])
    got = parse(text)
    never_wrong(rec, got, text)
    for key in FIXED:
        assert list(got["requests"][key].values()) == requests[key], key


@st.composite
def cases(draw):
    requests, appeals = tables(random.Random(draw(st.integers(0, 10_000))), scale=draw(st.sampled_from((3, 30))))
    k = draw(st.integers(1, 3))
    stray = sorted(draw(st.sets(st.integers(0, len(ROWS) - 1), min_size=k, max_size=k)))
    return requests, appeals, stray


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=(Phase.explicit, Phase.reuse, Phase.generate), derandomize=True)
@given(case=cases(), labels_after=st.booleans())
def test_stray_rows_give_the_printed_cells_or_nulls(case, labels_after):
    requests, appeals, stray = case
    rec = {"active": ACTIVE, "requests": as_record_tables(requests), "appeals": as_record_appeals(appeals)}
    text = render(requests, stray, labels_after)
    never_wrong(rec, parse(text), text)
