"""Label clusters (extract/clusters.py): labels written before their rows' numbers, or after them."""

from __future__ import annotations

from nianbao.extract.clusters import label_rows_beside, merge_label_clusters, unsettled_between


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


def test_a_label_after_numbers_of_more_rows_than_its_own_does_not_take_the_numbers_after_it():
    # 「A 1… 2… B 3… 4… 5… C D 6… 7…」: B's segment holds three rows, some written before their labels, so C's numbers
    # may be among them (C's before C) as well as after D; D's two rows then as well D's and the next's (pdftotext of
    # Chromium's PDF, seed 8047: 补正后 took 信访's row and every row after it one row early, 13 wrong)
    segs = [([0], [1] * 14), ([1], []), ([2], [3] * 21), ([3], []), ([4], [6] * 14), ([5], [8] * 7)]
    merged = merge_label_clusters(segs, 7, _fits)
    assert ([3, 4], [6] * 14) not in merged
    assert ([3], []) in merged and ([4], [6] * 14) in merged


def test_the_s08047_text_leaves_the_rows_after_the_shifted_label_null():
    import nianbao
    from conftest import DATA

    got = nianbao.parse(DATA / "decoder" / "chromium-pdftotext__s08047-mixed.txt").to_json_dict()["requests"]
    # (13 wrong before: 补正后 12 10 … 37 was 信访's, 重复申请's 20 出版物's, …)
    for row in ("unavailable_unclear", "declined_duplicate", "declined_publication", "declined_mass"):
        assert set(got[row].values()) == {None}, row


def render_labels_below(rec: dict, seed: int) -> str:
    """表三 as pdftotext's default mode writes it: now and then a row's label comes after its numbers,
    which follow the numbers of the row above (one line per row of numbers, labels on lines of their own),
    several such rows in a row too (「A 1… 2… B 3… C D 4…」)."""
    import random

    from synth import T3_HEAD, T3_TAIL, t3_rows

    rnd = random.Random(seed)
    out = [*T3_HEAD]
    for k, (label, cells) in enumerate(t3_rows(rec)):
        below = 0 < k and rnd.random() < 0.3
        out += [" ".join(cells), label] if below else [label, " ".join(cells)]
    return "\n".join([*out, *T3_TAIL]) + "\n"


def test_seed_records_with_labels_below_their_numbers_decode_right_or_null():
    from conftest import load_json
    from synth import assert_never_wrong
    from test_mdconv_shapes import SEEDS

    right = 0
    for i, path in enumerate(SEEDS):
        rec = load_json(path)
        for seed in range(8):
            right += assert_never_wrong(rec, render_labels_below(rec, 50 * i + seed))
    assert right > 0.95 * len(SEEDS) * 8 * 25 * 7  # read, in their order (main read 62 %, with wrong numbers)


def test_a_chain_of_labels_below_their_numbers_is_read_in_order():
    # 「A 1… 2… B 3… C D 4…」: A's segment holds A's and B's numbers, B's holds C's, C's none
    segs = [([0], [1] * 14), ([1], [3] * 7), ([2], []), ([3], [4] * 7)]
    assert merge_label_clusters(segs, 7, _fits) == [([0, 1, 2], [1] * 14 + [3] * 7), ([3], [4] * 7)]


def test_a_segment_overfull_only_by_glued_digits_starts_no_chain():
    def fits(runs: list[int], cells: int) -> bool:  # runs of glued digits: 6 of them fill 7 cells
        return len(runs) in (cells, cells - 1)

    segs = [([0], [1] * 6), ([1], [3] * 7), ([2], []), ([3], [4] * 7)]
    assert merge_label_clusters(segs, 7, fits) == segs


def test_a_chain_after_a_label_only_row_is_not_read_in_order():
    # 「X A 1… 2… 3… B C D 4…」: the numbers may be X's, A's and B's (labels written before their numbers, as
    # pdftotext writes a label column in pieces) as well as A's, B's and C's
    segs = [([0], []), ([1], [1] * 7 + [2] * 7 + [3] * 7), ([2], []), ([3], []), ([4], [4] * 7)]
    assert merge_label_clusters(segs, 7, _fits) == [([0], []), ([1, 2, 3], []), ([4], [4] * 7)]


def test_a_chain_after_a_label_only_row_keeps_the_rows_every_shift_gives_the_same_numbers():
    segs = [([0], []), ([1], [0] * 21), ([2], []), ([3], []), ([4], [4] * 7)]
    assert merge_label_clusters(segs, 7, _fits) == [([0], []), ([1, 2], [0] * 14), ([3], []), ([4], [4] * 7)]


def test_a_surplus_before_label_only_rows_takes_only_as_many_rows_as_it_has_numbers_for():
    # s02111 (pdftotext): 「A 1… 2… 3… B C D E F G 4… 5… 6… H I」. A's segment holds two rows more than its own: B's and
    # C's. D, E and F have no numbers above their labels, so the chain's numbers may be theirs (4… D's) as well as
    # G's, H's and I's: not read. Before, a surplus of any size before the label-only rows took all of them.
    distinct = [k for k in range(4, 7) for _ in range(7)]
    segs = [([0], [1] * 21), ([1], []), ([2], []), ([3], []), ([4], []), ([5], []), ([6], distinct), ([7], []),
            ([8], [])]
    out = merge_label_clusters(segs, 7, _fits)
    assert not any(6 in c and r for c, r in out)
    # a surplus of every label-only row's numbers: the chain after them is read in order, as before
    segs = [([0], [1] * 21), ([1], []), ([2], []), ([3], distinct), ([4], []), ([5], []), ([6], [9] * 7)]
    assert ([3, 4, 5], distinct) in merge_label_clusters(segs, 7, _fits)
    # a part of a row more counts as the row (17 numbers for two rows before one label-only row)
    segs = [([0, 1], [1] * 17), ([2], []), ([3], distinct), ([4], []), ([5], []), ([6], [9] * 7)]
    assert ([3, 4, 5], distinct) in merge_label_clusters(segs, 7, _fits)


