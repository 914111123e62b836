"""Numbers in full-width digits wrapped a digit a line in narrow cells (``extract.widewrap``): a row read from the middle
line of its numbers is null, never the middle digits; rows whose pieces a reader joined, or whose neighbours are other
rows' lines, stand."""

from __future__ import annotations

from nianbao.extract.tables import Found
from nianbao.extract.values import Value
from nianbao.extract.widewrap import null_wrapped_wide
from nianbao.ingest import Cell

KEYS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def _row(text: str, line: str, values: list[int]) -> Found:
    """A 表三 row 「（一）予以公开」 read from ``line`` of ``text``, each value from its own characters there."""
    at = text.index(line)
    found = Found()
    pos = at + len("（一）予以公开")
    for key, v in zip(KEYS, values):
        word = str(v).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        pos = text.index(word, pos)
        found.values[f"requests.granted.{key}"] = Value(v, Cell(word, 2, (pos, pos + len(word))))
        pos += len(word)
    return found


def test_the_middle_line_of_numbers_wrapped_a_digit_a_line_is_no_reading():
    text = "三、本年度办理结果\n１ １\n（一）予以公开 ０ ０ ７ ０ ０ ０ ７\n５ ５\n（二）部分公开\n"
    found = _row(text, "（一）予以公开", [0, 0, 7, 0, 0, 0, 7])
    assert null_wrapped_wide(text, (found,))
    assert all(v.value is None for v in found.values.values())
    assert found.notes and found.notes[-1][0] == "unreadable"


def test_pieces_on_one_side_only_or_other_rows_lines_leave_the_row():
    # 「１３」 over nothing: the row below's own line, a numbered label, is no loose piece
    below_only = "三、本年度办理结果\n（一）予以公开 ０ ０ ７ ０ ０ ０ ７\n５ ５\n（二）部分公开 ０ ０ ０ ０ ０ ０ ０\n"
    found = _row(below_only, "（一）予以公开", [0, 0, 7, 0, 0, 0, 7])
    assert not null_wrapped_wide(below_only, (found,))
    rows = "（六）其他处理 １ ２ ３\n（一）予以公开 ０ ０ ７ ０ ０ ０ ７\n（七）总计 ５ ５\n"
    found = _row(rows, "（一）予以公开", [0, 0, 7, 0, 0, 0, 7])
    assert not null_wrapped_wide(rows, (found,))


def test_text_in_ascii_digits_is_not_asked():
    text = "1 1\n（一）予以公开 0 0 7 0 0 0 7\n5 5\n"
    found = Found()
    found.values["requests.granted.total"] = Value(7, Cell("7", 2, (text.index("7 0"), text.index("7 0") + 1)))
    assert not null_wrapped_wide(text, (found,))
    assert found.values["requests.granted.total"].value == 7


def test_pieces_on_one_side_in_the_columns_of_the_rows_numbers_null_the_row():
    # pdfplumber's layout (seed 8709): 119 wrapped as 「１１」 / 「９」 in 其他 and 总计, 11 = 11 holding as read
    row = "（一）予以公开      ０  ０  ０  ０  ０  １１  １１"
    pieces = " " * row.index("１１") + "９   ９"  # under the first digits of 11 and 11
    text = f"三、本年度办理结果\n\n{row}\n{pieces}\n\n（二）部分公开\n"
    found = _row(text, row, [0, 0, 0, 0, 0, 11, 11])
    assert null_wrapped_wide(text, (found,))
    assert all(v.value is None for v in found.values.values())
    # the same pieces a column off: not the row's
    off = text.replace(pieces, " " + pieces)
    found = _row(off, row, [0, 0, 0, 0, 0, 11, 11])
    assert not null_wrapped_wide(off, (found,))
    # between two rows' lines: the row above's pieces under it may stand in the same columns
    between = f"一、本年新收 ０ ０ ０ ０ ０ ３ ３\n{pieces}\n{row}\n"
    found = _row(between, row, [0, 0, 0, 0, 0, 11, 11])
    assert not null_wrapped_wide(between, (found,))
