"""The page-number forms ingest and extract drop, from the one definition both read."""

from __future__ import annotations

import pytest

from nianbao.ingest.pagenumbers import PAGE_AT_END, PAGE_CELL, PAGE_HALF, PAGE_INLINE, PAGE_LINE


@pytest.mark.parametrize("line", ["— 2 —", "-2-", "－2－", "~2~", "·2·", "第2页", "第2页 共10页", "第2页，共10页",
                                  "第2页/共10页", "2/10", "  - 12 -  "])
def test_a_line_of_its_own(line: str) -> None:
    assert PAGE_LINE.match(line)


@pytest.mark.parametrize("line", ["-1234-", "2025-01-20", "1/2/3", "第2条", "— 2"])
def test_not_a_page_line(line: str) -> None:
    assert not PAGE_LINE.match(line)


def test_a_cell_beside_words_is_dashed_or_nth_only() -> None:
    assert PAGE_CELL.match("- 4 -") and PAGE_CELL.match("第4页")
    assert not PAGE_CELL.match("3/9") and not PAGE_CELL.match("第3页共9页")


@pytest.mark.parametrize(("text", "left"), [
    ("申请情况 — 2 — 申请人情况", "申请情况申请人情况"),
    ("0000000—2—申请人情况", "0000000申请人情况"),
    ("电话 0635-8223216 地址", "电话 0635-8223216 地址"),  # a hyphen is no page number's in running text
    ("第1~3项", "第1~3项"),
])
def test_in_running_text(text: str, left: str) -> None:
    assert PAGE_INLINE.sub("", text) == left


def test_one_dash_lost_and_at_the_end() -> None:
    assert PAGE_HALF.match("— 3") and PAGE_HALF.match("3 —") and not PAGE_HALF.match("3 -")
    assert PAGE_AT_END.sub("", "…2025年1月20日— 3 —") == "…2025年1月20日"
