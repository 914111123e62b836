"""How a value is written in a cell: integers plainly, decimals without trailing zeros, blank as blank."""

from __future__ import annotations

import math
from typing import Any


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""  # NaN or infinity in a hostile record: no number to print
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if abs(value) >= 1e15:
            return f"{value:.6g}"
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)
