"""Label clusters (extract/clusters.py): labels written before their rows' numbers, or after them."""

from __future__ import annotations

from nianbao.extract.clusters import merge_label_clusters


def _fits(runs: list[int], cells: int) -> bool:
    return len(runs) == cells


def test_a_label_written_after_the_numbers_of_its_row_takes_them():
    segs = [([0], [1] * 7), ([1], [2] * 14), ([2], []), ([3], [3] * 7)]
    assert merge_label_clusters(segs, 7, _fits) == [([0], [1] * 7), ([1, 2], [2] * 14), ([3], [3] * 7)]


def test_labels_first_still_join_the_numbers_after_them():
    segs = [([0], []), ([1], [1] * 14), ([2], [2] * 7)]
    assert merge_label_clusters(segs, 7, _fits) == [([0, 1], [1] * 14), ([2], [2] * 7)]


def test_numbers_that_fit_more_than_one_count_of_labels_after_them_stay_their_rows():
    def fits(runs: list[int], cells: int) -> bool:  # runs of glued digits: 14 of them fill 14 or 21 cells
        return cells in (14, 21)

    segs = [([0], [0] * 14), ([1], []), ([2], [])]
    assert merge_label_clusters(segs, 7, fits) == [([0], [0] * 14), ([1], []), ([2], [])]
