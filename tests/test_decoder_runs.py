"""runs_between's fast paths read exactly what the character-by-character reading read."""

from __future__ import annotations

import sys
import unicodedata

from nianbao.extract.decoder import _DIGIT, Stream, runs_between
from nianbao.ingest import Block, Cell


def test_digit_class_is_isdigit_on_nfkc() -> None:
    # the regex that skips words must stop at every character of the stream's NFKC text that str.isdigit()
    # takes (❶ as it is, ① and ² made 1 and 2 by NFKC …) and no other
    chars = {x for c in range(sys.maxunicode + 1) for x in unicodedata.normalize("NFKC", chr(c))}
    assert sorted(hex(ord(x)) for x in chars if bool(_DIGIT.match(x)) != x.isdigit()) == []
    assert "".join(r.digits for r in runs_between(_stream("①²❶⓵"), 0, 4)) == "12❶⓵"


def _stream(*lines: str) -> Stream:
    return Stream.from_blocks([Block([Cell(t) for t in line.split("\t")]) for line in lines])


def test_separator_inside_digits_still_ends_a_run() -> None:
    s = _stream("予以公开 12 3\t4", "56⑩7")
    got = [(r.digits, r.gap) for r in runs_between(s, 0, len(s.chars))]
    assert got == [("12", False), ("3", False), ("4", False), ("56107", False)]


def test_words_between_runs_mark_a_gap() -> None:
    s = _stream("1 2 其他 3")
    assert [(r.digits, r.gap) for r in runs_between(s, 0, len(s.chars))] == [("1", False), ("2", False), ("3", True)]


def test_a_caller_may_change_the_list_it_gets() -> None:
    s = _stream("本年新收 1 2 3")
    first = runs_between(s, 0, len(s.chars))
    first[0:2] = []
    assert [r.digits for r in runs_between(s, 0, len(s.chars))] == ["1", "2", "3"]


def test_a_run_of_zeros_is_that_many_cells() -> None:
    # no count is written with a leading 0: 「000000」 is six cells, each pointing at its character; a run with other
    # digits after its 0s stays whole (「029」 may be 20's 0, its 2 cut onto the line above, and 29: cuttail joins them)
    from nianbao.extract.decoder import _zero_cells

    s = _stream("0 000000 029 100 0")
    runs = _zero_cells(runs_between(s, 0, len(s.chars)))
    assert [r.digits for r in runs] == ["0", *"000000", "029", "100", "0"]
    assert all(s.chars[r.start:r.end] == r.digits for r in runs)
