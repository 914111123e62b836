"""A count's unit wrapped away from its number: a cell 「17件」 too narrow for it, written 「17」 on one line and 「件」
on a line below (pdfplumber's and PyMuPDF's layout text of a report whose cells carry their unit). The number then
stands on a line that is not its row's (the line above, or a line of its own between two rows), and a reader by
lines or by the order of the numbers takes it for a cell of the row above, or a cell of its own row one place early
(「1.申请人无正当理由逾期不补正…  0」 / 「1 0件 15 0件 0件 …  件16」: the 0 is 其他's, read as 自然人's)."""

from __future__ import annotations

import re

# a count unit standing apart from any digit: first in the text or after white space (「0件」's unit right after its
# digits is whole and stays so)
_LOOSE_UNIT = re.compile(r"(?<!\S)件")


def loose_unit(text: str) -> bool:
    """``text`` (a line, or a stretch of lines) holds a count's 件 standing apart from its digits."""
    return _LOOSE_UNIT.search(text) is not None


__all__ = ["loose_unit"]
