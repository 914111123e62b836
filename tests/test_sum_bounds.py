"""A sum over cells not all read may still be impossible: a count is never negative (``subtotal.sum_possible``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nianbao.extract.subtotal import sum_holds, sum_possible

LEFT = ["a", "b", "c"]
RIGHT = ["t"]


def test_cells_tried_already_more_than_the_whole_other_side_cannot_hold():
    # 3.其他 read as 6 and 总计 as 0, 予以公开 not read: no count makes 6 + x = 0
    val = {"a": None, "b": 6, "t": 0}
    assert sum_holds((LEFT, RIGHT), val) is None
    assert sum_possible((LEFT, RIGHT), val, {"b", "t"}) is False


def test_only_the_cells_tried_count_against_it():
    # the 6 is a reading not settled (an OCR'd 6 for 0): it does not rule out the rows tried
    val = {"a": None, "b": 6, "c": 1, "t": 5}
    assert sum_possible((LEFT, RIGHT), val, {"c", "t"}) is True
    assert sum_possible((LEFT, RIGHT), val, {"b", "t"}) is False


def test_a_side_not_known_whole_bounds_nothing():
    val = {"a": 9, "b": None, "t": None}
    assert sum_possible((LEFT, RIGHT), val, {"a"}) is True


@given(st.lists(st.integers(0, 50), min_size=3, max_size=3), st.sets(st.integers(0, 2)))
def test_cells_that_add_up_are_always_possible_whatever_is_unread(vals, unread):
    # a sum that holds for some values of the cells not read is never called impossible
    val = {k: (None if i in unread else v) for i, (k, v) in enumerate(zip(LEFT, vals))}
    val["t"] = sum(vals)
    assert sum_possible((LEFT, RIGHT), val, set(LEFT) | set(RIGHT))


def test_a_whole_side_not_tried_rules_out_nothing():
    # the 总计 already read may be a number cut at the page's side (24 for 249) that a later step nulls: the rows tried
    # are not dropped for it
    val = {"a": 23, "b": 9, "t": 24}
    assert sum_possible((LEFT, RIGHT), val, {"a", "b"}) is True
