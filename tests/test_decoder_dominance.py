"""A reading chosen by its row's own sum in a table with a printed defect elsewhere (decoder._dominates):
it stands when no sum tells against it that another reading keeps, and sums over other rows prefer it;
a row with no reading that adds up stays null, however well its best reading does elsewhere."""

from __future__ import annotations

import nianbao
from conftest import DATA

DEC = DATA / "decoder"


def test_a_defect_in_another_row_does_not_hide_the_one_reading_that_adds_up():
    got = nianbao.parse(DEC / "holdout-pydocx-nows__pt06.txt").to_json_dict()["requests"]
    assert list(got["new_received"].values()) == [19, 0, 0, 0, 0, 0, 19]
    # the defect is read as printed, not excused
    assert list(got["partially_granted"].values()) == [8, 1, 0, 0, 0, 0, 8]


def test_a_row_missing_digits_is_not_read_by_its_best_reading():
    got = nianbao.parse(DEC / "pdf-oxide-txt__r000dense.txt").to_json_dict()["requests"]
    assert got["partially_granted"]["natural_person"] in (5, None)
    assert got["partially_granted"]["commercial"] in (41, None)
    assert list(got["new_received"].values()) == [666, 736, 715, 594, 781, 634, 4126]


def test_a_total_column_of_zeros_keeps_its_row_null_or_as_printed():
    """总计 printed as 0 under non-zero cells, glued (``10200000``, printed 10 2 0 0 0 0 0): no reading adds
    up, and 1|0|20|0|0|0|0 must not be taken for the printed one; as printed, or null."""
    text = ("某某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
            "一、本年新收政府信息公开申请数量10200000\n二、上年结转政府信息公开申请数量0000000\n"
            "（一）予以公开10200000\n")
    got = nianbao.parse_bytes(text.encode(), "zeros.txt").to_json_dict()["requests"]
    for key in ("new_received", "granted"):
        row = got[key]
        assert row["natural_person"] in (10, None) and row["commercial"] in (2, None) and row["research"] in (0, None)
