"""How a number is shown: 3 not 3.0, decimals without trailing zeros, a blank as the caller wants it."""

from __future__ import annotations

from typing import Any


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
        if value.is_integer():
            return str(int(value))
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)
