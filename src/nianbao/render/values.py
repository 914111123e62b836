"""How a value is written in a cell: integers plainly, decimals without trailing zeros, blank as blank."""

from __future__ import annotations

from typing import Any


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)
