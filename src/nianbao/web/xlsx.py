"""Formatted XLSX exports (问题清单 for a 通报). Any text that a spreadsheet would take for a formula
(``=``, ``+``, ``-``, ``@`` first, full-width too, or a tab/CR first) is written as text prefixed with a single
quote, so that Excel and WPS show it and never evaluate it, even when someone edits the cell."""

from __future__ import annotations

from io import BytesIO
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutral(v: Any) -> Any:
    """A value safe to write into a cell: numbers stay numbers, formula-looking text is quoted."""
    if v is None or isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    text = str(v)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def workbook(title: str, header: list[str], rows: list[list[Any]], widths: list[int] | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = neutral(title)[:31].replace("'", "") or "Sheet1"
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append([neutral(title)])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(1, len(header)))
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([neutral(h) for h in header])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r in rows:
        ws.append([neutral(v) for v in r])
        for cell in ws[ws.max_row]:
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for i, w in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A3"
    if header:  # filters on the header row
        ws.auto_filter.ref = f"A2:{get_column_letter(len(header))}{ws.max_row}"
    # printed for a 通报 as the fill-in template prints: A4 landscape, one page wide, the header row on
    # every page, pages numbered
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_title_rows = "2:2"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
