"""format.nfkc is unicodedata's NFKC, character for character, on any text: it only takes a quicker path."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.extract.values import read_value
from nianbao.format.nfkc import nfkc
from nianbao.ingest import Cell

# what report text holds and what NFKC works on: the full-width marks the quick path replaces, ideographs,
# Kangxi radicals (⾏ → 行), circled and full-width digits, combining marks and Hangul jamo that compose,
# kana with voicing marks, spaces of every width
_CHARS = "，（）\xa0：\u3000；．。、“”‘’年月日规章行政⾏⻓①②２０ＳＭa1.-%％e\u0301\u0308\u0338=<\u1100\u1161\u11a8가ｶﾞか\u3099 \t\n"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_CHARS), max_size=12) | st.text(max_size=12))
def test_nfkc_is_unicodedata(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_report_lines() -> None:
    for line in ("（一）主动公开政府信息情况", "全年共收到申请１２件，办结１２件；", "\u3000\u3000二、⾏政规范性⽂件", "ASCII only"):
        assert nfkc(line) == unicodedata.normalize("NFKC", line)


def test_label_first_character() -> None:
    # read_value tells a label by its first character before cleaning: a blank mark beginning with an
    # ideograph is still blank, a label still a label
    assert read_value(Cell("空")).value is None
    assert read_value(Cell("空白")).value is None
    assert read_value(Cell("无")).value is None
    assert read_value(Cell("规章")) is None
    assert read_value(Cell("（一）予以公开")) is None
    assert read_value(Cell("１２")).value == 12
