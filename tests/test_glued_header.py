"""表三's header with two columns' words glued (pdfplumber's layout: 「商业企科研机社会公」) sets their centres closer than the
columns: rows with blank cells are not placed under it unless rows printing all seven numbers show the columns."""

from __future__ import annotations

from conftest import DATA
from nianbao.extract.placed import Places, _glued_header, _word_down, t3_laid_out
from nianbao.ingest import Block, Cell, load


def _blocks(*lines: list[str]) -> list[Block]:
    return [Block([Cell(t) for t in cells]) for cells in lines] + [Block([Cell("一、本年新收政府信息公开申请数量"), Cell("1")])]


def test_two_columns_words_without_a_space_are_glued():
    blocks = _blocks(["自然"], ["商业企科研机社会公", "法律服", "总计"], ["人", "其他"])
    assert _glued_header(blocks, len(blocks) - 1)


def test_words_set_apart_or_one_columns_words_are_not():
    assert not _glued_header(_blocks(["自然人", "商业企业 科研机构", "社会公益组织"], ["法律服务机构", "其他", "总计"]), 2)
    assert not _glued_header(_blocks(["社会公益组织"], ["自然人法人或其他组织"]), 2)  # 「法人或其他组织」 spans columns


def test_table_three_shows_whether_the_text_stands_in_columns():
    """A drawn table through pdfplumber's layout: 表三's full rows (新收, 总计, 结转) and header stand in columns, so
    表二's rows with blanks are read where their numbers stand (seed 5796, 2019 format: no 表二 row prints all its
    cells). A page of paragraphs through pypdf (seed 5839): its rows' numbers follow their labels, in no column."""
    table = load(DATA / "decoder" / "lo-pdfplumber-layout__s05796-zeros.txt")
    assert t3_laid_out(table.blocks, Places(table.text))
    paragraphs = load(DATA / "decoder" / "lo-pypdf__s05839-mixed.txt")
    assert not any(t3_laid_out(paragraphs.blocks, m) for m in (Places(paragraphs.text), Places(paragraphs.text).as_wide()))


def _at(text: str, x0: float) -> Cell:
    return Cell(text, bbox=(x0, 0.0, x0 + 10.0 * len(text), 10.0))


def test_a_column_word_wrapped_a_character_a_line_stands_where_both_pieces_stand():
    """A narrow header cell prints 其他 as 「其」 over 「他」 (Chromium's PDF through pdftotext -layout, seed 8405): the
    column stands where both pieces stand, alone on their lines; pieces apart, or a second 「其」, name no column."""
    places = Places()
    lines = [[_at("商业", 20), _at("其", 100)], [_at("企业", 20), _at("他", 100)]]
    assert _word_down(lines, "其他", places) == 105.0
    assert _word_down([[_at("其", 100)], [_at("他", 140)]], "其他", places) is None
    assert _word_down([[_at("其", 100), _at("其", 60)], [_at("他", 100)]], "其他", places) is None
    assert _word_down([[_at("其中", 100)], [_at("他", 100)]], "其他", places) is None  # not a word of its own
