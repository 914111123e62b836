"""``numbers_above_first_row`` asks ``core`` only of lines holding a character of 表二's first row labels: no
other character's NFKC form (nor a composition: an ideograph has no decomposition) holds one, so ``core`` of a
line without it is no such label."""

import unicodedata

from nianbao.extract.outofstep import numbers_above_first_row
from nianbao.extract.outofstep.firstrow import _FIRST_CHARS, _FIRSTS
from nianbao.format import core
from nianbao.ingest import Block, Cell


def test_each_label_holds_a_first_char():
    assert all(any(ch in label for ch in _FIRST_CHARS) for label in _FIRSTS)


def test_no_other_character_normalises_to_a_first_char():
    for ch in _FIRST_CHARS:
        assert unicodedata.decomposition(ch) == ""
        others = [c for c in range(0x110000) if not 0xD800 <= c < 0xE000 and chr(c) != ch
                  and ch in unicodedata.normalize("NFKC", chr(c))]
        assert others == []


def test_label_written_with_marks_still_found():
    # 「（一）规 章」 and full-width spacing: core makes it 规章 and the line holds 章
    head = Block([Cell("信息内容"), Cell("本年制发件数"), Cell("本年废止件数"), Cell("现行有效件数")])
    blocks = [head, Block([Cell("0")]), Block([Cell("1")]), Block([Cell("5")]), Block([Cell("（一）规\u3000章")])]
    assert core("（一）规\u3000章") in _FIRSTS
    assert numbers_above_first_row(blocks)