def test_a_segment_short_of_whole_rows_before_a_chain_may_have_its_numbers_there():
    # the same page read with the label-only rows inside the segment before: 42 numbers for twelve rows, then a chain
    distinct = [k for k in range(4, 7) for _ in range(7)]
    segs = [(list(range(12)), [1] * 42), ([12], distinct), ([13], []), ([14], []), ([15], [9] * 7)]
    out = merge_label_clusters(segs, 7, _fits)
    assert not any(12 in c and r for c, r in out)
    # short of less than a row (blank cells that left nothing): the chain is read
    segs = [([0], [1] * 5), ([1], distinct), ([2], []), ([3], []), ([4], [9] * 7)]
    assert ([1, 2, 3], distinct) in merge_label_clusters(segs, 7, _fits)


def test_a_chain_that_leaves_label_only_rows_after_it_with_no_number_is_not_read():
    # 「A 1… 2… 3… B C D E」 at the table's end: three rows of numbers for five rows, so two rows are blank
    # (a blank row leaves nothing in the text); A, B, C is one reading, A, D, E another: no row is settled
    segs = [([0], [1] * 7), ([1], [2] * 21), ([2], []), ([3], []), ([4], []), ([5], [])]
    out = merge_label_clusters(segs, 7, _fits)
    assert ([1, 2, 3], [2] * 21) not in out
    assert all(len(r) != 7 * len(c) or c == [0] for c, r in out if r)
    # the same rows with as many numbers as cells: read in order
    segs = [([0], [1] * 7), ([1], [2] * 35), ([2], []), ([3], []), ([4], []), ([5], [])]
    assert merge_label_clusters(segs, 7, _fits)[1] == ([1, 2, 3, 4, 5], [2] * 35)
    # label-only rows after the chain that the numbers after them fill: the chain stands
    segs = [([0], [1] * 14), ([1], []), ([2], []), ([3], [3] * 14)]
    assert merge_label_clusters(segs, 7, _fits) == [([0, 1], [1] * 14), ([2, 3], [3] * 14)]


def test_a_row_between_a_label_only_row_and_a_surplus_is_not_settled():
    """「A B 1… C 2… 3…」 (pdftotext over a table cut by a page break): A has no numbers, C two rows of them; B's
    seven may be A's. Only the row right between them; 「A 1… 2… B 3… C D」 (labels below numbers) is not this."""
    row = list(range(7))
    assert unsettled_between([([0], []), ([1], row), ([2], row * 2)], 7) == {1}
    assert unsettled_between([([0], []), ([1], row), ([2], row), ([3], row * 2)], 7) == set()  # further off
    assert unsettled_between([([0], row * 2), ([1], row), ([2], [])], 7) == set()  # the other way round
    assert unsettled_between([([0], []), ([1], row), ([2], row)], 7) == set()  # no surplus: A may be blank


def test_label_only_rows_beside_an_unsettled_row_or_after_a_surplus_are_unread():
    """A's numbers may be among B's or C's in 「A B 1… C 2… 3…」, and D's among C's in 「… C 2… 3… D」: not blank."""
    row = list(range(7))
    segs = [([0], []), ([1], row), ([2], row * 2), ([3], []), ([4], row)]
    assert label_rows_beside(segs, 7, {1}) == {0, 3}
    assert label_rows_beside(segs, 7, set()) == {3}  # after a surplus whatever was moved
    assert label_rows_beside([([0], []), ([1], row), ([2], [])], 7, set()) == set()  # no surplus: may be blank


def test_header_pieces_interleaved_right_to_left_on_lines_of_their_own():
    from nianbao.extract.columnar import _interleaved_heads, _OwnLine

    def own(text: str) -> list[str]:
        return [_OwnLine(w) for w in text.split()]

    assert _interleaved_heads(own("自然 人 法人或其他组织 科研 商业 机构 企业")) == {1, 2}  # pdfminer: 科研 before 商业
    assert _interleaved_heads(own("自然 人 商业 企业 科研 机构")) == frozenset()  # each whole in turn
    assert _interleaved_heads(own("商业 科研 企业 机构")) == frozenset()  # left to right
    assert _interleaved_heads("科研 商业 机构 企业".split()) == frozenset()  # pieces sharing lines (pdftotext)


def test_a_surplus_right_after_an_unread_label_only_row_shares_out_no_rows_after_it():
    # s05583 (pdftotext over Chromium's PDF, labels a page's rows at a time before their numbers): 「A … B C 1… 2… D E
    # 3… 4… 5…」 with A's numbers too many to settle. B's label-only row stayed unread, so C's two rows of numbers may be
    # B's and C's: sharing D out to C and E to the last segment read every row from E on one early (36 wrong). Now the
    # rows after C are shared out to neither side.
    d14 = [k for k in (3, 4) for _ in range(7)]
    e21 = [k for k in (5, 6, 7) for _ in range(7)]
    segs = [([0, 1], [1] * 36), ([2], []), ([3], d14), ([4], []), ([5], []), ([6, 7], e21)]
    assert ([5, 6, 7], e21) not in merge_label_clusters(segs, 7, _fits)
    # with no label-only row before the surplus, D goes to it and E to the last segment, as before
    segs = [([0, 1], [1] * 14), ([3], d14), ([4], []), ([5], []), ([6, 7], e21)]
    out = merge_label_clusters(segs, 7, _fits)
    assert ([3, 4], d14) in out and ([5, 6, 7], e21) in out
