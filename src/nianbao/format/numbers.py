"""How a number is shown: 3 not 3.0, decimals without trailing zeros, a blank as the caller wants it."""

from __future__ import annotations

import math
from typing import Any

# One character a writer marks a blank cell with, a dash or a slash: "nothing here", null, never 0. The PDF
# grid reader asks it of single glyphs (a mark beside a label in a cell whose lines are not drawn).
BLANK_MARK_CHARS = frozenset("-—–/／－\\")
# What a blank cell may hold (its text after NFKC).
BLANK_MARKS = BLANK_MARK_CHARS | {"", "--", "——", "—/—", "空", "空白", "无", "&nbsp;", "…", "..."}


def plain(value: Any) -> Any:
    """An integral float as an int (3.0 → 3); anything else unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def number_text(value: Any, blank: str = "") -> str:
    """A value as a person writes it: integers plainly, decimals rounded to 6 places without
    trailing zeros, None as ``blank`` ("" in a table cell, "空白" in a message)."""
    if value is None:
        return blank
    if isinstance(value, float):
        if not math.isfinite(value):
            return blank  # NaN or infinity (a hostile record): no number to write
        if abs(value) >= 1e15:
            return f"{value:.6g}"  # 1e308 written whole would be 309 digits
        if value.is_integer():
            return str(int(value))
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)
