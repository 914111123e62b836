"""Blank cells' marks between a row's numbers, the cells parted by spaces only (pypdf of a page whose blank cells
print 「—」): a mark is a blank cell, not the row's end. Found on held-back seed 7989 (chromium-pypdf): 表四's
「1 件 0 2 0 3 0 0 3 3 6 0 — — 0 0」 was cut at its first mark and left null whole."""

from __future__ import annotations

import nianbao
from nianbao.format import Format

COLS = Format.T4_COLUMN_KEYS
HEAD = ["某某市某某局2023年政府信息公开工作年度报告", "一、总体情况", "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼",
        "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
        "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计"]
TAIL = ["五、存在的主要问题及改进情况", "一是公开内容有待丰富。", "六、其他需要报告的事项", "本年度未收取信息处理费。"]


def appeals(row: str) -> dict:
    text = "\n".join([*HEAD, row, *TAIL]) + "\n"
    return nianbao.parse_bytes(text.encode("utf-8"), "t4.txt").to_json_dict()["appeals"] or {}


def test_marks_between_the_numbers_are_blank_cells():
    got = appeals("1 件 0 2 0 3 0 0 3 3 6 0 — — 0 0")
    assert [got["review"][c] for c in COLS] == [1, 0, 2, 0, 3]
    assert [got["litigation_direct"][c] for c in COLS] == [0, 0, 3, 3, 6]
    assert [got["litigation_after_review"][c] for c in COLS] == [0, None, None, 0, 0]


def test_every_mark_counts_whatever_its_form():
    for mark in ("-", "／", "无"):
        got = appeals(f"2 0 0 0 2 {mark} 1 0 0 1 0 0 {mark} 0 0")
        assert [got["review"][c] for c in COLS] == [2, 0, 0, 0, 2]
        assert [got["litigation_direct"][c] for c in COLS] == [None, 1, 0, 0, 1]
        assert [got["litigation_after_review"][c] for c in COLS] == [0, 0, None, 0, 0]


def test_marks_with_other_blank_cells_lost_cut_no_number():
    """Some blank cells marked, others printed as nothing: thirteen cells for fifteen. Cutting 10 as 1|0 would fit
    the sums; the marks do not say which runs hold two cells, so nothing of the kind is read (lo-pypdf-layout
    s02837: 复议·结果维持 read 1 for 10)."""
    got = appeals("10件 0 0 10 — 0 0 0 — — 0 0 0")
    assert 1 not in [got[g][c] for g in Format.T4_GROUP_KEYS for c in COLS]
