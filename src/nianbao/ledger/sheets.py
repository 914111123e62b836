"""The ledger template and the deadline listing, as XLSX.

The template's headers come from ``vocab``, its drop-downs from the format: the applicant types are
表三's columns, the outcomes its outcome rows written "（三）不予公开 1.属于国家秘密" (the group, then
the row), which the reader reads back to the same row.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from ..format import Format
from . import vocab
from .compute import format_for
from .deadlines import Deadline

ROWS = 1000  # rows with validation in the template


def applicant_choices() -> list[str]:
    out = []
    for c in Format.T3_COLUMNS:
        if c.key == "total":
            continue
        out.append(c.label if c.key != "other_org" else "其他组织")
    return out


def outcome_choices(year: int) -> list[str]:
    fmt = format_for(year)
    out = []
    for r in fmt.t3_rows:
        if not r.group:
            continue
        group = Format.T3_GROUPS.get(r.group)
        out.append(f"{group.label} {r.label}" if group is not None and r.number and not r.number.startswith("（")
                   else r.label)
    return out


def _page(ws) -> None:
    """Printed landscape, as wide as the page, the header repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    ws.row_dimensions[1].height = 32


def _header_style(ws, row: int, width: int) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    for c in range(1, width + 1):
        cell = ws.cell(row, c)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)


def template(year: int | None = None) -> bytes:
    """The ledger template: one row per application, drop-downs for applicant type, 延期 and outcome,
    dates checked as dates."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    year = year or 2024
    wb = Workbook()
    ws = wb.active
    ws.title = vocab.SHEET
    lists = wb.create_sheet(vocab.LISTS_SHEET)
    keys = vocab.TEMPLATE_KEYS
    for j, key in enumerate(keys, start=1):
        col = vocab.COLUMN_BY_KEY[key]
        cell = ws.cell(1, j, col.header)
        if col.hint:
            cell.comment = Comment(col.hint, "nianbao")
        ws.column_dimensions[get_column_letter(j)].width = col.width
    _header_style(ws, 1, len(keys))
    ws.freeze_panes = "B2"
    _page(ws)
    choices = {"applicant": applicant_choices(), "extended": ["是", "否"], "outcome": outcome_choices(year)}
    for j, (key, values) in enumerate(choices.items(), start=1):
        lists.cell(1, j, vocab.COLUMN_BY_KEY[key].header)
        for i, v in enumerate(values, start=2):
            lists.cell(i, j, v)
        letter = get_column_letter(j)
        ref = f"{vocab.LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
        dv = DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=True,
                            errorTitle="请从列表中选择", error=f"“{vocab.COLUMN_BY_KEY[key].header}”请从下拉列表中选择")
        target = get_column_letter(keys.index(key) + 1)
        dv.add(f"{target}2:{target}{ROWS + 1}")
        ws.add_data_validation(dv)
    lists.column_dimensions["C"].width = 60
    lists.sheet_state = "hidden"
    for j, key in enumerate(keys, start=1):
        if vocab.COLUMN_BY_KEY[key].kind != "date":
            continue
        letter = get_column_letter(j)
        dv = DataValidation(type="date", operator="between", formula1="DATE(2008,5,1)", formula2="DATE(2100,12,31)",
                            allow_blank=True, showErrorMessage=True, errorTitle="日期无效",
                            error="请填写日期，如 2024-03-05")
        dv.add(f"{letter}2:{letter}{ROWS + 1}")
        ws.add_data_validation(dv)
        for i in range(2, ROWS + 2):
            ws.cell(i, j).number_format = "yyyy-mm-dd"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


DEADLINE_HEADERS = ("编号", "行号", "收到日期", "起算日期", "答复期限（工作日）", "征求意见不计入（工作日）", "到期日",
                    "答复日期", "状态", "逾期工作日", "剩余工作日", "说明")


def deadline_rows(items: Iterable[Deadline]) -> list[list[object]]:
    return [[d.id, d.row, d.received, d.start, d.days, d.paused, d.due, d.replied, d.status,
             d.working_days_late or None, d.working_days_left, d.reason] for d in items]


def deadlines_xlsx(items: Iterable[Deadline], title: str = "答复期限") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(list(DEADLINE_HEADERS))
    _header_style(ws, 1, len(DEADLINE_HEADERS))
    red = PatternFill("solid", fgColor="F8CBAD")
    amber = PatternFill("solid", fgColor="FFE699")
    for values in deadline_rows(items):
        ws.append(values)
        r = ws.max_row
        for c in (3, 4, 7, 8):
            ws.cell(r, c).number_format = "yyyy-mm-dd"
        status = values[8]
        if status in (vocab.LATE, vocab.OPEN_LATE):
            ws.cell(r, 9).fill = red
            ws.cell(r, 9).font = Font(bold=True)
        elif status == vocab.DUE_SOON:
            ws.cell(r, 9).fill = amber
    for j, w in enumerate((12, 6, 12, 12, 10, 12, 12, 12, 16, 10, 10, 50), start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "A2"
    _page(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
