"""表四's last numbers written after the text that follows it (extract/t4rest.py): pdftotext's default mode over
LibreOffice's and Chromium's PDFs writes the first groups' numbers after the header and the rest after 五's and
六's text. The two stretches are read in the format's order only when they are fifteen numbers, the later one
is the only stretch of number-only lines after the table, and each group adds up; never a number another cell
holds."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import nianbao
from conftest import DATA
from nianbao.format import Format
from synth import assert_never_wrong
from test_decoder_properties import records

DEC = DATA / "decoder"
GROUPS = Format.T4_GROUP_KEYS
COLUMNS = Format.T4_COLUMN_KEYS

HEAD = ("某某局2023年政府信息公开工作年度报告\n一、总体情况 略。\n四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n结果 结果 其他 尚未\n总计\n结果 结果 其他 尚未\n"
        "维持 纠正 结果 审结\n总计\n维持 纠正 结果 审结\n")
BETWEEN = "五、存在的主要问题及改进情况\n一是公开内容还不够全面。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
TAIL = "某某局\n2024 年 1 月 5 日\n"


def render_split(numbers: list[str], cut: int, between: str = BETWEEN, tail: str = TAIL) -> str:
    """表四 as pdftotext writes LibreOffice's page: the first ``cut`` numbers after the header, one a line, the rest
    after ``between`` (五's and 六's text), then ``tail``."""
    return HEAD + "".join(n + "\n" for n in numbers[:cut]) + between + "".join(n + "\n" for n in numbers[cut:]) + tail


def _numbers(appeals: dict) -> list[str]:
    return [str(appeals[g][c]) for g in GROUPS for c in COLUMNS if appeals[g][c] is not None]


def _appeals(text: str) -> dict:
    return nianbao.parse_bytes(text.encode("utf-8"), "t4.txt").to_json_dict()["appeals"]


FULL = {"review": dict(zip(COLUMNS, (1, 3, 0, 0, 4))), "litigation_direct": dict(zip(COLUMNS, (0, 0, 0, 0, 0))),
        "litigation_after_review": dict(zip(COLUMNS, (0, 2, 0, 1, 3)))}


def test_the_golden_pages_read_the_whole_table():
    """s05100: LibreOffice's page (「0 0 1 0 1」 after the header, ten numbers after 六's text) and Chromium's
    (复议后起诉's header and numbers after the page's footer, its columns' words a character a line): 表四 was
    left null in both."""
    exp = json.loads((DEC / "expected" / "s05100-stray.json").read_text())["appeals"]
    for name in ("lo-pdftotext__s05100-stray.txt", "chromium-pdftotext__s05100-stray.txt"):
        got = nianbao.parse(DEC / name).to_json_dict()
        assert got["appeals"] == exp, name
        notes = [n for n in got["notes"] if n["path"] and n["path"].startswith("appeals")]
        assert [n["kind"] for n in notes] == ["decoded"] * 3, name
        assert "写在表格之后的文字后面" in notes[0]["reason"]


def test_the_split_table_is_read_at_any_cut():
    nums = _numbers(FULL)
    for cut in range(1, 15):
        assert _appeals(render_split(nums, cut)) == FULL, cut


def test_a_blank_group_leaves_the_table_null():
    """Ten numbers for fifteen cells: which group is blank the text does not say (the reader is not asked)."""
    blank = {**FULL, "litigation_direct": dict.fromkeys(COLUMNS)}
    got = _appeals(render_split(_numbers(blank), 5))
    assert all(v is None for g in got.values() for v in g.values())


def test_two_later_stretches_leave_the_table_null():
    """A number-only line in 五's text (a page number the stream kept, a figure wrapped alone): which stretch
    continues the table is not said."""
    between = BETWEEN.replace("一是", "12\n一是")
    got = _appeals(render_split(_numbers(FULL), 5, between))
    assert all(v is None for g in got.values() for v in g.values())


def test_an_earlier_group_named_between_leaves_the_table_null():
    """行政复议's header written with the later numbers: they would be its, not the last groups'."""
    got = _appeals(render_split(_numbers(FULL), 10, BETWEEN + "行政复议\n"))
    assert all(v is None for g in got.values() for v in g.values())


def test_counts_with_their_unit_leave_the_table_null():
    """Cells that carry their 件 (「0」 over 「件」 in a narrow cell, 「1」 on one line beside them): the text's order of
    the numbers is not the table's, and read in it every group may add up (s05684: 直接起诉's 1 under 结果纠正)."""
    got = nianbao.parse(DEC / "lo-pdftotext__s05684-zeros.txt").to_json_dict()["appeals"]
    assert all(v is None for g in got.values() for v in g.values())
    nums = _numbers(FULL)
    text = render_split([n + "\n件" for n in nums[:5]] + nums[5:], 5)
    got = _appeals(text)
    assert all(v is None for g in got.values() for v in g.values())


def test_a_later_stretch_under_two_groups_header_leaves_the_table_null():
    """The two 诉讼 groups' header printed side by side with the later stretch (s04477): their cells may be written line
    by line across the groups, and such an order can add up as well."""
    header = "复议后起诉\n结 果 其他\n纠正 结果\n尚未\n审结\n总\n结果\n果维\n计\n纠正\n持\n其他 尚未\n总计\n结果 审结\n"
    got = _appeals(render_split(_numbers(FULL), 5, BETWEEN + header))
    assert all(v is None for g in got.values() for v in g.values())
    one = "复议后起诉\n结果维 结果纠 其他结 尚未审 总\n持\n正\n果\n结\n计\n"  # one group's header and its five: read
    assert _appeals(render_split(_numbers(FULL), 10, BETWEEN + one)) == FULL


def test_a_group_that_does_not_add_up_leaves_the_table_null():
    """The later numbers out of order (「0 2 0 3 1」: 总计 written before 尚未审结): no group is read by an order
    the sums refute, the others neither."""
    nums = _numbers(FULL)
    nums[13], nums[14] = nums[14], nums[13]
    got = _appeals(render_split(nums, 5))
    assert all(v is None for g in got.values() for v in g.values())


_PHASES = (Phase.explicit, Phase.reuse, Phase.generate)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(rec=records(), seed=st.integers(0, 10_000), pages=st.booleans())
def test_split_tables_are_read_right_or_null(rec, seed, pages):
    """Any 表四 (blank groups too), cut anywhere, with page numbers among the text or not: the record's cells or
    nulls; a table of fifteen numbers with no page number is read whole."""
    rnd = random.Random(seed)
    nums = _numbers(rec["appeals"])
    cut = rnd.randint(1, max(1, len(nums) - 1))
    between = BETWEEN.replace("六、", "- 2 -\n六、") if pages else BETWEEN
    tail = TAIL + ("3\n" if pages and rnd.random() < 0.5 else "")
    text = render_split(nums, cut, between, tail)
    assert_never_wrong({"appeals": rec["appeals"]}, text)
    if len(nums) == 15 and not pages:
        assert _appeals(text) == rec["appeals"], text
