"""How a value is written in a cell: integers plainly, decimals without trailing zeros, blank as blank."""

from __future__ import annotations

from typing import Any

from ..format import Format


def cell_text(value: Any) -> str:
    return Format.number_text(value)
