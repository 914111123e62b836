"""Figures the audit compares that the text states: shares, appeal outcomes, 含上年结转, the 统计期限."""

from __future__ import annotations

import pytest

from nianbao.extract.narrative import Para, find_narrative


def figures(text: str, year: int = 2023) -> dict:
    return find_narrative([Para(text, 1, 0)], year)[0]


@pytest.mark.parametrize(("text", "want"), [
    ("本年度发生政府信息公开行政复议5件(4件结果维持,1件结果纠正)，行政诉讼2件，均尚未审结。",
     {"reviews": 5, "review_outcomes": {"upheld": 4, "corrected": 1}, "lawsuits": 2, "lawsuit_outcomes": {"pending": 2}}),
    ("行政复议3件，其中维持2件、尚未审结1件。", {"reviews": 3, "review_outcomes": {"upheld": 2, "pending": 1}}),
    ("全年行政复议1件，结果维持。", {"reviews": 1}),
    ("全年未发生政府信息公开行政复议和行政诉讼案件。", {"reviews": 0, "lawsuits": 0}),
])
def test_appeal_counts_and_outcomes(text, want):
    got = figures(text)
    assert {k: got.get(k) for k in want} == want
    if "review_outcomes" not in want:
        assert "review_outcomes" not in got or got["review_outcomes"] == {}


def test_outcomes_never_travel_to_the_other_appeal_kind():
    got = figures("行政复议5件，行政诉讼2件，均尚未审结。")
    assert "review_outcomes" not in got
    assert got["lawsuit_outcomes"] == {"pending": 2}


@pytest.mark.parametrize(("text", "key", "want"), [
    # outcome shares
    ("因本机关不掌握等原因无法提供265件，占32.9%。", "outcome_unavailable_share", 32.9),
    ("其中予以公开6件，占50%。", "outcome_granted_share", 50.0),
    ("部分公开的占 10.5%。", "outcome_partially_granted_share", 10.5),
    ("不予处理2件，比例为20％。", "outcome_declined_share", 20.0),
    # the pingtan crawler texts (tests/data/pingtan 02, 07, 15, 19, 22): ways the year's figures are stated
    ("2023年我局不断深化政府信息公开工作，共在“平潭综合实验区党工委管委会”门户网站公开政府信息159条，其中国民经济…",
     "proactive_items", 159),
    ("全年累计主动公开涵盖公安机关办事程序、便民政策、人事任免、计划总结、重点领域动态等政府信息135条，有效保障…",
     "proactive_items", 135),
    ("今年我局公开278条政务信息，机构职能类信息2条，行政许可类信息3条。", "proactive_items", 278),
    ("向社会及时公开工作动态和政务信息。其中主动公开253份、依申请公开及不予公开409份。", "proactive_items", 253),
    ("2023年，我局收到群众通过邮寄、网络提交的各类政府信息公开申请共计8件，申请事项涉及…", "requests_received", 8),
    ("收到申请公开政府信息的要求6件，完成答复。", "requests_received", 6),
])
def test_stated_figures(text, key, want):
    assert figures(text)[key] == want


def test_outcome_counts():
    got = figures("全年予以公开6件，部分公开2件，不予公开1件，无法提供的4件，不予处理1件。")
    assert [got[k] for k in ("outcome_granted", "outcome_partially_granted", "outcome_denied",
                             "outcome_unavailable", "outcome_declined")] == [6, 2, 1, 4, 1]


def test_received_including_carried_over():
    got = figures("共收到政府信息公开申请12件（含上年结转2件）。")
    assert got["requests_received"] == 12 and got["requests_received_with_carried_over"] is True
    assert figures("收到（含上年结转）政府信息公开申请12件。")["requests_received_with_carried_over"] is True
    assert "requests_received_with_carried_over" not in figures("共收到政府信息公开申请12件。其中上年结转2件。")
    # the 含 belongs to the 答复 count (淮安市人民政府 2024)
    got = figures("全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。", 2024)
    assert got["requests_received"] == 3119 and "requests_received_with_carried_over" not in got


@pytest.mark.parametrize("text", [
    "本年度报告中所列数据的统计期限自 2023年1月1日起，至2023年12月31日止。",
    "报告数据的期限从 2023 年 1 月 1 日至 12 月 31 日。",
])
def test_statistics_period(text):
    assert figures(text)["statistics_period"] == {"start": "2023-01-01", "end": "2023-12-31"}


def test_a_date_range_about_something_else_is_no_statistics_period():
    assert "statistics_period" not in figures("2023年3月1日至6月30日开展政务公开专项整治行动。")


@pytest.mark.parametrize(("text", "key"), [
    ("其他应主动公开的政府信息7条。", "proactive_items"),  # a category
    ("收到申请后及时答复，办结政府信息公开申请8件。", "requests_received"),  # replies, not received
    ("截至目前累计主动公开涵盖办事程序、便民政策等政府信息1770条。", "proactive_items"),  # all years
])
def test_stated_totals_not_taken(text, key):
    assert key not in figures(text)
