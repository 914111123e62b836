"""How nianbao sets up a worksheet to print: A4, one page wide (as many pages tall as it needs), centred.
The fill-in template (``render/xlsx``) and the sheets to read and print (the 问题清单, ``analyse/tabular``)
both start from it, so they print alike."""

from __future__ import annotations

from typing import Any


def fit_a4(ws: Any, landscape: bool, side_margin: float) -> None:
    """``ws`` (an openpyxl worksheet, write-only too) on A4 paper, ``landscape`` or portrait, fitted to one
    page wide, horizontally centred; left and right margins ``side_margin`` inches, top and bottom 0.6."""
    ws.page_setup.paperSize = "9"  # A4 (write-only sheets lack the PAPERSIZE_A4 constant)
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = side_margin
    ws.page_margins.top = ws.page_margins.bottom = 0.6
