"""表四 group by group under each group's own name (extract/t4named.py): pdfminer writes Chromium's 表四 box by box,
each group's name with its columns' words and numbers, the groups out of the format's order. A group is read under
its name only with its five columns' words in the format's order, one number after each or five after them all, its
results adding up to its 总计, and no second place reading the same group."""

from __future__ import annotations

import json

import nianbao
from conftest import DATA
from nianbao.extract.decoder import Stream
from nianbao.extract.t4named import _groups
from nianbao.ingest import load_bytes

DEC = DATA / "decoder"

START = "某某局2023年政府信息公开工作年度报告\n一、总体情况 略。\n四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n"
END = "五、存在的主要问题及改进情况\n无。\n"


def headed(name: str, nums: list[int]) -> str:
    words = ("结果维\n持", "结果纠\n正", "其他结\n果", "尚未审\n结", "总\n计")
    return name + "\n" + "".join(f"{w}\n{n}\n" for w, n in zip(words, nums))


def words_first(name: str, nums: list[int]) -> str:
    return name + "\n结果维\n持\n结果纠\n正\n其他结\n果\n尚未审\n结\n总\n计\n" + "".join(f"{n}\n" for n in nums)


def _appeals(text: str) -> dict:
    return nianbao.parse_bytes(text.encode("utf-8"), "t4.txt").to_json_dict()["appeals"]


DIRECT, AFTER, REVIEW = [0, 0, 0, 4, 4], [4, 0, 0, 0, 4], [1, 2, 0, 0, 3]


def test_the_golden_page_reads_the_whole_table():
    """s05132 (Chromium's PDF through pdfminer): 直接起诉, 复议后起诉, then 行政复议, after 表三's numbers written under
    the section's heading; 表四 was left null."""
    got = nianbao.parse(DEC / "chromium-pdfminer__s05132-stray.txt").to_json_dict()
    exp = json.loads((DEC / "expected" / "s05132-stray.json").read_text())
    assert got["appeals"] == exp["appeals"]
    notes = [n for n in got["notes"] if n["path"] and n["path"].startswith("appeals")]
    assert [n["kind"] for n in notes] == ["decoded"] * 3


def test_groups_out_of_order_are_read_under_their_names():
    text = (START + headed("未经复议直接起诉", DIRECT) + headed("复议后起诉", AFTER) + words_first("行政复议", REVIEW) + END)
    got = _appeals(text)
    assert [list(got[g].values()) for g in ("review", "litigation_direct", "litigation_after_review")] == [
        REVIEW, DIRECT, AFTER]


def test_a_group_that_does_not_add_up_stays_null():
    text = (START + headed("未经复议直接起诉", DIRECT) + headed("复议后起诉", [4, 0, 0, 0, 5])
            + words_first("行政复议", REVIEW) + END)
    got = _appeals(text)
    assert list(got["litigation_after_review"].values()) == [None] * 5
    assert list(got["litigation_direct"].values()) == DIRECT


def test_columns_out_of_order_leave_the_group_null():
    """「其他结果 0 结果纠正 2 …」: the words do not stand in the format's order (a box written elsewhere)."""
    swapped = "行政复议\n其他结果\n0\n结果纠正\n2\n结果维持\n1\n尚未审结\n0\n总计\n3\n"
    text = START + headed("未经复议直接起诉", DIRECT) + headed("复议后起诉", AFTER) + swapped + END
    stream = Stream.from_blocks(load_bytes(text.encode("utf-8"), "t4.txt").blocks)
    assert sorted(_groups(stream)) == ["litigation_after_review", "litigation_direct"]
    # (the reader of numbers after their column's words reads it so, by the words: right)
    assert list(_appeals(text)["review"].values()) in ([None] * 5, [1, 2, 0, 0, 3])


def test_a_group_named_twice_with_numbers_stays_null():
    text = (START + headed("未经复议直接起诉", DIRECT) + headed("复议后起诉", AFTER) + words_first("行政复议", REVIEW)
            + headed("复议后起诉", [0, 0, 0, 0, 0]) + END)
    got = _appeals(text)
    assert list(got["litigation_after_review"].values()) == [None] * 5


def test_a_name_among_other_header_words_heads_no_numbers():
    """「行政复议 行政诉讼 未经复议直接起诉 结果维持 … 总计 0 2 0 0 2」 (a header of several rows flattened, s04477): the five words
    and numbers after 直接起诉 are 行政复议's, not its own."""
    text = START.replace("行政诉讼\n", "") + "行政复议\n行政诉讼\n未经复议直接起诉\n结果 维持\n结果 纠正\n其他 结果\n尚未 审结\n总计\n0\n2\n0\n0\n2\n" + END
    stream = Stream.from_blocks(load_bytes(text.encode("utf-8"), "t4.txt").blocks)
    assert _groups(stream) == {}
